// End-to-end test of the webapps' words as a Vietnamese user sees them, in a real browser in Vietnam's time zone.
//
// Opens the login pages of Tasklist, Cockpit, Admin and Welcome, then, as the demo administrator, Tasklist,
// Cockpit's dashboard, list of processes, a process definition with its instances and a process instance, and Admin's
// users, groups, authorizations, system and usage metrics, at 1366×900 and 390×844. On each it reads the browser
// tab's title and the page's text, and fails on an English or engine word: Camunda's names of the webapps, "null",
// the zone id (Asia/Saigon), a group type, a permission or the engine's name as the engine spells them, an ISO date
// (2026-12-07, 2026-12-07T08:44:34), the engine's process keys in Cockpit's lists. Camunda's name may stay in the
// footer's credit. Screenshots in target/e2e-screenshots/words-*.png.

import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { BASE_URL, SCREENSHOTS, launchBrowser, request } from './support.mjs';

const app = (name) => `${BASE_URL}/camunda/app/${name}/default/`;

/** Words no page may show, whatever the page. */
const EVERYWHERE = [
  /\b(Tasklist|Cockpit|Welcome|Admin)\b/,
  /Camunda/,
  /\bnull\b/i,
  /Asia\//,
  /camunda BPM Administrators/i,
  /Tiện ích mở rộng tùy chỉnh/,
  /\b\d{4}-\d{2}-\d{2}\b/,
];

/** Words some pages may not show: where the engine's words used to be. */
const ENGINE_KEYS = /\b(unitReview|documentApproval|mailDelivery|overdueDigest)\b/;
const ADMIN_WORDS = /\b(UNIT_ROLE|SYSTEM|ACCESS|ALL|NONE|READ|default)\b/;
const METRICS = /\b(PI|DI|TU|FNI|EDE)\b/;

const WIDTHS = [{ width: 1366, height: 900 }, { width: 390, height: 844 }];

/** The page's text as a person reads it: the tab's title and the body, without the footer's credit to Camunda. */
async function shownText(page) {
  return page.evaluate(() => {
    const credit = document.querySelector('[cam-widget-footer] .col-xs-6:last-child');
    const body = document.body.innerText.replace(credit ? credit.innerText : '\u0000', '');
    return { title: document.title, body };
  });
}

async function check(page, name, { extra = [], size }) {
  // Angular draws after its data arrives; the rewrites follow within a tick.
  await page.waitForLoadState('networkidle').catch(() => {});
  await page.waitForTimeout(800);
  await page.screenshot({ path: path.join(SCREENSHOTS, `words-${name}-${size.width}.png`) });
  const { title, body } = await shownText(page);
  assert.match(title, /^Sơ kết – /, `${name}: the tab's title "${title}"`);
  for (const words of [...EVERYWHERE, ...extra]) {
    const found = `${title}\n${body}`.match(words);
    assert.equal(found, null, `${name} at ${size.width}px shows "${found?.[0]}" (${words}):\n${
      found ? `${title}\n${body}`.slice(Math.max(0, found.index - 80), found.index + 80) : ''}`);
  }
  return body;
}

async function login(page, name, user = 'demo') {
  await page.context().clearCookies();
  await page.goto(app(name));
  await page.locator('input[ng-model="username"]').fill(user);
  await page.locator('input[ng-model="password"]').fill('demo');
  await page.locator('button[type="submit"]').click();
  await page.locator('li.account a.dropdown-toggle').waitFor({ state: 'attached' });
}

