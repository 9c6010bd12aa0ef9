// End-to-end: English, French and Spanish — the switch on every page keeps answers and
// position, the page language follows, the browser's preferred language is used first, and
// amounts are written the way each language writes them.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openAdvisor, heading, BASE_URL, chooseLanguage } from './browser.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const pageLang = (page) => page.evaluate(() => [document.documentElement.lang, document.querySelector('.ethics-advisor').lang]);

test('switching language mid-way keeps the answers and the question on screen', async () => {
  const page = await openAdvisor(browser);
  await chooseLanguage(page, 'Français');
  assert.equal(await heading(page).textContent(), 'Obtenir un conseil confidentiel sur une question de déontologie');
  assert.deepEqual(await pageLang(page), ['fr', 'fr']);
  await page.getByRole('button', { name: 'Commencer' }).click();
  await page.locator('input[data-topic="gifts"]').check();
  await page.getByRole('button', { name: 'Continuer' }).click();
  await page.locator('label[for="ea-exchange-no"]').click();
  await page.getByRole('button', { name: 'Continuer' }).click();
  const french = await heading(page).textContent();
  await chooseLanguage(page, 'Español');
  const spanish = await heading(page).textContent();
  assert.notEqual(spanish, french, 'the question is now in Spanish');
  assert.match(new URL(page.url()).hash, /#\/gifts\/solicited$/, 'still on the same question');
  assert.deepEqual(await pageLang(page), ['es', 'es']);
  await page.getByRole('link', { name: 'Atrás' }).click();
  assert.equal(await page.locator('#ea-exchange-no').isChecked(), true, 'the answer given in French is kept');
  assert.match(await page.title(), /Asesor de ética$/);
  await page.context().close();
});

test("the browser's preferred language is used on first load", async () => {
  const context = await browser.newContext({ locale: 'fr-CA' });
  const page = await context.newPage();
  await page.goto(BASE_URL);
  await heading(page).waitFor();
  assert.deepEqual(await pageLang(page), ['fr', 'fr']);
  await context.close();
});

test('amounts are written as each language writes them', async () => {
  const page = await openAdvisor(browser);
  await chooseLanguage(page, 'Français');
  await page.getByRole('button', { name: 'Commencer' }).click();
  await page.locator('input[data-topic="gifts"]').check();
  await page.getByRole('button', { name: 'Continuer' }).click();
  for (const [question, option] of [['exchange', 'no'], ['solicited', 'no'], ['cash', 'no'], ['giver', 'outside'], ['award', 'no']]) {
    await page.locator(`label[for="ea-${question}-${option}"]`).click();
    await page.getByRole('button', { name: 'Continuer' }).click();
  }
  await page.locator('#ea-outside_value-amount').fill('1 250,5');
  await page.getByRole('button', { name: 'Continuer' }).click();
  await page.locator('label[for="ea-unforeseen-no"]').click();
  await page.getByRole('button', { name: 'Continuer' }).click();
  assert.match(await page.locator('.ea-summary-list').textContent(), /1\u202f250,50\u00a0USD/);
  await chooseLanguage(page, 'Español');
  assert.match(await page.locator('.ea-summary-list').textContent(), /1250,50\u00a0USD/);
  await chooseLanguage(page, 'English');
  assert.match(await page.locator('.ea-summary-list').textContent(), /USD 1,250\.50/);
  await page.context().close();
});
