// What the bench's browser scripts share: headless Chromium launched the same way, the phases
// of our start-up as the single file marks them (xtask/src/bundle.rs), how much the slow
// race slows the CPU, and the median they report.
import { chromium } from 'playwright-core';

const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
  '--disable-sync', '--no-first-run', '--disable-quic'];

/** Debian's Chromium (or $CHROMIUM), headless, without its background traffic. */
export const launchChromium = () => chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: ARGS });

/** The phases of our start-up, as the single file marks them (`ethics-advisor:<phase>`). */
export const PHASES = ['script', 'wasm', 'pack', 'started', 'question'];

/** How much slower the CPU is in the slow start-up race (as Lighthouse models a mid-range phone). */
export const SLOW_CPU = 4;

/** The median of the numbers given (the middle two's mean for an even count). */
export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** Where each page shows the first answer a user can choose, the first control of a choice
 * question: the element holding its label's text. */
export const FIRST_CHOICE = {
  ours: 'form[data-question] .ea-radios__label',
  peer: '.sd-page [data-name] .sd-item__control-label .sv-string-viewer',
};

/** Start-up as the user sees it: when the browser first painted the first choice's text
 * (Element Timing's renderTime, counted from the navigation). Before the page's own scripts run,
 * a mutation observer marks the first element matching `selector` for Element Timing, in the
 * microtask after it is inserted (before any layout or paint), and a performance observer hands
 * its paint to the harness through a binding. Nothing of the harness runs in the page during the
 * race: a `page.evaluate` sent after `goto` (after the load event) compiled Playwright's injected
 * script on the page's main thread in the middle of the start-up it was timing (2 ms unslowed, 11
 * with the CPU slowed, in a trace). Call before the navigation; the returned function waits for
 * the paint and gives its time. */
export async function watchFirstPaint(context, selector) {
  let reportPaint;
  const painted = new Promise((resolve) => { reportPaint = resolve; });
  await context.exposeBinding('benchFirstChoicePainted', (_source, renderTime) => reportPaint(renderTime));
  await context.addInitScript((selector) => {
    const observer = new MutationObserver(() => {
      const first = document.querySelector(selector);
      if (first) {
        first.setAttribute('elementtiming', 'first-choice');
        observer.disconnect();
      }
    });
    observer.observe(document, { childList: true, subtree: true });
    new PerformanceObserver((list, paints) => {
      const paint = list.getEntries().find((e) => e.identifier === 'first-choice');
      if (paint) {
        paints.disconnect();
        window.benchFirstChoicePainted(paint.renderTime);
      }
    }).observe({ type: 'element', buffered: true });
  }, selector);
  return (page) => new Promise((resolve, reject) => {
    const late = setTimeout(() => reject(new Error(`${page.url()}: no paint of ${selector} within 60 s`)), 60_000);
    painted.then((renderTime) => {
      clearTimeout(late);
      resolve(renderTime);
    });
  });
}
