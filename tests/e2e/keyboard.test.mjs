// Keyboard only: Alt+Shift+R opens the card for the finding at (or after) the caret with focus
// on its first action; ←/→ move between findings; Enter applies; Escape returns to the text.
// The send dialog takes focus, keeps Tab inside, and Escape goes back to editing.
import test from 'node:test';
import assert from 'node:assert/strict';
import { rgState, rgCard, rgDialog, until } from './support/harness.mjs';
import { textareaSession } from './support/flow.mjs';

test('keyboard navigation', async (t) => {
  const { page } = await textareaSession(t);
  await page.click('#reply');
  await page.keyboard.type('You idiot, a problem.');
  await until(async () => (await rgState(page))?.fields?.[0]?.findings.length === 2, { message: 'findings' });

  await page.keyboard.press('Alt+Shift+R');
  let card = await until(() => rgCard(page), { message: 'card from keyboard' });
  assert.equal(card.rule, 'insult.words');
  assert.equal(card.focused, 'person', 'focus on the first action');
  await page.keyboard.press('ArrowRight');
  card = await until(async () => { const c = await rgCard(page); return c?.rule === 'tone.problem' && c; }, { message: 'next finding' });
  await page.keyboard.press('ArrowLeft');
  card = await until(async () => { const c = await rgCard(page); return c?.rule === 'insult.words' && c; }, { message: 'previous finding' });
  await page.keyboard.press('Enter');
  await until(async () => (await page.inputValue('#reply')) === 'You person, a problem.', { message: 'applied with Enter' });
  assert.equal(await page.evaluate(() => document.activeElement.id), 'reply', 'focus back in the text');

  await page.keyboard.press('Alt+Shift+R');
  await until(async () => (await rgCard(page))?.rule === 'tone.problem', { message: 'card for the remaining finding' });
  await page.keyboard.press('Escape');
  await until(async () => !(await rgCard(page)), { message: 'card closed' });
  assert.equal(await page.evaluate(() => document.activeElement.id), 'reply');
  await page.keyboard.type(' Bye, idiot');
  await until(async () => (await rgState(page)).fields[0].findings.some((f) => f.text === 'idiot'), { message: 'new block finding' });

  // Send from the keyboard: Tab to the button, Enter.
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'send');
  await page.keyboard.press('Enter');
  const dlg = await until(() => rgDialog(page), { message: 'dialog' });
  assert.ok(dlg.items.length >= 4);
  const focusedAction = async () => (await rgDialog(page))?.focused;
  await until(async () => (await focusedAction()) === 'fix', { message: 'dialog focuses "Fix it"' });
  for (let i = 0; i < 4; i++) await page.keyboard.press('Tab');
  assert.equal(await focusedAction(), 'fix', 'Tab cycles inside the dialog');
  await page.keyboard.press('Escape');
  await until(async () => !(await rgDialog(page)), { message: 'dialog closed' });
  assert.equal(await page.evaluate(() => window.sent.length), 0, 'nothing sent');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'reply', 'back in the text');

  // "Fix it" from the dialog opens the card of the block finding, focused.
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await until(() => rgDialog(page), { message: 'dialog again' });
  await page.keyboard.press('Enter'); // "Fix it"
  card = await until(() => rgCard(page), { message: 'card after Fix it' });
  assert.equal(card.rule, 'insult.words');
  assert.equal(card.focused, 'person');
});
