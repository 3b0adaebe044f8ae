import { coreTransport } from './core-firefox.js';
import { startBackground } from './router.js';

startBackground(coreTransport);
