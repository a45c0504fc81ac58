// End-to-end test of the review cascade in a real browser (Camunda Tasklist and Cockpit).
//
// Expects the application on BASE_URL, started with the demo profile on a fresh database (see run.sh).
// Two campaigns are started through the REST API: one for Huyện ủy Vĩnh Linh whose guidance deadline has
// passed, so Đảng ủy thị trấn Hồ Xá drafts at once, and one for Huyện ủy Cồn Cỏ with every deadline passed,
// so its units are overdue. Hồ Xá's report then goes through draft (refused once), review (returned once)
// and sign-off in Tasklist, and Ban Dân vận sees Cồn Cỏ's overdue units on Cockpit's dashboard.

import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const BASE_URL = process.env.BASE_URL ?? 'http://localhost:18095';
const TASKLIST = `${BASE_URL}/camunda/app/tasklist/default/`;
const COCKPIT = `${BASE_URL}/camunda/app/cockpit/default/`;
const REPO = fileURLToPath(new URL('..', import.meta.url));
const SCREENSHOTS = path.join(REPO, 'target', 'e2e-screenshots');
const UNIT = 'VL-HOXA';
const UNIT_NAME = 'Đảng ủy thị trấn Hồ Xá';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

// ---------------------------------------------------------------------------------------------------------
// REST API (HTTP Basic as the demo administrator)

async function api(apiPath, { method = 'GET', body } = {}) {
  const response = await fetch(BASE_URL + apiPath, {
    method,
    headers: {
      Authorization: 'Basic ' + Buffer.from('demo:demo').toString('base64'),
      Accept: 'application/json',
      ...(body && { 'Content-Type': 'application/json' }),
    },
    body: body && JSON.stringify(body),
  });
  if (!response.ok) {
    throw new Error(`${method} ${apiPath}: HTTP ${response.status} ${await response.text()}`);
  }
  return response.json();
}

