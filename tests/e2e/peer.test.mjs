// End-to-end: the benchmark's SurveyJS peer (`cargo xtask peer`) is a fair copy of our gifts
// questionnaire — every gifts case of the library, answered in the SurveyJS page, ends on the
// outcome the case expects from our engine; its other languages work; it fetches nothing.
// And the bench's start-up, timed to the first choice painted, sees that choice on both pages.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { launch, loadCases } from './browser.mjs';
import { FIRST_CHOICE, watchFirstPaint } from '../../bench/chromium.mjs';

const PEER_FILE = process.env.PEER_FILE;
if (!PEER_FILE) throw new Error('PEER_FILE is set by `cargo xtask test`: run the end-to-end tests with it');
const url = pathToFileURL(PEER_FILE).href;
const gifts = loadCases().filter((c) => c.topic === 'gifts');
let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

async function openPeer() {
  const page = await browser.newPage();
  page.problems = [];
  page.on('pageerror', (e) => page.problems.push(e.message));
  page.on('request', (r) => { if (r.url() !== url) page.problems.push(`request ${r.url()}`); });
  await page.goto(url);
  await page.locator('.sd-page [data-name]').first().waitFor();
  return page;
}

/** Answers the questions SurveyJS shows, page by page, from a case's answers; returns the outcome. */
async function replay(page, c) {
  for (let step = 0; step < 20; step++) {
    const question = await page.locator('.sd-page [data-name]').first().getAttribute('data-name');
    const given = c.answers[question];
    assert.ok(given, `case ${c.id}: SurveyJS asks ${question}, which the case does not answer`);
    const element = page.locator(`[data-name="${question}"]`);
    if ('amount' in given) await element.locator('input[type=number]').fill(given.amount);
    else if (await element.locator('input[type=number]').count() > 0) await page.locator(`[data-name="${question}__dont_know"] input`).check({ force: true });
    else await element.locator(`input[value="${given.choice}"]`).check({ force: true });
    const next = page.locator('.sd-navigation__next-btn');
    if (await next.isVisible()) {
      await next.click();
      await page.locator(`.sd-page [data-name]:not([data-name="${question}"])`).first().waitFor();
    } else {
      await page.locator('.sd-navigation__complete-btn').click();
      return page.locator('[data-outcome]').getAttribute('data-outcome');
    }
  }
  throw new Error(`case ${c.id}: no end after 20 questions`);
}

test('the library has gifts cases to check the peer with', () => {
  assert.ok(gifts.length >= 8, `${gifts.length} gifts cases`);
});

for (const c of gifts) {
  test(`SurveyJS peer: ${c.id} ends on ${c.expect}, as in our engine`, async () => {
    const page = await openPeer();
    assert.equal(await replay(page, c), c.expect);
    assert.deepEqual(page.problems, []);
    await page.close();
  });
}

test('SurveyJS peer: French and Spanish switch its questions and its own buttons', async () => {
  const page = await openPeer();
  await page.locator('[data-name="exchange"] input[value="no"]').check({ force: true });
  for (const [lang, next, words] of [['fr', 'Suivant', 'une contrepartie'], ['es', 'Siguiente', 'a cambio de lo que le ofrecen']]) {
    await page.locator('#language').selectOption(lang);
    await page.locator(`.sd-navigation__next-btn[value="${next}"]`).waitFor();
    assert.match(await page.locator('[data-name="exchange"]').textContent(), new RegExp(words));
  }
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('the bench times each page to its first choice painted: the same choice, painted once the page is up', async () => {
  const journey = JSON.parse(readFileSync(join(dirname(PEER_FILE), 'journey.json'), 'utf8'));
  const pages = {
    ours: `${pathToFileURL(process.env.SINGLE_FILE).href}#/${journey.topic}/${journey.steps[0].question}`,
    peer: url,
  };
  const seen = {};
  for (const [name, address] of Object.entries(pages)) {
    const context = await browser.newContext();
    const firstPaint = await watchFirstPaint(context, FIRST_CHOICE[name]);
    const page = await context.newPage();
    await page.goto(address);
    const painted = await firstPaint(page);
    const watched = page.locator('[elementtiming="first-choice"]');
    assert.equal(await watched.count(), 1, `${name}: one element watched`);
    // The watched text labels the first radio button of the first question: that button's value.
    const value = await watched.evaluate((e) => e.closest('label')?.querySelector('input[type=radio]')?.value ?? document.getElementById(e.closest('label')?.htmlFor)?.value);
    seen[name] = { text: (await watched.textContent()).trim(), value, painted };
    if (name === 'ours') {
      const started = await page.evaluate(() => performance.getEntriesByName('ethics-advisor:started')[0]?.startTime);
      assert.ok(started > 0 && painted > started, `ours: painted at ${painted} ms, after the app started at ${started} ms`);
    }
    await context.close();
  }
  assert.ok(seen.ours.text.length > 0 && seen.ours.value, JSON.stringify(seen));
  assert.deepEqual([seen.peer.text, seen.peer.value], [seen.ours.text, seen.ours.value], 'the same first choice on both pages');
});
