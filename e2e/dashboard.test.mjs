// End-to-end test of the organising board's dashboard (/dashboard) in a real browser.
//
// Runs after cascade.test.mjs against the same application (see run.sh) and reads the campaigns it left: "E2E Vĩnh
// Linh", where Hồ Xá has submitted, and "E2E Cồn Cỏ", whose units are overdue; a campaign of its own over Vĩnh
// Linh stands in for either if it is missing. Checks that a visitor without a login is sent to the login form, that
// the numbers on the page are the API's, that the charts are drawn and exported, that drilling down works and moves
// the rates to the unit's subtree (the address keeping the view), that a campaign ended early says so, that dates
// are written the Vietnamese way, that the page fits a phone (390×844) and that a base unit's leader sees its own
// unit and cannot open a sibling's.

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

const DESKTOP = { width: 1366, height: 900 };
const PHONE = { width: 390, height: 844 };

/** The rates of the page, summary and levels, against the API's for the unit's subtree. */
async function assertScope(page, campaign, unit, unitName) {
  await page.locator('#scope-title', { hasText: unitName }).waitFor();
  await page.locator('body[data-ready=true]').waitFor();
  const rates = await apiOk(`/api/campaigns/${campaign}/rates?unit=${unit}&size=20`);
  assert.equal(rates.scopeName, unitName);
  await page.waitForFunction((expected) => document.querySelector('#summary [data-total=expected]')?.textContent
    .replace(/\./g, '') === String(expected), rates.total.expected);
  await assertRates(page, null, rates.total, `${unitName}, total`);
  assert.equal(await page.locator('#levels tbody tr').count(), rates.levels.length, `${unitName}: levels`);
  for (const level of rates.levels) {
    await assertRates(page, page.locator(`#levels tr[data-level="${level.level}"]`), level.rates, `${unitName} ${level.levelName}`);
  }
  return rates;
}

/**
 * What a phone shows must fit it: no sideways scrolling of the page, a header whose parts do not overlap, each table
 * either in a box of its own that scrolls or laid out as cards, charts within the screen.
 */
