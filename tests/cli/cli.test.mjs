// The admin CLI `replyguard`, run as a process: every subcommand, its errors and exit codes, and
// the signature checks (tampering, wrong/unknown key, rollback, expiry). Binary: env RG_CLI,
// default build/native/replyguard.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync, statSync, truncateSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const CLI = process.env.RG_CLI ?? path.join(root, 'build/native/replyguard');
const SMALL = path.join(here, 'fixtures/small.bundle.json');
const CORPUS = path.join(here, 'fixtures/corpus.jsonl');
const dir = mkdtempSync(path.join(tmpdir(), 'rg-cli-'));
const at = (name) => path.join(dir, name);
after(() => rmSync(dir, { recursive: true, force: true }));

// English unless a test asks otherwise, whatever the machine's locale.
function run(args, { input, env = {} } = {}) {
  const r = spawnSync(CLI, args, { input, encoding: 'utf8', env: { PATH: process.env.PATH, LANG: 'C.UTF-8', ...env } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

function write(name, text) {
  writeFileSync(at(name), text);
  return at(name);
}

// Rewrites one field of a signed envelope and saves it under a new name.
function forge(signedPath, name, edit) {
  const env = JSON.parse(readFileSync(signedPath, 'utf8'));
  edit(env);
  return write(name, JSON.stringify(env, null, 2));
}

// A bundle the loader rejects (/rules/1/severity), shared by lint, sign and check tests.
const BAD = (() => {
  const b = JSON.parse(readFileSync(SMALL, 'utf8'));
  b.rules[1].severity = 'fatal';
  return write('bad-severity.json', JSON.stringify(b));
})();

const flipBase64Byte = (b64, index) => {
  const bytes = Buffer.from(b64, 'base64');
  bytes[index] ^= 1;
  return bytes.toString('base64');
};

describe('replyguard CLI', { skip: existsSync(CLI) ? false : `no CLI at ${CLI} (set RG_CLI)` }, () => {
  describe('dispatcher', () => {
    test('help, unknown command, unknown option', () => {
      assert.equal(run(['--help']).code, 0);
      assert.match(run(['--help']).out, /replyguard verify SIGNED/);
      assert.equal(run([]).code, 2);
      const unknown = run(['frobnicate']);
      assert.equal(unknown.code, 2);
      assert.match(unknown.err, /unknown command 'frobnicate'/);
      assert.equal(run(['lint', SMALL, '--bogus']).code, 2);
      assert.equal(run(['lint']).code, 2);
      assert.equal(run(['lint', SMALL, 'extra']).code, 2);
      assert.match(run(['sign', '--help']).out, /--expires/);
    });

    test('German from --lang or LANG', () => {
      assert.match(run(['frobnicate'], { env: { LANG: 'de_DE.UTF-8' } }).err, /unbekannter Befehl/);
      assert.match(run(['--lang', 'de', 'frobnicate']).err, /unbekannter Befehl/);
      assert.match(run(['--lang=en', 'frobnicate'], { env: { LANG: 'de_DE.UTF-8' } }).err, /unknown command/);
      assert.equal(run(['--lang', 'fr', 'lint', SMALL]).code, 2);
    });
  });

  describe('lint', () => {
    test('a valid bundle', () => {
      const r = run(['lint', SMALL]);
      assert.equal(r.code, 0);
      assert.match(r.out, /com\.example\.cli-test version 4, 3 rules/);
    });

    test('each error as POINTER: message, exit 3', () => {
      const r = run(['lint', BAD]);
      assert.equal(r.code, 3);
      assert.match(r.out, /^\/rules\/1\/severity: \S.*$/m);
      const j = JSON.parse(run(['lint', BAD, '--json']).out);
      assert.equal(j.ok, false);
      assert.ok(j.errors.some((e) => e.pointer === '/rules/1/severity'));
    });

    test('a pattern that backtracks catastrophically is a warning, not an error', () => {
      const b = JSON.parse(readFileSync(SMALL, 'utf8'));
      b.rules[0] = { ...b.rules[0], kind: 'pattern', pattern: '(x+x+)+y', examples: { flag: ['xxy'], pass: ['xx'] } };
      for (const k of ['terms', 'match', 'obfuscation', 'exceptions', 'replacement', 'pairs']) delete b.rules[0][k];
      const file = write('backtrack.json', JSON.stringify(b));
      const r = run(['lint', file]);
      assert.equal(r.code, 0, r.out + r.err);
      assert.match(r.out, /^warning: \/rules\/0\/pattern: pattern backtracks catastrophically/m);
      const j = JSON.parse(run(['lint', file, '--json']).out);
      assert.equal(j.ok, true);
      assert.deepEqual(j.warnings.map((w) => w.pointer), ['/rules/0/pattern']);
      assert.match(run(['--lang', 'de', 'lint', file]).out, /^Warnung: \/rules\/0\/pattern/m);
      assert.deepEqual(JSON.parse(run(['lint', SMALL, '--json']).out).warnings, []);
    });

    test('unreadable file, invalid JSON, a directory', () => {
      const missing = run(['lint', at('nope.json')]);
      assert.equal(missing.code, 3);
      assert.match(missing.err, /cannot read .*nope\.json/);
      assert.equal(run(['lint', write('broken.json', '{"format": ')]).code, 3);
      assert.equal(run(['lint', dir]).code, 3);
    });

    test('a version beyond 2^31 is printed as written (lint and sign), not narrowed', () => {
      const b = JSON.parse(readFileSync(SMALL, 'utf8'));
      b.version = 202612011200;
      const file = write('big-version.json', JSON.stringify(b));
      assert.match(run(['lint', file]).out, /version 202612011200,/);
      assert.equal(JSON.parse(run(['lint', file, '--json']).out).info.version, 202612011200);
      assert.equal(run(['keygen', '--out', at('bigver')]).code, 0);
      const signed = run(['sign', file, '--key', at('bigver.key'), '--expires', '30', '--out', at('big-version.signed.json')]);
      assert.match(signed.out, /version 202612011200,/);
      b.version = 9007199254740992;  // 2^53: not exact in the extension's numbers
      assert.equal(run(['lint', write('too-big-version.json', JSON.stringify(b))]).code, 3);
    });

    test('--json prints JSON when the error quotes invalid UTF-8', () => {
      const file = at('bad-utf8.json');
      writeFileSync(file, Buffer.concat([Buffer.from('{"format":"replyguard-bundle/1","id":"x'), Buffer.from([0xff]), Buffer.from('","version":1}')]));
      const r = run(['lint', file, '--json']);
      assert.equal(r.code, 3);
      const j = JSON.parse(r.out);
      assert.equal(j.ok, false);
      assert.match(j.errors[0].message, /UTF-8/);
    });

    test('a file over the 16 MiB limit is refused by its size, before it is read', () => {
      const file = at('huge.json');
      writeFileSync(file, '');
      truncateSync(file, 100 * 1024 * 1024);  // sparse: 100 MB that cost no disk
      const r = run(['lint', file]);
      assert.equal(r.code, 3);
      assert.match(r.err, /larger than 16777216 bytes/);
      assert.equal(run(['keygen', '--out', at('sizekey')]).code, 0);
      const v = run(['verify', file, '--pub', at('sizekey.pub')]);
      assert.equal(v.code, 3);
      assert.match(v.err, /larger than 25165824 bytes/);
      const fromStdin = spawnSync(CLI, ['lint', '-'], { input: Buffer.alloc(17 * 1024 * 1024, 0x20), encoding: 'utf8', env: { PATH: process.env.PATH, LANG: 'C.UTF-8' } });
      assert.equal(fromStdin.status, 3);
      assert.match(fromStdin.stderr, /larger than 16777216 bytes/);
    });
  });

  describe('test', () => {
    test('passing and failing examples', () => {
      const ok = run(['test', SMALL]);
      assert.equal(ok.code, 0);
      assert.match(ok.out, /6 examples passed, 0 failed/);
      const b = JSON.parse(readFileSync(SMALL, 'utf8'));
      b.rules[1].examples.pass.push('A lawsuit is coming');
      const bad = run(['test', write('failing-example.json', JSON.stringify(b))]);
      assert.equal(bad.code, 1);
      assert.match(bad.out, /legal\.lawsuit.*A lawsuit is coming/);
      assert.match(bad.out, /6 examples passed, 1 failed/);
    });
  });

  describe('keygen, sign, verify', () => {
    let pub, signed;
    before(() => {
      assert.equal(run(['keygen', '--out', at('admin')]).code, 0);
      assert.equal(run(['keygen', '--out', at('other')]).code, 0);
      pub = JSON.parse(readFileSync(at('admin.pub'), 'utf8'));
      const r = run(['sign', SMALL, '--key', at('admin.key'), '--expires', '30', '--out', at('small.signed.json'),
                     '--now', '2026-06-01T12:00:00Z']);
      assert.equal(r.code, 0, r.err);
      signed = at('small.signed.json');
    });
    const verify = (file, ...extra) => run(['verify', file, '--pub', at('admin.pub'), '--now', '2026-06-02T00:00:00Z', ...extra]);

    test('keygen writes a private PEM (0600) and a public key with its id; never overwrites', () => {
      assert.match(readFileSync(at('admin.key'), 'utf8'), /^-----BEGIN PRIVATE KEY-----/);
      assert.equal(statSync(at('admin.key')).mode & 0o777, 0o600);
      const raw = Buffer.from(pub.key, 'base64');
      assert.equal(raw.length, 32);
      assert.equal(pub.key_id, createHash('sha256').update(raw).digest('hex').slice(0, 16));
      const again = run(['keygen', '--out', at('admin')]);
      assert.equal(again.code, 3);
      assert.equal(JSON.parse(readFileSync(at('admin.pub'), 'utf8')).key, pub.key);
      assert.equal(run(['keygen']).code, 2);
    });

    test('the envelope carries the exact bundle bytes and a header matching the bundle', () => {
      const env = JSON.parse(readFileSync(signed, 'utf8'));
      assert.equal(env.format, 'replyguard-signed/1');
      assert.equal(env.key_id, pub.key_id);
      assert.deepEqual(Buffer.from(env.bundle, 'base64'), readFileSync(SMALL));
      const h = JSON.parse(env.header);
      assert.deepEqual([h.bundle_id, h.version, h.issued, h.expires, h.key_id],
                       ['com.example.cli-test', 4, '2026-06-01T12:00:00Z', '2026-07-01T12:00:00Z', pub.key_id]);
      assert.equal(h.sha256, createHash('sha256').update(readFileSync(SMALL)).digest('hex'));
    });

    test('sign refuses bad input', () => {
      assert.equal(run(['sign', SMALL, '--expires', '30', '--out', at('x.json')]).code, 2);
      assert.equal(run(['sign', SMALL, '--key', at('admin.key'), '--expires', '0', '--out', at('x.json')]).code, 2);
      assert.equal(run(['sign', SMALL, '--key', at('admin.pub'), '--expires', '3', '--out', at('x.json')]).code, 3);
      const invalid = run(['sign', BAD, '--key', at('admin.key'), '--expires', '3', '--out', at('never.json')]);
      assert.equal(invalid.code, 3);
      assert.equal(existsSync(at('never.json')), false);
    });

    test('a model kept beside the bundle is inlined into the signed bundle, which verifies on its own', () => {
      const withData = JSON.parse(readFileSync(path.join(root, 'tests/vectors/classifier_bundle.json'), 'utf8'));
      const data = withData.models.tiny.data;
      const sub = mkdtempSync(path.join(dir, 'model-file-'));
      writeFileSync(path.join(sub, 'tiny.ftz'), Buffer.from(data, 'base64'));
      withData.models.tiny = { sha256: withData.models.tiny.sha256, file: 'tiny.ftz' };
      writeFileSync(path.join(sub, 'bundle.json'), JSON.stringify(withData, null, 1));
      const r = run(['sign', path.join(sub, 'bundle.json'), '--key', at('admin.key'), '--expires', '30',
                     '--out', path.join(sub, 'signed.json'), '--now', '2026-06-01T12:00:00Z']);
      assert.equal(r.code, 0, r.err);
      assert.match(r.out, /inlined 1 model file/);
      const inner = JSON.parse(Buffer.from(JSON.parse(readFileSync(path.join(sub, 'signed.json'), 'utf8')).bundle, 'base64'));
      assert.deepEqual(inner.models.tiny, { data, sha256: withData.models.tiny.sha256 });
      rmSync(path.join(sub, 'tiny.ftz'));  // the signed bundle needs nothing beside it
      const v = verify(path.join(sub, 'signed.json'), '--out', path.join(sub, 'unpacked.json'));
      assert.equal(v.code, 0, v.err);
      const lint = run(['lint', path.join(sub, 'unpacked.json')]);
      assert.equal(lint.code, 0, lint.err + lint.out);
    });

    test('good signature: exit 0, --out writes the verified bundle bytes', () => {
      const r = verify(signed, '--out', at('unpacked.json'));
      assert.equal(r.code, 0, r.err);
      assert.match(r.out, /com\.example\.cli-test version 4/);
      assert.deepEqual(readFileSync(at('unpacked.json')), readFileSync(SMALL));
      const j = JSON.parse(verify(signed, '--json').out);
      assert.deepEqual([j.ok, j.status, j.header.version], [true, 'ok', 4]);
    });

    test('tampered byte in the bundle: exit 4', () => {
      const f = forge(signed, 'tampered-bundle.json', (e) => { e.bundle = flipBase64Byte(e.bundle, 100); });
      const r = verify(f, '--out', at('must-not-exist.json'));
      assert.equal(r.code, 4);
      assert.match(r.err, /bad signature/);
      assert.equal(existsSync(at('must-not-exist.json')), false);
    });

    test('tampered byte in the header: exit 4', () => {
      const f = forge(signed, 'tampered-header.json', (e) => { e.header = e.header.replace('"version":4', '"version":5'); });
      assert.equal(verify(f).code, 4);
      const g = forge(signed, 'tampered-expiry.json', (e) => { e.header = e.header.replace('2026-07-01', '2027-07-01'); });
      assert.equal(verify(g).code, 4);
    });

    test('wrong key (signed by another key, claiming the trusted id): exit 4', () => {
      assert.equal(run(['sign', SMALL, '--key', at('other.key'), '--expires', '30', '--out', at('by-other.json'),
                        '--now', '2026-06-01T12:00:00Z']).code, 0);
      const f = forge(at('by-other.json'), 'claims-admin.json', (e) => { e.key_id = pub.key_id; });
      assert.equal(verify(f).code, 4);
    });

    test('unknown key id: exit 5; several --pub files form the trusted set', () => {
      const r = verify(at('by-other.json'));
      assert.equal(r.code, 5);
      assert.match(r.err, /unknown key/);
      assert.equal(verify(at('by-other.json'), '--pub', at('other.pub')).code, 0);
      assert.equal(JSON.parse(verify(at('by-other.json'), '--json').out).status, 'unknown_key');
    });

    test('--pub also reads the deployed Chrome / Firefox policy files', () => {
      const chrome = write('chrome-policy.json', JSON.stringify({ ExtensionInstallForcelist: [],
        '3rdparty': { extensions: { abcdefghijklmnopabcdefghijklmnop: { bundle_urls: [], public_keys: [pub] } } } }));
      const firefox = write('policies.json', JSON.stringify({ policies: { '3rdparty': { Extensions: {
        'replyguard@replyguard.example': { public_keys: [JSON.parse(readFileSync(at('other.pub'), 'utf8'))] } } } } }));
      const now = ['--now', '2026-06-02T00:00:00Z'];
      assert.equal(run(['verify', signed, '--pub', chrome, ...now]).code, 0);
      assert.equal(run(['verify', signed, '--pub', firefox, ...now]).code, 5);
      assert.equal(run(['verify', at('by-other.json'), '--pub', firefox, ...now]).code, 0);
    });

    test('rollback below --min-version: exit 8; equal is fine', () => {
      const r = verify(signed, '--min-version', '5');
      assert.equal(r.code, 8);
      assert.match(r.err, /rollback: version 4 is lower than the minimum 5/);
      assert.equal(verify(signed, '--min-version', '4').code, 0);
    });

    test('expired: exit 6; not yet valid: exit 7 (5 min skew tolerated)', () => {
      const base = ['verify', signed, '--pub', at('admin.pub')];
      const expired = run([...base, '--now', '2026-07-01T12:00:00Z']);
      assert.equal(expired.code, 6);
      assert.match(expired.err, /expired/);
      assert.equal(run([...base, '--now', '2026-07-01T11:59:59Z']).code, 0);
      const early = run([...base, '--now', '2026-06-01T11:54:00Z']);
      assert.equal(early.code, 7);
      assert.match(early.err, /not yet valid/);
      assert.equal(run([...base, '--now', '2026-06-01T11:56:00Z']).code, 0);
      assert.match(run([...base, '--now', '2026-07-02T00:00:00Z', '--lang', 'de']).err, /abgelaufen/);
    });

    test('invalid envelopes and key files: exit 3; bad options: exit 2', () => {
      assert.equal(verify(write('not-signed.json', readFileSync(SMALL, 'utf8'))).code, 3);
      assert.equal(verify(forge(signed, 'bad-b64.json', (e) => { e.signature = '!!!'; })).code, 3);
      const wrongId = write('wrong-id.pub', JSON.stringify({ key_id: '0000000000000000', key: pub.key }));
      const r = run(['verify', signed, '--pub', wrongId]);
      assert.equal(r.code, 3);
      assert.match(r.err, /key_id does not belong/);
      assert.equal(run(['verify', signed]).code, 2);
      assert.equal(run(['verify', signed, '--pub', at('admin.pub'), '--now', 'tomorrow']).code, 2);
      assert.equal(run(['verify', signed, '--pub', at('admin.pub'), '--min-version', 'x']).code, 2);
    });

    test('a signed envelope is not used unverified by lint/check', () => {
      const r = run(['lint', signed]);
      assert.equal(r.code, 3);
      assert.match(r.err, /signed envelope/);
    });
  });

  describe('check', () => {
    test('findings as text (exit 1), clean text (exit 0), built-in default bundle', () => {
      const r = run(['check', 'You idiot']);
      assert.equal(r.code, 1);
      assert.match(r.out, /\[block\] 4-9 "idiot" insult\.[a-z]+ \(insult\)/);
      assert.equal(run(['check', '--bundle', SMALL, 'Thank you for your patience']).code, 0);
    });

    test('--json, stdin, --incoming, --lang de', () => {
      const j = JSON.parse(run(['check', '--bundle', SMALL, '--json', 'You idiot']).out);
      assert.deepEqual(j.findings.map((f) => [f.rule, f.begin, f.end]), [['insult.words', 4, 9]]);
      const stdin = JSON.parse(run(['check', '--bundle', SMALL, '--json', '-'], { input: 'Sie Depp\n' }).out);
      assert.deepEqual(stdin.findings.map((f) => [f.begin, f.end]), [[4, 8]]);
      const inc = JSON.parse(run(['check', '--bundle', SMALL, '--json', '--incoming', 'I will file a lawsuit', 'We are sorry']).out);
      assert.deepEqual(inc.findings.map((f) => [f.rule, f.source]), [['legal.lawsuit', 'incoming']]);
      const de = run(['check', '--bundle', SMALL, '--lang', 'de', 'Eine Klage?']);
      assert.match(de.out, /Rechtliches Thema/);
      assert.match(de.out, /Vorschlag: Erst die Rechtsabteilung fragen/);
    });

    test('--platform applies per-platform limits', () => {
      const long = 'This reply is far too long for a short platform post';
      const x = JSON.parse(run(['check', '--bundle', SMALL, '--platform', 'x', '--json', long]).out);
      assert.deepEqual(x.findings.map((f) => [f.rule, f.begin, f.end]), [['style.length', 40, long.length]]);
      assert.equal(run(['check', '--bundle', SMALL, '--platform', 'mastodon', long]).code, 0);
      assert.equal(run(['check', '--bundle', SMALL, long]).code, 0);
    });

    test('invalid UTF-8 and bad bundles are input errors', () => {
      const r = spawnSync(CLI, ['check', '-'], { input: Buffer.from([0x66, 0xff, 0x66]), env: { LANG: 'C' } });
      assert.equal(r.status, 3);
      assert.equal(run(['check', '--bundle', BAD, 'x']).code, 3);
      assert.equal(run(['check']).code, 2);
    });
  });

  describe('train (classifier model)', () => {
    const TINY = path.join(root, 'tests/unit/classify/fixtures/tiny-corpus.jsonl');
    const opts = ['--dim', '8', '--bucket', '2000', '--epoch', '50', '--minn', '3', '--maxn', '4', '--word-ngrams', '1'];
    test('trains a quantized one-vs-all model within the size limit and reports per category', () => {
      const r = run(['train', TINY, '--out', at('tiny.ftz'), '--report', TINY, '--size-limit', '60000', '--json', ...opts]);
      assert.equal(r.code, 0, r.err);
      const j = JSON.parse(r.out);
      assert.ok(statSync(at('tiny.ftz')).size <= 60000);
      assert.ok(j.report.categories.insult.tp > 30, JSON.stringify(j.report.categories.insult));
      assert.ok(j.report.categories.threat.recall > 0.8);
      assert.equal(j.report.categories.clean, undefined);  // the label of clean texts is never a category
      assert.equal(j.report.categories.insult.sweep.length, 19);
      assert.equal(j.report.lines, undefined);  // per-example scores only with --scores
      // Micro counts per source: every category's counts of that source's lines added up.
      const { reply, incoming } = j.report.sources;
      const insult = j.report.categories.insult;
      assert.ok(reply.at_threshold.tp > 0 && incoming.at_threshold.tp > 0);
      assert.ok(reply.at_threshold.tp + incoming.at_threshold.tp >= insult.tp);
      assert.ok(reply.at_best.precision >= 0 && reply.at_best.recall <= 1);
    });
    test('--scores adds each example\'s per-label scores, consistent with the report\'s counts', () => {
      const r = run(['train', TINY, '--out', at('tiny-scores.ftz'), '--report', TINY, '--size-limit', '60000', '--json',
        '--scores', ...opts]);
      assert.equal(r.code, 0, r.err);
      const { report } = JSON.parse(r.out);
      const corpus = readFileSync(TINY, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
      assert.equal(report.lines.length, corpus.length);
      assert.equal(report.lines[0].id, corpus[0].id);
      assert.equal(report.lines[0].scores.clean, undefined);
      // At the report's threshold (0.5) the scores give the report's true positives.
      const tp = report.lines.filter((l, i) => corpus[i].categories.includes('insult')
        && l.scores.insult >= Math.fround(0.5)).length;
      assert.equal(tp, report.categories.insult.tp);
    });
    test('--pretrain learns word vectors without labels first, then trains the same kind of model', () => {
      const r = run(['train', TINY, '--out', at('pre.ftz'), '--report', TINY, '--size-limit', '60000', '--json',
        '--pretrain', '2', ...opts]);
      assert.equal(r.code, 0, r.err);
      assert.ok(JSON.parse(r.out).report.categories.threat.recall > 0.5);
      assert.ok(statSync(at('pre.ftz')).size <= 60000);
    });
    test('the same corpus, options and seed give the same model bytes', () => {
      assert.equal(run(['train', TINY, '--out', at('a.ftz'), '--size-limit', '60000', ...opts]).code, 0);
      assert.equal(run(['train', TINY, '--out', at('b.ftz'), '--size-limit', '60000', ...opts]).code, 0);
      assert.deepEqual(readFileSync(at('a.ftz')), readFileSync(at('b.ftz')));
    });
    test('bad corpus lines and an impossible size limit fail with a message', () => {
      const bad = write('bad-train.jsonl', '{"id":"x","source":"elsewhere","text":"hi","categories":[]}\n');
      const r = run(['train', bad, '--out', at('x.ftz')]);
      assert.equal(r.code, 3);
      assert.match(r.err, /source/);
      const tooSmall = run(['train', TINY, '--out', at('y.ftz'), '--size-limit', '5000', ...opts]);
      assert.equal(tooSmall.code, 3);
      assert.match(tooSmall.err, /size-limit/);
    });
    test('eval reports rules, model and combined per source for a bundle with a classifier', () => {
      const bundle = path.join(root, 'tests/vectors/classifier_bundle.json');
      const j = JSON.parse(run(['eval', bundle, TINY, '--json']).out);
      assert.ok(j.modes.model.incoming.categories.threat.tp > 0);
      assert.equal(j.modes.rules.all.micro.tp, 0);  // the bundle has no other rules
      assert.equal(j.modes.combined.all.micro.tp, j.micro.tp);
      const text = run(['eval', bundle, TINY]).out;
      assert.match(text, /replies \(precision\/recall\)/);
      assert.match(text, /incoming \(precision\/recall\)/);
    });
  });

  describe('eval', () => {
    test('precision/recall per category with micro and macro averages', () => {
      const j = JSON.parse(run(['eval', SMALL, CORPUS, '--json']).out);
      assert.equal(j.examples, 6);
      assert.deepEqual(j.categories.insult, { tp: 1, fp: 0, fn: 1, precision: 1, recall: 0.5 });
      assert.deepEqual([j.categories.legal.tp, j.categories.legal.fp, j.categories.legal.fn], [2, 1, 0]);
      assert.equal(j.micro.precision, 0.75);
      assert.equal(j.micro.recall, 0.75);
      assert.ok(Math.abs(j.macro.precision - (1 + 2 / 3) / 2) < 1e-9);
      assert.equal(j.macro.recall, 0.75);
      assert.deepEqual(j.errors.map((e) => e.id), ['r3', 'i2']);
      const text = run(['eval', SMALL, CORPUS, '--show-errors']);
      assert.equal(text.code, 0);
      assert.match(text.out, /^insult\s+1\s+0\s+1\s+1\.000\s+0\.500$/m);
      assert.match(text.out, /^micro average\s+3\s+1\s+1\s+0\.750\s+0\.750$/m);
      assert.match(text.out, /r3: false positives \[\], missed \["insult"\]/);
    });

    test('thresholds: exit 1 when missed, 0 when met', () => {
      const missed = run(['eval', SMALL, CORPUS, '--min-precision', '0.9', '--min-recall', '0.85']);
      assert.equal(missed.code, 1);
      assert.match(missed.out, /precision 0\.750 is below the required 0\.900/);
      assert.match(missed.out, /recall 0\.750 is below the required 0\.850/);
      assert.equal(run(['eval', SMALL, CORPUS, '--min-precision', '0.7', '--min-recall', '0.7']).code, 0);
      assert.equal(run(['eval', SMALL, CORPUS, '--min-precision', '1.5']).code, 2);
    });

    test('a bad corpus line is reported with its line number', () => {
      const bad = write('bad.jsonl', '{"id":"a","source":"reply","text":"x","categories":[]}\n{"id":"b","source":"tweet","text":"x","categories":[]}\n');
      const r = run(['eval', SMALL, bad]);
      assert.equal(r.code, 3);
      assert.match(r.err, /bad\.jsonl:2: .*"source"/);
      assert.equal(run(['eval', SMALL, write('empty.jsonl', '\n')]).code, 3);
      assert.equal(run(['eval', SMALL, write('notjson.jsonl', 'hello\n')]).code, 3);
    });
  });

  describe('oncall and gaps', () => {
    test('who is on call, with contacts and backup', () => {
      const r = run(['oncall', SMALL, 'office', '--at', '2026-03-03T10:00:00Z']);
      assert.equal(r.code, 0, r.err);
      assert.match(r.out, /on call: Anna Schmidt \(anna\)/);
      assert.match(r.out, /phone: \+49 30 1234567/);
      assert.match(r.out, /backup: Ben Okafor \(ben\)/);
      const j = JSON.parse(run(['oncall', SMALL, 'office', '--at', '2026-03-03T10:00:00Z', '--json']).out);
      assert.equal(j.on_call.member, 'anna');
      const night = JSON.parse(run(['oncall', SMALL, 'office', '--at', '2026-03-07T10:00:00Z', '--json']).out);
      assert.equal(night.on_call, null);
    });

    test('oncall errors: unknown schedule, bundle without team, bad time', () => {
      const r = run(['oncall', SMALL, 'nope', '--at', '2026-03-03T10:00:00Z']);
      assert.equal(r.code, 3);
      assert.match(r.err, /nope/);
      assert.equal(run(['oncall', path.join(root, 'policies/default/bundle.json'), 'office']).code, 3);
      assert.equal(run(['oncall', SMALL, 'office', '--at', '2026-03-03 10:00']).code, 2);
    });

    test('gaps: exit 1 with the uncovered periods, 0 when covered', () => {
      const r = run(['gaps', SMALL, 'office', '--from', '2026-03-02T00:00:00Z', '--to', '2026-03-09T00:00:00Z', '--json']);
      assert.equal(r.code, 1);
      const j = JSON.parse(r.out);
      assert.deepEqual(j.gaps.map((g) => [new Date(g.from).toISOString(), new Date(g.to).toISOString()]),
                       [['2026-03-02T00:00:00.000Z', '2026-03-02T08:00:00.000Z'], ['2026-03-06T16:00:00.000Z', '2026-03-09T00:00:00.000Z']]);
      assert.match(run(['gaps', SMALL, 'office', '--from', '2026-03-02T00:00:00Z', '--to', '2026-03-09T00:00:00Z']).out, /2 gaps/);
      assert.equal(run(['gaps', SMALL, 'always', '--from', '2026-03-02T00:00:00Z', '--to', '2026-03-09T00:00:00Z']).code, 0);
      assert.equal(run(['gaps', SMALL, 'office', '--from', '2026-03-09T00:00:00Z', '--to', '2026-03-02T00:00:00Z']).code, 2);
      assert.equal(run(['gaps', SMALL, 'office', '--from', '2026-03-02T00:00:00Z']).code, 2);
    });
  });
});
