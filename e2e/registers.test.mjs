// End-to-end test of the document registers (/registers) in a real browser.
//
// Runs after the office page's test against the same application (see run.sh), on a campaign of its own over Huyện ủy
// Vĩnh Linh, worked through the API: Vĩnh Linh issues its guidance, Đảng ủy thị trấn Hồ Xá its report (with a phrase
// only it holds). Then in the browser: Hồ Xá's leader (hoxa.kd) opens the registers from a fresh login and lands on
// Hồ Xá's register of documents issued, with the report's number, signer and signature in words; checks the signature
// now; is refused, in Vietnamese, when uploading the issued PDF unchanged as if signed with a token; finds Vĩnh Linh's
// guidance among the documents received, by its text. Vĩnh Linh's reviewer (vinhlinh.td) reads the reports received
// from below, finds Hồ Xá's by its number, opens Hồ Xá's register through the unit picker, and is refused Cồn Cỏ's.
// Ban Dân vận follows the link from the dashboard's unit view. Screenshots at 1366×900 and 390×844.

import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { BASE_URL, SCREENSHOTS, basicAuth, launchBrowser, login, request } from './support.mjs';

const REGISTERS = `${BASE_URL}/registers`;
const UNIT = 'VL-HOXA';
const UNIT_NAME = 'Đảng ủy thị trấn Hồ Xá';
const TITLE = `E2E sổ văn bản – Vĩnh Linh ${Date.now()}`;
const PHRASE = 'mô hình dân vận khéo ở khu phố Bến Hải';
const GUIDANCE_TEXT = 'Các đảng ủy cơ sở báo cáo sơ kết theo đề cương, chú trọng công tác phát triển đảng viên.';

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
  await page.screenshot({ path: path.join(SCREENSHOTS, `registers-${String(screenshotCount).padStart(2, '0')}-${name}.png`),
    fullPage: true });
}

async function ready(page) {
  await page.locator('body[data-ready=true]').waitFor();
}

async function openRegisters(page, query = '') {
  await page.goto(`${REGISTERS}${query}`);
  await ready(page);
}

async function search(page, text) {
  await page.locator('#q').fill(text);
  await page.locator('#filter button[type=submit]').click();
  await ready(page);
}

