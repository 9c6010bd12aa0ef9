// Drivers for the browsers beyond Chromium, behind one small interface, so that the same
// journeys run in each (other-browsers.test.mjs):
//   Firefox ESR (Debian's) through puppeteer-core over WebDriver BiDi, and
//   WebKitGTK, Safari's engine (Debian's), through WebKitWebDriver (WebDriver classic) under
//   xvfb-run; see ../shared/toolchain-notes.md, "Other browsers", for the quirks.
// Interface: goto(url), click(selector), type(selector, text), evaluate(source) → value,
// waitFor(selector), back(), violations() → CSP violations or null where the driver cannot
// see them, close(). A selector starting with `//` is XPath, otherwise CSS.
import puppeteer from 'puppeteer-core';
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Retries `attempt` until it returns a value other than undefined, or fails after `ms`. */
async function until(what, attempt, ms = 10000) {
  const end = Date.now() + ms;
  let last;
  while (Date.now() < end) {
    try {
      const value = await attempt();
      if (value !== undefined && value !== false) return value;
    } catch (e) {
      last = e;
    }
    await sleep(50);
  }
  throw new Error(`timed out waiting for ${what}${last ? `: ${last.message}` : ''}`);
}

export async function firefox() {
  const browser = await puppeteer.launch({ browser: 'firefox', executablePath: process.env.FIREFOX || '/usr/bin/firefox-esr', headless: true });
  return {
    name: 'Firefox ESR',
    async page() {
      const page = await browser.newPage();
      const errors = [];
      page.on('pageerror', (e) => errors.push(e.message));
      page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
      // Registered before any script of the page runs, so no violation is missed.
      await page.evaluateOnNewDocument(() => {
        window.__cspViolations = [];
        document.addEventListener('securitypolicyviolation', (e) => window.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`));
      });
      const at = (selector) => (selector.startsWith('//') ? `::-p-xpath(${selector})` : selector);
      return {
        errors,
        goto: (url) => page.goto(url),
        click: async (selector) => (await until(selector, () => page.$(at(selector)))).click(),
        type: async (selector, text) => (await until(selector, () => page.$(at(selector)))).type(text),
        evaluate: (source) => page.evaluate(source),
        waitFor: (selector) => until(selector, () => page.$(at(selector))),
        back: () => page.goBack(),
        violations: () => page.evaluate(() => window.__cspViolations),
        close: () => page.close(),
      };
    },
    close: () => browser.close(),
  };
}

/** A free loopback port. */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

const ELEMENT = 'element-6066-11e4-a52e-4f735466cecf';

export async function webkit() {
  const port = await freePort();
  // WebKitWebDriver starts MiniBrowser, which needs a display: xvfb-run gives it one.
  const driver = spawn('xvfb-run', ['-a', process.env.WEBKIT_WEBDRIVER || 'WebKitWebDriver', `--port=${port}`], { stdio: 'ignore', detached: true });
  const base = `http://127.0.0.1:${port}`;
  const call = async (method, path, body) => {
    const response = await fetch(base + path, { method, headers: { 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
    const json = await response.json();
    if (json.value && json.value.error) throw new Error(`${json.value.error}: ${json.value.message}`);
    return json.value;
  };
  await until('WebKitWebDriver', () => call('GET', '/status').then((s) => s.ready || undefined), 30000);
  // No browserName (neither "MiniBrowser" nor "WebKitGTK" matches), and --automation, without
  // which sessions hang.
  const capabilities = { alwaysMatch: { 'webkitgtk:browserOptions': { args: ['--automation'] } } };
  const stop = async () => {
    try { process.kill(-driver.pid); } catch { /* already gone */ }
  };
  return {
    name: 'WebKitGTK',
    async page() {
      const { sessionId } = await call('POST', '/session', { capabilities });
      const session = `/session/${sessionId}`;
      const find = (selector) => until(selector, async () => {
        const using = selector.startsWith('//') ? 'xpath' : 'css selector';
        const found = await call('POST', `${session}/elements`, { using, value: selector });
        return found.length > 0 ? found[0][ELEMENT] : undefined;
      });
      return {
        errors: [], // the driver gives no console access (toolchain notes)
        goto: (url) => call('POST', `${session}/url`, { url }),
        click: async (selector) => call('POST', `${session}/element/${await find(selector)}/click`, {}),
        type: async (selector, text) => call('POST', `${session}/element/${await find(selector)}/value`, { text }),
        evaluate: (source) => call('POST', `${session}/execute/async`, {
          script: `const done = arguments[arguments.length - 1]; Promise.resolve((${source})()).then(done, (e) => done({ error: String(e) }));`,
          args: [],
        }),
        waitFor: (selector) => find(selector),
        back: () => call('POST', `${session}/back`, {}),
        violations: async () => null, // no way to listen before the page's own scripts run
        close: () => call('DELETE', session),
      };
    },
    close: stop,
  };
}
