// End-to-end: the advisor embedded in host pages it does not control — data-* options,
// hostile global CSS that must not break the widget, a widget that must not restyle the
// host, and an iframe.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { inflateSync } from 'node:zlib';
import { launch, openAdvisor, heading, BASE_URL } from './browser.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const host = (name) => new URL(`hosts/${name}.html`, BASE_URL).href;

/** Computed styles of the widget's key elements, to compare a hostile host with a plain one.
 *  (Sizes are left out: where the widget sits, and how wide, is the host's choice.) */
function widgetStyles(page) {
  return page.evaluate(() => {
    // In the page, or in the sealed embed's shadow root.
    const scope = document.querySelector('ethics-advisor')?.shadowRoot ?? document;
    const pick = (selector, props) => {
      const element = scope.querySelector(selector);
      const style = getComputedStyle(element);
      return Object.fromEntries(props.map((p) => [p, style[p]]));
    };
    return {
      root: pick('.ethics-advisor', ['fontSize', 'fontFamily', 'color', 'textAlign', 'textTransform', 'letterSpacing']),
      heading: pick('#page-heading', ['fontSize', 'color', 'marginTop']),
      start: pick('.ea-button--start', ['display', 'visibility', 'fontSize', 'backgroundColor', 'marginTop', 'paddingTop']),
      main: pick('.ea-main', ['display', 'visibility', 'marginTop', 'paddingLeft', 'backgroundColor', 'borderTopStyle', 'cssFloat']),
      paragraph: pick('.ea-main p', ['textAlign', 'fontSize', 'marginTop']),
    };
  });
}

test('data-lang and data-topic from the host element are honoured, under the CSP README recommends (Trusted Types included)', async () => {
  const page = await openAdvisor(browser, { url: host('plain') });
  assert.deepEqual(await page.evaluate(() => window.__cspViolations), [], 'no CSP violation');
  assert.equal(await page.evaluate(() => { try { document.body.innerHTML = '<b>x</b>'; return 'allowed'; } catch (e) { return e.name; } }), 'TypeError', 'the host policy is in force');
  assert.match(await heading(page).textContent(), /^Obtenir un avis sur un cadeau/);
  assert.equal(await page.locator('.ethics-advisor').getAttribute('lang'), 'fr');
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'en', "the host page's own language is left alone");
  await page.getByRole('button', { name: 'Commencer' }).click();
  assert.match(new URL(page.url()).hash, /^#\/gifts\/exchange$/, 'straight into the gifts questions');
  await page.context().close();
});

test('the snippet the build writes pins its files: pasted as written it works, a script changed since is refused', async () => {
  const page = await openAdvisor(browser, { url: host('snippet') });
  assert.equal(await heading(page).textContent(), 'Get confidential advice on an ethics question');
  const integrity = await page.evaluate(() => [...document.querySelectorAll('link[rel=stylesheet], script[src]')].map((e) => e.integrity.slice(0, 7)));
  assert.deepEqual(integrity, ['sha384-', 'sha384-'], 'the stylesheet and the script carry their hashes');
  await page.context().close();

  const context = await browser.newContext();
  const changed = await context.newPage();
  const errors = [];
  changed.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  await changed.goto(host('snippet-changed'));
  await changed.waitForLoadState('load');
  await changed.waitForTimeout(500);
  assert.equal(await changed.locator('#page-heading').count(), 0, 'the changed script did not run');
  assert.ok(errors.some((e) => /integrity/.test(e)), `the browser says why: ${errors}`);
  await context.close();
});

test('the embed fetches its app and its pack deflated, and a browser that cannot inflate them says so in three languages', async () => {
  const page = await openAdvisor(browser, { url: host('snippet') });
  const fetched = page.record.requests.map((u) => new URL(u).pathname.split('/').pop()).filter((name) => /\.(bin|wasm)$/.test(name));
  assert.deepEqual(fetched.sort(), ['ethics-advisor.bin', 'pack.en.bin'], 'the app and one language, nothing else');
  await page.context().close();
  const served = async (name) => Buffer.from(await (await fetch(new URL(name, BASE_URL))).arrayBuffer());
  for (const name of ['ethics-advisor.bin', 'pack.en.bin']) {
    const bytes = await served(name);
    const inflated = inflateSync(bytes);
    assert.ok(inflated.length > 2 * bytes.length, `${name}: ${bytes.length} bytes as served, ${inflated.length} inflated`);
  }
  assert.equal(inflateSync(await served('ethics-advisor.bin')).subarray(0, 4).toString('latin1'), '\0asm', 'the app is the wasm, deflated');

  const context = await browser.newContext();
  await context.addInitScript(() => { delete window.DecompressionStream; });
  const old = await context.newPage();
  const requests = [];
  old.on('request', (r) => requests.push(new URL(r.url()).pathname.split('/').pop()));
  await old.goto(host('snippet'));
  const advisor = old.locator('#ethics-advisor');
  await advisor.filter({ hasText: 'too old' }).waitFor();
  const text = await advisor.textContent();
  for (const phrase of ['This browser is too old', 'Ce navigateur est trop ancien', 'Este navegador es demasiado antiguo']) {
    assert.ok(text.includes(phrase), `${phrase} in ${text}`);
  }
  assert.deepEqual(requests.filter((name) => name.endsWith('.bin')), [], 'nothing it could not use is fetched');
  await context.close();
});

