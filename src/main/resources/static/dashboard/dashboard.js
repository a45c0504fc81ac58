// The organising board's dashboard (see index.html). One campaign at a time (?campaign=), opened at a unit
// (?unit=, by default the highest unit the user may see): the rates, the submissions and the unit's details all count
// that unit's subtree. Every number comes from the API, nothing is counted here.

const LOGIN = '/camunda/app/tasklist/default/';
const PAGE_SIZE = 20;
const STATES = [
  { field: 'onTime', label: 'Đúng hạn', color: '#2e7d32' },
  { field: 'late', label: 'Muộn', color: '#f9a825' },
  { field: 'notYet', label: 'Chưa nộp', color: '#90a4ae' },
  { field: 'overdue', label: 'Quá hạn', color: '#c62828' },
];
const DATE = new Intl.DateTimeFormat('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh', day: '2-digit', month: '2-digit', year: 'numeric' });
const DATE_TIME = new Intl.DateTimeFormat('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh', hour: '2-digit', minute: '2-digit',
  day: '2-digit', month: '2-digit', year: 'numeric' });
// Vietnamese day and month come out as "01-02" from Intl (CLDR's vi pattern for that pair): written as dd/MM here.
const DAY_MONTH_PARTS = new Intl.DateTimeFormat('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh', day: '2-digit', month: '2-digit' });
const NUMBER = new Intl.NumberFormat('vi-VN');
const NARROW = window.matchMedia('(max-width: 700px)');

/**
 * campaign and unit are the address's (unit null: the API's default, the highest unit the user may see); scope is
 * the unit the rates last counted, home the user's whole view of the campaign once known.
 */
const state = { campaign: null, unit: null, scope: null, home: null, parentsPage: 0, childrenPage: 0 };
const charts = {};
// What each chart last drew, to draw it again for a phone's or a desktop's width when the window crosses over.
const redraws = {};
// Each view the user asks for gets a number: the answers of one asked for earlier are dropped.
let generation = 0;

class ApiError extends Error {}

async function api(path) {
  const response = await fetch(path, {
    credentials: 'same-origin',
    headers: { Accept: 'application/json', 'X-Requested-With': 'XMLHttpRequest' },
  });
  if (response.status === 401) {
    // Not logged in (or the session ended): the webapps' login, never a page without data.
    window.location.assign(LOGIN);
    throw new ApiError('Cần đăng nhập');
  }
  if (!response.ok) {
    const body = await response.json().catch(() => ({}));
    throw new ApiError(body.message || 'Lỗi HTTP ' + response.status);
  }
  return response.json();
}

/** An issued report's number, linked to its signed PDF (the server checks who may read it). */
function writtenLink(unit) {
  if (!unit.documentNumber) return '';
  const href = `/api/campaigns/${state.campaign}/units/${encodeURIComponent(unit.unitCode)}/report/written.pdf`;
  return `<a href="${escape(href)}" target="_blank" title="Văn bản đã ký số (PDF)">${escape(unit.documentNumber)}</a>`;
}

function escape(text) {
  return String(text == null ? '' : text).replace(/[&<>"']/g, (c) => ({
    '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;',
  })[c]);
}

const number = (value) => (value == null ? '' : NUMBER.format(value));
const date = (value) => (value ? DATE.format(new Date(value)) : '');
const dayMonth = (value) => {
  const parts = Object.fromEntries(DAY_MONTH_PARTS.formatToParts(new Date(value)).map((part) => [part.type, part.value]));
  return `${parts.day}/${parts.month}`;
};
const dateTime = (value) => (value ? DATE_TIME.format(new Date(value)) : '');
const submitted = (rates) => rates.onTime + rates.late;
const percent = (part, whole) => (whole ? Math.round((100 * part) / whole) + '%' : '–');

function showMessage(text) {
  const message = document.getElementById('message');
  message.textContent = text;
  message.hidden = !text;
}

function chart(id) {
  if (!charts[id]) {
    const node = document.getElementById(id);
    charts[id] = echarts.init(node, null, { renderer: 'canvas' });
    // Tests and users can tell a drawn chart from an empty box.
    charts[id].on('finished', () => node.setAttribute('data-rendered', 'true'));
    window.addEventListener('resize', () => charts[id].resize());
  }
  return charts[id];
}

