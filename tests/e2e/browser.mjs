// Shared set-up for the end-to-end tests: a real headless Chromium (Debian's, through
// playwright-core) that records every request, CSP violation and page error.
import { chromium } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

export const BASE_URL = process.env.BASE_URL;
if (!BASE_URL || !process.env.CASES_JSON || !process.env.SINGLE_FILE || !process.env.TRAINER_SINGLE_FILE) {
  throw new Error('BASE_URL, CASES_JSON, SINGLE_FILE and TRAINER_SINGLE_FILE are set by `cargo xtask test`: run the end-to-end tests with it');
}

const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
  '--disable-sync', '--no-first-run', '--disable-quic'];

export async function launch() {
  return chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: ARGS });
}

/** A fresh page with everything it does recorded in `page.record`. */
export async function openAdvisor(browser, { url = BASE_URL, viewport = { width: 1280, height: 900 }, waitFor = true, locale } = {}) {
  const context = await browser.newContext({ viewport, locale });
  await context.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  const page = await context.newPage();
  const record = { requests: [], errors: [] };
  page.on('request', (r) => record.requests.push(r.url()));
  page.on('pageerror', (e) => record.errors.push(e.message));
  page.on('response', (r) => { if (r.status() >= 400) record.errors.push(`${r.status()} ${r.url()}`); });
  page.on('console', (m) => { if (m.type() === 'error') record.errors.push(m.text()); });
  page.record = record;
  await page.goto(url);
  if (waitFor) await page.locator('#page-heading').waitFor();
  return page;
}

export const heading = (page) => page.locator('#page-heading');

/** Chooses a radio answer by clicking its label, as a person would, then Continue. */
export async function answer(page, label) {
  await page.locator('label.ea-radios__label', { hasText: new RegExp(`^${escape(label)}$`) }).click();
  await page.getByRole('button', { name: 'Continue' }).click();
}

/** Types an amount into an amount question, then Continue. */
export async function answerAmount(page, amount) {
  await page.getByLabel(/^Amount/).fill(String(amount));
  await page.getByRole('button', { name: 'Continue' }).click();
}

export const focusedId = (page) => page.evaluate(() => document.activeElement && document.activeElement.id);

function escape(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Everything the page must not have done: requests beyond its own files, CSP violations,
 *  errors, stored data. Its own files are those under the served origin, or the one file
 *  itself when opened from file://. */
export async function privacyProblems(page, ownFiles = new URL(BASE_URL).origin + '/') {
  const foreign = page.record.requests.filter((u) => !u.startsWith(ownFiles) && !u.startsWith('data:'));
  const violations = await page.evaluate(() => window.__cspViolations);
  const storage = await page.evaluate(async () => ({
    local: localStorage.length,
    session: sessionStorage.length,
    cookies: document.cookie,
    databases: (await indexedDB.databases()).length,
    caches: (await caches.keys()).length,
  }));
  return { foreign, violations, errors: page.record.errors, storage };
}

/** Replays a case of the library through the UI, from the start page to the result, and
 *  returns the outcome shown. `c` is one entry of the JSON that `cargo xtask test` exports. */
export async function replayCase(page, c) {
  await page.getByRole('button', { name: 'Start now' }).click();
  if (await page.locator('input[name=topic]').count() > 0) {
    const radio = await page.locator(`input[name=topic][data-topic="${c.topic}"]`).getAttribute('id');
    await page.locator(`label[for="${radio}"]`).click();
    await page.getByRole('button', { name: 'Continue' }).click();
  }
  for (let step = 0; step < 40 && await page.locator('form[data-question]').count() > 0; step++) {
    const question = await page.locator('form[data-question]').getAttribute('data-question');
    const given = c.answers[question];
    if (!given) throw new Error(`case ${c.id} has no answer for question ${question}`);
    if ('amount' in given) {
      await page.locator(`#ea-${question}-amount`).fill(given.amount);
    } else if (await page.locator(`#ea-${question}-amount`).count() > 0) {
      await page.locator(`label[for="ea-${question}-dont_know"]`).click();  // "I do not know its value"
    } else {
      await page.locator(`label[for="ea-${question}-${given.choice}"]`).click();
    }
    await page.getByRole('button', { name: 'Continue' }).click();
    if (await page.locator('#error-summary').count() > 0) throw new Error(`case ${c.id}: the page refused the answer to ${question}`);
  }
  await page.locator('button', { hasText: 'See the result' }).click();
  return page.locator('[data-outcome]').getAttribute('data-outcome');
}

/** The case library exported by `cargo xtask test`. */
export function loadCases() {
  return JSON.parse(readFileSync(process.env.CASES_JSON, 'utf8'));
}

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

/** axe-core's violations on the page as it is now, as readable lines. The page's context
 *  must bypass CSP, since axe is injected as a script. */
export async function axe(page) {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: AXE });
  return page.evaluate(async (tags) => {
    const r = await window.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return r.violations.map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  }, AXE_TAGS);
}

/** Chooses a language with the advisor's language switch, then waits until the advisor speaks
 *  it: that language's texts may have to be read first (the single file's data block for it,
 *  or an embed's file). `page` may be a frame. */
export async function chooseLanguage(page, name) {
  const code = { English: 'en', Français: 'fr', Español: 'es' }[name];
  await page.getByRole('button', { name }).click();
  await page.locator(`.ethics-advisor[lang="${code}"]`).waitFor();
}
