// The document registers (see index.html). The API finds, counts and checks everything; this page keeps the choices
// in the address (?unit=&direction=&q=&campaign=&page=) and shows the answers.

const LOGIN = '/camunda/app/tasklist/default/';
const PAGE_SIZE = 20;
const ZONE = 'Asia/Ho_Chi_Minh';
const DAY = new Intl.DateTimeFormat('vi-VN', { timeZone: ZONE, day: '2-digit', month: '2-digit', year: 'numeric' });
const DATE_TIME = new Intl.DateTimeFormat('vi-VN', { timeZone: ZONE, hour: '2-digit', minute: '2-digit',
  day: '2-digit', month: '2-digit', year: 'numeric' });
const NUMBER = new Intl.NumberFormat('vi-VN');
const HINTS = {
  outgoing: 'Các văn bản đơn vị đã ban hành (hướng dẫn gửi cấp dưới, báo cáo gửi cấp trên), mới nhất trước.',
  incoming: 'Các văn bản đơn vị nhận được: hướng dẫn của cấp trên và báo cáo của các đơn vị cấp dưới, mới nhất trước.',
};

const state = { session: null, unit: null, direction: 'outgoing', q: '', campaign: '', page: 0, uploading: null,
  file: null, searchSerial: 0 };

class ApiError extends Error {
  constructor(message, errors = [], status = 0) {
    super(message);
    this.errors = errors;
    this.status = status;
  }
}

async function api(path, { method = 'GET', body } = {}) {
  const headers = { Accept: 'application/json', 'X-Requested-With': 'XMLHttpRequest' };
  if (method !== 'GET' && state.session?.csrfToken) headers['X-XSRF-TOKEN'] = state.session.csrfToken;
  const response = await fetch(path, { method, headers, body, credentials: 'same-origin' });
  if (response.status === 401) {
    window.location.assign(LOGIN);
    throw new ApiError('Cần đăng nhập');
  }
  const answer = await response.json().catch(() => ({}));
  if (!response.ok) {
    throw new ApiError(answer.message || 'Lỗi HTTP ' + response.status, answer.errors || [], response.status);
  }
  return answer;
}

function escape(text) {
  return String(text == null ? '' : text).replace(/[&<>"']/g, (c) => ({
    '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;',
  })[c]);
}

const $ = (id) => document.getElementById(id);
const day = (value) => (value ? DAY.format(new Date(value)) : '');
const dateTime = (value) => (value ? DATE_TIME.format(new Date(value)) : '');

function showMessage(text) {
  $('message').textContent = text || '';
  $('message').hidden = !text;
}

function showNotice(text) {
  $('notice').textContent = text || '';
  $('notice').hidden = !text;
}

function report(error) {
  showMessage(error.message);
}

// ------------------------------------------------------------------------------------------------------ address

function readAddress() {
  const params = new URLSearchParams(window.location.search);
  state.direction = params.get('direction') === 'incoming' ? 'incoming' : 'outgoing';
  state.q = params.get('q') || '';
  state.campaign = params.get('campaign') || '';
  state.page = Math.max(0, Number.parseInt(params.get('page') || '0', 10) || 0);
  return params.get('unit');
}

function writeAddress() {
  const params = new URLSearchParams();
  if (state.unit) params.set('unit', state.unit.unitCode);
  if (state.direction !== 'outgoing') params.set('direction', state.direction);
  if (state.q) params.set('q', state.q);
  if (state.campaign) params.set('campaign', state.campaign);
  if (state.page) params.set('page', String(state.page));
  const query = params.toString();
  window.history.replaceState(null, '', window.location.pathname + (query ? '?' + query : ''));
}

// -------------------------------------------------------------------------------------------------- unit picker

function showPicker(open) {
  $('unit-picker').hidden = !open;
  $('unit-change').textContent = open ? 'Đóng' : 'Chọn đơn vị khác';
  if (open) {
    $('unit-search').focus();
    searchUnits().catch(report);
  }
}

