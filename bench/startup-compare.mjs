// `cargo xtask bench --compare A.html B.html …`: the start-up of advisor pages against each
// other, to try a change before the whole bench — each page opened from file:// in headless
// Chromium, alternately (each first in every other run), RUNS times after one warm-up each, unslowed then with the CPU slowed
// 4×: navigation → each of the page's User Timing marks (see chromium.mjs), then → the first
// choice painted (the bench's start-up), medians.
// With --trace, also where the main thread's time goes with the CPU slowed: Chromium's trace
// events, self time (an event's own time, less the events inside it) and how many, mean per run.
//
// Usage: node bench/startup-compare.mjs RUNS [--trace] PAGE.html…
import { FIRST_CHOICE, launchChromium, PHASES, SLOW_CPU, median, watchFirstPaint } from './chromium.mjs';
import { pathToFileURL } from 'node:url';

const [runsArg, ...rest] = process.argv.slice(2);
const trace = rest.includes('--trace');
const pages = rest.filter((a) => a !== '--trace');
const runs = Number(runsArg);
if (!(runs > 0) || pages.length === 0) throw new Error('usage: node bench/startup-compare.mjs RUNS [--trace] PAGE.html…');

const browser = await launchChromium();

/** One visit: the marks' times and the first choice's paint from the navigation, and the
 * trace's events if asked for. */
async function visit(page, slowdown, withTrace) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const tab = await context.newPage();
  const cdp = await context.newCDPSession(tab);
  if (slowdown > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: slowdown });
  const events = [];
  if (withTrace) {
    cdp.on('Tracing.dataCollected', (e) => events.push(...e.value));
    await cdp.send('Tracing.start', { categories: 'devtools.timeline,v8,v8.wasm,blink,loading', transferMode: 'ReportEvents' });
  }
  const firstPaint = await watchFirstPaint(context, FIRST_CHOICE.ours);
  await tab.goto(`${pathToFileURL(page).href}#/gifts/exchange`);
  const painted = await firstPaint(tab);
  await tab.waitForFunction(() => performance.getEntriesByName('ethics-advisor:question').length > 0, null, { timeout: 60_000 });
  const marks = await tab.evaluate(() => Object.fromEntries(performance.getEntriesByType('mark').map((m) => [m.name.split(':')[1], m.startTime])));
  marks.painted = painted;
  if (withTrace) {
    const done = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
    await cdp.send('Tracing.end');
    await done;
  }
  await context.close();
  return { marks, events };
}

/** Self time of each complete event on the renderer's main thread (the one that parses HTML). */
function selfTimes(events, into) {
  const main = events.find((e) => e.name === 'ParseHTML')?.tid;
  const spans = events.filter((e) => e.tid === main && e.ph === 'X' && e.dur).sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  const open = [];
  for (const span of spans) {
    while (open.length && open.at(-1).ts + open.at(-1).dur <= span.ts) open.pop();
    if (open.length) open.at(-1).self -= span.dur;
    span.self = span.dur;
    open.push(span);
  }
  for (const span of spans) {
    const [total, count] = into.get(span.name) ?? [0, 0];
    into.set(span.name, [total + span.self / 1000, count + 1]);
  }
}

/** The median of a mark's times, over the visits whose page set it. */
const markMedian = (values) => {
  const set = values.filter((v) => v !== undefined);
  return set.length ? median(set) : undefined;
};
const ms = (v) => (v === undefined ? '—' : v.toFixed(1));

const COLUMNS = [...PHASES, 'painted'];
for (const slowdown of [1, SLOW_CPU]) {
  const seen = pages.map(() => []);
  const spent = pages.map(() => new Map());
  for (let run = 0; run <= runs; run++) {
    // Each page first in every other run: the page opened first in a run was measured slower.
    const order = run % 2 ? [...pages.entries()].reverse() : [...pages.entries()];
    for (const [i, page] of order) {
      const { marks, events } = await visit(page, slowdown, trace && slowdown > 1 && run > 0);
      if (run === 0) continue; // the warm-up
      seen[i].push(marks);
      selfTimes(events, spent[i]);
    }
  }
  console.log(`\n| ${slowdown > 1 ? `CPU slowed ${slowdown}×` : 'unslowed'}, median of ${runs} | ${COLUMNS.join(' | ')} |`);
  console.log(`|---|${COLUMNS.map(() => '---:').join('|')}|`);
  for (const [i, page] of pages.entries()) {
    console.log(`| ${page} | ${COLUMNS.map((m) => ms(markMedian(seen[i].map((marks) => marks[m])))).join(' | ')} |`);
  }
  if (trace && slowdown > 1) {
    for (const [i, page] of pages.entries()) {
      console.log(`\n| ${page}: main thread, slowed, mean per run | ms | events |\n|---|---:|---:|`);
      [...spent[i]].sort((a, b) => b[1][0] - a[1][0]).slice(0, 15).forEach(([name, [total, count]]) => console.log(`| ${name} | ${ms(total / runs)} | ${ms(count / runs)} |`));
    }
  }
}
await browser.close();
