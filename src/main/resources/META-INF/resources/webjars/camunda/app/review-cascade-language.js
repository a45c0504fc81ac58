// review-cascade: what the four webapps (Tasklist, Cockpit, Admin, Welcome) share, imported by each app's
// scripts/config.js:
//  - their language: Vietnamese, whatever the browser's, unless the user chose English (the link in the header,
//    or ?lang=en / ?lang=vi in the address), a choice kept in this browser;
//  - their names in the header, on the login page and in the browser tab (not "Camunda Tasklist");
//  - the link that switches between the two, and the link to the organising board's dashboard (/dashboard);
//  - their date format (dd/MM/yyyy HH:mm in Vietnamese);
//  - Cockpit's list of processes by name only, without the engine's keys (unitReview);
//  - no banner telling Party office staff to migrate software they do not run, and in Tasklist none of the actions
//    the system's users have no right to (creating a task, starting a process, commenting outside the report,
//    setting a follow-up date or removing a deadline): the engine would refuse them.

const STORAGE_KEY = 'reviewCascade.language';
const LANGUAGES = ['vi', 'en'];
const SWITCH = { vi: { to: 'en', label: 'English' }, en: { to: 'vi', label: 'Tiếng Việt' } };

function choose() {
  try {
    const asked = new URLSearchParams(window.location.search).get('lang');
    if (LANGUAGES.includes(asked)) {
      window.localStorage.setItem(STORAGE_KEY, asked);
    }
    const stored = window.localStorage.getItem(STORAGE_KEY);
    return LANGUAGES.includes(stored) ? stored : 'vi';
  } catch (e) {
    return 'vi';
  }
}

/** The language the webapps speak in this browser. */
export const language = choose();

/**
 * The webapps pick the browser's language when it is among the available ones: offering only the chosen one makes
 * Vietnamese the default for every browser, and English what the user asked for.
 */
export const locales = { availableLocales: [language], fallbackLocale: language };

/** What the header, the login page and the browser tab call each webapp, as "<vendor> <name>". */
const APP_NAMES = {
  vi: {
    tasklist: 'Việc cần xử lý',
    cockpit: 'Theo dõi quy trình',
    admin: 'Quản trị',
    welcome: 'Trang chủ'
  },
  en: {
    tasklist: 'Tasklist',
    cockpit: 'Cockpit',
    admin: 'Admin',
    welcome: 'Welcome'
  }
};
const VENDOR = { vi: 'Sơ kết –', en: 'Review cascade –' };

/** The `app` entry of a webapp's config.js: its name in the chosen language instead of "Camunda Tasklist". */
export function appNamed(webapp) {
  return { vendor: VENDOR[language], name: APP_NAMES[language][webapp] };
}

/** A webapp's name alone in the chosen language ("Theo dõi quy trình"), as the header's app switcher lists it. */
export function appName(webapp) {
  return APP_NAMES[language][webapp];
}

/**
 * The `dateFormat` entry of a webapp's config.js (moment.js formats): in Vietnamese, dates as 07/12/2026 and times
 * as 07/12/2026 08:44, the way Party offices write them; in English, Camunda's own. Cockpit ignores this setting
 * (its dates are fixed to 2026-12-07T08:44:34): review-cascade-words.js applies it there.
 */
export const dateFormat = language === 'vi'
  ? { normal: 'DD/MM/YYYY HH:mm', abbr: 'DD/MM/YYYY HH:mm', long: 'dddd, DD/MM/YYYY HH:mm', short: 'DD/MM/YYYY' }
  : { normal: 'LLL', abbr: 'lll', long: 'LLLL', short: 'LL' };

const STYLE = `
.ce-eol-banner { display: none !important; }
li.create-task-action, li.start-process-action, .createCommentLink, .followup-date, .reset-due-date { display: none !important; }
li.review-cascade-language a { cursor: pointer; }
table.process-definitions-list th.key, table.process-definitions-list td.key { display: none !important; }
`;

function addStyle() {
  const style = document.createElement('style');
  style.textContent = STYLE;
  document.head.appendChild(style);
}

