// End-to-end test of a new unit tree applied from the office page, and a campaign over it, in a real browser.
//
// Runs last against the same application (see run.sh): it changes the tree the demo serves. As Ban Dân vận (bdv),
// the way the README tells the organising board to do it: on the office page's "Cây đơn vị" tab, download the shipped
// tree of Quảng Trị in 2026, upload it, read what it changes (units added, those no longer in it, the levels), apply
// it; then start the sample plan 900-KH/TU over the new tree (which the 2019 tree refused, see office.test.mjs), its
// commune-level units in the preview; follow it on the dashboard; once the province's guidance is issued (by btc and
// btv, through the API as the other tests do), find it in the province's register. Screenshots at 1366×900 and 390×844.

import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { BASE_URL, SCREENSHOTS, launchBrowser, login, request } from './support.mjs';

const OFFICE = `${BASE_URL}/office`;
const YEAR = new Date().getUTCFullYear() + 1;
const TITLE = `E2E cây 2026 – toàn tỉnh ${Date.now()}`;
const GUIDANCE_TEXT = 'Các đảng ủy cấp xã sơ kết theo đề cương mẫu, báo cáo đúng hạn về Ban Thường vụ Tỉnh ủy.';

async function api(apiPath, { user = 'demo', ...options } = {}) {
  const response = await request(apiPath, { user, ...options });
  const text = await response.text();
  if (!response.ok) throw new Error(`${options.method ?? 'GET'} ${apiPath} as ${user}: HTTP ${response.status} ${text}`);
  return text ? JSON.parse(text) : null;
}