async function assertFitsThePhone(page, what) {
  const layout = await page.evaluate(() => {
    const box = (element) => element.getBoundingClientRect().toJSON();
    const visible = (element) => element.getClientRects().length > 0;
    return {
      scrollWidth: document.scrollingElement.scrollWidth,
      innerWidth: window.innerWidth,
      header: ['.bar h1', '.bar .pick', '.bar .links'].map((selector) => box(document.querySelector(selector))),
      links: [...document.querySelectorAll('.bar .links a')].map(box),
      tables: [...document.querySelectorAll('table.grid')].filter(visible).map((table) => {
        const scroller = table.closest('.scroll');
        return {
          id: table.id,
          display: getComputedStyle(table).display,
          scrolls: scroller ? getComputedStyle(scroller).overflowX : null,
          box: box(scroller ?? table),
        };
      }),
      charts: [...document.querySelectorAll('.chart canvas')].filter(visible).map((canvas) => box(canvas)),
    };
  });
  assert.ok(layout.scrollWidth <= layout.innerWidth, `${what}: the page is ${layout.scrollWidth} px wide on a ${layout.innerWidth} px screen`);
  const overlap = (a, b) => a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1;
  const parts = [...layout.header, ...layout.links];
  for (let i = 0; i < layout.header.length; i++) {
    const part = layout.header[i];
    assert.ok(part.left >= 0 && part.right <= layout.innerWidth, `${what}: header part ${i} leaves the screen: ${JSON.stringify(part)}`);
    for (let j = i + 1; j < layout.header.length; j++) {
      assert.ok(!overlap(part, layout.header[j]), `${what}: header parts ${i} and ${j} overlap`);
    }
  }
  for (let i = 0; i < layout.links.length; i++) {
    for (let j = i + 1; j < layout.links.length; j++) {
      assert.ok(!overlap(layout.links[i], layout.links[j]), `${what}: header links ${i} and ${j} overlap`);
    }
  }
  assert.ok(parts.length > 3);
  assert.ok(layout.tables.length > 0, `${what}: tables shown`);
  for (const table of layout.tables) {
    assert.ok(table.display === 'block' || table.scrolls === 'auto',
      `${what}: table ${table.id} neither scrolls in its box nor is shown as cards`);
    assert.ok(table.box.right <= layout.innerWidth + 0.5, `${what}: table ${table.id}'s box leaves the screen`);
  }
  for (const chart of layout.charts) {
    assert.ok(chart.right <= layout.innerWidth + 0.5 && chart.width > 300, `${what}: a chart is ${chart.width} px wide`);
  }
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
    // Cockpit draws its header once its plugins and the session have loaded: the login's own allowance, and what the
    // page showed if it never came (a busy machine once took longer than the default 20 s).
    const errors = [];
    const onError = (error) => errors.push(error.message);
    page.on('pageerror', onError);
    try {
      await page.goto(`${BASE_URL}/camunda/app/cockpit/default/`);
      await page.locator('li.account a.dropdown-toggle').waitFor({ timeout: 30_000 });
    } catch (error) {
      const shown = (await page.locator('body').innerText().catch(() => '')).replace(/\s+/g, ' ').slice(0, 400);
      throw new Error(`${error.message}\nCockpit at ${page.url()} showed: ${shown}\nScript errors: ${errors.join(' | ')}`);
    } finally {
      page.off('pageerror', onError);
    }
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

  it('moves the rates to the unit opened, says the scope, keeps it in the address and goes back to the whole campaign', async () => {
    await page.setViewportSize(DESKTOP);
    await openDashboard(page, vinhLinh);
    await assertScope(page, vinhLinh, 'VL', 'Huyện ủy Vĩnh Linh');
    assert.match(await page.locator('#scope-words').textContent(), /^Toàn đợt/);
    assert.equal(await page.locator('#scope-home').isVisible(), false, 'no way back from the whole campaign');

    // From the unit's list at the bottom: the rates above change to Hồ Xá's subtree.
    await page.locator(`#children a[data-drill="${UNIT}"]`).click();
    const hoXa = await assertScope(page, vinhLinh, UNIT, UNIT_NAME);
    assert.equal(hoXa.scopeUnit, UNIT);
    await page.locator('#breadcrumb b[data-field=unitName]', { hasText: UNIT_NAME }).waitFor();
    assert.match(await page.locator('#scope-words').textContent(), /Đơn vị này và các đơn vị cấp dưới|Chỉ riêng đơn vị này/);
    assert.equal(await page.locator('#scope-home').textContent(), '← Xem toàn đợt');
    assert.equal(new URL(page.url()).searchParams.get('unit'), UNIT);
    assert.equal(new URL(page.url()).searchParams.get('campaign'), String(vinhLinh));
    await screenshot(page, 'scope-ho-xa-1366');

    // The address opens the same view, as the Cockpit plugin's links do.
    await page.reload();
    await assertScope(page, vinhLinh, UNIT, UNIT_NAME);
    await page.locator('#scope-home').waitFor();

    // Back to the whole campaign by the scope's link, and to Hồ Xá again by the browser's back.
    await page.locator('#scope-home').click();
    await assertScope(page, vinhLinh, 'VL', 'Huyện ủy Vĩnh Linh');
    assert.equal(new URL(page.url()).searchParams.get('unit'), null);
    await page.locator('#scope-home').waitFor({ state: 'hidden' });
    await page.goBack();
    await assertScope(page, vinhLinh, UNIT, UNIT_NAME);

    // A unit waiting for reports, opened from the rates' own table, narrows them too.
    await openDashboard(page, vinhLinh);
    await page.locator('body[data-ready=true]').waitFor();
    const parents = (await apiOk(`/api/campaigns/${vinhLinh}/rates?size=20`)).parents.items;
    const parent = parents.find((p) => p.unitCode !== 'VL');
    if (parent) {
      await page.locator(`#parents a[data-drill="${parent.unitCode}"]`).click();
      await assertScope(page, vinhLinh, parent.unitCode, parent.unitName);
      assert.equal(await page.locator('#breadcrumb b[data-field=unitName]').textContent(), parent.unitName);
    }
  });

  it('writes every date the Vietnamese way, the submissions\' axis as dd/MM', async () => {
    await page.setViewportSize(DESKTOP);
    await openDashboard(page, vinhLinh);
    await page.locator('#chart-submissions[data-rendered=true] canvas').waitFor();
    const labels = await page.evaluate(() => {
      const option = echarts.getInstanceByDom(document.getElementById('chart-submissions')).getOption();
      const format = option.xAxis[0].axisLabel.formatter;
      return [Date.UTC(2027, 1, 1, 3), Date.UTC(2027, 11, 24, 3)].map((value) => format(value));
    });
    assert.deepEqual(labels, ['01/02', '24/12']);
    const text = await page.locator('main').innerText();
    assert.doesNotMatch(text, /\b\d{4}-\d{2}-\d{2}|\b\d{2}-\d{2}\b|T\d{2}:\d{2}/, 'no ISO or dashed dates');
    const dates = text.match(/\b\d{2}\/\d{2}\/\d{4}\b/g) ?? [];
    assert.ok(dates.length > 0, 'deadlines are shown as dd/MM/yyyy');
  });

  it('marks a campaign ended early in the selector and says when and why on its page', async () => {
    const year = new Date().getUTCFullYear() + 1;
    const started = await api('/api/campaigns', { user: 'demo', method: 'POST',
      body: { plan: '117-KH/TU', rootUnit: 'VL', title: 'E2E đợt kết thúc sớm', year } });
    assert.equal(started.status, 201, JSON.stringify(started.body));
    const ended = started.body.id;
    const reason = 'Kế hoạch được thay thế; thử kết thúc sớm.';
    const end = await api(`/api/campaigns/${ended}/end`, { user: 'demo', method: 'POST', body: { reason } });
    assert.equal(end.status, 200, JSON.stringify(end.body));

    await page.setViewportSize(DESKTOP);
    await openDashboard(page, ended);
    await page.locator('body[data-ready=true]').waitFor();
    assert.match(await page.locator(`#campaign option[value="${ended}"]`).textContent(), /E2E đợt kết thúc sớm \(đã kết thúc\)$/);
    assert.doesNotMatch(await page.locator(`#campaign option[value="${vinhLinh}"]`).textContent(), /đã kết thúc/);
    const note = await page.locator('#ended').textContent();
    assert.ok(note.includes(`Lý do: ${reason}`), note);
    assert.match(note, /kết thúc sớm lúc \d{2}:\d{2} \d{2}\/\d{2}\/\d{4}/);
    assert.equal(await page.locator('#node dd[data-field=status]').textContent(), 'Dừng do đợt đã kết thúc');
    const statuses = await page.locator('#children td[data-field=status]').allTextContents();
    assert.ok(statuses.length > 0 && statuses.every((status) => status === 'Dừng do đợt đã kết thúc'), statuses.join());
    await screenshot(page, 'ended-1366');

    // Another campaign chosen: the note goes.
    await page.locator('#campaign').selectOption(String(vinhLinh));
    await page.locator('#ended').waitFor({ state: 'hidden' });
    await page.locator('#scope-title', { hasText: 'Huyện ủy Vĩnh Linh' }).waitFor();
    assert.equal(new URL(page.url()).searchParams.get('campaign'), String(vinhLinh));

    await page.setViewportSize(PHONE);
    await openDashboard(page, ended);
    await page.locator('body[data-ready=true]').waitFor();
    await assertFitsThePhone(page, 'ended campaign');
    await screenshot(page, 'ended-390');
    await page.setViewportSize(DESKTOP);
  });

  it('fits a phone of 390 px: no sideways page, a header that wraps, tables in their own box or as cards', async () => {
    await page.setViewportSize(PHONE);
    try {
      for (const campaign of campaigns) {
        await openDashboard(page, campaign);
        await page.locator('body[data-ready=true]').waitFor();
        await page.locator('#chart-submissions[data-rendered=true] canvas').waitFor();
        await assertFitsThePhone(page, `campaign ${campaign}`);
        await screenshot(page, `campaign-${campaign}-390`);
      }
      await openDashboard(page, vinhLinh);
      await page.locator('body[data-ready=true]').waitFor();
      // The subordinates are cards, each value under its heading.
      assert.equal(await page.locator('#children').evaluate((table) => getComputedStyle(table).display), 'block');
      assert.equal(await page.locator('#children thead').isVisible(), false);
      await page.locator(`#children a[data-drill="${UNIT}"]`).click();
      await assertScope(page, vinhLinh, UNIT, UNIT_NAME);
      await page.locator('#breadcrumb b[data-field=unitName]', { hasText: UNIT_NAME }).waitFor();
      assert.ok(await page.locator('#scope').evaluate((scope) => scope.getBoundingClientRect().top >= -1
        && scope.getBoundingClientRect().top < window.innerHeight), 'the scope\'s line is in sight after opening a unit');
      await assertFitsThePhone(page, 'Hồ Xá');
      await screenshot(page, 'ho-xa-390');
    } finally {
      await page.setViewportSize(DESKTOP);
    }
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
    assert.equal(await page.locator('#scope-home').isVisible(), false, 'Hồ Xá is the leader\'s whole view');
    await screenshot(page, 'hoxa-leader');

    await openDashboard(page, vinhLinh, sibling.unitCode);
    await page.locator('#message', { hasText: `Bạn không có quyền xem tiến độ của ${sibling.unitName}` }).waitFor();
    assert.equal(await page.locator('#overview').isVisible(), false);
    await screenshot(page, 'hoxa-leader-sibling-refused');
    const refused = await api(`/api/campaigns/${vinhLinh}/units/${sibling.unitCode}/dashboard`, { user: 'hoxa.kd' });
    assert.equal(refused.status, 403);
  });
});
