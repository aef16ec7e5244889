/**
 * What the browser specs share: a Chromium profile per "computer", a person's authenticator app, the help pages'
 * steps as functions, an axe-core check and screenshots. The specs drive the built portal served by the real API.
 */
import { expect } from '@jest/globals';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { generateSync } from 'otplib';
import { chromium, type BrowserContext, type Locator, type Page } from 'playwright-core';

export const CHROMIUM = process.env.CHROME_BIN ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
export const DESKTOP = { width: 1280, height: 860 };
export const PHONE = { width: 375, height: 740 };
/**
 * Where the screens are photographed: outside the tracked tree by default, so a test run leaves the checkout as it
 * was (keys, QR codes and dates differ every run); `npm run screenshots` refreshes the README's pictures in docs/.
 */
export const SCREENSHOT_DIR = resolve(process.cwd(), process.env.SCREENSHOT_DIR ?? 'test-results/screenshots');
const AXE_PATH = resolve(process.cwd(), 'node_modules/axe-core/axe.min.js');

const computers = new WeakMap<BrowserContext, Computer>();

/** What the Content-Security-Policy blocked on the computer of this page so far. */
export function cspViolationsOf(page: Page): string[] {
  return computers.get(page.context())?.cspViolations ?? [];
}

/** One computer: a fresh Chromium profile, so cookies (the trusted-device cookie) live as long as it does. */
export class Computer {
  private constructor(
    readonly context: BrowserContext,
    private readonly profileDir: string,
  ) {}

  static async start(
    baseURL: string,
    options: { viewport?: { width: number; height: number }; args?: string[] } = {},
  ): Promise<Computer> {
    const profileDir = mkdtempSync(join(tmpdir(), 'practice-cloud-browser-'));
    const context = await chromium.launchPersistentContext(profileDir, {
      executablePath: CHROMIUM,
      args: [...CHROMIUM_ARGS, ...(options.args ?? [])],
      headless: true,
      baseURL,
      viewport: options.viewport ?? DESKTOP,
      locale: 'en-GB',
      timezoneId: 'UTC',
      // Angular Material then skips its animations, so no screen is checked or photographed mid-fade.
      reducedMotion: 'reduce',
      acceptDownloads: true,
    });
    context.setDefaultTimeout(15_000);
    const computer = new Computer(context, profileDir);
    computers.set(context, computer);
    // A page the Content-Security-Policy breaks still renders, only worse (unstyled, icons as words): collect the
    // browser's reports, so that every checked screen can assert there were none.
    context.on('console', (message) => {
      if (message.type() === 'error' && message.text().includes('Content Security Policy')) {
        computer.cspViolations.push(message.text());
      }
    });
    return computer;
  }

  readonly cspViolations: string[] = [];

  /** The profile's first tab (a persistent context opens one), or a new tab. */
  async page(): Promise<Page> {
    return this.context.pages()[0] ?? (await this.context.newPage());
  }

  async close(): Promise<void> {
    await this.context.close();
    rmSync(this.profileDir, { recursive: true, force: true });
  }
}

/**
 * A person's authenticator app. The API accepts a code of the current 30-second step or its neighbours, each step
 * once and only after the last one used. So this hands out the current step, then the next one, and waits for a new
 * step only when both are spent. Never the previous step: it could expire between typing and sending.
 */
export class Authenticator {
  private lastStep = -1;

  constructor(readonly secret: string) {}

  async nextCode(): Promise<string> {
    for (;;) {
      const now = Date.now();
      const current = Math.floor(now / 30_000);
      const step = Math.max(this.lastStep + 1, current);
      if (step <= current + 1) {
        this.lastStep = step;
        return generateSync({ secret: this.secret, epoch: step * 30 + 1 });
      }
      await sleep((step - 1) * 30_000 - now + 500);
    }
  }

