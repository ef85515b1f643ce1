/**
 * The stack the main Chromium tests drive: an emulator on a free port (its clock stands
 * still, so figures read through the client equal the ones the page shows), the preview
 * server with the real TrayCore polling it every second, and headless Chromium.
 */
import type { Browser } from 'playwright-core';
import { VolcSpeechClient } from '@volc-speech/client';
import { manualClock, startEmulator } from '@volc-speech/emulator';
import type { DashboardSnapshot } from '../../src/shared/bridge.js';
import { startPreviewServer, type PreviewServer } from '../../src/preview/server.js';
import { assertRendererBuilt, launchChromium, openPopover, RENDERER_DIR, type PopoverPage } from './harness.js';

export const E2E_PROFILE_ID = 'e2e';
export const POLL_MS = 1000;

export interface Stack {
  emulator: Awaited<ReturnType<typeof startEmulator>>;
  preview: PreviewServer;
  /** The client the tests check the emulator with, independently of the tray. */
  client: VolcSpeechClient;
  browser: Browser;
  /** POST to the emulator's control endpoint. */
  control(route: 'reset' | 'faults' | 'usage', body?: unknown): Promise<unknown>;
  /** A bridge call straight to the preview server (what the page would get). */
  bridge<T>(operation: string, ...args: unknown[]): Promise<T>;
  /** Resolves after the core has finished `count` more polls of the e2e profile. */
  waitForPolls(count: number): Promise<void>;
  /** A fresh 360×560 popover page; `problems` collects uncaught errors, CSP violations and failed loads. */
  newPage(options?: { colorScheme?: 'light' | 'dark' }): Promise<PopoverPage>;
  close(): Promise<void>;
}

export async function startStack(): Promise<Stack> {
  assertRendererBuilt();
  // Usage accrues with the emulator's clock; standing still, it moves only when a test adds usage.
  const emulator = await startEmulator({ port: 0, host: '127.0.0.1', quiet: true, clock: manualClock(Date.now()) });
  const preview = await startPreviewServer({
    port: 0,
    staticDir: RENDERER_DIR,
    coreOptions: {
      settings: {
        schemaVersion: 1,
        startAtLogin: false,
        // Tests that are not about the language read English; the language tests switch it.
        language: 'en',
        activeProfileId: E2E_PROFILE_ID,
        profiles: [
          {
            id: E2E_PROFILE_ID,
            name: 'E2E emulator',
            accessKeyId: emulator.credentials.accessKeyId,
            region: 'cn-north-1',
            endpoint: emulator.url,
            projectName: 'default',
            useEmulator: false,
            pollIntervalSec: 5,
            warningPercent: 80,
            criticalPercent: 95,
          },
        ],
      },
      secrets: { [E2E_PROFILE_ID]: emulator.credentials.secretAccessKey },
      pollIntervalMs: () => POLL_MS,
      commandConfirm: { reads: 5, delayMs: 200 },
      // "Use the local emulator" profiles (the settings test adds one) get this same emulator.
      startEmulator: async () => ({ url: emulator.url, credentials: emulator.credentials, close: () => undefined }),
    },
  });
  const client = new VolcSpeechClient({ credentials: emulator.credentials, region: 'cn-north-1', endpoint: emulator.url });
  const browser = await launchChromium();

  async function control(route: string, body: unknown = {}): Promise<unknown> {
    const response = await fetch(`${emulator.url}/__emulator/${route}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`emulator ${route}: HTTP ${response.status} ${await response.text()}`);
    return response.json();
  }

  async function bridge<T>(operation: string, ...args: unknown[]): Promise<T> {
    const response = await fetch(`${preview.url}api/${operation}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(args),
    });
    const body = (await response.json()) as { result?: T; error?: { message: string } };
    if (!response.ok) throw new Error(`${operation}: ${body.error?.message ?? response.status}`);
    return body.result as T;
  }

  async function waitForPolls(count: number): Promise<void> {
    const seen = new Set<number>();
    const start = (await bridge<DashboardSnapshot>('getSnapshot')).account.lastUpdatedAt;
    await new Promise<void>((resolve, reject) => {
      const timeout = setTimeout(() => {
        off();
        reject(new Error(`fewer than ${count} polls in ${count * POLL_MS * 5} ms`));
      }, count * POLL_MS * 5);
      const off = preview.core.onSnapshot((snapshot) => {
        const at = snapshot.account.lastUpdatedAt;
        if (snapshot.account.profileId !== E2E_PROFILE_ID || at === null || at === start || seen.has(at)) return;
        seen.add(at);
        if (seen.size >= count) {
          clearTimeout(timeout);
          off();
          resolve();
        }
      });
    });
  }

  return {
    emulator,
    preview,
    client,
    browser,
    control: (route, body) => control(route, body),
    bridge,
    waitForPolls,
    newPage: (options = {}) => openPopover(browser, preview.url, options.colorScheme),
    async close() {
      await browser.close().catch(() => undefined);
      await preview.close();
      await emulator.close();
    },
  };
}

