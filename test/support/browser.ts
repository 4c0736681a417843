import { existsSync } from 'node:fs';
import axe from 'axe-core';
import { mkdirSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type Frame, type Locator, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';

// Browser tests drive Debian's Chromium (never a downloaded browser): one browser per test file, a fresh context
// (cookies, storage) per test. `.ci/run` installs /usr/bin/chromium when it is missing.

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Launches Chromium once for the file (beforeAll) and closes it (afterAll); use the getter in tests. */
export function useBrowser(): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium (.ci/run does)`);
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  });
  afterAll(async () => {
    await browser?.close();
  });
  return () => {
    if (!browser) throw new Error('browser not launched');
    return browser;
  };
}

/** A phone (360 px wide, the narrowest the widget must work on) and a desk screen. */
export const PHONE = { width: 360, height: 740 };
export const DESKTOP = { width: 1280, height: 800 };

export interface TrackedPage {
  context: BrowserContext;
  page: Page;
  /** Console errors, uncaught exceptions and CSP violations seen so far, in any frame. */
  problems: string[];
  /** Fails the test if the page logged an error, threw, or broke its Content-Security-Policy. */
  expectNoProblems: () => void;
}

/**
 * A fresh context and page that records what went wrong in it: console errors (a CSP violation is one), uncaught
 * exceptions, and answers of 400 or more (`POST /api/auth/login 401`). Pages run under the server's real CSP (not
 * bypassed), so a policy that blocks what a page needs fails here. `allow` lists what a test provokes on purpose
 * (a wrong password's 401, a taken slot's 409).
 */
export async function openPage(
  browser: Browser,
  opts: { viewport?: { width: number; height: number }; locale?: string; timezoneId?: string; allow?: RegExp[] } = {},
): Promise<TrackedPage> {
  const context = await browser.newContext({
    viewport: opts.viewport ?? DESKTOP,
    locale: opts.locale ?? 'en-US',
    ...(opts.timezoneId ? { timezoneId: opts.timezoneId } : {}),
  });
  context.setDefaultTimeout(15_000);
  const page = await context.newPage();
  const problems: string[] = [];
  const allowed = (text: string) => (opts.allow ?? []).some((re) => re.test(text));
  page.on('console', (msg) => {
    // Failed requests are recorded below with their method and URL, which this message lacks.
    if (msg.type() === 'error' && !msg.text().startsWith('Failed to load resource') && !allowed(msg.text())) problems.push(`console: ${msg.text()}`);
  });
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  page.on('response', (res) => {
    const line = `${res.request().method()} ${new URL(res.url()).pathname} ${res.status()}`;
    if (res.status() >= 400 && !allowed(line)) problems.push(`response: ${line}`);
  });
  return {
    context,
    page,
    problems,
    expectNoProblems: () => expect(problems, problems.join('\n')).toEqual([]),
  };
}

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[] }[];
}

/**
 * Runs axe-core in the page or frame and fails on serious or critical violations, naming each rule and element.
 * axe is evaluated through the DevTools protocol, so the page's CSP (no inline scripts) does not stand in its way.
 */
export async function expectAccessible(target: Page | Frame, label: string): Promise<void> {
  await target.evaluate(axe.source);
  const violations: AxeViolation[] = await target.evaluate(async () => {
    // The page's own axe (just evaluated), checking the whole document.
    const result = await (globalThis as unknown as { axe: typeof axe }).axe.run({ resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact ?? null, help: v.help, nodes: v.nodes.map((n) => ({ target: [...n.target] })) }));
  });
  const bad = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const report = bad.map((v) => `${v.impact} ${v.id}: ${v.help} at ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`).join('\n');
  expect(bad, `axe on ${label}:\n${report}`).toEqual([]);
}

/** The little of an element that page functions here use (this file is type-checked without the DOM's types). */
interface InPage {
  ownerDocument: { activeElement: unknown };
  contains(other: unknown): boolean;
}

/**
 * Presses Tab (up to `max` times) until `target` has the focus: proves it can be reached with the keyboard alone,
 * in the page's own focus order. Fails naming the element that had the focus last.
 */
export async function tabTo(page: Page, target: Locator, max = 60): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if (await target.evaluate((el: InPage) => el === el.ownerDocument.activeElement || el.contains(el.ownerDocument.activeElement)).catch(() => false)) return;
  }
  const last = await target.evaluate((el: InPage) => (el.ownerDocument.activeElement as { outerHTML?: string } | null)?.outerHTML?.slice(0, 120) ?? 'nothing');
  throw new Error(`Tab never reached the element; the focus ended on ${last}`);
}

/** Whether this run takes the README's screenshots (`SCREENSHOTS=1 npm run test:web`), not on every CI run. */
export const TAKE_SCREENSHOTS = process.env.SCREENSHOTS === '1';
const SCREENSHOT_DIR = new URL('../../docs/screenshots/', import.meta.url);

/** Saves docs/screenshots/<name>.png of the page when TAKE_SCREENSHOTS. */
export async function screenshot(page: Page, name: string): Promise<void> {
  if (!TAKE_SCREENSHOTS) return;
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: new URL(`${name}.png`, SCREENSHOT_DIR).pathname, fullPage: true, animations: 'disabled' });
}
