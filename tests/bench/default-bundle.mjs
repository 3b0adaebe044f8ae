// The default bundle as the benchmarks load it: whole, or as its rules alone (scripts/lib/rules-only.mjs).
import { readFileSync } from 'node:fs';
import { rulesOnly } from '../../scripts/lib/rules-only.mjs';

export function defaultBundle() {
  return JSON.parse(readFileSync(new URL('../../policies/default/bundle.json', import.meta.url), 'utf8'));
}

// The default bundle's rules without the classifier, optionally only those `keep` accepts.
export function defaultRules(keep = () => true) {
  return rulesOnly(defaultBundle(), keep);
}
