// The ethics office's studio (dist/studio.html) from file://: edit a setting and a French
// question, see the cases that change, publish the advisor and use what was published; open
// broken TOML files and see one clear message each; nothing sent, nothing stored.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { inflateRawSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { BASE_URL, launch, openAdvisor, privacyProblems, replayCase, heading, axe, chooseLanguage } from './browser.mjs';

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

/** The files of a zip archive by name, read here with Node's zlib rather than by the code that wrote it. */
function unzip(archive) {
  const end = archive.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  let at = archive.readUInt32LE(end + 16);
  const files = {};
  for (let i = 0; i < archive.readUInt16LE(end + 10); i++) {
    const [method, size, nameLength] = [archive.readUInt16LE(at + 10), archive.readUInt32LE(at + 20), archive.readUInt16LE(at + 28)];
    const local = archive.readUInt32LE(at + 42);
    const data = local + 30 + archive.readUInt16LE(local + 26) + archive.readUInt16LE(local + 28);
    const stored = archive.subarray(data, data + size);
    files[archive.toString('utf8', at + 46, at + 46 + nameLength)] = method === 8 ? inflateRawSync(stored) : stored;
    at += 46 + nameLength + archive.readUInt16LE(at + 30) + archive.readUInt16LE(at + 32);
  }
  return files;
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

  // The files to embed, in one archive, unzipped beside a host page that pastes the snippet,
  // served like an intranet's.
  const embedFolder = join(dirname(process.env.SINGLE_FILE), 'hosts', 'studio-embed');
  rmSync(embedFolder, { recursive: true, force: true });
  mkdirSync(embedFolder, { recursive: true });
  const [archive] = await Promise.all([page.waitForEvent('download'), page.locator('#download-embed').click()]);
  assert.equal(archive.suggestedFilename(), 'ethics-advisor-embed.zip');
  await archive.saveAs(join(folder, 'embed.zip'));
  for (const [name, bytes] of Object.entries(unzip(readFileSync(join(folder, 'embed.zip'))))) writeFileSync(join(embedFolder, name), bytes);
  assert.deepEqual(readdirSync(embedFolder).sort(), ['boot.js', 'embed-snippet.html', 'ethics-advisor.bin', 'ethics-advisor.css', 'pack.en.bin', 'pack.es.bin', 'pack.fr.bin']);
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

  // The published advisor opens again in the studio, with every change in its files.
  const again = await openAdvisor(browser, { url: STUDIO_URL });
  await again.locator('#open-files').setInputFiles(published);
  await again.waitForFunction(() => document.querySelector('#setting-nominal_threshold').value === '50');
  assert.equal(await again.locator('#text-question-exchange-ask-fr').inputValue(), newAsk);
  assert.match(await again.locator('#studio-status').textContent(), /The rules are valid/);
  assert.match(await again.locator('#studio-cases').textContent(), /threshold_just_above/, 'compared with the case library as before');
  await again.locator('#open-files').setInputFiles(process.env.SINGLE_FILE);
  await again.locator('#cannot-open').waitFor();
  assert.match(await again.locator('#cannot-open').textContent(), /^ethics-advisor\.html: this advisor was built from the rules folder, not published by the studio/);
  assert.equal(await again.locator('#setting-nominal_threshold').inputValue(), '50', 'what was open stays open');
  await again.context().close();
});

