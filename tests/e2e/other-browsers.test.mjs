// End-to-end beyond Chromium: Firefox ESR and WebKitGTK (Safari's engine), both from Debian's
// packages. In each: the single file from file:// (a case of the library replayed in every
// topic), and the served app (a journey to the result page, the language switch, the browser
// back button); after each, nothing requested beyond the page's own files, nothing stored,
// no error and, where the driver can see them (Firefox), no CSP violation.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { pathToFileURL } from 'node:url';
import { firefox, webkit } from './drivers.mjs';
import { BASE_URL, loadCases } from './browser.mjs';

const fileUrl = pathToFileURL(process.env.SINGLE_FILE).href;
const cases = loadCases();
const topics = [...new Set(cases.map((c) => c.topic))];
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

const hash = (page) => page.evaluate(() => location.hash);
const headingText = (page) => page.evaluate(() => document.getElementById('page-heading')?.textContent ?? '');

/** Clicks, then waits until the advisor has moved on (its fragment changed). */
async function step(page, selector) {
  const before = await hash(page);
  await page.click(selector);
  for (let i = 0; i < 200 && (await hash(page)) === before; i++) await sleep(25);
  const after = await hash(page);
  assert.notEqual(after, before, `clicking ${selector} moved nowhere`);
  await page.waitFor('#page-heading');
}

/** From the start page into a topic's first question. */
async function startTopic(page, topic) {
  await step(page, '.ea-button--start');
  if (await page.evaluate(() => document.querySelector('input[name=topic]') !== null)) {
    const radio = await page.evaluate(new Function(`return document.querySelector('input[name=topic][data-topic="${topic}"]').id`));
    await page.click(`label[for="${radio}"]`);
    await step(page, 'form button[type=submit]');
  }
}

/** Replays a case from the start page to the result; returns the outcome shown. */
async function replay(page, c) {
  await startTopic(page, c.topic);
  for (let i = 0; i < 40; i++) {
    const question = await page.evaluate(() => document.querySelector('form[data-question]')?.dataset.question ?? null);
    if (question === null) break;
    const given = c.answers[question];
    assert.ok(given, `case ${c.id} has no answer for ${question}`);
    const amount = await page.evaluate(new Function(`return document.getElementById('ea-${question}-amount') !== null`));
    if ('amount' in given) await page.type(`#ea-${question}-amount`, given.amount);
    else if (amount) await page.click(`label[for="ea-${question}-dont_know"]`);
    else await page.click(`label[for="ea-${question}-${given.choice}"]`);
    await step(page, 'form button[type=submit]');
  }
  await step(page, "//button[normalize-space()='See the result']");
  return page.evaluate(() => document.querySelector('[data-outcome]').dataset.outcome);
}

/** What the page must not have done; `own` is where its own files are. */
async function problems(page, own) {
  const requested = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name));
  const storage = await page.evaluate(async () => ({
    local: localStorage.length,
    session: sessionStorage.length,
    cookies: document.cookie,
    databases: indexedDB.databases ? (await indexedDB.databases()).length : 0,
    caches: (await caches.keys()).length,
  }));
  return {
    foreign: requested.filter((u) => !u.startsWith(own) && !u.startsWith('data:')),
    storage,
    errors: page.errors,
    violations: (await page.violations()) ?? [],
  };
}

const clean = { foreign: [], storage: { local: 0, session: 0, cookies: '', databases: 0, caches: 0 }, errors: [], violations: [] };

for (const launch of [firefox, webkit]) describe(launch.name, () => {
  let browser;
  before(async () => { browser = await launch(); });
  after(async () => { await browser?.close(); });

  for (const topic of topics) {
    test(`${launch.name}: from file://, a ${topic} case reaches its outcome`, async () => {
      const c = cases.find((x) => x.topic === topic);
      const page = await browser.page();
      await page.goto(fileUrl);
      await page.waitFor('#page-heading');
      assert.equal(await replay(page, c), c.expect, `${browser.name}: ${c.id}`);
      assert.deepEqual(await problems(page, fileUrl), clean);
      await page.close();
    });
  }

  test(`${launch.name}: the served app — the result page, the language switch and the back button`, async () => {
    const page = await browser.page();
    await page.goto(BASE_URL);
    await page.waitFor('#page-heading');
    const c = cases.find((x) => x.topic === 'gifts' && x.expect === 'no');
    assert.equal(await replay(page, c), 'no');
    const result = await page.evaluate(() => ({
      title: document.getElementById('page-heading').textContent,
      reasons: document.querySelectorAll('.ea-trace__step').length,
      next: document.querySelectorAll('.ea-list li').length,
    }));
    assert.ok(result.title.length > 0 && result.reasons > 0 && result.next > 0, JSON.stringify(result));

    await page.click('.ea-languages button[lang="fr"]');
    for (let i = 0; i < 100 && (await page.evaluate(() => document.querySelector('.ethics-advisor').lang)) !== 'fr'; i++) await sleep(25);
    assert.equal(await page.evaluate(() => document.querySelector('.ethics-advisor').lang), 'fr');
    assert.notEqual(await headingText(page), result.title, 'the result, now in French');

    await step(page, "//button[normalize-space()='Recommencer']");
    await startTopic(page, 'gifts');
    const first = await headingText(page);
    await page.click('label[for="ea-exchange-no"]');
    await step(page, 'form button[type=submit]');
    assert.notEqual(await headingText(page), first);
    const before = await hash(page);
    await page.back();
    for (let i = 0; i < 200 && (await hash(page)) === before; i++) await sleep(25);
    assert.equal(await headingText(page), first, 'the browser back button returns to the previous question');
    assert.deepEqual(await problems(page, new URL(BASE_URL).origin + '/'), clean);
    await page.close();
  });

  test(`${launch.name}: the pasted snippet — pinned files, and another language's texts fetched on a switch`, async () => {
    const page = await browser.page();
    await page.goto(new URL('hosts/snippet.html', BASE_URL).href);
    await page.waitFor('#page-heading');
    const english = await headingText(page);
    await page.click('.ea-languages button[lang="fr"]');
    for (let i = 0; i < 200 && (await page.evaluate(() => document.querySelector('.ethics-advisor').lang)) !== 'fr'; i++) await sleep(25);
    assert.equal(await page.evaluate(() => document.querySelector('.ethics-advisor').lang), 'fr');
    assert.notEqual(await headingText(page), english, 'the start page, now in French');
    const packs = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name).filter((u) => /pack\.\w+\.bin/.test(u)).map((u) => u.split('/').pop()));
    assert.deepEqual(packs, ['pack.en.bin', 'pack.fr.bin']);
    assert.deepEqual(await problems(page, new URL(BASE_URL).origin + '/'), clean);
    await page.close();
  });
});
