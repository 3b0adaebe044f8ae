// Chrome: the core lives in one offscreen document; the service worker forwards to it.
const URL_PATH = 'offscreen.html';
let creating = null;

async function ensureOffscreen() {
  const url = chrome.runtime.getURL(URL_PATH);
  const contexts = await chrome.runtime.getContexts({ contextTypes: ['OFFSCREEN_DOCUMENT'], documentUrls: [url] });
  if (contexts.length) return;
  creating ||= chrome.offscreen.createDocument({
    url: URL_PATH,
    reasons: ['WORKERS'],
    justification: 'Runs the ReplyGuard policy checker (WebAssembly) once for the whole browser.',
  }).finally(() => { creating = null; });
  await creating;
}

export async function coreTransport(msg) {
  await ensureOffscreen();
  const res = await chrome.runtime.sendMessage({ ...msg, target: 'rg-core' });
  return res || { ok: false, error: 'core host did not answer', code: 'CORE_ERROR' };
}
