// Keystroke-to-underline latency for a 2,000-character reply: the time from the keydown that
// completes an offending word to the paint that underlines it (debounce + messaging to the
// core host + check + mapping + drawing). Prints median and p95 per editor, without a post being
// answered and with a 20,000-character one (pages under /sites/x/, whose adapter reads the post):
// the post is checked once, so its size should not change the per-keystroke figure.
//   node tests/e2e/bench-latency.mjs [rounds]
import { startServer, launch, isoEval, rgState, until } from './support/harness.mjs';
import { usePolicy } from './support/flow.mjs';

const ROUNDS = Number(process.argv[2] || 40);
const FILLER = 'Thank you for your message, we are looking into your request and will get back to you shortly. ';

function stats(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const q = (p) => s[Math.min(s.length - 1, Math.floor(p * (s.length - 1) + 0.5))];
  return { n: s.length, median: q(0.5), p95: q(0.95), min: s[0], max: s.at(-1) };
}

async function bench(page, { composer, fill, post }) {
  await page.click(composer);
  await fill();
  await until(async () => { const s = await rgState(page); return s?.fields?.[0]?.checked && s.fields[0].text.length >= 2000; }, { timeout: 15000, message: 'initial check' });
  if (post && (await rgState(page)).fields[0].postLength !== post) throw new Error('the post being answered was not read');
  await page.keyboard.press('Control+End');
  const lat = [], core = [];
  for (let i = 0; i < ROUNDS; i++) {
    await page.keyboard.type(' idio');
    await until(async () => (await rgState(page)).fields[0].checked, { message: 'settled' });
    const len = (await rgState(page)).fields[0].text.length; // "t" completes the word ending here
    await isoEval(page, (begin) => {
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
    lat.push(await isoEval(page, () => Promise.race([globalThis.__rgBench, new Promise((r) => setTimeout(() => r(-1), 3000))])));
    core.push((await rgState(page)).lastCheckMs);
  }
  if (lat.includes(-1)) throw new Error('an underline never appeared');
  return { latency: stats(lat), coreCheck: stats(core.filter((x) => typeof x === 'number')) };
}

const server = await startServer();
const b = await launch();
try {
  await usePolicy(b.sw);
  const text = FILLER.repeat(Math.ceil(2000 / FILLER.length)).slice(0, 2000);
  const results = {};
  for (const post of [0, 20_000]) {
    const tag = post ? `+post ${post / 1000}k` : 'no post';
    const p1 = await b.context.newPage();
    await p1.goto(`${server.base}/sites/x/textarea.html?post=${post}`);
    results[`textarea, ${tag}`] = await bench(p1, { composer: '#reply', fill: () => p1.fill('#reply', text), post });
    await p1.close();
    const p2 = await b.context.newPage();
    await p2.goto(`${server.base}/sites/x/editor.html?editor=lexical&post=${post}`);
    await p2.waitForSelector('#editor [contenteditable="true"]');
    results[`lexical, ${tag}`] = await bench(p2, { composer: '#editor [contenteditable="true"]', fill: () => p2.keyboard.insertText(text), post });
    await p2.close();
  }
  const fmt = (s) => `median ${s.median.toFixed(1)} ms, p95 ${s.p95.toFixed(1)} ms (min ${s.min.toFixed(1)}, max ${s.max.toFixed(1)}, n=${s.n})`;
  for (const [k, v] of Object.entries(results)) {
    console.log(`${k.padEnd(22)} keystroke→underline: ${fmt(v.latency)}`);
    console.log(`${''.padEnd(22)} core check per keystroke: ${fmt(v.coreCheck)}`);
  }
  console.log('(includes the 60 ms input debounce of the content script)');
} finally {
  await b.close();
  await server.close();
}
