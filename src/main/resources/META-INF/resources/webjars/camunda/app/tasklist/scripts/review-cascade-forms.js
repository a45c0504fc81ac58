// review-cascade: the forms of the approval tasks (draft, review, sign-off), loaded by Tasklist as a custom script.
//
// Every task of documentApproval.bpmn has the embedded form /forms/task.html, which calls attach(camForm) below.
// The form reads what it shows from this application's API (/api/tasks/{id}: the report as stored, its version,
// the plan's sections and figures, the decisions so far), never from process variables, and shows every text
// exactly as written: as text, never as HTML or Markdown. Completing the task (Tasklist's own button) posts the
// user's input to /api/tasks/{id}/complete instead of the engine's submit-form, which would copy every text
// field into the engine's history. There is one save, the form's own "Lưu nháp", which saves on the server:
// Tasklist's "Lưu" (a copy in the browser, enabled only by fields bound to process variables, which these forms
// have none of) is hidden. Above every form stand the plan and the guidance of every level above the unit.
// A task with one possible worker is claimed as that worker opens it; any other greyed form says why. A refusal is
// shown in the form, beside Tasklist's buttons rather than in a notification over them; a completion is confirmed
// in a message that outlives the form.

// Times are shown in Vietnam's time, whatever the browser's zone; the API names the zone with every form.
let dateTime = null;
const NUMBER = new Intl.NumberFormat('vi-VN');
// What the server accepts (GET /api/limits: sections, comments, documents), read before any form is built.
let limits = null;

/** "10:32 25/11/2026", in Vietnam's time. */
function when(iso) {
  return iso && dateTime ? dateTime.format(new Date(iso)) : '';
}

function csrfToken() {
  const match = document.cookie.match(/(?:^|;\s*)XSRF-TOKEN=([^;]*)/);
  return match ? decodeURIComponent(match[1]) : '';
}

/** An error with the API's Vietnamese message, and the wrong fields when it named them. */
class ApiError extends Error {
  constructor(status, body) {
    super((body && body.message) || 'Máy chủ không trả lời được (HTTP ' + status + ')');
    this.status = status;
    this.errors = (body && body.errors) || [];
  }
}

async function call(method, path, body) {
  const headers = { Accept: 'application/json', 'X-XSRF-TOKEN': csrfToken(), 'X-Requested-With': 'XMLHttpRequest' };
  const init = { method, credentials: 'same-origin', headers };
  if (body instanceof FormData) {
    init.body = body;
  } else if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  let response;
  try {
    response = await fetch(path, init);
  } catch (e) {
    throw new ApiError(0, { message: 'Không kết nối được máy chủ; kiểm tra mạng rồi thử lại.' });
  }
  const text = await response.text();
  let json = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch (e) {
    json = null;
  }
  if (!response.ok) {
    throw new ApiError(response.status, json);
  }
  return json;
}

/** Builds an element; strings among the children become text nodes, so nothing is ever parsed as HTML. */
function el(tag, props, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'className') node.className = value;
    else if (key === 'text') node.textContent = value;
    else if (key.startsWith('on')) node.addEventListener(key.slice(2).toLowerCase(), value);
    else node.setAttribute(key, value === true ? '' : value);
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.appendChild(typeof child === 'string' || typeof child === 'number' ? document.createTextNode(String(child)) : child);
  }
  return node;
}

/** Replaces what the root shows; arrays are flattened and missing parts skipped, as in el(). */
function show(root, ...children) {
  root.replaceChildren(el('div', {}, ...children));
}

/** A written text shown exactly as written: line breaks kept, nothing interpreted. */
function writtenText(text, emptyLabel) {
  return text
    ? el('div', { className: 'rc-text', text })
    : el('div', { className: 'rc-text rc-empty', text: emptyLabel || '(chưa viết)' });
}

