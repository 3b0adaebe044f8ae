// Applying a replacement goes through the editor's own input handling, as a spelling
// correction would: select the range, then announce the change with a cancelable `beforeinput`
// (inputType insertReplacementText with data, a text/plain DataTransfer and the target range).
// Editors that keep their own model (Slate, CKEditor 5, Trix, Lexical, Quill) take it from there
// and cancel the event; for the others the browser's insertText does the edit. Afterwards the
// field's text must be exactly the expected text, and stay so: otherwise the fix counts as not
// applied, and the text is left as it was.
const settle = (doc) => new Promise((resolve) => {
  // Editors (Draft.js, Lexical) sync their model selection on selectionchange, a queued task.
  let done = false;
  const finish = () => { if (!done) { done = true; doc.removeEventListener('selectionchange', onChange); resolve(); } };
  const onChange = () => setTimeout(finish, 0);
  doc.addEventListener('selectionchange', onChange);
  setTimeout(finish, 60);
});
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Outcome of a fix: ok, or why not ('limit': the field's maxlength has no room; 'editor': the
 * editor did not take the change). */
export const FIX_OK = { ok: true };

// Firefox keeps what a content script puts into a DataTransfer from the page (its getData answers
// ''), so an editor taking the text from there (Lexical) would insert nothing. Made and filled
// through the page's own constructor (wrappedJSObject, Firefox only) the data is the page's.
function plainTextData(win, text) {
  const page = win.wrappedJSObject;
  const dt = page ? new page.DataTransfer() : new DataTransfer();
  dt.setData('text/plain', text);
  return dt;
}

export async function replaceRange(field, begin, end, text) {
  const before = field.getText();
  const expected = before.slice(0, begin) + text + before.slice(end);
  return field.kind === 'plain' ? replacePlain(field, before, expected, begin, end, text) : replaceRich(field, before, expected, begin, end, text);
}

// textarea / input: the browser's own editing keeps the undo history (Ctrl+Z restores).
async function replacePlain(field, before, expected, begin, end, text) {
  const el = field.el;
  const doc = el.ownerDocument;
  // maxlength: the browser would cut the inserted text to the room left, leaving a mangled reply.
  if (el.maxLength >= 0 && expected.length > el.maxLength && expected.length > before.length) return { ok: false, reason: 'limit', limit: el.maxLength };
  field.selectRange(begin, end);
  const ok = text ? doc.execCommand('insertText', false, text) : doc.execCommand('delete', false);
  if (el.value === expected) return FIX_OK;
  if (el.value === before && !ok) {
    // Browsers without insertText on form controls: setRangeText + the input event frameworks listen to.
    el.setRangeText(text, begin, end, 'end');
    el.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertReplacementText', data: text }));
    if (el.value === expected) return FIX_OK;
  }
  if (el.value !== before) {
    // Something else happened (a page handler changed the text): take our step back.
    doc.execCommand('undo', false);
    if (el.value !== before) { el.value = before; el.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'historyUndo' })); }
  }
  return { ok: false, reason: 'editor' };
}

async function replaceRich(field, before, expected, begin, end, text) {
  const doc = field.el.ownerDocument;
  if (!field.selectRange(begin, end)) return { ok: false, reason: 'editor' };
  await settle(doc);
  // Re-select: the editor may have normalised the selection while syncing.
  field.invalidate();
  if (field.getText() !== before || !field.selectRange(begin, end)) return { ok: false, reason: 'editor' };
  const range = field.range(begin, end);
  const target = new StaticRange({ startContainer: range.startContainer, startOffset: range.startOffset, endContainer: range.endContainer, endOffset: range.endOffset });
  const init = { bubbles: true, cancelable: true, composed: true, targetRanges: [target] };
  let ev;
  if (text) {
    ev = new InputEvent('beforeinput', { ...init, inputType: 'insertReplacementText', data: text, dataTransfer: plainTextData(doc.defaultView, text) });
  } else {
    ev = new InputEvent('beforeinput', { ...init, inputType: 'deleteContentBackward' });
  }
  field.el.dispatchEvent(ev); // the editing host, as for the browser's own beforeinput
  let takenOver = ev.defaultPrevented;
  if (!takenOver) {
    field.invalidate();
    if (field.getText() !== before) return { ok: false, reason: 'editor' }; // a handler edited without saying so
    const ok = text ? doc.execCommand('insertText', false, text) : doc.execCommand('delete', false);
    if (!ok) return { ok: false, reason: 'editor' };
    field.invalidate();
    // The browser's edit can be taken over too: Draft.js cancels the textInput event that
    // Firefox's insertText fires, updates its model and renders it later. An input event now
    // would make it read the old text back from the DOM.
    takenOver = field.getText() === before;
    // Editors that keep undo levels themselves and learn of replacements from the input event
    // (as for spell-checking; TinyMCE) record this step; for the others the text is as it is.
    if (!takenOver) field.el.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, inputType: 'insertReplacementText', data: null }));
  }
  // Editors re-render asynchronously (React state, MutationObserver); then the text must stay.
  // An editor that took the event over may apply it later than the browser's own edit shows.
  const deadline = performance.now() + (takenOver ? 1000 : 320);
  for (;;) {
    field.invalidate();
    if (field.getText() === expected || performance.now() > deadline) break;
    await sleep(16);
  }
  await sleep(32);
  field.invalidate();
  return field.getText() === expected ? FIX_OK : { ok: false, reason: 'editor' };
}
