// Store packages from the built extension, reproducibly:
//   dist/replyguard-chrome-<version>.zip    Chrome Web Store
//   dist/replyguard-firefox-<version>.xpi   addons.mozilla.org (AMO)
//   dist/replyguard-source-<version>.zip    the sources AMO reviewers rebuild from (extension/store/AMO-SOURCE.md)
//
//   node scripts/package.mjs [--build] [--dist DIR] [--out DIR] [--max-bytes N] [--no-source]
//     --build      run `node extension/build.mjs` first (store build into --dist)
//     --dist DIR   where chrome/ and firefox/ were built (default dist/)
//     --out DIR    where the packages go (default: --dist)
//     --max-bytes  size limit per store package (default 2000000: the classifier's model is ~1 MB); over it the script fails
//
// Same input, same bytes: entries are sorted (byte order), every file is copied to a staging
// directory with a fixed time (SOURCE_DATE_EPOCH, default 2025-01-01 00:00:00 UTC) and mode 644
// (755 if executable), and Info-ZIP `zip -X -D` writes no extra fields, no directory entries.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, lstatSync, readFileSync, statSync } from 'node:fs';
import { chmod, copyFile, mkdir, mkdtemp, readdir, readFile, rm, utimes } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const flag = (f) => args.includes(f);
const opt = (f, d) => (args.includes(f) ? args[args.indexOf(f) + 1] : d);
const distDir = path.resolve(opt('--dist', path.join(ROOT, 'dist')));
const outDir = path.resolve(opt('--out', distDir));
const maxBytes = Number(opt('--max-bytes', 2_000_000));
const epoch = Number(process.env.SOURCE_DATE_EPOCH || Date.UTC(2025, 0, 1) / 1000);
const fixedTime = new Date(epoch * 1000);

const die = (msg) => { console.error(`package: ${msg}`); process.exit(1); };
const kb = (n) => `${(n / 1024).toFixed(1)} KiB`;
// Byte order, like LC_ALL=C sort: independent of the locale.
const byteOrder = (a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b));

try { execFileSync('zip', ['-v'], { stdio: 'ignore' }); } catch { die('`zip` not found (Debian: apt-get install zip)'); }

if (flag('--build')) {
  execFileSync(process.execPath, [path.join(ROOT, 'extension/build.mjs'), '--out', distDir], { stdio: 'inherit' });
}

/** Regular files under `dir` (relative paths). skip(rel) leaves out a path; other entries (symlinks) fail unless lenient. */
async function listFiles(dir, { prefix = '', skip = () => false, lenient = false } = {}) {
  const out = [];
  for (const e of await readdir(dir, { withFileTypes: true })) {
    const rel = prefix ? `${prefix}/${e.name}` : e.name;
    if (skip(rel)) continue;
    if (e.isDirectory()) out.push(...await listFiles(path.join(dir, e.name), { prefix: rel, skip, lenient }));
    else if (e.isFile()) out.push(rel);
    else if (!lenient) die(`${path.join(dir, e.name)}: not a regular file (symlinks are not packaged)`);
  }
  return out;
}

/** Copies `files` (relative to `from`) into `stage/top`, with fixed times and modes; writes `zipPath`. */
async function writeZip(zipPath, from, files, { top = '', extra = [] } = {}) {
  const stage = await mkdtemp(path.join(os.tmpdir(), 'rg-package-'));
  try {
    const base = top ? path.join(stage, top) : stage;
    const entries = [];
    const put = async (src, rel) => {
      const dst = path.join(base, rel);
      await mkdir(path.dirname(dst), { recursive: true });
      await copyFile(src, dst);
      await chmod(dst, statSync(src).mode & 0o111 ? 0o755 : 0o644);
      await utimes(dst, fixedTime, fixedTime);
      entries.push(top ? `${top}/${rel}` : rel);
    };
    for (const rel of files) await put(path.join(from, rel), rel);
    for (const [src, rel] of extra) await put(src, rel);
    entries.sort(byteOrder);
    await rm(zipPath, { force: true }); // zip would otherwise update an existing archive
    await mkdir(path.dirname(zipPath), { recursive: true });
    // TZ=UTC: zip stores local time; the same epoch gives the same bytes everywhere.
    // ZIP / ZIPOPT would add the caller's default options.
    const { ZIP, ZIPOPT, ...env } = process.env;
    execFileSync('zip', ['-X', '-D', '-9', '-q', zipPath, '-@'], {
      cwd: stage, input: entries.join('\n') + '\n', env: { ...env, TZ: 'UTC' }, stdio: ['pipe', 'inherit', 'inherit'],
    });
    return entries;
  } finally {
    await rm(stage, { recursive: true, force: true });
  }
}

