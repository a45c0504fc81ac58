// End-to-end test of the review cascade in a real browser (Camunda Tasklist and Cockpit).
//
// Expects the application on BASE_URL, started the README's way with the demo profile on a fresh database (see
// run.sh). Two campaigns are started through the REST API: one for Huyện ủy Vĩnh Linh, and one for Huyện ủy Cồn Cỏ
// whose every deadline falls within a minute, so its units become overdue. In Tasklist, in Vietnamese, Vĩnh Linh
// writes and signs its guidance with a document; Đảng ủy thị trấn Hồ Xá reads it at the top of its own draft, writes
// its report, attaches it as a PDF, is refused once, is returned once by its reviewer (who downloads the PDF), and
// signs; Ban Dân vận sees Cồn Cỏ's overdue units in Cockpit.

import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { BASE_URL, TASKLIST, SCREENSHOTS, basicAuth, launchBrowser, login, request } from './support.mjs';

const COCKPIT = `${BASE_URL}/camunda/app/cockpit/default/`;
const UNIT = 'VL-HOXA';
const UNIT_NAME = 'Đảng ủy thị trấn Hồ Xá';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const DAY = 24 * 60 * MINUTE;

// ---------------------------------------------------------------------------------------------------------
// REST API (HTTP Basic as the demo administrator)

async function api(apiPath, options = {}) {
  const response = await request(apiPath, options);
  if (!response.ok) {
    throw new Error(`${options.method ?? 'GET'} ${apiPath}: HTTP ${response.status} ${await response.text()}`);
  }
  const text = await response.text();
  return text ? JSON.parse(text) : null;
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

/** Starts a KH 117 campaign whose deadlines, per level and kind, fall the given number of ms from now. */
async function startCampaign(rootUnit, title, offsets) {
  const deadlines = Object.fromEntries(Object.entries(offsets).map(([level, kinds]) => [level,
    Object.fromEntries(Object.entries(kinds).map(([kind, offset]) => [kind, vietnamTime(offset)]))]));
  const year = new Date(Date.now() + 7 * 60 * MINUTE).getUTCFullYear();
  const { id } = await api('/api/campaigns', { method: 'POST', body: { plan: '117-KH/TU', rootUnit, title, year, deadlines } });
  return id;
}

/** Waits until a document of a unit (Hồ Xá's report by default) has an open task with the given definition key. */
function waitForTask(campaignId, taskDefinitionKey, document = `${UNIT}/REPORT`) {
  const query = new URLSearchParams({ processInstanceBusinessKey: `${campaignId}/${document}`, taskDefinitionKey });
  return eventually(async () => (await api(`/engine-rest/task?${query}&maxResults=100`))[0],
    { what: `task ${taskDefinitionKey} of ${campaignId}/${document}`, timeout: 90_000 });
}

/** The unitReview instances of a campaign that wait at "Báo cáo quá hạn". */
async function overdueInstances(campaignId) {
  const instances = await api('/engine-rest/process-instance?processDefinitionKey=unitReview&activityIdIn=ReportOverdue&maxResults=100');
  return instances.filter((instance) => instance.businessKey.startsWith(`${campaignId}/`));
}

async function taskExists(taskId) {
  return (await api(`/engine-rest/task?taskId=${taskId}&maxResults=1`)).length > 0;
}

/** A small, real one-page PDF, as a unit would attach its written report. */
function samplePdf() {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>',
  ];
  let pdf = '%PDF-1.4\n';
  const offsets = [];
  objects.forEach((object, index) => {
    offsets.push(pdf.length);
    pdf += `${index + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = pdf.length;
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  pdf += offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('');
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(pdf, 'latin1');
}

// ---------------------------------------------------------------------------------------------------------
// Tasklist and Cockpit

let screenshotCount = 0;

/**
 * Downloads an issued document's PDF, keeps it under target/e2e-screenshots/ and renders its pages to PNG with
 * poppler's pdftoppm, as a PDF reader shows them; returns the text poppler reads out of it.
 */
async function keepIssuedPdf(campaignId, unitCode, name) {
  const response = await fetch(`${BASE_URL}/api/campaigns/${campaignId}/units/${encodeURIComponent(unitCode)}/report/written.pdf`, {
    headers: { Authorization: basicAuth('demo') },
  });
  assert.equal(response.status, 200);
  assert.equal(response.headers.get('content-type'), 'application/pdf');
  const file = path.join(SCREENSHOTS, `${name}.pdf`);
  fs.writeFileSync(file, Buffer.from(await response.arrayBuffer()));
  execFileSync('pdftoppm', ['-png', '-r', '70', file, path.join(SCREENSHOTS, name)]);
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
}

/** Fires a unit's timer now, as an operator can from Cockpit: the engine runs the job at once. */
async function fireTimer(campaignId, unitCode, activityId) {
  const [instance] = await api(`/engine-rest/process-instance?processDefinitionKey=unitReview&businessKey=${encodeURIComponent(`${campaignId}/${unitCode}`)}&maxResults=1`);
  const [job] = await eventually(async () => {
    const jobs = await api(`/engine-rest/job?processInstanceId=${instance.id}&activityId=${activityId}&maxResults=10`);
    return jobs.length > 0 && jobs;
  }, { what: `the timer ${activityId} of ${unitCode}` });
  await api(`/engine-rest/job/${job.id}/execute`, { method: 'POST' });
}

async function screenshot(page, name) {
  screenshotCount += 1;
  const file = path.join(SCREENSHOTS, `${String(screenshotCount).padStart(2, '0')}-${name}.png`);
  await page.screenshot({ path: file });
}

/** Scrolls the element to the top of its scrolling container, for a screenshot. */
async function scrollToTop(locator) {
  await locator.evaluate((element) => element.scrollIntoView({ block: 'start' }));
}

/** Logs into a Camunda webapp (Tasklist by default) as `user` with the demo password, in a fresh session. */

/**
 * Opens a task in Tasklist and waits for its form, claimed: each demo unit's group has one member, whom the form
 * claims the task for as it opens (no click on "Nhận việc").
 */
async function openAndClaim(page, taskId, name) {
  await page.goto(`${TASKLIST}#/?task=${taskId}`);
  await page.locator('h2.task', { hasText: name }).waitFor();
  await page.locator('.rc-root h3', { hasText: name }).waitFor();
  await page.locator('button.claim').waitFor({ state: 'detached' });
  await page.locator('.disabled-form').waitFor({ state: 'detached' });
}

/** Closes Tasklist's notifications, if any (a refusal is shown in the form, not in one). */
async function dismissNotifications(page) {
  for (const close of await page.locator('.page-notifications button.close[ng-click^="removeNotification"]').all()) {
    await close.click();
  }
  await page.locator('.page-notifications .alert').first().waitFor({ state: 'detached' });
}

/** Clicks Complete and returns the HTTP response of the form's completion. */
async function complete(page) {
  await dismissNotifications(page);
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.url().includes('/api/tasks/') && r.url().endsWith('/complete')),
    page.locator('button[ng-click="complete()"]').click(),
  ]);
  return response;
}

