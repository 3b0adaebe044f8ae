// Owns the wasm core: loaded once per browser (Chrome: offscreen document; Firefox: the event
// page). Keeps one compiled policy; every request says which policy it expects (key), so a
// restarted background can never check against a stale bundle. Candidate bundles are validated
// in a separate, short-lived instance: wasm memory never shrinks, so compiling a 15 MB candidate
// in the checking instance would keep its peak heap for the rest of the session.
import { createCore } from '@core';

export function createCoreHost(getURL) {
  let corePromise = null;
  let policy = null; // {key, handle, info, source}

  let filesPromise = null;
  const files = () => (filesPromise ||= Promise.all([
    // Relative to the bundle at the extension root; a literal, so no remote or computed code.
    import('./core/replyguard_core.mjs'),
    fetch(getURL('core/replyguard_core.wasm')).then((r) => r.arrayBuffer()),
    fetch(getURL('core/icudata/icudt72l.dat')).then((r) => r.arrayBuffer()),
  ]).then(([{ default: factory }, wasmBinary, icuData]) => ({ factory, wasmBinary, icuData }))
    .catch((e) => { filesPromise = null; throw e; }));

  async function loadCore() {
    const started = performance.now();
    const core = await createCore(await files());
    return { core, loadMs: Math.round(performance.now() - started) };
  }

  const getCore = () => (corePromise ||= loadCore().catch((e) => {
    corePromise = null; // a later request may try again
    throw e;
  }));

  async function ensure({ key, text }) {
    const { core, loadMs } = await getCore();
    if (policy && policy.key === key) return { ok: true, info: policy.info, source: policy.source, loadMs };
    let loaded;
    let source = 'default';
    if (typeof text === 'string') {
      loaded = core.loadPolicy(text);
      source = 'file';
      // Never the default in its place silently: the background decides what is in force instead.
      if (!loaded.ok) {
        const e = new Error(`the checker refused the bundle: ${(loaded.errors || []).slice(0, 3).map((x) => `${x.pointer || '/'} ${x.message}`).join('; ')}`);
        e.code = 'POLICY_REJECTED';
        e.errors = (loaded.errors || []).slice(0, 200);
        throw e;
      }
    } else {
      loaded = core.defaultPolicy();
    }
    if (!loaded.ok) throw new Error('default policy failed to load');
    if (policy) core.freePolicy(policy.handle);
    policy = { key, handle: loaded.handle, info: loaded.info, source };
    return { ok: true, info: policy.info, source, loadMs };
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
      // A fresh instance, dropped afterwards: its memory goes with it.
      const core = await createCore(await files());
      const r = core.loadPolicy(text);
      if (!r.ok) return { ok: false, errors: r.errors };
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
    return { ok: false, error: String(e?.message || e), code: e?.code || 'CORE_ERROR', ...(e?.errors ? { errors: e.errors } : {}) };
  }
}
