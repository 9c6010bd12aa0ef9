// End-to-end: the single file for staff (`cargo xtask bundle`, no trainer mode) opened from
// file:// with no server — a journey in every topic, the browser back button, and a copy of
// the file saved alone in another folder. Only the file itself may be requested; no CSP
// violation. Trainer mode from the trainers' file: trainer.test.mjs.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, copyFileSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { launch, openAdvisor, replayCase, loadCases, privacyProblems, heading, chooseLanguage } from './browser.mjs';

const fileUrl = pathToFileURL(process.env.SINGLE_FILE).href;
const cases = loadCases();
const topics = [...new Set(cases.map((c) => c.topic))];
let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

async function assertOnlyItself(page, url) {
  const problems = await privacyProblems(page, url);
  assert.deepEqual(problems.foreign, [], 'no request beyond the file itself');
  assert.deepEqual(problems.violations, [], 'no CSP violation');
  assert.deepEqual(problems.errors, [], 'no error');
  assert.deepEqual(problems.storage, { local: 0, session: 0, cookies: '', databases: 0, caches: 0 }, 'nothing stored');
  assert.ok(page.record.requests.every((u) => u === url || u.startsWith(url + '#') || u.startsWith('data:')), page.record.requests.join(' '));
}

for (const topic of topics) {
  test(`from file://, a ${topic} journey reaches its outcome`, async () => {
    const c = cases.find((x) => x.topic === topic);
    const page = await openAdvisor(browser, { url: fileUrl });
    assert.equal(await replayCase(page, c), c.expect);
    await assertOnlyItself(page, fileUrl);
    await page.context().close();
  });
}

test("from file://, the advisor starts in the browser's language and reads another's texts from the file itself on a switch", async () => {
  const page = await openAdvisor(browser, { url: fileUrl, locale: 'es-ES' });
  assert.equal(await page.locator('.ethics-advisor').getAttribute('lang'), 'es');
  const blocks = await page.evaluate(() => [...document.querySelectorAll('script[type="application/octet-stream"][id^="ethics-advisor-pack"]')].map((block) => block.id));
  assert.deepEqual(blocks, ['ethics-advisor-pack-en', 'ethics-advisor-pack-fr', 'ethics-advisor-pack-es'], "one data block a language, in the pack's order");
  await chooseLanguage(page, 'Français');
  assert.equal(await heading(page).textContent(), 'Obtenir un conseil confidentiel sur une question de déontologie');
  await assertOnlyItself(page, fileUrl);
  await page.context().close();
});

test('from file://, the browser back button goes to the previous question', async () => {
  const page = await openAdvisor(browser, { url: fileUrl });
  const c = cases.find((x) => x.topic === 'gifts' && Object.keys(x.answers).length >= 3);
  await replayCase(page, c);
  await page.goBack();                                  // result → check answers
  assert.equal(await heading(page).textContent(), 'Check your answers');
  await page.goBack();                                  // → the last question
  assert.equal(await page.locator('form[data-question]').count(), 1);
  await page.context().close();
});

test('from file://, Trusted Types refuse any HTML or script written from a string', async () => {
  const page = await openAdvisor(browser, { url: fileUrl });
  const refused = await page.evaluate(() => {
    const sinks = {
      innerHTML: () => { document.querySelector('#page-heading').innerHTML = '<img src=x>'; },
      insertAdjacentHTML: () => document.body.insertAdjacentHTML('beforeend', '<b>x</b>'),
      scriptText: () => { document.createElement('script').textContent = 'alert(1)'; },
      policy: () => window.trustedTypes.createPolicy('any', { createHTML: (s) => s }),
    };
    return Object.fromEntries(Object.entries(sinks).map(([name, sink]) => {
      try { sink(); return [name, 'allowed']; } catch (e) { return [name, e.name]; }
    }));
  });
  assert.deepEqual(refused, { innerHTML: 'TypeError', insertAdjacentHTML: 'TypeError', scriptText: 'TypeError', policy: 'TypeError' });
  assert.doesNotMatch(await heading(page).innerHTML(), /<img/, 'the heading is untouched');
  await page.context().close();
});

