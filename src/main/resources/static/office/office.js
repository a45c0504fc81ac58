// The organising board's office page (see index.html). Nothing is decided here: the API checks every request and
// computes every date and count (the preview of a campaign is the server's own computation of what starting it
// would store); this page only gathers the inputs and shows the answers.

const LOGIN = '/camunda/app/tasklist/default/';
const MAX_MATCHES = 30;
const ZONE = 'Asia/Ho_Chi_Minh';
const DATE_TIME = new Intl.DateTimeFormat('vi-VN', { timeZone: ZONE, hour: '2-digit', minute: '2-digit',
  day: '2-digit', month: '2-digit', year: 'numeric' });
const NUMBER = new Intl.NumberFormat('vi-VN');

const state = {
  session: null,
  plans: [],
  units: [],
  levelNames: {},
  planLevels: null,
  root: null,
  deadlineOverrides: {},
  reminderOverrides: {},
  preview: null,
  previewSerial: 0,
  campaigns: [],
  ending: null,
  planBytes: null,
  treeFile: null,
  reorganisationFile: null,
  reorganisationCampaigns: new Set(),
  // The operator's choices the API takes with the file: a merged unit's deadline, and how each split unit reports.
  reorganisationChoices: { deadline: 'keep', splits: {} },
  mails: null,
  usersBytes: null,
};

class ApiError extends Error {
  constructor(message, errors = [], status = 0) {
    super(message);
    this.errors = errors;
    this.status = status;
  }
}

async function api(path, { method = 'GET', json, bytes, type, form } = {}) {
  const headers = { Accept: 'application/json', 'X-Requested-With': 'XMLHttpRequest' };
  let body;
  if (json !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(json);
  } else if (bytes !== undefined) {
    headers['Content-Type'] = type;
    body = bytes;
  } else if (form !== undefined) {
    // The browser writes the multipart boundary itself.
    body = form;
  }
  if (method !== 'GET' && state.session?.csrfToken) headers['X-XSRF-TOKEN'] = state.session.csrfToken;
  const response = await fetch(path, { method, headers, body, credentials: 'same-origin' });
  if (response.status === 401) {
    // Not logged in (or the session ended): the webapps' login, never a page without data.
    window.location.assign(LOGIN);
    throw new ApiError('Cần đăng nhập');
  }
  const answer = await response.json().catch(() => ({}));
  if (!response.ok) {
    throw new ApiError(answer.message || 'Lỗi HTTP ' + response.status, answer.errors || [], response.status);
  }
  return { status: response.status, body: answer };
}

const get = async (path) => (await api(path)).body;

function escape(text) {
  return String(text == null ? '' : text).replace(/[&<>"']/g, (c) => ({
    '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;',
  })[c]);
}

const $ = (id) => document.getElementById(id);
const number = (value) => (value == null ? '' : NUMBER.format(value));
const dateTime = (value) => (value ? DATE_TIME.format(new Date(value)) : '');

function showMessage(text) {
  $('message').textContent = text || '';
  $('message').hidden = !text;
}

function showNotice(html) {
  $('notice').innerHTML = html || '';
  $('notice').hidden = !html;
}

function showErrors(id, error) {
  const list = $(id);
  const lines = error ? (error.errors?.length ? error.errors.map((e) => e.message) : [error.message]) : [];
  list.innerHTML = lines.map((line) => `<li>${escape(line)}</li>`).join('');
  list.hidden = lines.length === 0;
}

/** "P7D" → "7 ngày", "PT12H" → "12 giờ", "P1DT6H" → "1 ngày 6 giờ". */
function durationWords(iso) {
  const match = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/.exec(iso);
  if (!match) return iso;
  const [, days, hours, minutes] = match;
  const words = [];
  if (days) words.push(`${days} ngày`);
  if (hours) words.push(`${hours} giờ`);
  if (minutes) words.push(`${minutes} phút`);
  return words.join(' ') || iso;
}

/** What a person types in the reminders box: whole days ("7, 1"), or ISO-8601 offsets for anything finer. */
function reminderText(offsets) {
  return offsets.map((iso) => (/^P(\d+)D$/.exec(iso)?.[1] ?? iso)).join(', ');
}

function reminderOffsets(text) {
  return text.split(/[,;\s]+/).filter(Boolean).map((token) => (/^\d+$/.test(token) ? `P${token}D` : token.toUpperCase()));
}

/** "2027-09-30" → "30/09/2027", as Vietnamese offices write dates. */
function dayText(iso) {
  const [year, month, day] = iso.split('-');
  return `${day}/${month}/${year}`;
}

/** "30/9/2027" or "30/09/2027" → "2027-09-30", as the API takes a date; anything else is sent as typed, to be refused. */
function isoDay(text) {
  const match = /^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\s*$/.exec(text);
  return match ? `${match[3]}-${match[2].padStart(2, '0')}-${match[1].padStart(2, '0')}` : text.trim();
}

/** For searching names as people type them, with or without diacritics. */
function folded(text) {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase();
}

// ---------------------------------------------------------------------------------------------------------- tabs

function showTab() {
  // A message or notice belongs to what was done on the tab it was shown on.
  showMessage(null);
  showNotice(null);
  const wanted = window.location.hash.slice(1) || 'dot';
  const tab = document.querySelector(`section.tab#${CSS.escape(wanted)}`) ? wanted : 'dot';
  document.querySelectorAll('section.tab').forEach((section) => { section.hidden = section.id !== tab; });
  document.querySelectorAll('#tabs a').forEach((link) => link.classList.toggle('active', link.dataset.tab === tab));
  if (tab === 'nhat-ky') loadAudit().catch(report);
}

function report(error) {
  showMessage(error.message);
}

// ------------------------------------------------------------------------------------------------ campaign start

function planNumbers() {
  return [...new Set(state.plans.map((plan) => plan.number))];
}

function fillPlans() {
  const select = $('plan');
  const chosen = select.value;
  select.innerHTML = planNumbers().map((numberOf) => {
    const latest = state.plans.filter((plan) => plan.number === numberOf).at(-1);
    return `<option value="${escape(numberOf)}">${escape(numberOf)} – ${escape(latest.title)}</option>`;
  }).join('');
  if (chosen && planNumbers().includes(chosen)) select.value = chosen;
  fillVersions();
}

function fillVersions() {
  const versions = state.plans.filter((plan) => plan.number === $('plan').value);
  $('plan-version').innerHTML = versions.slice().reverse().map((plan, index) =>
    `<option value="${plan.version}">Phiên bản ${plan.version}${index === 0 ? ' (mới nhất)' : ''}</option>`).join('');
}

async function loadPlanLevels() {
  const numberOf = $('plan').value;
  const version = $('plan-version').value;
  state.planLevels = null;
  if (!numberOf || !version) return;
  const plan = await get(`/api/plans/plan?number=${encodeURIComponent(numberOf)}&version=${encodeURIComponent(version)}`);
  state.planLevels = plan.levels.map((level) => level.key);
  if (state.root && !state.planLevels.includes(state.root.level)) chooseRoot(null);
  renderMatches();
}

