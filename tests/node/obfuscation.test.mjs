// Obfuscation recall and false positives of the wasm core (tests/obfuscation/cases.mjs):
// LDNOOBW words in sentences written 19 ways must be found (>= 97 % per way), and 20,000 German
// and English dictionary words must not be (<= 0.01 %), for a terms rule over the LDNOOBW list
// with every obfuscation step and for the default bundle's insult rules.
// tests/bench/bench-obfuscation.mjs prints the same figures beside obscenity and allprofanity.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { loadNodeCore } from '../../wasm/js/node-loader.mjs';
import { cases, cleanSentences, dictionaryWords, ldnoobwBundle, types, words } from '../obfuscation/cases.mjs';

const core = await loadNodeCore();
const loaded = core.loadPolicy(JSON.stringify(ldnoobwBundle()));
assert.equal(loaded.ok, true, JSON.stringify(loaded.errors));
const handle = loaded.handle;
const overlaps = (f, c) => f.begin < c.end && f.end > c.begin;

test('the test set is what it says', () => {
  assert.ok(words.length >= 250, `only ${words.length} LDNOOBW words`);
  assert.equal(Object.keys(types).length, 19);
  for (const s of cleanSentences) assert.deepEqual(core.check(handle, { reply: s }).findings, [], s);
});

for (const type of Object.keys(types)) {
  test(`recall >= 97 % for ${type}`, () => {
    const all = cases(type);
    assert.ok(all.length >= 50, `${type}: only ${all.length} cases`);
    const missed = all.filter((c) => !core.check(handle, { reply: c.sentence }).findings.some((f) => overlaps(f, c)));
    const recall = 1 - missed.length / all.length;
    assert.ok(recall >= 0.97, `${type}: recall ${(100 * recall).toFixed(1)} %, missed ${missed.map((c) => c.written).join(' ')}`);
  });
}

const dictionary = dictionaryWords();

test('at most 0.01 % of 20,000 dictionary words are flagged by the LDNOOBW rule', () => {
  assert.equal(dictionary.length, 20000);
  const flagged = dictionary.filter((w) => core.check(handle, { reply: w }).findings.length > 0);
  assert.ok(flagged.length <= 2, `flagged: ${flagged.join(' ')}`);
});

test('at most 0.01 % of 20,000 dictionary words are false insults in the default bundle', () => {
  const { handle: dflt } = core.defaultPolicy();
  const intended = new Set(readFileSync(new URL('../obfuscation/intended-flags.txt', import.meta.url), 'utf8')
    .split('\n').filter((l) => l && !l.startsWith('#')));
  const rules = new Set(['insult.en', 'insult.de', 'discrimination.language']);
  const flagged = dictionary.filter((w) => core.check(dflt, { reply: w }).findings.some((f) => rules.has(f.rule)));
  const wrong = flagged.filter((w) => !intended.has(w));
  assert.ok(flagged.length >= 10, `the insult rules flag only ${flagged.length} of the sample's insults`);
  assert.ok(wrong.length <= 2, `false positives: ${wrong.join(' ')}`);
});