const STYLE = `
.rc-root { font-size: 14px; }
.rc-root h3 { margin-top: 0; }
.rc-root h4 { margin: 18px 0 6px; font-weight: 600; line-height: 1.4; white-space: normal; }
.rc-meta { color: #555; margin-bottom: 12px; }
.rc-text { white-space: pre-wrap; word-wrap: break-word; background: #fafafa; border: 1px solid #e3e3e3; padding: 8px 10px; }
.rc-empty { color: #888; font-style: italic; }
.rc-root textarea { width: 100%; resize: vertical; min-height: 90px; }
.rc-root .control-label { white-space: normal; display: block; font-weight: 600; line-height: 1.4; }
.rc-counter { float: right; color: #777; font-weight: normal; font-size: 12px; }
.rc-annex { width: 100%; margin-top: 6px; }
.rc-annex td, .rc-annex th { padding: 4px 6px; vertical-align: middle; border-bottom: 1px solid #eee; }
.rc-annex td.rc-num, .rc-annex th.rc-num { text-align: right; white-space: nowrap; }
.rc-annex input { width: 130px; text-align: right; }
.rc-annex .rc-group td { font-weight: 600; background: #f3f3f3; }
.rc-unit { color: #777; font-size: 12px; }
.rc-hint { margin: 0 0 4px; font-size: 12px; }
.rc-annex .has-error input { border-color: #a94442; }
.rc-field-error { color: #a94442; font-size: 12px; }
.rc-history { list-style: none; padding: 0; }
.rc-history li { border-left: 3px solid #ccc; padding: 4px 10px; margin-bottom: 8px; }
.rc-history li.rc-returned { border-left-color: #d9534f; }
.rc-history li.rc-approved { border-left-color: #5cb85c; }
.rc-history .rc-who { color: #555; font-size: 12px; }
.rc-returned-box { border: 1px solid #ebccd1; background: #f2dede; padding: 8px 12px; margin-bottom: 12px; }
.rc-summary { border: 1px solid #ebccd1; background: #f2dede; color: #a94442; padding: 8px 12px; margin: 8px 0; }
.rc-status { color: #3c763d; margin: 6px 0; min-height: 1.4em; }
.rc-badge { display: inline-block; padding: 0 6px; margin-left: 6px; border-radius: 3px; background: #fcf8e3; color: #8a6d3b; font-size: 12px; }
.rc-readonly { background: #d9edf7; border: 1px solid #bce8f1; padding: 6px 10px; margin-bottom: 10px; }
.rc-file-input { position: absolute; width: 1px; height: 1px; opacity: 0; overflow: hidden; }
.rc-file-button { margin-bottom: 6px; }
.rc-above { margin-bottom: 14px; }
.rc-above > h4 { margin-top: 0; }
.rc-plan { border: 1px solid #d6d6d6; background: #f7f7f7; padding: 6px 12px; margin-bottom: 8px; }
.rc-guidance { border: 1px solid #bce8f1; background: #f4fafd; padding: 4px 12px 8px; margin-bottom: 8px; }
.rc-guidance > summary { cursor: pointer; font-weight: 600; line-height: 1.4; padding: 4px 0; display: block; }
.rc-guidance > summary::before { content: '▸ '; color: #31708f; }
.rc-guidance[open] > summary::before { content: '▾ '; }
.rc-guidance:not([open]) > summary::after { content: ' (bấm để xem)'; font-weight: normal; color: #777; }
.rc-guidance > summary .rc-level { font-weight: normal; color: #31708f; }
.rc-guidance .rc-text { max-height: 420px; overflow: auto; }
.rc-guidance p { margin: 6px 0 0; }
/* Tasklist's own save keeps a copy in the browser, and only of fields bound to process variables: the form's
   "Lưu nháp" is the one save. */
.form-actions button[ng-click^="save"] { display: none; }
/* Said only while Tasklist greys the form, above its grey veil. */
.rc-claim-notice { display: none; }
.disabled-form .rc-claim-notice { display: block; position: relative; z-index: 3; border: 1px solid #faebcc;
  background: #fcf8e3; color: #8a6d3b; padding: 8px 12px; margin-bottom: 12px; font-size: 14px; }
.rc-claim-notice .btn { margin-left: 8px; }
.rc-refusal { border: 1px solid #ebccd1; background: #f2dede; color: #a94442; padding: 8px 12px; margin: 12px 0 0; }
.rc-refusal a { color: #843534; text-decoration: underline; cursor: pointer; }
`;

/** The message confirming a completion; it stays after Tasklist removes the form, under the page's header. */
const CONFIRMATION_STYLE = `
.rc-confirmation { position: fixed; top: 58px; left: 50%; transform: translateX(-50%); z-index: 2000;
  width: calc(100% - 24px); max-width: 620px; background: #dff0d8; border: 1px solid #d6e9c6; color: #3c763d;
  padding: 10px 40px 10px 14px; border-radius: 4px; box-shadow: 0 2px 8px rgba(0, 0, 0, 0.2); font-size: 14px; }
.rc-confirmation strong { display: block; margin-bottom: 2px; }
.rc-confirmation .close { position: absolute; top: 6px; right: 10px; }
`;

function capitalised(text) {
  return text ? text.charAt(0).toUpperCase() + text.slice(1) : '';
}

function header(form) {
  return el('div', {},
    el('style', { text: STYLE }),
    claimNotice(form),
    el('h3', { text: form.stepLabel + ' ' + form.documentTitle + ' – ' + form.unitName }),
    el('div', { className: 'rc-meta' },
      'Đợt số ' + form.campaignId + ' (' + form.campaignTitle + '), Kế hoạch ' + form.planNumber,
      form.due ? el('br') : null, form.due ? 'Hạn: ' + when(form.due) : null));
}