// Legends and axis labels are laid out for the width: drawn again when the page crosses the phone's breakpoint.
NARROW.addEventListener('change', () => Object.values(redraws).forEach((redraw) => redraw()));

function rateCells(rates) {
  return `<td class="n" data-field="expected">${number(rates.expected)}</td>`
    + STATES.map((s) => `<td class="n" data-field="${s.field}">${number(rates[s.field])}</td>`).join('')
    + `<td class="n" data-field="submittedShare">${percent(submitted(rates), rates.expected)}</td>`;
}

function stackedBars(id, names, series) {
  redraws[id] = () => stackedBars(id, names, series);
  const narrow = NARROW.matches;
  chart(id).setOption({
    // Drawn at once: an animation would hold the figures back for a second on every load.
    animation: false,
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, confine: true },
    // On a phone the legend scrolls on one line and the toolbox gives way to it (the export buttons stay above).
    legend: { top: 0, type: narrow ? 'scroll' : 'plain' },
    grid: { left: 8, right: 16, bottom: 8, top: 36, containLabel: true },
    toolbox: { show: !narrow, feature: { saveAsImage: { title: 'Lưu ảnh', name: id, backgroundColor: '#fff' } } },
    xAxis: { type: 'value', name: narrow ? '' : 'đơn vị', minInterval: 1 },
    // A long unit name would leave the bars no room on a phone: cut, and whole in the tooltip and the table.
    yAxis: { type: 'category', data: names, inverse: true,
      axisLabel: { width: narrow ? 110 : 280, overflow: 'truncate' } },
    series: STATES.map((s) => ({
      name: s.label, type: 'bar', stack: 'all', color: s.color, label: { show: true, formatter: (p) => (p.value ? p.value : '') },
      data: series.map((rates) => rates[s.field]),
    })),
  }, true);
}

function pager(id, page, onPage) {
  const node = document.getElementById(id);
  const pages = Math.max(1, Math.ceil(page.total / page.size));
  node.innerHTML = pages <= 1 ? '' : `<button type="button" data-step="-1" ${page.page === 0 ? 'disabled' : ''}>Trang trước</button>`
    + `<span>Trang ${page.page + 1}/${pages} (${number(page.total)} đơn vị)</span>`
    + `<button type="button" data-step="1" ${page.page + 1 >= pages ? 'disabled' : ''}>Trang sau</button>`;
  node.querySelectorAll('button').forEach((button) => button.addEventListener('click', () => onPage(page.page + Number(button.dataset.step))));
}

async function loadRates(token) {
  const scope = state.unit ? `&unit=${encodeURIComponent(state.unit)}` : '';
  const rates = await api(`/api/campaigns/${state.campaign}/rates?page=${state.parentsPage}&size=${PAGE_SIZE}${scope}`);
  if (token !== generation) return;
  state.scope = rates.scopeUnit;
  // Asked for without a unit, the API answered with the user's whole view: where "back" leads.
  if (!state.unit) state.home = { unitCode: rates.scopeUnit, unitName: rates.scopeName };
  // Shown before the charts are drawn: a chart drawn in a hidden box takes its zero width.
  document.getElementById('overview').hidden = false;
  // Both tables, every unit waiting for reports (not only this page), as a workbook.
  document.getElementById('rates-xlsx').href = `/api/campaigns/${state.campaign}/rates.xlsx?unit=${encodeURIComponent(rates.scopeUnit)}`;
  document.getElementById('scope-title').textContent = rates.scopeName;
  const total = rates.total;
  state.expected = total.expected;
  showScope();
  document.getElementById('summary').innerHTML = `Phải báo cáo: <b data-total="expected">${number(total.expected)}</b> đơn vị; `
    + `đã nộp <b data-total="submitted">${number(submitted(total))}</b> (${percent(submitted(total), total.expected)}), trong đó `
    + `đúng hạn <b data-total="onTime">${number(total.onTime)}</b>, muộn <b data-total="late">${number(total.late)}</b>; `
    + `chưa nộp <b data-total="notYet">${number(total.notYet)}</b>; quá hạn <b data-total="overdue">${number(total.overdue)}</b>.`;

  document.querySelector('#levels tbody').innerHTML = rates.levels.map((level) => `<tr data-level="${escape(level.level)}">`
    + `<td>${escape(level.levelName)}</td><td>${date(level.reportDue)}</td>${rateCells(level.rates)}</tr>`).join('');
  stackedBars('chart-levels', rates.levels.map((level) => level.levelName), rates.levels.map((level) => level.rates));

  const parents = rates.parents;
  // A base unit waits for no one's report.
  document.getElementById('parents-panel').hidden = parents.total === 0;
  document.querySelector('#parents tbody').innerHTML = parents.items.map((parent) => `<tr data-unit="${escape(parent.unitCode)}"`
    + `${parent.rates.overdue ? ' class="overdue"' : ''}><td><a href="#" data-drill="${escape(parent.unitCode)}">`
    + `${escape(parent.unitName)}</a></td><td>${escape(parent.levelName)}</td>${rateCells(parent.rates)}</tr>`).join('');
  stackedBars('chart-parents', parents.items.map((parent) => parent.unitName), parents.items.map((parent) => parent.rates));
  document.getElementById('chart-parents').style.height = Math.max(200, 40 + 28 * parents.items.length) + 'px';
  chart('chart-parents').resize();
  pager('parents-pager', parents, (page) => { state.parentsPage = page; loadRates(generation).catch(fail); });
  bindDrills(document.getElementById('parents'));
}

