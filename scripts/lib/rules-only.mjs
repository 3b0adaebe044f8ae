// A bundle's rules without its classifier: a copy without the classifier rules and without the
// models section (the loader refuses a model no rule reads: "file … was not provided with the
// bundle"), optionally keeping only the rules `keep` accepts.
export function rulesOnly(bundle, keep = () => true) {
  const copy = { ...bundle, rules: bundle.rules.filter((r) => r.kind !== 'classifier' && keep(r)) };
  delete copy.models;
  return copy;
}
