// End-to-end test of the organising board's dashboard (/dashboard) in a real browser.
//
// Runs after cascade.test.mjs against the same application (see run.sh) and reads the campaigns it left: "E2E Vĩnh
// Linh", where Hồ Xá has submitted, and "E2E Cồn Cỏ", whose units are overdue; a campaign of its own over Vĩnh
// Linh stands in for either if it is missing. Checks that a visitor without a login is sent to the login form, that
// the numbers on the page are the API's, that the charts are drawn and exported, that drilling down works, and
// that a base unit's leader sees its own unit and cannot open a sibling's.

import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { BASE_URL, TASKLIST, SCREENSHOTS, launchBrowser, login, request } from './support.mjs';

const DASHBOARD = `${BASE_URL}/dashboard`;
const UNIT = 'VL-HOXA';
const UNIT_NAME = 'Đảng ủy thị trấn Hồ Xá';
const STATES = ['expected', 'onTime', 'late', 'notYet', 'overdue'];

async function api(apiPath, { user = 'bdv', ...options } = {}) {
  const response = await request(apiPath, { user, ...options });
  return { status: response.status, body: await response.json().catch(() => null) };
}

async function apiOk(apiPath, options) {
  const { status, body } = await api(apiPath, options);
  assert.equal(status, 200, `${apiPath}: HTTP ${status} ${JSON.stringify(body)}`);
  return body;
}

/** "53.356" as the page writes it in Vietnamese, back to 53356. */
const count = (text) => Number(text.replace(/\./g, '').trim());

let screenshotCount = 0;

async function screenshot(page, name) {
  screenshotCount += 1;
  await page.screenshot({ path: path.join(SCREENSHOTS, `dashboard-${String(screenshotCount).padStart(2, '0')}-${name}.png`),
    fullPage: true });
}


async function openDashboard(page, campaign, unit) {
  const query = new URLSearchParams({ campaign: String(campaign), ...(unit && { unit }) });
  await page.goto(`${DASHBOARD}?${query}`);
}

/** The page's numbers of one rates row (or of the summary when `row` is null) against the API's. */
async function assertRates(page, row, rates, what) {
  for (const field of STATES) {
    const cell = row ? row.locator(`td[data-field=${field}]`) : page.locator(`#summary [data-total=${field}]`);
    assert.equal(count(await cell.textContent()), rates[field], `${what}: ${field}`);
  }
}

