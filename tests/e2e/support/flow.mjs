// The scenario every composer must pass: a finding is underlined at the offending word, its card
// opens on hover, the fix applies through the editor, Ctrl+Z restores, typing continues, sending
// is held, and "send anyway" with a justification sends and lands in the audit log.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT, startServer, launch, rgState, rgCard, rgDialog, until, auditLog, screenshot } from './harness.mjs';

export const E2E_BUNDLE = readFileSync(path.join(ROOT, 'tests/e2e/fixtures/policy/e2e-bundle.json'), 'utf8');

/** Installs a bundle as if imported in the options page, and waits until the core runs it. */
export async function usePolicy(sw, text = E2E_BUNDLE) {
  await sw.evaluate(async (t) => chrome.storage.local.set({ policy: { source: 'file', file: { text: t, fileName: 'e2e-bundle.json', importedAt: Date.now() } } }), text);
}

const field0 = (s) => s?.fields?.find((f) => f.text.length) || s?.fields?.[0];

/** A fixture server, a browser with the extension and the e2e policy, and a page on the textarea
 *  fixture; all closed when `t` ends. */
export async function textareaSession(t) {
  const server = await startServer();
  const b = await launch();
  t.after(async () => { await b.close(); await server.close(); });
  await usePolicy(b.sw);
  const page = await b.context.newPage();
  await page.goto(`${server.base}/textarea.html`);
  return { server, b, page };
}

/** How a flow reads the content script's state; the Firefox suite passes its own (scripting API). */
const CDP_PROBE = { state: rgState, card: rgCard, dialog: rgDialog };

/** Waits until `word` is underlined; with `text`, in the check of exactly that text (an editor
 *  may report the last keystrokes later than the page received them). */
export async function findingFor(page, word, frame, probe = CDP_PROBE, text) {
  return until(async () => {
    const s = await probe.state(page, frame);
    const f = field0(s);
    if (!f?.checked || (text !== undefined && f.text !== text)) return null;
    const d = s.drawn.find((x) => x.rangeText === word && x.at);
    return d ? { state: s, drawn: d } : null;
  }, { message: `underline on "${word}"` });
}

/**
 * opts: page, sw, composer (locator), editorText() → model text, send() → triggers sending,
 * sentCount() → number sent, name (screenshot prefix), shots (take screenshots), frame,
 * probe ({state, card, dialog} readers; default: the Chromium isolated world over CDP).
 */
