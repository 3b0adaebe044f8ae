// Long texts are checked in sentence-aligned windows (extension/src/background/windows.js):
// windows cover the text without gaps, end at sentences, never split a surrogate pair, and the
// merged findings sit at offsets of the whole text. Checked with a stand-in for the core that
// flags "idiot" and a zero-width "missing at the end" finding.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sentenceWindows, mergeWindowResults, checkInWindows } from '../../extension/src/background/windows.js';

const SENT = 'Thank you for your message, we are looking into it. ';

function fakeCheck({ reply, incoming }) {
  const findings = [];
  for (const [text, source] of [[reply, 'reply'], [incoming, 'incoming']]) {
    for (const m of text.matchAll(/idiot/g)) findings.push({ rule: 'insult', severity: 'block', begin: m.index, end: m.index + 5, text: 'idiot', source });
    if (text && !/-- AB$/.test(text)) findings.push({ rule: 'signoff', severity: 'info', begin: text.length, end: text.length, text: '', source });
  }
  return { result: { findings, warnings: reply.includes('slow') ? [{ rule: 'p', source: 'reply', message: 'step limit' }] : [] }, ms: 1 };
}

test('windows cover the text, end after a sentence and stay within the limit', () => {
  const text = SENT.repeat(1000); // 52,000 characters
  const w = sentenceWindows(text, 20_000);
  assert.ok(w.length >= 3);
  assert.equal(w[0].begin, 0);
  assert.equal(w.at(-1).end, text.length);
  for (let i = 0; i < w.length; i++) {
    assert.ok(w[i].end - w[i].begin <= 20_000);
    if (i) assert.equal(w[i].begin, w[i - 1].end, 'no gap, no overlap');
    if (i < w.length - 1) assert.ok(text.slice(0, w[i].end).endsWith('. '), 'cut after a sentence');
  }
});

test('a text without sentence ends is cut at spaces, never inside a surrogate pair', () => {
  const emoji = '👍🏽'.repeat(15_000); // 60,000 code units, no spaces, no sentences
  for (const { begin, end } of sentenceWindows(emoji, 20_001)) {
    const c = emoji.charCodeAt(end - 1);
    assert.ok(!(c >= 0xd800 && c <= 0xdbff), `window ${begin}-${end} ends inside a pair`);
  }
  const words = 'word '.repeat(10_000);
  for (const { end } of sentenceWindows(words, 20_000).slice(0, -1)) assert.equal(words[end - 1], ' ');
});

test('an insult at the end of a 150,000-character reply is found at its offset in the whole text', async () => {
  const text = `${SENT.repeat(2900)}You idiot`;
  assert.ok(text.length > 150_000);
  let calls = 0;
  const { result } = await checkInWindows((req) => { calls++; assert.ok(req.reply.length <= 20_000); return fakeCheck(req); }, { reply: text, incoming: '', platform: '', lang: 'en' });
  assert.ok(calls >= 8);
  const insult = result.findings.filter((f) => f.rule === 'insult');
  assert.equal(insult.length, 1);
  assert.equal(insult[0].begin, text.lastIndexOf('idiot'));
  assert.equal(text.slice(insult[0].begin, insult[0].end), 'idiot');
  // "missing at the end": once, at the end of the whole text (not at every cut).
  const end = result.findings.filter((f) => f.rule === 'signoff');
  assert.deepEqual(end.map((f) => f.begin), [text.length]);
});

test('short texts take one call; warnings of every window are kept once', async () => {
  let calls = 0;
  await checkInWindows((req) => { calls++; return fakeCheck(req); }, { reply: 'You idiot', incoming: 'post', platform: '', lang: 'en' });
  assert.equal(calls, 1);
  const { result } = await checkInWindows(fakeCheck, { reply: `${SENT.repeat(500)}slow ${SENT.repeat(500)}slow`, incoming: '', platform: '', lang: 'en' });
  assert.deepEqual(result.warnings, [{ rule: 'p', source: 'reply', message: 'step limit' }]);
});

test('merging keeps findings of the given source only and drops exact duplicates', () => {
  const wins = [{ begin: 0, end: 10 }, { begin: 10, end: 20 }];
  const parts = [
    { findings: [{ rule: 'a', begin: 2, end: 4, source: 'reply' }, { rule: 'b', begin: 0, end: 1, source: 'incoming' }] },
    { findings: [{ rule: 'a', begin: 0, end: 3, source: 'reply' }] },
  ];
  const r = mergeWindowResults(parts, wins, 'reply');
  assert.deepEqual(r.findings.map((f) => [f.rule, f.begin, f.end]), [['a', 2, 4], ['a', 10, 13]]);
});
