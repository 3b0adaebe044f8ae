// JS face of the wasm core, shared by the extension, the Node tests and the benchmarks.
// Strings cross as UTF-16 code units, so every offset in a result is a JS string index.

const encoder = new TextEncoder();
const decoder = new TextDecoder();

export class CoreError extends Error {}

/**
 * @param {{factory: Function, wasmBinary: ArrayBuffer|Uint8Array, icuData: ArrayBuffer|Uint8Array}} opts
 *   factory: default export of replyguard_core.mjs; wasmBinary: the .wasm; icuData: icudt72l.dat.
 */
export async function createCore({ factory, wasmBinary, icuData }) {
  if (typeof factory !== 'function') throw new CoreError('createCore: factory missing');
  if (!wasmBinary || !icuData) throw new CoreError('createCore: wasmBinary and icuData are required');
  let aborted = null;
  const mod = await factory({
    wasmBinary: wasmBinary instanceof Uint8Array ? wasmBinary : new Uint8Array(wasmBinary),
    print: () => {},
    printErr: () => {},
    onAbort: (what) => { aborted = String(what); },
  });

  const call = (name, ...args) => {
    if (aborted) throw new CoreError(`core aborted: ${aborted}`);
    let status;
    try {
      status = mod[`_${name}`](...args);
    } catch (e) {
      aborted = aborted || String(e && e.message || e);
      throw new CoreError(`core failed in ${name}: ${aborted}`);
    }
    const ptr = mod._rg_result_ptr();
    const len = mod._rg_result_len();
    const result = JSON.parse(decoder.decode(mod.HEAPU8.subarray(ptr, ptr + len)));
    return { status, result };
  };

  // Scratch allocations live only for one call.
  const withBytes = (bytes, fn) => {
    const ptr = mod._malloc(Math.max(1, bytes.length));
    try {
      mod.HEAPU8.set(bytes, ptr);
      return fn(ptr, bytes.length);
    } finally {
      mod._free(ptr);
    }
  };
  const withUtf8 = (text, fn) => withBytes(encoder.encode(text), fn);
  const withUtf16 = (text, fn) => {
    const ptr = mod._malloc(Math.max(2, text.length * 2));
    try {
      const heap = mod.HEAPU16; // read after malloc: memory growth replaces the view
      const base = ptr >> 1;
      for (let i = 0; i < text.length; i++) heap[base + i] = text.charCodeAt(i);
      return fn(ptr, text.length);
    } finally {
      mod._free(ptr);
    }
  };

  // ICU keeps a pointer to its data for the life of the module: copy once, never free.
  const icu = icuData instanceof Uint8Array ? icuData : new Uint8Array(icuData);
  const icuPtr = mod._malloc(icu.length);
  mod.HEAPU8.set(icu, icuPtr);
  const init = call('rg_init', icuPtr, icu.length);
  if (init.status !== 0) throw new CoreError(init.result.error || 'ICU init failed');

  const expectOk = ({ status, result }) => {
    if (status !== 0 && result.error) throw new CoreError(result.error);
    return result;
  };

  return {
    /** @returns {{ok:true, handle:number, info:object}|{ok:false, errors:{pointer:string,message:string}[]}} */
    loadPolicy(jsonText) {
      const { result } = withUtf8(String(jsonText), (p, n) => call('rg_policy_load', p, n));
      if (result.error) return { ok: false, errors: [{ pointer: '', message: result.error }] };
      return result;
    },
    defaultPolicy() {
      return call('rg_policy_default').result;
    },
    freePolicy(handle) {
      return call('rg_policy_free', handle).result.ok;
    },
    policyInfo(handle) {
      return expectOk(call('rg_policy_info', handle));
    },
    runExamples(handle) {
      return expectOk(call('rg_policy_examples', handle));
    },
    check(handle, { reply = '', incoming = '', platform = '', lang = 'en' } = {}) {
      const opts = JSON.stringify({ platform, lang });
      return expectOk(withUtf16(String(reply), (rp, rn) =>
        withUtf16(String(incoming), (ip, inn) =>
          withUtf8(opts, (op, on) => call('rg_check', handle, rp, rn, ip, inn, op, on)))));
    },
    escalate(handle, request) {
      return expectOk(withUtf8(JSON.stringify(request), (p, n) => call('rg_escalate', handle, p, n)));
    },
    oncall(handle, scheduleId, atMs) {
      return expectOk(withUtf8(String(scheduleId), (p, n) => call('rg_oncall', handle, p, n, atMs)));
    },
    gaps(handle, scheduleId, fromMs, toMs) {
      return expectOk(withUtf8(String(scheduleId), (p, n) => call('rg_gaps', handle, p, n, fromMs, toMs)));
    },
  };
}
