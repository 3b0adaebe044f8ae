// Builds dist/chrome and dist/firefox from one source.
//   node extension/build.mjs            store builds
//   node extension/build.mjs --test     adds http://127.0.0.1/* and the test hook (e2e only)
//   --fake-core                         a stand-in core (UI work before the wasm exists)
//   --out DIR                           output root (default dist/ at the repository root)
import * as esbuild from 'esbuild';
import { cp, mkdir, rm, writeFile, readFile, access } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeManifest } from './manifest.mjs';
import { writeIcons } from './tools/icons.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
const args = process.argv.slice(2);
const flag = (f) => args.includes(f);
const opt = (f, d) => (args.includes(f) ? args[args.indexOf(f) + 1] : d);
const test = flag('--test');
const fake = flag('--fake-core');
const outRoot = path.resolve(opt('--out', path.join(root, 'dist')));
const wasmDir = path.resolve(opt('--wasm-dir', process.env.RG_WASM_DIR || path.join(root, 'build/wasm')));
const pkg = JSON.parse(await readFile(path.join(root, 'package.json'), 'utf8'));

const exists = (p) => access(p).then(() => true, () => false);
const coreFiles = ['replyguard_core.mjs', 'replyguard_core.wasm', 'icudata/icudt72l.dat'];
if (!fake) {
  for (const f of coreFiles) {
    if (!(await exists(path.join(wasmDir, f)))) {
      console.error(`missing ${path.join(wasmDir, f)}: run scripts/build-wasm.sh (or pass --fake-core)`);
      process.exit(1);
    }
  }
}

async function buildTarget(target) {
  const out = path.join(outRoot, target);
  await rm(out, { recursive: true, force: true });
  await mkdir(path.join(out, 'core/icudata'), { recursive: true });
  const common = {
    bundle: true, minifySyntax: true, sourcemap: false, legalComments: 'none', logLevel: 'warning',
    target: target === 'chrome' ? 'chrome116' : 'firefox140',
    define: { __TEST__: String(test), __TARGET__: JSON.stringify(target) },
    alias: fake ? { '@core': path.join(root, 'tests/e2e/support/fake-core.mjs') } : { '@core': path.join(root, 'wasm/js/core.mjs') },
    // The emscripten module stays its own file: imported, never eval'd or inlined.
    external: ['./core/replyguard_core.mjs'],
  };
  const entries = {
    content: ['src/content/main.js', 'iife'],
    popup: ['src/popup/popup.js', 'iife'],
    options: ['src/options/options.js', 'iife'],
    background: [target === 'chrome' ? 'src/background/main-chrome.js' : 'src/background/main-firefox.js', 'esm'],
  };
  if (target === 'chrome') entries.offscreen = ['src/core-host/offscreen.js', 'esm'];
  for (const [name, [entry, format]] of Object.entries(entries)) {
    await esbuild.build({ ...common, entryPoints: [path.join(here, entry)], outfile: path.join(out, `${name}.js`), format });
  }
  for (const f of ['popup.html', 'popup.css', 'options.html', 'options.css', 'offscreen.html']) {
    if (f === 'offscreen.html' && target !== 'chrome') continue;
    await cp(path.join(here, 'static', f), path.join(out, f));
  }
  await cp(path.join(here, '_locales'), path.join(out, '_locales'), { recursive: true });
  await cp(path.join(root, 'policies/default/bundle.json'), path.join(out, 'policy/default-bundle.json'));
  // The admin settings schema (chrome.storage.managed); Firefox ignores it but ships the same file.
  await cp(path.join(here, 'managed_schema.json'), path.join(out, 'managed_schema.json'));
  if (fake) {
    await writeFile(path.join(out, 'core/replyguard_core.mjs'), 'export default async function fakeFactory() { return {}; }\n');
    await writeFile(path.join(out, 'core/replyguard_core.wasm'), '');
    await writeFile(path.join(out, 'core/icudata/icudt72l.dat'), '');
  } else {
    for (const f of coreFiles) await cp(path.join(wasmDir, f), path.join(out, 'core', f));
  }
  await writeIcons(path.join(out, 'icons'));
  const manifest = makeManifest({ target, version: pkg.version, test });
  await writeFile(path.join(out, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
  return out;
}

for (const t of ['chrome', 'firefox']) console.log(`built ${await buildTarget(t)}${test ? ' (test build)' : ''}${fake ? ' (fake core)' : ''}`);
