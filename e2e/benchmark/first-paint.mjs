// The dashboard's first paint and one drill-down in headless Chromium, for DashboardBenchmark (run by it; prints one
// JSON line). Environment: BASE_URL, BENCH_USER, BENCH_PASSWORD, CAMPAIGN, CHILD and CHILD_NAME (a unit under the
// campaign's root), RUNS. "Ready" is the page's own mark (performance.mark('dashboard-ready')): every number of the first screen is in
// its tables and every chart has been given its data.

import { chromium } from 'playwright-core';

const { BASE_URL, BENCH_USER, BENCH_PASSWORD, CAMPAIGN, CHILD, CHILD_NAME } = process.env;
const RUNS = Number(process.env.RUNS ?? 5);

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
});
try {
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  page.setDefaultTimeout(120_000);
  await page.goto(`${BASE_URL}/camunda/app/tasklist/default/`);
  await page.locator('input[ng-model="username"]').fill(BENCH_USER);
  await page.locator('input[ng-model="password"]').fill(BENCH_PASSWORD);
  await page.locator('button[type="submit"]').click();
  await page.locator('li.account a.dropdown-toggle').waitFor();

  const result = { firstContentfulPaint: [], ready: [], chartsDrawn: [], drillDown: [] };
  for (let run = 0; run < RUNS; run++) {
    await page.goto(`${BASE_URL}/dashboard?campaign=${CAMPAIGN}`);
    await page.locator('body[data-ready=true]').waitFor();
    await page.locator('#chart-submissions[data-rendered=true]').waitFor();
    const drawn = await page.evaluate(() => performance.now());
    const marks = await page.evaluate(() => ({
      fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime,
      ready: performance.getEntriesByName('dashboard-ready')[0]?.startTime,
    }));
    result.firstContentfulPaint.push(marks.fcp);
    result.ready.push(marks.ready);
    result.chartsDrawn.push(drawn);

    const started = Date.now();
    await page.locator(`#children a[data-drill="${CHILD}"]`).click();
    // The unit's section is redrawn in one go once its answer is in: its name in the breadcrumb marks the end.
    await page.locator('#breadcrumb b[data-field=unitName]', { hasText: CHILD_NAME }).waitFor();
    result.drillDown.push(Date.now() - started);
  }
  console.log(JSON.stringify(result));
} finally {
  await browser.close();
}