describe('the webapps in Vietnamese words', () => {
  let definitionId;
  let instanceId;

  before(async () => {
    const definitions = await (await request('/engine-rest/process-definition?key=unitReview&latestVersion=true&maxResults=1')).json();
    definitionId = definitions[0].id;
    const instances = await (await request('/engine-rest/process-instance?processDefinitionKey=unitReview&maxResults=1')).json();
    instanceId = instances[0].id;
  });

  for (const size of WIDTHS) {
    describe(`at ${size.width}×${size.height}`, () => {
      let browser;
      let page;

      before(async () => {
        browser = await launchBrowser('review-cascade-words-', { viewport: size, timezoneId: 'Asia/Saigon' });
        ({ page } = browser);
      });

      after(async () => {
        await browser?.close();
      });

      it('names each webapp in Vietnamese on its login page and in its tab', async () => {
        for (const name of ['tasklist', 'cockpit', 'admin', 'welcome']) {
          await page.context().clearCookies();
          await page.goto(app(name));
          await page.locator('input[ng-model="username"]').waitFor();
          const body = await check(page, `login-${name}`, { size });
          assert.match(body, /giờ Việt Nam \(UTC\+7\)/, `${name}: the footer's time zone`);
        }
      });

      it('shows Tasklist in Vietnamese, with a count beside every filter', async () => {
        await login(page, 'tasklist');
        await check(page, 'tasklist', { size });
        const engineCounts = async () => Object.fromEntries((await (await request('/engine-rest/filter?resourceType=Task'
          + '&itemCount=true&firstResult=0&maxResults=2000')).json()).map((filter) => [filter.name, String(filter.itemCount)]));
        // Each filter listed, by its name: the count beside it (Tasklist's own for the open one).
        const shownCounts = () => page.locator('.task-filter').evaluateAll((items) => items.map((item) => {
          const link = item.querySelector('h4.name a');
          const name = [...link.childNodes].filter((node) => node.nodeType === Node.TEXT_NODE)
            .map((node) => node.textContent).join('').trim();
          const counter = item.classList.contains('active') ? item.querySelector('.counter')
            : item.querySelector('.review-cascade-count');
          return [name, counter ? counter.textContent.trim() : null];
        }));
        // Other tests' campaigns may still be opening units (engine jobs): the page is loaded afresh between two reads
        // of the engine's counts, and compared once those two agree.
        let expected;
        let shown;
        for (let attempt = 0; attempt < 10; attempt += 1) {
          if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, 3000));
          const before = await engineCounts();
          await page.reload();
          await page.locator('.task-filter:not(.active) .review-cascade-count').first().waitFor();
          shown = await shownCounts();
          expected = await engineCounts();
          if (JSON.stringify(before) === JSON.stringify(expected)) break;
        }
        assert.ok(shown.length >= 3, JSON.stringify(shown));
        for (const [name, count] of shown) {
          assert.equal(count, expected[name], `the count beside "${name}"`);
        }
        await page.screenshot({ path: path.join(SCREENSHOTS, `words-tasklist-counts-${size.width}.png`) });
      });

      it('shows Cockpit\'s overdue units first, its lists by name, its dates as dd/MM/yyyy HH:mm', async () => {
        await login(page, 'cockpit');
        const heading = page.locator('section.deprecate h1.section-title', { hasText: 'Đơn vị quá hạn báo cáo' });
        await heading.waitFor();
        const current = page.locator('h1.section-title').filter({ hasNotText: 'Đơn vị quá hạn báo cáo' }).first();
        assert.ok((await heading.boundingBox()).y < (await current.boundingBox()).y,
          'the overdue units come before the engine\'s counters');
        await check(page, 'cockpit-dashboard', { size, extra: [ENGINE_KEYS] });

        await page.goto(`${app('cockpit')}#/processes`);
        await page.locator('table.process-definitions-list td.name', { hasText: 'Sơ kết, tổng kết của một đơn vị' }).waitFor();
        await check(page, 'cockpit-processes', { size, extra: [ENGINE_KEYS] });

        await page.goto(`${app('cockpit')}#/process-definition/${definitionId}/runtime`);
        const started = page.locator('td.start-time, td.startTime').first();
        await started.waitFor();
        assert.match((await started.innerText()).trim(), /^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/, 'a start time');
        await check(page, 'cockpit-definition', { size });

        await page.goto(`${app('cockpit')}#/process-instance/${instanceId}/runtime`);
        await page.locator('dd.super-process-instance-id').waitFor({ state: 'attached' });
        await check(page, 'cockpit-instance', { size });
      });

      it('shows Admin\'s groups, authorizations and system in Vietnamese', async () => {
        await login(page, 'admin');
        const pages = [
          ['users', '#/users', 'td'],
          ['groups', '#/groups', 'td.group-type'],
          ['authorizations', '#/authorization?resource=0', 'td.permissions'],
          ['system', '#/system?section=system-settings-general', '.alert-success code'],
          ['metrics', '#/system?section=system-settings-metrics', 'table.metrics-monthly td'],
        ];
        for (const [name, hash, shown] of pages) {
          await page.goto(`${app('admin')}${hash}`);
          await page.locator(shown).first().waitFor({ state: 'attached' });
          await check(page, `admin-${name}`, { size, extra: name === 'metrics' ? [ADMIN_WORDS, METRICS] : [ADMIN_WORDS] });
        }
      });
    });
  }
});
