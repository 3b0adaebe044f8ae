// Choosing the thresholds of the default bundle's classifier rules (model.reply, model.incoming)
// for the COMBINED system: a tune line counts as found for a category when the rules already
// report it or the model's score reaches the threshold, so a threshold only has to add recall that
// is worth its false alarms. Pure functions over a score table of one source's tune lines (lines
// the model was not trained on); tune-data.mjs builds the table with the CLI.
//
// A row: { labels: ['insult'], rules: ['tone'], scores: { insult: 0.83, tone: 0.12, … } }
// (labels: what the line must report; rules: what the rules report; scores: the model's text scores).

// Candidate thresholds. Below 0.2 a tune set of a few hundred lines per category decides on noise.
export const GRID = Array.from({ length: 76 }, (_, k) => (20 + k) / 100);  // 0.20 … 0.95

// As at check time (classify.cpp): the (float) score at or above the threshold taken as float.
const reaches = (score, threshold) => score !== undefined && Math.fround(score) >= Math.fround(threshold);

export const precisionOf = (c) => (c.tp + c.fp ? c.tp / (c.tp + c.fp) : 1);
export const recallOf = (c) => (c.tp + c.fn ? c.tp / (c.tp + c.fn) : 1);
export function fBeta(c, beta) {
  const b2 = beta * beta;
  return c.tp ? ((1 + b2) * c.tp) / ((1 + b2) * c.tp + b2 * c.fn + c.fp) : 0;
}
const add = (a, b) => ({ tp: a.tp + b.tp, fp: a.fp + b.fp, fn: a.fn + b.fn });
const ZERO = { tp: 0, fp: 0, fn: 0 };

// Counts of one category: rules ∪ (model at `threshold`); threshold null: the rules alone;
// rules false: the model alone.
export function counts(rows, category, threshold, { rules = true } = {}) {
  const c = { tp: 0, fp: 0, fn: 0 };
  for (const r of rows) {
    const found = (rules && r.rules.includes(category)) || (threshold != null && reaches(r.scores[category], threshold));
    const labelled = r.labels.includes(category);
    if (found && labelled) c.tp += 1;
    else if (found) c.fp += 1;
    else if (labelled) c.fn += 1;
  }
  return c;
}

// Per-category and micro counts of every category in the rows, with the model's `thresholds`
// ({category: t}; categories without one are the rules' alone).
export function evaluate(rows, thresholds, { rules = true } = {}) {
  const names = new Set(Object.keys(thresholds));
  for (const r of rows) for (const c of [...r.labels, ...(rules ? r.rules : [])]) names.add(c);
  const categories = {};
  let micro = ZERO;
  for (const c of [...names].sort()) {
    categories[c] = counts(rows, c, thresholds[c] ?? null, { rules });
    micro = add(micro, categories[c]);
  }
  return { micro, categories };
}

