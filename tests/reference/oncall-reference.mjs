#!/usr/bin/env node
// Independent reference check of on-call resolution.
//
// Re-implements the schedule model of policies/README.md ("Team and escalation") from the spec with
// Luxon, asks the C++ core the same questions (through tests/reference/oncall_dump), and counts
// disagreements: who is on call, how (rotation/override/substitute), layer, for whom, until when,
// the backup, and every coverage gap over the whole period. Exits non-zero on any disagreement.
//
//   node tests/reference/oncall-reference.mjs [--dump PATH | --wasm BUILD_DIR] [--bundle PATH] [--samples N] [--seed N]
//
//   (no --bundle: policies/examples/telecom.json and tests/reference/dst-stress.json; --step minutes, default 5)
//
// Deliberately different technique from the core: turns are found by binary search over handoff
// instants built with Luxon; "until" and gaps are found by scanning forward in 5-minute steps and
// bisecting to the minute (all boundaries of the model fall on whole minutes), not by enumerating
// candidate boundaries. Assumes no on-call state lasts less than the scan step (true for both bundles:
// the shortest is 10 minutes, a window edge inside Lord Howe's 30-minute DST fold).
import { spawnSync } from 'node:child_process';
import { readFileSync, existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { DateTime, IANAZone } from 'luxon';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../..');
const args = Object.fromEntries(process.argv.slice(2).reduce((acc, a, i, all) => {
  if (a.startsWith('--')) acc.push([a.slice(2), all[i + 1]]);
  return acc;
}, []));
// Without --bundle: check the telecom example and the DST stress team, each in its own process.
if (!args.bundle) {
  let failed = 0;
  for (const b of ['policies/examples/telecom.json', 'tests/reference/dst-stress.json']) {
    const r = spawnSync(process.execPath, [fileURLToPath(import.meta.url), ...process.argv.slice(2), '--bundle', resolve(root, b)],
      { stdio: 'inherit' });
    if (r.status !== 0) failed = r.status ?? 2;
  }
  process.exit(failed);
}
const bundlePath = resolve(args.bundle);
const dumpCandidates = [args.dump, process.env.RG_ONCALL_DUMP, resolve(root, 'build/native/oncall_dump'),
  '/tmp/rg-esc/oncall_dump', '/tmp/oncall_dump'].filter(Boolean);
const dumpPath = dumpCandidates.find((p) => existsSync(p));
const SAMPLES = Number(args.samples ?? 2500);
let seed = Number(args.seed ?? 20260329);

const MIN = 60_000, HOUR = 60 * MIN, DAY = 24 * HOUR;
const STEP = Number(args.step ?? 5) * MIN;
const HORIZON = 400 * DAY;

// ---------- the model, read from the bundle ----------
const bundle = JSON.parse(readFileSync(bundlePath, 'utf8'));
const T = bundle.team;
const members = new Map(T.members.map((m) => [m.id, { ...m, zone: m.timezone ?? T.timezone }]));

// Local wall fields -> instant. Spring gap: moved forward by the gap (Luxon does this already).
// Repeated autumn hour: the FIRST occurrence (Luxon picks the later one, so we look an offset-change back).
function wallToMillis(fields, zone) {
  const dt = DateTime.fromObject(fields, { zone });
  const ms = dt.toMillis();
  const before = IANAZone.create(zone).offset(ms - 6 * HOUR);
  if (before > dt.offset) {
    const earlier = DateTime.fromMillis(ms - (before - dt.offset) * MIN, { zone });
    if (earlier.hour === dt.hour && earlier.minute === dt.minute && earlier.day === dt.day) return earlier.toMillis();
  }
  return ms;
}
const fieldsOf = (s) => {
  const d = DateTime.fromISO(s, { zone: 'UTC' });
  return { year: d.year, month: d.month, day: d.day, hour: d.hour, minute: d.minute };
};
// Absence/override bounds: "YYYY-MM-DD" is a whole day (an end date includes that day), else "YYYY-MM-DDTHH:MM".
function bound(s, zone, isEnd) {
  if (s.length === 10) {
    const d = DateTime.fromISO(s, { zone: 'UTC' }).plus({ days: isEnd ? 1 : 0 });
    return wallToMillis({ year: d.year, month: d.month, day: d.day, hour: 0, minute: 0 }, zone);
  }
  return wallToMillis(fieldsOf(s), zone);
}

const absences = (T.absences ?? []).map((a, i) => {
  const z = members.get(a.member).zone;
  return { ...a, id: i, from: bound(a.from, z, false), to: bound(a.to, z, true) };
});
const awayAt = (m, t) => absences.find((a) => a.member === m && a.from <= t && t < a.to);

const DAYS = { mon: 0, tue: 1, wed: 2, thu: 3, fri: 4, sat: 5, sun: 6 };
const clock = (s) => Number(s.slice(0, 2)) * 60 + Number(s.slice(3, 5));
function parseWindow(r) {
  const weekly = /^[a-z]{3} /.test(r.from);
  if (weekly) return { weekly, a: DAYS[r.from.slice(0, 3)] * 1440 + clock(r.from.slice(4)), b: DAYS[r.to.slice(0, 3)] * 1440 + clock(r.to.slice(4)) };
  return { weekly, a: clock(r.from), b: clock(r.to) % 1440 };
}

const schedules = new Map(T.schedules.map((s) => {
  const zone = s.timezone ?? T.timezone;
  const holidays = new Set(s.holidays ? T.holidays[s.holidays] : []);
  const layers = s.layers.map((l) => {
    const hours = { daily: 24, weekly: 168, custom: l.rotation.hours }[l.rotation.type];
    const startWall = DateTime.fromISO(l.start, { zone: 'UTC' });  // naive wall clock
    const handoffs = new Map();
    const handoff = (k) => {
      if (!handoffs.has(k)) {
        const w = startWall.plus({ hours: k * hours });
        handoffs.set(k, wallToMillis({ year: w.year, month: w.month, day: w.day, hour: w.hour, minute: w.minute }, zone));
      }
      return handoffs.get(k);
    };
    return {
      ...l, handoff, windows: (l.restrictions ?? []).map(parseWindow),
      startMs: wallToMillis(fieldsOf(l.start), zone), endMs: l.end ? wallToMillis(fieldsOf(l.end), zone) : Infinity,
      pool: l.substitutes ?? [], need: l.require ?? {},
    };
  });
  const overrides = (s.overrides ?? []).map((o, i) => ({ ...o, id: i, from: bound(o.from, zone, false), to: bound(o.to, zone, true) }));
  return [s.id, { id: s.id, zone, holidays, layers, overrides }];
}));

function fitsProfile(m, layer) {
  const mm = members.get(m);
  const roles = layer.need.roles ?? [], langs = layer.need.languages ?? [];
  return (roles.length === 0 || roles.some((r) => mm.roles.includes(r))) && langs.every((l) => mm.languages.includes(l));
}

function layerRuns(s, layer, t) {
  if (t < layer.startMs || t >= layer.endMs) return false;
  const local = DateTime.fromMillis(t, { zone: s.zone });
  if (layer.holidays === 'include' && s.holidays.has(local.toISODate())) return true;
  if (layer.holidays === 'exclude' && s.holidays.has(local.toISODate())) return false;
  if (layer.windows.length === 0) return true;
  const dayMin = local.hour * 60 + local.minute, weekMin = (local.weekday - 1) * 1440 + dayMin;
  return layer.windows.some(({ weekly, a, b }) => {
    const x = weekly ? weekMin : dayMin;
    return a < b ? a <= x && x < b : x >= a || x < b;
  });
}

// Largest k with handoff(k) <= t, by exponential then binary search.
function turnAt(layer, t) {
  let lo = 0, hi = 1;
  while (layer.handoff(hi) <= t) { lo = hi; hi *= 2; }
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (layer.handoff(mid) <= t) lo = mid; else hi = mid;
  }
  return lo;
}