/** Calls `probe` until it returns a truthy value, and returns that value; fails after `timeout` ms. */
async function eventually(probe, { timeout = 60_000, interval = 500, what }) {
  const end = Date.now() + timeout;
  for (;;) {
    const result = await probe();
    if (result) return result;
    if (Date.now() > end) throw new Error(`Timed out after ${timeout} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, interval));
  }
}

/** A moment `offset` ms from now as an ISO-8601 date-time in Vietnam's offset, e.g. 2026-11-25T08:00:00+07:00. */
function vietnamTime(offset) {
  const shifted = new Date(Date.now() + offset + 7 * 60 * MINUTE);
  return shifted.toISOString().replace(/\.\d{3}Z$/, '+07:00');
}

async function startCampaign(rootUnit, title, offsets) {
  const deadlines = Object.fromEntries(Object.entries(offsets).map(([name, offset]) => [name, vietnamTime(offset)]));
  const { id } = await api('/api/campaigns', { method: 'POST', body: { plan: '117-KH/TU', rootUnit, title, deadlines } });
  return id;
}

/** Waits until Hồ Xá's approval of the given campaign has an open task with the given definition key. */
function waitForTask(campaignId, taskDefinitionKey) {
  const query = new URLSearchParams({ processInstanceBusinessKey: `${campaignId}/${UNIT}`, taskDefinitionKey });
  return eventually(async () => (await api(`/engine-rest/task?${query}&maxResults=100`))[0],
    { what: `task ${taskDefinitionKey} of ${campaignId}/${UNIT}` });
}

/** The unitReview instances of a campaign that wait at "Báo cáo quá hạn". */
async function overdueInstances(campaignId) {
  const instances = await api('/engine-rest/process-instance?processDefinitionKey=unitReview&activityIdIn=ReportOverdue&maxResults=100');
  return instances.filter((instance) => instance.businessKey.startsWith(`${campaignId}/`));
}

async function taskExists(taskId) {
  return (await api(`/engine-rest/task?taskId=${taskId}&maxResults=1`)).length > 0;
}

// ---------------------------------------------------------------------------------------------------------
// Camunda Forms: field ids, keys, types and labels are read from the form files in processes/

function loadForm(name) {
  const file = path.join(REPO, 'processes', `${name}.form`);
  return JSON.parse(fs.readFileSync(file, 'utf8')).components.filter((component) => component.key);
}

const DRAFT_FORM = loadForm('draftReport');
const REVIEW_FORM = loadForm('reviewDocument');

/** form-js renders each field with the DOM id `fjs-form-<random>-<component id>`. */
function formField(page, component, suffix = '') {
  return page.locator(`.fjs-form [id$="-${component.id}${suffix}"]`);
}

/** Fills the fields of `form` named by the keys of `values`: text areas, numbers and radio groups. */
async function fillForm(page, form, values) {
  for (const [key, value] of Object.entries(values)) {
    const component = form.find((c) => c.key === key);
    assert.ok(component, `the form has no field with key ${key}`);
    if (component.type === 'radio') {
      const index = component.values.findIndex((option) => option.value === String(value));
      await formField(page, component, `-${index}`).check();
    } else {
      await formField(page, component).fill(String(value));
    }
  }
}

async function formValue(page, form, key) {
  return formField(page, form.find((c) => c.key === key)).inputValue();
}

// ---------------------------------------------------------------------------------------------------------
// Tasklist and Cockpit

let screenshotCount = 0;

async function screenshot(page, name) {
  screenshotCount += 1;
  const file = path.join(SCREENSHOTS, `${String(screenshotCount).padStart(2, '0')}-${name}.png`);
  await page.screenshot({ path: file });
}

/** Scrolls the element to the top of its scrolling container, for a screenshot. */
async function scrollToTop(locator) {
  await locator.evaluate((element) => element.scrollIntoView({ block: 'start' }));
}

/** Logs into a Camunda webapp (Tasklist by default) as `user` with the demo password. */
async function login(page, user, app = TASKLIST) {
  await page.goto(app);
  await page.locator('input[ng-model="username"]').fill(user);
  await page.locator('input[ng-model="password"]').fill('demo');
  await page.locator('button[type="submit"]').click();
  await page.locator('li.account a.dropdown-toggle').waitFor();
}

async function logout(page) {
  await page.locator('li.account a.dropdown-toggle').click();
  await page.locator('li.logout a').click();
  await page.locator('input[ng-model="username"]').waitFor();
}

/** Opens a task in Tasklist and waits for its name and its form. */
async function openTask(page, taskId, name) {
  await page.goto(`${TASKLIST}#/?task=${taskId}`);
  await page.locator('h2.task', { hasText: name }).waitFor();
  await page.locator('.fjs-form').waitFor();
}

/** Claims the open task and waits for its form to become editable. */
async function claim(page) {
  await page.locator('button.claim').click();
  await page.locator('button.claim').waitFor({ state: 'detached' });
  await page.locator('.disabled-form').waitFor({ state: 'detached' });
}

/** Closes Tasklist's notifications, which cover the bottom of the form and its buttons. */
async function dismissNotifications(page) {
  for (const close of await page.locator('.page-notifications button.close[ng-click^="removeNotification"]').all()) {
    await close.click();
  }
  await page.locator('.page-notifications .alert').first().waitFor({ state: 'detached' });
}

/** Clicks Complete and returns the HTTP response to Tasklist's form submission. */
async function complete(page) {
  await dismissNotifications(page);
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.url().endsWith('/submit-form') && r.request().method() === 'POST'),
    page.locator('button[ng-click="complete()"]').click(),
  ]);
  return response;
}

/** Completes the open task and checks that it is gone, from the engine and from Tasklist's view. */
async function completeSuccessfully(page, taskId) {
  const response = await complete(page);
  assert.equal(response.status(), 204, `completing the task answered HTTP ${response.status()}`);
  await page.locator('.no-task').waitFor();
  await page.locator(`a[href="#/?task=${taskId}"]`).waitFor({ state: 'detached' });
  assert.equal(await taskExists(taskId), false, 'the task is still open in the engine');
}

