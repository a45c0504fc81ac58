// End-to-end test of the organising board's office page (/office) in a real browser.
//
// Runs after the dashboard's test against the same application (see run.sh). The demo runs one unit tree, Quảng Trị
// in 2019 (review-cascade.units-file): the sample plan 900-KH/TU of the 2026 shape cannot run over it, and the page
// says so in the preview; the campaign it starts is therefore one of KH 117 over Huyện ủy Gio Linh. As Ban Dân vận
// (bdv): a visitor without a login is sent to the login form; the root unit is found by typing part of its name
// without diacritics; the preview gives the units per level and the dates, which match the API's own preview; a
// date is changed and the preview follows it; the campaign is started and listed, and the dashboard opens on it;
// another campaign is ended with a reason and shows as ended, with no task of it left in the engine; a plan file
// with an error shows it at its line, and a good one its preview; every action is in "Nhật ký thao tác". Then the
// administrator imports users and reads a result per line. Screenshots at 1366×900 and 390×844.

import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { BASE_URL, SCREENSHOTS, basicAuth, launchBrowser, login, request } from './support.mjs';

const OFFICE = `${BASE_URL}/office`;
const YEAR = new Date().getUTCFullYear() + 1;
const ROOT = { code: 'GL', name: 'Huyện ủy Gio Linh' };
const TITLE = `E2E văn phòng – Gio Linh ${Date.now()}`;

async function api(apiPath, { user = 'bdv', ...options } = {}) {
  const response = await request(apiPath, { user, ...options });
  return { status: response.status, body: await response.json().catch(() => null) };
}

let screenshotCount = 0;

async function screenshot(page, name) {
  screenshotCount += 1;
  await page.screenshot({ path: path.join(SCREENSHOTS, `office-${String(screenshotCount).padStart(2, '0')}-${name}.png`),
    fullPage: true });
}

/** The page has loaded its session, plans, units, campaigns and audit. */
async function openOffice(page, hash = '') {
  await page.goto(`${OFFICE}${hash}`);
  await page.locator('body[data-ready=true]').waitFor();
}

async function chooseRoot(page, typed, name) {
  await page.locator('#root-search').fill(typed);
  await page.locator('#root-results li[data-code]', { hasText: name }).first().click();
  await page.locator('#root-chosen-name', { hasText: name }).waitFor();
}

async function previewReady(page) {
  await page.locator('#start-button:not([disabled])').waitFor();
}