async function searchUnits() {
  const serial = ++state.searchSerial;
  const q = $('unit-search').value.trim();
  const units = await api('/api/registers/units' + (q ? '?q=' + encodeURIComponent(q) : ''));
  if (serial !== state.searchSerial) return;
  const items = units.map((unit) => `<li role="option" tabindex="0" data-code="${escape(unit.unitCode)}" `
    + `data-name="${escape(unit.unitName)}">${escape(unit.unitName)}<small>${escape(unit.unitCode)}`
    + `${unit.parentName ? ' · thuộc ' + escape(unit.parentName) : ''}</small></li>`);
  if (units.length === 30) items.push('<li class="more">Chỉ hiện 30 đơn vị đầu; gõ thêm để thu hẹp.</li>');
  if (units.length === 0) items.push('<li class="more">Không tìm thấy đơn vị nào bạn được xem.</li>');
  $('unit-results').innerHTML = items.join('');
  $('unit-results').querySelectorAll('li[data-code]').forEach((item) => {
    const choose = () => {
      chooseUnit({ unitCode: item.dataset.code, unitName: item.dataset.name });
      showPicker(false);
    };
    item.addEventListener('click', choose);
    item.addEventListener('keydown', (event) => { if (event.key === 'Enter') choose(); });
  });
}

function chooseUnit(unit) {
  state.unit = unit;
  state.campaign = '';
  state.page = 0;
  showNotice(null);
  load().catch(report);
}

// ----------------------------------------------------------------------------------------------------- register

function signatureCell(entry) {
  const signature = entry.signature;
  let html = `<span class="status ${escape(signature.state)}">${escape(signature.words)}</span>`
    + `<span class="sub">${escape(signature.means)}</span>`;
  if (entry.signedElsewhere && entry.uploadedAt) {
    html += `<span class="sub">Tải lên ${escape(dateTime(entry.uploadedAt))}`
      + `${entry.uploadedByName ? ' bởi ' + escape(entry.uploadedByName) : ''}</span>`;
  }
  return html;
}

function filesCell(entry, index) {
  if (!entry.pdf) return '<span class="sub">Không có tệp</span>';
  let html = '<div class="files">'
    + `<a href="${escape(entry.pdf)}" class="pdf" target="_blank" rel="noopener">Tải PDF</a>`
    + `<a href="${escape(entry.docx)}" class="docx">Tải Word</a>`
    + `<button type="button" class="link" data-check="${index}">Kiểm tra chữ ký</button>`;
  if (entry.mayUpload) {
    html += `<button type="button" data-upload="${index}">Tải lên bản ký bằng thiết bị ký số</button>`;
  }
  return html + `</div><div class="check" data-result="${index}" hidden></div>`;
}

function row(entry, index) {
  const kind = state.direction === 'incoming'
    ? `<span class="kind received">${escape(entry.received)}</span>` : `<span class="kind">${escape(entry.kindName)}</span>`;
  return `<tr data-number="${escape(entry.number)}" data-issuer="${escape(entry.issuerCode)}">`
    + `<td data-label="Số, ngày"><span class="number">${escape(entry.number)}</span>`
    + `<span class="sub">ngày ${escape(day(entry.issuedAt))}</span></td>`
    + `<td data-label="Loại, trích yếu">${kind}${escape(entry.title)}`
    + `<span class="sub">Đợt số ${escape(entry.campaignId)}</span></td>`
    + `<td data-label="Đơn vị ban hành">${escape(entry.issuerName)}</td>`
    + `<td data-label="Người ký">${escape(entry.signerName || 'Không rõ')}</td>`
    + `<td data-label="Chữ ký số" class="signature">${signatureCell(entry)}</td>`
    + `<td data-label="Tệp văn bản">${filesCell(entry, index)}</td></tr>`;
}

function fillCampaigns(campaigns) {
  const select = $('campaign');
  select.innerHTML = '<option value="">Tất cả các đợt</option>' + campaigns.map((campaign) =>
    `<option value="${campaign.id}">Đợt số ${campaign.id}: ${escape(campaign.title)} (${campaign.year})</option>`).join('');
  select.value = campaigns.some((campaign) => String(campaign.id) === state.campaign) ? state.campaign : '';
}

