// The task forms in Tasklist, as the people of three levels meet them (issue 18, items 2 and 6), at 1366×900 and
// 390×844: the plan and the guidance of every level above the unit stand above the form, nearest first; the one
// person who may work a task has it claimed as they open it; one save; a confirmation after completing; a refusal
// beside the buttons, covering none of them; returned and overdue tasks marked in the list.
//
// Uses the demo's KH 117 campaign over the whole province (its guidance is issued here, so run.sh runs this file
// last) and a campaign of its own over Huyện ủy Cồn Cỏ whose deadlines pass within a minute.

import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { BASE_URL, TASKLIST, SCREENSHOTS, basicAuth, launchBrowser, login, request } from './support.mjs';

const WIDE = { width: 1366, height: 900 };
const PHONE = { width: 390, height: 844 };
const SECOND = 1000;

const PROVINCE_GUIDANCE = 'Tỉnh ủy hướng dẫn: các huyện ủy và đảng ủy trực thuộc tổ chức sơ kết, báo cáo theo đề cương 6 mục.\n'
  + 'Số liệu tính đến 31/8.\n' + 'Nội dung chi tiết của hướng dẫn, đủ dài để được gấp lại. '.repeat(30);
const DISTRICT_GUIDANCE = 'Huyện ủy Vĩnh Linh hướng dẫn các đảng ủy cơ sở hoàn thành báo cáo trước ngày 25/9.';

async function api(apiPath, options = {}) {
  const response = await request(apiPath, options);
  if (!response.ok) throw new Error(`${options.method ?? 'GET'} ${apiPath}: HTTP ${response.status} ${await response.text()}`);
  const text = await response.text();
  return text ? JSON.parse(text) : null;
}

