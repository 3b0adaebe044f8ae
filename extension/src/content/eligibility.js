// Which fields ReplyGuard checks. Opt-outs honoured: data-replyguard="off" (ours) and the
// widely used data-gramm="false" / data-gramm_editor="false" / data-enable-grammarly="false"
// (pages use them to say "no writing assistant here"). spellcheck="false" alone is NOT an
// opt-out: rich editors set it for unrelated reasons, and a policy check is not a spell checker.
const OPT_OUT = '[data-replyguard="off"], [data-gramm="false"], [data-gramm_editor="false"], [data-enable-grammarly="false"]';
const TEXT_INPUT_TYPES = new Set(['text', '']);
const SENSITIVE = /^(cc-|current-password|new-password|one-time-code|transaction-)/;

/** The editable element to attach to for an event target, or null. */
export function editableFor(target) {
  if (!(target instanceof Element)) return null;
  let el = null;
  if (target instanceof HTMLTextAreaElement) el = target;
  else if (target instanceof HTMLInputElement) {
    if (!TEXT_INPUT_TYPES.has((target.getAttribute('type') || '').toLowerCase())) return null;
    el = target;
  } else if (target.isContentEditable) {
    el = target;
    // The editing host: the outermost contenteditable ancestor (within this tree).
    while (el.parentElement && el.parentElement.isContentEditable) el = el.parentElement;
  }
  if (!el) return null;
  if (el.readOnly || el.disabled || el.getAttribute('aria-readonly') === 'true' || el.getAttribute('aria-disabled') === 'true') return null;
  if (SENSITIVE.test((el.getAttribute('autocomplete') || '').toLowerCase())) return null;
  if (el.closest(OPT_OUT)) return null;
  return el;
}
