// End-to-end: what the user controls — the privacy note, "Clear and exit", and taking the
// advice further only by their own action (print, copy, a mail draft in their own program).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openAdvisor, heading, replayCase, loadCases, privacyProblems, BASE_URL } from './browser.mjs';

const cases = loadCases();
let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test('the start page says in plain words what is and is not kept', async () => {
  const page = await openAdvisor(browser);
  const text = await page.locator('main').textContent();
  assert.match(text, /Your privacy/);
  assert.match(text, /not saved in your browser/);
  assert.match(text, /connects only if you switch language on an intranet page: it then fetches that language's wording from the intranet, without sending anything about your answers/);
  await page.context().close();
});

test('"Clear and exit" wipes the answers and leaves the page blank', async () => {
  const page = await openAdvisor(browser);
  const c = cases.find((x) => x.topic === 'gifts');
  await replayCase(page, c);
  await page.getByRole('button', { name: 'Clear and exit' }).click();
  await page.waitForURL('about:blank');
  assert.equal(await page.evaluate(() => document.body ? document.body.innerText.trim() : ''), '');
  await page.goBack();                                  // the app again, from scratch
  await heading(page).waitFor();
  assert.doesNotMatch(await page.locator('main').textContent(), /See the result|Your answers/);
  assert.equal(await page.locator('[data-outcome]').count(), 0);
  await page.context().close();
});

test('the result can be printed, copied as text, or drafted as an e-mail — nothing is sent', async () => {
  const page = await openAdvisor(browser);
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(BASE_URL).origin });
  const c = cases.find((x) => x.topic === 'relatives');
  await replayCase(page, c);
  const requestsBefore = page.record.requests.length;

  await page.getByRole('button', { name: 'Copy summary' }).click();
  await page.getByText('The summary is copied').waitFor();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  const title = await heading(page).textContent();
  assert.match(copied, new RegExp(`Result: ${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
  assert.match(copied, /What to do next\n1\. /);

  const mail = await page.getByRole('link', { name: /Write to the Ethics and Conduct Office/ }).getAttribute('href');
  assert.match(mail, /^mailto:ethics@example\.org\?subject=Request%20for%20advice/);
  assert.ok(decodeURIComponent(mail.split('body=')[1]).includes(title), 'the draft holds the result');

  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.getByRole('button', { name: 'Clear and exit' }).isVisible(), false, 'no controls in print');
  assert.equal(await page.getByRole('button', { name: 'Copy summary' }).isVisible(), false);
  assert.equal(await heading(page).isVisible(), true);
  await page.emulateMedia({ media: 'screen' });

  assert.equal(page.record.requests.length, requestsBefore, 'copying and drafting make no request');
  const problems = await privacyProblems(page);
  assert.deepEqual([problems.foreign, problems.violations, problems.errors], [[], [], []]);
  await page.context().close();
});

test('"Save my progress" gives a code that continues in a fresh page; bad codes are explained', async () => {
  const page = await openAdvisor(browser);
  const c = cases.find((x) => x.topic === 'outside_activities');
  const outcome = await replayCase(page, c);
  await page.getByRole('button', { name: 'Save my progress' }).click();
  const code = (await page.locator('#ea-resume-code').textContent()).trim();
  assert.match(code, /^[0-9A-Z]{1,4}(-[0-9A-Z]{1,4})+$/);
  assert.doesNotMatch(page.url(), new RegExp(code), 'the code is never put in the address');
  await page.context().close();

  const fresh = await openAdvisor(browser);
  for (const [typed, message] of [['', /Enter the code/], ['AB*D', /only contain letters/], ['0000-0000-0000', /mistyped or incomplete/]]) {
    await fresh.locator('#ea-resume-code-input').fill(typed);
    await fresh.getByRole('button', { name: 'Continue with this code' }).click();
    assert.match(await fresh.locator('#error-summary').textContent(), message);
    assert.match(await fresh.title(), /^Error: /);
  }
  await fresh.locator('#ea-resume-code-input').fill(code.toLowerCase());
  await fresh.getByRole('button', { name: 'Continue with this code' }).click();
  assert.equal(await heading(fresh).textContent(), 'Check your answers');
  await fresh.getByRole('button', { name: 'See the result' }).click();
  assert.equal(await fresh.locator('[data-outcome]').getAttribute('data-outcome'), outcome);
  const problems = await privacyProblems(fresh);
  assert.deepEqual([problems.foreign, problems.violations, problems.errors], [[], [], []]);
  await fresh.context().close();
});

test('the page carries the strict Content Security Policy', async () => {
  const page = await openAdvisor(browser);
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  for (const directive of ["default-src 'none'", "connect-src 'none'", "form-action 'none'", "base-uri 'none'"]) {
    assert.ok(csp.includes(directive), `${directive} in ${csp}`);
  }
  assert.match(csp, /script-src 'wasm-unsafe-eval' 'sha256-[A-Za-z0-9+/]+=*';/);
  assert.match(csp, /style-src 'sha256-[A-Za-z0-9+/]+=*';/);
  assert.doesNotMatch(csp, /unsafe-inline|'unsafe-eval'|\*/);
  assert.deepEqual(page.record.requests.filter((u) => !u.startsWith('data:')), [BASE_URL], 'one request: the page itself');
  await page.context().close();
});

test('the release build has no reload channel: that is only in the development server of `serve`', async () => {
  const events = await fetch(new URL('__dev/events', BASE_URL));
  assert.equal(events.status, 404);
  const page = await (await fetch(BASE_URL)).text();
  assert.doesNotMatch(page, /dev-reload|EventSource|__dev/);
  assert.match(page, /connect-src 'none'/);
});
