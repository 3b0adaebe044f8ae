// Threshold selection for the combined system (scripts/classifier/thresholds.mjs) on small
// synthetic score tables: rows of labels, the rules' findings and the model's scores.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chooseThresholds, counts, evaluate, modelBestF1 } from '../../scripts/classifier/thresholds.mjs';

const rows = (n, labels, rules, scores) => Array.from({ length: n }, () => ({ labels, rules, scores }));

test('rules ∪ model: a line counts once, found by either; the score compares as a float', () => {
  const t = [
    ...rows(3, ['a'], ['a'], { a: 0.1 }),   // rules find it
    ...rows(2, ['a'], [], { a: 0.3 }),      // the model at exactly the threshold
    ...rows(1, ['a'], [], { a: 0.2 }),      // missed
    ...rows(4, [], [], { a: 0.7 }),         // false alarms of the model
    ...rows(1, [], ['a'], { a: 0 }),        // a false alarm of the rules
  ];
  assert.deepEqual(counts(t, 'a', 0.3), { tp: 5, fp: 5, fn: 1 });
  assert.deepEqual(counts(t, 'a', 0.31), { tp: 3, fp: 5, fn: 3 });
  assert.deepEqual(counts(t, 'a', null), { tp: 3, fp: 1, fn: 3 });
  assert.deepEqual(counts(t, 'a', 0.3, { rules: false }), { tp: 2, fp: 4, fn: 4 });
  assert.deepEqual(evaluate(t, { a: 0.8 }).micro, { tp: 3, fp: 1, fn: 3 });
});

test('what the rules already find needs no model: its threshold stays at the top of the grid', () => {
  const t = [...rows(10, ['a'], ['a'], { a: 0.9 }), ...rows(10, [], [], { a: 0.6 })];
  const c = chooseThresholds(t, ['a']);
  assert.equal(c.thresholds.a, 0.95);
  assert.deepEqual(c.micro, { tp: 10, fp: 0, fn: 0 });
  assert.equal(c.met, true);
});

test('separable scores: the highest threshold that finds every labelled line', () => {
  const t = [...rows(10, ['a'], [], { a: 0.8 }), ...rows(10, [], [], { a: 0.3 })];
  assert.equal(chooseThresholds(t, ['a']).thresholds.a, 0.8);
});

test('the precision target gives up recall that best F1 would take', () => {
  // 15 clear hits at 0.9; below it 5 more hits and 5 false alarms at 0.6.
  const t = [...rows(15, ['a'], [], { a: 0.9 }), ...rows(5, ['a'], [], { a: 0.6 }), ...rows(5, [], [], { a: 0.6 })];
  const strict = chooseThresholds(t, ['a'], { precision: 0.92 });
  assert.equal(strict.thresholds.a, 0.9);
  assert.deepEqual(strict.micro, { tp: 15, fp: 0, fn: 5 });
  const f1 = chooseThresholds(t, ['a'], { precision: null, beta: 1 });
  assert.equal(f1.thresholds.a, 0.6);
  assert.deepEqual(f1.micro, { tp: 20, fp: 5, fn: 0 });
});

test('micro objective: recall goes where it is cheapest, and the rules-only categories count', () => {
  const t = [
    // a: 30 clear hits; a lower step adds 10 hits and 4 false alarms (precision 0.91 in a alone).
    ...rows(30, ['a'], [], { a: 0.9, b: 0 }), ...rows(10, ['a'], [], { a: 0.5, b: 0 }), ...rows(4, [], [], { a: 0.5, b: 0 }),
    // b: 20 clear hits; a lower step adds 4 hits and 8 false alarms.
    ...rows(20, ['b'], [], { a: 0, b: 0.9 }), ...rows(4, ['b'], [], { a: 0, b: 0.5 }), ...rows(8, [], [], { a: 0, b: 0.5 }),
    // c: the rules alone, 40 hits and no false alarm (a category the model has no label for).
    ...rows(40, ['c'], ['c'], { a: 0, b: 0 }),
  ];
  const micro = chooseThresholds(t, ['a', 'b'], { minRecall: 0 });
  assert.deepEqual(micro.thresholds, { a: 0.5, b: 0.9 });
  assert.deepEqual(micro.micro, { tp: 100, fp: 4, fn: 4 });  // precision 0.96; with b's step 0.897
  const perCategory = chooseThresholds(t, ['a', 'b'], { minRecall: 0, objective: 'category' });
  assert.deepEqual(perCategory.thresholds, { a: 0.9, b: 0.9 });
});