test('questions, options and rules are added, moved and removed through forms; each problem leads to its field; undo takes a change back', async () => {
  const page = await openAdvisor(browser, { url: STUDIO_URL });
  const focused = () => page.evaluate(() => document.activeElement.id);
  const problems = () => page.locator('.ea-studio__problem').allTextContents();
  await page.locator('#add-option-giver').fill('agency');
  await page.locator('#add-option-giver-button').click();
  await page.locator('.ea-studio__problem').first().waitFor();
  assert.equal(await focused(), 'option-giver-agency', 'the focus goes to what was added');
  assert.equal(await page.locator('#add-option-giver').inputValue(), '', 'the box is ready for another');
  const unmatched = (await problems()).findIndex((p) => /answer "agency" to question "giver" matches no rule/.test(p));
  assert.ok(unmatched >= 0, (await problems()).join('\n'));
  await page.locator('.ea-studio__problem a').nth(unmatched).click();
  assert.equal(await focused(), 'question-giver', 'the problem leads to its question');

  await page.locator('#when-giver-gifts_vendor-agency').check();
  assert.ok(!(await problems()).some((p) => /matches no rule/.test(p)), 'the new answer now has a rule');
  const empty = (await problems()).findIndex((p) => /option "agency" label has an empty "en" text/.test(p));
  await page.locator('.ea-studio__problem a').nth(empty).click();
  assert.equal(await focused(), 'text-question-giver-option-agency-label-en', 'the problem leads to the text to write');
  await page.locator('.ea-studio__problem a').nth((await problems()).findIndex((p) => /label has an empty "fr" text/.test(p))).click();
  assert.equal(await focused(), 'text-question-giver-option-agency-label-fr', 'in the language it lacks');
  for (const [lang, label] of [['en', 'A public agency'], ['fr', 'Un organisme public'], ['es', 'Un organismo público']]) {
    await change(page, `#text-question-giver-option-agency-label-${lang}`, label);
  }
  assert.match(await page.locator('#studio-status').textContent(), /The rules are valid/, (await problems()).join('\n'));
  await page.getByRole('button', { name: 'Move up agency' }).click();
  assert.equal(await focused(), 'option-giver-agency');
  const options = await page.locator('[id^="option-giver-"]').evaluateAll((spans) => spans.map((s) => s.textContent));
  assert.deepEqual(options.slice(-2), ['agency', 'outside'], 'moved above the last option');
  const gifts = await page.locator('#file-topics-1_gifts\\.toml').inputValue();
  assert.match(gifts, /id = "personal"[\s\S]*id = "agency"\n {2}label\.en = "A public agency"[\s\S]*id = "outside"/, 'in the file too');
  assert.match(gifts, /when = \["vendor", "selection", "agency"\]/);

  // A question removed: each rule that led to it says so, and its link goes to the rule.
  await page.getByRole('button', { name: 'Remove solicited' }).click();
  const dangling = (await problems()).findIndex((p) => /leads to question "solicited", which topic "gifts" does not have/.test(p));
  assert.ok(dangling >= 0, (await problems()).join('\n'));
  await page.locator('.ea-studio__problem a').nth(dangling).click();
  assert.equal(await focused(), 'leads-exchange-gifts_no_exchange');
  await page.locator('#undo').click();
  assert.match(await page.locator('#studio-status').textContent(), /The rules are valid/);
  assert.equal(await page.locator('#question-solicited').count(), 1, 'undo brings the question back');

  // A new question, named wrongly then rightly, at the end of the topic, with its texts to write.
  await page.locator('#add-question').fill('Gift value');
  await page.locator('#add-question-button').click();
  assert.match(await page.locator('#add-question-error').textContent(), /Enter an ID of lower-case letters/);
  await page.locator('#add-question').fill('gift_value');
  await page.locator('#add-question-input').selectOption('choice');
  await page.locator('#add-question-button').click();
  assert.equal(await focused(), 'question-gift_value');
  assert.match(await page.locator('#question-gift_value').textContent(), /gift_value \(A choice between options\)/);
  const added = await problems();
  assert.ok(added.some((p) => /question "gift_value" is a choice but offers 0 option/.test(p)), added.join('\n'));
  assert.equal(await page.locator('#text-question-gift_value-ask-fr').count(), 1, 'its question to write, in each language');
  await page.getByRole('button', { name: 'Add a hint gift_value' }).click();
  assert.equal(await focused(), 'text-question-gift_value-hint-en', 'a hint to write, in each language, from the first');
  assert.equal(await page.locator('#add-hint-gift_value').count(), 0, 'a question has one hint');
  await page.context().close();
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
  await chooseLanguage(frame, 'Español');
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
  await change(page, '#setting-nominal_threshold-note', 'Confirmed by the Ethics and Conduct Office in December 2026.');
  assert.match(await page.locator('#file-settings\\.toml').inputValue(), /\nnote = "Confirmed by the Ethics and Conduct Office in December 2026\."\n/, 'the note, written into the file');
  await change(page, '#setting-nominal_threshold', 'fifty');
  assert.equal(await page.locator('.ea-error-message').first().textContent(), 'Enter an amount, like 30 or 30.50');
  await page.locator('#file-settings\\.toml').evaluate((area) => { area.closest('details').open = true; });
  await page.locator('#add-option-giver').fill('Bad id');
  await page.locator('#add-option-giver-button').click();
  await page.locator('#add-option-giver-error').waitFor();
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
