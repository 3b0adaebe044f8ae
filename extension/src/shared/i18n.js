// UI texts come from _locales (the same files chrome.i18n uses for the manifest). They are
// bundled so the UI can follow the language chosen in the options, not only the browser's.
import en from '../../_locales/en/messages.json';
import de from '../../_locales/de/messages.json';

const TABLE = { en, de };

export function t(lang, key, ...subs) {
  const entry = TABLE[lang]?.[key] || TABLE.en[key];
  if (!entry) return key;
  return entry.message.replace(/\$(\d)/g, (_, n) => String(subs[Number(n) - 1] ?? ''));
}

/** Localized text of a bundle value ({en, de}) with fallback to the other language. */
export function pick(lang, value) {
  if (typeof value === 'string') return value;
  if (!value || typeof value !== 'object') return '';
  const v = value[lang] ?? value.en ?? value.de;
  return typeof v === 'string' ? v : '';
}

/** Fills [data-i18n] elements of an extension page (textContent only). */
export function localizePage(lang, root = document) {
  document.documentElement.lang = lang;
  for (const el of root.querySelectorAll('[data-i18n]')) el.textContent = t(lang, el.dataset.i18n);
  for (const el of root.querySelectorAll('[data-i18n-label]')) el.setAttribute('aria-label', t(lang, el.dataset.i18nLabel));
  for (const el of root.querySelectorAll('[data-i18n-placeholder]')) el.setAttribute('placeholder', t(lang, el.dataset.i18nPlaceholder));
}