/** Completes the open task and checks that it is gone, from the engine and from Tasklist's view, and confirmed. */
async function completeSuccessfully(page, taskId) {
  const response = await complete(page);
  assert.equal(response.status(), 204, `completing the task answered HTTP ${response.status()}: ${await response.text()}`);
  await page.locator('.rc-confirmation', { hasText: 'Đã hoàn thành' }).waitFor();
  await page.locator('.no-task').waitFor();
  await page.locator(`a[href="#/?task=${taskId}"]`).waitFor({ state: 'detached' });
  assert.equal(await taskExists(taskId), false, 'the task is still open in the engine');
}

// ---------------------------------------------------------------------------------------------------------
// The scenario

const SECTIONS = {
  section1: 'Trước khi có Đề án, trên địa bàn thị trấn có 48 doanh nghiệp ngoài nhà nước, phần lớn chưa có tổ chức đảng.\n'
    + 'Một dòng viết như mã: <b>đậm</b> và **không phải Markdown**.',
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

const GUIDANCE = 'Các đảng ủy cơ sở tổ chức sơ kết, hoàn thành báo cáo trước ngày 25/9; báo cáo theo đề cương 6 mục của Kế hoạch 117.\n'
  + 'Số liệu tính đến 31/8.';

const REFUSAL = '"Đảng viên kết nạp mới trong kỳ" (12) không được lớn hơn "Đảng viên trong doanh nghiệp" (10)';
const RETURN_COMMENT = 'Mục 4 cần nêu số liệu cụ thể về đoàn thanh niên và hội phụ nữ.\n<img src=x> không phải ảnh.';
const REVISED_SECTION4 = 'Thành lập mới 3 tổ chức đảng, kết nạp 3 đảng viên, thành lập 4 công đoàn cơ sở, '
  + '2 tổ chức đoàn thanh niên; kết nạp 30 đoàn viên thanh niên và 210 hội viên phụ nữ.';

describe('review cascade in Tasklist and Cockpit', () => {
  let vinhLinh;
  let conCo;
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
    // The HTTP server answers before the demo profile has created its groups, users and two campaigns.
    await eventually(async () => (await api('/api/campaigns')).length >= 2,
      { what: 'the demo campaigns', timeout: 120_000 });
    vinhLinh = await startCampaign('VL', 'E2E Vĩnh Linh', {
      DISTRICT: { guidance: 5 * DAY, subordinates: 30 * DAY, report: 40 * DAY }, BASE: { report: 30 * DAY },
    });
    // Every deadline of Cồn Cỏ falls within a minute: its units become overdue and are escalated.
    conCo = await startCampaign('CC', 'E2E Cồn Cỏ', {
      DISTRICT: { guidance: 20 * SECOND, subordinates: 30 * SECOND, report: 40 * SECOND }, BASE: { report: 30 * SECOND },
    });

    browser = await launchBrowser('review-cascade-e2e-');
    ({ page } = browser);
  });

  after(async () => {
    await browser?.close();
  });

  step('speaks Vietnamese by default, English on request', async () => {
    const guidance = await waitForTask(vinhLinh, 'DraftDocument', 'VL/GUIDANCE');
    await login(page, 'vinhlinh.dt');
    await openAndClaim(page, guidance.id, 'Dự thảo kế hoạch hướng dẫn sơ kết – Huyện ủy Vĩnh Linh');
    assert.equal((await page.locator('button[ng-click="complete()"]').textContent()).trim(), 'Hoàn thành');
    assert.equal(await page.locator('.ce-eol-banner:visible').count(), 0, 'no migration banner');
    await page.locator('li.review-cascade-language a', { hasText: 'English' }).click();
    await page.locator('button[ng-click="complete()"]', { hasText: 'Complete' }).waitFor();
    await screenshot(page, 'tasklist-in-english');
    await page.locator('li.review-cascade-language a', { hasText: 'Tiếng Việt' }).click();
    await page.locator('button[ng-click="complete()"]', { hasText: 'Hoàn thành' }).waitFor();
  });

  step('lets Vĩnh Linh write its guidance with a document and sign it', async () => {
    const guidance = await waitForTask(vinhLinh, 'DraftDocument', 'VL/GUIDANCE');
    await page.goto(`${TASKLIST}#/?task=${guidance.id}`);
    await page.locator('textarea[name=guidanceText]').waitFor();
    await page.locator('textarea[name=guidanceText]').fill(GUIDANCE);
    await page.locator('input[type=file][name=document]').setInputFiles({
      name: 'Hướng dẫn sơ kết Vĩnh Linh.pdf', mimeType: 'application/pdf', buffer: samplePdf(),
    });
    await page.locator('.rc-document-link', { hasText: 'Hướng dẫn sơ kết Vĩnh Linh.pdf' }).waitFor();
    await screenshot(page, 'guidance-drafted');
    await completeSuccessfully(page, guidance.id);

    const sign = await waitForTask(vinhLinh, 'SignDocument', 'VL/GUIDANCE');
    await login(page, 'vinhlinh.kd');
    await openAndClaim(page, sign.id, 'Ký duyệt kế hoạch hướng dẫn sơ kết – Huyện ủy Vĩnh Linh');
    assert.equal(await page.locator('.rc-report .rc-text').first().textContent(), GUIDANCE);
    await page.locator('input[name=approved][value=true]').check();
    await completeSuccessfully(page, sign.id);
  });

  step('refuses a draft whose new party members exceed the party members, marks the field, keeps the task', async () => {
    const draft = await waitForTask(vinhLinh, 'DraftDocument');

    await login(page, 'hoxa.dt');
    await page.locator(`a[href="#/?task=${draft.id}"]`, { hasText: `Dự thảo báo cáo sơ kết – ${UNIT_NAME}` }).waitFor();
    await screenshot(page, 'tasklist-hoxa-dt');
    await openAndClaim(page, draft.id, `Dự thảo báo cáo sơ kết – ${UNIT_NAME}`);

    const received = page.locator('.rc-guidance');
    assert.match(await received.locator('summary').textContent(), /số \d+-HD\/HU của Huyện ủy Vĩnh Linh/);
    assert.equal(await received.locator('.rc-text').textContent(), GUIDANCE);
    await received.locator('.rc-document-link', { hasText: 'Hướng dẫn sơ kết Vĩnh Linh.pdf' }).waitFor();
    await screenshot(page, 'draft-with-guidance');

    assert.equal(await page.locator('.rc-root textarea').count(), 6);
    assert.equal(await page.locator('.rc-root input[inputmode=numeric]').count(), Object.keys(FIGURES).length);
    for (const [key, text] of Object.entries(SECTIONS)) {
      await page.locator(`textarea[name=${key}]`).fill(text);
    }
    for (const [key, value] of Object.entries(FIGURES)) {
      await page.locator(`input[name=${key}]`).fill(String(value));
    }
    await page.locator('input[type=file][name=document]').setInputFiles({
      name: 'Báo cáo sơ kết Hồ Xá.pdf', mimeType: 'application/pdf', buffer: samplePdf(),
    });
    await page.locator('.rc-document-link', { hasText: 'Báo cáo sơ kết Hồ Xá.pdf' }).waitFor();
    await screenshot(page, 'draft-filled');

    const response = await complete(page);
    assert.equal(response.status(), 400);
    await page.locator('.rc-refusal', { hasText: REFUSAL }).waitFor();
    assert.equal(await page.locator('.page-notifications .alert-danger').count(), 0, 'no notification over the buttons');
    const marked = page.locator('tr.has-error[data-figure=newPartyMembers]');
    await marked.waitFor();
    assert.match(await marked.textContent(), /không được lớn hơn/);
    await screenshot(page, 'draft-refused');

    assert.equal(await taskExists(draft.id), true, 'the refused task is no longer open');
    assert.equal(await page.locator('input[name=newPartyMembers]').inputValue(), '12');
  });

  step('accepts the corrected draft', async () => {
    const draft = await waitForTask(vinhLinh, 'DraftDocument');
    await page.locator('input[name=newPartyMembers]').fill('3');
    await completeSuccessfully(page, draft.id);
    await screenshot(page, 'draft-completed');
  });

  step('lets the reviewer read the report as written and return it with a comment', async () => {
    const review = await waitForTask(vinhLinh, 'ReviewDraft');
    await login(page, 'hoxa.td');
    await openAndClaim(page, review.id, `Thẩm định báo cáo sơ kết – ${UNIT_NAME}`);

    const report = page.locator('.rc-report');
    const section1 = report.locator('[data-section=section1] .rc-text');
    assert.equal(await section1.textContent(), SECTIONS.section1, 'the text is shown exactly as written');
    assert.equal(await report.locator('b').count(), 0, 'no HTML of the drafter is rendered');
    assert.equal(await report.locator('tr[data-figure=newPartyMembers] td').nth(1).textContent(), '3');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('.rc-report .rc-document-link', { hasText: 'Báo cáo sơ kết Hồ Xá.pdf' }).click(),
    ]);
    assert.equal(download.suggestedFilename(), 'Báo cáo sơ kết Hồ Xá.pdf');
    assert.deepEqual(fs.readFileSync(await download.path()), samplePdf(), 'the reviewer downloads the PDF the drafter attached');
    await scrollToTop(report);
    await screenshot(page, 'review-report');

    await page.locator('input[name=approved][value=false]').check();
    await page.locator('textarea[name=comment]').fill(RETURN_COMMENT);
    await screenshot(page, 'review-returned');
    await completeSuccessfully(page, review.id);
  });

  step('gives the returned draft back with the comment, pre-filled, and accepts the revision', async () => {
    const draft = await waitForTask(vinhLinh, 'DraftDocument');
    await login(page, 'hoxa.dt');
    await openAndClaim(page, draft.id, `Dự thảo báo cáo sơ kết – ${UNIT_NAME}`);

    await page.locator('.rc-returned-box', { hasText: 'Dự thảo đã bị trả lại để sửa' }).waitFor();
    assert.match(await page.locator('.rc-returned-box').textContent(), /Lê Đình Thắng/, 'who returned it, by name');
    assert.doesNotMatch(await page.locator('.rc-returned-box').textContent(), /hoxa\.td/, 'never by login');
    assert.match(await page.locator('.rc-history li.rc-returned .rc-who').first().textContent(), /Lê Đình Thắng/);
    assert.match(await page.locator('li.account a.dropdown-toggle').textContent(), /Hồ Thị Lan/,
      'Tasklist writes the drafter family name first, as Vietnamese does');
    assert.equal(await page.locator('.rc-history li.rc-returned .rc-text').first().textContent(), RETURN_COMMENT);
    assert.equal(await page.locator('.rc-history img').count(), 0, 'the comment is text, not HTML');
    assert.equal(await page.locator('textarea[name=section1]').inputValue(), SECTIONS.section1);
    assert.equal(await page.locator('input[name=partyMembers]').inputValue(), '10');
    assert.equal(await page.locator('input[name=newPartyMembers]').inputValue(), '3');
    await screenshot(page, 'draft-returned-with-comment');

    await page.locator('textarea[name=section4]').fill(REVISED_SECTION4);
    await completeSuccessfully(page, draft.id);
  });

  step('lets the reviewer approve and the leader sign', async () => {
    const review = await waitForTask(vinhLinh, 'ReviewDraft');
    await login(page, 'hoxa.td');
    await openAndClaim(page, review.id, `Thẩm định báo cáo sơ kết – ${UNIT_NAME}`);
    await page.locator('.rc-report [data-section=section4] .rc-text', { hasText: REVISED_SECTION4 }).waitFor();
    await page.locator('input[name=approved][value=true]').check();
    await completeSuccessfully(page, review.id);

    const signOff = await waitForTask(vinhLinh, 'SignDocument');
    await login(page, 'hoxa.kd');
    await openAndClaim(page, signOff.id, `Ký duyệt báo cáo sơ kết – ${UNIT_NAME}`);
    await page.locator('input[name=approved][value=true]').check();
    await screenshot(page, 'sign-off');
    await completeSuccessfully(page, signOff.id);
    await screenshot(page, 'signed');
  });

  step('has submitted the report with a number, its document and the return comment', async () => {
    const report = await eventually(async () => {
      const current = await api(`/api/campaigns/${vinhLinh}/units/${UNIT}/report`);
      return current.unit.status === 'SUBMITTED' && current;
    }, { timeout: 30_000, what: `the report of ${UNIT} to be submitted` });

    assert.match(report.unit.documentNumber, /^\d+-BC\/ĐU$/);
    assert.equal(report.sections.section1, SECTIONS.section1);
    assert.equal(report.sections.section4, REVISED_SECTION4);
    assert.equal(report.figures.newPartyMembers, 3);
    assert.equal(report.document.fileName, 'Báo cáo sơ kết Hồ Xá.pdf');
    assert.ok(
      report.comments.some((c) => c.decision === 'RETURNED' && c.comment === RETURN_COMMENT),
      `no RETURNED comment in ${JSON.stringify(report.comments)}`,
    );
  });

  step('issues Hồ Xá\'s report as a PDF signed by Hồ Xá, which reads in Vietnamese', async () => {
    const written = await api(`/api/campaigns/${vinhLinh}/units/${UNIT}/report/written`);
    assert.equal(written.signature.signer, UNIT_NAME);
    assert.equal(written.signature.level, 'PAdES');
    assert.equal(written.signedElsewhere, false);
    const text = await keepIssuedPdf(vinhLinh, UNIT, 'report-ho-xa');
    for (const expected of ['ĐẢNG CỘNG SẢN VIỆT NAM', 'HUYỆN ỦY VĨNH LINH', 'ĐẢNG ỦY THỊ TRẤN HỒ XÁ', `Số ${written.number}`,
      'BÁO CÁO', 'T/M ĐẢNG ỦY', 'Huyện ủy Vĩnh Linh (b/c)']) {
      assert.ok(text.includes(expected), `"${expected}" in the PDF's text: ${text.slice(0, 400)}`);
    }
  });

  step('lets Vĩnh Linh consolidate once its subordinates\' deadline passes, and issues its signed report', async () => {
    await fireTimer(vinhLinh, 'VL', 'SubordinatesDeadlinePassed');
    const draft = await waitForTask(vinhLinh, 'DraftDocument', 'VL/REPORT');
    const form = await api(`/api/tasks/${draft.id}`, { user: 'vinhlinh.dt' });
    const sections = Object.fromEntries(form.structure.sections.map((section) =>
      [section.key, `Huyện ủy Vĩnh Linh tổng hợp mục ${section.number}: số liệu của các đảng ủy cơ sở đã báo cáo.`]));
    await api(`/api/tasks/${draft.id}/complete`, { method: 'POST', user: 'vinhlinh.dt', body: { version: form.report.version, sections } });
    const review = await waitForTask(vinhLinh, 'ReviewDraft', 'VL/REPORT');
    await api(`/api/tasks/${review.id}/complete`, { method: 'POST', user: 'vinhlinh.td', body: { approved: true } });
    const signOff = await waitForTask(vinhLinh, 'SignDocument', 'VL/REPORT');
    await api(`/api/tasks/${signOff.id}/complete`, { method: 'POST', user: 'vinhlinh.kd', body: { approved: true } });

    const written = await eventually(async () => {
      const response = await request(`/api/campaigns/${vinhLinh}/units/VL/report/written`);
      return response.ok && response.json();
    }, { what: 'the issued report of Vĩnh Linh', timeout: 30_000 });
    assert.equal(written.signature.signer, 'Huyện ủy Vĩnh Linh');
    const text = await keepIssuedPdf(vinhLinh, 'VL', 'report-vinh-linh');
    for (const expected of ['HUYỆN ỦY VĨNH LINH', `Số ${written.number}`, 'T/M BAN THƯỜNG VỤ', UNIT_NAME,
      'Cộng các đơn vị trực thuộc']) {
      assert.ok(text.includes(expected), `"${expected}" in the PDF's text: ${text.slice(0, 400)}`);
    }
  });

  step('keeps the demo mailbox from a base unit\'s user', async () => {
    const response = await fetch(`${BASE_URL}/api/demo/mailbox`, {
      headers: { Authorization: basicAuth('hoxa.dt') },
    });
    assert.equal(response.status, 403);
  });

  step('lists each escalation mail once with all its recipients, in Vietnam\'s time', async () => {
    await eventually(async () => (await overdueInstances(conCo)).length > 0,
      { what: `overdue units of campaign ${conCo}`, timeout: 120_000 });
    const escalation = await eventually(async () => {
      const html = await (await fetch(`${BASE_URL}/api/demo/mailbox`, {
        headers: { Authorization: basicAuth('demo') },
      })).text();
      const articles = html.split('<article>').slice(1);
      return articles.find((article) => article.startsWith('<h3>Quá hạn') && /Gửi đến: [^<]*, /.test(article)) ?? false;
    }, { what: 'an escalation mail with several recipients', timeout: 90_000 });
    assert.match(escalation, /lúc \d{2}:\d{2}:\d{2} \d{2}\/\d{2}\/\d{4}/);
  });

  step('shows the overdue units of Cồn Cỏ to Ban Dân vận on the Cockpit dashboard', async () => {
    await eventually(async () => (await overdueInstances(conCo)).length > 0,
      { what: `overdue units of campaign ${conCo}`, timeout: 120_000 });

    await login(page, 'bdv', COCKPIT);
    const plugin = page.locator('section.overdue-units-plugin');
    // The section of its own, headed by what it lists, above the engine's counters.
    await page.locator('section.deprecate h1.section-title', { hasText: 'Đơn vị quá hạn báo cáo' }).waitFor();
    // The plugin lists each campaign as a heading with its count, then a table of its first page of units, a heading
    // row for each unit reported to.
    const campaign = plugin.locator(`xpath=.//h4[starts-with(normalize-space(.), "Đợt số ${conCo} –")]`);
    await campaign.waitFor();
    assert.match(await campaign.textContent(), /: \d+ đơn vị quá hạn$/);
    const table = campaign.locator('xpath=following-sibling::table[1]');
    const district = table.locator('tr.overdue-units-parent th').first();
    await district.waitFor();
    assert.match(await district.textContent(), /Huyện ủy Cồn Cỏ/);
    const units = table.locator('a');
    const baseUnits = units.filter({ hasText: /^Chi bộ cơ sở mẫu số \d+ – Huyện ủy Cồn Cỏ \(tên mẫu\)$/ });
    await baseUnits.first().waitFor();
    await scrollToTop(plugin);
    await screenshot(page, 'cockpit-overdue-units');

    // Each unit opens its view on the dashboard, not the engine's process instance.
    const overdueUnits = new Set((await overdueInstances(conCo)).map((instance) => instance.businessKey.split('/')[1]));
    for (const href of await units.evaluateAll((anchors) => anchors.map((a) => a.getAttribute('href')))) {
      const link = new URL(href, BASE_URL);
      assert.equal(link.pathname, '/dashboard', href);
      assert.equal(link.searchParams.get('campaign'), String(conCo), href);
      assert.ok(overdueUnits.has(link.searchParams.get('unit')), `${href} does not link to an overdue unit of campaign ${conCo}`);
    }
  });
});
