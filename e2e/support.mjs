// What the browser tests share: where the application and the screenshots are, a headless Chromium of Debian's
// with a profile of its own, and the webapps' login.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const BASE_URL = process.env.BASE_URL ?? 'http://localhost:18095';
export const TASKLIST = `${BASE_URL}/camunda/app/tasklist/default/`;
export const REPO = fileURLToPath(new URL('..', import.meta.url));
export const SCREENSHOTS = path.join(REPO, 'target', 'e2e-screenshots');

/** HTTP Basic credentials of a demo user (every demo password is "demo"). */
export function basicAuth(user) {
  return 'Basic ' + Buffer.from(`${user}:demo`).toString('base64');
}

/** A request to the application as a demo user, a JSON body sent as JSON; the response as fetch gives it. */
export function request(apiPath, { user = 'demo', method = 'GET', body } = {}) {
  return fetch(BASE_URL + apiPath, {
    method,
    headers: {
      Authorization: basicAuth(user),
      Accept: 'application/json',
      ...(body && { 'Content-Type': 'application/json' }),
    },
    body: body && JSON.stringify(body),
  });
}

/** Debian's headless Chromium with a fresh profile; `close()` ends it and removes the profile. */
export async function launchBrowser(profilePrefix, options = {}) {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), profilePrefix));
  const browser = await chromium.launchPersistentContext(userDataDir, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    viewport: { width: 1400, height: 1000 },
    ...options,
  });
  const page = browser.pages()[0] ?? await browser.newPage();
  page.setDefaultTimeout(20_000);
  return {
    page,
    async close() {
      await browser.close();
      fs.rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** Logs into a Camunda webapp (Tasklist by default) as a demo user, from a clean session. */
/**
 * Logs in through the webapp's own form. On a busy machine the form can be re-rendered by Angular while it is being
 * filled (a password then lands in the user field): the fields are checked before submitting, and a login that does
 * not arrive is tried again from a fresh page, up to three times.
 */
export async function login(page, user, app = TASKLIST) {
  for (let attempt = 1; ; attempt++) {
    await page.context().clearCookies();
    await page.goto(app);
    const username = page.locator('input[ng-model="username"]');
    const password = page.locator('input[ng-model="password"]');
    await username.waitFor();
    await page.waitForLoadState('networkidle');
    await username.fill(user);
    await password.fill('demo');
    const filled = (await username.inputValue()) === user && (await password.inputValue()) === 'demo';
    if (filled) {
      await page.locator('button[type="submit"]').click();
      try {
        await page.locator('li.account a.dropdown-toggle').waitFor({ timeout: 30_000 });
        return;
      } catch (error) {
        if (attempt >= 3) {
          throw error;
        }
      }
    } else if (attempt >= 3) {
      throw new Error(`The login form for ${user} would not keep what was typed`);
    }
  }
}
