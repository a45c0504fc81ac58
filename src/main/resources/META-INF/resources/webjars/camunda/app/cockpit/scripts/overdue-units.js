// review-cascade: a Cockpit dashboard plugin for the organising boards.
// Lists, for each campaign (its number, plan and title), the units whose report is overdue, under the unit each
// reports to, with their level as the campaign's plan names it, its deadline and how late it is (in Vietnam's time,
// worded by the server), each unit's name opening its view on the dashboard (/dashboard?campaign=…&unit=…: status,
// open task and who holds it, figures) rather than the engine's process instance. It reads the application's
// /api/overdue-units with Cockpit's own login (the API accepts the webapps' session). The section it sits in is
// headed "Đơn vị quá hạn báo cáo" (DASHBOARD_CUSTOM_PLUGINS in locales/vi.json) and shown first, above the engine's
// counters (styles/user-styles.css).

function escape(text) {
  return String(text == null ? '' : text).replace(/[&<>"']/g, c => ({
    '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;'
  })[c]);
}

/** The unit's view on the organising board's dashboard, in the campaign. */
function dashboardLink(campaignId, unitCode) {
  return '/dashboard?' + new URLSearchParams({ campaign: String(campaignId), unit: unitCode });
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
      + campaign.units.length + ' đơn vị quá hạn</h4>'
      + (campaign.title ? '<p class="overdue-units-campaign">' + escape(campaign.title) + '</p>' : '');
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
        html += '<tr><td><a href="' + escape(dashboardLink(campaign.campaignId, unit.unitCode)) + '"'
          + ' title="Xem tiến độ, việc đang mở và số liệu của đơn vị trên Bảng theo dõi">'
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
    // The section's heading (DASHBOARD_CUSTOM_PLUGINS) names the list; this line says what it holds.
    node.innerHTML = '<section class="overdue-units-plugin"><p class="overdue-units-intro">Đơn vị chưa nộp báo cáo'
      + ' khi đã hết hạn, theo từng đợt, xếp dưới đơn vị nhận báo cáo. Bấm tên đơn vị để xem trên Bảng theo dõi.</p>'
      + '<div>Đang tải…</div></section>';
    const body = node.querySelector('div');
    overdueUnits(api).then(campaigns => render(body, campaigns))
      .catch(error => { body.textContent = 'Không tải được danh sách đơn vị quá hạn: ' + error.message; });
  }
}];
