// Store packages (scripts/package.mjs) from a fresh store build: Chrome .zip and Firefox .xpi of at
// most 2 MB with the core, the classifier model, the ICU data and both locales; the same bytes on a second run; the AMO
// source archive; and store texts that stay true to the manifest (every permission explained,
// short descriptions within Chrome's 132 characters).
import test from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT } from './support/harness.mjs';

const MAX = 2_000_000;  // issue 11: the whole package with the classifier model ≤ 2 MB
const STORE = path.join(ROOT, 'extension/store');
const version = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version;

const tmp = mkdtempSync(path.join(os.tmpdir(), 'rg-package-test-'));
process.on('exit', () => rmSync(tmp, { recursive: true, force: true }));
const node = (args, opts = {}) => spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8', ...opts });
const entries = (file) => execFileSync('unzip', ['-Z1', file], { encoding: 'utf8' }).split('\n').filter(Boolean);
const member = (file, name) => execFileSync('unzip', ['-p', file, name], { maxBuffer: 1 << 26 });
const sortedBytes = (list) => [...list].sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));

test('store packages', async (t) => {
  const dist = path.join(tmp, 'dist');
  const build = node([path.join(ROOT, 'extension/build.mjs'), '--out', dist]);
  assert.equal(build.status, 0, `store build failed:\n${build.stderr}`);

  const run = (out) => {
    const r = node([path.join(ROOT, 'scripts/package.mjs'), '--dist', dist, '--out', out]);
    assert.equal(r.status, 0, `package.mjs failed:\n${r.stdout}\n${r.stderr}`);
    return r.stdout;
  };
  const a = path.join(tmp, 'a');
  const b = path.join(tmp, 'b');
  const out = run(a);
  run(b);
  const chrome = path.join(a, `replyguard-chrome-${version}.zip`);
  const firefox = path.join(a, `replyguard-firefox-${version}.xpi`);
  const source = path.join(a, `replyguard-source-${version}.zip`);

  await t.test('Chrome zip and Firefox xpi: ≤ 2 MB, sizes printed', () => {
    for (const f of [chrome, firefox]) {
      const size = readFileSync(f).length;
      assert.ok(size <= MAX, `${path.basename(f)}: ${size} bytes > ${MAX}`);
      assert.match(out, new RegExp(`${path.basename(f).replace(/\./g, '\\.')}\\s+${size} bytes`));
      t.diagnostic(`${path.basename(f)}: ${size} bytes`);
    }
  });

  await t.test('contents: manifest, core, ICU data, locales de + en; no directories; sorted', () => {
    for (const f of [chrome, firefox]) {
      const list = entries(f);
      for (const e of ['manifest.json', 'background.js', 'content.js', 'popup.html', 'options.html',
        'core/replyguard_core.wasm', 'core/replyguard_core.mjs', 'core/icudata/icudt72l.dat',
        '_locales/de/messages.json', '_locales/en/messages.json', 'icons/128.png']) {
        assert.ok(list.includes(e), `${path.basename(f)} lacks ${e}`);
      }
      assert.deepEqual(list, sortedBytes(list), 'entries in byte order');
      assert.ok(!list.some((e) => e.endsWith('/')), 'no directory entries');
      const wasm = member(f, 'core/replyguard_core.wasm');
      assert.equal(wasm.subarray(0, 4).toString('latin1'), '\0asm', 'a real wasm module');
      assert.ok(member(f, 'core/icudata/icudt72l.dat').length > 1024, 'real ICU data');
      const m = JSON.parse(member(f, 'manifest.json'));
      assert.equal(m.version, version);
      assert.ok(!JSON.stringify(m).includes('127.0.0.1'), 'a store build, not the test build');
    }
    assert.ok(entries(chrome).includes('offscreen.html'));
    const fm = JSON.parse(member(firefox, 'manifest.json'));
    assert.ok(fm.browser_specific_settings?.gecko?.id, 'browser_specific_settings.gecko.id');
    assert.ok(fm.background?.scripts, 'Firefox: event page');
  });

  await t.test('reproducible: a second run gives byte-identical packages', () => {
    for (const name of [`replyguard-chrome-${version}.zip`, `replyguard-firefox-${version}.xpi`]) {
      assert.ok(readFileSync(path.join(a, name)).equals(readFileSync(path.join(b, name))), `${name} differs between runs`);
    }
    // The source archive is the working tree: same file list (contents may change while editing).
    assert.deepEqual(entries(source), entries(path.join(b, `replyguard-source-${version}.zip`)));
    const info = execFileSync('unzip', ['-Zl', chrome], { encoding: 'utf8' });
    assert.ok(info.split('\n').filter((l) => /^-/.test(l)).every((l) => l.includes('25-Jan-01 00:00')), 'every entry dated 2025-01-01 00:00');
  });

  await t.test('AMO source archive: build inputs and instructions, no build outputs', () => {
    const list = entries(source);
    const top = `replyguard-${version}/`;
    assert.ok(list.every((e) => e.startsWith(top)), 'one top folder');
    for (const e of ['AMO-SOURCE.md', 'extension/store/AMO-SOURCE.md', 'package.json', 'package-lock.json', 'extension/build.mjs',
      'extension/manifest.mjs', 'scripts/setup.sh', 'scripts/build-wasm.sh', 'CMakeLists.txt', 'CMakePresets.json',
      'wasm/icu-data-items.txt', 'policies/default/bundle.json']) {
      assert.ok(list.includes(top + e), `source lacks ${e}`);
    }
    assert.ok(list.some((e) => e.startsWith(`${top}scripts/icu-wasm/patches/`)), 'ICU patches');
    assert.ok(!list.some((e) => /\/(dist|build|node_modules|artifacts)\//.test(e.slice(top.length - 1))), 'no build outputs');
    const amo = readFileSync(path.join(STORE, 'AMO-SOURCE.md'), 'utf8');
    for (const s of ['Debian 12', 'bash scripts/setup.sh', 'bash scripts/build-wasm.sh', 'node extension/build.mjs', 'icudt72l.dat']) {
      assert.ok(amo.includes(s), `AMO-SOURCE.md mentions ${s}`);
    }
  });

  await t.test('fails loudly over the size limit and on a test build', () => {
    const over = node([path.join(ROOT, 'scripts/package.mjs'), '--dist', dist, '--out', path.join(tmp, 'c'), '--no-source', '--max-bytes', '1000']);
    assert.notEqual(over.status, 0);
    assert.match(over.stderr, /over the limit of 1000 bytes: replyguard-chrome-\S+\.zip \d+ bytes/);
    const fake = path.join(tmp, 'fake');
    for (const target of ['chrome', 'firefox']) {
      mkdirSync(path.join(fake, target), { recursive: true });
      writeFileSync(path.join(fake, target, 'manifest.json'), JSON.stringify({ version, host_permissions: ['http://127.0.0.1/*'] }));
    }
    const r = node([path.join(ROOT, 'scripts/package.mjs'), '--dist', fake, '--out', path.join(tmp, 'd')]);
    assert.notEqual(r.status, 0);
    assert.match(r.stderr, /test build/);
  });

  await t.test('store texts: short descriptions ≤ 132, every permission explained (de + en), privacy in both languages', () => {
    const manifests = ['chrome', 'firefox'].map((x) => JSON.parse(readFileSync(path.join(dist, x, 'manifest.json'), 'utf8')));
    const perms = [...new Set(manifests.flatMap((m) => [...m.permissions, ...m.host_permissions, ...(m.optional_host_permissions || [])]))];
    const privacy = readFileSync(path.join(STORE, 'PRIVACY.md'), 'utf8');
    for (const [lang, heading] of [['en', 'Short description'], ['de', 'Kurzbeschreibung']]) {
      const listing = readFileSync(path.join(STORE, `listing.${lang}.md`), 'utf8');
      const short = listing.split(/^## /m).find((s) => s.startsWith(heading)).split('\n').slice(1).find((l) => l.trim()).trim();
      assert.ok(short.length <= 132, `${lang} short description: ${short.length} chars`);
      for (const p of perms) assert.ok(listing.includes(`\`${p}\``), `listing.${lang}.md explains ${p}`);
      const msgs = JSON.parse(readFileSync(path.join(ROOT, 'extension/_locales', lang, 'messages.json'), 'utf8'));
      assert.ok(msgs.extDescription.message.length <= 132, `manifest description (${lang}) ≤ 132`);
    }
    for (const p of manifests.flatMap((m) => m.permissions)) assert.ok(privacy.includes(`\`${p}\``), `PRIVACY.md names ${p}`);
    assert.match(privacy, /## English[\s\S]*## Deutsch/);
    // What the audit log holds, as written by the background (router.js) — never the text.
    for (const s of ['SHA-256', 'rule', 'justification', 'Begründung', '5,000', '5.000']) assert.ok(privacy.includes(s), `PRIVACY.md: ${s}`);
  });
});
