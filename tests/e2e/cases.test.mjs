// End-to-end: every case of the library (cases/*.toml, exported as JSON by
// `cargo xtask test`) replayed through the UI in a real browser, from the start page and the
// topic choice to the result, whose outcome must be the case's.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openAdvisor, replayCase, loadCases, privacyProblems } from './browser.mjs';

const cases = loadCases();
let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test('the case library is not empty', () => {
  assert.ok(cases.length >= 45, `${cases.length} cases`);
});

for (const c of cases) {
  test(`case ${c.topic}/${c.id} gives "${c.expect}" through the UI`, async () => {
    const page = await openAdvisor(browser);
    assert.equal(await replayCase(page, c), c.expect);
    const problems = await privacyProblems(page);
    assert.deepEqual([problems.foreign, problems.violations, problems.errors], [[], [], []]);
    await page.context().close();
  });
}
