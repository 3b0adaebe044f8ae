// The folds train-default.mjs scores the own lines with (scripts/classifier/tune-data.mjs tuneSplit).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { tuneSplit } from '../../scripts/classifier/tune-data.mjs';

const own = Array.from({ length: 23 }, (_, i) => ({ text: `line ${i}` }));

test('five folds: every own line is scored exactly once, the folds differ in size by at most one', () => {
  const split = tuneSplit(own, 5);
  assert.equal(split.length, 5);
  const seen = split.flat();
  assert.equal(seen.length, own.length);
  assert.equal(new Set(seen).size, own.length);
  const sizes = split.map((f) => f.length);
  assert.ok(Math.max(...sizes) - Math.min(...sizes) <= 1);
  assert.deepEqual(split[2].map((l) => l.text), ['line 2', 'line 7', 'line 12', 'line 17', 'line 22']);
});

test('one fold is the former single split: every fifth own line', () => {
  const [only, ...rest] = tuneSplit(own, 1);
  assert.deepEqual(rest, []);
  assert.deepEqual(only.map((l) => l.text), ['line 0', 'line 5', 'line 10', 'line 15', 'line 20']);
});

test('a fold count that is no integer from 1 to 10 is refused with the option named', () => {
  for (const bad of [0, 11, 2.5, NaN]) assert.throws(() => tuneSplit(own, bad), /--tune-folds: an integer from 1 to 10/);
});