function flattenUnits(tree) {
  tree.levels.forEach((level) => { state.levelNames[level.key] = level.name; });
  const units = [];
  const walk = (node, parent) => {
    units.push({ code: node.code, name: node.name, level: node.level, parentName: parent?.name ?? null,
      search: folded(`${node.name} ${node.code}`) });
    node.children.forEach((child) => walk(child, node));
  };
  tree.roots.forEach((root) => walk(root, null));
  state.units = units;
}

function matchingUnits() {
  const words = folded($('root-search').value.trim()).split(/\s+/).filter(Boolean);
  const levels = state.planLevels ?? [];
  const candidates = state.units.filter((unit) => levels.includes(unit.level));
  if (words.length === 0) {
    // Nothing typed: the units of the plan's top level, where most campaigns start.
    return candidates.filter((unit) => unit.level === levels[0]);
  }
  return candidates.filter((unit) => words.every((word) => unit.search.includes(word)));
}

function renderMatches() {
  const list = $('root-results');
  if (state.root) {
    list.innerHTML = '';
    return;
  }
  const matches = matchingUnits();
  list.innerHTML = matches.slice(0, MAX_MATCHES).map((unit) => `<li role="option" tabindex="0" data-code="${escape(unit.code)}">`
    + `${escape(unit.name)} <small>${escape(state.levelNames[unit.level] ?? unit.level)} · mã ${escape(unit.code)}`
    + `${unit.parentName ? ' · thuộc ' + escape(unit.parentName) : ''}</small></li>`).join('')
    + (matches.length > MAX_MATCHES ? `<li class="more">… và ${number(matches.length - MAX_MATCHES)} đơn vị khác; gõ thêm để thu hẹp</li>` : '')
    + (matches.length === 0 && state.planLevels ? '<li class="more">Không có đơn vị nào khớp ở các cấp của kế hoạch này</li>' : '');
}

function chooseRoot(code) {
  state.root = code ? state.units.find((unit) => unit.code === code) : null;
  $('root-chosen').hidden = !state.root;
  $('root-search').hidden = Boolean(state.root);
  if (state.root) {
    $('root-chosen-name').textContent = `${state.root.name} (${state.levelNames[state.root.level] ?? state.root.level}, mã ${state.root.code})`;
  } else {
    $('root-search').value = '';
  }
  renderMatches();
  inputsChanged();
}

/** Plan, version, root or year changed: the computed dates change with them, so earlier edits of dates are dropped. */
function inputsChanged() {
  state.deadlineOverrides = {};
  state.reminderOverrides = {};
  schedulePreview();
}

function startRequest() {
  const title = $('title').value.trim();
  const deadlines = {};
  Object.entries(state.deadlineOverrides).forEach(([level, kinds]) => {
    if (Object.keys(kinds).length) deadlines[level] = { ...kinds };
  });
  return {
    plan: $('plan').value,
    planVersion: Number($('plan-version').value),
    title: title || null,
    rootUnit: state.root?.code ?? '',
    year: $('year').value === '' ? null : Number($('year').value),
    deadlines,
    reminders: { ...state.reminderOverrides },
  };
}

let previewTimer = null;

function schedulePreview() {
  state.preview = null;
  $('start-button').disabled = true;
  clearTimeout(previewTimer);
  if (!state.root) {
    $('preview').hidden = true;
    showErrors('start-errors', null);
    return;
  }
  previewTimer = setTimeout(() => runPreview().catch(report), 250);
}

async function runPreview() {
  clearTimeout(previewTimer);
  if (!state.root) {
    showErrors('start-errors', new ApiError('Chưa chọn đơn vị chủ trì đợt'));
    return;
  }
  const serial = ++state.previewSerial;
  const request = startRequest();
  try {
    const { body } = await api('/api/campaigns/preview', { method: 'POST', json: request });
    // An answer to an older request (the user kept typing) is not shown.
    if (serial !== state.previewSerial) return;
    state.preview = { request, answer: body };
    showErrors('start-errors', null);
    renderPreview(body);
    $('start-button').disabled = false;
  } catch (error) {
    if (serial !== state.previewSerial) return;
    if (!(error instanceof ApiError) || error.status >= 500 || error.status === 0) throw error;
    state.preview = null;
    $('start-button').disabled = true;
    showErrors('start-errors', error);
    markInvalid(error.errors ?? []);
  }
}

function markInvalid(errors) {
  document.querySelectorAll('#start-form .invalid, #preview .invalid').forEach((node) => node.classList.remove('invalid'));
  const fields = { plan: 'plan', planVersion: 'plan-version', rootUnit: 'root-search', year: 'year', title: 'title' };
  errors.forEach((error) => {
    const id = fields[error.field];
    if (id) $(id).classList.add('invalid');
    const input = document.querySelector(`#preview [data-field="${CSS.escape(error.field)}"]`);
    if (input) input.classList.add('invalid');
  });
}

function renderPreview(preview) {
  markInvalid([]);
  $('preview').hidden = false;
  $('preview-summary').innerHTML = `Đợt <b>${escape(preview.title)}</b> theo kế hoạch <b>${escape(preview.planNumber)}</b> `
    + `(phiên bản ${preview.planVersion}), từ <b>${escape(preview.rootUnitName)}</b>, năm ${preview.year}: `
    + `<b data-total-units>${number(preview.totalUnits)}</b> đơn vị phải báo cáo.`;
  $('preview-levels').querySelector('tbody').innerHTML = preview.levels.map((level) => {
    const overrides = state.deadlineOverrides[level.level] ?? {};
    const deadlines = level.deadlines.map((deadline) => {
      const field = `deadlines.${level.level}.${deadline.kind}`;
      const changed = overrides[deadline.kind] !== undefined;
      return `<div class="deadline"><span>${escape(deadline.label)}</span>`
        + `<input type="text" inputmode="numeric" placeholder="ngày/tháng/năm" `
        + `value="${escape(dayText(overrides[deadline.kind] ?? deadline.date))}" data-level="${escape(level.level)}" data-kind="${escape(deadline.kind)}" `
        + `data-computed="${escape(deadline.date)}" data-field="${escape(field)}" class="${changed ? 'changed' : ''}" `
        + `aria-label="${escape(deadline.label)}"> <small>${escape(deadline.dueLabel)}</small></div>`;
    }).join('');
    const reminders = state.reminderOverrides[level.level] ?? level.reminders;
    return `<tr data-level="${escape(level.level)}"><td data-label="Cấp">${escape(level.name)}<br><small>${escape(level.level)}</small></td>`
      + `<td class="n" data-label="Số đơn vị" data-units>${number(level.units)}</td><td data-label="Các hạn (có thể sửa)">${deadlines}</td>`
      + `<td class="reminders" data-label="Nhắc hạn trước (số ngày)"><input type="text" value="${escape(reminderText(reminders))}" data-level="${escape(level.level)}" `
      + `data-field="reminders.${escape(level.level)}" aria-label="Nhắc hạn trước (ngày) – ${escape(level.name)}">`
      + `<small>${escape(level.remindersLabel)}</small></td></tr>`;
  }).join('');
  // Only a value that changes what would be sent computes the preview again: a re-drawn table removes the input a
  // person was typing in, and the browser still reports a change on it.
  $('preview-levels').querySelectorAll('input[data-kind]').forEach((input) => input.addEventListener('change', () => {
    const level = input.dataset.level;
    const overrides = state.deadlineOverrides[level] ?? (state.deadlineOverrides[level] = {});
    const day = isoDay(input.value);
    const wanted = day && day !== input.dataset.computed ? day : undefined;
    if (wanted === overrides[input.dataset.kind]) return;
    if (wanted === undefined) delete overrides[input.dataset.kind];
    else overrides[input.dataset.kind] = wanted;
    schedulePreview();
  }));
  $('preview-levels').querySelectorAll('.reminders input').forEach((input) => input.addEventListener('change', () => {
    const wanted = reminderOffsets(input.value);
    const current = state.reminderOverrides[input.dataset.level] ?? preview.levels.find((l) => l.level === input.dataset.level).reminders;
    if (wanted.join() === current.join()) return;
    state.reminderOverrides[input.dataset.level] = wanted;
    schedulePreview();
  }));
}