function currentCampaign() {
  return (state.campaigns || []).find((c) => c.id === state.campaign);
}

/**
 * What the numbers count, and the way back to the user's whole view once the scope is narrower: the campaign for
 * those who see all of it, their own highest unit for the others. The whole view is known from the rates asked for
 * without a unit, else from the way down to the unit opened (which starts at the highest unit the user may see).
 */
function showScope() {
  const campaign = currentCampaign();
  if (state.scope) {
    document.getElementById('scope-words').textContent = campaign && state.scope === campaign.rootUnit
      ? `Toàn đợt: mọi đơn vị của đợt (${number(state.expected)} đơn vị)`
      : state.expected === 1 ? 'Chỉ riêng đơn vị này (không có đơn vị trực thuộc)'
        : `Đơn vị này và các đơn vị cấp dưới (${number(state.expected)} đơn vị)`;
  }
  const link = document.getElementById('scope-home');
  const home = state.home;
  link.hidden = !home || !state.scope || home.unitCode === state.scope;
  if (link.hidden) return;
  link.textContent = campaign && home.unitCode === campaign.rootUnit ? '← Xem toàn đợt' : `← Về ${home.unitName}`;
  link.href = `?campaign=${state.campaign}`;
}

/** Without a unit the API takes the same one as for the rates. */
function fetchSubmissions() {
  const unit = state.unit ? `?unit=${encodeURIComponent(state.unit)}` : '';
  return api(`/api/campaigns/${state.campaign}/submissions${unit}`);
}

/** The day (YYYY-MM-DD) an instant falls on in Vietnam, as the API's days are. */
const vietnamDay = (instant) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date(instant));

/**
 * Each level's curve as the share of its units submitted, so that a level of 34 units and one of 50,000 read on one
 * axis; the counts are in the tooltip. Each starts at 0 on the campaign's first day.
 */
function drawSubmissions(levels) {
  redraws['chart-submissions'] = () => drawSubmissions(levels);
  const narrow = NARROW.matches;
  const palette = ['#1f77b4', '#ff7f0e', '#2ca02c', '#9467bd', '#8c564b'];
  // From the campaign's start to past the last deadline or submission, so deadlines show before anything is in.
  const started = vietnamDay(currentCampaign().startedAt);
  const days = levels.flatMap((level) => [level.reportDueDay, ...level.days.map((day) => day.day)]).sort();
  const end = new Date(days[days.length - 1]);
  end.setUTCDate(end.getUTCDate() + 7);
  const share = (cumulative, expected) => Math.round((1000 * cumulative) / expected) / 10;
  chart('chart-submissions').setOption({
    animation: false,
    // ECharts has no Vietnamese locale: dates are written here, in Vietnam's way.
    tooltip: {
      trigger: 'axis',
      confine: true,
      formatter: (points) => escape(DATE.format(new Date(points[0].value[0]))) + '<br>'
        + points.map((p) => `${p.marker}${escape(p.seriesName)}: <b>${number(p.value[1])}%</b> (${number(p.value[2])} báo cáo)`).join('<br>'),
    },
    legend: { top: 0, type: narrow ? 'scroll' : 'plain' },
    grid: { left: 8, right: narrow ? 12 : 24, bottom: 8, top: 48, containLabel: true },
    toolbox: { show: !narrow, feature: { saveAsImage: { title: 'Lưu ảnh', name: 'tien-do-nop-bao-cao', backgroundColor: '#fff' } } },
    xAxis: { type: 'time', min: started, max: end.toISOString().slice(0, 10),
      axisLabel: { formatter: (value) => dayMonth(value), hideOverlap: true } },
    yAxis: { type: 'value', min: 0, max: 100, name: narrow ? '% đã nộp' : '% đơn vị đã nộp (cộng dồn)',
      nameTextStyle: { align: 'left' }, axisLabel: { formatter: '{value}%' } },
    series: levels.map((level, index) => ({
      name: `${level.levelName} (${number(level.expected)} đơn vị)`,
      type: 'line', step: 'end', color: palette[index % palette.length],
      data: [[started, 0, 0], ...level.days.map((day) => [day.day, share(day.cumulative, level.expected), day.cumulative])],
      // On a phone the deadlines lie close together: each label is written along its own line, not above it.
      markLine: { symbol: 'none', label: { formatter: `Hạn ${level.levelName}`, position: narrow ? 'insideEndTop' : 'end' },
        data: [{ xAxis: level.reportDueDay }] },
    })),
  }, true);
}