const sha256 = (file) => createHash('sha256').update(readFileSync(file)).digest('hex');

// ---- the two store builds ----------------------------------------------------------------------
const manifests = {};
for (const target of ['chrome', 'firefox']) {
  const dir = path.join(distDir, target);
  const mf = path.join(dir, 'manifest.json');
  if (!existsSync(mf)) die(`${mf} missing: run \`node extension/build.mjs\` first (or pass --build)`);
  const m = JSON.parse(await readFile(mf, 'utf8'));
  const hosts = [...(m.host_permissions || []), ...(m.content_scripts || []).flatMap((c) => c.matches || [])];
  if (hosts.some((h) => /127\.0\.0\.1|localhost/.test(h))) die(`${dir} is a test build (matches 127.0.0.1): rebuild with \`node extension/build.mjs\``);
  const wasm = path.join(dir, 'core/replyguard_core.wasm');
  if (!existsSync(wasm) || statSync(wasm).size < 1024) die(`${wasm} missing or a stand-in (--fake-core build?): run scripts/build-wasm.sh and extension/build.mjs`);
  manifests[target] = m;
}
if (manifests.chrome.version !== manifests.firefox.version) die(`version differs: chrome ${manifests.chrome.version}, firefox ${manifests.firefox.version}`);
if (!manifests.firefox.browser_specific_settings?.gecko?.id) die('firefox manifest has no browser_specific_settings.gecko.id');
const version = manifests.chrome.version;

const results = [];
const pkgs = [
  { target: 'chrome', file: `replyguard-chrome-${version}.zip`, store: 'Chrome Web Store' },
  { target: 'firefox', file: `replyguard-firefox-${version}.xpi`, store: 'AMO' },
];
for (const p of pkgs) {
  const dir = path.join(distDir, p.target);
  const files = (await listFiles(dir)).sort(byteOrder);
  const zipPath = path.join(outDir, p.file);
  await writeZip(zipPath, dir, files);
  results.push({ ...p, path: zipPath, size: statSync(zipPath).size, entries: files.length, limited: true });
}

// ---- sources for AMO reviewers -------------------------------------------------------------------
if (!flag('--no-source')) {
  let files;
  try {
    // Read-only: tracked files plus new files git does not ignore.
    const out = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    files = out.split('\0').filter(Boolean);
  } catch {
    // No git (e.g. unpacked from this very archive): everything but build outputs.
    const skip = /^(\.git|node_modules|build|dist|artifacts)$/;
    files = await listFiles(ROOT, { skip: (rel) => skip.test(rel), lenient: true });
  }
  const skip = /^(dist|build|artifacts|node_modules)\//;
  files = [...new Set(files)].filter((f) => !skip.test(f) && existsSync(path.join(ROOT, f)) && lstatSync(path.join(ROOT, f)).isFile()).sort(byteOrder);
  const amo = path.join(ROOT, 'extension/store/AMO-SOURCE.md');
  if (!existsSync(amo)) die(`${amo} missing`);
  const top = `replyguard-${version}`;
  const zipPath = path.join(outDir, `replyguard-source-${version}.zip`);
  await writeZip(zipPath, ROOT, files, { top, extra: [[amo, 'AMO-SOURCE.md']] });
  results.push({ target: 'source', file: path.basename(zipPath), store: 'AMO reviewers', path: zipPath, size: statSync(zipPath).size, entries: files.length + 1, limited: false });
}

console.log(`ReplyGuard ${version} packages (limit ${maxBytes} bytes per store package):`);
const over = [];
for (const r of results) {
  const bad = r.limited && r.size > maxBytes;
  if (bad) over.push(r);
  console.log(`  ${bad ? 'TOO BIG' : 'ok     '} ${path.relative(process.cwd(), r.path) || r.path}  ${r.size} bytes (${kb(r.size)}), ${r.entries} files, ${r.store}`);
  console.log(`          sha256 ${sha256(r.path)}`);
}
if (over.length) {
  die(`over the limit of ${maxBytes} bytes: ${over.map((r) => `${r.file} ${r.size} bytes`).join(', ')}`);
}