function pager(page) {
  const pages = Math.max(1, Math.ceil(page.total / page.size));
  if (pages <= 1) {
    $('pager').innerHTML = '';
    return;
  }
  $('pager').innerHTML = `<button type="button" data-page="${page.page - 1}"${page.page === 0 ? ' disabled' : ''}>‹ Trang trước</button>`
    + `<span>Trang ${page.page + 1}/${pages}</span>`
    + `<button type="button" data-page="${page.page + 1}"${page.page + 1 >= pages ? ' disabled' : ''}>Trang sau ›</button>`;
  $('pager').querySelectorAll('button[data-page]').forEach((button) => button.addEventListener('click', () => {
    state.page = Number(button.dataset.page);
    load().then(() => $('tabs').scrollIntoView({ block: 'start' })).catch(report);
  }));
}

let entries = [];

/**
 * Shows the register as the address and the choices ask, or why it cannot; the body says when it is done
 * (data-ready), the message shown by then.
 */
async function load() {
  document.body.dataset.ready = 'false';
  try {
    await show();
  } catch (error) {
    report(error);
  } finally {
    document.body.dataset.ready = 'true';
  }
}

async function show() {
  showMessage(null);
  document.querySelectorAll('#tabs a').forEach((link) =>
    link.classList.toggle('active', link.dataset.direction === state.direction));
  $('direction-hint').textContent = HINTS[state.direction];
  $('q').value = state.q;
  writeAddress();
  if (!state.unit) {
    $('unit-name').textContent = 'Chưa chọn đơn vị';
    $('summary').textContent = 'Hãy chọn một đơn vị để xem sổ văn bản của đơn vị đó.';
    document.querySelector('#register tbody').innerHTML = '';
    showPicker(true);
    return;
  }
  const params = new URLSearchParams({ direction: state.direction, page: String(state.page), size: String(PAGE_SIZE) });
  if (state.q) params.set('q', state.q);
  if (state.campaign) params.set('campaign', state.campaign);
  let register;
  try {
    register = await api(`/api/registers/${encodeURIComponent(state.unit.unitCode)}?${params}`);
  } catch (error) {
    $('unit-name').textContent = state.unit.unitName || state.unit.unitCode;
    document.querySelector('#register tbody').innerHTML = '';
    $('summary').textContent = '';
    $('pager').innerHTML = '';
    throw error;
  }
  state.unit = { unitCode: register.unitCode, unitName: register.unitName };
  $('unit-name').textContent = register.unitName;
  document.title = `Sổ văn bản ${state.direction === 'incoming' ? 'đến' : 'đi'} – ${register.unitName}`;
  fillCampaigns(register.campaigns);
  const page = register.page;
  entries = page.items;
  const what = state.direction === 'incoming' ? 'văn bản đến' : 'văn bản đi';
  $('summary').innerHTML = page.total === 0
    ? (state.q ? `Không có ${what} nào khớp với “${escape(state.q)}”.` : `Chưa có ${what} nào.`)
    : `<b id="total">${NUMBER.format(page.total)}</b> ${what}${state.q ? ` khớp với “${escape(state.q)}”` : ''}; `
      + `hiện ${NUMBER.format(page.page * page.size + 1)}–${NUMBER.format(page.page * page.size + page.items.length)}.`;
  document.querySelector('#register tbody').innerHTML = entries.map(row).join('');
  document.querySelectorAll('#register button[data-check]').forEach((button) =>
    button.addEventListener('click', () => check(Number(button.dataset.check)).catch(report)));
  document.querySelectorAll('#register button[data-upload]').forEach((button) =>
    button.addEventListener('click', () => openUpload(Number(button.dataset.upload))));
  pager(page);
}

/** The signature as the server checks it now: the file's hash, every signature, the certificate and its revocation. */
async function check(index) {
  const entry = entries[index];
  const box = document.querySelector(`#register [data-result="${index}"]`);
  box.hidden = false;
  box.textContent = 'Đang kiểm tra…';
  try {
    const described = await api(entry.described);
    const signature = described.signature;
    const valid = signature.verdict === 'Hợp lệ';
    const lines = [
      ['Kết quả', valid ? 'Chữ ký số hợp lệ' : signature.verdict],
      ['Người ký (chứng thư)', signature.signer],
      ['Tổ chức chứng thực', signature.issuer],
      ['Thời điểm ký', dateTime(signature.signedAt) + (signature.timestamped ? ' (có dấu thời gian)' : '')],
      ['Chứng thư hiệu lực', `${day(signature.validFrom)} – ${day(signature.validTo)}`],
      ['Cách ký', described.signedElsewhere ? 'Ký bằng thiết bị ký số, tải lên ' + dateTime(described.uploadedAt)
        : 'Hệ thống ký bằng chứng thư số của đơn vị khi ban hành'],
    ];
    box.innerHTML = `<span class="status ${valid ? 'VALID' : 'UNCHECKED'}">${escape(lines[0][1])}</span><dl>`
      + lines.slice(1).map(([label, value]) => `<dt>${escape(label)}</dt><dd>${escape(value)}</dd>`).join('') + '</dl>';
  } catch (error) {
    box.innerHTML = `<span class="status INVALID">Chữ ký không hợp lệ hoặc không kiểm tra được</span>`
      + `<span class="sub">${escape(error.message)}</span>`;
  }
}