// Chooses one threshold per category of `categories` (the model's, for this source) on `rows`.
// objective 'micro' (default): the highest micro recall (all categories of the rows, the rules'
// own included) at micro precision ≥ `precision`; 'category': per category the highest recall at
// that category's precision ≥ `precision`. When the precision cannot be reached the choice with
// the best F-beta is taken (met: false); precision null: best F-beta outright. Recall floor: a
// category's recall stays ≥ `minRecall` where some threshold reaches it (floor 'hard'); with
// floor 'greedy' (micro only) floors are given up one at a time, the one whose loss helps most
// first, while the precision target is out of reach with them, and only when that reaches it
// (floorDropped): the target is precision first.
export function chooseThresholds(rows, categories, options = {}) {
  const { precision = 0.92, minRecall = 0.7, beta = 0.5, grid = GRID, objective = 'micro', floor = 'hard' } = options;
  const fixed = evaluate(rows, {}).categories;  // the rules alone, for categories the model has no say in
  const all = {}, floored = {};
  const floorMissed = [];
  for (const c of categories) {
    all[c] = grid.map((t) => ({ threshold: t, ...counts(rows, c, t) }));
    floored[c] = all[c].filter((p) => recallOf(p) >= minRecall);
    if (!floored[c].length) floorMissed.push(c);
    delete fixed[c];
  }
  const rest = Object.values(fixed).reduce(add, ZERO);
  const meets = (c) => precision != null && precisionOf(c) >= precision;
  const better = (a, b) => {  // is choice a better than b (micro counts)?
    if (meets(a) !== meets(b)) return meets(a);
    if (meets(a)) return a.tp !== b.tp ? a.tp > b.tp : a.fp < b.fp;
    return fBeta(a, beta) > fBeta(b, beta);
  };
  const microOf = (picked) => categories.reduce((m, c) => add(m, picked[c]), rest);
  const result = (picked, kept) => {
    const thresholds = {}, per = {};
    for (const c of categories) {
      const { threshold, ...k } = picked[c];
      thresholds[c] = threshold;
      per[c] = k;
    }
    const micro = microOf(picked);
    const floorDropped = categories.filter((c) => !floorMissed.includes(c) && !kept.has(c));
    return { thresholds, categories: per, micro, met: meets(micro), floorMissed, floorDropped };
  };
  const reachable = new Set(categories.filter((c) => !floorMissed.includes(c)));
  const curvesOf = (kept) => Object.fromEntries(categories.map((c) => [c, kept.has(c) ? floored[c] : all[c]]));
  if (objective === 'category') {
    const curves = curvesOf(reachable), picked = {};
    for (const c of categories) {
      // Scanned from the highest threshold down: ties keep the higher one (fewer findings).
      picked[c] = [...curves[c]].reverse().reduce((b, p) => (better(p, b) ? p : b));
    }
    return result(picked, reachable);
  }
  const hard = search(curvesOf(reachable));
  let kept = reachable, best = hard;
  while (floor === 'greedy' && !meets(microOf(best)) && kept.size) {
    const tries = [...kept].map((c) => {
      const k = new Set([...kept].filter((x) => x !== c));
      return { k, picked: search(curvesOf(k)) };
    });
    const pick = tries.reduce((b, t) => (better(microOf(t.picked), microOf(b.picked)) ? t : b));
    [kept, best] = [pick.k, pick.picked];
  }
  // Floors are given up only for the target: out of reach even without them, all are kept.
  if (!meets(microOf(best))) [kept, best] = [reachable, hard];
  return result(best, kept);

  // The best choice (by `better`) over the given curves. Each category takes the threshold that
  // maximises tp − κ·fp: a lower threshold is worth its extra findings when at least one in 1 + κ
  // of them is right, the same marginal precision in every category, which gives the highest
  // micro recall for the micro precision it reaches. Every κ where some category's choice changes
  // (a ratio Δtp/Δfp between two of its thresholds, at and just below it) is tried; the best is
  // then filled up, one category's step at a time, while it stays at the precision target.
  function search(curves) {
    const ratios = new Set([0]);
    for (const c of categories)
      for (const p of curves[c])
        for (const q of curves[c]) if (q.fp > p.fp && q.tp > p.tp) ratios.add((q.tp - p.tp) / (q.fp - p.fp));
    let top = null;
    for (const kappa of [...ratios].flatMap((k) => [k, k * (1 - 1e-9)])) {
      const picked = {};
      const gain = (p) => p.tp - kappa * p.fp;
      for (const c of categories) picked[c] = [...curves[c]].reverse().reduce((b, p) => (gain(p) > gain(b) ? p : b));
      if (!top || better(microOf(picked), microOf(top))) top = picked;
    }
    // Filling: the step with the most extra hits per extra false alarm that keeps the target.
    while (meets(microOf(top))) {
      let move = null, moveRate = -1, moveTp = 0;
      for (const c of categories)
        for (const p of curves[c]) {
          const dtp = p.tp - top[c].tp, dfp = p.fp - top[c].fp;
          if (dtp <= 0 || !meets(microOf({ ...top, [c]: p }))) continue;
          const rate = dfp <= 0 ? Infinity : dtp / dfp;
          if (rate > moveRate || (rate === moveRate && dtp > moveTp)) [move, moveRate, moveTp] = [{ ...top, [c]: p }, rate, dtp];
        }
      if (!move) break;
      top = move;
    }
    return top;
  }
}

// The previous procedure, for comparison: one threshold per category for both sources, the best
// F1 of the model alone on all tune rows (`replyguard train --report`'s best_threshold: 0.05 …
// 0.95, ties to the lowest, 0.5 unless beaten), clamped to 0.35 … 0.9.
export function modelBestF1(rows, categories) {
  const thresholds = {};
  for (const c of categories) {
    let best = 0.5, bestF = fBeta(counts(rows, c, 0.5, { rules: false }), 1);
    for (let k = 5; k <= 95; k += 1) {
      const f = fBeta(counts(rows, c, k / 100, { rules: false }), 1);
      if (f > bestF) [best, bestF] = [k / 100, f];
    }
    thresholds[c] = Math.min(0.9, Math.max(0.35, best));
  }
  return thresholds;
}
