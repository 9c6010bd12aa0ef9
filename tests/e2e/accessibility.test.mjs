// End-to-end accessibility: axe-core (injected from npm) on every screen of every topic in
// every language, with the WCAG 2.2 AA and best-practice tags; screenshots of each screen at
// 1280 and 360 px under test-output/screenshots for a reviewer.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { launch, BASE_URL, loadCases, axe } from './browser.mjs';

const SHOTS = new URL('../../test-output/screenshots/', import.meta.url).pathname;
const LANGUAGES = [['en', 'English'], ['fr', 'Français'], ['es', 'Español']];
const cases = loadCases();
const topics = [...new Set(cases.map((c) => c.topic))];
let browser;
before(async () => { browser = await launch(); mkdirSync(SHOTS, { recursive: true }); });
after(async () => { await browser?.close(); });

async function check(page, screen, problems, lang, shotName) {
  for (const v of await axe(page)) problems.push(`[${lang}] ${screen}: ${v}`);
  if (shotName) {
    for (const width of [1280, 360]) {
      await page.setViewportSize({ width, height: 900 });
      await page.screenshot({ path: `${SHOTS}${shotName}-${width}.png`, fullPage: true });
    }
    await page.setViewportSize({ width: 1280, height: 900 });
  }
}

for (const [lang, name] of LANGUAGES) {
  test(`axe finds no violation on any screen of any topic in ${name}`, async () => {
    // axe is injected as a script: this context bypasses the page's CSP for that alone
    // (the CSP itself is checked by the privacy and single-file tests).
    const context = await browser.newContext({ bypassCSP: true, viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const problems = [];
    for (const topic of topics) {
      const c = cases.find((x) => x.topic === topic && Object.keys(x.answers).length >= 3) || cases.find((x) => x.topic === topic);
      await page.goto(BASE_URL + '#/');
      await page.reload();
      await page.locator('#page-heading').waitFor();
      await page.locator(`.ea-languages button[lang="${lang}"]`).click();
      await page.locator(`.ethics-advisor[lang="${lang}"]`).waitFor();
      const first = topic === topics[0] && lang === 'en';
      await check(page, 'start', problems, lang, first && `${lang}-start`);
      await page.locator('.ea-button--start').click();
      await check(page, 'topic choice', problems, lang, first && `${lang}-topics`);
      await page.locator('button[type=submit]').click();
      await check(page, 'topic choice with error', problems, lang, first && `${lang}-topics-error`);
      await page.locator(`input[data-topic="${topic}"]`).check();
      await page.locator('button[type=submit]').click();
      for (let step = 0; await page.locator('form[data-question]').count() > 0 && step < 40; step++) {
        const question = await page.locator('form[data-question]').getAttribute('data-question');
        await check(page, `${topic}/${question}`, problems, lang, lang !== 'fr' && `${lang}-${topic}-${step + 1}-${question}`);
        const given = c.answers[question];
        if ('amount' in given) await page.locator(`#ea-${question}-amount`).fill(given.amount);
        else if (await page.locator(`#ea-${question}-amount`).count() > 0) await page.locator(`#ea-${question}-dont_know`).check();
        else await page.locator(`#ea-${question}-${given.choice}`).check();
        await page.locator('button[type=submit]').click();
      }
      await check(page, `${topic}/check answers`, problems, lang, `${lang}-${topic}-check-answers`);
      await page.locator('.ea-main > .ea-button').click();
      await check(page, `${topic}/result`, problems, lang, `${lang}-${topic}-result`);
    }
    await context.close();
    assert.deepEqual(problems, []);
  });
}