describe('the document registers', () => {
  let browser;
  let page;
  let campaign;
  let reportNumber;
  let guidanceNumber;

  before(async () => {
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
    const year = new Date().getUTCFullYear() + 1;
    ({ id: campaign } = await api('/api/campaigns', { method: 'POST', user: 'bdv',
      body: { plan: '117-KH/TU', rootUnit: 'VL', title: TITLE, year } }));

    const guidance = await waitForTask(campaign, 'VL/GUIDANCE', 'DraftDocument');
    const guidanceForm = await api(`/api/tasks/${guidance.id}`, { user: 'vinhlinh.dt' });
    await api(`/api/tasks/${guidance.id}/complete`, { method: 'POST', user: 'vinhlinh.dt',
      body: { version: guidanceForm.guidance.version, text: GUIDANCE_TEXT } });
    const guidanceSign = await waitForTask(campaign, 'VL/GUIDANCE', 'SignDocument');
    await api(`/api/tasks/${guidanceSign.id}/complete`, { method: 'POST', user: 'vinhlinh.kd', body: { approved: true } });

    const draft = await waitForTask(campaign, `${UNIT}/REPORT`, 'DraftDocument');
    const form = await api(`/api/tasks/${draft.id}`, { user: 'hoxa.dt' });
    const sections = Object.fromEntries(form.structure.sections.map((section) =>
      [section.key, `Mục ${section.number}: Đảng ủy thị trấn Hồ Xá đã triển khai đầy đủ.`]));
    sections[form.structure.sections[0].key] = `Đảng ủy đã nhân rộng ${PHRASE} trong toàn đảng bộ.`;
    const figures = Object.fromEntries(form.structure.indicators.map((indicator) => [indicator.key, 0]));
    await api(`/api/tasks/${draft.id}/complete`, { method: 'POST', user: 'hoxa.dt',
      body: { version: form.report.version, sections, figures } });
    const review = await waitForTask(campaign, `${UNIT}/REPORT`, 'ReviewDraft');
    await api(`/api/tasks/${review.id}/complete`, { method: 'POST', user: 'hoxa.td', body: { approved: true } });
    const signOff = await waitForTask(campaign, `${UNIT}/REPORT`, 'SignDocument');
    await api(`/api/tasks/${signOff.id}/complete`, { method: 'POST', user: 'hoxa.kd', body: { approved: true } });
    const written = await eventually(async () => {
      const response = await request(`/api/campaigns/${campaign}/units/${UNIT}/report/written`);
      return response.ok && response.json();
    }, { what: 'the issued report of Hồ Xá' });
    reportNumber = written.number;
    guidanceNumber = (await api(`/api/campaigns/${campaign}/units/VL/guidance/written`)).number;

    browser = await launchBrowser('rc-e2e-registers-', { viewport: { width: 1366, height: 900 } });
    page = browser.page;
  });

  after(async () => {
    await browser?.close();
  });

  it('sends a visitor without a login to the login form', async () => {
    const response = await fetch(REGISTERS, { redirect: 'manual' });
    assert.equal(response.status, 302);
    assert.match(response.headers.get('location'), /\/camunda\/app\/tasklist\/default\/$/);
  });

  it('opens on the leader\'s own unit with the issued report, its signer and its signature in words', async () => {
    await login(page, 'hoxa.kd');
    await openRegisters(page);
    assert.equal(await page.locator('#unit-name').textContent(), UNIT_NAME);
    assert.equal(await page.locator('#tabs a.active').textContent(), 'Sổ văn bản đi');
    await page.locator('#campaign').selectOption(String(campaign));
    await ready(page);
    assert.match(page.url(), new RegExp(`campaign=${campaign}`));
    const row = page.locator('#register tbody tr');
    assert.equal(await row.count(), 1);
    assert.equal(await row.getAttribute('data-number'), reportNumber);
    const text = await row.textContent();
    assert.ok(text.includes(`Báo cáo ${TITLE}`), text);
    assert.ok(text.includes(UNIT_NAME), text);
    assert.match(await row.locator('td.signature .status').textContent(), /^Đã ký số/);
    assert.equal(await row.locator('a.pdf').getAttribute('href'),
      `/api/campaigns/${campaign}/units/${UNIT}/report/written.pdf`);
    await screenshot(page, 'outgoing-1366');

    await row.locator('button[data-check]').click();
    const result = row.locator('.check');
    await result.locator('dl').waitFor();
    assert.match(await result.textContent(), /Chữ ký số hợp lệ|Chữ ký nguyên vẹn/);
    assert.ok((await result.textContent()).includes(UNIT_NAME));
  });

  it('refuses, in Vietnamese and inside the form, the issued PDF uploaded unchanged as if signed with a token', async () => {
    const pdf = Buffer.from(await (await fetch(`${BASE_URL}/api/campaigns/${campaign}/units/${UNIT}/report/written.pdf`,
      { headers: { Authorization: basicAuth('hoxa.kd') } })).arrayBuffer());
    const file = path.join(SCREENSHOTS, 'registers-unchanged.pdf');
    fs.writeFileSync(file, pdf);
    await page.locator('#register tbody tr button[data-upload]').click();
    await page.locator('#upload-dialog[open]').waitFor();
    assert.ok((await page.locator('#upload-what').textContent()).includes(reportNumber));
    await page.locator('#upload-file').setInputFiles(file);
    assert.match(await page.locator('#upload-file-name').textContent(), /registers-unchanged\.pdf/);
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/report/written.pdf') && r.request().method() === 'PUT'),
      page.locator('#upload-confirm').click(),
    ]);
    assert.equal(response.status(), 400);
    await page.locator('#upload-errors:not([hidden]) li').first().waitFor();
    const refusal = await page.locator('#upload-errors').textContent();
    assert.ok(refusal.includes(`Tệp tải lên chính là văn bản số ${reportNumber} đã ban hành`), refusal);
    await screenshot(page, 'upload-refused-1366');
    await page.locator('#upload-cancel').click();
    // Nothing changed: still the system's signature.
    const written = await api(`/api/campaigns/${campaign}/units/${UNIT}/report/written`);
    assert.equal(written.signedElsewhere, false);
  });

  it('lists the district\'s guidance among the documents received, found by its text', async () => {
    await page.locator('#tabs a[data-direction=incoming]').click();
    await ready(page);
    await search(page, 'PHÁT TRIỂN ĐẢNG VIÊN');
    const rows = page.locator('#register tbody tr');
    assert.equal(await rows.count(), 1);
    assert.equal(await rows.first().getAttribute('data-number'), guidanceNumber);
    assert.equal(await rows.first().getAttribute('data-issuer'), 'VL');
    assert.ok((await rows.first().textContent()).includes('Hướng dẫn của cấp trên'));
    assert.equal(await rows.first().locator('button[data-upload]').count(), 0, 'no upload on a document received');
    assert.match(page.url(), /direction=incoming/);
    await screenshot(page, 'incoming-1366');
  });

  it('gives the district\'s reviewer the reports received from below, searchable by number and text', async () => {
    await login(page, 'vinhlinh.td');
    await openRegisters(page, `?unit=VL&direction=incoming&campaign=${campaign}`);
    assert.equal(await page.locator('#unit-name').textContent(), 'Huyện ủy Vĩnh Linh');
    await search(page, reportNumber);
    assert.ok(await page.locator(`#register tbody tr[data-issuer="${UNIT}"]`).count() >= 1);
    await search(page, PHRASE.toUpperCase());
    const rows = page.locator('#register tbody tr');
    assert.equal(await rows.count(), 1);
    assert.equal(await rows.first().getAttribute('data-issuer'), UNIT);
    assert.ok((await rows.first().textContent()).includes('Báo cáo của cấp dưới'));
    assert.equal(await page.locator('#total').textContent(), '1');

    // Hồ Xá's own register, through the unit picker, typed in lower case.
    await page.locator('#unit-change').click();
    await page.locator('#unit-search').fill('hồ xá');
    await page.locator('#unit-results li[data-code]', { hasText: UNIT_NAME }).first().click();
    await ready(page);
    assert.equal(await page.locator('#unit-name').textContent(), UNIT_NAME);
    assert.match(page.url(), new RegExp(`unit=${UNIT}`));

    // A sibling district's register: refused, in words.
    await openRegisters(page, '?unit=CC');
    assert.match(await page.locator('#message').textContent(), /^Bạn không có quyền xem sổ văn bản của Huyện ủy Cồn Cỏ/);
  });

  it('is reached from the dashboard\'s unit view', async () => {
    await login(page, 'bdv');
    await page.goto(`${BASE_URL}/dashboard?campaign=${campaign}&unit=${UNIT}`);
    const link = page.locator('#register-link');
    await eventually(async () => (await link.getAttribute('href')).includes(`unit=${UNIT}`),
      { what: 'the register link of the unit view', timeout: 20_000 });
    await link.click();
    await page.waitForURL(/\/registers\?/);
    await ready(page);
    assert.equal(await page.locator('#unit-name').textContent(), UNIT_NAME);
    assert.equal(await page.locator('#campaign').inputValue(), String(campaign));
    assert.equal(await page.locator(`#register tbody tr[data-number="${reportNumber}"]`).count(), 1);
  });

  it('is usable at 390 px: cards, no horizontal scrolling', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await openRegisters(page, `?unit=${UNIT}&campaign=${campaign}`);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `the page scrolls sideways by ${overflow} px`);
    assert.equal(await page.locator('#register thead').isVisible(), false, 'the table shows as cards');
    await screenshot(page, 'outgoing-390');
    await page.locator('#tabs a[data-direction=incoming]').click();
    await ready(page);
    await screenshot(page, 'incoming-390');
    await page.locator('#unit-change').click();
    await page.locator('#unit-results li').first().waitFor();
    await screenshot(page, 'picker-390');
    await page.setViewportSize({ width: 1366, height: 900 });
  });
});