function history(items, title) {
  if (!items || items.length === 0) return null;
  return el('div', {},
    el('h4', { text: title || 'Các ý kiến đã có (mới nhất trước)' }),
    el('ul', { className: 'rc-history' }, items.map((item) => el('li', {
      className: item.decision === 'RETURNED' ? 'rc-returned' : 'rc-approved',
    },
    el('div', { className: 'rc-who' }, (item.step === 'SIGN' ? 'Ký duyệt' : 'Thẩm định') + ' · '
        + (item.decision === 'RETURNED' ? 'Trả lại để sửa' : 'Đồng ý') + ' · ' + (item.authorName || item.author || 'không rõ người')
        + ' · ' + when(item.createdAt)),
    item.comment ? el('div', { className: 'rc-text', text: item.comment }) : null))));
}

/** Depth of an indicator under its wholes, for indenting parts under what they are part of. */
function depths(indicators) {
  const byKey = Object.fromEntries(indicators.map((i) => [i.key, i]));
  const depth = (indicator, seen = new Set()) => (indicator.partOf && byKey[indicator.partOf] && !seen.has(indicator.key)
    ? 1 + depth(byKey[indicator.partOf], new Set([...seen, indicator.key])) : 0);
  return Object.fromEntries(indicators.map((i) => [i.key, depth(i)]));
}

/** Rows of the annex under a heading per group, in the plan's order. */
function groupedRows(indicators, columns, row) {
  const rows = [];
  let group = null;
  for (const indicator of indicators) {
    if (indicator.group && indicator.group !== group) {
      group = indicator.group;
      rows.push(el('tr', { className: 'rc-group' }, el('td', { colspan: columns, text: group })));
    }
    rows.push(row(indicator));
  }
  return rows;
}

/** The figure's label, indented under the whole it is part of, with what it counts ("người"). */
function annexLabel(indicator, depth, withError) {
  return el('td', { style: 'padding-left:' + (6 + depth * 22) + 'px' }, indicator.label,
    indicator.unit ? el('span', { className: 'rc-unit', text: ' (' + indicator.unit + ')' }) : null,
    withError ? el('div', { className: 'rc-field-error', 'data-error-for': indicator.key }) : null);
}

/** The link to a unit's document of a kind ('report' or 'guidance'), or a note that there is none. */
function documentLink(campaignId, unitCode, kind, doc) {
  if (!doc) return el('p', { className: 'rc-empty', text: 'Chưa có tệp văn bản đính kèm.' });
  const href = '/api/campaigns/' + campaignId + '/units/' + encodeURIComponent(unitCode) + '/' + kind + '/document';
  return el('p', {}, 'Tệp văn bản: ', el('a', { href, download: doc.fileName, className: 'rc-document-link', text: doc.fileName }),
    ' (' + NUMBER.format(Math.ceil(doc.sizeBytes / 1024)) + ' KB, ' + (doc.uploadedByName || doc.uploadedBy || '') + ', ' + when(doc.uploadedAt) + ')');
}

/**
 * The document as the system writes it from what is saved (36-HD layout, with the annex): a draft marked "DỰ THẢO"
 * until the leader signs, then the issued, signed PDF and its Word copy.
 */
function writtenLinks(form, kind) {
  const base = '/api/campaigns/' + form.campaignId + '/units/' + encodeURIComponent(form.unitCode) + '/' + kind + '/written';
  const annex = '/api/campaigns/' + form.campaignId + '/units/' + encodeURIComponent(form.unitCode) + '/annex.xlsx';
  return el('p', { className: 'rc-written' }, 'Văn bản theo thể thức (bản dự thảo cho đến khi ký ban hành): ',
    el('a', { href: base + '.pdf', target: '_blank', className: 'rc-written-pdf', text: 'PDF' }), ' · ',
    el('a', { href: base + '.docx', className: 'rc-written-docx', text: 'Word' }),
    ...(kind === 'report' ? [' · ', el('a', { href: annex, className: 'rc-annex-xlsx', text: 'Phụ lục số liệu (Excel)' })] : []),
    // After the sign-off the issued document is in the unit's register, where a token-signed PDF is uploaded.
    ...(form.step === 'SIGN' ? [' · ', el('a', { href: '/registers?unit=' + encodeURIComponent(form.unitCode)
      + '&campaign=' + form.campaignId, target: '_blank', className: 'rc-register', text: 'Sổ văn bản đi của đơn vị' })] : []));
}

/** "ngày 15/07/2019" from an ISO date (2019-07-15), as documents write it. */
function onDay(isoDate) {
  const [year, month, day] = (isoDate || '').split('-');
  return year ? 'ngày ' + day + '/' + month + '/' + year : '';
}