  /**
   * A code of a step long past: the wrong code a person might type from an old screen. Skips one that happens to
   * equal a code the API would accept now (one chance in about 300,000), so it is always wrong.
   */
  staleCode(minutesAgo = 10): string {
    const now = Math.floor(Date.now() / 1000);
    const acceptable = new Set([-30, 0, 30].map((offset) => generateSync({ secret: this.secret, epoch: now + offset })));
    for (let minutes = minutesAgo; ; minutes++) {
      const code = generateSync({ secret: this.secret, epoch: now - minutes * 60 });
      if (!acceptable.has(code)) return code;
    }
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export interface Person {
  email: string;
  password: string;
  firstName: string;
  lastName: string;
}

export async function expectVisible(locator: Locator, timeout = 15_000): Promise<void> {
  await locator.first().waitFor({ state: 'visible', timeout });
}

export async function expectHidden(locator: Locator, timeout = 15_000): Promise<void> {
  await locator.first().waitFor({ state: 'hidden', timeout });
}

/** Keyboard focus is on the (one) element the locator finds. */
export async function expectFocusOn(locator: Locator, timeout = 15_000): Promise<void> {
  const handle = await locator.elementHandle({ timeout });
  await locator.page().waitForFunction((element) => document.activeElement === element, handle, { timeout });
}

export async function expectPath(page: Page, path: string, timeout = 15_000): Promise<void> {
  await page.waitForURL((url) => url.pathname === path, { timeout });
}

/** The alert of the form the user is on: where the error codes' words appear. */
export function formAlert(page: Page): Locator {
  return page.locator('app-form-alert [role=alert]');
}

/**
 * Nothing scrolls sideways at this width: not the page, and not a box that scrolls on its own (a table's wrapper),
 * which would hide columns (the Client List's links) behind a scroll bar that a phone does not even show.
 */
export async function expectNoSidewaysScroll(page: Page): Promise<void> {
  const problems = await page.evaluate(() => {
    const found: string[] = [];
    const root = document.documentElement;
    if (root.scrollWidth > root.clientWidth) found.push(`the page is ${root.scrollWidth} px wide in a ${root.clientWidth} px window`);
    for (const element of Array.from(document.querySelectorAll<HTMLElement>('body *'))) {
      const overflowX = getComputedStyle(element).overflowX;
      if ((overflowX === 'auto' || overflowX === 'scroll') && element.scrollWidth > element.clientWidth + 1) {
        found.push(`${element.tagName.toLowerCase()}.${Array.from(element.classList).join('.')} is ${element.scrollWidth} px wide inside ${element.clientWidth} px`);
      }
    }
    return found;
  });
  expect(problems).toEqual([]);
}

/** Each element the locator finds lies within the window's width: nothing to scroll to, nothing cut off. */
export async function expectWithinWindow(locator: Locator): Promise<void> {
  const outside = await locator.evaluateAll((items) =>
    items
      .map((item) => ({ text: item.textContent?.trim() ?? '', box: item.getBoundingClientRect() }))
      .filter(({ box }) => box.left < -0.5 || box.right > document.documentElement.clientWidth + 0.5)
      .map(({ text, box }) => `"${text}" spans ${Math.round(box.left)}–${Math.round(box.right)} px`),
  );
  expect(outside).toEqual([]);
}

/**
 * Icons and buttons keep their shape at any width: no icon squashed narrower than its glyph (a flex row short of room
 * shrinks it to a sliver), no button label spilling out of its pill, no button beyond the window's edge.
 */
export async function expectIconsAndButtonsIntact(page: Page): Promise<void> {
  const problems = await page.evaluate(() => {
    const found: string[] = [];
    const visible = (el: Element): boolean => {
      const box = el.getBoundingClientRect();
      return box.width > 0 && box.height > 0 && getComputedStyle(el).visibility !== 'hidden';
    };
    const windowWidth = document.documentElement.clientWidth;
    for (const icon of Array.from(document.querySelectorAll('mat-icon')).filter(visible)) {
      const box = icon.getBoundingClientRect();
      const glyph = parseFloat(getComputedStyle(icon).fontSize);
      if (box.width + 0.5 < glyph) {
        found.push(`icon "${icon.textContent?.trim()}" is ${Math.round(box.width)} px wide for a ${glyph} px glyph`);
      }
    }
    for (const button of Array.from(document.querySelectorAll('.mat-mdc-button-base')).filter(visible)) {
      const box = button.getBoundingClientRect();
      const name = button.textContent?.trim() ?? '';
      if (box.left < -0.5 || box.right > windowWidth + 0.5) found.push(`button "${name}" runs past the window`);
      const label = button.querySelector('.mdc-button__label');
      if (!label) continue;
      const range = document.createRange();
      range.selectNodeContents(label);
      const text = range.getBoundingClientRect();
      if (text.width === 0) continue;
      const spills =
        text.left < box.left - 0.5 || text.right > box.right + 0.5 || text.top < box.top - 0.5 || text.bottom > box.bottom + 0.5;
      if (spills) found.push(`the label of button "${name}" spills out of it`);
    }
    return found;
  });
  expect(problems).toEqual([]);
}

// The help pages' steps.

export async function openSignIn(page: Page): Promise<void> {
  await page.goto('/sign-in');
  await expectVisible(page.getByRole('heading', { name: 'Sign in' }));
}

/** Email and password; afterwards the portal shows the code step, the Client List or the enable flow. */
export async function submitPassword(page: Page, person: Pick<Person, 'email' | 'password'>): Promise<void> {
  await openSignIn(page);
  await page.getByLabel('Email').fill(person.email);
  await page.getByLabel('Password', { exact: false }).first().fill(person.password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
}

export async function expectCodeStep(page: Page): Promise<void> {
  await expectVisible(page.getByRole('heading', { name: 'Two-factor authentication' }));
}

export async function submitCode(page: Page, code: string, options: { rememberDevice?: boolean } = {}): Promise<void> {
  await page.getByLabel('6-digit code').fill(code);
  if (options.rememberDevice) {
    await page.getByRole('checkbox', { name: "Don't ask again on this computer" }).check();
  }
  await page.getByRole('button', { name: 'Verify', exact: true }).click();
}

export async function submitBackupCode(page: Page, backupCode: string): Promise<void> {
  await page.getByRole('button', { name: 'Use a backup code instead' }).click();
  await page.getByLabel('Backup code').fill(backupCode);
  await page.getByRole('button', { name: 'Verify', exact: true }).click();
}

export async function expectClientList(page: Page): Promise<void> {
  await expectPath(page, '/');
  await expectVisible(page.getByRole('heading', { name: 'Client List' }));
}

export async function signOut(page: Page): Promise<void> {
  await page.getByTestId('account-menu').click();
  await page.getByRole('menuitem', { name: 'Sign out' }).click();
  await expectPath(page, '/sign-in');
  await expectVisible(page.getByRole('heading', { name: 'Sign in' }));
}

export async function openProfile(page: Page): Promise<void> {
  await page.getByTestId('account-menu').click();
  await page.getByRole('menuitem', { name: 'Profile' }).click();
  await expectPath(page, '/profile');
  await expectVisible(page.getByRole('heading', { name: 'Manage Profile' }));
}

export interface EnabledTwoFactor {
  authenticator: Authenticator;
  backupCodes: string[];
}

/**
 * The three steps of the enable flow, from wherever "Enable Two-Factor Authentication (2FA)" was opened. Reads the
 * key shown on screen as a person typing it into their app would. `shots` names screenshots/axe checks per step.
 */
export async function enableTwoFactor(
  page: Page,
  shots: { install?: string; scan?: string; backupCodes?: string } = {},
): Promise<EnabledTwoFactor> {
  await expectPath(page, '/profile/two-factor/enable');
  await expectVisible(page.getByRole('heading', { name: 'Install an authenticator app' }));
  await expectVisible(page.getByText('Microsoft Authenticator').first());
  if (shots.install) await checkScreen(page, shots.install);
  await page.getByRole('button', { name: 'Next', exact: true }).click();

  // Each step change takes keyboard and screen reader users to the new step's heading, not back to the page's body.
  await expectFocusOn(page.getByRole('heading', { name: 'Scan the QR code' }));
  const key = page.getByTestId('setup-key');
  await expectVisible(key);
  await expectVisible(page.getByRole('img', { name: /QR code/ }));
  const shown = (await key.textContent())?.trim() ?? '';
  expect(shown).toMatch(/^([A-Z2-7]{4} )+[A-Z2-7]{1,4}$/); // grouped in fours for reading
  const authenticator = new Authenticator(shown.replace(/\s+/g, ''));
  if (shots.scan) await checkScreen(page, shots.scan);

  await page.getByLabel('6-digit code').fill(await authenticator.nextCode());
  await page.getByRole('button', { name: 'Verify and Next' }).click();

  const codes = page.getByTestId('backup-code');
  await expectVisible(codes);
  await expectFocusOn(page.getByRole('heading', { name: 'Save your backup codes' }));
  const backupCodes = (await codes.allTextContents()).map((c) => c.trim());
  expect(backupCodes).toHaveLength(10);
  await expectCodesReadable(codes);
  await expectVisible(page.getByText('will not be emailed'));
  await expectVisible(page.getByRole('button', { name: 'Download (.txt)' }));
  await expectVisible(page.getByRole('button', { name: 'Print' }));
  await expectVisible(page.getByRole('button', { name: 'Copy', exact: true }));
  if (shots.backupCodes) await checkScreen(page, shots.backupCodes);

  const enable = page.getByRole('button', { name: 'Verify and Enable' });
  expect(await enable.isDisabled()).toBe(true);
  await page.getByRole('checkbox', { name: 'I have saved these codes' }).check();
  await enable.click();
  await expectClientList(page);
  return { authenticator, backupCodes };
}

/**
 * Each backup code reads as one piece wherever it is shown (the enable flow, the regenerate dialog, a phone): no
 * code breaks across two lines, none runs out of its column, and the number of the next column ("10.") has room
 * before it instead of covering the code on its left.
 */
export async function expectCodesReadable(codes: Locator): Promise<void> {
  const problems = await codes.evaluateAll((items) => {
    const found: string[] = [];
    const boxes = items.map((item) => item.getBoundingClientRect());
    items.forEach((item, i) => {
      const range = document.createRange();
      range.selectNodeContents(item);
      const text = range.getBoundingClientRect();
      const lines = new Set(Array.from(range.getClientRects(), (rect) => Math.round(rect.top))).size;
      if (lines !== 1) found.push(`code ${i + 1} is on ${lines} lines`);
      if (text.width > boxes[i].width + 0.5) found.push(`code ${i + 1} runs out of its column`);
      const markerRoom = 2 * parseFloat(getComputedStyle(item).fontSize);
      boxes.forEach((left, j) => {
        const sameRow = Math.abs(left.top - boxes[i].top) < 1 && left.left < boxes[i].left;
        if (j !== i && sameRow && boxes[i].left - left.right < markerRoom) {
          found.push(`the number of code ${i + 1} covers code ${j + 1}`);
        }
      });
    });
    return found;
  });
  expect(problems).toEqual([]);
}

// Accessibility and screenshots.

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; html: string; failureSummary?: string }[];
}

/**
 * axe-core on the page as it is: no serious or critical violations. The portal's Content-Security-Policy forbids
 * inline scripts (so no `addScriptTag`); evaluating through the DevTools protocol is not subject to it.
 */
export async function expectAccessible(page: Page, screen: string): Promise<void> {
  const hasAxe = await page.evaluate(() => 'axe' in window);
  if (!hasAxe) {
    await page.evaluate(axeSource());
  }
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: unknown[] }> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations;
  });
  const serious = (violations as AxeViolation[]).filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const report = serious.map(
    (v) =>
      `${screen}: [${v.impact}] ${v.id} — ${v.help}\n  ` +
      v.nodes.map((n) => `${n.target.join(' ')}: ${n.html}\n    ${n.failureSummary ?? ''}`).join('\n  '),
  );
  expect(report).toEqual([]);
}

