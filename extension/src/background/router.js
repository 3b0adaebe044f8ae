// The background: routes checks to the core host, keeps per-tab finding counts for the popup,
// writes the audit log. Content scripts (sender.tab set, page URL) and extension pages
// (extension origin) get different, disjoint sets of operations. Which policy is in force and
// the admin's locks come from policy.js (signed-bundle distribution).
import { appendAudit } from './audit.js';
import { tabCounts } from './tab-counts.js';
import { syncExtraSites } from './extra-sites.js';
import { createPolicyService, ALARM, STORE_KEY, DIST_SETTING_KEYS } from './policy.js';
import { getSettings, getPolicySource, resolveLang, KEYS } from '../shared/settings.js';
import { hmacSha256Hex } from '../shared/hash.js';
import { isStr, isInt, cleanFinding, MAX_TEXT, MAX_CHECK_TEXT } from '../shared/messages.js';
import { checkInWindows } from './windows.js';
import { EXAMPLES_KEY, MAX_EXAMPLES, sentenceAt } from '../shared/examples.js';

/** The install's secret for audit text hashes: made once, kept in local storage (memory if full). */
const AUDIT_KEY_KEY = 'auditKey';
let auditSecret = null;
function auditKey() {
  auditSecret ||= (async () => {
    const { [AUDIT_KEY_KEY]: saved } = await chrome.storage.local.get(AUDIT_KEY_KEY).catch(() => ({}));
    if (typeof saved === 'string' && saved.length >= 43) return Uint8Array.from(atob(saved), (c) => c.charCodeAt(0));
    const fresh = crypto.getRandomValues(new Uint8Array(32));
    // Storage full: the secret lives for this worker; a later start makes and saves another.
    await chrome.storage.local.set({ [AUDIT_KEY_KEY]: btoa(String.fromCharCode(...fresh)) }).catch(() => {});
    return fresh;
  })();
  return auditSecret;
}
const ENTRY_ID = /^[A-Za-z0-9-]{16,64}$/;
import { createDeliveryService } from './delivery/service.js';
import { escalationHandlers } from './delivery/router-ops.js';

