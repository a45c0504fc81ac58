// review-cascade: a Cockpit dashboard plugin for the organising board (Ban Dân vận).
// Lists, for each running campaign, the units whose report is overdue (their review waits at the
// "Báo cáo quá hạn" activity), grouped by district-level unit, with how late they are and a link to
// each process instance. It reads the engine's REST API through Cockpit's own session.

const OVERDUE_ACTIVITY = 'ReportOverdue';
const VARIABLES = ['campaignId', 'planNumber', 'unitCode', 'unitName', 'districtName', 'level', 'reportDue'];

function escape(text) {
  return String(text == null ? '' : text).replace(/[&<>"']/g, c => ({
    '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;'
  })[c]);
}

function lateness(due) {
  const minutes = Math.max(0, Math.floor((Date.now() - new Date(due).getTime()) / 60000));
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  if (days > 0) return days + ' ngày' + (hours > 0 ? ' ' + hours + ' giờ' : '');
  if (hours > 0) return hours + ' giờ';
  return (minutes % 60) + ' phút';
}

async function json(api, path, body) {
  const response = await fetch(api.engineApi + path, {
    method: body ? 'POST' : 'GET',
    credentials: 'same-origin',
    headers: Object.assign({'Accept': 'application/json', 'X-XSRF-TOKEN': api.CSRFToken},
      body ? {'Content-Type': 'application/json'} : {}),
    body: body ? JSON.stringify(body) : undefined
  });
  if (!response.ok) throw new Error('HTTP ' + response.status);
  return response.json();
}

// The engine refuses unpaged queries (queryMaxResultsLimit): read the instances a page at a time.
const PAGE = 200;

async function overdueUnits(api) {
  const units = [];
  for (let first = 0; ; first += PAGE) {
    const instances = await json(api, '/process-instance?processDefinitionKey=unitReview&activityIdIn=' + OVERDUE_ACTIVITY
      + '&sortBy=instanceId&sortOrder=asc&firstResult=' + first + '&maxResults=' + PAGE);
    if (instances.length === 0) break;
    const variables = await json(api, '/variable-instance?deserializeValues=false&firstResult=0&maxResults='
      + PAGE * VARIABLES.length, {processInstanceIdIn: instances.map(i => i.id), variableNameIn: VARIABLES});
    const byInstance = {};
    for (const variable of variables) {
      (byInstance[variable.processInstanceId] = byInstance[variable.processInstanceId] || {})[variable.name] = variable.value;
    }
    instances.forEach(i => units.push(Object.assign({id: i.id}, byInstance[i.id] || {})));
    if (instances.length < PAGE) break;
  }
  return units;
}

function render(node, units) {
  if (units.length === 0) {
    node.innerHTML = '<p class="overdue-units-empty">Không có đơn vị nào quá hạn.</p>';
    return;
  }
  const campaigns = {};
  for (const unit of units) {
    const campaign = campaigns[unit.campaignId] = campaigns[unit.campaignId] || {plan: unit.planNumber, districts: {}};
    (campaign.districts[unit.districtName] = campaign.districts[unit.districtName] || []).push(unit);
  }
  let html = '';
  for (const id of Object.keys(campaigns).sort((a, b) => a - b)) {
    const campaign = campaigns[id];
    const count = Object.values(campaign.districts).reduce((sum, list) => sum + list.length, 0);
    html += '<h4>Đợt sơ kết số ' + escape(id) + ' – Kế hoạch ' + escape(campaign.plan) + ': ' + count + ' đơn vị quá hạn</h4>';
    for (const district of Object.keys(campaign.districts).sort((a, b) => a.localeCompare(b, 'vi'))) {
      html += '<h5>' + escape(district) + '</h5><table class="cam-table overdue-units"><thead><tr>'
        + '<th>Đơn vị</th><th>Hạn</th><th>Quá hạn</th></tr></thead><tbody>';
      for (const unit of campaign.districts[district].sort((a, b) => String(a.unitName).localeCompare(b.unitName, 'vi'))) {
        html += '<tr><td><a href="#/process-instance/' + escape(unit.id) + '/runtime">' + escape(unit.unitName) + '</a></td>'
          + '<td>' + escape(new Date(unit.reportDue).toLocaleString('vi-VN', {timeZone: 'Asia/Ho_Chi_Minh'})) + '</td>'
          + '<td>' + escape(lateness(unit.reportDue)) + '</td></tr>';
      }
      html += '</tbody></table>';
    }
  }
  node.innerHTML = html;
}

export default [{
  id: 'reviewCascadeOverdueUnits',
  pluginPoint: 'cockpit.dashboard',
  priority: 100,
  render: (node, {api}) => {
    node.innerHTML = '<section class="overdue-units-plugin"><h3>Đơn vị quá hạn</h3><div>Đang tải…</div></section>';
    const body = node.querySelector('div');
    overdueUnits(api).then(units => render(body, units))
      .catch(error => { body.textContent = 'Không tải được danh sách đơn vị quá hạn: ' + error.message; });
  }
}];