test('a rule pack changed after the build is refused: the advisor says in three languages that it cannot start', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  await page.goto(host('pack-changed/index'));
  const alert = page.getByRole('alert');
  await alert.waitFor();
  const text = await alert.textContent();
  assert.match(text, /^The ethics advisor cannot start: please tell the intranet team\. Le conseiller ne peut pas démarrer .* El asesor no puede iniciarse/);
  assert.match(text, /\(the rule pack cannot be read: /);
  assert.equal(await page.locator('#page-heading').count(), 0, 'no question from a pack that is not the one pinned');
  assert.ok(errors.some((e) => /integrity/i.test(e)), `the browser says why: ${errors}`);
  await context.close();
});

test('an embed loads the texts of its first language only, and another language\'s once the user switches to it; one that cannot come leaves the page as it was and says so', async () => {
  const page = await openAdvisor(browser, { url: host('snippet') });
  const packs = () => page.record.requests.filter((u) => /pack\.\w+\.bin/.test(u)).map((u) => new URL(u).pathname.split('/').pop());
  assert.deepEqual(packs(), ['pack.en.bin'], 'English only, as the host asks');
  await page.getByRole('button', { name: 'Français' }).click();
  await page.locator('.ethics-advisor[lang="fr"]').waitFor();
  assert.equal(await heading(page).textContent(), 'Obtenir un conseil confidentiel sur une question de déontologie');
  assert.deepEqual(packs(), ['pack.en.bin', 'pack.fr.bin'], 'the French texts, asked for once the user switched');
  assert.ok(page.record.requests.filter((u) => /pack\.fr\.bin/.test(u)).every((u) => new URL(u).search === '' && new URL(u).hash === ''), 'the request names the language and nothing else');
  await page.getByRole('button', { name: 'English' }).click();
  await page.locator('.ethics-advisor[lang="en"]').waitFor();
  await page.getByRole('button', { name: 'Français' }).click();
  await page.locator('.ethics-advisor[lang="fr"]').waitFor();
  assert.deepEqual(packs(), ['pack.en.bin', 'pack.fr.bin'], 'each language fetched once');
  await page.context().close();

  const context = await browser.newContext();
  const changed = await context.newPage();
  await changed.goto(host('language-changed/index'));
  await heading(changed).waitFor();
  await changed.getByRole('button', { name: 'Start now' }).click();
  await heading(changed).waitFor();
  const question = await heading(changed).textContent();
  await changed.getByRole('button', { name: 'Français' }).click();
  await changed.locator('#ea-language-unavailable').waitFor();
  assert.equal(await changed.locator('#ea-language-unavailable').textContent(), 'This language (Français) cannot be loaded now. Check your connection, then try again.');
  assert.equal(await heading(changed).textContent(), question, 'the page stays as it was, in English');
  assert.equal(await changed.locator('.ethics-advisor').getAttribute('lang'), 'en');
  await changed.getByRole('button', { name: 'Español' }).click();
  await changed.locator('.ethics-advisor[lang="es"]').waitFor();
  assert.equal(await changed.locator('#ea-language-unavailable').count(), 0, 'another language that comes clears the message');
  await context.close();
});

test('the staff embed has no trainer mode: no switch, a console warning, trainer links lead to the start', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const warnings = [];
  page.on('console', (message) => { if (message.type() === 'warning') warnings.push(message.text()); });
  await page.goto(host('staff-trainer-mode'));
  await heading(page).waitFor();
  assert.equal(await heading(page).textContent(), 'Get confidential advice on an ethics question');
  assert.ok(warnings.some((w) => /no trainer mode .*trainer\/boot\.js/.test(w)), `a warning names the trainer embed: ${warnings}`);
  assert.equal(await page.getByRole('button', { name: 'Trainer mode' }).count(), 0, 'no switch to a mode it lacks');
  await page.goto(host('staff-trainer-mode') + '#/trainer/brief_9_bidder_lunch');
  await page.reload();
  await heading(page).waitFor();
  assert.equal(await heading(page).textContent(), 'Get confidential advice on an ethics question');
  assert.equal(await page.locator('.ea-trainer-bar, .ea-diagram').count(), 0);
  await context.close();
});