test('a category\'s recall floor is kept when reachable, reported when not', () => {
  const t = [
    ...rows(6, ['a'], [], { a: 0.9, b: 0 }), ...rows(4, ['a'], [], { a: 0.4, b: 0 }), ...rows(3, [], [], { a: 0.4, b: 0 }),
    ...rows(5, ['b'], [], { a: 0, b: 0.9 }), ...rows(5, ['b'], [], { a: 0, b: 0.1 }),  // 0.1: below the grid
  ];
  const c = chooseThresholds(t, ['a', 'b'], { minRecall: 0.7 });
  assert.equal(c.thresholds.a, 0.4);  // recall 0.6 at 0.9 is below the floor
  assert.deepEqual(c.categories.a, { tp: 10, fp: 3, fn: 0 });
  assert.deepEqual(c.floorMissed, ['b']);
  assert.equal(c.thresholds.b, 0.9);
});

test('when the precision target is out of reach the best F0.5 is taken', () => {
  // The rules alone are at precision 0.5; the model adds 10 hits with 1 false alarm at 0.8, and
  // 10 false alarms more at 0.3.
  const t = [
    ...rows(10, ['a'], ['a'], { a: 0 }), ...rows(10, [], ['a'], { a: 0 }),
    ...rows(10, ['a'], [], { a: 0.8 }), ...rows(1, [], [], { a: 0.8 }), ...rows(10, [], [], { a: 0.3 }),
  ];
  const c = chooseThresholds(t, ['a']);
  assert.equal(c.met, false);
  assert.equal(c.thresholds.a, 0.8);
});

test('the previous procedure: best F1 of the model alone, ties to the lowest, clamped to 0.35 … 0.9', () => {
  const t = [
    ...rows(10, ['a'], ['a'], { a: 0.2, b: 0.97 }), ...rows(10, [], [], { a: 0.1, b: 0.2 }),
  ];
  // a: the rules are ignored; best first at 0.11, clamped to 0.35; b: 0.5 is already best.
  assert.deepEqual(modelBestF1(t, ['a', 'b']), { a: 0.35, b: 0.5 });
  const u = [...rows(10, ['a'], [], { a: 0.97 }), ...rows(10, [], [], { a: 0.93 })];  // best at 0.94
  assert.deepEqual(modelBestF1(u, ['a']), { a: 0.9 });
});

test('greedy floors give way only when that reaches the precision target', () => {
  // b reaches recall 0.7 only with 6 false alarms; without b's floor micro precision is 1.
  const t = [
    ...rows(20, ['a'], ['a'], { a: 0, b: 0 }),
    ...rows(6, ['b'], [], { a: 0, b: 0.9 }), ...rows(4, ['b'], [], { a: 0, b: 0.3 }), ...rows(6, [], [], { a: 0, b: 0.3 }),
  ];
  const hard = chooseThresholds(t, ['a', 'b'], { floor: 'hard' });
  assert.equal(hard.thresholds.b, 0.3);
  assert.equal(hard.met, false);  // 30 / 36
  const greedy = chooseThresholds(t, ['a', 'b'], { floor: 'greedy' });
  assert.equal(greedy.thresholds.b, 0.9);
  assert.deepEqual(greedy.floorDropped, ['b']);
  assert.equal(greedy.met, true);
  // When even without floors the target is out of reach, the floors stay.
  const noisy = [...t, ...rows(10, [], ['a'], { a: 0, b: 0 })];
  const kept = chooseThresholds(noisy, ['a', 'b'], { floor: 'greedy' });
  assert.equal(kept.thresholds.b, 0.3);
  assert.deepEqual(kept.floorDropped, []);
});

test('micro recall is filled up to the precision target, not left on a plateau', () => {
  // Two categories whose lower steps have the same ratio: both fit, one only with the other's room.
  const t = [
    ...rows(40, ['c'], ['c'], { a: 0, b: 0 }),
    ...rows(10, ['a'], [], { a: 0.9, b: 0 }), ...rows(3, ['a'], [], { a: 0.5, b: 0 }), ...rows(1, [], [], { a: 0.5, b: 0 }),
    ...rows(10, ['b'], [], { a: 0, b: 0.9 }), ...rows(3, ['b'], [], { a: 0, b: 0.5 }), ...rows(1, [], [], { a: 0, b: 0.5 }),
  ];
  // Both steps: tp 66, fp 2 (0.971); the 0.975 target admits one of them (63 / 64), which a
  // single marginal precision for all (both steps or neither) would not find.
  const c = chooseThresholds(t, ['a', 'b'], { precision: 0.975, minRecall: 0 });
  assert.equal(c.micro.tp, 63);
  assert.equal(c.micro.fp, 1);
  assert.equal(c.met, true);
});