describe('the organising board\'s dashboard', () => {
  let browser;
  let page;
  let vinhLinh;
  let campaigns;

  before(async () => {
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
    const all = await apiOk('/api/campaigns');
    vinhLinh = (all.find((c) => c.title === 'E2E Vĩnh Linh') ?? all.find((c) => c.title === 'E2E bảng theo dõi'))?.id;
    if (!vinhLinh) {
      const year = new Date().getUTCFullYear() + 1;
      ({ id: vinhLinh } = (await api('/api/campaigns', { user: 'demo', method: 'POST',
        body: { plan: '117-KH/TU', rootUnit: 'VL', title: 'E2E bảng theo dõi', year } })).body);
    }
    campaigns = [vinhLinh, ...all.filter((c) => c.title === 'E2E Cồn Cỏ').map((c) => c.id)];

    browser = await launchBrowser('review-cascade-dashboard-', { acceptDownloads: true });
    ({ page } = browser);
  });

  after(async () => {
    await browser?.close();
  });

  it('sends a visitor without a login to the login form and shows no data', async () => {
    await page.context().clearCookies();
    await page.goto(DASHBOARD);
    await page.locator('input[ng-model="username"]').waitFor();
    assert.ok(page.url().startsWith(TASKLIST), page.url());
    await page.goto(`${DASHBOARD}/index.html?campaign=${vinhLinh}`);
    await page.locator('input[ng-model="username"]').waitFor();
    const anonymous = await fetch(`${BASE_URL}/api/campaigns/${vinhLinh}/rates`, { headers: { 'X-Requested-With': 'XMLHttpRequest' } });
    assert.equal(anonymous.status, 401);
  });

  it('is linked from Tasklist and Cockpit', async () => {
    await login(page, 'bdv');
    await page.locator('li.review-cascade-dashboard a', { hasText: 'Bảng theo dõi' }).waitFor();
    await page.goto(`${BASE_URL}/camunda/app/cockpit/default/`);
    await page.locator('li.review-cascade-dashboard a', { hasText: 'Bảng theo dõi' }).click();
    await page.waitForURL(/\/dashboard/);
    await page.locator('body[data-ready=true]').waitFor();
  });

  it('shows the numbers of the API, per level and per unit waiting for reports, with charts drawn', async () => {
    for (const campaign of campaigns) {
      const rates = await apiOk(`/api/campaigns/${campaign}/rates?size=20`);
      await openDashboard(page, campaign);
      await page.locator('body[data-ready=true]').waitFor();
      assert.equal(await page.locator('#scope-title').textContent(), rates.scopeName);
      await assertRates(page, null, rates.total, `campaign ${campaign}, total`);
      assert.equal(await page.locator('#levels tbody tr').count(), rates.levels.length);
      for (const level of rates.levels) {
        await assertRates(page, page.locator(`#levels tr[data-level="${level.level}"]`), level.rates, `${campaign} ${level.levelName}`);
      }
      assert.equal(await page.locator('#parents tbody tr').count(), rates.parents.items.length);
      for (const parent of rates.parents.items) {
        await assertRates(page, page.locator(`#parents tr[data-unit="${parent.unitCode}"]`), parent.rates, `${campaign} ${parent.unitName}`);
      }
      for (const chart of ['chart-levels', 'chart-parents', 'chart-submissions']) {
        const canvas = page.locator(`#${chart}[data-rendered=true] canvas`);
        await canvas.waitFor();
        const width = await canvas.evaluate((element) => element.getBoundingClientRect().width);
        assert.ok(width > 1000, `${chart} is drawn across the page, not ${width} px wide`);
      }
      await screenshot(page, `campaign-${campaign}`);
    }
  });

  it('exports each chart as an image', async () => {
    await openDashboard(page, vinhLinh);
    await page.locator('body[data-ready=true]').waitFor();
    for (const chart of ['chart-levels', 'chart-parents', 'chart-submissions']) {
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.locator(`button[data-export=${chart}]`).click(),
      ]);
      const file = path.join(SCREENSHOTS, `dashboard-export-${download.suggestedFilename()}`);
      await download.saveAs(file);
      const bytes = fs.readFileSync(file);
      assert.ok(bytes.length > 1000, `${chart}: ${bytes.length} bytes`);
      assert.equal(bytes.subarray(1, 4).toString('latin1'), 'PNG');
      assert.ok(bytes.readUInt32BE(16) > 2000, `${chart}: the image is ${bytes.readUInt32BE(16)} px wide`);
    }
  });

  it('drills down from the campaign\'s root to a base unit, as the API does', async () => {
    await openDashboard(page, vinhLinh);
    await page.locator('body[data-ready=true]').waitFor();
    const root = await apiOk(`/api/campaigns/${vinhLinh}/units/VL/dashboard?size=20`);
    assert.equal(await page.locator('#node dd[data-field=status]').textContent(), root.node.statusLabel);
    assert.equal(await page.locator('#children tbody tr').count(), root.children.items.length);
    const hoXa = root.children.items.find((child) => child.unitCode === UNIT);
    assert.ok(hoXa, 'Hồ Xá is on the first page of Vĩnh Linh\'s units');
    assert.equal(await page.locator(`#children tr[data-unit="${UNIT}"] td[data-field=status]`).textContent(), hoXa.statusLabel);
    await screenshot(page, 'vinh-linh');

    await page.locator(`#children a[data-drill="${UNIT}"]`).click();
    await page.locator('#breadcrumb b[data-field=unitName]', { hasText: UNIT_NAME }).waitFor();
    const unit = await apiOk(`/api/campaigns/${vinhLinh}/units/${UNIT}/dashboard`);
    assert.equal(await page.locator('#node dd[data-field=status]').textContent(), unit.node.statusLabel);
    assert.equal(await page.locator('#node dd[data-field=deadlineWords]').textContent(), unit.node.deadlineWords);
    assert.equal(await page.locator('#node dd[data-field=documentNumber]').textContent(), unit.node.documentNumber ?? '');
    for (const line of unit.figures) {
      const own = await page.locator(`#figures tr[data-figure="${line.key}"] td[data-field=own]`).textContent();
      assert.equal(own === '' ? null : count(own), line.own ?? null, line.label);
    }
    assert.ok(page.url().includes(`unit=${UNIT}`), page.url());
    await screenshot(page, 'ho-xa');

    await page.locator('#breadcrumb a[data-drill=VL]').click();
    await page.locator('#breadcrumb b[data-field=unitName]', { hasText: 'Huyện ủy Vĩnh Linh' }).waitFor();
  });

  it('shows a base unit\'s leader its own unit and refuses a sibling\'s', async () => {
    const siblings = (await apiOk(`/api/campaigns/${vinhLinh}/units/VL/dashboard?size=20`)).children.items
      .filter((child) => child.unitCode !== UNIT);
    const sibling = siblings[0];

    await login(page, 'hoxa.kd');
    await openDashboard(page, vinhLinh);
    await page.locator('body[data-ready=true]').waitFor();
    assert.equal(await page.locator('#scope-title').textContent(), UNIT_NAME);
    const own = await apiOk(`/api/campaigns/${vinhLinh}/rates`, { user: 'hoxa.kd' });
    await assertRates(page, null, own.total, 'Hồ Xá');
    assert.equal(await page.locator('#breadcrumb a').count(), 0, 'nothing above Hồ Xá is shown');
    await screenshot(page, 'hoxa-leader');

    await openDashboard(page, vinhLinh, sibling.unitCode);
    await page.locator('#message', { hasText: `Bạn không có quyền xem tiến độ của ${sibling.unitName}` }).waitFor();
    assert.equal(await page.locator('#overview').isVisible(), false);
    await screenshot(page, 'hoxa-leader-sibling-refused');
    const refused = await api(`/api/campaigns/${vinhLinh}/units/${sibling.unitCode}/dashboard`, { user: 'hoxa.kd' });
    assert.equal(refused.status, 403);
  });
});