test('the trainer embed has the trainer switch', async () => {
  const page = await openAdvisor(browser, { url: host('trainer') });
  await page.getByRole('button', { name: 'Quitter le mode formateur' }).click();
  await page.getByRole('button', { name: 'Mode formateur' }).waitFor();
  await page.context().close();
});

test('hostile global CSS does not change the widget, and the widget does not change the host', async () => {
  const plain = await openAdvisor(browser, { url: host('plain') });
  const reference = await widgetStyles(plain);
  await plain.context().close();

  const page = await openAdvisor(browser, { url: host('hostile') });
  assert.deepEqual(await widgetStyles(page), reference);
  const hostStyles = await page.evaluate(() => ({
    title: getComputedStyle(document.getElementById('host-title')).fontSize,
    titleColor: getComputedStyle(document.getElementById('host-title')).color,
    paragraph: getComputedStyle(document.getElementById('host-paragraph')).textAlign,
    button: getComputedStyle(document.getElementById('host-button')).display,
    body: getComputedStyle(document.body).textTransform,
  }));
  assert.deepEqual(hostStyles, { title: '80px', titleColor: 'rgb(255, 0, 0)', paragraph: 'right', button: 'none', body: 'uppercase' });

  // And a person can still use it there.
  await page.getByRole('button', { name: 'Commencer' }).click();
  await page.locator('label[for="ea-exchange-no"]').click();
  await page.getByRole('button', { name: 'Continuer' }).click();
  assert.match(new URL(page.url()).hash, /#\/gifts\/solicited$/);
  await page.context().close();
});

test('sealed as <ethics-advisor>, the widget is out of reach of host rules with !important, and leaves the host title alone', async () => {
  const plain = await openAdvisor(browser, { url: host('plain') });
  const reference = await widgetStyles(plain);
  await plain.context().close();

  const page = await openAdvisor(browser, { url: host('sealed') });
  assert.equal(await page.evaluate(() => document.getElementById('ethics-advisor')), null, 'no iframe, no #ethics-advisor: the custom element');
  assert.ok(await page.evaluate(() => document.querySelector('ethics-advisor').shadowRoot.querySelector('.ethics-advisor') !== null), 'rendered in its shadow root');
  assert.deepEqual(await widgetStyles(page), reference);
  assert.deepEqual(page.record.errors, [], 'no error');
  assert.deepEqual(await page.evaluate(() => window.__cspViolations), []);
  const hostStyles = await page.evaluate(() => ({
    title: getComputedStyle(document.getElementById('host-title')).fontSize,
    button: getComputedStyle(document.getElementById('host-button')).display,
    body: getComputedStyle(document.body).textTransform,
  }));
  assert.deepEqual(hostStyles, { title: '80px', button: 'none', body: 'uppercase' }, 'the host keeps its own look');

  // A person can use it there, by keyboard and pointer, and the page title stays the host's.
  await page.getByRole('button', { name: 'Commencer' }).click();
  await page.locator('label[for="ea-exchange-no"]').click();
  await page.getByRole('button', { name: 'Continuer' }).click();
  assert.match(new URL(page.url()).hash, /#\/gifts\/solicited$/);
  assert.equal(await page.evaluate(() => document.activeElement.shadowRoot?.activeElement?.id), 'page-heading', 'focus moves to the heading, inside the shadow root');
  await page.getByRole('button', { name: 'Continuer' }).click();
  assert.equal(await page.evaluate(() => document.activeElement.shadowRoot?.activeElement?.id), 'error-summary');
  assert.equal(await page.title(), 'Staff intranet — sealed embed');
  await page.context().close();
});

test('a host that asks for it (data-title="steps") gets each step in its title', async () => {
  const page = await openAdvisor(browser, { url: host('trainer') });
  assert.match(await page.title(), /— Conseiller en déontologie$/);
  await page.context().close();
});

test('the advisor works inside an iframe', async () => {
  const page = await openAdvisor(browser, { url: host('iframe'), waitFor: false });
  const frame = page.frameLocator('iframe');
  await frame.getByRole('button', { name: 'Start now' }).click();
  await frame.locator('input[data-topic="gifts"]').check();
  await frame.getByRole('button', { name: 'Continue' }).click();
  await frame.locator('label[for="ea-exchange-yes"]').click();
  await frame.getByRole('button', { name: 'Continue' }).click();
  await frame.getByRole('button', { name: 'See the result' }).click();
  assert.equal(await frame.locator('[data-outcome]').getAttribute('data-outcome'), 'no');
  await page.context().close();
});
