// The ethics office's studio (dist/studio.html) from file://: edit a setting and a French
// question, see the cases that change, publish the advisor and use what was published; open
// broken TOML files and see one clear message each; nothing sent, nothing stored.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { BASE_URL, launch, openAdvisor, privacyProblems, replayCase, heading, axe } from './browser.mjs';

const STUDIO = join(dirname(process.env.SINGLE_FILE), 'studio.html');
const STUDIO_URL = pathToFileURL(STUDIO).href;
const RULES = new URL('../../rules/', import.meta.url);
let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser.close(); });

/** Types a value into a field and leaves it, as a person does: the studio checks on change. */
async function change(page, selector, value) {
  await page.locator(selector).fill(value);
  await page.locator(selector).press('Tab');
}

test('a new threshold and a new French question: the changed cases show, and the published advisor gives the new advice', async () => {
  const page = await openAdvisor(browser, { url: STUDIO_URL });
  assert.equal(await heading(page).textContent(), 'Ethics advisor studio');
  assert.match(await page.locator('#studio-status').textContent(), /The rules are valid/);
  assert.match(await page.locator('#studio-cases').textContent(), /Every case gives the outcome it expects/);

  await change(page, '#setting-nominal_threshold', '50');
  const cases = await page.locator('#studio-cases').textContent();
  assert.match(cases, /These cases now give another outcome/);
  assert.match(cases, /threshold_just_above/, 'USD 30.01 was above the old threshold, not the new one');
  assert.match(cases, /exchange = no → rule/, 'each with its trace');

  const newAsk = 'La personne qui offre attend-elle un service en retour ?';
  await change(page, '#text-question-exchange-ask-fr', newAsk);
  assert.match(await page.locator('#studio-status').textContent(), /The rules are valid/);

  const folder = mkdtempSync(join(tmpdir(), 'studio-'));
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#download-advisor').click()]);
  assert.equal(download.suggestedFilename(), 'ethics-advisor.html');
  const published = join(folder, 'ethics-advisor.html');
  await download.saveAs(published);
  // The rule files, exported one by one: each as the studio holds it, every other line as
  // written in rules/, and together valid for `cargo xtask check-rules`.
  const exported = mkdtempSync(join(tmpdir(), 'studio-rules-'));
  for (const entry of await page.locator('.ea-studio__file-entry').all()) {
    await entry.locator('summary').click();
    const [file] = await Promise.all([page.waitForEvent('download'), entry.locator('button').click()]);
    await file.saveAs(join(exported, file.suggestedFilename()));
  }
  assert.deepEqual(readdirSync(exported).sort(), ['1_gifts.toml', '2_outside_activities.toml', '3_relatives.toml', '4_interests.toml', '5_retaliation.toml', 'outcomes.toml', 'settings.toml', 'sources.toml']);
  const settingsBefore = readFileSync(new URL('settings.toml', RULES), 'utf8');
  assert.equal(readFileSync(join(exported, 'settings.toml'), 'utf8'), settingsBefore.replace(/^amount = 30$/m, 'amount = 50'), 'one line changed, comments kept');
  assert.ok(readFileSync(join(exported, '1_gifts.toml'), 'utf8').includes(`ask.fr = "${newAsk}"`));
  assert.equal(readFileSync(join(exported, 'outcomes.toml'), 'utf8'), readFileSync(new URL('outcomes.toml', RULES), 'utf8'));
  const checked = execFileSync(process.env.XTASK, ['check-rules', exported], { encoding: 'utf8' });
  assert.match(checked, /rule pack valid: 5 topic\(s\), 8 outcome\(s\), languages en, fr, es/);

  // The files to embed, beside a host page that pastes the snippet, served like an intranet's.
  // Last: after five downloads from one click, the browser asks before it allows more.
  const embedFolder = join(dirname(process.env.SINGLE_FILE), 'hosts', 'studio-embed');
  rmSync(embedFolder, { recursive: true, force: true });
  mkdirSync(embedFolder, { recursive: true });
  const downloads = [];
  page.on('download', (d) => downloads.push(d));
  await page.locator('#download-embed').click();
  for (let i = 0; i < 50 && downloads.length < 5; i++) await page.waitForTimeout(100);
  for (const d of downloads) await d.saveAs(join(embedFolder, d.suggestedFilename()));
  assert.deepEqual(readdirSync(embedFolder).sort(), ['boot.js', 'embed-snippet.html', 'ethics-advisor.css', 'ethics_advisor_bg.wasm', 'pack.bin']);
  const snippet = readFileSync(join(embedFolder, 'embed-snippet.html'), 'utf8');
  writeFileSync(join(embedFolder, 'index.html'), `<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<link rel="icon" href="data:,">\n<title>Intranet — published from the studio</title>\n</head>\n<body>\n${snippet}</body>\n</html>\n`);

  const problems = await privacyProblems(page, STUDIO_URL);
  problems.foreign = problems.foreign.filter((u) => !u.startsWith('blob:')); // the download the page made
  assert.deepEqual(problems, { foreign: [], violations: [], errors: [], storage: { local: 0, session: 0, cookies: '', databases: 0, caches: 0 } });
  await page.context().close();

  // The published advisor, alone in its folder, from file://.
  const advisor = await openAdvisor(browser, { url: pathToFileURL(published).href });
  const gift = { id: 'usd_45', topic: 'gifts', answers: {
    exchange: { choice: 'no' }, solicited: { choice: 'no' }, cash: { choice: 'no' }, giver: { choice: 'outside' }, award: { choice: 'no' },
    outside_value: { amount: '45' }, frequent: { choice: 'no' }, pending: { choice: 'no' }, appearance_declare: { choice: 'no' },
  } };
  assert.equal(await replayCase(advisor, gift), 'declare', 'USD 45 is now within the threshold');
  await advisor.context().close();
  const embedded = await openAdvisor(browser, { url: new URL('hosts/studio-embed/index.html', BASE_URL).href });
  assert.equal(await replayCase(embedded, gift), 'declare', 'the published embed gives the new advice too');
  assert.deepEqual((await privacyProblems(embedded)).foreign, []);
  assert.deepEqual(embedded.record.errors, []);
  await embedded.context().close();

  const context = await browser.newContext({ locale: 'fr-FR' });
  const french = await context.newPage();
  await french.goto(pathToFileURL(published).href);
  await french.locator('.ea-button--start').click();
  const radio = await french.locator('input[name=topic][data-topic="gifts"]').getAttribute('id');
  await french.locator(`label[for="${radio}"]`).click();
  await french.getByRole('button', { name: 'Continuer' }).click();
  assert.equal(await heading(french).textContent(), newAsk);
  await context.close();
});

