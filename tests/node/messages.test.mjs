// What crosses from the core to the UI (extension/src/shared/messages.js): the core's warnings are
// objects ({rule, source, message}) and must survive cleaning; anything malformed is dropped.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cleanResult } from '../../extension/src/shared/messages.js';

test("the core's warning objects reach the UI, malformed ones do not", () => {
  const r = cleanResult({ findings: [], warnings: [
    { rule: 'slow.pattern', source: 'reply', message: 'pattern stopped at its step limit; it was skipped for this text' },
    { rule: 'x', source: 'incoming', message: 'pattern could not run on this text' },
    { rule: 'y', source: 'elsewhere', message: 'unknown source counts as the reply' },
    'a plain string',
    { rule: 'z' }, null, 42, { message: 'm'.repeat(3000) },
  ] }, 10);
  assert.deepEqual(r.warnings, [
    { rule: 'slow.pattern', source: 'reply', message: 'pattern stopped at its step limit; it was skipped for this text' },
    { rule: 'x', source: 'incoming', message: 'pattern could not run on this text' },
    { rule: 'y', source: 'reply', message: 'unknown source counts as the reply' },
    { rule: '', source: 'reply', message: 'a plain string' },
  ]);
  assert.deepEqual(cleanResult({ findings: [] }).warnings, []);
});
