import { coreTransport } from './core-chrome.js';
import { startBackground } from './router.js';

startBackground(coreTransport);
