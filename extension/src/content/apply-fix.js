// Applying a replacement goes through the editor's own input path: select the range, then
// insertText, exactly as if the user had typed it. The editor updates its model, its undo
// history gets the step (Ctrl+Z restores) and the caret ends after the new text.
const settle = (doc) => new Promise((resolve) => {
  // Editors (Draft.js, Lexical) sync their model selection on selectionchange, a queued task.
  let done = false;
  const finish = () => { if (!done) { done = true; doc.removeEventListener('selectionchange', onChange); resolve(); } };
  const onChange = () => setTimeout(finish, 0);
  doc.addEventListener('selectionchange', onChange);
  setTimeout(finish, 60);
});

export async function replaceRange(field, begin, end, text) {
  const before = field.getText();
  const expected = before.slice(0, begin) + text + before.slice(end);
  const doc = field.el.ownerDocument;
  if (field.kind === 'plain') {
    field.selectRange(begin, end);
    const ok = doc.execCommand('insertText', false, text);
    if (!ok || field.el.value !== expected) {
      // Browsers without insertText on form controls: setRangeText + the input event frameworks listen to.
      field.el.setRangeText(text, begin, end, 'end');
      field.el.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertReplacementText', data: text }));
    }
    return field.getText() === expected;
  }
  if (!field.selectRange(begin, end)) return false;
  await settle(doc);
  // Re-select: the editor may have normalised the selection while syncing.
  field.invalidate();
  field.selectRange(begin, end);
  const ok = text ? doc.execCommand('insertText', false, text) : doc.execCommand('delete', false);
  field.invalidate();
  if (!ok) return false;
  // Some editors re-render asynchronously (React state, MutationObserver).
  for (let i = 0; i < 10 && field.getText() !== expected; i++) {
    await new Promise((r) => setTimeout(r, 16));
    field.invalidate();
  }
  return field.getText() === expected;
}
