// review-cascade: the words of the webapps that no translation file reaches, in Vietnamese. Each webapp loads it as
// its first custom script (config.js `customScripts: ['../review-cascade-words.js', …]`), before Angular starts.
// In English nothing changes: the webapps stay as Camunda ships them.
//  - Dates: Cockpit ignores config.js's `dateFormat` and shows 2026-12-07T08:44:34; the shared format
//    (07/12/2026 08:44) is set on the webapps' date filter here.
//  - The footer's time zone: "giờ Việt Nam (UTC+7)" instead of the browser's zone id (Asia/Saigon).
//  - "null" where Cockpit writes it without a translation key (a process instance without a parent): "không có".
//  - The header's app switcher: the webapps' Vietnamese names instead of Tasklist, Cockpit, Admin, Welcome.
//  - Admin: group types (UNIT_ROLE), permissions (ACCESS, ALL), resource ids (applications, process keys, "*"),
//    the engine's name "default", the usage metrics' columns (PI, DI, TU, FNI, EDE) and their dates (2026-01-01).
// A rewrite changes only the text shown, never a form's value, and only in the elements its CSS selector names, so
// the same word elsewhere (the unit code "TU") is left alone. Angular writes a text again when its value changes;
// the rewrite follows (a MutationObserver).

import { language, appName, dateFormat } from './review-cascade-language.js';