function whoIsOnCall(s, t, excluded = []) {
  const o = s.overrides.find((x) => x.from <= t && t < x.to && !excluded.includes(x.member));
  if (o) return { member: o.member, via: 'override', override: o.id };
  let anyActive = false;
  const missing = [];
  for (const layer of s.layers) {
    if (!layerRuns(s, layer, t)) continue;
    anyActive = true;
    const n = layer.members.length, pos = turnAt(layer, t) % n, due = layer.members[pos];
    const away = awayAt(due, t);
    if (!away && !excluded.includes(due)) return { member: due, via: 'rotation', layer: layer.id };
    const order = [];
    if (away?.substitute) order.push(away.substitute);
    order.push(...layer.pool);
    for (let i = 1; i < n; i++) order.push(layer.members[(pos + i) % n]);
    const cover = order.find((m) => m !== due && !excluded.includes(m) && !awayAt(m, t) && fitsProfile(m, layer));
    if (cover) return { member: cover, via: 'substitute', layer: layer.id, for: due, absence: away?.id ?? -1 };
    missing.push(`${due}:${away?.id ?? 'x'}`);
  }
  return { member: null, via: 'gap', reason: anyActive ? 'no_qualified_substitute' : 'no_layer_active', missing: missing.join(',') };
}

const keyOf = (r) => JSON.stringify(r);