/** Who holds the task, by name: the person who claimed it, else its candidate groups by role and unit. */
function holder(task) {
  if (!task) return '';
  return task.assignee ? escape(task.assigneeName || task.assignee) : (task.candidateNames || []).map(escape).join(', ');
}

async function loadUnit(token) {
  const unit = state.unit || state.scope;
  const view = await api(`/api/campaigns/${state.campaign}/units/${encodeURIComponent(unit)}/dashboard`
    + `?page=${state.childrenPage}&size=${PAGE_SIZE}`);
  if (token !== generation) return;
  const node = view.node;
  // The way down starts at the highest unit the user may see: the whole view, if the rates have not said it yet.
  if (!state.home) state.home = view.path[0] || { unitCode: node.unitCode, unitName: node.unitName };
  showScope();
  document.getElementById('unit').hidden = false;
  document.getElementById('breadcrumb').innerHTML = view.path.map((step) =>
    `<a href="#" data-drill="${escape(step.unitCode)}">${escape(step.unitName)}</a> ›`).join(' ')
    + ` <b data-field="unitName">${escape(node.unitName)}</b>`
    + (view.predecessors.length ? ` <span data-field="formerly">(trước đây: ${view.predecessors.map((unit) =>
      escape(unit.unitName)).join(', ')})</span>` : '');
  const rows = [
    ['Cấp', node.levelName, 'levelName'],
    ['Trạng thái (bước hiện tại)', node.statusLabel, 'status'],
    ['Hạn báo cáo', dateTime(node.reportDue), 'reportDue'],
    ['Còn lại / quá hạn', node.deadlineWords, 'deadlineWords'],
    ['Đã nộp lúc', dateTime(node.submittedAt), 'submittedAt'],
    ['Số văn bản', writtenLink(node), 'documentNumber'],
    ['Việc đang mở', node.openTask ? escape(node.openTask.name) : 'không có', 'openTask'],
    ['Người đang xử lý', holder(node.openTask), 'holder'],
    ...(view.predecessors.length ? [['Tiếp nối các đơn vị', view.predecessors.map((unit) => `${escape(unit.unitName)} — `
      + `${escape(unit.statusLabel)}${unit.documentNumber ? ', báo cáo ' + writtenLink(unit) : ''}`).join('<br>'),
    'predecessors']] : []),
    ['Đơn vị trực thuộc', node.subordinates ? `${number(node.subordinates)} (đã nộp ${number(submitted(node.subordinateRates))}, `
      + `quá hạn ${number(node.subordinateRates.overdue)})` : 'không có', 'subordinates'],
  ];
  document.getElementById('node').innerHTML = rows.map(([label, value, field]) =>
    `<dt>${label}</dt><dd data-field="${field}">${['openTask', 'holder', 'documentNumber', 'predecessors'].includes(field) ? value : escape(value)}</dd>`).join('');
  // The annex workbook of the unit (its figures and each subordinate's).
  document.getElementById('annex-xlsx').href = `/api/campaigns/${state.campaign}/units/${encodeURIComponent(node.unitCode)}/annex.xlsx`;
  // The documents the unit issued and received, in every campaign (the register's page filters by campaign).
  document.getElementById('register-link').href = `/registers?unit=${encodeURIComponent(node.unitCode)}`
    + `&campaign=${state.campaign}`;

  // Each cell names its column: on a phone the rows are cards, the headings above the values (see dashboard.css).
  document.querySelector('#children tbody').innerHTML = view.children.items.map((child) =>
    `<tr data-unit="${escape(child.unitCode)}"${child.overdue ? ' class="overdue"' : ''}>`
    + `<td><a href="#" data-drill="${escape(child.unitCode)}">${escape(child.unitName)}</a></td>`
    + `<td data-label="Trạng thái" data-field="status">${escape(child.statusLabel)}</td>`
    + `<td data-label="Hạn">${date(child.reportDue)}</td>`
    + `<td data-label="Còn lại / quá hạn" data-field="deadlineWords">${escape(child.deadlineWords)}</td>`
    + `<td data-label="Số văn bản">${writtenLink(child)}</td>`
    + `<td data-label="Người đang xử lý" data-field="holder">${holder(child.openTask)}</td>`
    + `<td data-label="Cấp dưới đã nộp" class="n">${child.subordinates
      ? `${number(submitted(child.subordinateRates))}/${number(child.subordinates)}` : ''}</td></tr>`)
    .join('') || '<tr><td colspan="7">Không có đơn vị trực thuộc.</td></tr>';
  pager('children-pager', view.children, (page) => { state.childrenPage = page; loadUnit(generation).catch(fail); });

  const contributions = view.contributions;
  document.querySelector('#figures thead').innerHTML = '<tr><th>Chỉ tiêu</th><th>Đơn vị báo cáo</th>'
    + '<th>Tổng cấp dưới đã nộp</th><th>Chênh lệch</th><th>Bổ sung muộn</th>'
    + contributions.map((c) => `<th class="${c.lateAddition ? 'late' : ''}" title="${c.lateAddition ? 'nộp sau khi đã tổng hợp' : ''}">`
      + `${escape(c.unitName)}</th>`).join('') + '</tr>';
  let group = null;
  document.querySelector('#figures tbody').innerHTML = view.figures.map((line) => {
    const heading = line.group !== group ? `<tr><th colspan="${5 + contributions.length}">${escape(line.group)}</th></tr>` : '';
    group = line.group;
    return heading + `<tr data-figure="${escape(line.key)}"><td>${escape(line.label)} <small>(${escape(line.unit)})</small></td>`
      + `<td class="n" data-field="own">${number(line.own)}</td>`
      + `<td class="n" data-field="subordinates">${node.subordinates ? number(line.subordinates) : ''}</td>`
      + `<td class="n${line.difference ? ' diff' : ''}" data-field="difference">${number(line.difference)}</td>`
      + `<td class="n${line.lateAddition ? ' late' : ''}" data-field="lateAddition">${line.lateAddition ? number(line.lateAddition) : ''}</td>`
      + contributions.map((c) => `<td class="n${c.lateAddition ? ' late' : ''}">${number(c.figures[line.key])}</td>`).join('')
      + '</tr>';
  }).join('');
  bindDrills(document.getElementById('unit'));
}