async function startCampaign() {
  if (!state.preview) return;
  $('start-button').disabled = true;
  try {
    const { body } = await api('/api/campaigns', { method: 'POST', json: state.preview.request });
    showNotice(`Đã bắt đầu đợt số ${body.id}: ${escape(state.preview.answer.title)}, `
      + `${number(state.preview.answer.totalUnits)} đơn vị; các đơn vị được mở dần, tiến độ ở danh sách đợt bên dưới. `
      + `<a href="/dashboard?campaign=${body.id}">Mở bảng theo dõi của đợt</a>`);
    state.preview = null;
    $('preview').hidden = true;
    $('title').value = '';
    chooseRoot(null);
    await Promise.all([loadCampaigns(), loadAudit()]);
  } catch (error) {
    if (!(error instanceof ApiError) || error.status >= 500 || error.status === 0) throw error;
    showErrors('start-errors', error);
  }
}

// -------------------------------------------------------------------------------------------- campaigns followed

function unitName(code) {
  return state.units.find((unit) => unit.code === code)?.name ?? code;
}

async function loadCampaigns() {
  state.campaigns = (await get('/api/campaigns')).slice().reverse();
  $('campaigns').querySelector('tbody').innerHTML = state.campaigns.map((campaign) => {
    const progress = campaign.progress;
    const submitted = progress?.countsByStatus?.SUBMITTED ?? 0;
    const total = progress?.units ?? 0;
    const share = total ? Math.round((100 * submitted) / total) : 0;
    const done = total > 0 && submitted === total;
    let status;
    if (campaign.ended) {
      status = `<span class="status ended">Đã kết thúc</span><span class="reason">Lý do: ${escape(campaign.ended.reason)}</span>`
        + `<span class="reason">${escape(campaign.ended.endedBy)}, ${escape(dateTime(campaign.ended.endedAt))}</span>`;
    } else if (campaign.opening) {
      status = openingStatus(campaign);
    } else {
      status = done ? '<span class="status done">Đã hoàn thành</span>' : '<span class="status running">Đang chạy</span>';
    }
    const opening = campaign.opening;
    const openedShare = opening?.total ? Math.floor((100 * opening.done) / opening.total) : 0;
    const progressCell = opening ? `<span data-opening>${escape(opening.label)}</span>`
      + `<span class="bar-progress opening"><i style="width:${openedShare}%"></i></span>`
      : progress ? `Đã nộp ${number(submitted)}/${number(total)} (${share}%)`
      + (progress.overdue ? `, quá hạn ${number(progress.overdue)}` : '')
      + `<span class="bar-progress"><i style="width:${share}%"></i></span>` : '';
    return `<tr data-campaign="${campaign.id}" class="${campaign.ended ? 'ended' : ''}">`
      + `<td data-label="Số">${campaign.id}</td><td data-label="Tên đợt">${escape(campaign.title)}</td>`
      + `<td data-label="Kế hoạch">${escape(campaign.planNumber)} (phiên bản ${campaign.planVersion})</td>`
      + `<td data-label="Đơn vị chủ trì">${escape(unitName(campaign.rootUnit))}</td><td data-label="Năm">${campaign.year}</td>`
      + `<td data-label="Bắt đầu">${escape(dateTime(campaign.startedAt))}${campaign.startedBy ? '<br><small>' + escape(campaign.startedBy) + '</small>' : ''}</td>`
      + `<td data-label="Tiến độ">${progressCell}</td><td data-label="Tình trạng" data-status>${status}</td>`
      + `<td class="row-actions"><div><a class="button" href="/dashboard?campaign=${campaign.id}">Bảng theo dõi</a>`
      + `<button type="button" data-mails="${campaign.id}">Thư đã gửi</button>`
      + (campaign.opening?.stopped ? `<button type="button" data-retry="${campaign.id}">Mở tiếp</button>` : '')
      + (campaign.ended || done ? '' : `<button type="button" data-end="${campaign.id}">Kết thúc…</button>`) + '</div></td></tr>';
  }).join('') || '<tr><td colspan="9">Chưa có đợt nào.</td></tr>';
  $('campaigns').querySelectorAll('button[data-end]').forEach((button) =>
    button.addEventListener('click', () => openEnd(Number(button.dataset.end))));
  $('campaigns').querySelectorAll('button[data-mails]').forEach((button) =>
    button.addEventListener('click', () => openMails(Number(button.dataset.mails), 0).catch(report)));
  $('campaigns').querySelectorAll('button[data-retry]').forEach((button) =>
    button.addEventListener('click', () => retryOpening(Number(button.dataset.retry), button).catch(report)));
  // A large campaign's units are written and opened in the background: follow it until every one has opened.
  clearTimeout(openingTimer);
  if (state.campaigns.some((campaign) => campaign.opening && !campaign.opening.stopped)) {
    openingTimer = setTimeout(() => loadCampaigns().catch(report), OPENING_REFRESH_MS);
  }
}

const OPENING_REFRESH_MS = 3000;
let openingTimer;

/** A campaign whose units are still being written or opened: how far, and the error that stopped it, if any. */
function openingStatus(campaign) {
  const { opening } = campaign;
  if (opening.stopped) {
    return '<span class="status failed">Dừng vì lỗi khi mở các đơn vị</span>'
      + `<span class="reason">${escape(opening.failure ?? '')}</span>`
      + '<span class="reason">Phần đã mở được giữ nguyên; bấm “Mở tiếp” để chạy lại từ chỗ dừng.</span>';
  }
  return '<span class="status running">Đang mở các đơn vị</span>'
    + (opening.failure ? `<span class="reason">Gặp lỗi, đang tự thử lại: ${escape(opening.failure)}</span>` : '');
}

