// Owns the wasm core: loaded once per browser (Chrome: offscreen document; Firefox: the event
// page). Keeps one compiled policy; every request says which policy it expects (key), so a
// restarted background can never check against a stale bundle.
import { createCore } from '@core';

export function createCoreHost(getURL) {
  let corePromise = null;
  let policy = null; // {key, handle, info, source}

  async function loadCore() {
    const started = performance.now();
    const [{ default: factory }, wasmBinary, icuData] = await Promise.all([
      // Relative to the bundle at the extension root; a literal, so no remote or computed code.
      import('./core/replyguard_core.mjs'),
      fetch(getURL('core/replyguard_core.wasm')).then((r) => r.arrayBuffer()),
      fetch(getURL('core/icudata/icudt72l.dat')).then((r) => r.arrayBuffer()),
    ]);
    const core = await createCore({ factory, wasmBinary, icuData });
    return { core, loadMs: Math.round(performance.now() - started) };
  }

  const getCore = () => (corePromise ||= loadCore().catch((e) => {
    corePromise = null; // a later request may try again
    throw e;
  }));

  async function ensure({ key, text }) {
    const { core, loadMs } = await getCore();
    if (policy && policy.key === key) return { ok: true, info: policy.info, source: policy.source, loadMs };
    let loaded = null;
    let source = 'default';
    let policyErrors = null;
    if (typeof text === 'string') {
      loaded = core.loadPolicy(text);
      source = 'file';
      if (!loaded.ok) { policyErrors = loaded.errors; loaded = null; }
    }
    if (!loaded) { loaded = core.defaultPolicy(); source = 'default'; }
    if (!loaded.ok) throw new Error('default policy failed to load');
    if (policy) core.freePolicy(policy.handle);
    policy = { key, handle: loaded.handle, info: loaded.info, source };
    return { ok: true, info: policy.info, source, policyErrors, loadMs };
  }

  function requirePolicy(key) {
    if (!policy || policy.key !== key) { const e = new Error('policy not loaded'); e.code = 'NEED_POLICY'; throw e; }
    return policy;
  }

  return {
    ensure,
    async check({ key, reply, incoming, platform, lang }) {
      const { core } = await getCore();
      const p = requirePolicy(key);
      const t0 = performance.now();
      const result = core.check(p.handle, { reply, incoming, platform, lang });
      return { result, ms: performance.now() - t0 };
    },
    async escalate({ key, request }) {
      const { core } = await getCore();
      return core.escalate(requirePolicy(key).handle, request);
    },
    async validate({ text }) {
      const { core } = await getCore();
      const r = core.loadPolicy(text);
      if (!r.ok) return { ok: false, errors: r.errors };
      core.freePolicy(r.handle);
      return { ok: true, info: r.info };
    },
  };
}

/** Runs one host operation, turning exceptions into data (the caller decides what to show). */
export async function runOp(host, msg) {
  try {
    if (!['ensure', 'check', 'escalate', 'validate'].includes(msg.op)) return { ok: false, error: 'unknown op' };
    return { ok: true, value: await host[msg.op](msg) };
  } catch (e) {
    return { ok: false, error: String(e?.message || e), code: e?.code || 'CORE_ERROR' };
  }
}