function bindDrills(container) {
  container.querySelectorAll('a[data-drill]').forEach((link) => link.addEventListener('click', (event) => {
    event.preventDefault();
    drill(link.dataset.drill);
  }));
}

/**
 * The address says the view (?campaign=&unit=), so that a link opens it again (the Cockpit plugin links to a unit);
 * a unit opened is a step of its own in the history, for the browser's and the phone's back.
 */
function remember(push) {
  const url = new URL(window.location.href);
  url.searchParams.set('campaign', state.campaign);
  if (state.unit) url.searchParams.set('unit', state.unit); else url.searchParams.delete('unit');
  if (url.href === window.location.href) return;
  if (push) window.history.pushState(null, '', url); else window.history.replaceState(null, '', url);
}

/** A unit opened: the rates, the submissions and the details all of its subtree, shown from the scope's line. */
function drill(unitCode) {
  Object.assign(state, { unit: unitCode, parentsPage: 0, childrenPage: 0 });
  remember(true);
  showView().then(() => document.getElementById('scope').scrollIntoView({ block: 'start' })).catch(fail);
}

/** Back to the user's whole view of the campaign. */
function goHome(event) {
  event.preventDefault();
  Object.assign(state, { unit: null, parentsPage: 0, childrenPage: 0 });
  remember(true);
  showView().then(() => window.scrollTo(0, 0)).catch(fail);
}

