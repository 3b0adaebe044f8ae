// Storage layout (chrome.storage.local). Only extension pages and the background touch it;
// content scripts ask the background for what they need.
export const KEYS = { settings: 'settings', policy: 'policy', audit: 'audit' };

export const DEFAULT_SETTINGS = Object.freeze({
  lang: 'auto',       // 'auto' (browser language), 'de' or 'en'
  memberId: '',       // who I am in the bundle's team (escalation)
  sites: {},          // site id -> false when switched off (absent = on)
  paused: {},         // hostname -> true while paused from the popup
  bundleUrl: '',      // the user's own signed-bundle URL (teams without device management)
  publicKeys: [],     // [{key_id, key}] the user trusts for that URL (the .pub file's content)
});

export async function getSettings() {
  const { [KEYS.settings]: s } = await chrome.storage.local.get(KEYS.settings);
  return { ...DEFAULT_SETTINGS, ...(s || {}) };
}

export async function updateSettings(patch) {
  const next = { ...(await getSettings()), ...patch };
  await chrome.storage.local.set({ [KEYS.settings]: next });
  return next;
}

/**
 * Stored: {source: 'default'|'file', file?: {text, fileName, importedAt, id, version}}. The imported
 * file is kept while the built-in default is active, so the user can switch back.
 * Returns {source:'default'} or {source:'file', text, fileName, importedAt, …}.
 */
export async function getPolicySource() {
  const { [KEYS.policy]: p } = await chrome.storage.local.get(KEYS.policy);
  return p && p.source === 'file' && typeof p.file?.text === 'string' ? { source: 'file', ...p.file } : { source: 'default' };
}

/** The browser's language: the user's first preferred language, else the UI language. */
export function browserLang() {
  return (globalThis.navigator?.languages?.[0]) || globalThis.navigator?.language || chrome.i18n.getUILanguage();
}

export function resolveLang(pref, navLang = browserLang()) {
  if (pref === 'de' || pref === 'en') return pref;
  return String(navLang || '').toLowerCase().startsWith('de') ? 'de' : 'en';
}
