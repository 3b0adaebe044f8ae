// Chrome: the offscreen document that hosts the core. Answers only the extension's own
// background (messages from content scripts carry sender.tab and are ignored).
import { createCoreHost, runOp } from './core-host.js';

const host = createCoreHost((p) => chrome.runtime.getURL(p));

chrome.runtime.onMessage.addListener((msg, sender, sendResponse) => {
  if (!msg || msg.target !== 'rg-core' || sender.id !== chrome.runtime.id || sender.tab) return false;
  runOp(host, msg).then(sendResponse);
  return true;
});
