// `cargo xtask bench`, browser part: start-up and interaction times of our single file and the
// SurveyJS peer, both opened from file:// in headless Chromium, alternately, in one run.
//
// Start-up: navigation to the first choice of the first question painted — Element Timing's
// renderTime of that choice's text (see chromium.mjs), as a user sees the page. Also, as the
// scripts see it, navigation to the User Timing mark each page sets once a question is in the
// DOM (`ethics-advisor:question`, `peer:question`), before the browser lays it out and paints it.
// Interaction: Continue/Next clicked → the next question's mark (script time), over the whole
// scripted journey, in every run.
// Start-up on a slow CPU: the same, with the CPU slowed fourfold (CDP
// `Emulation.setCPUThrottlingRate`, as Lighthouse models a mid-range phone), in every run too.
// Our start-up's phases: when the script started, the wasm was ready, the pack was read, the
// app was started and the first question was on screen, from the marks the page sets.
//
// Usage: node bench/browser-timings.mjs OURS.html PEER.html JOURNEY.json RUNS > timings.json
// The journey also checks that both pages reach the outcome our engine gives.
import { FIRST_CHOICE, launchChromium, PHASES, SLOW_CPU, median, watchFirstPaint } from './chromium.mjs';
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

const [ours, peer, journeyFile, runsArg] = process.argv.slice(2);
if (!ours || !peer || !journeyFile) {
  throw new Error('usage: node bench/browser-timings.mjs OURS.html PEER.html JOURNEY.json [RUNS]');
}
const journey = JSON.parse(readFileSync(journeyFile, 'utf8'));
const runs = Number(runsArg || 15);
if ('amount' in journey.steps[0]) throw new Error(`${journeyFile}: the journey must start with a choice question, whose first choice's paint times the start-up`);

const pages = {
  ours: {
    url: `${pathToFileURL(ours).href}#/${journey.topic}/${journey.steps[0].question}`,
    mark: 'ethics-advisor:question',
    shown: (page) => page.locator('form[data-question]').getAttribute('data-question'),
    async answer(page, step) {
      if ('amount' in step) await page.locator(`#ea-${step.question}-amount`).fill(step.amount);
      else await page.locator(`label[for="ea-${step.question}-${step.choice}"]`).click();
    },
    next: 'form[data-question] button[type=submit]',
    async finish(page) {
      await page.locator(this.next).click();  // Continue to "Check your answers"
      await page.locator('button', { hasText: 'See the result' }).click();
      return page.locator('[data-outcome]').getAttribute('data-outcome');
    },
  },
  peer: {
    url: pathToFileURL(peer).href,
    mark: 'peer:question',
    shown: (page) => page.locator('.sd-page [data-name]').first().getAttribute('data-name'),
    async answer(page, step) {
      const question = page.locator(`[data-name="${step.question}"]`);
      if ('amount' in step) await question.locator('input[type=number]').fill(step.amount);
      else await question.locator(`input[value="${step.choice}"]`).check({ force: true });
    },
    next: '.sd-navigation__next-btn',
    async finish(page) {
      await page.locator('.sd-navigation__complete-btn').first().click();
      return page.locator('[data-outcome]').getAttribute('data-outcome');
    },
  },
};

const browser = await launchChromium();

/** One visit: start-up time, then the journey's transitions; checks where it ends. With
 * `cpuSlowdown`, the CPU is that many times slower from before the navigation on. */