export async function composerFlow(opts) {
  const { page, sw, composer, editorText, send, sentCount, name, shots, frame } = opts;
  const dialogFrame = 'dialogFrame' in opts ? opts.dialogFrame : frame; // the send dialog may open in the page around the frame
  const probe = opts.probe || CDP_PROBE;
  const rgState = probe.state, rgCard = probe.card, rgDialog = probe.dialog;
  const auditBefore = (await auditLog(sw)).length;
  await composer.click();
  const first = 'Sorry, you idiot. That is a problem';
  await page.keyboard.type(first, { delay: 5 });

  // 1. the underline covers exactly the offending word
  const { state, drawn } = await findingFor(page, 'idiot', frame, probe, first);
  const f = field0(state);
  assert.equal(f.text.slice(drawn.begin, drawn.end), 'idiot');
  assert.equal(drawn.severity, 'block');
  // Every field kind: bars in the closed shadow root, nothing a page script can read.
  assert.equal(drawn.via, 'overlay');
  assert.ok(drawn.rects >= 1, 'the underline has a place on screen');
  const problem = state.drawn.find((x) => x.rangeText === 'problem');
  assert.ok(problem, 'second finding underlined too');
  if (shots) await screenshot(page, `${name}-underline`);

  // 2. hover opens the card with the finding's message and its replacement
  const box = frame ? await frame.frameElement().then((h) => h.boundingBox()) : { x: 0, y: 0 };
  const dbox = dialogFrame ? await dialogFrame.frameElement().then((h) => h.boundingBox()) : { x: 0, y: 0 };
  await page.mouse.move(box.x + drawn.at.x, box.y + drawn.at.y);
  const card = await until(() => rgCard(page, frame), { message: 'card' });
  assert.equal(card.rule, 'insult.words');
  const apply = card.buttons.find((b) => b.action === 'apply');
  assert.ok(apply, 'card offers a replacement');
  if (opts.checkCard) {
    // A small frame: the card fits into it and leaves the underlined word visible.
    const vp = await (frame || page).evaluate(() => ({ w: innerWidth, h: innerHeight }));
    for (const b of card.buttons) assert.ok(b.x > 0 && b.x < vp.w && b.y > 0 && b.y < vp.h, `button "${b.text}" inside the ${vp.w}×${vp.h} frame`);
    const r = card.rect;
    assert.ok(!(drawn.at.x >= r.left && drawn.at.x <= r.right && drawn.at.y >= r.top && drawn.at.y <= r.bottom), 'the card does not cover the word');
  }
  if (shots) await screenshot(page, `${name}-card`);
  // A user pauses before clicking; editors group typing into one undo step within a delay
  // (Lexical 300 ms, Quill 1 s), so wait that out or Ctrl+Z would also undo the typing.
  await new Promise((r) => setTimeout(r, opts.historyDelayMs ?? 350));

  // 3. one click applies the fix through the editor
  await page.mouse.click(box.x + apply.x, box.y + apply.y);
  const fixed = 'Sorry, you person. That is a problem';
  await until(async () => (await editorText()) === fixed, { message: `model text "${fixed}"` });
  await until(async () => { const s = field0(await rgState(page, frame)); return s?.checked && s.text === fixed && !s.findings.some((x) => x.rule === 'insult.words'); }, { message: 'finding gone after fix' });

  // 4. Ctrl+Z restores the original word
  await page.keyboard.press('Control+z');
  await until(async () => (await editorText()) === 'Sorry, you idiot. That is a problem', { message: 'undo restores' });
  await findingFor(page, 'idiot', frame, probe);

  // 5. typing continues at the end
  await composer.press('End');
  await page.keyboard.press('Control+End');
  await page.keyboard.type(' now.', { delay: 5 });
  const typed = 'Sorry, you idiot. That is a problem now.';
  await until(async () => (await editorText()) === typed, { message: 'typing continues' });
  await until(async () => { const s = field0(await rgState(page, frame)); return s?.checked && s.text === typed; }, { message: 'rechecked' });

  // 6. sending is held while the block finding remains
  const sentBefore = await sentCount();
  await send();
  const dlg = await until(() => rgDialog(page, dialogFrame), { message: 'send dialog' });
  assert.match(dlg.text, /idiot/);
  await new Promise((r) => setTimeout(r, 200));
  assert.equal(await sentCount(), sentBefore, 'held: nothing sent');
  if (shots) await screenshot(page, `${name}-send-dialog`);

  // 7. send anyway needs a written justification; then it sends and is audited
  const anyway = dlg.items.find((i) => i.action === 'send-anyway');
  await page.mouse.click(dbox.x + anyway.x, dbox.y + anyway.y);
  const d2 = await until(async () => { const d = await rgDialog(page, dialogFrame); return d?.items.find((i) => i.tag === 'textarea' && i.visible) && d; }, { message: 'justification box' });
  const confirm = () => d2.items.find((i) => i.action === 'confirm-override');
  assert.ok(confirm().disabled, 'confirm disabled without justification');
  const ta = d2.items.find((i) => i.tag === 'textarea');
  await page.mouse.click(dbox.x + ta.x, dbox.y + ta.y);
  await page.keyboard.type('Quoting the customer verbatim.');
  const d3 = await until(async () => { const d = await rgDialog(page, dialogFrame); const c = d?.items.find((i) => i.action === 'confirm-override'); return c && !c.disabled && d; }, { message: 'confirm enabled' });
  const c = d3.items.find((i) => i.action === 'confirm-override');
  await page.mouse.click(dbox.x + c.x, dbox.y + c.y);
  await until(async () => (await sentCount()) === sentBefore + 1, { message: 'sent after override' });
  const log = await until(async () => { const l = await auditLog(sw); return l.length > auditBefore && l; }, { message: 'audit entry' });
  const entry = log.at(-1);
  assert.equal(entry.kind, 'override');
  assert.deepEqual(entry.rules, ['insult.words']);
  assert.equal(entry.site, '127.0.0.1');
  assert.match(entry.textHash, /^[0-9a-f]{64}$/);
  assert.equal(entry.justification, 'Quoting the customer verbatim.');
  assert.ok(!JSON.stringify(entry).includes('idiot'), 'the audit log never holds the text');
  return { entry };
}