async function retryOpening(id, button) {
  button.disabled = true;
  try {
    const { body } = await api(`/api/campaigns/${id}/opening/retry`, { method: 'POST' });
    showNotice(body.jobs ? `Đợt số ${id}: đang mở tiếp các đơn vị (${number(body.jobs)} việc chạy lại).`
      : `Đợt số ${id}: không có việc nào bị dừng.`);
    await Promise.all([loadCampaigns(), loadAudit()]);
  } finally {
    button.disabled = false;
  }
}

// ------------------------------------------------------------------------------------------------------ sent log

const MAIL_PAGE = 50;
const MAIL_STATUS = { PENDING: 'Đang chờ gửi', SENT: 'Đã gửi', NO_RECIPIENT: 'Không gửi được: không có địa chỉ nhận' };

async function openMails(campaignId, page) {
  const log = await get(`/api/campaigns/${campaignId}/mails?page=${page}&size=${MAIL_PAGE}`);
  state.mails = { campaignId, page, pages: Math.max(1, Math.ceil(log.total / MAIL_PAGE)) };
  $('mails-title').textContent = `Thư đã gửi – đợt số ${campaignId} (${number(log.total)} thư)`;
  $('mails').querySelector('tbody').innerHTML = log.items.map((mail) => {
    const status = `${MAIL_STATUS[mail.status] ?? mail.status}${mail.sentAt ? ' lúc ' + escape(dateTime(mail.sentAt)) : ''}`
      + (mail.lastError ? `<br><small>Lần gửi lỗi (${number(mail.attempts)} lần thử): ${escape(mail.lastError)}</small>` : '');
    const skipped = mail.skipped?.length ? `<br><small>Không có địa chỉ: ${escape(mail.skipped.join(', '))}</small>` : '';
    return `<tr data-mail="${mail.id}"><td data-label="Tạo lúc">${escape(dateTime(mail.createdAt))}</td>`
      + `<td data-label="Loại">${escape(mail.kindLabel)}</td><td data-label="Tiêu đề">${escape(mail.subject)}</td>`
      + `<td data-label="Người nhận">${escape(mail.recipients.join(', '))}${skipped}</td>`
      + `<td data-label="Tình trạng">${status}</td></tr>`;
  }).join('') || '<tr><td colspan="5">Đợt này chưa gửi thư nào.</td></tr>';
  $('mails-page').textContent = `Trang ${page + 1}/${state.mails.pages}`;
  $('mails-previous').disabled = page === 0;
  $('mails-next').disabled = page + 1 >= state.mails.pages;
  if (!$('mails-dialog').open) $('mails-dialog').showModal();
}

function openEnd(id) {
  const campaign = state.campaigns.find((c) => c.id === id);
  state.ending = id;
  $('end-what').textContent = `Đợt số ${id}: ${campaign.title} (${campaign.planNumber}, ${unitName(campaign.rootUnit)}, năm ${campaign.year}).`;
  $('end-reason').value = '';
  showErrors('end-errors', null);
  $('end-dialog').showModal();
  $('end-reason').focus();
}

async function confirmEnd() {
  const reason = $('end-reason').value.trim();
  if (!reason) {
    showErrors('end-errors', new ApiError('Phải ghi lý do kết thúc đợt'));
    return;
  }
  $('end-confirm').disabled = true;
  try {
    const { body } = await api(`/api/campaigns/${state.ending}/end`, { method: 'POST', json: { reason } });
    $('end-dialog').close();
    showNotice(`Đã kết thúc đợt số ${body.end.campaignId}; đã dừng ${number(body.removed)} quy trình đang chạy.`);
    await Promise.all([loadCampaigns(), loadAudit()]);
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    showErrors('end-errors', error);
  } finally {
    $('end-confirm').disabled = false;
  }
}

// --------------------------------------------------------------------------------------------------------- plans

async function loadPlans() {
  state.plans = await get('/api/plans');
  $('plans').querySelector('tbody').innerHTML = state.plans.slice().reverse().map((plan) => `<tr>`
    + `<td data-label="Số hiệu">${escape(plan.number)}</td><td class="n" data-label="Phiên bản">${plan.version}</td>`
    + `<td data-label="Tên">${escape(plan.title)}</td><td data-label="Đăng ký lúc">${escape(dateTime(plan.registeredAt))}</td>`
    + `<td data-label="Người đăng ký">${escape(plan.registeredBy ?? 'cài đặt sẵn')}</td>`
    + `<td><a href="/api/plans/file?number=${encodeURIComponent(plan.number)}&version=${plan.version}">Tải tệp</a></td></tr>`).join('');
  fillPlans();
}

async function planFileChosen() {
  const file = $('plan-file').files[0];
  $('plan-file-name').textContent = file ? file.name : 'Chưa chọn tệp';
  $('plan-register').disabled = true;
  state.planBytes = null;
  $('plan-result').hidden = true;
  if (!file) return;
  const bytes = await file.arrayBuffer();
  const text = new TextDecoder('utf-8').decode(bytes);
  $('plan-result').hidden = false;
  try {
    const { body } = await api('/api/plans/preview', { method: 'POST', bytes, type: 'application/yaml' });
    showErrors('plan-errors', null);
    $('plan-source').hidden = true;
    renderPlanPreview(body);
    state.planBytes = bytes;
    $('plan-register').disabled = body.registered;
  } catch (error) {
    if (!(error instanceof ApiError) || error.status >= 500 || error.status === 0) throw error;
    $('plan-preview').hidden = true;
    showErrors('plan-errors', error);
    renderSource('plan-source', text, error.errors ?? []);
  }
}

/** The file with its lines numbered, the lines an error names marked, the first of them in view. */
function renderSource(id, text, errors) {
  const bad = new Set(errors.map((error) => Number(/^Dòng (\d+)/.exec(error.message)?.[1])).filter(Boolean));
  const lines = text.split(/\r?\n/);
  $(id).innerHTML = lines.map((line, index) => `<div id="${id}-${index + 1}" class="${bad.has(index + 1) ? 'bad' : ''}">`
    + `<b>${index + 1}</b>${escape(line)}</div>`).join('');
  $(id).hidden = false;
  const first = Math.min(...bad);
  if (Number.isFinite(first)) {
    const node = $(`${id}-${first}`);
    $(id).scrollTop = Math.max(0, node.offsetTop - $(id).offsetTop - 60);
  }
}

