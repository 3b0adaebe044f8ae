// The default bundle as the benchmarks load it: whole, or as its rules alone. A bundle without its
// classifier rules must drop its models section too: the loader refuses a model no rule uses the
// file of ("file default.ftz was not provided with the bundle").
import { readFileSync } from 'node:fs';

export function defaultBundle() {
  return JSON.parse(readFileSync(new URL('../../policies/default/bundle.json', import.meta.url), 'utf8'));
}

// The default bundle's rules without the classifier, optionally only those `keep` accepts.
export function defaultRules(keep = () => true) {
  const bundle = defaultBundle();
  const rules = { ...bundle, rules: bundle.rules.filter((r) => r.kind !== 'classifier' && keep(r)) };
  delete rules.models;
  return rules;
}
