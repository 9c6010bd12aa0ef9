// The edit loop of `cargo xtask serve` (run by `cargo xtask test` against a copy of the project,
// not by the end-to-end layer): an edit to a rule text reloads the open page with the new
// text; a broken edit is shown over the page with its file and line, and mending it recovers —
// all without restarting the server.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const DEV_URL = process.env.DEV_URL;
const GIFTS = join(process.env.COPY_DIR, 'rules/topics/1_gifts.toml');
const ORIGINAL = readFileSync(GIFTS, 'utf8');
const SUMMARY = 'Whether you may accept a gift, a meal, an invitation, an award or a favour';
const EDITED = 'Whether you may accept a present, edited while the server runs';
const REBUILD = 10 * 60 * 1000; // a rebuild in the copy, generous for a cold machine

let browser;
// Not browser.mjs: that one wants the release layer's environment (BASE_URL, the cases).
before(async () => { browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] }); });
after(async () => {
  writeFileSync(GIFTS, ORIGINAL);
  await browser?.close();
});

/** Polls the page (which reloads itself meanwhile) until `check` holds. */
async function until(page, what, check) {
  const deadline = Date.now() + REBUILD;
  for (;;) {
    try {
      if (await page.evaluate(check)) return;
    } catch { /* the page is reloading */ }
    if (Date.now() > deadline) assert.fail(`the page never showed ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

test('an edit reloads the page with the new text; a broken edit is shown and mending it recovers', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(DEV_URL);
  await until(page, 'the start page', `document.querySelector('main')?.textContent.includes(${JSON.stringify(SUMMARY)})`);

  writeFileSync(GIFTS, ORIGINAL.replace(/^summary\.en = "Whether you may accept a gift[^"\n]*"/m, `summary.en = "${EDITED}."`));
  await until(page, 'the edited summary', `document.querySelector('main')?.textContent.includes(${JSON.stringify(EDITED)})`);

  const broken = readFileSync(GIFTS, 'utf8').replace('start = "exchange"', 'start = "exchang"');
  writeFileSync(GIFTS, broken);
  const line = broken.split('\n').findIndex((l) => l.startsWith('start = "exchang"')) + 1;
  await until(page, 'the broken edit', `document.getElementById('ethics-advisor-dev-problem')?.textContent.includes('1_gifts.toml:${line}:')`);
  const problem = await page.locator('#ethics-advisor-dev-problem').textContent();
  assert.match(problem, /starts at question "exchang", which it does not have/);
  assert.match(await page.locator('main').textContent(), new RegExp(EDITED), 'the last good build stays on the page');

  writeFileSync(GIFTS, broken.replace('start = "exchang"', 'start = "exchange"'));
  await until(page, 'the mended build', `!document.getElementById('ethics-advisor-dev-problem') && document.querySelector('main')?.textContent.includes(${JSON.stringify(EDITED)})`);
  assert.deepEqual(errors, [], 'no script error in the page');
  await context.close();
});