function renderPlanPreview(preview) {
  const plan = preview.plan;
  const status = preview.registered
    ? `Tệp này đã được đăng ký: kế hoạch ${escape(preview.number)} phiên bản ${preview.version}. Không cần đăng ký lại.`
    : `Tệp hợp lệ. Khi đăng ký sẽ là <b>phiên bản ${preview.version}</b> của kế hoạch ${escape(preview.number)}`
      + `${preview.version > 1 ? ' (các đợt đang chạy vẫn giữ phiên bản của mình)' : ''}.`;
  const levels = preview.levels.map((level) => `<tr><td>${escape(level.name)}<br><small>${escape(level.key)}</small></td>`
    + `<td>${level.issuesGuidance ? 'Có' : 'Không'}</td><td>${escape(level.guidanceDue ?? '')}</td>`
    + `<td>${escape(level.subordinatesDue ?? '')}</td><td>${escape(level.reportDue ?? '')}</td>`
    + `<td>${level.reminders.length ? escape(level.reminders.map(durationWords).join(', ')) + ' trước mỗi hạn' : 'Không nhắc'}</td>`
    + `<td>${escape(level.signature ?? '')}</td></tr>`).join('');
  const sections = plan.sections.map((section) => `<div class="section"><b>${section.number}. ${escape(section.title)}</b>`
    + `${section.hint ? `<p>${escape(section.hint)}</p>` : ''}</div>`).join('');
  const groups = plan.annex.groups.map((group) => `<tr><th colspan="3">${escape(group.title)}</th></tr>`
    + group.indicators.map((indicator) => `<tr><td class="${indicator.partOf ? 'part' : ''}">`
      + `${indicator.partOf ? 'trong đó: ' : ''}${escape(indicator.label)}</td><td>${escape(indicator.unit ?? '')}</td>`
      + `<td><code>${escape(indicator.key)}</code></td></tr>`).join('')).join('');
  $('plan-preview').innerHTML = `<p class="notice" data-plan-status>${status}</p>`
    + `<h3>${escape(plan.title)}</h3><dl>`
    + `<dt>Số hiệu</dt><dd>${escape(plan.number)}</dd><dt>Loại</dt><dd>${escape(plan.kind)}</dd>`
    + `<dt>Cơ quan ban hành</dt><dd>${escape(plan.issuer)}</dd><dt>Ngày ban hành</dt><dd>${escape(plan.issuedOn)}</dd>`
    + `<dt>Năm của các hạn</dt><dd>${plan.year}</dd><dt>Ban chủ trì theo dõi</dt><dd>${escape(plan.organisingGroup)}</dd>`
    + `<dt>Văn bản</dt><dd>${escape(plan.documents.guidance)}; ${escape(plan.documents.report)}</dd></dl>`
    + `<h3>Các cấp và hạn (ngày/tháng)</h3><div class="scroll"><table class="grid"><thead><tr><th>Cấp</th><th>Ra hướng dẫn</th>`
    + `<th>Hạn hướng dẫn</th><th>Hạn nhận báo cáo cấp dưới</th><th>Hạn báo cáo</th><th>Nhắc hạn</th><th>Khối chữ ký</th></tr></thead>`
    + `<tbody>${levels}</tbody></table></div>`
    + `<h3>Đề cương báo cáo (các mục của mẫu dự thảo)</h3>${sections}`
    + `<h3>Biểu số liệu (phụ lục)</h3><div class="scroll"><table class="grid"><thead><tr><th>Chỉ tiêu</th><th>Đơn vị tính</th>`
    + `<th>Mã</th></tr></thead><tbody>${groups}</tbody></table></div>`;
  $('plan-preview').hidden = false;
}

async function registerPlan() {
  if (!state.planBytes) return;
  $('plan-register').disabled = true;
  try {
    const { status, body } = await api('/api/plans', { method: 'POST', bytes: state.planBytes, type: 'application/yaml' });
    showNotice(status === 201 ? `Đã đăng ký kế hoạch ${escape(body.number)} phiên bản ${body.version}.`
      : `Kế hoạch ${escape(body.number)} phiên bản ${body.version} đã có sẵn; không đăng ký lại.`);
    state.planBytes = null;
    $('plan-file').value = '';
    $('plan-file-name').textContent = 'Chưa chọn tệp';
    $('plan-result').hidden = true;
    await Promise.all([loadPlans(), loadAudit()]);
    await loadPlanLevels();
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    showErrors('plan-errors', error);
  }
}

// ---------------------------------------------------------------------------------------------------- unit trees

async function loadTrees() {
  const [versions, samples] = await Promise.all([get('/api/unit-trees'), get('/api/samples/unit-trees')]);
  const newest = versions.length - 1;
  $('tree-versions').querySelector('tbody').innerHTML = versions.slice().reverse().map((version, index) => `<tr>`
    + `<td class="n" data-label="Phiên bản">${version.id === 0 ? 'Tệp cài đặt' : version.id}`
    + `${index === 0 ? ' <b>(đang dùng)</b>' : ''}</td><td data-label="Tệp">${escape(version.fileName)}</td>`
    + `<td class="n" data-label="Số đơn vị">${number(version.units)}</td>`
    + `<td data-label="Áp dụng lúc">${escape(dateTime(version.appliedAt) || 'khi cài đặt')}</td>`
    + `<td data-label="Người áp dụng">${escape(version.appliedByName ?? version.appliedBy ?? '')}</td>`
    + `<td><a href="/api/unit-trees/${version.id}/file">Tải tệp</a></td></tr>`).join('');
  $('tree-versions').dataset.newest = String(versions[newest]?.id ?? 0);
  $('tree-samples').innerHTML = samples.map((name) => `<a href="/api/samples/unit-trees/${encodeURIComponent(name)}" `
    + `download>${escape(name)}</a>`).join(', ');
}

async function treeFileChosen() {
  const file = $('tree-file').files[0];
  $('tree-file-name').textContent = file ? file.name : 'Chưa chọn tệp';
  $('tree-apply').disabled = true;
  state.treeFile = null;
  $('tree-result').hidden = true;
  if (!file) return;
  const text = new TextDecoder('utf-8').decode(await file.arrayBuffer());
  const form = new FormData();
  form.append('file', file);
  $('tree-result').hidden = false;
  try {
    const { body } = await api('/api/unit-trees/preview', { method: 'POST', form });
    showErrors('tree-errors', null);
    $('tree-source').hidden = true;
    renderTreeChanges(body);
    state.treeFile = file;
    $('tree-apply').disabled = body.unchanged;
  } catch (error) {
    if (!(error instanceof ApiError) || error.status >= 500 || error.status === 0) throw error;
    $('tree-preview').hidden = true;
    showErrors('tree-errors', error);
    renderSource('tree-source', text, error.errors ?? []);
  }
}

const TREE_CHANGES = [
  ['added', 'Đơn vị thêm mới', 'Thuộc'],
  ['retired', 'Đơn vị không còn trong cây mới (thôi dùng cho đợt mới)', 'Trước đây thuộc'],
  ['renamed', 'Đơn vị đổi tên', 'Tên cũ → tên mới'],
  ['moved', 'Đơn vị chuyển cấp trên hoặc đổi cấp', 'Trước → sau'],
  ['regrouped', 'Đơn vị đổi nhóm người đảm nhiệm', 'Trước → sau'],
];