/** Texts longer than this start folded, so the form below stays within reach. */
const FOLDED_TEXT = 1200;

/**
 * What the unit's own document answers, above the form: the plan, then the guidance of every level above the unit in
 * this campaign, nearest first — number, date, issuer, text, attached document and the issued PDF — each folding
 * away; the nearest is open unless its text is long.
 */
function above(form) {
  const plan = form.plan;
  const chain = form.guidanceChain || [];
  return el('section', { className: 'rc-above', 'aria-label': 'Văn bản của cấp trên' },
    el('h4', { text: chain.length > 0 ? 'Văn bản của cấp trên trong đợt này (cấp gần nhất trước)' : 'Kế hoạch của đợt này' }),
    chain.map((guidance, index) => el('details', {
      className: 'rc-guidance', 'data-guidance-unit': guidance.unitCode,
      open: index === 0 && (guidance.text || '').length <= FOLDED_TEXT,
    },
    el('summary', {}, 'Hướng dẫn số ' + guidance.number + ' của ' + guidance.unitName + ', ban hành ' + when(guidance.issuedAt),
      el('span', { className: 'rc-level', text: index === 0 ? ' · cấp trên trực tiếp' : ' · cấp trên ' + (index + 1) + ' bậc' })),
    writtenText(guidance.text, '(không có nội dung)'),
    documentLink(form.campaignId, guidance.unitCode, 'guidance', guidance.document),
    el('p', {}, 'Văn bản đã ban hành: ', el('a', { target: '_blank', className: 'rc-received-pdf', text: 'PDF có chữ ký số',
      href: '/api/campaigns/' + form.campaignId + '/units/' + encodeURIComponent(guidance.unitCode) + '/guidance/written.pdf' })))),
    plan ? el('div', { className: 'rc-plan' },
      el('strong', { text: 'Kế hoạch số ' + plan.number }),
      ' ' + onDay(plan.issuedOn) + ' của ' + plan.issuer + ': ' + plan.title + '. ',
      el('a', { href: plan.fileUrl, target: '_blank', className: 'rc-plan-file', text: 'Xem tệp kế hoạch (lần ' + plan.version + ')' }))
      : null);
}

/**
 * Why the form is greyed and what to do, shown only while Tasklist greys it: claim the task (with a button doing what
 * Tasklist's "Nhận việc" does), or wait for whoever holds it.
 */
function claimNotice(form) {
  if (!form.claim || !form.claim.notice) return null;
  const claimable = form.canWork && !form.assignee;
  return el('div', { className: 'rc-claim-notice', role: 'note' }, form.claim.notice,
    claimable ? el('button', { type: 'button', className: 'btn btn-warning btn-xs rc-claim-button', onClick: () => {
      const button = document.querySelector('button.claim');
      if (button) button.click();
    } }, 'Nhận việc') : null);
}

/**
 * Claims the task for its one possible worker as the form opens, through Tasklist's own "Nhận việc" (so Tasklist
 * knows at once, and un-greys the form), once the button is drawn; gives up quietly, the notice saying what to do.
 */
function claimOnOpen(root, form) {
  if (!form.claim || !form.claim.onOpen || !form.canWork || form.assignee) return;
  const started = Date.now();
  const attempt = () => {
    // Only while this task's form is shown: never another task's, opened meanwhile.
    if (!root.isConnected) return;
    const button = document.querySelector('button.claim');
    if (button && !button.disabled) button.click();
    else if (Date.now() - started < 10000) setTimeout(attempt, 200);
  };
  attempt();
}

/** What happens after a completion, in the confirmation: where the document goes now. */
function nextStep(form, body) {
  const title = form.documentTitle;
  if (form.step === 'DRAFT') {
    return form.documentKind === 'REPORT' ? 'Dự thảo ' + title + ' đã được gửi thẩm định.'
      : 'Dự thảo ' + title + ' đã được gửi lãnh đạo ký duyệt.';
  }
  if (body && body.approved === false) return 'Dự thảo đã được trả lại cho người dự thảo, kèm ý kiến của bạn.';
  if (form.step === 'REVIEW') return 'Dự thảo đã được chuyển lãnh đạo ký duyệt.';
  return form.documentKind === 'REPORT' ? capitalised(title) + ' được ký số, cấp số và gửi lên cấp trên.'
    : capitalised(title) + ' được ký số, cấp số và ban hành tới các đơn vị cấp dưới.';
}

