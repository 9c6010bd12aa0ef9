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
