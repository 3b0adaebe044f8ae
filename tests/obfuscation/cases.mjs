// The obfuscation test set: LDNOOBW's English words (npm `naughty-words`, CC-BY-4.0) in sentences,
// written 19 ways, and 20,000 German and English dictionary words (Debian `wngerman`,
// `wamerican`) for false positives. Shared by tests/node/obfuscation.test.mjs (asserts ReplyGuard's
// recall and false positives) and tests/bench/bench-obfuscation.mjs (prints them beside obscenity
// and allprofanity, and the speed).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

// Single words of letters only, at least 3 long (phrases and two-letter entries left out).
export const words = require('naughty-words/en.json').filter((w) => /^[a-z]{3,}$/.test(w));

const map = (w, table) => [...w].map((c) => table[c] ?? c).join('');
const changes = (w, f) => {
  const o = f(w);
  return o === w ? null : o;
};
const vowels = new Set(['a', 'e', 'i', 'o', 'u']);

// Each type writes a word its way, or returns null when the way does not apply to the word.
export const types = {
  plain: (w) => w,
  upper: (w) => w.toUpperCase(),
  alternating_case: (w) => [...w].map((c, i) => (i % 2 ? c.toUpperCase() : c)).join(''),
  leet_digits: (w) => changes(w, (x) => map(x, { a: '4', e: '3', i: '1', o: '0', s: '5', t: '7' })),
  leet_symbols: (w) => changes(w, (x) => map(x, { a: '@', s: '$', i: '!' })),
  final_symbol: (w) => ({ s: '$', a: '@', i: '!' }[w.at(-1)] ? w.slice(0, -1) + { s: '$', a: '@', i: '!' }[w.at(-1)] : null),
  spaced: (w) => [...w].join(' '),
  dotted: (w) => [...w].join('.'),
  dashed: (w) => [...w].join('-'),
  stretched_vowel: (w) => {
    const i = [...w].findIndex((c) => vowels.has(c));
    return i < 0 ? null : w.slice(0, i) + w[i].repeat(4) + w.slice(i + 1);
  },
  stretched_last: (w) => w + w.at(-1).repeat(2),
  stretched_double: (w) => {
    const m = /([a-z])\1/.exec(w);
    return m ? w.slice(0, m.index) + m[1].repeat(4) + w.slice(m.index + 2) : null;
  },
  diacritics: (w) => changes(w, (x) => map(x, { a: 'á', e: 'é', i: 'í', o: 'ó', u: 'ú', c: 'ç', n: 'ñ' })),
  latin_lookalikes: (w) => changes(w, (x) => map(x, { i: 'ı', o: 'ø', d: 'ð', l: 'ł', a: 'ɑ', g: 'ɡ' })),
  cyrillic: (w) => changes(w, (x) => map(x, { a: 'а', e: 'е', o: 'о', p: 'р', c: 'с', x: 'х', y: 'у', i: 'і' })),
  masked_one: (w) => w.slice(0, Math.floor(w.length / 2)) + '*' + w.slice(Math.floor(w.length / 2) + 1),
  masked_vowels: (w) => {
    let masked = 0;
    const out = [...w].map((c, i) => {
      if (i === 0 || i === w.length - 1 || !vowels.has(c) || masked * 2 + 2 > w.length) return c;
      masked++;
      return '*';
    });
    return masked ? out.join('') : null;
  },
  zero_width: (w) => [...w].join('\u200B'),
  fullwidth: (w) => [...w].map((c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)).join(''),
};

const templates = [
  (x) => `Honestly, ${x} is what I think of this.`,
  (x) => `You are being so ${x} today`,
  (x) => `${x}! Read the manual first.`,
];

// Every (type, word) case that applies: the sentence and the UTF-16 span of the written word.
export function cases(typeName) {
  const out = [];
  words.forEach((w, i) => {
    const x = types[typeName](w);
    if (x == null) return;
    const sentence = templates[i % templates.length](x);
    const begin = sentence.indexOf(x);
    out.push({ word: w, written: x, sentence, begin, end: begin + x.length });
  });
  return out;
}

// The clean sentences around the words (must give no finding on their own).
export const cleanSentences = templates.map((t) => t('something'));

// 10,000 German and 10,000 English dictionary words: every n-th word of each list, without
// possessives ("'s") and words the LDNOOBW list itself contains.
export function dictionaryWords(perLanguage = 10000) {
  const listed = new Set(words);
  const pick = (file) => {
    const all = readFileSync(file, 'utf8').split('\n').filter((w) => w && !w.includes("'") && !listed.has(w.toLowerCase()));
    const step = all.length / perLanguage;
    return Array.from({ length: Math.min(perLanguage, all.length) }, (_, i) => all[Math.floor(i * step)]);
  };
  return [...pick('/usr/share/dict/ngerman'), ...pick('/usr/share/dict/american-english')];
}

// A bundle with one terms rule over the LDNOOBW words and every obfuscation step.
export function ldnoobwBundle() {
  return {
    format: 'replyguard-bundle/1', id: 'test.ldnoobw', version: 1, name: { en: 'LDNOOBW obfuscation test' },
    languages: ['en'],
    categories: { profanity: { label: { en: 'Profanity', de: 'Vulgäres' } } },
    rules: [{
      id: 'profanity.ldnoobw', kind: 'terms', category: 'profanity', severity: 'block',
      message: { en: 'Profanity', de: 'Vulgäre Sprache' },
      terms: words, obfuscation: ['leet', 'separators', 'repeats', 'lookalikes', 'masks'],
      examples: { flag: [{ text: 'what a b1tch', span: [7, 12] }], pass: ['Thanks for your patience.'] },
    }],
  };
}