export function startBackground(coreTransport) {
  const extOrigin = chrome.runtime.getURL('');
  const status = { ok: null, error: '', loadMs: null, info: null, source: 'default', policyErrors: null };
  const { tabs, ready: tabsReady, save: saveTabs } = tabCounts(); // tabId -> Map(frameId -> {count, blocks, incoming}), kept across restarts
  let ensured = null;
  let rejectedErrors = null; // what the core said about the last bundle it refused to load
  // Audit and escalation delivery to the company's endpoints (off unless the admin configures it).
  const delivery = createDeliveryService({ bundleInfo: () => status.info, version: chrome.runtime.getManifest?.().version || '' });
  const escOps = escalationHandlers({ delivery, core: (op, p) => core(op, p), policyName: () => (status.info ? `${status.info.id}@${status.info.version}` : '') });
  // The admin's settings arrived late (browser start) and differ from the last ones: as a change.
  const policies = createPolicyService({ coreTransport, onManagedLate: () => onManagedChange(),
    onRetry: () => ensurePolicy().then(() => refreshTabs(), () => {}) });

  async function policyKey() {
    const eff = await policies.current();
    return { eff, key: eff.key };
  }

  /** The admin's locks ({lockPolicy, lockPause, lockOverride} booleans); none when unreadable. */
  async function locks() {
    try {
      const { settings: s } = await policies.current();
      return { lockPolicy: !!s.lockPolicy.value, lockPause: !!s.lockPause.value, lockOverride: !!s.lockOverride.value, memberId: s.memberId.value };
    } catch {
      return { lockPolicy: false, lockPause: false, lockOverride: false, memberId: null };
    }
  }

  async function ensurePolicy(attempt = 0) {
    const { eff, key } = await policyKey();
    if (ensured && ensured.key === key) return ensured.promise;
    const text = eff.policy.origin === 'default' ? null : eff.policy.bundleText;
    const promise = coreTransport({ op: 'ensure', key, text }).then((res) => {
      if (!res.ok) throw Object.assign(new Error(res.error), { code: res.code, errors: res.errors });
      Object.assign(status, { ok: true, error: '', loadMs: res.value.loadMs, info: res.value.info, source: res.value.source,
        policyErrors: attempt ? rejectedErrors : null });
      return key;
    }).catch((e) => {
      ensured = null;
      // The core refused the bundle in force: remember it as rejected, so the next computation
      // passes over it with a reason (shown in the popup and options) instead of the core
      // silently checking against the built-in default.
      if (e?.code === 'POLICY_REJECTED' && text !== null && attempt < 3) {
        rejectedErrors = e.errors || [];
        policies.rejected(text, rejectedErrors);
        return ensurePolicy(attempt + 1);
      }
      Object.assign(status, { ok: false, error: String(e?.message || e) });
      throw e;
    });
    ensured = { key, promise };
    return promise;
  }

  async function core(op, payload) {
    for (let attempt = 0; attempt < 2; attempt++) {
      const key = await ensurePolicy();
      const res = await coreTransport({ op, key, ...payload });
      if (res.ok) return res.value;
      if (res.code !== 'NEED_POLICY') {
        Object.assign(status, { ok: false, error: res.error });
        throw new Error(res.error);
      }
      ensured = null; // the host restarted or holds another policy: hand it ours again
    }
    throw new Error('policy could not be loaded');
  }

  function setBadge(tabId) {
    const frames = tabs.get(tabId);
    let count = 0, blocks = 0;
    for (const f of frames?.values() || []) { count += f.count; blocks += f.blocks; }
    chrome.action.setBadgeText({ tabId, text: count ? String(count) : '' }).catch(() => {});
    chrome.action.setBadgeBackgroundColor({ tabId, color: blocks ? '#c5221f' : '#b06000' }).catch(() => {});
  }

  // lock_pause: the admin does not allow pausing, so neither a paused host nor a switched-off site counts.
  function siteActive(settings, siteId, host, lock) {
    if (lock.lockPause) return { active: true, reason: '' };
    if (settings.sites[siteId] === false) return { active: false, reason: 'site-off' };
    if (settings.paused[host]) return { active: false, reason: 'paused' };
    return { active: true, reason: '' };
  }

  // ---- content scripts --------------------------------------------------------------------
  const fromContent = {
    async hello(msg, sender) {
      if (!isStr(msg.site, 40) || !isStr(msg.host, 300)) throw new Error('bad hello');
      const settings = await getSettings();
      await ensurePolicy().catch(() => {});
      const lock = await locks();
      // Category labels only: the content script shows them, it never sees the rules.
      const categories = {};
      for (const [id, c] of Object.entries(status.info?.categories || {})) categories[id] = { label: c?.label || null };
      return { ...siteActive(settings, msg.site, msg.host, lock), lang: resolveLang(settings.lang), coreOk: status.ok === true, categories,
        lockOverride: lock.lockOverride };
    },
    async check(msg) {
      if (!isStr(msg.reply, MAX_CHECK_TEXT) || !isStr(msg.incoming ?? '', MAX_CHECK_TEXT) || !isStr(msg.platform ?? '', 40) || !['de', 'en'].includes(msg.lang)) throw new Error('bad check');
      // Long texts in sentence-aligned windows: a long paste is checked, never waved through.
      return checkInWindows((req) => core('check', req), { reply: msg.reply, incoming: msg.incoming || '', platform: msg.platform || '', lang: msg.lang });
    },
    async report(msg, sender) {
      if (!isInt(msg.count) || !isInt(msg.blocks)) throw new Error('bad report');
      const tabId = sender.tab.id;
      await tabsReady; // a restarted worker first restores the counts of every frame, then updates this one
      if (!tabs.has(tabId)) tabs.set(tabId, new Map());
      const entry = { count: msg.count, blocks: msg.blocks, incoming: isInt(msg.incoming) ? msg.incoming : 0, warnings: isInt(msg.warnings) ? msg.warnings : 0 };
      const prev = tabs.get(tabId).get(sender.frameId || 0);
      if (prev && JSON.stringify(prev) === JSON.stringify(entry)) return true; // unchanged: no storage write
      tabs.get(tabId).set(sender.frameId || 0, entry);
      setBadge(tabId);
      // Answered once kept: a worker stopped right after this answer still knows the counts.
      await saveTabs();
      return true;
    },
    async escalate(msg, sender) {
      if (!Array.isArray(msg.findings) || msg.findings.length > 200 || !isStr(msg.draft, MAX_CHECK_TEXT) || !isStr(msg.incoming ?? '', MAX_CHECK_TEXT)) throw new Error('bad escalate');
      const settings = await getSettings();
      const lang = resolveLang(settings.lang);
      const incoming = msg.incoming || '';
      // The core's own findings of both texts (the reply and the post being answered), not the
      // page's copy; the content script's list only stands in when the check fails.
      let findings;
      try {
        const { result } = await checkInWindows((req) => core('check', req), { reply: msg.draft, incoming, platform: isStr(msg.platform, 40) ? msg.platform : '', lang });
        findings = (result?.findings || []).filter((f) => f.source === 'incoming' || f.severity === 'block');
      } catch {
        findings = msg.findings.map((f) => cleanFinding(f)).filter(Boolean);
      }
      const { memberId } = await locks(); // the admin's member_id wins over the user's
      const request = {
        findings, now: Date.now(), member: memberId || settings.memberId || '', post_url: sender.tab?.url || '', draft: msg.draft,
        incoming, lang,
      };
      return escOps.remember(request, await core('escalate', { request }), sender);
    },
    deliverEscalation: (msg, sender) => escOps.deliver(msg, sender),
    escalationStatus: (msg) => escOps.status(msg),
    async audit(msg, sender) {
      if (!['override', 'escalate'].includes(msg.kind) || !Array.isArray(msg.rules) || !msg.rules.every((r) => isStr(r, 200)) || !isStr(msg.draft, MAX_CHECK_TEXT)) throw new Error('bad audit');
      if (msg.kind === 'override' && !(isStr(msg.justification, 2000) && msg.justification.trim().length >= 10)) throw new Error('justification required');
      if (msg.kind === 'override' && (await locks()).lockOverride) throw new Error('lock_override: the administrator does not allow sending past a blocking finding');
      let host = '';
      try { host = new URL(sender.tab?.url || sender.url).hostname; } catch { /* keep empty */ }
      // A background that has just (re)started may not know the policy in force yet: wait for it,
      // bounded, so a slow or broken core never holds up the send this entry belongs to.
      await Promise.race([ensurePolicy().catch(() => {}), new Promise((r) => setTimeout(r, 1500))]);
      const entry = {
        id: isStr(msg.id, 64) && ENTRY_ID.test(msg.id) ? msg.id : crypto.randomUUID(),
        time: new Date().toISOString(), kind: msg.kind, site: host, platform: isStr(msg.platform, 40) ? msg.platform : '',
        rules: [...new Set(msg.rules)].slice(0, 50), textHash: await hmacSha256Hex(await auditKey(), msg.draft),
        policy: status.info ? `${status.info.id}@${status.info.version}` : '',
      };
      if (msg.kind === 'override') entry.justification = msg.justification.trim();
      if (Array.isArray(msg.targets)) entry.targets = msg.targets.filter((t) => isStr(t, 200)).slice(0, 20);
      // Durable (in the log or the write-ahead journal) before the content script releases the send.
      const r = await appendAudit(entry);
      // Queued for the company's endpoint (when configured) too; bounded, never holds the send long.
      if (r.durable) await Promise.race([delivery.onAudit(entry, msg.draft).catch(() => {}), new Promise((ok) => setTimeout(ok, 2000))]);
      return { durable: r.durable, stored: r.stored, id: entry.id };
    },
  };

  // A card's "Not a problem here": a false-positive example, on this device only (shared/examples.js).
  fromContent.example = async (msg) => {
    if (!isStr(msg.rule, 200) || !isStr(msg.category ?? '', 200) || !['reply', 'incoming'].includes(msg.source) || !isStr(msg.text)
        || !isInt(msg.begin) || !isInt(msg.end) || msg.end < msg.begin || msg.end > msg.text.length || !['de', 'en'].includes(msg.lang))
      throw new Error('bad example');
    await Promise.race([ensurePolicy().catch(() => {}), new Promise((r) => setTimeout(r, 1500))]);
    const sentence = sentenceAt(msg.text, msg.begin, msg.end, msg.lang);
    const collect = status.info?.collect_examples === true;
    const entry = { time: new Date().toISOString(), rule: msg.rule, category: msg.category || '', source: msg.source, lang: msg.lang,
      policy: status.info ? `${status.info.id}@${status.info.version}` : '',
      ...(collect ? { text: sentence } : { textHash: await hmacSha256Hex(await auditKey(), sentence) }) };
    const { [EXAMPLES_KEY]: list = [] } = await chrome.storage.local.get(EXAMPLES_KEY);
    await chrome.storage.local.set({ [EXAMPLES_KEY]: [...list, entry].slice(-MAX_EXAMPLES) });
    return { kept: collect ? 'sentence' : 'hash' };
  };

  // ---- extension pages (popup, options) ----------------------------------------------------
  const fromPage = {
    async status() {
      try { await ensurePolicy(); } catch { /* status carries the error */ }
      const src = await getPolicySource();
      let distribution = null;
      try { distribution = await policies.info(); } catch (e) { distribution = { error: String(e?.message || e) }; }
      return { core: { ok: status.ok, error: status.error, loadMs: status.loadMs }, info: status.info, source: status.source,
        importedAt: src.importedAt || null, fileName: src.fileName || '', policyErrors: status.policyErrors, distribution };
    },
    /** "Check for updates now" (options page). */
    async updateNow() {
      const r = await policies.update({ force: true });
      if (r.changed) await refreshTabs();
      return { status: r.update?.status, attempts: r.update?.attempts || [], changed: r.changed };
    },
    async tabInfo(msg) {
      if (!isInt(msg.tabId)) throw new Error('bad tab');
      await tabsReady;
      let count = 0, blocks = 0, incoming = 0, warnings = 0;
      for (const f of tabs.get(msg.tabId)?.values() || []) { count += f.count; blocks += f.blocks; incoming += f.incoming; warnings += f.warnings || 0; }
      return { count, blocks, incoming, warnings, seen: tabs.has(msg.tabId) };
    },
    async validate(msg) {
      if (!isStr(msg.text, 50_000_000)) throw new Error('bad policy text');
      const key = await ensurePolicy().catch(() => 'none');
      const res = await coreTransport({ op: 'validate', key, text: msg.text });
      if (!res.ok) throw new Error(res.error);
      return res.value;
    },
    async setPolicy(msg) {
      if ((await locks()).lockPolicy) throw new Error('lock_policy: the administrator manages the policy');
      const { [KEYS.policy]: cur = {} } = await chrome.storage.local.get(KEYS.policy);
      if (msg.source === 'default') {
        await chrome.storage.local.set({ [KEYS.policy]: { ...cur, source: 'default' } });
        return { ok: true };
      }
      if (msg.text === undefined && cur.file?.text) { // back to the file imported before
        await chrome.storage.local.set({ [KEYS.policy]: { ...cur, source: 'file' } });
        return { ok: true, info: { id: cur.file.id, version: cur.file.version } };
      }
      if (!isStr(msg.text, 50_000_000)) throw new Error('bad policy text');
      const v = await fromPage.validate(msg);
      if (!v.ok) return v; // never store a bundle the core rejects
      await chrome.storage.local.set({ [KEYS.policy]: { source: 'file', file: {
        text: msg.text, fileName: isStr(msg.fileName, 500) ? msg.fileName : '', importedAt: Date.now(),
        id: v.info?.id, version: v.info?.version,
      } } });
      return { ok: true, info: v.info };
    },
    async syncSites() { return syncExtraSites(); },
    async deliveryStatus() { return { ...(await delivery.status()), origins: await delivery.managedOrigins() }; },
  };

  chrome.runtime.onMessage.addListener((msg, sender, sendResponse) => {
    if (!msg || typeof msg.type !== 'string' || !msg.type.startsWith('rg:') || sender.id !== chrome.runtime.id) return false;
    const op = msg.type.slice(3);
    const isPage = typeof sender.url === 'string' && sender.url.startsWith(extOrigin);
    const table = isPage ? fromPage : sender.tab ? fromContent : null;
    if (!table || !Object.hasOwn(table, op)) return false;
    // Handlers may be sync or async, and may throw: every one answers through the same promise.
    Promise.resolve().then(() => table[op](msg, sender)).then(
      (value) => sendResponse({ ok: true, value }),
      (e) => sendResponse({ ok: false, error: String(e?.message || e) }),
    );
    return true;
  });

  // After the restore, so a tab closed or reloaded while the worker starts is not brought back.
  chrome.tabs.onRemoved.addListener((tabId) => tabsReady.then(() => { tabs.delete(tabId); saveTabs(); }));
  chrome.tabs.onUpdated.addListener((tabId, info) => { if (info.status === 'loading') tabsReady.then(() => tabs.delete(tabId) && saveTabs()); });

  async function refreshTabs() {
    const all = await chrome.tabs.query({});
    for (const t of all) chrome.tabs.sendMessage(t.id, { type: 'rg:refresh' }).catch(() => {});
  }

  const distSettingsChanged = (c) => {
    const a = c?.oldValue || {}, b = c?.newValue || {};
    return DIST_SETTING_KEYS.some((k) => JSON.stringify(a[k]) !== JSON.stringify(b[k]));
  };

  // Policy, settings, managed settings or the last-known-good store changed: recompute the policy
  // in force (ensurePolicy reloads the core when its key differs) and ask open tabs to check again.
  async function onManagedChange() {
    policies.managedChanged();
    await policies.update({ force: true }).catch(() => {});
    await refreshTabs();
  }

  chrome.storage.onChanged.addListener(async (changes, area) => {
    if (area === 'managed') { await onManagedChange(); return; }
    if (area !== 'local' || !(changes[KEYS.policy] || changes[KEYS.settings] || changes[STORE_KEY])) return;
    policies.invalidate();
    if (changes[KEYS.settings] && distSettingsChanged(changes[KEYS.settings])) await policies.update({ force: true }).catch(() => {});
    await refreshTabs();
  });

  // Signed-bundle updates: at every start of the background (skipped when not due) and on the alarm.
  chrome.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === ALARM) policies.update().then((r) => r.changed && refreshTabs()).catch(() => {});
  });
  policies.update().catch(() => {});

  chrome.permissions.onAdded.addListener(() => syncExtraSites().catch(() => {}));
  chrome.permissions.onRemoved.addListener(() => syncExtraSites().catch(() => {}));
  chrome.runtime.onStartup?.addListener(() => syncExtraSites().catch(() => {}));
  chrome.runtime.onInstalled.addListener(() => syncExtraSites().catch(() => {}));
  // Warm the core so the first keystroke does not wait for wasm compilation; then deliver what an
  // earlier worker left queued (a bundle-configured endpoint is known only with the policy).
  ensurePolicy().then(() => delivery.run(), () => delivery.run());
}