// First minute-aligned instant after t where the answer changes (scan + bisect), or null.
function changeAfter(s, t, excluded = []) {
  const k0 = keyOf(whoIsOnCall(s, t, excluded));
  let prev = t;
  for (let x = t + STEP; x <= t + HORIZON + STEP; x += STEP) {
    if (keyOf(whoIsOnCall(s, x, excluded)) === k0) { prev = x; continue; }
    let lo = Math.floor(prev / MIN), hi = Math.floor(x / MIN);  // key(lo) == k0, key(hi) != k0
    while (hi - lo > 1) {
      const mid = Math.floor((lo + hi) / 2);
      if (keyOf(whoIsOnCall(s, mid * MIN, excluded)) === k0) lo = mid; else hi = mid;
    }
    return hi * MIN <= t + HORIZON ? hi * MIN : null;
  }
  return null;
}

function expected(s, t) {
  const r = whoIsOnCall(s, t);
  const out = { member: r.member, via: r.via, layer: r.layer ?? null, for: r.for ?? null, until: changeAfter(s, t) };
  if (r.member) {
    const b = whoIsOnCall(s, t, [r.member]);
    out.backup = b.member;
  } else {
    out.reason = r.reason;
  }
  return out;
}
const actualOf = (j) => {
  const out = { member: j.on_call?.member ?? null, via: j.via, layer: j.layer ?? null, for: j.substitute_for?.member ?? null, until: j.until };
  if (out.member) out.backup = j.backup?.member ?? null; else out.reason = j.gap?.reason;
  return out;
};

function expectedGaps(s, from, to) {
  const list = [];
  let t = from;
  while (t < to) {
    const r = whoIsOnCall(s, t);
    let end = changeAfter(s, t);
    end = end === null || end > to ? to : end;
    if (!r.member) {
      const last = list[list.length - 1];
      if (last && last.to === t && last.key === keyOf(r)) last.to = end;
      else list.push({ from: t, to: end, reason: r.reason, key: keyOf(r) });
    }
    t = end;
  }
  return list.map(({ from: f, to: e, reason }) => ({ from: f, to: e, reason }));
}

// ---------- instants to compare ----------
function rand() {  // mulberry32
  seed = (seed + 0x6D2B79F5) | 0;
  let x = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
  return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
}
const FROM = Date.UTC(2026, 0, 1), TO = Date.UTC(2028, 0, 1);
function transitions(zone) {
  const z = IANAZone.create(zone), out = [];
  for (let t = FROM; t < TO; t += HOUR) if (z.offset(t) !== z.offset(t + HOUR)) out.push(t + HOUR);
  return out;
}
const zones = [...new Set([...schedules.values()].map((s) => s.zone).concat([...members.values()].map((m) => m.zone)))];
const dst = zones.flatMap(transitions);
const instants = [];
for (let i = 0; i < SAMPLES; i++) {
  const u = rand();
  if (u < 0.55) instants.push(FROM + Math.floor(rand() * (TO - FROM)));
  else if (u < 0.8) instants.push(dst[Math.floor(rand() * dst.length)] + Math.floor((rand() - 0.5) * 12 * HOUR));
  else {
    // Exactly at (or 1 ms / 1 min before) a local handoff or window edge.
    const s = [...schedules.values()][Math.floor(rand() * schedules.size)];
    const day = DateTime.fromMillis(FROM + Math.floor(rand() * (TO - FROM)), { zone: s.zone });
    const [h, m] = [[0, 0], [7, 0], [8, 0], [9, 0], [12, 0], [18, 0], [19, 0], [23, 0], [2, 30], [1, 30], [2, 15], [1, 50]][Math.floor(rand() * 12)];
    const at = wallToMillis({ year: day.year, month: day.month, day: day.day, hour: h, minute: m }, s.zone);
    instants.push(at + [0, -1, 1, -MIN][Math.floor(rand() * 4)]);
  }
}