test('a TOML syntax error shows its file and line; a wrong next blocks publishing with one message', async () => {
  const page = await openAdvisor(browser, { url: STUDIO_URL });
  const settings = readFileSync(new URL('settings.toml', RULES), 'utf8');
  await page.locator('#open-files').setInputFiles({ name: 'settings.toml', mimeType: 'application/toml', buffer: Buffer.from(settings.replace('amount = 30', 'amount = = 30')) });
  const line = settings.split('\n').findIndex((l) => l.includes('amount = 30')) + 1;
  await page.locator('.ea-studio__problem').first().waitFor();
  assert.match(await page.locator('#studio-status').textContent(), new RegExp(`settings\\.toml:${line}: `));
  assert.equal(await page.locator('#download-advisor').count(), 0, 'nothing to publish');
  await page.locator('.ea-studio__problem a').first().click();
  const caret = await page.evaluate(() => {
    const area = document.activeElement;
    return { id: area.id, line: area.value.slice(0, area.selectionStart).split('\n').length, open: area.closest('details').open };
  });
  assert.deepEqual(caret, { id: 'file-settings.toml', line, open: true }, 'the problem links to its line in the file');
  await page.context().close();

  // This time dropped on the page, as from a file manager.
  const studio = await openAdvisor(browser, { url: STUDIO_URL });
  const gifts = readFileSync(new URL('topics/1_gifts.toml', RULES), 'utf8');
  const dropped = await studio.evaluateHandle((text) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([text], '1_gifts.toml', { type: 'application/toml' }));
    return transfer;
  }, gifts.replace('next = "solicited"', 'next = "solicted"'));
  await studio.locator('#studio-files').dispatchEvent('drop', { dataTransfer: dropped });
  await studio.locator('.ea-studio__problem').first().waitFor();
  const messages = await studio.locator('.ea-studio__problem').allTextContents();
  assert.equal(messages.length, 1, `one mistake, one message: ${messages.join(' | ')}`);
  assert.match(messages[0], /^topics\/1_gifts\.toml:\d+: rule "\w+" leads to question "solicted", which topic "gifts" does not have; did you mean "solicited"\?$/);
  assert.match(await studio.locator('#cannot-publish').textContent(), /cannot be published while the rules have a problem/);
  assert.equal(await studio.locator('#download-advisor').count(), 0);

  // Changes not downloaded: the browser asks before the page is left.
  let asked = '';
  studio.on('dialog', async (dialog) => { asked = dialog.type(); await dialog.dismiss(); });
  await studio.close({ runBeforeUnload: true });
  await new Promise((resolve) => setTimeout(resolve, 300));
  assert.equal(asked, 'beforeunload');
  await studio.context().close();
});