function renderTreeChanges(changes) {
  const levels = (list) => list.map((level) => level.name).join(' → ');
  const summary = changes.unchanged
    ? 'Tệp này giống cây đang dùng: không có gì thay đổi.'
    : `Cây đang dùng có ${number(changes.unitsBefore)} đơn vị, cây mới có <b>${number(changes.unitsAfter)}</b> đơn vị. `
      + TREE_CHANGES.map(([key, title]) => `${title}: <b>${number(changes[key].count)}</b>`).join('; ') + '.';
  const levelLine = levels(changes.levelsBefore) === levels(changes.levelsAfter) ? ''
    : `<p>Các cấp thay đổi: ${escape(levels(changes.levelsBefore))} <b>thành</b> ${escape(levels(changes.levelsAfter))}. `
      + 'Kế hoạch chỉ mở được đợt trên cây có các cấp của nó.</p>';
  const tables = TREE_CHANGES.filter(([key]) => changes[key].count > 0).map(([key, title, detail]) => {
    const listing = changes[key];
    const more = listing.count > listing.first.length ? `<p class="hint">Hiện ${number(listing.first.length)} trong `
      + `${number(listing.count)} đơn vị.</p>` : '';
    const rows = listing.first.map((entry) => `<tr><td data-label="Mã">${escape(entry.code)}</td>`
      + `<td data-label="Đơn vị">${escape(entry.name)}</td><td data-label="${escape(detail)}">`
      + `${escape([entry.before, entry.after].filter(Boolean).join(' → '))}</td></tr>`).join('');
    // Folded: a national file changes thousands of units, and the button to apply it stays in reach.
    return `<details class="changes"><summary>${escape(title)} (${number(listing.count)})</summary>`
      + `<div class="scroll"><table class="grid cards" data-change="${key}">`
      + `<thead><tr><th>Mã</th><th>Đơn vị</th><th>${escape(detail)}</th></tr></thead><tbody>${rows}</tbody></table></div>`
      + `${more}</details>`;
  }).join('');
  $('tree-preview').innerHTML = `<p class="notice" data-tree-status>${summary}</p>${levelLine}${tables}`;
  $('tree-preview').hidden = false;
}

async function applyTree() {
  if (!state.treeFile) return;
  $('tree-apply').disabled = true;
  const form = new FormData();
  form.append('file', state.treeFile);
  try {
    const { status, body } = await api('/api/unit-trees', { method: 'POST', form });
    state.treeFile = null;
    $('tree-file').value = '';
    $('tree-file-name').textContent = 'Chưa chọn tệp';
    $('tree-result').hidden = true;
    flattenUnits(await get('/api/units'));
    await Promise.all([loadTrees(), loadAudit()]);
    showNotice(status === 201
      ? `Đã áp dụng cây đơn vị mới (phiên bản ${body.id}, ${number(body.units)} đơn vị). Các đợt mở từ nay dùng cây này.`
      : 'Tệp này giống cây đang dùng; không có gì thay đổi.');
    // A root the new tree no longer offers is dropped; the preview is worked out again on the new tree.
    chooseRoot(state.root && state.units.some((unit) => unit.code === state.root.code) ? state.root.code : null);
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    showErrors('tree-errors', error);
  }
}

// ------------------------------------------------------------------------------------------------ reorganisation

async function loadReorganisations() {
  const [applied, samples] = await Promise.all([get('/api/reorganisations'), get('/api/samples/reorganisations')]);
  $('reorganisations').querySelector('tbody').innerHTML = applied.slice().reverse().map((version) => `<tr>`
    + `<td class="n" data-label="Lần">${version.id}</td>`
    + `<td data-label="Quyết định">Quyết định số ${escape(version.decisionNumber)} ngày ${escape(dayText(version.decisionDate))} `
    + `của ${escape(version.issuer)}${version.title ? ` — ${escape(version.title)}` : ''}</td>`
    + `<td data-label="Hiệu lực từ">${escape(dayText(version.effectiveOn))}</td>`
    + `<td data-label="Áp dụng lúc">${escape(dateTime(version.appliedAt))}</td>`
    + `<td data-label="Người áp dụng">${escape(version.appliedByName ?? version.appliedBy)}</td></tr>`).join('')
    || '<tr><td colspan="5">Chưa có lần sắp xếp tổ chức nào.</td></tr>';
  $('reorganisation-samples').innerHTML = samples.map((name) => `<a href="/api/samples/reorganisations/`
    + `${encodeURIComponent(name)}" download>${escape(name)}</a>`).join(', ');
}

/** The choices as the API's parameters: deadline=keep|recompute, split=<unit>:<successor>|<unit>:afresh. */
function choiceParameters() {
  const { deadline, splits } = state.reorganisationChoices;
  return [`deadline=${encodeURIComponent(deadline)}`,
    ...Object.values(splits).filter(Boolean).map((value) => `split=${encodeURIComponent(value)}`)].join('&');
}

async function reorganisationFileChosen() {
  const file = $('reorganisation-file').files[0];
  $('reorganisation-file-name').textContent = file ? file.name : 'Chưa chọn tệp';
  state.reorganisationChoices = { deadline: 'keep', splits: {} };
  await dryRunReorganisation(file);
}

async function dryRunReorganisation(file) {
  $('reorganisation-apply').disabled = true;
  state.reorganisationFile = null;
  $('reorganisation-result').hidden = true;
  if (!file) return;
  const text = new TextDecoder('utf-8').decode(await file.arrayBuffer());
  const form = new FormData();
  form.append('file', file);
  $('reorganisation-result').hidden = false;
  try {
    const { body } = await api(`/api/reorganisations?dryRun=true&${choiceParameters()}`, { method: 'POST', form });
    showErrors('reorganisation-errors', null);
    $('reorganisation-source').hidden = true;
    // Applied to every running campaign it can be applied to; one whose root it would end is left out, and said so.
    state.reorganisationCampaigns = new Set(body.campaigns.filter((campaign) => campaign.problems.length === 0)
      .map((campaign) => campaign.campaignId));
    renderReorganisation(body);
    state.reorganisationFile = file;
    reorganisationSelectionChanged();
  } catch (error) {
    if (!(error instanceof ApiError) || error.status >= 500 || error.status === 0) throw error;
    $('reorganisation-preview').hidden = true;
    showErrors('reorganisation-errors', error);
    renderSource('reorganisation-source', text, error.errors ?? []);
  }
}

/** A list of what happens to units, tasks or figures in one campaign, folded, with its count. */
function outcomeList(title, items, line) {
  if (!items || items.length === 0) return '';
  return `<details class="changes"><summary>${escape(title)} (${number(items.length)})</summary><ul class="lines">`
    + items.map((item) => `<li>${line(item)}</li>`).join('') + '</ul></details>';
}

