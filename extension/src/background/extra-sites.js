// Sites beyond the built-in list (e.g. another Mastodon instance): the user grants the host in
// the options page; here the content script is registered for exactly the granted origins.
const ID = 'rg-extra-sites';

export async function syncExtraSites() {
  const manifest = chrome.runtime.getManifest();
  const staticHosts = new Set(manifest.host_permissions || []);
  const { origins = [] } = await chrome.permissions.getAll();
  const extra = origins.filter((o) => !staticHosts.has(o) && /^https:\/\/[^*/]+\/\*$/.test(o));
  const existing = await chrome.scripting.getRegisteredContentScripts({ ids: [ID] }).catch(() => []);
  if (existing.length) await chrome.scripting.unregisterContentScripts({ ids: [ID] });
  if (!extra.length) return [];
  const script = { id: ID, matches: extra, js: ['content.js'], allFrames: true, runAt: 'document_idle' };
  // about:blank / about:srcdoc frames of these sites (TinyMCE's editor) too, as in the manifest;
  // browsers without the option (Chrome < 119) register without it.
  try {
    await chrome.scripting.registerContentScripts([{ ...script, matchOriginAsFallback: true }]);
  } catch {
    await chrome.scripting.registerContentScripts([script]);
  }
  return extra;
}
