// Loads the built wasm core in Node (tests, benchmarks, demo). Under Node 20 the module must be
// handed its bytes (wasmBinary): emscripten's own fetch of a file path fails there.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL, fileURLToPath } from 'node:url';
import { createCore } from './core.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export function wasmBuildDir() {
  return process.env.RG_WASM_DIR || path.join(root, 'build/wasm');
}

export async function loadNodeCore(dir = wasmBuildDir()) {
  const { default: factory } = await import(pathToFileURL(path.join(dir, 'replyguard_core.mjs')).href);
  const [wasmBinary, icuData] = await Promise.all([
    readFile(path.join(dir, 'replyguard_core.wasm')),
    readFile(path.join(dir, 'icudata/icudt72l.dat')),
  ]);
  return createCore({ factory, wasmBinary, icuData });
}