async function eventually(probe, { timeout = 90_000, interval = 500, what }) {
  const end = Date.now() + timeout;
  for (;;) {
    const result = await probe();
    if (result) return result;
    if (Date.now() > end) throw new Error(`Timed out after ${timeout} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, interval));
  }
}

function waitForTask(campaignId, document, taskDefinitionKey) {
  const query = new URLSearchParams({ processInstanceBusinessKey: `${campaignId}/${document}`, taskDefinitionKey });
  return eventually(async () => (await api(`/engine-rest/task?${query}&maxResults=10`))[0],
    { what: `task ${taskDefinitionKey} of ${campaignId}/${document}` });
}

let screenshotCount = 0;

async function screenshot(page, name) {
  screenshotCount += 1;
  await page.screenshot({ path: path.join(SCREENSHOTS, `tree-${String(screenshotCount).padStart(2, '0')}-${name}.png`),
    fullPage: true });
}

async function openOffice(page, hash = '') {
  await page.goto(`${OFFICE}${hash}`);
  await page.locator('body[data-ready=true]').waitFor();
}

describe('a new unit tree from the office page, and a campaign over it', () => {
  let browser;
  let page;
  let campaign;

  before(async () => {
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
    browser = await launchBrowser('rc-e2e-tree-', { viewport: { width: 1366, height: 900 } });
    ({ page } = browser);
    await login(page, 'bdv');
  });

  after(async () => {
    await browser?.close();
  });

  it('previews the shipped 2026 tree downloaded from the page, with what it changes', async () => {
    await openOffice(page, '#cay-don-vi');
    const link = page.locator('#tree-samples a', { hasText: 'quang-tri-2026.csv' });
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    const file = await download.path();
    await page.locator('#tree-file').setInputFiles({ name: 'quang-tri-2026.csv', mimeType: 'text/csv',
      buffer: fs.readFileSync(file) });
    const status = page.locator('#tree-preview [data-tree-status]');
    await status.waitFor();
    const text = await status.textContent();
    // The tree in use is the 2019 file as the 1/7/2025 transition (e2e/reorganisation.test.mjs) left it.
    assert.match(text, /Cây đang dùng có 567 đơn vị, cây mới có 899 đơn vị/, text);
    assert.match(text, /Đơn vị thêm mới: 898/, text);
    assert.match(text, /Đơn vị không còn trong cây mới \(thôi dùng cho đợt mới\): 566/, text);
    assert.match(await page.locator('#tree-preview').textContent(), /Các cấp thay đổi: .*Huyện ủy.* thành .*Đảng ủy cấp xã/);
    // The province stays itself (code TU), its report now drafted by Ban Tuyên giáo và Dân vận.
    const regrouped = page.locator('#tree-preview table[data-change="regrouped"]');
    assert.match(await regrouped.textContent(),
      /Tỉnh ủy Quảng Trị.*Ban Dân vận Tỉnh ủy.*→.*Ban Tuyên giáo và Dân vận Tỉnh ủy/);
    assert.equal(await page.locator('#tree-apply').isDisabled(), false);
    await screenshot(page, 'xem-truoc-1366');
    await page.locator('#tree-preview details summary', { hasText: 'Đơn vị đổi nhóm' }).click();
    assert.ok(await regrouped.isVisible());
    await screenshot(page, 'xem-truoc-mo-1366');
    await page.setViewportSize({ width: 390, height: 844 });
    await screenshot(page, 'xem-truoc-390');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 1, `the page scrolls sideways by ${overflow} px at 390 px`);
    await page.setViewportSize({ width: 1366, height: 900 });
  });

  it('applies it without a restart, and lists it as the version in use', async () => {
    await page.locator('#tree-apply').click();
    await page.locator('#notice', { hasText: 'Đã áp dụng cây đơn vị mới' }).waitFor();
    const first = page.locator('#tree-versions tbody tr').first();
    assert.match(await first.textContent(), /đang dùng.*quang-tri-2026\.csv.*899/);
    const units = await api('/api/units', { user: 'bdv' });
    assert.deepEqual(units.levels.map((level) => level.key), ['PROVINCE', 'COMMUNE', 'BASE']);
    await screenshot(page, 'da-ap-dung-1366');
  });

  it('starts the sample plan 900-KH/TU over the new tree from the office page', async () => {
    await openOffice(page);
    await page.locator('#plan').selectOption('900-KH/TU');
    await page.locator('#year').fill(String(YEAR));
    await page.locator('#year').dispatchEvent('change');
    await page.locator('#title').fill(TITLE);
    await page.locator('#root-search').fill('tinh uy quang tri');
    await page.locator('#root-results li[data-code="TU"]').click();
    await page.locator('#start-button:not([disabled])').waitFor();
    assert.equal(await page.locator('#preview-levels tr[data-level="COMMUNE"] [data-units]').textContent(), '82');
    await screenshot(page, 'dot-900-xem-truoc-1366');
    await page.locator('#start-button').click();
    const notice = page.locator('#notice', { hasText: 'Đã bắt đầu đợt số' });
    // Opening 83 units may take longer than a click's wait on a busy machine.
    await notice.waitFor({ timeout: 120_000 });
    campaign = Number(/đợt số (\d+)/.exec(await notice.textContent())[1]);
    const started = await api(`/api/campaigns/${campaign}`, { user: 'bdv' });
    assert.equal(started.planNumber, '900-KH/TU');
    assert.equal(started.rootUnit, 'TU');
  });

  it('follows it on the dashboard, then finds the province\'s guidance in its register', async () => {
    await page.goto(`${BASE_URL}/dashboard?campaign=${campaign}`);
    await page.locator('body[data-ready=true]').waitFor();
    assert.match(await page.locator('body').textContent(), /Đảng ủy phường Đồng Hới/);
    await screenshot(page, 'bang-theo-doi-1366');

    const draft = await waitForTask(campaign, 'TU/GUIDANCE', 'DraftDocument');
    const form = await api(`/api/tasks/${draft.id}`, { user: 'btc' });
    await api(`/api/tasks/${draft.id}/complete`, { method: 'POST', user: 'btc',
      body: { version: form.guidance.version, text: GUIDANCE_TEXT } });
    const sign = await waitForTask(campaign, 'TU/GUIDANCE', 'SignDocument');
    await api(`/api/tasks/${sign.id}/complete`, { method: 'POST', user: 'btv', body: { approved: true } });
    const written = await eventually(async () => {
      const response = await request(`/api/campaigns/${campaign}/units/TU/guidance/written`, { user: 'bdv' });
      return response.ok && response.json();
    }, { what: 'the province\'s issued guidance' });

    await page.goto(`${BASE_URL}/registers?unit=TU&campaign=${campaign}`);
    await page.locator('body[data-ready=true]').waitFor();
    const row = page.locator(`#register tbody tr[data-number="${written.number}"]`);
    await row.waitFor();
    assert.match(await row.textContent(), /Tỉnh ủy Quảng Trị/);
    await screenshot(page, 'so-van-ban-di-1366');
    await page.setViewportSize({ width: 390, height: 844 });
    await screenshot(page, 'so-van-ban-di-390');
  });
});
