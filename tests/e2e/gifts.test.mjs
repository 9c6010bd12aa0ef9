// End-to-end: the gifts questionnaire in a real browser against the served app.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openAdvisor, heading, answer, answerAmount, focusedId, privacyProblems } from './browser.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

/** From the start page to the first gifts question, through the topic choice. */
async function start(page) {
  assert.match(await page.locator('main').textContent(), /Nothing you enter leaves this page/);
  await page.getByRole('button', { name: 'Start now' }).click();
  if (await heading(page).textContent() === 'What would you like advice on?') {
    await answer(page, 'Gifts, hospitality and honours');
  }
}

test('a colleague gift is completed by clicking labels and ends in "This is fine as it is"', async () => {
  const page = await openAdvisor(browser);
  await start(page);
  await answer(page, 'No');                                   // exchange
  await answer(page, 'No');                                   // solicited
  await answer(page, 'No');                                   // cash
  assert.equal(await heading(page).textContent(), 'Who is offering it?');
  await answer(page, 'A colleague at the Organization');
  assert.match(await heading(page).textContent(), /About how much is the gift worth/);
  await answerAmount(page, '15');
  assert.match(await heading(page).textContent(), /reasonable person/);
  await answer(page, 'No');
  assert.equal(await heading(page).textContent(), 'Check your answers');
  await page.getByRole('button', { name: 'See the result' }).click();
  assert.equal(await heading(page).textContent(), 'This is fine as it is');
  const why = await page.locator('.ea-trace').textContent();
  assert.match(why, /Principle: Impartiality/);
  assert.match(why, /Source: Staff Rule 1.2/);
  assert.match(await page.locator('main').textContent(), /ethics@example\.org/);
  assert.deepEqual(await privacyProblems(page), {
    foreign: [], violations: [], errors: [],
    storage: { local: 0, session: 0, cookies: '', databases: 0, caches: 0 },
  });
  await page.context().close();
});

test('changing the giver from check answers re-routes, and the old branch no longer counts', async () => {
  const page = await openAdvisor(browser);
  await start(page);
  await answer(page, 'No');
  await answer(page, 'No');
  await answer(page, 'No');
  await answer(page, 'A person or community that a programme of the Organization helps');
  await answer(page, 'No');                                   // it has a value in money
  assert.equal(await heading(page).textContent(), 'Check your answers');
  assert.equal(await page.locator('.ea-summary-list a[href^="#/gifts/"]').count(), 5, 'one Change link per answer on the path');
  await page.getByRole('link', { name: 'Change Who is offering it?' }).click();
  assert.equal(await heading(page).textContent(), 'Who is offering it?');
  assert.equal(await page.getByLabel('A person or community that a programme of the Organization helps').isChecked(), true, 'the earlier answer is shown');
  await answer(page, 'A government body or official');
  assert.match(await heading(page).textContent(), /already been delivered/);
  await answer(page, 'Yes');
  assert.equal(await heading(page).textContent(), 'Check your answers', 'back to check answers once the new path is complete');
  const text = await page.locator('.ea-summary-list').textContent();
  assert.doesNotMatch(text, /no value in money/, 'the beneficiary branch is gone');
  await page.getByRole('button', { name: 'See the result' }).click();
  assert.equal(await heading(page).textContent(), 'Accept it on behalf of the Organization and hand it over');
  await page.context().close();
});

test('Continue without an answer shows a focused error summary and an "Error:" title', async () => {
  const page = await openAdvisor(browser);
  await start(page);
  assert.equal(await focusedId(page), 'page-heading', 'focus moves to the question heading');
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.locator('#error-summary').waitFor();
  assert.equal(await focusedId(page), 'error-summary');
  assert.match(await page.title(), /^Error: Question 1 of \d+ — Gifts, hospitality and honours — Ethics advisor$/);
  await page.locator('#error-summary a').click();
  assert.equal(await focusedId(page), 'ea-exchange-yes', 'the summary links to the field');
  await answer(page, 'No');
  assert.equal(await focusedId(page), 'page-heading');
  assert.doesNotMatch(await page.title(), /^Error/);
  await page.context().close();
});

test('an amount that is not a number is refused with a clear message', async () => {
  const page = await openAdvisor(browser);
  await start(page);
  await answer(page, 'No');
  await answer(page, 'No');
  await answer(page, 'No');
  await answer(page, 'Anyone else outside the Organization: a person, a business or another organization');
  await answer(page, 'No');                                   // no award with money
  await answerAmount(page, 'about ten');
  assert.match(await page.locator('#error-summary').textContent(), /Enter the amount as a number/);
  await page.getByLabel('I do not know its value').check();
  await page.getByRole('button', { name: 'Continue' }).click();
  assert.match(await heading(page).textContent(), /without warning/, 'unknown value is treated as above the threshold');
  await page.context().close();
});

test('the browser back button returns to the previous question with its answer kept', async () => {
  const page = await openAdvisor(browser);
  await start(page);
  await answer(page, 'No');                                   // exchange
  await answer(page, 'No');                                   // solicited
  await answer(page, 'Yes');                                  // cash
  await answer(page, 'No');                                   // not from private life → decline
  assert.equal(await heading(page).textContent(), 'Check your answers');
  await page.goBack();
  assert.match(await heading(page).textContent(), /^Does the money come from someone in your private life/);
  await page.goBack();
  assert.equal(await heading(page).textContent(), 'Is it money, or something that works like money?');
  assert.equal(await page.getByLabel('Yes', { exact: true }).isChecked(), true);
  await page.goBack();
  await page.goBack();
  assert.match(await heading(page).textContent(), /asked you to do something in your work in return/);
  assert.doesNotMatch(page.url(), /yes|no=/i, 'answers never appear in the address');
  await page.getByRole('link', { name: 'Back' }).click();
  assert.notEqual(await heading(page).textContent(), await page.title(), 'left the questions');
  assert.doesNotMatch(await heading(page).textContent(), /in return/);
  await page.context().close();
});
