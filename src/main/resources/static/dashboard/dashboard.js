// The organising board's dashboard (see index.html). One campaign at a time (?campaign=), opened at a unit
// (?unit=, by default the highest unit the user may see); every number comes from the API, nothing is counted here.

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
const DAY_MONTH = new Intl.DateTimeFormat('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh', day: '2-digit', month: '2-digit' });
const NUMBER = new Intl.NumberFormat('vi-VN');

const state = { campaign: null, unit: null, parentsPage: 0, childrenPage: 0 };
const charts = {};

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

function rateCells(rates) {
  return `<td class="n" data-field="expected">${number(rates.expected)}</td>`
    + STATES.map((s) => `<td class="n" data-field="${s.field}">${number(rates[s.field])}</td>`).join('')
    + `<td class="n" data-field="submittedShare">${percent(submitted(rates), rates.expected)}</td>`;
}

function stackedBars(id, names, series) {
  chart(id).setOption({
    // Drawn at once: an animation would hold the figures back for a second on every load.
    animation: false,
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0 },
    grid: { left: 8, right: 16, bottom: 8, top: 36, containLabel: true },
    toolbox: { feature: { saveAsImage: { title: 'Lưu ảnh', name: id, backgroundColor: '#fff' } } },
    xAxis: { type: 'value', name: 'đơn vị' },
    yAxis: { type: 'category', data: names, inverse: true },
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

async function loadRates() {
  const scope = state.scope ? `&unit=${encodeURIComponent(state.scope)}` : '';
  const rates = await api(`/api/campaigns/${state.campaign}/rates?page=${state.parentsPage}&size=${PAGE_SIZE}${scope}`);
  state.scope = rates.scopeUnit;
  // Shown before the charts are drawn: a chart drawn in a hidden box takes its zero width.
  document.getElementById('overview').hidden = false;
  // Both tables, every unit waiting for reports (not only this page), as a workbook.
  document.getElementById('rates-xlsx').href = `/api/campaigns/${state.campaign}/rates.xlsx?unit=${encodeURIComponent(rates.scopeUnit)}`;
  document.getElementById('scope-title').textContent = rates.scopeName;
  const total = rates.total;
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
  pager('parents-pager', parents, (page) => { state.parentsPage = page; loadRates().catch(fail); });
  bindDrills(document.getElementById('parents'));
}

/** Asked for before the rates have named the scope: without a unit the API takes the same one as for the rates. */
function fetchSubmissions() {
  const unit = state.scope ? `?unit=${encodeURIComponent(state.scope)}` : '';
  return api(`/api/campaigns/${state.campaign}/submissions${unit}`);
}

/** The day (YYYY-MM-DD) an instant falls on in Vietnam, as the API's days are. */
const vietnamDay = (instant) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date(instant));

/**
 * Each level's curve as the share of its units submitted, so that a level of 34 units and one of 50,000 read on one
 * axis; the counts are in the tooltip. Each starts at 0 on the campaign's first day.
 */
function drawSubmissions(levels) {
  const palette = ['#1f77b4', '#ff7f0e', '#2ca02c', '#9467bd', '#8c564b'];
  // From the campaign's start to past the last deadline or submission, so deadlines show before anything is in.
  const started = vietnamDay(state.campaigns.find((c) => c.id === state.campaign).startedAt);
  const days = levels.flatMap((level) => [level.reportDueDay, ...level.days.map((day) => day.day)]).sort();
  const end = new Date(days[days.length - 1]);
  end.setUTCDate(end.getUTCDate() + 7);
  const share = (cumulative, expected) => Math.round((1000 * cumulative) / expected) / 10;
  chart('chart-submissions').setOption({
    animation: false,
    // ECharts has no Vietnamese locale: dates are written here, in Vietnam's way.
    tooltip: {
      trigger: 'axis',
      formatter: (points) => escape(DATE.format(new Date(points[0].value[0]))) + '<br>'
        + points.map((p) => `${p.marker}${escape(p.seriesName)}: <b>${number(p.value[1])}%</b> (${number(p.value[2])} báo cáo)`).join('<br>'),
    },
    legend: { top: 0 },
    grid: { left: 8, right: 24, bottom: 8, top: 48, containLabel: true },
    toolbox: { feature: { saveAsImage: { title: 'Lưu ảnh', name: 'tien-do-nop-bao-cao', backgroundColor: '#fff' } } },
    xAxis: { type: 'time', min: started, max: end.toISOString().slice(0, 10),
      axisLabel: { formatter: (value) => DAY_MONTH.format(new Date(value)) } },
    yAxis: { type: 'value', min: 0, max: 100, name: '% đơn vị đã nộp (cộng dồn)', nameTextStyle: { align: 'left' },
      axisLabel: { formatter: '{value}%' } },
    series: levels.map((level, index) => ({
      name: `${level.levelName} (${number(level.expected)} đơn vị)`,
      type: 'line', step: 'end', color: palette[index % palette.length],
      data: [[started, 0, 0], ...level.days.map((day) => [day.day, share(day.cumulative, level.expected), day.cumulative])],
      markLine: { symbol: 'none', label: { formatter: `Hạn ${level.levelName}` }, data: [{ xAxis: level.reportDueDay }] },
    })),
  }, true);
}

/** Who holds the task, by name: the person who claimed it, else its candidate groups by role and unit. */
function holder(task) {
  if (!task) return '';
  return task.assignee ? escape(task.assigneeName || task.assignee) : (task.candidateNames || []).map(escape).join(', ');
}

async function loadUnit() {
  const unit = state.unit || state.scope;
  const view = await api(`/api/campaigns/${state.campaign}/units/${encodeURIComponent(unit)}/dashboard`
    + `?page=${state.childrenPage}&size=${PAGE_SIZE}`);
  const node = view.node;
  document.getElementById('unit').hidden = false;
  document.getElementById('breadcrumb').innerHTML = view.path.map((step) =>
    `<a href="#" data-drill="${escape(step.unitCode)}">${escape(step.unitName)}</a> ›`).join(' ')
    + ` <b data-field="unitName">${escape(node.unitName)}</b>`;
  const rows = [
    ['Cấp', node.levelName, 'levelName'],
    ['Trạng thái (bước hiện tại)', node.statusLabel, 'status'],
    ['Hạn báo cáo', dateTime(node.reportDue), 'reportDue'],
    ['Còn lại / quá hạn', node.deadlineWords, 'deadlineWords'],
    ['Đã nộp lúc', dateTime(node.submittedAt), 'submittedAt'],
    ['Số văn bản', writtenLink(node), 'documentNumber'],
    ['Việc đang mở', node.openTask ? escape(node.openTask.name) : 'không có', 'openTask'],
    ['Người đang xử lý', holder(node.openTask), 'holder'],
    ['Đơn vị trực thuộc', node.subordinates ? `${number(node.subordinates)} (đã nộp ${number(submitted(node.subordinateRates))}, `
      + `quá hạn ${number(node.subordinateRates.overdue)})` : 'không có', 'subordinates'],
  ];
  document.getElementById('node').innerHTML = rows.map(([label, value, field]) =>
    `<dt>${label}</dt><dd data-field="${field}">${['openTask', 'holder', 'documentNumber'].includes(field) ? value : escape(value)}</dd>`).join('');
  // The annex workbook of the unit (its figures and each subordinate's).
  document.getElementById('annex-xlsx').href = `/api/campaigns/${state.campaign}/units/${encodeURIComponent(node.unitCode)}/annex.xlsx`;

  document.querySelector('#children tbody').innerHTML = view.children.items.map((child) =>
    `<tr data-unit="${escape(child.unitCode)}"${child.overdue ? ' class="overdue"' : ''}>`
    + `<td><a href="#" data-drill="${escape(child.unitCode)}">${escape(child.unitName)}</a></td>`
    + `<td data-field="status">${escape(child.statusLabel)}</td><td>${date(child.reportDue)}</td>`
    + `<td data-field="deadlineWords">${escape(child.deadlineWords)}</td><td>${writtenLink(child)}</td>`
    + `<td>${holder(child.openTask)}</td>`
    + `<td class="n">${child.subordinates ? `${number(submitted(child.subordinateRates))}/${number(child.subordinates)}` : ''}</td></tr>`)
    .join('') || '<tr><td colspan="7">Không có đơn vị trực thuộc.</td></tr>';
  pager('children-pager', view.children, (page) => { state.childrenPage = page; loadUnit().catch(fail); });

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

function remember() {
  const url = new URL(window.location.href);
  url.searchParams.set('campaign', state.campaign);
  if (state.unit) url.searchParams.set('unit', state.unit); else url.searchParams.delete('unit');
  window.history.replaceState(null, '', url);
}

function drill(unitCode) {
  state.unit = unitCode;
  state.childrenPage = 0;
  remember();
  loadUnit().then(() => document.getElementById('unit').scrollIntoView({ block: 'start' })).catch(fail);
}

function fail(error) {
  showMessage(error.message);
}

/**
 * The first screen in two rounds, not four: the rates, the submissions and the list of campaigns at once (each needs
 * only the campaign's number), then the unit the rates named.
 */
async function openCampaign(campaignsListed) {
  showMessage('');
  remember();
  const submissions = fetchSubmissions();
  // Should the rates fail, their message is the one shown; the submissions' own failure would say the same.
  submissions.catch(() => {});
  await Promise.all([loadRates(), campaignsListed]);
  await Promise.all([submissions.then(drawSubmissions), loadUnit()]);
}

async function listCampaigns(select) {
  const campaigns = await api('/api/campaigns');
  state.campaigns = campaigns;
  select.innerHTML = campaigns.map((c) => `<option value="${c.id}">Đợt số ${c.id} – ${escape(c.planNumber)}: ${escape(c.title)}</option>`).join('');
  return campaigns;
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
  state.scope = state.unit;
  select.addEventListener('change', () => {
    Object.assign(state, { campaign: Number(select.value), unit: null, scope: null, parentsPage: 0, childrenPage: 0 });
    openCampaign(Promise.resolve()).catch(fail);
  });
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
