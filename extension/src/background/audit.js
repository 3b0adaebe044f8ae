// Local audit log of overrides and escalations: rule ids, time, site, text hash; never the text.
import { KEYS } from '../shared/settings.js';

const MAX_ENTRIES = 5000;
let chain = Promise.resolve(); // serialise read-modify-write

export function appendAudit(entry) {
  chain = chain.then(async () => {
    const { [KEYS.audit]: log = [] } = await chrome.storage.local.get(KEYS.audit);
    log.push(entry);
    await chrome.storage.local.set({ [KEYS.audit]: log.slice(-MAX_ENTRIES) });
  });
  return chain;
}