// ---------- ask the core ----------
const queries = [];
for (const t of instants) for (const id of schedules.keys()) queries.push({ kind: 'oncall', id, t, line: `oncall ${id} ${t}` });
for (const id of schedules.keys()) queries.push({ kind: 'gaps', id, line: `gaps ${id} ${FROM} ${TO}` });
let answers;
let coreName;
if (args.wasm) {
  // The WebAssembly core (with its trimmed ICU data) instead of the native one.
  const { loadNodeCore } = await import(pathToFileURL(resolve(root, 'wasm/js/node-loader.mjs')).href);
  const core = await loadNodeCore(resolve(args.wasm));
  const loaded = core.loadPolicy(readFileSync(bundlePath, 'utf8'));
  if (!loaded.ok) {
    console.error('wasm core rejected the bundle:', JSON.stringify(loaded.errors));
    process.exit(2);
  }
  answers = queries.map((q) => (q.kind === 'oncall' ? core.oncall(loaded.handle, q.id, q.t) : core.gaps(loaded.handle, q.id, FROM, TO)));
  coreName = `wasm core ${args.wasm}`;
} else {
  if (!dumpPath) {
    console.error('oncall_dump not found; build it (see tests/reference/oncall_dump.cpp) or pass --dump PATH');
    process.exit(2);
  }
  const run = spawnSync(dumpPath, [bundlePath], { input: queries.map((q) => q.line).join('\n') + '\n', maxBuffer: 1 << 30 });
  if (run.status !== 0) {
    console.error(`oncall_dump failed (${run.status}): ${run.stderr}`);
    process.exit(2);
  }
  answers = run.stdout.toString().trim().split('\n').map((l) => JSON.parse(l));
  coreName = `native core ${dumpPath}`;
}
if (answers.length !== queries.length) {
  console.error(`expected ${queries.length} answers, got ${answers.length}`);
  process.exit(2);
}

let disagreements = 0, compared = 0, gapCount = 0;
const report = (what) => { if (++disagreements <= 20) console.log('DISAGREE', JSON.stringify(what)); };
const started = Date.now();
queries.forEach((q, i) => {
  const s = schedules.get(q.id);
  if (q.kind === 'oncall') {
    compared++;
    const want = expected(s, q.t), got = actualOf(answers[i]);
    if (keyOf(want) !== keyOf(got)) report({ schedule: q.id, at: new Date(q.t).toISOString(), t: q.t, want, got });
  } else {
    const want = expectedGaps(s, FROM, TO);
    const got = answers[i].gaps.map((g) => ({ from: g.from, to: g.to, reason: g.reason }));
    gapCount += want.length;
    compared++;
    if (keyOf(want) !== keyOf(got)) report({ schedule: q.id, gaps: true, want: want.slice(0, 5), got: got.slice(0, 5), wantN: want.length, gotN: got.length });
  }
});
console.log(`${coreName}, bundle ${bundlePath.replace(root + '/', '')}: ${instants.length} instants (${dst.length} DST transitions in ${zones.join(', ')}), ` +
  `${schedules.size} schedules, ${compared} answers compared (incl. ${schedules.size} two-year gap lists with ${gapCount} gaps), ` +
  `${disagreements} disagreements [${((Date.now() - started) / 1000).toFixed(1)} s]`);
process.exit(disagreements === 0 ? 0 : 1);