let axeScript: string | undefined;
function axeSource(): string {
  axeScript ??= readFileSync(AXE_PATH, 'utf8');
  return axeScript;
}

/**
 * Waits until the screen is still: web fonts loaded and no finite animation or transition running (a dialog fading
 * in would otherwise be measured half-transparent by axe and photographed mid-way), and a status message just opened
 * handed to screen readers: Material holds it in an aria-hidden element for its first 150 ms, where axe would find
 * its Dismiss button focusable inside aria-hidden.
 *
 * The condition is a plain function: `waitForFunction` takes a returned promise as a truthy answer at once, without
 * waiting for what it resolves to, so an async condition would never be polled again.
 */
export async function settle(page: Page): Promise<void> {
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  await page.waitForFunction(
    () =>
      document.querySelector('mat-snack-bar-container [aria-hidden]') === null &&
      document
        .getAnimations()
        .every((a) => a.playState !== 'running' || a.effect?.getComputedTiming().iterations === Infinity),
  );
}

/**
 * A screenshot for docs/screenshots, once the screen is still. A status message left from an earlier step (the
 * snack bar lasts 5 seconds, longer than a test takes to move on) is left out of the picture: it belongs to that
 * step, not to this screen. axe-core has checked it with the rest of the page.
 */
export async function screenshot(page: Page, name: string, options: { fullPage?: boolean } = {}): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const fullPage = options.fullPage ?? true;
  // The pointer rests where the last click was, and its hover tooltip would be in the picture: move it off the page.
  await page.mouse.move(0, page.viewportSize()?.height ?? 0);
  await expectHidden(page.locator('.mat-mdc-tooltip'));
  if (fullPage) {
    // A full-page picture of a scrolled page draws the sticky toolbar halfway down.
    await page.evaluate(() => window.scrollTo(0, 0));
  }
  await settle(page);
  await page.screenshot({
    path: join(SCREENSHOT_DIR, `${name}.png`),
    fullPage,
    animations: 'disabled',
    caret: 'hide',
    style: 'mat-snack-bar-container { visibility: hidden; }',
  });
}

