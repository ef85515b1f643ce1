/**
 * Headless Chromium on the built popover page (dist/renderer), at popover size, with every
 * page error, CSP violation and failed load collected; screenshots go to artifacts/.
 */
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

const APP_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const RENDERER_DIR = path.join(APP_DIR, 'dist/renderer');
export const ARTIFACTS_DIR = path.join(APP_DIR, 'artifacts');
/** Committed pictures (README, apps/tray/docs): the tests write them, so they show what the app does today. */
export const DOCS_DIR = path.join(APP_DIR, 'docs');

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export interface PopoverPage {
  context: BrowserContext;
  page: Page;
  problems: string[];
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
}

/** The page at popover size, with every page error, CSP violation and failed load collected. */
export async function openPopover(browser: Browser, url: string, colorScheme: 'light' | 'dark' = 'light'): Promise<PopoverPage> {
  const context = await browser.newContext({ viewport: { width: 360, height: 560 }, colorScheme });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  await page.goto(url);
  // The event stream is subscribed: snapshots and notifications from now on reach the page.
  await page.locator('#app[data-connection="open"]').waitFor();
  return { context, page, problems };
}

export function assertRendererBuilt(): void {
  if (!existsSync(path.join(RENDERER_DIR, 'app.js'))) {
    throw new Error(`${RENDERER_DIR}/app.js is missing: build the tray first (npx nx run @volc-speech/tray:build).`);
  }
}

export async function screenshot(page: Page, name: string): Promise<string> {
  await mkdir(ARTIFACTS_DIR, { recursive: true });
  const file = path.join(ARTIFACTS_DIR, `${name}.png`);
  await page.screenshot({ path: file });
  return file;
}

/** A picture for the docs (apps/tray/docs/<name>.png), taken by the test that proves the state. */
export async function docsShot(page: Page, name: string): Promise<string> {
  await mkdir(DOCS_DIR, { recursive: true });
  const file = path.join(DOCS_DIR, `${name}.png`);
  await page.screenshot({ path: file });
  return file;
}
