// Content script: finds the fields the user writes in, checks them through the background,
// draws findings, and holds sending while block findings remain. It knows nothing about rules:
// it shows what the core returns. When anything of ours fails, it steps aside.
import { siteFor } from './sites/index.js';
import { editableFor } from './eligibility.js';
import { Overlay } from './overlay.js';
import { Checker } from './checker.js';
import { FieldController } from './field-controller.js';
import { findingRects } from './fields.js';
import { Card } from './card.js';
import { Dialog } from './dialog.js';
import { Banner } from './banner.js';
import { SendGuard, checkWaitMs } from './send-guard.js';
import { replaceRange } from './apply-fix.js';
import { pick, t } from '../shared/i18n.js';
import { topApi } from './dom-walk.js';
import { MAX_CHECK_TEXT } from '../shared/messages.js';

const CARD_KEY = (e) => e.altKey && e.shiftKey && (e.code === 'KeyR' || e.key === 'R' || e.key === 'r');

(function start() {
  if (globalThis.__replyguardLoaded) return; // registered twice (static + dynamic): run once
  globalThis.__replyguardLoaded = true;

  // about:blank / about:srcdoc frames (TinyMCE's editor) belong to the page that made them.
  const pageLoc = (() => {
    let w = self;
    try { while (w.location.protocol === 'about:' && w.parent !== w) w = w.parent; return w.location; } catch { return location; }
  })();
  const site = siteFor(pageLoc, document);
  const overlay = new Overlay();
  const checker = new Checker();
  const ctrls = new Map(); // element -> FieldController
  let state = { active: false, lang: 'en', categories: {}, lockOverride: false };
  let lastCtrl = null;
  let rafPending = false;
  let hoverTimer = 0;
  const paintLog = [];

  const send = (msg) => chrome.runtime.sendMessage(msg).then((r) => (r && r.ok ? r.value : null), () => null);
  const labelOf = (cat) => pick(state.lang, state.categories?.[cat]?.label);

  async function hello() {
    const v = await send({ type: 'rg:hello', site: site.id, host: pageLoc.hostname });
    const was = state.active;
    state = { ...state, active: !!v?.active, lang: v?.lang === 'de' ? 'de' : 'en', categories: v?.categories || state.categories,
      lockOverride: v?.lockOverride === true };
    if (was && !state.active) detachAll();
  }

  // ---- painting -------------------------------------------------------------------------------
  function schedulePaint() {
    if (rafPending) return;
    rafPending = true;
    requestAnimationFrame(() => { rafPending = false; paint(); });
  }

  function paint() {
    for (const [el, c] of ctrls) if (!el.isConnected) { c.destroy(); ctrls.delete(el); if (lastCtrl === c) lastCtrl = null; }
    const drawn = overlay.paint([...ctrls.values()].map((c) => ({ field: c.field, findings: c.visible(), activeIndex: c.active })));
    banner.update(lastCtrl, state.lang, labelOf);
    if (card.open && cardCtrl) {
      const f = cardCtrl.visible()[cardCtrl.active];
      if (!f || f !== card.finding) card.close(false);
      else card.place(findingRects(cardCtrl.field, f)[0]);
    }
    if (__TEST__) {
      paintLog.push({ t: performance.now(), drawn });
      if (paintLog.length > 50) paintLog.shift();
      globalThis.__replyguardTest?.onPaint?.(drawn);
    }
  }

  // Counts for the badge and the popup: sent when they change, at most every REPORT_MS.
  const REPORT_MS = 400;
  let reported = '', reportTimer = 0, reportAt = 0, reportsSent = 0, reportRetries = 0;
  function report() {
    if (reportTimer) return;
    const wait = Math.max(0, reportAt + REPORT_MS - Date.now());
    reportTimer = setTimeout(() => {
      reportTimer = 0;
      let count = 0, blocks = 0, incoming = 0, warnings = 0;
      for (const c of ctrls.values()) {
        count += c.visible().length; blocks += c.blocks().length; incoming += c.incoming.length;
        warnings += c.warnings.length + c.incomingWarnings.length;
      }
      const msg = { type: 'rg:report', count, blocks, incoming, warnings };
      const key = JSON.stringify(msg);
      if (key === reported) return;
      reported = key;
      reportAt = Date.now();
      reportsSent++;
      send(msg).then((kept) => {
        if (kept === true) { reportRetries = 0; return; }
        // Not kept (the service worker stopped while it was on its way): again, a few times.
        if (reported === key && ++reportRetries <= 3) { reported = ''; report(); }
      });
    }, wait);
  }

  // ---- fields -----------------------------------------------------------------------------------
  function attach(el) {
    let c = ctrls.get(el);
    if (!c) {
      c = new FieldController(el, { overlay, checker, site, getLang: () => state.lang, onChange: (why) => {
        if (why === 'findings') report();
        if (why === 'text' && card.open && cardCtrl === c && !applying) card.close(false);
        schedulePaint();
      } });
      c.api = frameApi;
      ctrls.set(el, c);
      c.check();
    }
    c.focusedAt = Date.now();
    lastCtrl = c;
    schedulePaint();
    return c;
  }

  function detachAll() {
    for (const c of ctrls.values()) c.destroy();
    ctrls.clear();
    lastCtrl = null;
    card.close(false); dialog.close(); banner.hide();
    paint();
    report();
  }

  function ctrlFor(target) {
    for (let n = target; n; n = n.parentNode || n.host) {
      if (ctrls.has(n)) return ctrls.get(n);
    }
    return null;
  }

  function eligible(el) {
    if (el instanceof HTMLInputElement && site.id !== 'generic') {
      try { return !!(site.composer && el.matches(site.composer)); } catch { return false; }
    }
    return true;
  }

  addEventListener('focusin', (e) => {
    if (!state.active) return;
    const el = editableFor(e.composedPath()[0]);
    if (el && eligible(el)) attach(el);
  }, true);

  // ---- card -------------------------------------------------------------------------------------
  let cardCtrl = null;
  let applying = false; // a fix is being applied: its own text changes do not close the card
  const card = new Card(overlay, {
    onApply: async (f, rep) => {
      const c = cardCtrl;
      if (!c) { card.close(false); return; }
      applying = true;
      let r;
      try { r = await replaceRange(c.field, f.begin, f.end, rep); } finally { applying = false; }
      c.changed();
      c.check();
      // Not applied: the text is as it was; the card says so instead of pretending.
      if (r.ok) card.close(false);
      else if (card.finding === f) card.notice(r.reason === 'limit' ? t(state.lang, 'card_fix_limit', String(r.limit)) : t(state.lang, 'card_fix_failed'));
    },
    onDismiss: (f) => {
      const c = cardCtrl;
      card.close(true);
      if (c) { c.dismissed.add(`${f.rule}\u0001${f.text}`); c.active = -1; report(); schedulePaint(); }
      // A false-positive example for the admin, kept on this device (the background decides what).
      if (c) send({ type: 'rg:example', rule: f.rule, category: f.category, source: f.source === 'incoming' ? 'incoming' : 'reply',
        text: f.source === 'incoming' ? c.incomingText() : c.text, begin: f.begin, end: f.end, lang: state.lang });
    },
    onClose: (returnFocus) => {
      if (cardCtrl) { cardCtrl.active = -1; if (returnFocus) cardCtrl.el.focus({ preventScroll: true }); }
      schedulePaint();
    },
    onNavigate: (step) => {
      const c = cardCtrl;
      if (!c) return;
      const n = c.visible().length;
      openCard(c, (c.active + step + n) % n, true, true);
    },
  });

  function openCard(c, index, pinned, focus) {
    const f = c.visible()[index];
    if (!f) return;
    cardCtrl = c;
    c.active = index;
    const anchor = findingRects(c.field, f)[0] || c.el.getBoundingClientRect();
    card.show({ finding: f, index, total: c.visible().length, anchor, lang: state.lang, categoryLabel: labelOf(f.category), focus, warnings: c.warnings.length });
    card.pinned = pinned;
    schedulePaint();
  }

  // Hover hit-testing at most once per frame.
  let hoverEvent = null;
  addEventListener('mousemove', (e) => {
    if (!ctrls.size || dialog.open) return;
    if (!hoverEvent) requestAnimationFrame(() => { const ev = hoverEvent; hoverEvent = null; onHover(ev); });
    hoverEvent = { target: e.composedPath()[0], clientX: e.clientX, clientY: e.clientY };
  }, { capture: true, passive: true });

  function onHover(e) {
    const c = ctrlFor(e.target);
    const hit = c && c.hitTest(e.clientX, e.clientY);
    clearTimeout(hoverTimer);
    if (hit) {
      if (!(card.open && cardCtrl === c && c.active === hit.index)) openCard(c, hit.index, false, false);
    } else if (card.open && !card.pinned) {
      hoverTimer = setTimeout(() => { if (!card.hovered && !card.pinned) card.close(false); }, 400);
    }
  }

  addEventListener('mouseup', (e) => {
    if (!e.isTrusted || dialog.open) return;
    const c = ctrlFor(e.composedPath()[0]);
    if (!c) { if (card.open && !e.composedPath().includes(overlay.host)) card.close(false); return; }
    const hit = c.hitTest(e.clientX, e.clientY);
    if (hit) openCard(c, hit.index, true, false);
    else if (card.open) card.close(false);
  }, true);

  addEventListener('keydown', (e) => {
    if (!e.isTrusted || !CARD_KEY(e)) return;
    const c = ctrlFor(e.composedPath()[0]);
    if (!c || !c.visible().length) return;
    e.preventDefault();
    e.stopPropagation();
    const caret = c.field.caret();
    const vis = c.visible();
    let i = vis.findIndex((f) => caret >= f.begin && caret <= f.end);
    if (i < 0) i = Math.max(0, vis.findIndex((f) => f.begin >= caret));
    openCard(c, i, true, true);
  }, true);

  // ---- send interception and escalation ------------------------------------------------------
  const dialog = new Dialog(overlay);
  dialog.labelOf = labelOf;
  dialog.delivery = { start: (id, target) => send({ type: 'rg:deliverEscalation', id, target }), status: (job) => send({ type: 'rg:escalationStatus', job }) };
  const banner = new Banner(overlay, { onEscalate: (c) => topApi(frameApi).showEscalation(c) });
  function showEscalation(c) { // in the outermost same-origin frame, like the send dialog
    const findings = [...c.incoming, ...c.blocks()];
    dialog.showEscalation({ lang: state.lang, escalate: () => escalate(c, findings), cancel: () => dialog.close() });
  }

  async function escalate(c, findings) {
    const r = await send({ type: 'rg:escalate', findings, draft: c.text, incoming: c.incomingText(), platform: site.platform });
    if (!r) return { failed: true };
    if (!r.error && r.escalate) {
      recordAudit({ kind: 'escalate', rules: findings.map((f) => f.rule), draft: c.text, platform: site.platform,
        targets: (r.targets || []).map((x) => String(x.member || '')) });
    }
    return r;
  }

  // An audit entry is durable (the background says so) before the send it belongs to is
  // released. No answer (the background stopped): asked again with the same id, written once.
  async function recordAudit(entry) {
    const id = Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
    for (let attempt = 0; attempt < 4; attempt++) {
      const r = await send({ type: 'rg:audit', id, ...entry });
      if (r) return r.durable === true;
      await new Promise((ok) => setTimeout(ok, 300 * 2 ** attempt));
    }
    return false;
  }

  const withTimeout = (p, ms) => Promise.race([p, new Promise((r) => setTimeout(() => r(null), ms))]);

  // After an extension update this script is orphaned (no runtime): it must not hold anything.
  const alive = () => state.active && !!chrome.runtime?.id;
  // The send dialog of a field opens in the outermost same-origin frame running ReplyGuard (a
  // field in TinyMCE's 169 px iframe gets it in the page), with that frame's state and dialog.
  async function decideHold(c, release, { replays }) {
    if (c.text.length > MAX_CHECK_TEXT) {
      // No check can take it, so a block cannot be ruled out: held, never waved through.
      dialog.showInfo({ lang: state.lang, title: t(state.lang, 'dialog_too_long_title'), text: t(state.lang, 'dialog_too_long'),
        close: () => { dialog.close(); c.el.focus(); } });
      return 'hold';
    }
    const findings = await withTimeout(c.fresh(), checkWaitMs(c.text.length));
    if (!findings) return 'send';
    const blocks = c.blocks();
    if (!blocks.length) return 'send';
    dialog.showSendHold({
      lang: state.lang, blocks, allowOverride: !state.lockOverride, // lock_override: only fix or escalate
      fix: () => { dialog.close(); c.api.openFix(c); },
      escalate: () => escalate(c, [...blocks, ...c.incoming]),
      override: async (justification) => {
        const entry = { kind: 'override', rules: blocks.map((f) => f.rule), draft: c.text, platform: site.platform, justification };
        if (replays) {
          // Written ahead: the send is released only once the entry is durable.
          if (!(await recordAudit(entry))) return false;
          dialog.close();
          c.el.focus();
          release();
          return;
        }
        // Nothing we could replay would send (editors ignore untrusted keys): the user presses
        // Enter once more, and only that send is audited.
        c.api.arm(c, () => recordAudit(entry));
        dialog.showInfo({ lang: state.lang, title: t(state.lang, 'dialog_press_again_title'), text: t(state.lang, 'dialog_press_again'),
          close: () => { dialog.close(); c.el.focus(); } });
      },
      cancel: () => { dialog.close(); c.el.focus(); },
    });
    return 'hold';
  }

  const guard = new SendGuard({
    site,
    fieldFor: (target) => (alive() ? ctrlFor(target) : null),
    lastField: () => (alive() ? lastCtrl : null),
    decide: (c, release, how) => topApi(frameApi).decide(c, release, how),
  });

  // What same-origin frames of this page may call on this instance (content-script world only:
  // page scripts cannot see it).
  const frameApi = {
    lastField: () => (alive() ? lastCtrl : null),
    decide: decideHold,
    showEscalation,
    openFix(c) {
      c.el.focus();
      const i = c.visible().findIndex((f) => f.severity === 'block');
      if (i >= 0) openCard(c, i, true, true);
    },
    arm: (c, onSent) => guard.arm(c, onSent),
  };
  globalThis.__replyguardFrame = frameApi;

  // ---- layout and lifecycle -----------------------------------------------------------------
  addEventListener('scroll', () => { if (ctrls.size) schedulePaint(); }, { capture: true, passive: true });
  addEventListener('resize', () => { if (ctrls.size) schedulePaint(); }, { passive: true });

  chrome.runtime.onMessage.addListener((msg, sender) => {
    if (sender.id !== chrome.runtime.id || sender.tab || !msg || msg.type !== 'rg:refresh') return;
    checker.reset();
    hello().then(() => {
      for (const c of ctrls.values()) c.recheck();
      if (!ctrls.size) attachFocused(); // resumed: pick up the field the user is in
    });
  });

  function attachFocused() {
    if (!state.active) return;
    let a = document.activeElement;
    while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
    const el = editableFor(a);
    if (el && eligible(el)) attach(el);
  }

  hello().then(attachFocused);

  if (__TEST__) {
    // Test builds only: lets the e2e tests read what is drawn (the shadow root stays closed).
    globalThis.__replyguardTest = {
      site: site.id,
      state: () => ({ active: state.active, lang: state.lang, healthy: checker.healthy, checkRetries: checker.retries, lastCheckMs: checker.lastMs, checksSent: { ...checker.sent }, reportsSent,
        fields: [...ctrls.values()].map((c) => ({ tag: c.el.tagName.toLowerCase(), kind: c.field.kind, text: c.text, checked: c.checkedText === c.text, postLength: c.post?.text.length || 0,
          findings: c.visible().map((f) => ({ rule: f.rule, severity: f.severity, begin: f.begin, end: f.end, text: f.text, replacements: f.replacements })),
          incoming: c.incoming.map((f) => ({ rule: f.rule, severity: f.severity, text: f.text })) })),
        drawn: paintLog.at(-1)?.drawn || [] }),
      card: () => card.describe(),
      dialog: () => dialog.describe(),
      banner: () => banner.describe(),
      paintLog,
      guard,
    };
  }
})();