describe('the organising board\'s office page', () => {
  let browser;
  let page;
  let toEnd;

  before(async () => {
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
    // A campaign to end: one of its own, over Huyện ủy Cồn Cỏ (small), started through the API.
    const started = await api('/api/campaigns', { method: 'POST',
      body: { plan: '117-KH/TU', rootUnit: 'CC', year: YEAR, title: `E2E sẽ kết thúc ${Date.now()}` } });
    assert.equal(started.status, 201, JSON.stringify(started.body));
    toEnd = started.body.id;
    browser = await launchBrowser('review-cascade-office-', { viewport: { width: 1366, height: 900 } });
    ({ page } = browser);
  });

  after(async () => {
    await browser?.close();
  });

  it('sends a visitor without a login to the login form', async () => {
    await page.context().clearCookies();
    await page.goto(OFFICE);
    await page.locator('input[ng-model="username"]').waitFor();
    assert.match(page.url(), /\/camunda\/app\/tasklist\//);
  });

  it('is linked from Tasklist\'s header and from the dashboard', async () => {
    await login(page, 'bdv');
    const header = page.locator('li.review-cascade-office a[href="/office"]');
    await header.waitFor();
    assert.equal(await header.textContent(), 'Văn phòng đợt báo cáo');
    await page.goto(`${BASE_URL}/dashboard`);
    await page.locator('header a[href="/office"]').click();
    await page.locator('body[data-ready=true]').waitFor();
    assert.equal(await page.locator('h1').textContent(), 'Văn phòng đợt báo cáo');
  });

  it('says in the preview that the sample plan of 2026 does not run over the demo\'s tree', async () => {
    await openOffice(page);
    await page.locator('#plan').selectOption('900-KH/TU');
    await chooseRoot(page, 'tinh uy quang tri', 'Tỉnh ủy Quảng Trị');
    const error = page.locator('#start-errors li').first();
    await error.waitFor();
    assert.match(await error.textContent(), /không chạy được trên cây này/);
    assert.equal(await page.locator('#start-button').isDisabled(), true);
  });

  it('previews a campaign with the units per level and the dates, then starts it', async () => {
    await openOffice(page);
    await page.locator('#plan').selectOption('117-KH/TU');
    await page.locator('#year').fill(String(YEAR));
    await page.locator('#year').dispatchEvent('change');
    await page.locator('#title').fill(TITLE);
    await chooseRoot(page, 'gio linh', ROOT.name);
    await previewReady(page);

    const expected = (await api('/api/campaigns/preview', { method: 'POST',
      body: { plan: '117-KH/TU', rootUnit: ROOT.code, year: YEAR, title: TITLE } })).body;
    assert.equal(await page.locator('#preview-summary [data-total-units]').textContent(), String(expected.totalUnits));
    for (const level of expected.levels) {
      const row = page.locator(`#preview-levels tr[data-level="${level.level}"]`);
      assert.equal(await row.locator('[data-units]').textContent(), String(level.units), level.level);
      for (const deadline of level.deadlines) {
        const [y, m, d] = deadline.date.split('-');
        assert.equal(await row.locator(`input[data-kind="${deadline.kind}"]`).inputValue(), `${d}/${m}/${y}`,
          `${level.level} ${deadline.kind}`);
      }
    }
    await screenshot(page, 'xem-truoc-1366');

    // The base units' report a week earlier: the preview is computed again with it.
    const base = page.locator('#preview-levels tr[data-level="BASE"] input[data-kind="report"]');
    await base.fill(`23/9/${YEAR}`);
    await base.dispatchEvent('change');
    await page.locator('#preview-levels tr[data-level="BASE"] small', { hasText: `23/09/${YEAR}` }).waitFor();
    await previewReady(page);

    await page.locator('#start-button').click();
    const notice = page.locator('#notice', { hasText: 'Đã bắt đầu đợt số' });
    await notice.waitFor();
    const id = Number(/đợt số (\d+)/.exec(await notice.textContent())[1]);
    const campaign = (await api(`/api/campaigns/${id}`)).body;
    assert.equal(campaign.title, TITLE);
    assert.equal(campaign.rootUnit, ROOT.code);
    assert.equal(campaign.deadlines.BASE.report, `${YEAR}-09-23T16:59:59Z`);
    const row = page.locator(`#campaigns tr[data-campaign="${id}"]`);
    // Its units open in the background, the row saying how far ("Đang mở các đơn vị: 12/581"); the page refreshes
    // itself until every unit's review has opened.
    assert.match(await row.textContent(), /Đang mở các đơn vị|Đang chạy/);
    await row.locator('[data-status]', { hasText: 'Đang chạy' }).waitFor({ timeout: 60000 });
    await screenshot(page, 'da-bat-dau-1366');

    await row.locator('a', { hasText: 'Bảng theo dõi' }).click();
    await page.waitForURL(new RegExp(`/dashboard\\?campaign=${id}`));
  });

  it('shows the sent log of the demo\'s short campaign, its mails and who could not be told', async () => {
    await openOffice(page);
    const log = (await api('/api/campaigns/2/mails?page=0&size=50')).body;
    await page.locator('#campaigns tr[data-campaign="2"] button[data-mails]').click();
    await page.locator('#mails-dialog[open]').waitFor();
    assert.match(await page.locator('#mails-title').textContent(), new RegExp(`đợt số 2 \\(${log.total} thư\\)`));
    assert.equal(await page.locator('#mails tbody tr[data-mail]').count(), Math.min(50, log.total));
    if (log.items.length) {
      const first = page.locator(`#mails tr[data-mail="${log.items[0].id}"]`);
      assert.match(await first.textContent(), new RegExp(log.items[0].kindLabel));
    }
    await screenshot(page, 'thu-da-gui-1366');
    await page.locator('#mails-close').click();
  });

  it('ends another campaign with a reason, which shows as ended and leaves no task', async () => {
    await openOffice(page);
    const row = page.locator(`#campaigns tr[data-campaign="${toEnd}"]`);
    await row.locator('button[data-end]').click();
    await page.locator('#end-dialog[open]').waitFor();
    await page.locator('#end-confirm').click();
    await page.locator('#end-errors li', { hasText: 'Phải ghi lý do' }).waitFor();
    await page.locator('#end-reason').fill('Mở nhầm đơn vị; thay bằng đợt của cả tỉnh.');
    await screenshot(page, 'ket-thuc-1366');
    await page.locator('#end-confirm').click();
    await page.locator('#notice', { hasText: `Đã kết thúc đợt số ${toEnd}` }).waitFor();
    await row.locator('[data-status]', { hasText: 'Đã kết thúc' }).waitFor();
    assert.match(await row.textContent(), /Mở nhầm đơn vị; thay bằng đợt của cả tỉnh\./);
    assert.equal(await row.locator('button[data-end]').count(), 0);

    const ended = (await api(`/api/campaigns/${toEnd}`)).body;
    assert.equal(ended.ended.reason, 'Mở nhầm đơn vị; thay bằng đợt của cả tỉnh.');
    assert.equal(ended.ended.endedBy, 'bdv');
    const tasks = await request(`/engine-rest/task/count?processInstanceBusinessKeyLike=${toEnd}/%25`, { user: 'demo' });
    assert.equal((await tasks.json()).count, 0);
    // Mails already queued still go out; nothing else of the campaign runs.
    const instances = await request(`/engine-rest/process-instance/count?businessKeyLike=${toEnd}/%25`
      + '&processDefinitionKeyNotIn=mailDelivery', { user: 'demo' });
    assert.equal((await instances.json()).count, 0);
  });

  it('shows a plan file\'s error at its line, and a good file\'s preview', async () => {
    await openOffice(page, '#ke-hoach');
    const good = await (await fetch(`${BASE_URL}/api/plans/file?number=117-KH/TU&version=1`,
      { headers: { Authorization: basicAuth('bdv') } })).text();
    const lines = good.split('\n');
    const at = lines.findIndex((line) => line.includes('partOf:'));
    lines[at] = lines[at].replace(/partOf: \w+/, 'partOf: khongCo');
    await page.locator('#plan-file').setInputFiles({ name: 'ke-hoach-loi.yaml', mimeType: 'application/yaml',
      buffer: Buffer.from(lines.join('\n')) });
    const error = page.locator('#plan-errors li', { hasText: `Dòng ${at + 1}:` });
    await error.waitFor();
    assert.match(await page.locator(`#plan-source-${at + 1}`).getAttribute('class'), /bad/);
    await screenshot(page, 'ke-hoach-loi-1366');

    await page.locator('#plan-file').setInputFiles({ name: 'ke-hoach.yaml', mimeType: 'application/yaml',
      buffer: Buffer.from(good) });
    await page.locator('#plan-preview [data-plan-status]', { hasText: 'đã được đăng ký' }).waitFor();
    assert.match(await page.locator('#plan-preview').textContent(), /Đề cương báo cáo/);
    assert.equal(await page.locator('#plan-register').isDisabled(), true);
  });

  it('lists every action in the audit record', async () => {
    await openOffice(page, '#nhat-ky');
    const rows = page.locator('#audit tbody tr');
    await rows.first().waitFor();
    const text = await page.locator('#audit').textContent();
    assert.match(text, new RegExp(`Kết thúc đợt.*Đợt số ${toEnd}`, 's'));
    assert.match(text, /Bắt đầu đợt/);
    await screenshot(page, 'nhat-ky-1366');
  });

  it('imports users with a result per line, as the administrator', async () => {
    await login(page, 'demo');
    await openOffice(page, '#nguoi-dung');
    const csv = 'email,full_name,unit,role\n'
      + `e2e.${Date.now()}@giolinh.test,Nguyễn Thị Thử,GL,DRAFTER\n`
      + 'sai-dia-chi,Trần Văn Sai,GL,REVIEWER\n';
    await page.locator('#users-file').setInputFiles({ name: 'nguoi-dung.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.locator('#users-import:not([disabled])').click();
    await page.locator('#users-result:not([hidden]) tbody tr').nth(1).waitFor();
    assert.match(await page.locator('#users-result tbody tr').nth(0).textContent(), /^2Đã nhập/);
    assert.match(await page.locator('#users-result tbody tr').nth(1).textContent(), /^3Từ chối: .*sai-dia-chi/);
    await screenshot(page, 'nguoi-dung-1366');
  });

  it('is usable at 390 px', async () => {
    await login(page, 'bdv');
    await page.setViewportSize({ width: 390, height: 844 });
    await openOffice(page);
    await chooseRoot(page, 'con co', 'Huyện ủy Cồn Cỏ');
    await previewReady(page);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `the page is ${overflow} px wider than the screen`);
    await screenshot(page, 'xem-truoc-390');
    await openOffice(page, '#ke-hoach');
    await screenshot(page, 'ke-hoach-390');
  });
});
