// Keystroke-to-underline latency in Firefox, warm and cold. Warm: the event page is running with
// the core loaded. Cold: the event page was suspended (as Firefox does when it is idle), so the
// keystroke wakes it and the core (wasm + ICU data) and the bundle are compiled and loaded again
// before the check. Prints median and p95, and the core's own load time after each wake-up.
//   node tests/e2e-firefox/bench-latency.mjs [warm rounds] [cold rounds]
import { startServer, until } from '../e2e/support/harness.mjs';
import { usePolicy } from '../e2e/support/flow.mjs';
import { launchFirefox, probeFor, isoEval } from './support/firefox.mjs';

const WARM = Number(process.argv[2] || 30);
const COLD = Number(process.argv[3] || 10);
const FILLER = 'Thank you for your message, we are looking into your request and will get back to you shortly. ';

function stats(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const q = (p) => s[Math.min(s.length - 1, Math.floor(p * (s.length - 1) + 0.5))];
  return { n: s.length, median: q(0.5), p95: q(0.95), min: s[0], max: s.at(-1) };
}
const fmt = (s) => `median ${s.median.toFixed(1)} ms, p95 ${s.p95.toFixed(1)} ms (min ${s.min.toFixed(1)}, max ${s.max.toFixed(1)}, n=${s.n})`;

const server = await startServer();
const ff = await launchFirefox();
try {
  const probe = probeFor(ff);
  await usePolicy(ff.sw);
  const page = await ff.newPage(`${server.base}/textarea.html`);
  const text = FILLER.repeat(Math.ceil(2000 / FILLER.length)).slice(0, 2000);
  await page.click('#reply');
  await page.$eval('#reply', (e, v) => { e.value = v; e.dispatchEvent(new Event('input', { bubbles: true })); }, text);
  await until(async () => { const s = await probe.state(page); return s?.fields?.[0]?.checked && s.fields[0].text.length >= 2000; }, { timeout: 20000, message: 'initial check' });
  await page.keyboard.press('End');

  /** One round: type " idio", let it settle, then time the "t" that completes the insult. */
  async function round(before) {
    await page.keyboard.type(' idio');
    await until(async () => (await probe.state(page)).fields[0].checked, { timeout: 10000, message: 'settled' });
    const len = (await probe.state(page)).fields[0].text.length;
    await before();
    await isoEval(ff, page, (begin) => {
      globalThis.__rgBench = new Promise((resolve) => {
        let t0 = 0;
        addEventListener('keydown', () => { t0 = performance.now(); }, { capture: true, once: true });
        globalThis.__replyguardTest.onPaint = (drawn) => {
          if (t0 && drawn.some((d) => d.begin === begin && d.rangeText === 'idiot')) {
            globalThis.__replyguardTest.onPaint = null;
            resolve(performance.now() - t0);
          }
        };
      });
    }, len - 4);
    await page.keyboard.press('t');
    const ms = await isoEval(ff, page, () => Promise.race([globalThis.__rgBench, new Promise((r) => setTimeout(() => r(-1), 10000))]));
    if (ms < 0) throw new Error('an underline never appeared');
    return ms;
  }

  const warm = [];
  for (let i = 0; i < WARM; i++) warm.push(await round(async () => {}));
  const cold = [], load = [];
  for (let i = 0; i < COLD; i++) {
    cold.push(await round(async () => {
      if ((await ff.suspendEventPage()) !== 'stopped') throw new Error('event page did not stop');
    }));
    const st = await ff.sw.evaluate(() => chrome.runtime.sendMessage({ type: 'rg:status' }));
    if (typeof st?.value?.core?.loadMs === 'number') load.push(st.value.core.loadMs);
  }
  console.log(`Firefox ${await ff.browser.version()}, textarea, 2,000-character reply`);
  console.log(`warm (event page running)          keystroke→underline: ${fmt(stats(warm))}`);
  console.log(`cold (after the event page stopped) keystroke→underline: ${fmt(stats(cold))}`);
  if (load.length) console.log(`cold start: core load (wasm + ICU data) in the woken event page: ${fmt(stats(load))}`);
  console.log('(includes the 60 ms input debounce of the content script)');
} finally {
  await ff.close();
  await server.close();
}
