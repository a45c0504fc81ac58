// review-cascade: a Cockpit dashboard plugin for the organising boards.
// Lists, for each campaign (its number, plan and title), how many units' reports are overdue and the first page of
// them (a national campaign may have tens of thousands: the next pages are read on request), under the unit each
// reports to, with their level as the campaign's plan names it, its deadline and how late it is (in Vietnam's time,
// worded by the server), each unit's name opening its view on the dashboard (/dashboard?campaign=…&unit=…: status,
// open task and who holds it, figures) rather than the engine's process instance. It reads the application's
// /api/overdue-units and /api/campaigns/{id}/overdue-units with Cockpit's own login (the API accepts the webapps' session). The section it sits in is
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

const PAGE_SIZE = 20;

async function getJson(api, url) {
  const response = await fetch(url, {
    credentials: 'same-origin',
    headers: {'Accept': 'application/json', 'X-XSRF-TOKEN': api.CSRFToken}
  });
  if (!response.ok) {
    const body = await response.json().catch(() => ({}));
    throw new Error(body.message || 'HTTP ' + response.status);
  }
  return response.json();
}

/** Rows of a page of units, each under a heading of the unit it reports to when that changes. */
function rows(units, state) {
  let html = '';
  for (const unit of units) {
    // The campaign's root is listed under its own name.
    const parent = unit.parentName || unit.unitName;
    if (parent !== state.parent) {
      state.parent = parent;
      html += '<tr class="overdue-units-parent"><th colspan="4">' + escape(parent) + '</th></tr>';
    }
    html += '<tr><td><a href="' + escape(dashboardLink(state.campaignId, unit.unitCode)) + '"'
      + ' title="Xem tiến độ, việc đang mở và số liệu của đơn vị trên Bảng theo dõi">'
      + escape(unit.unitName) + '</a></td>'
      + '<td>' + escape(unit.levelName) + '</td>'
      + '<td>' + escape(unit.reportDueLabel) + '</td>'
      + '<td>' + escape(unit.lateness) + '</td></tr>';
  }
  return html;
}

function renderCampaign(api, container, campaign) {
  const section = document.createElement('div');
  section.innerHTML = '<h4>Đợt số ' + escape(campaign.campaignId) + ' – Kế hoạch ' + escape(campaign.planNumber) + ': '
    + escape(campaign.units.total) + ' đơn vị quá hạn</h4>'
    + (campaign.title ? '<p class="overdue-units-campaign">' + escape(campaign.title) + '</p>' : '')
    + '<table class="cam-table overdue-units"><thead><tr>'
    + '<th>Đơn vị</th><th>Cấp</th><th>Hạn</th><th>Quá hạn</th></tr></thead><tbody></tbody></table>'
    + '<p class="overdue-units-more"></p>';
  container.appendChild(section);
  const body = section.querySelector('tbody');
  const more = section.querySelector('.overdue-units-more');
  const state = {campaignId: campaign.campaignId, parent: null, shown: 0, page: 0};
  const show = page => {
    body.insertAdjacentHTML('beforeend', rows(page.items, state));
    state.shown += page.items.length;
    state.page = page.page;
    more.innerHTML = '';
    if (state.shown < page.total) {
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'btn btn-default btn-sm';
      button.textContent = 'Xem thêm (còn ' + (page.total - state.shown) + ' đơn vị)';
      button.addEventListener('click', () => {
        button.disabled = true;
        getJson(api, '/api/campaigns/' + encodeURIComponent(campaign.campaignId) + '/overdue-units?'
          + new URLSearchParams({page: String(state.page + 1), size: String(PAGE_SIZE)}))
          .then(show)
          .catch(error => { more.textContent = 'Không tải được trang tiếp theo: ' + error.message; });
      });
      more.appendChild(button);
    }
  };
  show(campaign.units);
}

function render(api, node, campaigns) {
  if (campaigns.length === 0) {
    node.innerHTML = '<p class="overdue-units-empty">Không có đơn vị nào quá hạn.</p>';
    return;
  }
  node.innerHTML = '';
  for (const campaign of campaigns) {
    renderCampaign(api, node, campaign);
  }
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
    getJson(api, '/api/overdue-units?' + new URLSearchParams({size: String(PAGE_SIZE)}))
      .then(campaigns => render(api, body, campaigns))
      .catch(error => { body.textContent = 'Không tải được danh sách đơn vị quá hạn: ' + error.message; });
  }
}];