async function eventually(probe, { timeout = 90_000, what }) {
  const end = Date.now() + timeout;
  for (;;) {
    const result = await probe();
    if (result) return result;
    if (Date.now() > end) throw new Error(`Timed out after ${timeout} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

function waitForTask(campaignId, document, taskDefinitionKey) {
  const query = new URLSearchParams({ processInstanceBusinessKey: `${campaignId}/${document}`, taskDefinitionKey });
  return eventually(async () => (await api(`/engine-rest/task?${query}&maxResults=10`))[0],
    { what: `task ${taskDefinitionKey} of ${campaignId}/${document}` });
}

function vietnamTime(offset) {
  return new Date(Date.now() + offset + 7 * 60 * 60 * SECOND).toISOString().replace(/\.\d{3}Z$/, '+07:00');
}

/** Completes a task through the application's API, as its form would, as one of its people. */
async function completeAs(user, taskId, body) {
  await api(`/api/tasks/${taskId}/complete`, { method: 'POST', user, body });
}

/** A complete draft of a report as its form would send it: every section written, every figure 0. */
async function completeDraftAs(user, taskId) {
  const form = await api(`/api/tasks/${taskId}`, { user });
  const sections = Object.fromEntries(form.structure.sections.map((s) => [s.key, `Nội dung mục ${s.number}.`]));
  const figures = Object.fromEntries(form.structure.indicators.map((i) => [i.key, 0]));
  await completeAs(user, taskId, { version: form.report.version, sections, figures });
}

describe('the task forms in Tasklist', () => {
  let browser;
  let page;
  let campaign;
  let shots = 0;
  let failed = false;

  async function screenshot(name) {
    shots += 1;
    await page.screenshot({ path: path.join(SCREENSHOTS, `forms-${String(shots).padStart(2, '0')}-${name}.png`) });
  }

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
        await screenshot('failure').catch(() => {});
        throw error;
      }
    });
  }

  /** Opens a task: the form claims it for its one possible worker, who never clicks "Nhận việc". */
  async function openClaimed(taskId, name) {
    await page.goto(`${TASKLIST}#/?task=${taskId}`);
    await page.locator('.rc-root h3', { hasText: name }).waitFor();
    await page.locator('button.claim').waitFor({ state: 'detached' });
    await page.locator('.disabled-form').waitFor({ state: 'detached' });
    assert.equal((await api(`/engine-rest/task/${taskId}`)).assignee !== null, true, 'the task is claimed');
  }

  /** Whether Tasklist's "Hoàn thành" is the element a click on its middle reaches (nothing covers it). */
  async function completeButtonUncovered() {
    const button = page.locator('button[ng-click="complete()"]');
    await button.scrollIntoViewIfNeeded();
    return button.evaluate((node) => {
      const box = node.getBoundingClientRect();
      const top = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
      return top === node || node.contains(top);
    });
  }

  before(async () => {
    await eventually(async () => (await api('/api/campaigns')).length >= 2, { what: 'the demo campaigns', timeout: 120_000 });
    campaign = (await api('/api/campaigns')).find((c) => c.rootUnit === 'TU' && c.planNumber === '117-KH/TU').id;
    browser = await launchBrowser('review-cascade-forms-', { viewport: WIDE, timezoneId: 'Asia/Ho_Chi_Minh' });
    ({ page } = browser);
  });

  after(async () => {
    await browser?.close();
  });

  step('shows the plan above the province\'s guidance draft, with nothing above it', async () => {
    const draft = await waitForTask(campaign, 'TU/GUIDANCE', 'DraftDocument');
    const form = await api(`/api/tasks/${draft.id}`, { user: 'btc' });
    assert.deepEqual(form.guidanceChain, []);
    await completeAs('btc', draft.id, { version: form.guidance.version, text: PROVINCE_GUIDANCE });
    const sign = await waitForTask(campaign, 'TU/GUIDANCE', 'SignDocument');
    await completeAs('btv', sign.id, { approved: true });
  });

  step('lets Vĩnh Linh draft its guidance below the province\'s, claimed as it opens, and confirms the completion', async () => {
    const draft = await waitForTask(campaign, 'VL/GUIDANCE', 'DraftDocument');
    await login(page, 'vinhlinh.dt');
    await openClaimed(draft.id, 'Dự thảo kế hoạch hướng dẫn sơ kết – Huyện ủy Vĩnh Linh');

    const above = page.locator('.rc-above');
    assert.deepEqual(await above.locator('.rc-guidance').evaluateAll((nodes) => nodes.map((n) => n.dataset.guidanceUnit)), ['TU']);
    assert.match(await above.locator('.rc-guidance summary').textContent(), /Hướng dẫn số \d+-HD\/TU của Tỉnh ủy Quảng Trị, ban hành \d{2}:\d{2} \d{2}\/\d{2}\/\d{4}/);
    assert.equal(await above.locator('.rc-guidance').getAttribute('open'), null, 'a long text starts folded');
    await above.locator('.rc-guidance summary').click();
    assert.equal(await above.locator('.rc-guidance .rc-text').textContent(), PROVINCE_GUIDANCE);
    assert.match(await above.locator('.rc-plan').textContent(), /Kế hoạch số 117-KH\/TU ngày 18\/03\/2019 của Ban Thường vụ Tỉnh ủy Quảng Trị/);
    const planFile = await above.locator('a.rc-plan-file').getAttribute('href');
    const file = await fetch(BASE_URL + planFile, { headers: { Authorization: basicAuth('vinhlinh.dt') } });
    assert.equal(file.status, 200, 'the plan\'s file opens');
    assert.match(await file.text(), /117-KH\/TU/);

    // One save: the form's own; Tasklist's is hidden.
    assert.equal(await page.locator('.rc-root button.rc-save').count(), 1);
    assert.equal(await page.locator('.form-actions button[ng-click^="save"]:visible').count(), 0);
    await page.locator('textarea[name=guidanceText]').fill(DISTRICT_GUIDANCE);
    await page.locator('button.rc-save').click();
    await page.locator('.rc-status', { hasText: 'Đã lưu lúc' }).waitFor();
    await screenshot('district-guidance-draft-1366');

    await page.locator('button[ng-click="complete()"]').click();
    const confirmation = page.locator('.rc-confirmation');
    await confirmation.waitFor();
    assert.match(await confirmation.textContent(), /Đã hoàn thành: Dự thảo kế hoạch hướng dẫn sơ kết – Huyện ủy Vĩnh Linh.*gửi lãnh đạo ký duyệt/);
    await page.locator('.no-task').waitFor();
    await screenshot('completed-confirmation-1366');
    await confirmation.locator('button.close').click();
    await confirmation.waitFor({ state: 'detached' });

    const sign = await waitForTask(campaign, 'VL/GUIDANCE', 'SignDocument');
    await completeAs('vinhlinh.kd', sign.id, { approved: true });
  });

  step('shows Hồ Xá Vĩnh Linh\'s guidance, then the province\'s, then the plan, at both widths', async () => {
    const draft = await waitForTask(campaign, 'VL-HOXA/REPORT', 'DraftDocument');
    await login(page, 'hoxa.dt');
    await openClaimed(draft.id, 'Dự thảo báo cáo sơ kết – Đảng ủy thị trấn Hồ Xá');
    const above = page.locator('.rc-above');
    assert.deepEqual(await above.locator('.rc-guidance').evaluateAll((nodes) => nodes.map((n) => n.dataset.guidanceUnit)),
      ['VL', 'TU'], 'nearest first');
    const nearest = above.locator('.rc-guidance').first();
    assert.notEqual(await nearest.getAttribute('open'), null, 'the nearest, short, is open');
    assert.equal(await nearest.locator('.rc-text').textContent(), DISTRICT_GUIDANCE);
    assert.match(await nearest.locator('summary').textContent(), /số \d+-HD\/HU của Huyện ủy Vĩnh Linh.*cấp trên trực tiếp/);
    await above.locator('.rc-plan').waitFor();
    await screenshot('base-draft-with-chain-1366');
    await page.setViewportSize(PHONE);
    await above.scrollIntoViewIfNeeded();
    await screenshot('base-draft-with-chain-390');
    await page.setViewportSize(WIDE);
  });

  step('refuses an incomplete draft beside the buttons, covering none of them', async () => {
    await page.locator('button[ng-click="complete()"]').click();
    const refusal = page.locator('.rc-refusal');
    await refusal.waitFor();
    assert.match(await refusal.textContent(), /Chưa hoàn thành được\./);
    assert.equal(await page.locator('.page-notifications .alert-danger').count(), 0, 'no notification over the buttons');
    assert.ok(await completeButtonUncovered(), 'nothing covers "Hoàn thành"');
    await screenshot('refused-1366');
    await page.setViewportSize(PHONE);
    await refusal.scrollIntoViewIfNeeded();
    assert.ok(await completeButtonUncovered(), 'nothing covers "Hoàn thành" on a phone');
    await screenshot('refused-390');
    await page.setViewportSize(WIDE);
  });

  step('marks a returned draft in the list', async () => {
    const draft = await waitForTask(campaign, 'VL-HOXA/REPORT', 'DraftDocument');
    await completeDraftAs('hoxa.dt', draft.id);
    const review = await waitForTask(campaign, 'VL-HOXA/REPORT', 'ReviewDraft');
    await completeAs('hoxa.td', review.id, { approved: false, comment: 'Mục 4 cần số liệu cụ thể.' });
    const returned = await waitForTask(campaign, 'VL-HOXA/REPORT', 'DraftDocument');
    assert.match(returned.name, /^\[Bị trả lại\] Dự thảo báo cáo sơ kết – Đảng ủy thị trấn Hồ Xá/);

    await page.goto(TASKLIST);
    await page.locator(`a[href="#/?task=${returned.id}"]`, { hasText: '[Bị trả lại] Dự thảo báo cáo sơ kết' }).waitFor();
    await screenshot('list-returned-1366');

    // Vĩnh Linh's reviewer may read the draft, not work it: the greyed form says so, above its veil.
    await login(page, 'vinhlinh.td');
    await page.goto(`${TASKLIST}#/?task=${returned.id}`);
    const notice = page.locator('.disabled-form .rc-claim-notice');
    await notice.waitFor();
    assert.match(await notice.textContent(), /Bạn chỉ được xem việc này/);
    await screenshot('read-only-notice-1366');
  });

  step('marks the tasks of an overdue unit in the list', async () => {
    const year = new Date(Date.now() + 7 * 60 * 60 * SECOND).getUTCFullYear();
    const offsets = { DISTRICT: { guidance: 15 * SECOND, subordinates: 25 * SECOND, report: 35 * SECOND }, BASE: { report: 25 * SECOND } };
    const deadlines = Object.fromEntries(Object.entries(offsets).map(([level, kinds]) => [level,
      Object.fromEntries(Object.entries(kinds).map(([kind, offset]) => [kind, vietnamTime(offset)]))]));
    const { id } = await api('/api/campaigns', { method: 'POST', body: { plan: '117-KH/TU', rootUnit: 'CC', title: 'E2E biểu mẫu Cồn Cỏ', year, deadlines } });
    const overdue = await eventually(async () => {
      const query = new URLSearchParams({ processInstanceBusinessKeyLike: `${id}/CC/%`, nameLike: '[Quá hạn]%' });
      return (await api(`/engine-rest/task?${query}&maxResults=10`))[0];
    }, { what: `an overdue task of Cồn Cỏ in campaign ${id}`, timeout: 150_000 });
    assert.ok(overdue.priority > 50, 'raised in priority');

    await login(page, 'conco.dt');
    await page.locator(`a[href="#/?task=${overdue.id}"]`, { hasText: '[Quá hạn]' }).waitFor();
    await screenshot('list-overdue-1366');
    await page.setViewportSize(PHONE);
    await page.locator(`a[href="#/?task=${overdue.id}"]`).scrollIntoViewIfNeeded();
    await screenshot('list-overdue-390');
    await page.setViewportSize(WIDE);
  });
});