/** Confirms the completion in a message that stays after the form is gone, closed by the user or after 15 s. */
function confirmCompletion(form, body) {
  document.querySelectorAll('.rc-confirmation').forEach((node) => node.remove());
  const close = el('button', { type: 'button', className: 'close', 'aria-label': 'Đóng', text: '×' });
  const box = el('div', { className: 'rc-confirmation', role: 'status' },
    el('style', { text: CONFIRMATION_STYLE }),
    el('strong', { text: 'Đã hoàn thành: ' + form.taskName }),
    nextStep(form, body), close);
  close.addEventListener('click', () => box.remove());
  document.body.appendChild(box);
  setTimeout(() => box.remove(), 15000);
}

/** A file picker that attaches the unit's document of a kind and shows the link once stored. */
function documentPicker(form, kind, status, onStored) {
  const holder = el('div', { className: 'form-group', 'data-document': true });
  const current = () => documentLink(form.campaignId, form.unitCode, kind, kind === 'report'
    ? form.report.document : form.guidance.document);
  // The browser's own file button speaks the browser's language: a labelled button speaks Vietnamese.
  const input = el('input', { type: 'file', name: 'document', className: 'rc-file-input',
    accept: '.pdf,.docx,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document' });
  const picker = el('label', { className: 'btn btn-default rc-file-button' }, 'Chọn tệp PDF hoặc Word…', input);
  input.addEventListener('change', async () => {
    const file = input.files && input.files[0];
    if (!file) return;
    const body = new FormData();
    body.append('file', file);
    status.textContent = 'Đang tải tệp lên…';
    try {
      const info = await call('PUT', '/api/campaigns/' + form.campaignId + '/units/' + encodeURIComponent(form.unitCode)
        + '/' + kind + '/document', body);
      onStored(info);
      holder.replaceChild(current(), holder.firstChild);
      markErrors(holder.closest('.rc-root'), []);
      status.textContent = 'Đã đính kèm ' + info.fileName + '.';
    } catch (error) {
      status.textContent = '';
      fail(holder.closest('.rc-root'), error, 'Chưa đính kèm được tệp');
    } finally {
      input.value = '';
    }
  });
  holder.append(current(), picker, el('div', { className: 'rc-field-error', 'data-error-for': 'document' }));
  return holder;
}

/** The report as written, read-only: every section, the annex with the subordinates' sums, the subordinates. */
function reportView(form) {
  const report = form.report;
  const structure = form.structure;
  const rolledUp = report.subordinates && report.subordinates.length > 0;
  const depth = depths(structure.indicators);
  const rows = groupedRows(structure.indicators, rolledUp ? 4 : 2, (indicator) => {
    const own = report.figures[indicator.key];
    const difference = report.differences[indicator.key];
    return el('tr', { 'data-figure': indicator.key },
      annexLabel(indicator, depth[indicator.key], false),
      el('td', { className: 'rc-num', text: own === undefined ? '—' : NUMBER.format(own) }),
      rolledUp ? el('td', { className: 'rc-num', text: NUMBER.format(report.subordinateTotals[indicator.key] || 0) }) : null,
      rolledUp ? el('td', { className: 'rc-num', text: difference ? (difference > 0 ? '+' : '') + NUMBER.format(difference) : '' }) : null);
  });
  return el('div', { className: 'rc-report' },
    structure.sections.map((section) => el('section', { 'data-section': section.key },
      el('h4', { text: section.number + '. ' + section.title }),
      writtenText(report.sections[section.key]))),
    el('h4', { text: 'Phụ lục số liệu' }),
    el('table', { className: 'rc-annex table-condensed' },
      el('thead', {}, el('tr', {}, el('th', { text: 'Chỉ tiêu' }), el('th', { className: 'rc-num', text: 'Số liệu' }),
        rolledUp ? el('th', { className: 'rc-num', text: 'Tổng cấp dưới' }) : null,
        rolledUp ? el('th', { className: 'rc-num', text: 'Chênh lệch' }) : null)),
      el('tbody', {}, rows)),
    rolledUp ? subordinates(report.subordinates) : null,
    documentLink(form.campaignId, form.unitCode, 'report', report.document),
    writtenLinks(form, 'report'));
}

function subordinates(list) {
  return el('div', {},
    el('h4', { text: 'Báo cáo của đơn vị cấp dưới' }),
    el('table', { className: 'rc-annex table-condensed' },
      el('tbody', {}, list.map((sub) => el('tr', {},
        el('td', { text: sub.unitName }),
        el('td', {}, sub.submittedAt ? 'Đã gửi ' + when(sub.submittedAt) : 'Chưa gửi',
          sub.submittedLate ? el('span', { className: 'rc-badge', text: 'gửi muộn' }) : null,
          sub.lateAddition ? el('span', { className: 'rc-badge', text: 'bổ sung sau khi tổng hợp' }) : null,
          sub.overdue ? el('span', { className: 'rc-badge', text: 'quá hạn' }) : null))))));
}

