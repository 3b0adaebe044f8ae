// Converts GermEval 2018's training file (tab-separated: text, OFFENSE|OTHER, ABUSE|INSULT|
// PROFANITY|OTHER) into corpus lines (tests/corpus/README.md) as incoming posts.
// Mapping (the reason is measured and written down in tests/corpus/README.md): every OFFENSE
// line is `insult`, ABUSE included, unless --abuse says otherwise.
// Usage: node germeval-jsonl.mjs TRAINING.txt [--abuse insult|discrimination|insult+discrimination|abuse] > out.jsonl
import { readFileSync } from 'node:fs';

const args = process.argv.slice(2);
const file = args.find((a) => !a.startsWith('--') && args[args.indexOf(a) - 1] !== '--abuse');
const abuse = args.includes('--abuse') ? args[args.indexOf('--abuse') + 1] : 'insult';
const abuseLabels = {
  insult: ['insult'],
  discrimination: ['discrimination'],
  'insult+discrimination': ['discrimination', 'insult'],
  abuse: ['abuse', 'insult'],
}[abuse];
if (!file || !abuseLabels) {
  console.error('usage: node germeval-jsonl.mjs TRAINING.txt [--abuse insult|discrimination|insult+discrimination|abuse]');
  process.exit(2);
}
const lines = readFileSync(file, 'utf8').split('\n').filter((l) => l.trim() !== '');
let n = 0;
for (const line of lines) {
  const [text, coarse, fine] = line.split('\t');
  if (!text || !['OFFENSE', 'OTHER'].includes(coarse)) throw new Error(`${file}: bad line ${n + 1}`);
  n += 1;
  const categories = coarse === 'OTHER' ? [] : fine === 'ABUSE' ? abuseLabels : ['insult'];
  const id = `g-de-${String(n).padStart(4, '0')}`;
  process.stdout.write(`${JSON.stringify({ id, source: 'incoming', lang: 'de', text: text.replaceAll('|LBR|', '\n'), categories, germeval: fine })}\n`);
}