function fail(error) {
  showMessage(error.message);
}

/**
 * The view of the campaign at the unit: the rates, the submissions and the list of campaigns at once (each needs only
 * the campaign's number and the unit), with the unit's details in the same round when the address names the unit,
 * else in a second one once the rates have named it.
 */
async function showView(campaignsListed = Promise.resolve()) {
  const token = ++generation;
  showMessage('');
  const submissions = fetchSubmissions();
  // Should the rates fail, their message is the one shown; the submissions' own failure would say the same.
  submissions.catch(() => {});
  const unit = state.unit ? loadUnit(token) : null;
  unit?.catch(() => {});
  await Promise.all([loadRates(token), campaignsListed]);
  // The campaign's root and its end are known once the list is in.
  showScope();
  showEnded();
  await Promise.all([submissions.then((levels) => token === generation && drawSubmissions(levels)),
    unit || loadUnit(token)]);
}

async function openCampaign(campaignsListed) {
  remember(false);
  await showView(campaignsListed);
}

/** A campaign ended early says so, when and why: its units no longer report ("Dừng do đợt đã kết thúc"). */
function showEnded() {
  const note = document.getElementById('ended');
  const ended = currentCampaign()?.ended;
  note.hidden = !ended;
  if (!ended) return;
  const reason = /[.!?…]$/.test(ended.reason) ? ended.reason : ended.reason + '.';
  note.innerHTML = `<b>Đợt này đã kết thúc sớm</b> lúc ${escape(dateTime(ended.endedAt))}. Lý do: ${escape(reason)} `
    + 'Các đơn vị chưa nộp báo cáo không phải nộp nữa (trạng thái “Dừng do đợt đã kết thúc”).';
}

async function listCampaigns(select) {
  const campaigns = await api('/api/campaigns');
  state.campaigns = campaigns;
  select.innerHTML = campaigns.map((c) => `<option value="${c.id}"${c.ended ? ' data-ended="true"' : ''}>`
    + `Đợt số ${c.id} – ${escape(c.planNumber)}: ${escape(c.title)}${c.ended ? ' (đã kết thúc)' : ''}</option>`).join('');
  return campaigns;
}

/** The address changed by the browser's back or forward: the view it names. */
function followAddress() {
  const params = new URLSearchParams(window.location.search);
  const campaign = Number(params.get('campaign')) || state.campaign;
  if (campaign !== state.campaign) {
    state.home = null;
    document.getElementById('campaign').value = String(campaign);
  }
  Object.assign(state, { campaign, unit: params.get('unit'), parentsPage: 0, childrenPage: 0 });
  showView().catch(fail);
}

async function start() {
  const params = new URLSearchParams(window.location.search);
  const select = document.getElementById('campaign');
  const campaignsListed = listCampaigns(select);
  if (params.get('campaign')) {
    state.campaign = Number(params.get('campaign'));
  } else {
    const campaigns = await campaignsListed;
    if (campaigns.length === 0) {
      showMessage('Chưa có đợt sơ kết nào.');
      return;
    }
    state.campaign = campaigns[0].id;
  }
  campaignsListed.then(() => { select.value = String(state.campaign); });
  // A unit in the address opens it, and the overview is of that unit's subtree.
  state.unit = params.get('unit');
  select.addEventListener('change', () => {
    Object.assign(state, { campaign: Number(select.value), unit: null, scope: null, home: null, parentsPage: 0,
      childrenPage: 0 });
    remember(true);
    showView().catch(fail);
  });
  document.getElementById('scope-home').addEventListener('click', goHome);
  window.addEventListener('popstate', followAddress);
  document.querySelectorAll('button[data-export]').forEach((button) => button.addEventListener('click', () => {
    const link = document.createElement('a');
    link.href = chart(button.dataset.export).getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#fff' });
    link.download = `${button.dataset.export}-dot-${state.campaign}.png`;
    link.click();
  }));
  await openCampaign(campaignsListed);
  // The first screen is complete: DashboardBenchmark measures the first paint up to this mark.
  performance.mark('dashboard-ready');
  document.body.setAttribute('data-ready', 'true');
}

start().catch(fail);
