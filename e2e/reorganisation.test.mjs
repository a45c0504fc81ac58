// End-to-end test of a reorganisation applied from the office page, and a merged unit on the dashboard.
//
// Runs after the forms' test against the same application (see run.sh), and before the tree's: it reorganises the
// demo's KH 117 campaign (number 1) over the 2019 tree. As Ban Dân vận (bdv), the way the README tells the organising
// board to: on the office page's "Sắp xếp tổ chức" tab, download the shipped file of the 1/7/2025 transition, upload
// it, read per running campaign what it will do — the campaigns whose root it would end (those of a district started
// by the other tests) are left out and say why —, apply it to the demo campaign; then open on the dashboard the new
// commune that three communes merged into, named with its predecessors, "(trước đây: …)"; and see that a new campaign
// over the Tỉnh ủy would take the tree the decision made. Screenshots at 1366×900 and 390×844.

import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { BASE_URL, SCREENSHOTS, launchBrowser, login, request } from './support.mjs';

const OFFICE = `${BASE_URL}/office`;
const DEMO_CAMPAIGN = 1;
const MERGED = { code: 'VL-XAVINHLINH', name: 'Đảng ủy xã Vĩnh Linh (ví dụ)' };

let screenshotCount = 0;

async function screenshot(page, name) {
  screenshotCount += 1;
  await page.screenshot({ path: path.join(SCREENSHOTS,
    `reorganisation-${String(screenshotCount).padStart(2, '0')}-${name}.png`), fullPage: true });
}

describe('a reorganisation from the office page, and a merged unit on the dashboard', () => {
  let browser;
  let page;

  before(async () => {
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
    browser = await launchBrowser('rc-e2e-reorganisation-', { viewport: { width: 1366, height: 900 } });
    ({ page } = browser);
    await login(page, 'bdv');
  });

  after(async () => {
    await browser?.close();
  });

  it('shows what the 2025 transition will do to each running campaign', async () => {
    await page.goto(`${OFFICE}#sap-xep`);
    await page.locator('body[data-ready=true]').waitFor();
    const link = page.locator('#reorganisation-samples a', { hasText: 'reorganisation-2025-07-01.yaml' });
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    await page.locator('#reorganisation-file').setInputFiles({ name: 'reorganisation-2025-07-01.yaml',
      mimeType: 'application/yaml', buffer: fs.readFileSync(await download.path()) });
    const status = page.locator('#reorganisation-preview [data-reorganisation-status]');
    await status.waitFor();
    assert.match(await status.textContent(), /Quyết định số 1234-QĐ\/TU ngày 30\/6\/2025 .*hiệu lực từ 01\/07\/2025/);
    const demo = page.locator(`.campaign-outcome[data-campaign="${DEMO_CAMPAIGN}"]`);
    assert.equal(await demo.locator('input[data-apply-to]').isChecked(), true);
    assert.match(await demo.textContent(), /Báo cáo đã nộp giữ nguyên: \d+/);
    assert.match(await demo.textContent(), /Đơn vị thôi phải báo cáo/);
    // A campaign whose root the transition ends (a district's, started by the office test) is left out, with why.
    const blocked = page.locator('.campaign-outcome:has(input[data-apply-to]:disabled)');
    assert.ok(await blocked.count() > 0, 'a campaign rooted at a district is left out');
    await screenshot(page, 'xem-truoc-1366');
    await page.setViewportSize({ width: 390, height: 844 });
    await screenshot(page, 'xem-truoc-390');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 1, `the page scrolls sideways by ${overflow} px at 390 px`);
    await page.setViewportSize({ width: 1366, height: 900 });
  });

  it('applies it to the chosen campaigns, and lists it', async () => {
    // Only the demo campaign: the others belong to the other tests.
    for (const box of await page.locator('input[data-apply-to]:checked').all()) {
      if (Number(await box.getAttribute('data-apply-to')) !== DEMO_CAMPAIGN) await box.uncheck();
    }
    assert.equal(await page.locator('#reorganisation-apply').textContent(), 'Áp dụng cho 1 đợt đã đánh dấu');
    await page.locator('#reorganisation-apply').click();
    await page.locator('#notice', { hasText: 'Đã áp dụng Quyết định số 1234-QĐ/TU' }).waitFor({ timeout: 120_000 });
    assert.match(await page.locator('#reorganisations tbody tr').first().textContent(), /1234-QĐ\/TU.*01\/07\/2025/);
    const history = await (await request(`/api/campaigns/${DEMO_CAMPAIGN}/units/${MERGED.code}/history`,
      { user: 'bdv' })).json();
    assert.match(JSON.stringify(history), /trước đây/);
    await screenshot(page, 'da-ap-dung-1366');
  });

  it('shows the merged commune on the dashboard with the communes it continues', async () => {
    await page.goto(`${BASE_URL}/dashboard?campaign=${DEMO_CAMPAIGN}&unit=${MERGED.code}`);
    await page.locator('body[data-ready=true]').waitFor();
    await page.locator('#breadcrumb [data-field="unitName"]', { hasText: MERGED.name }).waitFor();
    const formerly = await page.locator('#breadcrumb [data-field="formerly"]').textContent();
    assert.match(formerly, /trước đây: .*Đảng ủy thị trấn Hồ Xá/);
    assert.match(await page.locator('#node [data-field="predecessors"]').textContent(), /Đảng ủy xã Vĩnh Thái/);
    await screenshot(page, 'bang-theo-doi-1366');
    await page.setViewportSize({ width: 390, height: 844 });
    await screenshot(page, 'bang-theo-doi-390');
  });

  it('offers a new campaign over the Tỉnh ủy the tree the decision made', async () => {
    await page.setViewportSize({ width: 1366, height: 900 });
    await page.goto(OFFICE);
    await page.locator('body[data-ready=true]').waitFor();
    await page.locator('#plan').selectOption('117-KH/TU');
    await page.locator('#year').fill(String(new Date().getUTCFullYear() + 1));
    await page.locator('#year').dispatchEvent('change');
    await page.locator('#title').fill(`E2E sau sắp xếp ${Date.now()}`);
    await page.locator('#root-search').fill('tinh uy quang tri');
    await page.locator('#root-results li[data-code="TU"]').click();
    // The districts ended; of the district-level committees only the four Đảng ủy trực thuộc remain, one of them new.
    const districts = page.locator('#preview-levels tr[data-level="DISTRICT"] [data-units]');
    await districts.waitFor();
    assert.equal(await districts.textContent(), '4');
    await screenshot(page, 'dot-moi-xem-truoc-1366');
  });
});
