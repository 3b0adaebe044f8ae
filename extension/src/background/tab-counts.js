// Per-tab finding counts for the popup, mirrored to chrome.storage.session: content scripts
// report only when their findings change, so a restarted service worker must not forget them.
const KEY = 'tabCounts';

/** tabs: Map(tabId -> Map(frameId -> {count, blocks, incoming})); ready: restored; save(): writes
 * (coalesced) and resolves once what the map holds now is in session storage. */
export function tabCounts() {
  const tabs = new Map();
  let writing = null;
  let dirty = false;
  const ready = chrome.storage.session.get(KEY).then((r) => {
    for (const [tabId, frames] of Array.isArray(r?.[KEY]) ? r[KEY] : []) if (!tabs.has(tabId)) tabs.set(tabId, new Map(frames));
  }, () => { /* no session storage: memory only */ });
  function save() {
    dirty = true;
    writing ||= (async () => {
      while (dirty) {
        dirty = false;
        await chrome.storage.session.set({ [KEY]: [...tabs].map(([id, frames]) => [id, [...frames]]) }).catch(() => {});
      }
      writing = null;
    })();
    return writing;
  }
  return { tabs, ready, save };
}