function renderReorganisation(result) {
  const unit = (item) => `${escape(item.unitName ?? item.unitCode)}${item.note ? ` — ${escape(item.note)}` : ''}`;
  const task = (item) => `${escape(item.taskName)}${item.note ? ` — ${escape(item.note)}` : ''}`;
  // Units by name as the tree gives them (a new unit by the name the file gives it), a level by its name.
  const names = (codes) => (codes ?? []).map(unitName).join(', ');
  const changes = result.changes.map((change) => {
    const what = change.kind === 'ABOLISH_LEVEL'
      ? `${state.levelNames[change.level] ?? change.level}${change.except?.length ? ` (trừ ${names(change.except)})` : ''}`
      : [names(change.units), change.target ? `→ ${change.name ?? unitName(change.target)}`
        : change.parts?.length ? `→ ${change.parts.map((part) => part.name ?? part.code).join(', ')}`
          : change.name ? `→ ${change.name}` : '', change.parent ? `thuộc ${unitName(change.parent)}` : '']
        .filter(Boolean).join(' ');
    return `<li>${escape(change.kindLabel ?? change.kind)}: ${escape(what)}</li>`;
  }).join('');
  const campaigns = result.campaigns.map((campaign) => {
    const problems = campaign.problems.length
      ? `<ul class="errors">${campaign.problems.map((problem) => `<li>${escape(problem)}</li>`).join('')}</ul>` : '';
    const possible = campaign.problems.length === 0;
    return `<div class="campaign-outcome" data-campaign="${campaign.campaignId}"><h4><label>`
      + `<input type="checkbox" data-apply-to="${campaign.campaignId}"${possible ? ' checked' : ' disabled'}> `
      + `Đợt số ${campaign.campaignId} – ${escape(campaign.title)}</label></h4>`
      + `${possible ? '' : '<p class="hint">Không áp dụng được cho đợt này:</p>'}${problems}<p>Báo cáo đã nộp giữ nguyên: <b>${number(campaign.reportsKept)}</b>; `
      + `thay đổi vị trí đơn vị: <b>${number(campaign.changes.length)}</b>.</p>`
      + outcomeList('Báo cáo của đơn vị thay đổi (giữ nguyên, hiện dưới đơn vị kế thừa)', campaign.reportsOfChangedUnits, unit)
      + outcomeList('Việc đang mở được chuyển', campaign.openTasksMoved, task)
      + outcomeList('Việc đang mở được đóng', campaign.openTasksClosed, task)
      + outcomeList('Hạn thay đổi', campaign.deadlinesAffected, (item) => `${escape(item.unitName ?? item.unitCode)}: `
        + `${escape(item.deadline)} ${escape(dateTime(item.before))} → ${escape(dateTime(item.after))}`)
      + outcomeList('Đơn vị phải báo cáo thêm', campaign.expectedAdded, unit)
      + outcomeList('Đơn vị thôi phải báo cáo', campaign.expectedRemoved, unit)
      + outcomeList('Số liệu tính cho cấp trên mới', campaign.figuresReattributed, (item) => `${escape(item.unitName)} `
        + `(${escape(item.documentNumber ?? '')}): ${escape(item.fromParent ?? '—')} → ${escape(item.toParent ?? '—')}`)
      + outcomeList('Cấp trên được báo đủ báo cáo', campaign.parentsTold, unit)
      + (campaign.notes?.length ? `<ul class="lines">${campaign.notes.map((note) => `<li>${escape(note)}</li>`).join('')}</ul>` : '')
      + '</div>';
  }).join('') || '<p>Không có đợt nào đang chạy: chỉ cây đơn vị thay đổi.</p>';
  $('reorganisation-preview').innerHTML = `<p class="notice" data-reorganisation-status>${escape(result.decision)}, `
    + `hiệu lực từ ${escape(dayText(result.effectiveOn))}: ${number(result.changes.length)} thay đổi, `
    + `${number(result.campaigns.length)} đợt đang chạy. Đánh dấu các đợt sẽ áp dụng.</p>`
    + `<h3>Các thay đổi</h3><ul class="lines">${changes}</ul>${choicesForm(result)}`
    + `<h3>Với từng đợt đang chạy</h3>${campaigns}`;
  $('reorganisation-preview').hidden = false;
}

/** What the operator chooses: a merged unit's deadline, and for each unit split in a running campaign who reports. */
function choicesForm(result) {
  const { deadline, splits } = state.reorganisationChoices;
  const splitNeeds = new Map();
  result.campaigns.flatMap((campaign) => campaign.choicesNeeded ?? []).forEach((need) => splitNeeds.set(need.unitCode, need));
  Object.keys(splits).forEach((unit) => { if (!splitNeeds.has(unit)) splitNeeds.set(unit, null); });
  const splitLabel = (value) => {
    const [unit, to] = value.split(':');
    return to === 'afresh' ? 'mỗi đơn vị mới báo cáo từ đầu (báo cáo cũ giữ làm lịch sử)'
      : `giao báo cáo và số liệu của ${unitName(unit)} cho ${unitName(to)}`;
  };
  const selects = [...splitNeeds.entries()].filter(([, need]) => need).map(([unit, need]) => `<label>`
    + `Chia tách ${escape(unitName(unit))}: ${escape(need.explanation)}<select data-split="${escape(unit)}">`
    + '<option value="">— chọn —</option>'
    + need.values.map((value) => `<option value="${escape(value)}"${splits[unit] === value ? ' selected' : ''}>`
      + `${escape(splitLabel(value))}</option>`).join('') + '</select></label>').join('');
  return '<h3>Lựa chọn của người áp dụng</h3><div class="choices">'
    + '<label>Hạn báo cáo của đơn vị tiếp nối khi hợp nhất<select data-choice="deadline">'
    + `<option value="keep"${deadline === 'keep' ? ' selected' : ''}>giữ hạn của cấp theo đợt</option>`
    + `<option value="recompute"${deadline === 'recompute' ? ' selected' : ''}>tính lại theo kế hoạch từ ngày hiệu lực</option>`
    + `</select></label>${selects}</div>`;
}

function reorganisationSelectionChanged() {
  const chosen = state.reorganisationCampaigns.size;
  $('reorganisation-apply').disabled = !state.reorganisationFile || chosen === 0;
  $('reorganisation-apply').textContent = chosen ? `Áp dụng cho ${number(chosen)} đợt đã đánh dấu`
    : 'Áp dụng (chưa đánh dấu đợt nào)';
}

async function applyReorganisation() {
  if (!state.reorganisationFile) return;
  $('reorganisation-apply').disabled = true;
  const form = new FormData();
  form.append('file', state.reorganisationFile);
  const campaigns = [...state.reorganisationCampaigns];
  try {
    const { body } = await api(`/api/reorganisations?${campaigns.map((id) => `campaign=${id}`).join('&')}`
      + `&${choiceParameters()}`,
      { method: 'POST', form });
    state.reorganisationFile = null;
    $('reorganisation-file').value = '';
    $('reorganisation-file-name').textContent = 'Chưa chọn tệp';
    $('reorganisation-result').hidden = true;
    flattenUnits(await get('/api/units'));
    await Promise.all([loadReorganisations(), loadCampaigns(), loadAudit()]);
    showNotice(`Đã áp dụng ${escape(body.decision)} cho ${number(body.campaigns.length)} đợt đang chạy.`);
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    showErrors('reorganisation-errors', error);
  }
}

// --------------------------------------------------------------------------------------------------------- users