async function visit(name, cpuSlowdown = 1) {
  const p = pages[name];
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  if (cpuSlowdown > 1) {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpuSlowdown });
  }
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('request', (r) => { if (!r.url().startsWith('file:') && !r.url().startsWith('data:')) errors.push(`request ${r.url()}`); });
  const firstPaint = await watchFirstPaint(context, FIRST_CHOICE[name]);
  await page.goto(p.url);
  const startup = await firstPaint(page);
  await page.waitForFunction((mark) => performance.getEntriesByName(mark).length > 0, p.mark);
  const marked = await page.evaluate((mark) => performance.getEntriesByName(mark)[0].startTime, p.mark);
  // Ours: when each phase of the start-up ended, from the marks the page sets.
  const phases = await page.evaluate((names) => Object.fromEntries(names.map((n) => [n, performance.getEntriesByName(`ethics-advisor:${n}`)[0]?.startTime])), PHASES);
  const transitions = [];
  for (let i = 0; i < journey.steps.length; i++) {
    const step = journey.steps[i];
    const shown = await p.shown(page);
    if (shown !== step.question) throw new Error(`${name}: expected question ${step.question}, the page shows ${shown}`);
    await p.answer(page, step);
    if (i === journey.steps.length - 1) break;
    await page.locator(p.next).first().waitFor();
    const before = await page.evaluate((next) => {
      const t0 = performance.now();
      document.querySelector(next).click();
      return t0;
    }, p.next);
    await page.waitForFunction(([mark, t0]) => performance.getEntriesByName(mark).some((e) => e.startTime > t0), [p.mark, before]);
    transitions.push(await page.evaluate(([mark, t0]) => performance.getEntriesByName(mark).find((e) => e.startTime > t0).startTime - t0, [p.mark, before]));
  }
  const outcome = await p.finish(page);
  if (outcome !== journey.outcome) throw new Error(`${name}: the journey ended in ${outcome}, our engine says ${journey.outcome}`);
  if (errors.length) throw new Error(`${name}: ${errors.join('; ')}`);
  await context.close();
  return { startup, marked, transitions, phases };
}

const results = Object.fromEntries(['ours', 'peer'].map((name) => [name, { startup: [], marked: [], transitions: [], startup_slow_cpu: [], marked_slow_cpu: [] }]));
const phases = { normal: [], slow_cpu: [] };
// One warm-up visit each (file cache, Chromium's first-use costs), not counted.
await visit('ours');
await visit('peer');
for (let run = 0; run < runs; run++) {
  // Alternate which goes first, so neither always profits from the other's warm-up.
  for (const name of run % 2 ? ['peer', 'ours'] : ['ours', 'peer']) {
    const r = await visit(name);
    if (name === 'ours') phases.normal.push(r.phases);
    results[name].startup.push(r.startup);
    results[name].marked.push(r.marked);
    results[name].transitions.push(...r.transitions);
  }
  for (const name of run % 2 ? ['ours', 'peer'] : ['peer', 'ours']) {
    const r = await visit(name, SLOW_CPU);
    if (name === 'ours') phases.slow_cpu.push(r.phases);
    results[name].startup_slow_cpu.push(r.startup);
    results[name].marked_slow_cpu.push(r.marked);
  }
}
await browser.close();

const summary = {
  runs,
  journey_questions: journey.steps.length,
  outcome: journey.outcome,
  startup_ms: { ours: median(results.ours.startup), peer: median(results.peer.startup) },
  interaction_ms: { ours: median(results.ours.transitions), peer: median(results.peer.transitions) },
  cpu_slowdown: SLOW_CPU,
  startup_slow_cpu_ms: { ours: median(results.ours.startup_slow_cpu), peer: median(results.peer.startup_slow_cpu) },
  // Navigation → the first question's mark, unslowed and slowed: the script's view.
  marked_ms: { ours: median(results.ours.marked), peer: median(results.peer.marked) },
  marked_slow_cpu_ms: { ours: median(results.ours.marked_slow_cpu), peer: median(results.peer.marked_slow_cpu) },
  // The median time from navigation to the end of each phase of our start-up.
  phases_ms: Object.fromEntries(Object.entries(phases).map(([race, runs]) => [race, Object.fromEntries(PHASES.map((n) => [n, median(runs.map((r) => r[n]))]))])),
  samples: results,
};
summary.startup_ratio = summary.startup_ms.ours / summary.startup_ms.peer;
summary.interaction_ratio = summary.interaction_ms.ours / summary.interaction_ms.peer;
summary.startup_slow_cpu_ratio = summary.startup_slow_cpu_ms.ours / summary.startup_slow_cpu_ms.peer;
process.stdout.write(JSON.stringify(summary, null, 1) + '\n');
