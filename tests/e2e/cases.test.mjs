// End-to-end: every case of the library (tests/cases/*.toml, exported as JSON by
// `cargo xtask test`) replayed through the UI in a real browser, from the start page and the
// topic choice to the result, whose outcome must be the case's.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { launch, openAdvisor, heading, privacyProblems } from './browser.mjs';

const cases = JSON.parse(readFileSync(process.env.CASES_JSON, 'utf8'));
let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

/** Answers the question on screen from the case, as a person would, and continues. */
async function answerFrom(page, c) {
  const question = await page.locator('form[data-question]').getAttribute('data-question');
  const given = c.answers[question];
  assert.ok(given, `case ${c.id} has no answer for question ${question}`);
  if ('amount' in given) {
    await page.locator(`#ea-${question}-amount`).fill(given.amount);
  } else if (await page.locator(`#ea-${question}-amount`).count() > 0) {
    await page.locator(`label[for="ea-${question}-dont_know"]`).click();  // "I do not know its value"
  } else {
    await page.locator(`label[for="ea-${question}-${given.choice}"]`).click();
  }
  await page.getByRole('button', { name: 'Continue' }).click();
}

test('the case library is not empty', () => {
  assert.ok(cases.length >= 15, `${cases.length} cases`);
});

for (const c of cases) {
  test(`case ${c.topic}/${c.id} gives "${c.expect}" through the UI`, async () => {
    const page = await openAdvisor(browser);
    await page.getByRole('button', { name: 'Start now' }).click();
    if (await heading(page).textContent() === 'What would you like advice on?') {
      const radio = await page.locator(`input[name=topic][data-topic="${c.topic}"]`).getAttribute('id');
      await page.locator(`label[for="${radio}"]`).click();
      await page.getByRole('button', { name: 'Continue' }).click();
    }
    for (let step = 0; step < 40 && await heading(page).textContent() !== 'Check your answers'; step++) {
      await answerFrom(page, c);
      assert.equal(await page.locator('#error-summary').count(), 0, `case ${c.id}: the page refused an answer`);
    }
    await page.getByRole('button', { name: 'See the result' }).click();
    assert.equal(await page.locator('[data-outcome]').getAttribute('data-outcome'), c.expect);
    const problems = await privacyProblems(page);
    assert.deepEqual([problems.foreign, problems.violations, problems.errors], [[], [], []]);
    await page.context().close();
  });
}