async function importUsers() {
  if (!state.usersBytes) return;
  $('users-import').disabled = true;
  try {
    const { body } = await api('/api/users/import', { method: 'POST', bytes: state.usersBytes, type: 'text/csv' });
    const rows = [
      ...body.imported.map((user) => ({ line: user.line, ok: true, user })),
      ...body.errors.map((error) => ({ line: error.line, ok: false, message: error.message })),
    ].sort((a, b) => a.line - b.line);
    $('users-summary').textContent = `Đã nhập ${number(body.imported.length)} người dùng; `
      + `${number(body.errors.length)} dòng bị từ chối. Hãy chuyển mật khẩu tạm cho từng người: trang này không hiện lại.`;
    $('users-summary').hidden = false;
    $('users-result').querySelector('tbody').innerHTML = rows.map((row) => (row.ok
      ? `<tr><td class="n" data-label="Dòng">${row.line}</td><td data-label="Kết quả">Đã nhập</td>`
        + `<td data-label="Tên đăng nhập">${escape(row.user.userId)}</td><td data-label="Thư điện tử">${escape(row.user.email)}</td>`
        + `<td data-label="Nhóm">${escape(row.user.groupName ?? row.user.group)}</td>`
        + `<td data-label="Mật khẩu tạm"><code>${escape(row.user.temporaryPassword ?? '(người dùng đã có)')}</code></td></tr>`
      : `<tr class="refused"><td class="n" data-label="Dòng">${row.line}</td>`
        + `<td colspan="5" data-label="Kết quả">Từ chối: ${escape(row.message)}</td></tr>`)).join('');
    $('users-result').hidden = false;
    state.usersBytes = null;
    $('users-file').value = '';
    $('users-file-name').textContent = 'Chưa chọn tệp';
    await loadAudit();
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    showMessage(error.errors?.length ? error.errors.map((e) => e.message).join('; ') : error.message);
  }
}

// ---------------------------------------------------------------------------------------------------------- audit

async function loadAudit() {
  const entries = await get('/api/audit?limit=50');
  $('audit').querySelector('tbody').innerHTML = entries.map((entry) => `<tr><td data-label="Thời điểm">${escape(dateTime(entry.actedAt))}</td>`
    + `<td data-label="Người thực hiện">${escape(entry.actorName ?? entry.actor)}</td><td data-label="Thao tác">${escape(entry.actionLabel)}</td>`
    + `<td data-label="Đối tượng">${escape(objectWords(entry))}</td><td data-label="Chi tiết">${escape(entry.detail ?? '')}</td></tr>`).join('')
    || '<tr><td colspan="5">Chưa có thao tác nào.</td></tr>';
}

function objectWords(entry) {
  if (entry.objectType === 'campaign') return `Đợt số ${entry.objectId}`;
  if (entry.objectType === 'plan') return `Kế hoạch ${entry.objectId.replace(/ v(\d+)$/, ' (phiên bản $1)')}`;
  if (entry.objectType === 'users') return `Tệp người dùng (${entry.objectId} dòng)`;
  if (entry.objectType === 'unit-tree') return `Cây đơn vị (phiên bản ${entry.objectId})`;
  if (entry.objectType === 'reorganisation') return `Sắp xếp tổ chức (lần ${entry.objectId})`;
  return `${entry.objectType} ${entry.objectId}`;
}

// ---------------------------------------------------------------------------------------------------------- start

function wire() {
  window.addEventListener('hashchange', showTab);
  $('plan').addEventListener('change', () => { fillVersions(); loadPlanLevels().catch(report); inputsChanged(); });
  $('plan-version').addEventListener('change', () => { loadPlanLevels().catch(report); inputsChanged(); });
  $('year').addEventListener('change', inputsChanged);
  $('title').addEventListener('change', schedulePreview);
  $('root-search').addEventListener('input', renderMatches);
  $('root-change').addEventListener('click', () => { chooseRoot(null); $('root-search').focus(); });
  const pick = (event) => {
    const item = event.target.closest('li[data-code]');
    if (item) chooseRoot(item.dataset.code);
  };
  $('root-results').addEventListener('click', pick);
  $('root-results').addEventListener('keydown', (event) => { if (event.key === 'Enter') pick(event); });
  $('preview-button').addEventListener('click', () => runPreview().catch(report));
  $('start-button').addEventListener('click', () => startCampaign().catch(report));
  $('end-cancel').addEventListener('click', () => $('end-dialog').close());
  $('mails-close').addEventListener('click', () => $('mails-dialog').close());
  $('mails-previous').addEventListener('click', () => openMails(state.mails.campaignId, state.mails.page - 1).catch(report));
  $('mails-next').addEventListener('click', () => openMails(state.mails.campaignId, state.mails.page + 1).catch(report));
  $('end-confirm').addEventListener('click', () => confirmEnd().catch(report));
  $('plan-file').addEventListener('change', () => planFileChosen().catch(report));
  $('plan-register').addEventListener('click', () => registerPlan().catch(report));
  $('tree-file').addEventListener('change', () => treeFileChosen().catch(report));
  $('tree-apply').addEventListener('click', () => applyTree().catch(report));
  $('reorganisation-file').addEventListener('change', () => reorganisationFileChosen().catch(report));
  $('reorganisation-apply').addEventListener('click', () => applyReorganisation().catch(report));
  $('reorganisation-preview').addEventListener('change', (event) => {
    // A choice changes what the reorganisation does: the dry run is asked again with it.
    const choice = event.target.closest('select[data-choice], select[data-split]');
    if (choice) {
      if (choice.dataset.choice === 'deadline') state.reorganisationChoices.deadline = choice.value;
      else state.reorganisationChoices.splits[choice.dataset.split] = choice.value;
      dryRunReorganisation($('reorganisation-file').files[0]).catch(report);
      return;
    }
    const box = event.target.closest('input[data-apply-to]');
    if (!box) return;
    const id = Number(box.dataset.applyTo);
    if (box.checked) state.reorganisationCampaigns.add(id); else state.reorganisationCampaigns.delete(id);
    reorganisationSelectionChanged();
  });
  $('users-file').addEventListener('change', async () => {
    const file = $('users-file').files[0];
    $('users-file-name').textContent = file ? file.name : 'Chưa chọn tệp';
    state.usersBytes = file ? await file.arrayBuffer() : null;
    $('users-import').disabled = !state.usersBytes;
  });
  $('users-import').addEventListener('click', () => importUsers().catch(report));
}

async function main() {
  wire();
  state.session = await get('/api/office/session');
  $('who').textContent = `Người dùng: ${state.session.name}`;
  if (!state.session.manages) {
    showMessage('Trang này dành cho quản trị viên và các ban theo dõi mọi đơn vị; tài khoản của bạn không có quyền dùng.');
    $('tabs').hidden = true;
    return;
  }
  $('users-denied').hidden = state.session.importsUsers;
  $('users-form').hidden = !state.session.importsUsers;
  $('users-import').hidden = !state.session.importsUsers;
  const today = new Date();
  // From July on, a new campaign is most likely next year's: the plan's days this year would mostly be past.
  $('year').value = today.getMonth() >= 6 ? today.getFullYear() + 1 : today.getFullYear();
  flattenUnits(await get('/api/units'));
  await loadPlans();
  await loadPlanLevels();
  await Promise.all([loadTrees(), loadReorganisations()]);
  showTab();
  await Promise.all([loadCampaigns(), loadAudit()]);
  document.body.dataset.ready = 'true';
}

main().catch(report);