function markErrors(root, errors) {
  root.querySelectorAll('.has-error').forEach((node) => node.classList.remove('has-error'));
  root.querySelectorAll('[data-error-for]').forEach((node) => { node.textContent = ''; });
  const summary = root.querySelector('.rc-summary');
  summary.textContent = '';
  summary.hidden = errors.length === 0;
  const refusal = root.querySelector('.rc-refusal');
  if (refusal && errors.length === 0) refusal.hidden = true;
  for (const error of errors) {
    const slot = root.querySelector('[data-error-for="' + CSS.escape(error.field || '') + '"]');
    if (slot) {
      slot.textContent = error.message;
      const holder = slot.closest('.form-group, tr');
      if (holder) holder.classList.add('has-error');
    }
    summary.appendChild(el('div', { text: error.message }));
  }
}

/** Tasklist shows no notification for a completion failing with these words: the form says it, in place. */
const SHOWN_IN_FORM = 'review-cascade: submission prevented';

/**
 * Shows a refusal in the form: the wrong fields marked, all of them listed at the top, and at the bottom — beside the
 * button the user just pressed, covering nothing — what went wrong with a link to the first marked field. Returns the
 * error to hand Tasklist, which it does not show again.
 */
function fail(root, error, what) {
  const errors = error.errors && error.errors.length ? error.errors : [{ field: '', message: error.message }];
  markErrors(root, errors);
  let refusal = root.querySelector('.rc-refusal');
  if (!refusal) {
    refusal = el('div', { className: 'rc-refusal', role: 'alert' });
    root.firstChild.appendChild(refusal);
  }
  const first = root.querySelector('.has-error');
  refusal.replaceChildren(el('strong', { text: (what || 'Chưa lưu được') + '. ' }),
    errors.length === 1 ? errors[0].message : 'Có ' + errors.length + ' chỗ cần sửa; đầu tiên: ' + errors[0].message,
    first ? ' ' : null,
    first ? el('a', { role: 'button', tabindex: '0', text: 'Đến chỗ cần sửa', onClick: () => {
      first.scrollIntoView({ block: 'center' });
      const input = first.querySelector('input:not([type=radio]), textarea, input');
      if (input) input.focus({ preventScroll: true });
    } }) : null);
  refusal.hidden = false;
  refusal.scrollIntoView({ block: 'nearest' });
  return new Error(SHOWN_IN_FORM + ': ' + errors[0].message);
}

