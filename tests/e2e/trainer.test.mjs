// End-to-end: a full trainer session in a real browser — trainer mode, the case library,
// stepping through a case with its answers pre-selected, reveal with the full trace, "What
// if?", the decision tree with the path highlighted, shortcuts that can be switched off,
// large text, a prepared case link, data-mode="trainer", the trainers' single file, and axe.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { pathToFileURL } from 'node:url';
import { launch, openAdvisor, heading, loadCases, privacyProblems, axe, BASE_URL } from './browser.mjs';

const cases = loadCases();
const brief5 = cases.find((c) => c.id === 'brief_5_municipal_council');
let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const litEdges = (page) => page.locator('.ea-diagram__edge--on').count();

async function trainerSession(page, { checkAxe = false } = {}) {
  const problems = [];
  const scan = async (where) => { if (checkAxe) for (const v of await axe(page)) problems.push(`${where}: ${v}`); };
  await page.getByRole('button', { name: 'Trainer mode' }).click();
  assert.equal(await heading(page).textContent(), 'Case library');
  assert.ok(await page.locator('[data-case]').count() >= 45, 'every case of the library is listed');
  await scan('library');
  await page.locator(`[data-case="${brief5.id}"]`).click();
  assert.ok((await heading(page).textContent()).length > 10, 'the story is the heading');
  assert.match(new URL(page.url()).hash, new RegExp(`^#/trainer/${brief5.id}$`));
  await scan('case story');
  await page.getByRole('button', { name: 'Step through the questions' }).click();
  const story = await page.locator('.ea-story-banner').textContent();
  assert.ok(story.length > 10, 'the story stays on screen while stepping');
  const first = await page.locator('form[data-question]').getAttribute('data-question');
  assert.equal(await page.locator(`#ea-${first}-${brief5.answers[first].choice}`).isChecked(), true, "the case's answer is pre-selected");
  assert.equal(await litEdges(page), 0, 'nothing highlighted before the first answer');
  await scan('question with diagram');
  await page.keyboard.press('n');                                     // shortcut: next
  await page.locator('form[data-question]').waitFor();
  assert.equal(await litEdges(page), 1, 'the path so far is highlighted');
  await page.keyboard.press('r');                                     // shortcut: reveal
  assert.equal(await page.locator('[data-outcome]').getAttribute('data-outcome'), brief5.expect);
  const trace = await page.locator('.ea-trace').textContent();
  assert.match(trace, /Principle:/);
  assert.match(trace, /Source:/);
  const steps = await page.locator('.ea-trace__step').count();
  assert.equal(await litEdges(page), steps, 'the whole path is highlighted at the reveal');
  const whatIf = page.locator('.ea-what-if tbody tr');
  assert.ok(await whatIf.count() > 0, 'What if? lists other answers');
  assert.match(await page.locator('.ea-what-if').textContent(), /This is fine as it is|Ask the|This is not permitted|more questions/);
  await page.locator('.ea-diagram details summary').click();
  assert.ok(await page.locator('.ea-diagram__text li').count() > 5, 'the text version lists the branches');
  await scan('result with what-if and diagram');
  await page.getByRole('button', { name: 'Fresh start' }).click();
  assert.equal(await heading(page).textContent(), 'Case library');
  return problems;
}

test('a trainer session: library, step through, reveal, what if, diagram, fresh start', async () => {
  const page = await openAdvisor(browser);
  assert.deepEqual(await trainerSession(page), []);
  const problems = await privacyProblems(page);
  assert.deepEqual([problems.foreign, problems.violations, problems.errors], [[], [], []]);
  await page.context().close();
});

test('trainer screens have no axe violations', async () => {
  const context = await browser.newContext({ bypassCSP: true, viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(BASE_URL);
  await heading(page).waitFor();
  assert.deepEqual(await trainerSession(page, { checkAxe: true }), []);
  await context.close();
});

test('shortcuts can be switched off; large text is larger', async () => {
  const page = await openAdvisor(browser, { url: `${BASE_URL}#/trainer/${brief5.id}` });
  assert.equal(await page.locator('.ea-story').count(), 1, 'a prepared case link opens the case');
  await page.getByRole('button', { name: /Keyboard shortcuts on/ }).click();
  await page.keyboard.press('n');
  assert.equal(await page.locator('.ea-story').count(), 1, 'N does nothing once shortcuts are off');
  const size = () => page.evaluate(() => getComputedStyle(document.querySelector('.ethics-advisor')).fontSize);
  const before = await size();
  await page.getByRole('button', { name: 'Large text' }).click();
  assert.ok(parseFloat(await size()) > parseFloat(before), `${await size()} > ${before}`);
  await page.context().close();
});

test('data-mode="trainer" opens the library, with stories in the page language', async () => {
  const page = await openAdvisor(browser, { url: new URL('hosts/trainer.html', BASE_URL).href });
  assert.equal(await heading(page).textContent(), 'Bibliothèque de cas');
  const english = brief5.id;
  const link = await page.locator(`[data-case="${english}"]`).textContent();
  assert.doesNotMatch(link, /municipal council/i, 'the story is in French');
  await page.context().close();
});

test("trainer mode works from the trainers' single file", async () => {
  const url = pathToFileURL(process.env.TRAINER_SINGLE_FILE).href;
  const page = await openAdvisor(browser, { url });
  assert.deepEqual(await trainerSession(page), []);
  const problems = await privacyProblems(page, url);
  assert.deepEqual([problems.foreign, problems.violations, problems.errors], [[], [], []]);
  await page.context().close();
});