const webapp = (document.querySelector('base') && document.querySelector('base').getAttribute('app-name'))
  || (window.location.pathname.match(/\/app\/(\w+)\//) || [])[1];

const APPS = ['tasklist', 'cockpit', 'admin', 'welcome'];

const GROUP_TYPES = {
  UNIT_ROLE: 'Vai trò trong đơn vị',
  SYSTEM: 'Hệ thống',
  WORKFLOW: 'Nghiệp vụ'
};

/** The engine's permission names as Admin lists them ("READ, UPDATE"); those not listed stay as they are. */
const PERMISSIONS = {
  ALL: 'Toàn quyền',
  NONE: 'Không có quyền',
  ACCESS: 'Truy cập',
  READ: 'Xem',
  UPDATE: 'Sửa',
  CREATE: 'Tạo',
  DELETE: 'Xóa',
  READ_TASK: 'Xem việc',
  UPDATE_TASK: 'Sửa việc',
  TASK_WORK: 'Xử lý việc',
  TASK_ASSIGN: 'Giao việc',
  READ_INSTANCE: 'Xem phiên quy trình',
  UPDATE_INSTANCE: 'Sửa phiên quy trình',
  CREATE_INSTANCE: 'Khởi động phiên quy trình',
  DELETE_INSTANCE: 'Xóa phiên quy trình',
  READ_HISTORY: 'Xem lịch sử',
  DELETE_HISTORY: 'Xóa lịch sử',
  SUSPEND: 'Tạm dừng',
  SUSPEND_INSTANCE: 'Tạm dừng phiên quy trình',
  MIGRATE_INSTANCE: 'Chuyển phiên quy trình sang phiên bản khác',
  RETRY_JOB: 'Chạy lại tác vụ nền',
  READ_VARIABLE: 'Xem biến',
  UPDATE_VARIABLE: 'Sửa biến',
  READ_TASK_VARIABLE: 'Xem biến của việc',
  UPDATE_TASK_VARIABLE: 'Sửa biến của việc',
  READ_INSTANCE_VARIABLE: 'Xem biến của phiên quy trình',
  UPDATE_INSTANCE_VARIABLE: 'Sửa biến của phiên quy trình',
  READ_HISTORY_VARIABLE: 'Xem lịch sử biến'
};

/** Admin's usage metrics, as the column heads abbreviate them. */
const METRICS = {
  PI: 'Phiên quy trình',
  DI: 'Phiên quyết định',
  TU: 'Người được giao việc',
  FNI: 'Bước quy trình đã chạy',
  EDE: 'Phần tử quyết định đã chạy'
};

/** Process names by key ("unitReview" → "Sơ kết, tổng kết của một đơn vị"), read from the engine when first needed. */
const processNames = {};
let processNamesAsked = false;

function processName(key) {
  if (!processNamesAsked) {
    processNamesAsked = true;
    loadProcessNames();
  }
  return processNames[key];
}

/** "Asia/Saigon" (the browser's zone) as people here say it. */
function zoneWords(zone) {
  if (/^(giờ|múi giờ) /.test(zone)) {
    return null;
  }
  return /^Asia\/(Saigon|Ho_Chi_Minh)$/.test(zone) ? 'giờ Việt Nam (UTC+7)' : 'múi giờ ' + zone;
}

/** 2026-01-01 (alone or within a text) as 01/01/2026. */
function day(text) {
  return text.replace(/\b(\d{4})-(\d{2})-(\d{2})\b/g, '$3/$2/$1');
}

/** Each rule: where (a CSS selector) and what the text of those elements becomes (null: left as it is). */
const RULES = [
  ...APPS.map((app) => ['.app-switch li.' + app + ' > a', () => appName(app)]),
  ['#footer-timezone i', zoneWords],
  ['.null-value', (value) => value === 'null' ? 'không có' : null],
  ['td.group-type', (type) => GROUP_TYPES[type]],
  ['td.permissions', (list) => list.split(', ').map((permission) => PERMISSIONS[permission] || permission).join(', ')],
  ['td.resource-id', (id) => id === '*' ? 'Tất cả' : APPS.includes(id) ? appName(id) : processName(id)],
  ['.alert-success code', (engine) => engine === 'default' ? 'mặc định' : null],
  ['th.metric-header', (metric) => METRICS[metric]],
  ['table.metrics-monthly td:first-child, table.metrics-annual td:first-child, #startDate a', day]
];

function rewrite() {
  for (const [selector, words] of RULES) {
    for (const element of document.querySelectorAll(selector)) {
      for (const node of element.childNodes) {
        const text = node.nodeType === Node.TEXT_NODE ? node.nodeValue.trim() : '';
        const replaced = text && words(text);
        if (replaced && replaced !== text) {
          node.nodeValue = node.nodeValue.replace(text, replaced);
        }
      }
    }
  }
}

function watch() {
  let pending = false;
  new MutationObserver(() => {
    if (!pending) {
      pending = true;
      queueMicrotask(() => {
        pending = false;
        rewrite();
      });
    }
  }).observe(document.documentElement, { childList: true, subtree: true, characterData: true });
  rewrite();
}

/** Admin's authorizations name process definitions by key: their names, read once. */
async function loadProcessNames() {
  const base = document.querySelector('base');
  const engine = (window.location.pathname.match(/\/app\/\w+\/([\w-]+)/) || [])[1] || 'default';
  if (!base || !base.getAttribute('engine-api')) {
    return;
  }
  try {
    const response = await fetch(base.getAttribute('engine-api') + 'engine/' + engine
      + '/process-definition?latestVersion=true&maxResults=200', { credentials: 'same-origin' });
    if (response.ok) {
      for (const definition of await response.json()) {
        if (definition.name) {
          processNames[definition.key] = definition.name;
        }
      }
      rewrite();
    }
  } catch (e) {
    // Without them the keys stay: nothing else depends on the names.
  }
}

/** Cockpit fixes its date filter's formats at start-up; a configuration block of its custom module runs after. */
function setDateFormat() {
  try {
    window.angular.module('cam.' + webapp + '.custom').config(['camDateFormatProvider', (formats) => {
      for (const [kind, format] of Object.entries(dateFormat)) {
        formats.setDateFormat(format, kind);
      }
    }]);
  } catch (e) {
    console.warn('review-cascade: the date format could not be set', e);
  }
}

if (language === 'vi' && typeof document !== 'undefined') {
  setDateFormat();
  watch();
}

export default [];