/** The draft of a report: every section and figure, pre-filled from the report as stored. */
function reportDraft(root, form) {
  const report = form.report;
  let version = report.version;
  const status = el('div', { className: 'rc-status', role: 'status' });
  const returned = form.history.filter((item) => item.decision === 'RETURNED');
  const sectionInputs = {};
  const figureInputs = {};
  const depth = depths(form.structure.indicators);

  const sectionGroups = form.structure.sections.map((section) => {
    const counter = el('span', { className: 'rc-counter' });
    const input = el('textarea', { className: 'form-control', name: section.key, rows: 6, maxlength: limits.maxWrittenText,
      'aria-label': section.number + '. ' + section.title });
    input.value = report.sections[section.key] || '';
    const count = () => {
      counter.textContent = NUMBER.format(input.value.length) + ' / ' + NUMBER.format(limits.maxWrittenText) + ' ký tự';
      input.style.height = 'auto';
      input.style.height = Math.min(Math.max(input.scrollHeight + 2, 90), 600) + 'px';
    };
    input.addEventListener('input', count);
    setTimeout(count);
    sectionInputs[section.key] = input;
    return el('div', { className: 'form-group', 'data-section': section.key },
      el('label', { className: 'control-label' }, section.number + '. ' + section.title, counter),
      section.hint ? el('p', { className: 'help-block rc-hint', text: section.hint }) : null,
      input, el('div', { className: 'rc-field-error', 'data-error-for': section.key }));
  });

  const rolledUp = report.subordinates && report.subordinates.length > 0;
  const figureRows = groupedRows(form.structure.indicators, rolledUp ? 3 : 2, (indicator) => {
    const input = el('input', { type: 'text', inputmode: 'numeric', className: 'form-control input-sm', name: indicator.key,
      'aria-label': indicator.label, autocomplete: 'off' });
    const value = report.figures[indicator.key];
    input.value = value === undefined || value === null ? '' : String(value);
    figureInputs[indicator.key] = input;
    return el('tr', { 'data-figure': indicator.key },
      annexLabel(indicator, depth[indicator.key], true),
      el('td', { className: 'rc-num' }, input),
      rolledUp ? el('td', { className: 'rc-num', text: NUMBER.format(report.subordinateTotals[indicator.key] || 0) }) : null);
  });

  show(root,
    header(form),
    above(form),
    returned.length > 0 ? el('div', { className: 'rc-returned-box' },
      el('strong', { text: 'Dự thảo đã bị trả lại để sửa.' }), ' Ý kiến gần nhất: ' + (returned[0].authorName || returned[0].author || '') + ', '
        + when(returned[0].createdAt) + '.') : null,
    history(form.history),
    el('p', { className: 'rc-meta', text: 'Viết đủ các mục theo đề cương của kế hoạch và nhập đủ phụ lục số liệu (ghi 0 nếu '
      + 'không có). ' + (rolledUp ? 'Số liệu đã được điền sẵn bằng tổng số liệu cấp dưới đã gửi; sửa số nào thì phần chênh '
      + 'lệch được ghi lại. ' : '') + 'Nút "Lưu nháp" (cuối biểu mẫu) lưu lên máy chủ để làm tiếp sau; "Hoàn thành" gửi '
      + 'thẩm định.' }),
    el('div', { className: 'rc-summary', hidden: true, role: 'alert' }),
    sectionGroups,
    el('h4', { text: 'Phụ lục số liệu' }),
    el('table', { className: 'rc-annex' },
      el('thead', {}, el('tr', {}, el('th', { text: 'Chỉ tiêu' }), el('th', { className: 'rc-num', text: 'Số liệu' }),
        rolledUp ? el('th', { className: 'rc-num', text: 'Tổng cấp dưới' }) : null)),
      el('tbody', {}, figureRows)),
    el('h4', { text: 'Tệp văn bản (PDF hoặc Word, tối đa ' + limits.maxDocumentMegabytes + ' MB)' }),
    documentPicker(form, 'report', status, (info) => { form.report.document = info; }),
    el('button', { type: 'button', className: 'btn btn-default rc-save', onClick: () => save().catch(() => {}) }, 'Lưu nháp'),
    status);

  const reportPath = '/api/campaigns/' + form.campaignId + '/units/' + encodeURIComponent(form.unitCode) + '/report';

  function values() {
    const sections = {};
    const figures = {};
    for (const [key, input] of Object.entries(sectionInputs)) sections[key] = input.value;
    for (const [key, input] of Object.entries(figureInputs)) figures[key] = input.value.trim() === '' ? null : input.value.trim();
    return { version, sections, figures };
  }

  async function save() {
    status.textContent = 'Đang lưu…';
    try {
      const saved = await call('PUT', reportPath, values());
      version = saved.version;
      markErrors(root, []);
      status.textContent = 'Đã lưu lúc ' + when(new Date().toISOString()) + '.';
    } catch (error) {
      status.textContent = '';
      throw fail(root, error);
    }
  }

  return {
    save,
    async submit() {
      try {
        await call('POST', '/api/tasks/' + encodeURIComponent(form.taskId) + '/complete', values());
      } catch (error) {
        throw fail(root, error, 'Chưa hoàn thành được');
      }
      confirmCompletion(form, null);
    },
  };
}

/** Review or sign-off: the report (or guidance) read-only, the decisions so far, and the decision. */
function decision(root, form) {
  const approve = el('input', { type: 'radio', name: 'approved', value: 'true' });
  const reject = el('input', { type: 'radio', name: 'approved', value: 'false' });
  const comment = el('textarea', { className: 'form-control', name: 'comment', rows: 4, maxlength: limits.maxComment,
    'aria-label': 'Ý kiến' });
  show(root,
    header(form),
    form.canWork ? null : el('div', { className: 'rc-readonly', text: 'Bạn chỉ được xem việc này (việc của đơn vị cấp dưới).' }),
    above(form),
    form.report ? reportView(form) : el('div', { className: 'rc-report' },
      el('h4', { text: capitalised(form.documentTitle) + ' gửi các đơn vị cấp dưới' }),
      writtenText(form.guidance && form.guidance.text),
      documentLink(form.campaignId, form.unitCode, 'guidance', form.guidance && form.guidance.document),
      writtenLinks(form, 'guidance')),
    history(form.history),
    form.canWork ? el('div', {},
      el('div', { className: 'rc-summary', hidden: true, role: 'alert' }),
      el('h4', { text: 'Ý kiến của bạn' }),
      el('div', { className: 'form-group', 'data-field': 'approved' },
        el('label', { className: 'radio-inline' }, approve, ' Đồng ý'),
        el('label', { className: 'radio-inline' }, reject, ' Trả lại để sửa'),
        el('div', { className: 'rc-field-error', 'data-error-for': 'approved' })),
      el('div', { className: 'form-group' },
        el('label', { className: 'control-label', text: 'Nội dung cần sửa (bắt buộc khi trả lại)' }),
        comment,
        el('div', { className: 'rc-field-error', 'data-error-for': 'comment' }))) : null);
  return {
    async submit() {
      if (!form.canWork) throw new Error('Bạn chỉ được xem việc này.');
      const body = { approved: approve.checked ? true : reject.checked ? false : null, comment: comment.value };
      try {
        await call('POST', '/api/tasks/' + encodeURIComponent(form.taskId) + '/complete', body);
      } catch (error) {
        throw fail(root, error, 'Chưa hoàn thành được');
      }
      confirmCompletion(form, body);
    },
  };
}

