// review-cascade: a Cockpit dashboard plugin for the organising boards.
// Lists, for each campaign, the units whose report is overdue, under the unit each reports to, with their level
// as the campaign's plan names it, its deadline and how late it is (in Vietnam's time, worded by the server), and a
// link to each unit's process instance. It reads the application's /api/overdue-units with Cockpit's own login
// (the API accepts the webapps' session).

function escape(text) {
  return String(text == null ? '' : text).replace(/[&<>"']/g, c => ({
    '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;'
  })[c]);
}

async function overdueUnits(api) {
  const response = await fetch('/api/overdue-units', {
    credentials: 'same-origin',
    headers: {'Accept': 'application/json', 'X-XSRF-TOKEN': api.CSRFToken}
  });
  if (!response.ok) {
    const body = await response.json().catch(() => ({}));
    throw new Error(body.message || 'HTTP ' + response.status);
  }
  return response.json();
}

function render(node, campaigns) {
  if (campaigns.length === 0) {
    node.innerHTML = '<p class="overdue-units-empty">Không có đơn vị nào quá hạn.</p>';
    return;
  }
  let html = '';
  for (const campaign of campaigns) {
    html += '<h4>Đợt số ' + escape(campaign.campaignId) + ' – Kế hoạch ' + escape(campaign.planNumber) + ': '
      + campaign.units.length + ' đơn vị quá hạn</h4>';
    const byParent = {};
    for (const unit of campaign.units) {
      // The campaign's root is listed under its own name, with the units that report to it.
      const parent = unit.parentName || unit.unitName;
      (byParent[parent] = byParent[parent] || []).push(unit);
    }
    for (const parent of Object.keys(byParent).sort((a, b) => a.localeCompare(b, 'vi'))) {
      html += '<h5>' + escape(parent) + '</h5><table class="cam-table overdue-units"><thead><tr>'
        + '<th>Đơn vị</th><th>Cấp</th><th>Hạn</th><th>Quá hạn</th></tr></thead><tbody>';
      for (const unit of byParent[parent].sort((a, b) => String(a.unitName).localeCompare(b.unitName, 'vi'))) {
        html += '<tr><td><a href="#/process-instance/' + escape(unit.processInstanceId) + '/runtime">'
          + escape(unit.unitName) + '</a></td>'
          + '<td>' + escape(unit.levelName) + '</td>'
          + '<td>' + escape(unit.reportDueLabel) + '</td>'
          + '<td>' + escape(unit.lateness) + '</td></tr>';
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
    overdueUnits(api).then(campaigns => render(body, campaigns))
      .catch(error => { body.textContent = 'Không tải được danh sách đơn vị quá hạn: ' + error.message; });
  }
}];
