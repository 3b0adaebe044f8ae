// Stand-in for wasm/js/core.mjs, used only by `build.mjs --fake-core` while the wasm core is
// not built: flags "idiot" and "Depp" (block), "problem" (info, replacement "concern") and, in the
// post being answered only, "lawyer" (block).
export async function createCore() {
  const rules = [
    { re: /\bDepp\b/g, rule: 'insult.words', category: 'insult', severity: 'block', message: 'Insulting word', replacements: [] },
    { re: /\bidiot\b/gi, rule: 'insult.words', category: 'insult', severity: 'block', message: 'Insulting word', replacements: ['person'] },
    { re: /\bproblem\b/gi, rule: 'tone.problem', category: 'tone', severity: 'info', message: 'Prefer neutral wording', replacements: ['concern'] },
  ];
  const info = { id: 'fake', version: 1, name: { en: 'Fake core' }, categories: {}, rules: 2, team: false };
  rules.push({ re: /\blawyer\b/gi, rule: 'legal.threat', category: 'legal', severity: 'block', message: 'The customer threatens legal action', replacements: [], only: 'incoming' });
  const run = (text, source) => rules.filter((r) => !r.only || r.only === source).flatMap((r) => [...text.matchAll(r.re)].map((m) => ({
    rule: r.rule, category: r.category, severity: r.severity, begin: m.index, end: m.index + m[0].length, text: m[0],
    message: r.message, replacements: r.replacements, confidence: 1, source })));
  return {
    // The loaded bundle's own id, version, name and categories (its rules are not run).
    loadPolicy: (t) => {
      try {
        const b = JSON.parse(t);
        return { ok: true, handle: 2, info: { ...info, id: b.id ?? info.id, version: b.version ?? info.version, name: b.name ?? info.name, categories: b.categories ?? {} } };
      } catch (e) { return { ok: false, errors: [{ pointer: '', message: e.message }] }; }
    },
    defaultPolicy: () => ({ ok: true, handle: 1, info }),
    freePolicy: () => true,
    policyInfo: () => info,
    // Like the core's regex step limit: a run of 30 "a" stands for a text a pattern gives up on.
    check: (h, { reply, incoming }) => ({ findings: [...run(reply, 'reply'), ...run(incoming || '', 'incoming')],
      warnings: [[reply, 'reply'], [incoming || '', 'incoming']].filter(([x]) => /a{30}/.test(x))
        .map(([, source]) => ({ rule: 'slow.pattern', source, message: 'pattern stopped at its step limit; it was skipped for this text' })) }),
    escalate: () => ({ error: 'no team' }),
  };
}
