// Obfuscation benchmark: ReplyGuard's wasm core (through the JS wrapper) beside the npm packages
// obscenity and allprofanity, in the same process, on the same sentences (tests/obfuscation):
// recall per obfuscation type, dictionary false positives, and the speed of the default bundle's
// insult rules against obscenity on the same text. Prints figures; asserts nothing (the recall
// and false-positive targets are asserted by tests/node/obfuscation.test.mjs).
// Usage: node tests/bench/bench-obfuscation.mjs [runs]
import { RegExpMatcher, englishDataset, englishRecommendedTransformers } from 'obscenity';
import { AllProfanity } from 'allprofanity';
import { loadNodeCore } from '../../wasm/js/node-loader.mjs';
import { defaultRules } from './default-bundle.mjs';
import { cases, dictionaryWords, ldnoobwBundle, types, words } from '../obfuscation/cases.mjs';

const runs = Number(process.argv[2] || 300);
const core = await loadNodeCore();
const rg = core.loadPolicy(JSON.stringify(ldnoobwBundle()));
if (!rg.ok) throw new Error(JSON.stringify(rg.errors));
// The packages with their own English lists, and allprofanity also with the same LDNOOBW words
// added (its add()), so that its matching and not only its list is compared. (obscenity's own
// patterns are written for its duplicate-collapsing transformers; plain words added to it would
// measure a misuse, so it runs with its English dataset only.)
const obscenity = new RegExpMatcher({ ...englishDataset.build(), ...englishRecommendedTransformers });
const log = console.log;
console.log = () => {};  // allprofanity announces every dictionary it loads
const allprofanity = new AllProfanity({ performance: { enableCaching: false } });
const allprofanitySame = new AllProfanity({ performance: { enableCaching: false } });
allprofanitySame.add(words);
console.log = log;

// Each system says whether the sentence holds the written word (ReplyGuard and obscenity by
// position; allprofanity by its verdict on the sentence, whose template words are clean).
const byPosition = (m) => (c) => m.getAllMatches(c.sentence).some((x) => x.startIndex < c.end && x.endIndex + 1 > c.begin);
const systems = {
  ReplyGuard: (c) => core.check(rg.handle, { reply: c.sentence }).findings.some((f) => f.begin < c.end && f.end > c.begin),
  obscenity: byPosition(obscenity),
  allprofanity: (c) => allprofanity.check(c.sentence),
  'allprofanity+L': (c) => allprofanitySame.check(c.sentence),
};
const names = Object.keys(systems);
const pct = (x) => `${(100 * x).toFixed(1)} %`.padStart(9);

console.log(`Recall over ${words.length} LDNOOBW words (naughty-words, English) in sentences, per obfuscation type`);
console.log('(allprofanity+L: allprofanity with the same LDNOOBW words added to its own list)');
console.log('type'.padEnd(18) + 'cases'.padStart(6) + names.map((n) => n.padStart(15)).join(''));
const mean = Object.fromEntries(names.map((n) => [n, 0]));
for (const type of Object.keys(types)) {
  const all = cases(type);
  const row = names.map((n) => {
    const r = all.filter(systems[n]).length / all.length;
    mean[n] += r / Object.keys(types).length;
    return pct(r).padStart(15);
  });
  console.log(type.padEnd(18) + String(all.length).padStart(6) + row.join(''));
}
console.log('mean'.padEnd(24) + names.map((n) => pct(mean[n]).padStart(15)).join(''));

const dictionary = dictionaryWords();
const flags = {
  ReplyGuard: (w) => core.check(rg.handle, { reply: w }).findings.length > 0,
  obscenity: (w) => obscenity.hasMatch(w),
  allprofanity: (w) => allprofanity.check(w),
  'allprofanity+L': (w) => allprofanitySame.check(w),
};
console.log(`\nFalse positives on ${dictionary.length} dictionary words (wngerman + wamerican, LDNOOBW words left out)`);
for (const n of names) {
  const f = dictionary.filter(flags[n]);
  console.log(`${n.padEnd(14)} ${String(f.length).padStart(5)} (${(100 * f.length / dictionary.length).toFixed(3)} %)  ${f.slice(0, 12).join(' ')}`);
}

// Speed: the default bundle's insult rules alone, against obscenity, on the same replies.
const dflt = defaultRules((r) => r.id.startsWith('insult.'));
delete dflt.team;
const insult = core.loadPolicy(JSON.stringify(dflt));
if (!insult.ok) throw new Error(JSON.stringify(insult.errors));
const filler = 'Thanks for your message, we are looking into your order and will get back to you shortly. ';
const reply = (n, i) => {
  let s = `Ticket ${i}: `;
  while (s.length < n) s += filler;
  return s.slice(0, n - 20) + (i % 2 ? ' you stuuupid idiot' : ' have a nice day!!');
};
const median = (xs) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const time = (fn, texts) => {
  for (const t of texts.slice(0, 20)) fn(t);  // warm-up
  const out = [];
  for (const t of texts) {
    const t0 = process.hrtime.bigint();
    fn(t);
    out.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return median(out);
};
console.log(`\nSpeed, median of ${runs} replies each (distinct texts), ms per check`);
console.log('length'.padEnd(8) + 'RG insult rules'.padStart(17) + 'obscenity'.padStart(12) + 'allprofanity'.padStart(14) + 'obscenity / RG'.padStart(16));
for (const n of [280, 2000, 10000]) {
  const texts = Array.from({ length: runs }, (_, i) => reply(n, i));
  const a = time((t) => core.check(insult.handle, { reply: t }), texts);
  const b = time((t) => obscenity.getAllMatches(t), texts);
  const c = time((t) => allprofanity.detect(t), texts);
  console.log(String(n).padEnd(8) + a.toFixed(3).padStart(17) + b.toFixed(3).padStart(12) + c.toFixed(3).padStart(14) + `${(b / a).toFixed(1)}x`.padStart(16));
}
