// End-to-end accessibility beyond axe: a keyboard-only journey through every topic (Tab,
// Shift+Tab, arrows in radio groups, Space, Enter) with a visible focus indicator; reflow at
// 320 CSS px (as at 400% zoom) and with WCAG text-spacing overrides; forced colours; reduced
// motion; and the printed result as a clean one-page summary.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { launch, openAdvisor, heading, replayCase, loadCases } from './browser.mjs';

const cases = loadCases();
const topics = [...new Set(cases.map((c) => c.topic))];
const OUT = new URL('../../test-output/', import.meta.url).pathname;
let browser;
before(async () => { browser = await launch(); mkdirSync(OUT, { recursive: true }); });
after(async () => { await browser?.close(); });

const active = (page) => page.evaluate(() => {
  const e = document.activeElement;
  return { id: e.id, tag: e.tagName, type: e.type, text: e.textContent.trim(), name: e.name, value: e.value };
});

/** Tabs forward until `matches(active element)`, at most 30 times. */
async function tabTo(page, matches, what) {
  for (let i = 0; i < 30; i++) {
    await page.keyboard.press('Tab');
    if (matches(await active(page))) return;
  }
  throw new Error(`Tab never reached ${what}`);
}

/** The focus indicator is visible: an outline or a box shadow on the focused element. */
async function assertVisibleFocus(page) {
  const style = await page.evaluate(() => {
    const s = getComputedStyle(document.activeElement);
    return { outline: s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0, shadow: s.boxShadow !== 'none', background: s.backgroundColor };
  });
  assert.ok(style.outline || style.shadow, `no visible focus indicator on ${JSON.stringify(await active(page))}`);
}

/** Chooses option `value` in the radio group now focused, using arrows (and Space for the first). */
async function chooseWithArrows(page, value) {
  const values = await page.evaluate(() => [...document.querySelectorAll(`input[name="${document.activeElement.name}"]`)].map((i) => i.value));
  const target = values.indexOf(value);
  assert.ok(target >= 0, `option ${value} offered: ${values}`);
  const current = values.indexOf((await active(page)).value);
  if (target === current) await page.keyboard.press('Space');
  for (let i = current; i < target; i++) await page.keyboard.press('ArrowDown');
  for (let i = current; i > target; i--) await page.keyboard.press('ArrowUp');
  assert.equal((await active(page)).value, value);
  assert.equal(await page.evaluate(() => document.activeElement.checked), true);
}

for (const topic of topics) {
  test(`a keyboard-only journey completes the ${topic} topic`, async () => {
    const c = cases.find((x) => x.topic === topic);
    const page = await openAdvisor(browser);
    await tabTo(page, (a) => a.text === 'Start now', 'Start now');
    await assertVisibleFocus(page);
    await page.keyboard.press('Enter');
    assert.equal((await active(page)).id, 'page-heading', 'focus on the heading after each step');
    await page.keyboard.press('Tab');
    assert.equal((await active(page)).name, 'topic');
    await assertVisibleFocus(page);
    const topicValue = await page.locator(`input[data-topic="${topic}"]`).getAttribute('value');
    await chooseWithArrows(page, topicValue);
    await page.keyboard.press('Tab');
    assert.equal((await active(page)).text, 'Continue');
    await page.keyboard.press('Shift+Tab');                   // and back, to show Shift+Tab works
    assert.equal((await active(page)).name, 'topic');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    while (await page.locator('form[data-question]').count() > 0) {
      assert.equal((await active(page)).id, 'page-heading');
      const question = await page.locator('form[data-question]').getAttribute('data-question');
      const given = c.answers[question];
      await page.keyboard.press('Tab');
      if (await page.locator(`#ea-${question}-amount`).count() > 0) {
        assert.equal((await active(page)).id, `ea-${question}-amount`);
        if ('amount' in given) {
          await page.keyboard.type(given.amount);
        } else {
          await page.keyboard.press('Tab');
          await page.keyboard.press('Space');                 // "I do not know its value"
        }
      } else {
        assert.equal((await active(page)).name, 'answer');
        await chooseWithArrows(page, given.choice);
      }
      await page.keyboard.press('Tab');
      assert.equal((await active(page)).text, 'Continue');
      await assertVisibleFocus(page);
      await page.keyboard.press('Enter');
      assert.equal(await page.locator('#error-summary').count(), 0, `question ${question} refused the answer`);
    }
    assert.equal(await heading(page).textContent(), 'Check your answers');
    await tabTo(page, (a) => a.text === 'See the result', 'See the result');
    await page.keyboard.press('Enter');
    assert.equal(await page.locator('[data-outcome]').getAttribute('data-outcome'), c.expect);
    assert.equal((await active(page)).id, 'page-heading');
    assert.equal(await page.locator('[role=status][aria-live=polite] #page-heading').count(), 1, 'the result sits in a polite live region');
    await page.context().close();
  });
}

