// `replyguard team import-ics`: the team's calendar export (tests/cli/fixtures/ics) into the team
// section. Fixtures: a weekly evening shift with an EXDATE and a RECURRENCE-ID swap, a night shift
// over the spring clock change, a New York shift in the weeks when US and EU clocks differ by 5 h,
// a cancelled event, an all-day holiday overlapping a timed sick leave, Outlook's OOF, a yearly
// holiday written without DTEND, an unknown person. The result is cross-checked three ways: the
// imported entries, `replyguard oncall` at chosen instants, and the independent on-call reference
// (tests/reference/oncall-reference.mjs, Luxon) over the whole imported team.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const CLI = process.env.RG_CLI ?? path.join(root, 'build/native/replyguard');
const DUMP = process.env.RG_ONCALL_DUMP ?? path.join(path.dirname(CLI), 'oncall_dump');
const FX = path.join(here, 'fixtures/ics');
const dir = mkdtempSync(path.join(tmpdir(), 'rg-ics-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const run = (args) => {
  const r = spawnSync(CLI, args, { encoding: 'utf8', env: { PATH: process.env.PATH, LANG: 'C.UTF-8' } });
  return { code: r.status, out: r.stdout, err: r.stderr };
};
const OUT = path.join(dir, 'bundle.json');
const WINDOW = ['--from', '2026-03-20T00:00:00Z', '--to', '2026-04-30T00:00:00Z'];
const importAll = () => run(['team', 'import-ics', path.join(FX, 'shifts.ics'), path.join(FX, 'absences.ics'), '--schedule', 'duty',
  '--bundle', path.join(FX, 'team.bundle.json'), ...WINDOW, '--out', OUT]);

test('shifts become the schedule\'s overrides in local wall time, across DST, with EXDATE and a moved instance', () => {
  const r = importAll();
  assert.equal(r.code, 0, r.err);
  assert.match(r.err, /imported 9 shifts \(overrides\) and 5 absences; 1 overlapping absences merged, 4 shifts cut around absences, 1 events skipped/);
  assert.match(r.err, /skipped: .*Urlaub Frank.*no team member matches/);
  const team = JSON.parse(readFileSync(OUT, 'utf8')).team;
  const ov = team.schedules[0].overrides.map((o) => `${o.member} ${o.from} ${o.to}`);
  assert.deepEqual(ov, [
    'anna 2026-03-23T18:00 2026-03-23T23:00',
    'anna 2026-03-24T18:00 2026-03-24T23:00',
    'cem 2026-03-24T23:00 2026-03-25T01:00',     // 18:00 in New York (EDT) is 23:00 in Berlin (still CET)
    'anna 2026-03-25T18:00 2026-03-25T23:00',
    'anna 2026-03-26T18:00 2026-03-26T23:00',
    'ben 2026-03-28T23:00 2026-03-29T07:00',     // over the spring-forward night: 7 real hours
    'anna 2026-03-30T18:00 2026-03-30T23:00',    // after the change: still 18:00 local
    'ben 2026-04-01T19:00 2026-04-01T23:30',     // RECURRENCE-ID: moved and handed to Ben
    'anna 2026-04-02T18:00 2026-04-02T23:00',    // 31 March: EXDATE; 6–9 April: Anna is away
  ]);
  assert.ok(team.schedules[0].overrides.every((o) => o.note.startsWith('ics:')));
});

test('absences: all-day and timed, overlapping ones merged, OOF and summary words recognised, hand-written ones kept', () => {
  assert.equal(importAll().code, 0);
  const team = JSON.parse(readFileSync(OUT, 'utf8')).team;
  const ab = team.absences.map((a) => `${a.member} ${a.reason} ${a.from} ${a.to}`);
  assert.deepEqual(ab, [
    'dora training 2026-05-04 2026-05-08',           // entered by hand, kept
    'anna holiday 2026-04-06T00:00 2026-04-10T12:00', // holiday 6–8 April (all day) + sick 7 April 12:00 – 10 April 12:00
    'ben other 2026-03-26T13:00 2026-03-26T17:00',    // Outlook OOF, 12:00–16:00 UTC in Berlin time
    'dora holiday 2026-03-30 2026-03-30',             // "Urlaub Dora Weiss", weekly, no DTEND: one day each
    'dora holiday 2026-04-06 2026-04-06',
    'dora holiday 2026-04-13 2026-04-13',
  ]);
  assert.match(team.absences[1].note, /ics:holiday-anna@acme\.example ics:sick-anna@acme\.example/);
});

test('importing again replaces what the last import wrote, nothing else', () => {
  assert.equal(importAll().code, 0);
  const first = readFileSync(OUT, 'utf8');
  const again = run(['team', 'import-ics', path.join(FX, 'shifts.ics'), path.join(FX, 'absences.ics'), '--schedule', 'duty', '--bundle', OUT, ...WINDOW]);
  assert.equal(again.code, 0, again.err);
  assert.deepEqual(JSON.parse(again.out), JSON.parse(first));
  const onlyShifts = run(['team', 'import-ics', path.join(FX, 'shifts.ics'), '--schedule', 'duty', '--bundle', OUT, ...WINDOW]);
  const team = JSON.parse(onlyShifts.out).team;
  assert.deepEqual(team.absences.map((a) => a.member), ['dora'], 'imported absences gone, the hand-written one stays');
});

test('oncall and gaps on the imported bundle: the Friday evening is uncovered', () => {
  assert.equal(importAll().code, 0);
  const who = (at) => {
    const r = run(['oncall', OUT, 'duty', '--at', at, '--json']);
    assert.equal(r.code, 0, r.err);
    return JSON.parse(r.out).on_call?.member ?? null;
  };
  assert.equal(who('2026-03-24T19:00:00+01:00'), 'anna');
  assert.equal(who('2026-03-24T23:30:00+01:00'), 'cem');
  assert.equal(who('2026-03-29T06:30:00+02:00'), 'ben');
  assert.equal(who('2026-03-30T18:30:00+02:00'), 'anna');
  assert.equal(who('2026-03-31T19:00:00+02:00'), null, 'EXDATE: nobody');
  assert.equal(who('2026-04-01T18:30:00+02:00'), null, 'the swapped shift starts at 19:00');
  assert.equal(who('2026-04-01T19:30:00+02:00'), 'ben');
  assert.equal(who('2026-04-07T19:00:00+02:00'), null, 'Anna is away, her shift is gone');
  const g = run(['gaps', OUT, 'duty', '--from', '2026-03-27T00:00:00+01:00', '--to', '2026-03-28T12:00:00+01:00', '--json']);
  assert.equal(g.code, 1);
  const gaps = JSON.parse(g.out).gaps.map((x) => `${x.from} ${x.to}`);
  assert.ok(gaps.includes(`${Date.parse('2026-03-27T18:00:00+01:00')} ${Date.parse('2026-03-28T08:00:00+01:00')}`), JSON.stringify(JSON.parse(g.out).gaps));
});

test('the imported team agrees with the independent on-call reference', { skip: !existsSync(DUMP) && 'oncall_dump not built' }, () => {
  assert.equal(importAll().code, 0);
  const r = spawnSync(process.execPath, [path.join(root, 'tests/reference/oncall-reference.mjs'), '--bundle', OUT, '--dump', DUMP, '--samples', '600'], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stdout + r.stderr);
  assert.match(r.stdout, / 0 disagreements/);
});

test('errors: overlapping shifts of two people, unknown schedule, not a calendar, team-only input and output', () => {
  const ov = run(['team', 'import-ics', path.join(FX, 'shifts.ics'), path.join(FX, 'overlap.ics'), '--schedule', 'duty', '--bundle', path.join(FX, 'team.bundle.json'), ...WINDOW]);
  assert.equal(ov.code, 3);
  assert.match(ov.err, /shifts overlap: anna \(evening-anna@acme\.example\) and ben \(overlap-ben@acme\.example\) at 2026-03-24T21:00/);
  const sched = run(['team', 'import-ics', path.join(FX, 'shifts.ics'), '--schedule', 'nope', '--bundle', path.join(FX, 'team.bundle.json'), ...WINDOW]);
  assert.equal(sched.code, 3);
  assert.match(sched.err, /unknown schedule "nope"/);
  const junk = path.join(dir, 'junk.ics');
  writeFileSync(junk, 'hello\n');
  const bad = run(['team', 'import-ics', junk, '--schedule', 'duty', '--bundle', path.join(FX, 'team.bundle.json'), ...WINDOW]);
  assert.equal(bad.code, 3);
  assert.match(bad.err, /junk\.ics/);
  const teamOnly = path.join(dir, 'team.json');
  writeFileSync(teamOnly, JSON.stringify(JSON.parse(readFileSync(path.join(FX, 'team.bundle.json'), 'utf8')).team));
  const t = run(['team', 'import-ics', path.join(FX, 'shifts.ics'), '--schedule', 'duty', '--bundle', teamOnly, ...WINDOW]);
  assert.equal(t.code, 0, t.err);
  const out = JSON.parse(t.out);
  assert.equal(out.format, undefined, 'a team in, a team out');
  assert.equal(out.schedules[0].overrides.length, 13, 'without the absences file Anna keeps her shifts of 6–9 April');
  assert.equal(run(['team', 'import-ics', path.join(FX, 'shifts.ics'), '--bundle', teamOnly]).code, 2, '--schedule is required');
});
