// Firefox: the event page hosts the core itself (no offscreen documents there).
import { createCoreHost, runOp } from '../core-host/core-host.js';

const host = createCoreHost((p) => browser.runtime.getURL(p));
export const coreTransport = (msg) => runOp(host, msg);