/** Fails if the page scrolls sideways or any text box is cut off. */
async function assertReflows(page, what) {
  const problem = await page.evaluate(() => {
    if (document.documentElement.scrollWidth > window.innerWidth + 1) return `page is ${document.documentElement.scrollWidth}px wide`;
    for (const e of document.querySelectorAll('.ethics-advisor *')) {
      const s = getComputedStyle(e);
      if ((s.overflowX === 'hidden' || s.overflowY === 'hidden') && !e.classList.contains('ea-visually-hidden')
          && (e.scrollWidth > e.clientWidth + 1 || e.scrollHeight > e.clientHeight + 1)) return `${e.tagName}.${e.className} clips its text`;
    }
    return null;
  });
  assert.equal(problem, null, what);
}

const TEXT_SPACING = `.ethics-advisor * { line-height: 1.5 !important; letter-spacing: 0.12em !important;
  word-spacing: 0.16em !important; } .ethics-advisor p { margin-bottom: 2em !important; }`;

test('every screen reflows at 320 CSS px, also with text-spacing overrides, in the longest language', async () => {
  for (const spacing of [false, true]) {
    const page = await openAdvisor(browser, { viewport: { width: 320, height: 640 } });
    await page.locator('.ea-languages button[lang="fr"]').click();
    if (spacing) await page.addStyleTag({ content: TEXT_SPACING }).catch(() => page.evaluate((css) => {
      const style = document.createElement('style'); style.textContent = css; document.head.append(style);
    }, TEXT_SPACING));
    await assertReflows(page, 'start');
    const c = cases.find((x) => x.topic === 'outside_activities' && Object.keys(x.answers).length >= 4);
    await page.locator('.ea-button--start').click();
    await assertReflows(page, 'topic choice');
    await page.locator(`input[data-topic="${c.topic}"]`).check();
    await page.locator('button[type=submit]').click();
    while (await page.locator('form[data-question]').count() > 0) {
      const question = await page.locator('form[data-question]').getAttribute('data-question');
      await assertReflows(page, question);
      await page.locator(`#ea-${question}-${c.answers[question].choice}`).check();
      await page.locator('button[type=submit]').click();
    }
    await assertReflows(page, 'check answers');
    await page.locator('.ea-main > .ea-button').click();
    await assertReflows(page, 'result');
    await page.context().close();
  }
});

test('under forced colours the controls keep visible edges; reduced motion leaves nothing moving', async () => {
  const context = await browser.newContext({ forcedColors: 'active', reducedMotion: 'reduce' });
  const page = await context.newPage();
  await page.goto(process.env.BASE_URL);
  await page.locator('#page-heading').waitFor();
  const start = await page.evaluate(() => getComputedStyle(document.querySelector('.ea-button--start')).borderTopStyle);
  assert.equal(start, 'solid');
  const moving = await page.evaluate(() => [...document.querySelectorAll('.ethics-advisor *')].filter((e) => {
    const s = getComputedStyle(e);
    return s.animationName !== 'none' || parseFloat(s.transitionDuration) > 0;
  }).length);
  assert.equal(moving, 0);
  await context.close();
});

test('the printed result is one clean page: outcome, why, next steps, answers, date, and no controls', async () => {
  const page = await openAdvisor(browser);
  // The case with the most answers makes the longest result.
  const c = [...cases].filter((x) => x.topic === 'gifts').sort((a, b) => Object.keys(b.answers).length - Object.keys(a.answers).length)[0];
  await replayCase(page, c);
  await page.emulateMedia({ media: 'print' });
  const text = await page.locator('.ethics-advisor').innerText();
  for (const part of ['What to do next', 'Why', 'Your answers', 'Generated on this device on', 'Nothing was sent anywhere']) {
    assert.ok(text.includes(part), `print shows "${part}"`);
  }
  for (const control of ['Clear and exit', 'Copy summary', 'Start again', 'Back', 'Français']) {
    assert.ok(!text.includes(control), `print hides "${control}"`);
  }
  const pdf = await page.pdf({ format: 'A4', margin: { top: '15mm', bottom: '15mm', left: '15mm', right: '15mm' } });
  writeFileSync(`${OUT}result-print.pdf`, pdf);
  const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) || []).length;
  assert.equal(pages, 1, `the printed result takes ${pages} pages`);
  await page.context().close();
});
