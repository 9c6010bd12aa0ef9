// Shared set-up for the end-to-end tests: a real headless Chromium (Debian's, through
// playwright-core) that records every request, CSP violation and page error.
import { chromium } from 'playwright-core';

export const BASE_URL = process.env.BASE_URL;
if (!BASE_URL) throw new Error('BASE_URL is not set: run the end-to-end tests with `cargo xtask test`');

const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
  '--disable-sync', '--no-first-run', '--disable-quic'];

export async function launch() {
  return chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: ARGS });
}

/** A fresh page with everything it does recorded in `page.record`. */
export async function openAdvisor(browser, { url = BASE_URL, viewport = { width: 1280, height: 900 } } = {}) {
  const context = await browser.newContext({ viewport });
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
  await page.locator('#page-heading').waitFor();
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

/** Everything the page must not have done: requests elsewhere, CSP violations, errors. */
export async function privacyProblems(page) {
  const origin = new URL(BASE_URL).origin;
  const foreign = page.record.requests.filter((u) => !u.startsWith(origin + '/') && !u.startsWith('data:'));
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