/** The draft of guidance: its text and, if wished, its document; issued as drafted once the leader signs. */
function guidanceDraft(root, form) {
  let version = form.guidance.version;
  const status = el('div', { className: 'rc-status', role: 'status' });
  const counter = el('span', { className: 'rc-counter' });
  const text = el('textarea', { className: 'form-control', name: 'guidanceText', rows: 12, maxlength: limits.maxWrittenText,
    'aria-label': 'Nội dung ' + form.documentTitle });
  text.value = form.guidance.text || '';
  const count = () => {
    counter.textContent = NUMBER.format(text.value.length) + ' / ' + NUMBER.format(limits.maxWrittenText) + ' ký tự';
  };
  text.addEventListener('input', count);
  count();
  const guidancePath = '/api/campaigns/' + form.campaignId + '/units/' + encodeURIComponent(form.unitCode) + '/guidance';
  show(root,
    header(form),
    above(form),
    history(form.history),
    el('p', { className: 'rc-meta', text: capitalised(form.documentTitle) + ' gửi các đơn vị cấp dưới: nội dung, thời hạn, đề cương báo cáo. '
      + 'Sau khi lãnh đạo ký ban hành, mọi đơn vị cấp dưới thấy nội dung và tệp văn bản này ở đầu biểu mẫu báo cáo của mình.' }),
    el('div', { className: 'rc-summary', hidden: true, role: 'alert' }),
    el('div', { className: 'form-group', 'data-field': 'guidanceText' },
      el('label', { className: 'control-label' }, 'Nội dung ' + form.documentTitle, counter),
      text, el('div', { className: 'rc-field-error', 'data-error-for': 'guidanceText' })),
    el('h4', { text: 'Tệp văn bản (PDF hoặc Word, tối đa ' + limits.maxDocumentMegabytes + ' MB, không bắt buộc)' }),
    documentPicker(form, 'guidance', status, (info) => { form.guidance.document = info; }),
    el('button', { type: 'button', className: 'btn btn-default rc-save', onClick: () => save().catch(() => {}) }, 'Lưu nháp'),
    status);

  async function save() {
    status.textContent = 'Đang lưu…';
    try {
      const saved = await call('PUT', guidancePath, { version, text: text.value });
      version = saved.version;
      markErrors(root, []);
      status.textContent = 'Đã lưu lúc ' + when(new Date().toISOString()) + '.';
    } catch (error) {
      status.textContent = '';
      throw fail(root, error);
    }
  }

  return {
    save,
    async submit() {
      try {
        await call('POST', '/api/tasks/' + encodeURIComponent(form.taskId) + '/complete', { version, text: text.value });
      } catch (error) {
        throw fail(root, error, 'Chưa hoàn thành được');
      }
      confirmCompletion(form, null);
    },
  };
}

function attach(camForm) {
  const root = camForm.formElement[0].querySelector('[data-rc-root]');
  let editor = null;
  const task = call('GET', '/api/tasks/' + encodeURIComponent(camForm.taskId));
  let loading = Promise.all([task, call('GET', '/api/limits')]).then(([form, served]) => {
    limits = served;
    dateTime = new Intl.DateTimeFormat('vi-VN', {
      timeZone: form.timeZone, hour: '2-digit', minute: '2-digit', day: '2-digit', month: '2-digit', year: 'numeric',
    });
    if (form.step === 'DRAFT' && form.documentKind === 'REPORT' && form.canWork) editor = reportDraft(root, form);
    else if (form.step === 'DRAFT' && form.canWork) editor = guidanceDraft(root, form);
    else editor = decision(root, form);
    claimOnOpen(root, form);
  }, (error) => {
    show(root, el('div', { className: 'rc-summary', text: 'Không tải được nội dung của việc: ' + error.message }));
    throw error;
  });
  // Completing sends the user's input to this application, in one transaction with the completion.
  camForm.submitVariables = (done) => {
    loading.then(() => editor.submit()).then(() => done(null), (error) => done(error));
  };
  // Tasklist stores the form when the login expires (its own save button is hidden): the draft is saved on the
  // server, where others see it, rather than kept in this browser.
  camForm.store = () => {
    loading.then(() => editor && editor.save && editor.save()).catch(() => {});
  };
}

window.reviewCascadeForms = { attach };

export default [];