// ---------------------------------------------------------------------------------------------------------
// The scenario

const SECTIONS = {
  section1: 'Trước khi có Đề án, trên địa bàn thị trấn có 48 doanh nghiệp ngoài nhà nước, phần lớn chưa có tổ chức đảng.',
  section2: 'Đảng ủy đã quán triệt Đề án đến toàn thể cán bộ, đảng viên và ban hành kế hoạch thực hiện.',
  section3: 'Cấp ủy lãnh đạo sát sao; chính quyền và các đoàn thể phối hợp vận động chủ doanh nghiệp.',
  section4: 'Thành lập mới 3 tổ chức đảng, kết nạp 3 đảng viên, thành lập 4 công đoàn cơ sở.',
  section5: 'Kết quả bước đầu khả quan; hạn chế: nhiều doanh nghiệp nhỏ, lao động biến động.',
  section6: 'Tiếp tục phát triển tổ chức đảng ở các doanh nghiệp đủ điều kiện, chú trọng kết nạp đảng viên.',
};

const FIGURES = {
  enterprises: 48, eligibleEnterprises: 20, enterprisesWithPartyOrg: 12,
  partyOrgs: 12, partyCommittees: 1, baseCells: 4, subordinateCells: 7, newPartyOrgs: 3,
  partyMembers: 10, newPartyMembers: 12, ownerPartyMembers: 2,
  tradeUnions: 15, newTradeUnions: 4, tradeUnionMembers: 620, newTradeUnionMembers: 85,
  youthOrgs: 9, newYouthOrgs: 2, youthMembers: 140, newYouthMembers: 30,
  womenBranches: 6, womenMembers: 210, veteranBranches: 3, veteranMembers: 25,
};

const REFUSAL = '"Đảng viên kết nạp mới trong kỳ" (12) không được lớn hơn "Đảng viên trong doanh nghiệp" (10)';
const RETURN_COMMENT = 'Mục 4 cần nêu số liệu cụ thể về đoàn thanh niên và hội phụ nữ.';
const REVISED_SECTION4 = 'Thành lập mới 3 tổ chức đảng, kết nạp 3 đảng viên, thành lập 4 công đoàn cơ sở, '
  + '2 tổ chức đoàn thanh niên; kết nạp 30 đoàn viên thanh niên và 210 hội viên phụ nữ.';

