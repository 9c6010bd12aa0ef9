import { chromium } from 'playwright-core';
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox','--disable-gpu'] });
for (let i = 0; i < 6; i++) {
  const c = await b.newContext(); const p = await c.newPage();
  await p.goto('file:///tmp/phases.html#/gifts/exchange');
  await p.waitForFunction(() => performance.getEntriesByName('ethics-advisor:question').length > 0);
  console.log(await p.evaluate(() => {
    const n = performance.getEntriesByType('navigation')[0];
    return `dcl ${n.domContentLoadedEventStart.toFixed(0)} ` + performance.getEntriesByType('mark').map(m => `${m.name} ${m.startTime.toFixed(1)}`).join(' | ');
  }));
  await c.close();
}
await b.close();