/**
 * The checks of a screen: axe-core, no CSP violation, icons and buttons intact, no sideways scrolling (of the page, or
 * of a table inside it) at any width; then the screenshot.
 */
export async function checkScreen(page: Page, name: string, options: { fullPage?: boolean } = {}): Promise<void> {
  await settle(page);
  await expectAccessible(page, name);
  expect(cspViolationsOf(page)).toEqual([]);
  await expectIconsAndButtonsIntact(page);
  await expectNoSidewaysScroll(page);
  await screenshot(page, name, options);
}

// The API as a script would use it, for the set-up that is not under test.

export async function apiCall<T = unknown>(
  baseUrl: string,
  method: string,
  path: string,
  body?: unknown,
  token?: string,
): Promise<{ status: number; body: T }> {
  const headers: Record<string, string> = {};
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (token) headers['authorization'] = `Bearer ${token}`;
  const response = await fetch(`${baseUrl}/api${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : undefined) as T };
}

/** Signs in over HTTP (no 2FA yet) and enables 2FA the way the portal does; returns the person's app. */
export async function enableTwoFactorOverApi(baseUrl: string, person: Person): Promise<Authenticator> {
  const login = await apiCall<{ status: string; accessToken: string }>(baseUrl, 'POST', '/auth/login', {
    email: person.email,
    password: person.password,
  });
  expect(login.body.status).toBe('AUTHENTICATED');
  const token = login.body.accessToken;
  const setup = await apiCall<{ secret: string }>(baseUrl, 'POST', '/profile/two-factor/setup', {}, token);
  expect(setup.status).toBe(201);
  const authenticator = new Authenticator(setup.body.secret);
  const verify = await apiCall(baseUrl, 'POST', '/profile/two-factor/verify', { code: await authenticator.nextCode() }, token);
  expect(verify.status).toBe(200);
  const enable = await apiCall(baseUrl, 'POST', '/profile/two-factor/enable', {}, token);
  expect(enable.status).toBe(200);
  return authenticator;
}
