// End-to-end: the way in for people who do not think of "retaliation" — someone who wants to
// report wrongdoing, and someone treated badly at work who has reported nothing — from the
// start page and the topic choice to the place that helps them.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openAdvisor, heading, answer, chooseLanguage } from './browser.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const TOPIC = 'Wrongdoing, mistreatment at work and retaliation';

test('the start page and the topic choice name reporting wrongdoing and being mistreated', async () => {
  const page = await openAdvisor(browser);
  const start = await page.locator('main').textContent();
  assert.match(start, /if you want to report wrongdoing, if you are treated badly or unfairly at work/);
  await page.getByRole('button', { name: 'Start now' }).click();
  const choice = page.locator('.ea-radios__item', { has: page.getByLabel(TOPIC) });
  assert.match(await choice.textContent(), /report wrongdoing.*treated badly or unfairly at work.*harmed after you reported/s);
  await page.context().close();
});

test('someone who wants to report wrongdoing is sent to the reporting channel', async () => {
  const page = await openAdvisor(browser);
  await page.getByRole('button', { name: 'Start now' }).click();
  await answer(page, TOPIC);
  await answer(page, 'You know of wrongdoing and want to report it');
  assert.equal(await heading(page).textContent(), 'Has anyone tried to stop you from reporting the wrongdoing?');
  await answer(page, 'No');
  await page.getByRole('button', { name: 'See the result' }).click();
  assert.equal(await heading(page).textContent(), 'Report it');
  assert.match(await page.locator('main').textContent(), /the oversight office's confidential reporting channel/);
  await page.context().close();
});

test('someone mistreated who has reported nothing is sent to report harassment, in French', async () => {
  const page = await openAdvisor(browser);
  await chooseLanguage(page, 'Français');
  await page.getByRole('button', { name: 'Commencer' }).click();
  await page.locator('input[data-topic="retaliation"]').check();
  await page.getByRole('button', { name: 'Continuer' }).click();
  await page.getByLabel("On vous traite mal ou injustement au travail, et vous n'avez signalé aucun manquement").check();
  await page.getByRole('button', { name: 'Continuer' }).click();
  await page.getByLabel("Harcèlement, abus d'autorité ou discrimination").check();
  await page.getByRole('button', { name: 'Continuer' }).click();
  await page.getByRole('button', { name: 'Voir le résultat' }).click();
  assert.equal(await heading(page).textContent(), 'Signalez-le');
  assert.match(await page.locator('main').textContent(), /Bureau de l'Ombudsman/, 'the informal way is named too');
  await page.context().close();
});

test('a disagreement with no report behind it goes to the Ombudsperson or HR', async () => {
  const page = await openAdvisor(browser);
  await page.getByRole('button', { name: 'Start now' }).click();
  await answer(page, TOPIC);
  await answer(page, 'You are treated badly or unfairly at work, and have reported no wrongdoing');
  await answer(page, 'A disagreement or a difficult relationship with someone at work');
  await page.getByRole('button', { name: 'See the result' }).click();
  assert.equal(await heading(page).textContent(), 'Another office can help you with this');
  assert.match(await page.locator('main').textContent(), /the Office of the Ombudsperson/);
  await page.context().close();
});