test('where each answer leads: a rule sent to an outcome cuts off the questions behind it, and sent back, the rules are whole again; the tree follows', async () => {
  const page = await openAdvisor(browser, { url: STUDIO_URL });
  const tree = async () => page.locator('#studio-tree').evaluate((img) => atob(img.src.split(',')[1]));
  assert.match(await tree(), /^<svg [^>]*role="img"/);
  const before = await tree();
  assert.equal(await page.locator('#leads-exchange-gifts_no_exchange').inputValue(), 'question:solicited');
  await page.locator('#leads-exchange-gifts_no_exchange').selectOption('outcome:declare');
  const problems = await page.locator('.ea-studio__problem').allTextContents();
  assert.ok(problems.some((p) => /question "solicited" is reached by no path from the start question "exchange"/.test(p)), problems.join('\n'));
  assert.equal(await page.getByText('The decision tree shows once the rules have no problem.').count(), 1);
  assert.equal(await page.locator('#studio-tree').count(), 0);
  await page.locator('#leads-exchange-gifts_no_exchange').selectOption('question:solicited');
  assert.match(await page.locator('#studio-status').textContent(), /The rules are valid/);
  assert.equal(await tree(), before, 'the same rules, the same tree');
  await page.locator('#studio-language').selectOption('fr');
  assert.notEqual(await tree(), before, 'the tree in the language of the studio');
  await page.context().close();
});

test('the preview is the advisor with the edited rules, made anew after each change, in any of its languages', async () => {
  const page = await openAdvisor(browser, { url: STUDIO_URL });
  await page.locator('#toggle-preview').click();
  const advisor = page.frameLocator('#studio-preview');
  await advisor.locator('#page-heading').waitFor();
  await change(page, '#setting-nominal_threshold', '50');
  await page.waitForFunction(() => document.querySelector('#studio-preview')?.src.startsWith('blob:'));
  const frame = page.frames().find((f) => f.url().startsWith('blob:'));
  await frame.locator('#page-heading').waitFor();
  const gift = { id: 'usd_45', topic: 'gifts', answers: {
    exchange: { choice: 'no' }, solicited: { choice: 'no' }, cash: { choice: 'no' }, giver: { choice: 'outside' }, award: { choice: 'no' },
    outside_value: { amount: '45' }, frequent: { choice: 'no' }, pending: { choice: 'no' }, appearance_declare: { choice: 'no' },
  } };
  assert.equal(await replayCase(frame, gift), 'declare', 'the preview gives the new threshold\'s advice');
  const problems = await privacyProblems(page, STUDIO_URL);
  problems.foreign = problems.foreign.filter((u) => !u.startsWith('blob:')); // the preview the page made
  assert.deepEqual(problems.violations, [], 'the advisor runs in the frame under the studio\'s CSP');
  // From a file:// page, Chromium does not let a frame made from a blob change the fragment of
  // its address: the advisor's steps still work, its address does not follow them.
  assert.deepEqual(problems.errors.filter((e) => !/^Not allowed to load local resource: blob:null\/[0-9a-f-]+#\//.test(e)), []);
  assert.deepEqual(problems.foreign, []);
  const english = await heading(frame).textContent();
  await frame.getByRole('button', { name: 'Español' }).click();
  assert.notEqual(await heading(frame).textContent(), english, 'the result, now in Spanish');
  assert.equal(await frame.evaluate(() => document.documentElement.lang), 'es');
  await page.context().close();
});

test('the studio speaks French and Spanish, and axe finds nothing to fix, with and without problems', async () => {
  // axe is injected as a script: this context bypasses the page's CSP for that alone.
  const context = await browser.newContext({ bypassCSP: true, viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(STUDIO_URL);
  await heading(page).waitFor();
  assert.deepEqual(await axe(page), []);
  await change(page, '#text-question-exchange-ask-en', 'Has the giver asked for anything in return?');
  assert.deepEqual(await page.locator('.ea-studio__stale').evaluateAll((marks) => marks.map((m) => m.nextElementSibling.id)),
    ['text-question-exchange-ask-fr', 'text-question-exchange-ask-es'], 'the translations of a changed English text are marked to check');
  await change(page, '#setting-nominal_threshold', 'fifty');
  assert.equal(await page.locator('.ea-error-message').first().textContent(), 'Enter an amount, like 30 or 30.50');
  await page.locator('#file-settings\\.toml').evaluate((area) => { area.closest('details').open = true; });
  await change(page, '#file-settings\\.toml', 'not = = toml');
  await page.locator('.ea-studio__problem').first().waitFor();
  assert.deepEqual(await axe(page), []);
  await page.locator('#studio-language').selectOption('fr');
  assert.equal(await heading(page).textContent(), 'Studio du conseiller en déontologie');
  await page.locator('#studio-language').selectOption('es');
  assert.equal(await heading(page).textContent(), 'Editor del asesor de ética');
  assert.equal(await page.locator('.ea-studio').getAttribute('lang'), 'es');
  await page.context().close();
});