test("the staff's file has no trainer mode, and a trainer's link to a case opens the advisor", async () => {
  const c = cases.find((x) => x.topic === 'gifts');
  const page = await openAdvisor(browser, { url: `${fileUrl}#/trainer/${c.id}` });
  assert.equal(await heading(page).textContent(), 'Get confidential advice on an ethics question');
  assert.equal(await page.getByRole('button', { name: 'Trainer mode' }).count(), 0);
  assert.equal(await page.locator('[data-case], .ea-story-banner, .ea-trainer-bar').count(), 0);
  const size = (file) => statSync(file).size;
  assert.ok(size(process.env.SINGLE_FILE) < size(process.env.TRAINER_SINGLE_FILE) * 0.8, 'lighter than the trainers\' file, which carries the case library');
  await assertOnlyItself(page, fileUrl);
  await page.context().close();
});

test('a copy of the file, alone in another folder, works the same', async () => {
  const folder = mkdtempSync(join(tmpdir(), 'ethics-advisor-copy-'));
  const copy = join(folder, 'advice.html');
  copyFileSync(process.env.SINGLE_FILE, copy);
  const url = pathToFileURL(copy).href;
  const page = await openAdvisor(browser, { url });
  const c = cases.find((x) => x.topic === topics[topics.length - 1]);
  assert.equal(await replayCase(page, c), c.expect);
  await assertOnlyItself(page, url);
  await page.context().close();
});

test('from file://, a browser that cannot inflate the app says so in three languages, instead of a blank page', async () => {
  const context = await browser.newContext();
  await context.addInitScript(() => { delete window.DecompressionStream; });
  const page = await context.newPage();
  await page.goto(fileUrl);
  const host = page.locator('#ethics-advisor');
  await host.filter({ hasText: 'too old' }).waitFor();
  const text = await host.textContent();
  for (const phrase of ['This browser is too old', 'Ce navigateur est trop ancien', 'Este navegador es demasiado antiguo']) {
    assert.ok(text.includes(phrase), `${phrase} in ${text}`);
  }
  await context.close();
});

test('from file://, a copy cut short says so in three languages, instead of a blank page or a broken advisor', async () => {
  const whole = readFileSync(process.env.SINGLE_FILE, 'utf8');
  /** The middle of the data block opened by `opening`. */
  const middleOf = (opening) => {
    const start = whole.indexOf(opening) + opening.length;
    assert.ok(start >= opening.length, `the page has ${opening}`);
    return start + Math.floor((whole.indexOf('</script>', start) - start) / 2);
  };
  const app = middleOf('id="ethics-advisor-app">');
  const end = whole.indexOf('</script>', app);
  // The app's block with a hole in it; then copies whose end is lost (an interrupted download,
  // an attachment's size limit) in the app's block, in the block of the language shown first
  // (English here) and in the last language's, which the page would read only on a switch.
  const copies = {
    'a hole in the app': whole.slice(0, app) + whole.slice(end),
    'the end lost in the app': whole.slice(0, app),
    'the end lost in the first language\'s texts': whole.slice(0, middleOf('id="ethics-advisor-pack-en">')),
    'the end lost in the last language\'s texts': whole.slice(0, middleOf('id="ethics-advisor-pack-es">')),
  };
  for (const [damage, copy] of Object.entries(copies)) {
    const cut = join(mkdtempSync(join(tmpdir(), 'ea-cut-')), 'ethics-advisor.html');
    writeFileSync(cut, copy);
    const context = await browser.newContext({ locale: 'en-GB' });
    const page = await context.newPage();
    await page.goto(pathToFileURL(cut).href);
    const host = page.locator('#ethics-advisor');
    await host.filter({ hasText: 'damaged' }).waitFor({ timeout: 10_000 });
    const text = await host.textContent();
    for (const phrase of ['This copy of the ethics advisor is damaged', 'Cette copie du conseiller en déontologie est endommagée', 'Esta copia del asesor de ética está dañada', 'cut short']) {
      assert.ok(text.includes(phrase), `${damage}: ${phrase} in ${text}`);
    }
    await context.close();
  }
});