/** Puts "English" (or "Tiếng Việt") in the header, before the account menu, once the header is drawn. */
function addSwitch() {
  const place = () => {
    const account = document.querySelector('[cam-widget-header] li.account, .navbar li.account');
    if (!account || account.parentNode.querySelector('li.review-cascade-language')) {
      return;
    }
    const item = document.createElement('li');
    item.className = 'review-cascade-language';
    const link = document.createElement('a');
    link.textContent = SWITCH[language].label;
    link.setAttribute('lang', SWITCH[language].to);
    link.setAttribute('title', SWITCH[language].to === 'en' ? 'Switch to English' : 'Chuyển sang tiếng Việt');
    link.addEventListener('click', (event) => {
      event.preventDefault();
      try {
        window.localStorage.setItem(STORAGE_KEY, SWITCH[language].to);
      } catch (e) {
        // Without storage the choice lasts for this address only.
      }
      const url = new URL(window.location.href);
      url.searchParams.set('lang', SWITCH[language].to);
      window.location.assign(url.toString());
    });
    item.appendChild(link);
    account.parentNode.insertBefore(item, account);
  };
  new MutationObserver(place).observe(document.documentElement, { childList: true, subtree: true });
  place();
}

/** Puts "Bảng theo dõi" in the header, before the language switch: the dashboard shares the webapps' login. */
function addDashboardLink() {
  const place = () => {
    const account = document.querySelector('[cam-widget-header] li.account, .navbar li.account');
    if (!account || account.parentNode.querySelector('li.review-cascade-dashboard')) {
      return;
    }
    const item = document.createElement('li');
    item.className = 'review-cascade-dashboard';
    const link = document.createElement('a');
    link.href = '/dashboard';
    link.textContent = language === 'en' ? 'Dashboard' : 'Bảng theo dõi';
    link.setAttribute('title', language === 'en' ? 'Who has reported, on time or late, and the figures'
      : 'Đơn vị nào đã báo cáo, đúng hạn hay muộn, và số liệu cộng dồn');
    item.appendChild(link);
    account.parentNode.insertBefore(item, account.parentNode.querySelector('li.review-cascade-language') || account);
  };
  new MutationObserver(place).observe(document.documentElement, { childList: true, subtree: true });
  place();
}

/**
 * Puts "Văn phòng đợt báo cáo" in the header, before the dashboard's link, for those who may use the office page
 * (administrators and the organising boards): the API says so once the user is logged in.
 */
function addOfficeLink() {
  let manages = null;
  const place = () => {
    const account = document.querySelector('[cam-widget-header] li.account, .navbar li.account');
    if (!account) {
      return;
    }
    if (manages === null) {
      manages = false;
      fetch('/api/office/session', { credentials: 'same-origin',
        headers: { Accept: 'application/json', 'X-Requested-With': 'XMLHttpRequest' } })
        .then((response) => (response.ok ? response.json() : null))
        .then((session) => { manages = Boolean(session && session.manages); place(); })
        .catch(() => {});
      return;
    }
    if (!manages || account.parentNode.querySelector('li.review-cascade-office')) {
      return;
    }
    const item = document.createElement('li');
    item.className = 'review-cascade-office';
    const link = document.createElement('a');
    link.href = '/office';
    link.textContent = language === 'en' ? 'Campaign office' : 'Văn phòng đợt báo cáo';
    link.setAttribute('title', language === 'en' ? 'Start, follow and end campaigns; plans; users'
      : 'Bắt đầu, theo dõi, kết thúc đợt báo cáo; kế hoạch; người dùng');
    item.appendChild(link);
    account.parentNode.insertBefore(item, account.parentNode.querySelector('li.review-cascade-dashboard')
      || account.parentNode.querySelector('li.review-cascade-language') || account);
  };
  new MutationObserver(place).observe(document.documentElement, { childList: true, subtree: true });
  place();
}

if (typeof document !== 'undefined') {
  document.documentElement.setAttribute('lang', language);
  addStyle();
  addSwitch();
  addDashboardLink();
  addOfficeLink();
}