// ------------------------------------------------------------------------------------------------------- upload

function openUpload(index) {
  const entry = entries[index];
  state.uploading = entry;
  state.file = null;
  $('upload-file').value = '';
  $('upload-file-name').textContent = 'Chưa chọn tệp';
  $('upload-confirm').disabled = true;
  showUploadErrors(null);
  $('upload-what').textContent = `${entry.kindName} số ${entry.number} ngày ${day(entry.issuedAt)} – ${entry.issuerName}`;
  $('upload-dialog').showModal();
}

function showUploadErrors(error) {
  const lines = error ? (error.errors?.length ? error.errors.map((e) => e.message) : [error.message]) : [];
  $('upload-errors').innerHTML = lines.map((line) => `<li>${escape(line)}</li>`).join('');
  $('upload-errors').hidden = lines.length === 0;
}

async function upload() {
  const entry = state.uploading;
  const body = new FormData();
  body.append('file', state.file, state.file.name);
  $('upload-confirm').disabled = true;
  try {
    const described = await api(entry.pdf, { method: 'PUT', body });
    $('upload-dialog').close();
    await load();
    const verdict = described.signature.verdict === 'Hợp lệ' ? 'chữ ký số hợp lệ' : described.signature.verdict;
    showNotice(`Đã thay ${entry.kindName.toLowerCase()} số ${entry.number} bằng bản ký bằng thiết bị ký số của `
      + `${described.signature.signer}: ${verdict}.`);
  } catch (error) {
    showUploadErrors(error.status === 409 || error.status === 403 || error.status === 400 || error.status === 413
      ? error : new ApiError('Không tải lên được: ' + error.message));
    $('upload-confirm').disabled = false;
  }
}

// ---------------------------------------------------------------------------------------------------------- start

async function start() {
  const wanted = readAddress();
  $('unit-change').addEventListener('click', () => showPicker($('unit-picker').hidden));
  let typing;
  $('unit-search').addEventListener('input', () => {
    clearTimeout(typing);
    typing = setTimeout(() => searchUnits().catch(report), 200);
  });
  document.querySelectorAll('#tabs a').forEach((link) => link.addEventListener('click', (event) => {
    event.preventDefault();
    state.direction = link.dataset.direction;
    state.page = 0;
    showNotice(null);
    load().catch(report);
  }));
  $('filter').addEventListener('submit', (event) => {
    event.preventDefault();
    state.q = $('q').value.trim();
    state.campaign = $('campaign').value;
    state.page = 0;
    showNotice(null);
    load().catch(report);
  });
  $('campaign').addEventListener('change', () => {
    state.campaign = $('campaign').value;
    state.page = 0;
    load().catch(report);
  });
  $('upload-file').addEventListener('change', () => {
    state.file = $('upload-file').files[0] || null;
    $('upload-file-name').textContent = state.file ? `${state.file.name} (${NUMBER.format(Math.ceil(state.file.size / 1024))} KB)`
      : 'Chưa chọn tệp';
    $('upload-confirm').disabled = !state.file;
    showUploadErrors(null);
  });
  $('upload-cancel').addEventListener('click', () => $('upload-dialog').close());
  $('upload-confirm').addEventListener('click', () => upload().catch(report));

  const [session, home] = await Promise.all([api('/api/office/session'), api('/api/registers')]);
  state.session = session;
  $('who').textContent = `Người dùng: ${session.name}`;
  state.unit = wanted ? { unitCode: wanted, unitName: wanted } : home.defaultUnit;
  await load();
}

start().catch((error) => {
  report(error);
  document.body.dataset.ready = 'true';
});