describe('review cascade in Tasklist and Cockpit', () => {
  let vinhLinh;
  let conCo;
  let userDataDir;
  let browser;
  let page;
  let failed = false;

  /** A step of the scenario: skipped once a step has failed, since each builds on the ones before. */
  function step(name, body) {
    it(name, async (t) => {
      if (failed) {
        t.skip('an earlier step failed');
        return;
      }
      try {
        await body();
      } catch (error) {
        failed = true;
        await screenshot(page, 'failure').catch(() => {});
        throw error;
      }
    });
  }

  before(async () => {
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
    // The HTTP server answers before the demo profile has created its groups, users and two campaigns;
    // a campaign started earlier would stop the demo from starting its own.
    await eventually(async () => (await api('/api/campaigns')).length >= 2,
      { what: 'the demo campaigns', timeout: 120_000 });
    // Vĩnh Linh's guidance deadline has passed: its base units draft without waiting for the guidance.
    vinhLinh = await startCampaign('VL', 'E2E Vĩnh Linh', {
      guidance: -5 * MINUTE, base: 30 * DAY, district: 40 * DAY, submission: 45 * DAY, province: 50 * DAY,
    });
    // Every deadline of Cồn Cỏ has passed: its units are escalated and wait as overdue.
    conCo = await startCampaign('CC', 'E2E Cồn Cỏ', {
      guidance: -10 * MINUTE, base: -9 * MINUTE, district: -8 * MINUTE, submission: -7 * MINUTE, province: -6 * MINUTE,
    });

    userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'review-cascade-e2e-'));
    browser = await chromium.launchPersistentContext(userDataDir, {
      executablePath: '/usr/bin/chromium',
      headless: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
        '--disable-background-networking', '--disable-component-update', '--disable-sync'],
      viewport: { width: 1400, height: 1000 },
    });
    page = browser.pages()[0] ?? await browser.newPage();
    page.setDefaultTimeout(20_000);
  });

  after(async () => {
    await browser?.close();
    if (userDataDir) fs.rmSync(userDataDir, { recursive: true, force: true });
  });

  step('refuses a draft whose new party members exceed the party members, and keeps the task', async () => {
    const draft = await waitForTask(vinhLinh, 'DraftDocument');

    await login(page, 'hoxa.dt');
    await page.locator(`a[href="#/?task=${draft.id}"]`, { hasText: `Dự thảo báo cáo sơ kết – ${UNIT_NAME}` }).waitFor();
    await screenshot(page, 'tasklist-hoxa-dt');
    await openTask(page, draft.id, `Dự thảo báo cáo sơ kết – ${UNIT_NAME}`);
    await claim(page);

    const textareas = DRAFT_FORM.filter((c) => c.type === 'textarea');
    const numbers = DRAFT_FORM.filter((c) => c.type === 'number');
    assert.deepEqual(textareas.map((c) => c.key), Object.keys(SECTIONS));
    assert.deepEqual(numbers.map((c) => c.key).sort(), Object.keys(FIGURES).sort());
    assert.equal(await page.locator('.fjs-form textarea').count(), 6);
    assert.equal(await page.locator('.fjs-form input.fjs-input').count(), 23);
    for (const [index, component] of textareas.entries()) {
      assert.ok(component.label.startsWith(`${index + 1}. `), component.label);
    }

    await fillForm(page, DRAFT_FORM, { ...SECTIONS, ...FIGURES });
    await screenshot(page, 'draft-filled');
    const response = await complete(page);
    assert.equal(response.status(), 400);
    const notification = page.locator('.page-notifications .alert-danger', { hasText: REFUSAL });
    await notification.waitFor();
    await screenshot(page, 'draft-refused');

    assert.equal(await taskExists(draft.id), true, 'the refused task is no longer open');
    await page.locator('h2.task', { hasText: `Dự thảo báo cáo sơ kết – ${UNIT_NAME}` }).waitFor();
    assert.equal(await formValue(page, DRAFT_FORM, 'newPartyMembers'), '12');
  });

  step('accepts the corrected draft', async () => {
    const draft = await waitForTask(vinhLinh, 'DraftDocument');
    await fillForm(page, DRAFT_FORM, { newPartyMembers: 3 });
    await completeSuccessfully(page, draft.id);
    await screenshot(page, 'draft-completed');
    await logout(page);
  });

  step('lets the reviewer read the report and return it with a comment', async () => {
    const review = await waitForTask(vinhLinh, 'ReviewDraft');
    await login(page, 'hoxa.td');
    await openTask(page, review.id, `Thẩm định báo cáo sơ kết – ${UNIT_NAME}`);
    await claim(page);

    const report = page.locator('.fjs-form .fjs-form-field-text').nth(1);
    await report.getByText(SECTIONS.section1, { exact: true }).waitFor();
    await report.locator('tr', { hasText: 'Đảng viên kết nạp mới trong kỳ' }).getByText('3', { exact: true }).waitFor();
    await scrollToTop(report);
    await screenshot(page, 'review-report');

    await fillForm(page, REVIEW_FORM, { approved: false, comment: RETURN_COMMENT });
    await screenshot(page, 'review-returned');
    await completeSuccessfully(page, review.id);
    await logout(page);
  });

  step('gives the returned draft back to the drafter, pre-filled, and accepts the revision', async () => {
    const draft = await waitForTask(vinhLinh, 'DraftDocument');
    await login(page, 'hoxa.dt');
    await openTask(page, draft.id, `Dự thảo báo cáo sơ kết – ${UNIT_NAME}`);
    await claim(page);

    assert.equal(await formValue(page, DRAFT_FORM, 'section1'), SECTIONS.section1);
    assert.equal(await formValue(page, DRAFT_FORM, 'section4'), SECTIONS.section4);
    assert.equal(await formValue(page, DRAFT_FORM, 'partyMembers'), '10');
    assert.equal(await formValue(page, DRAFT_FORM, 'newPartyMembers'), '3');
    await screenshot(page, 'draft-returned-prefilled');

    await fillForm(page, DRAFT_FORM, { section4: REVISED_SECTION4 });
    await completeSuccessfully(page, draft.id);
    await logout(page);
  });

  step('lets the reviewer approve and the leader sign', async () => {
    const review = await waitForTask(vinhLinh, 'ReviewDraft');
    await login(page, 'hoxa.td');
    await openTask(page, review.id, `Thẩm định báo cáo sơ kết – ${UNIT_NAME}`);
    await claim(page);
    await page.locator('.fjs-form').getByText(REVISED_SECTION4, { exact: true }).waitFor();
    await fillForm(page, REVIEW_FORM, { approved: true });
    await completeSuccessfully(page, review.id);
    await logout(page);

    const signOff = await waitForTask(vinhLinh, 'SignDocument');
    await login(page, 'hoxa.kd');
    await openTask(page, signOff.id, `Ký duyệt báo cáo sơ kết – ${UNIT_NAME}`);
    await claim(page);
    await fillForm(page, REVIEW_FORM, { approved: true });
    await screenshot(page, 'sign-off');
    await completeSuccessfully(page, signOff.id);
    await screenshot(page, 'signed');
    await logout(page);
  });

  step('has submitted the report with a number and kept the return comment', async () => {
    const report = await eventually(async () => {
      const current = await api(`/api/campaigns/${vinhLinh}/units/${UNIT}/report`);
      return current.unit.status === 'SUBMITTED' && current;
    }, { timeout: 30_000, what: `the report of ${UNIT} to be submitted` });

    assert.match(report.unit.documentNumber, /^\d+-BC\/ĐU$/);
    assert.equal(report.sections.section4, REVISED_SECTION4);
    assert.equal(report.figures.newPartyMembers, 3);
    assert.ok(
      report.comments.some((c) => c.decision === 'RETURNED' && c.comment === RETURN_COMMENT),
      `no RETURNED comment in ${JSON.stringify(report.comments)}`,
    );
  });

  step('shows the overdue units of Cồn Cỏ to Ban Dân vận on the Cockpit dashboard', async () => {
    await eventually(async () => (await overdueInstances(conCo)).length > 0,
      { what: `overdue units of campaign ${conCo}` });

    await login(page, 'bdv', COCKPIT);
    const plugin = page.locator('section.overdue-units-plugin');
    await plugin.locator('h3', { hasText: 'Đơn vị quá hạn' }).waitFor();
    // The plugin lists each campaign as a heading, then a heading and a table per district, as siblings.
    const campaign = plugin.locator(`xpath=.//h4[starts-with(normalize-space(.), "Đợt sơ kết số ${conCo} –")]`);
    const district = campaign.locator('xpath=following-sibling::h5[1]');
    await district.waitFor();
    assert.match(await district.textContent(), /Huyện ủy Cồn Cỏ/);
    const units = district.locator('xpath=following-sibling::table[1]//a');
    const baseUnits = units.filter({ hasText: /^Chi bộ cơ sở mẫu số \d+ – Huyện ủy Cồn Cỏ \(tên mẫu\)$/ });
    await baseUnits.first().waitFor();
    await scrollToTop(plugin);
    await screenshot(page, 'cockpit-overdue-units');

    const overdueIds = new Set((await overdueInstances(conCo)).map((instance) => instance.id));
    for (const href of await units.evaluateAll((anchors) => anchors.map((a) => a.getAttribute('href')))) {
      const id = href.match(/^#\/process-instance\/([\w-]+)\/runtime$/)?.[1];
      assert.ok(overdueIds.has(id), `${href} does not link to an overdue unit of campaign ${conCo}`);
    }
  });
});
