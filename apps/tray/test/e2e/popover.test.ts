/**
 * The popover in real headless Chromium, against the preview server, the real TrayCore and
 * the emulator. What the page shows is compared with what the client reads from the emulator
 * itself; every wait is for a DOM or core condition, never a fixed sleep.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { PACK_TYPES, serviceDay, type ResourcePacksStatusResult } from '@volc-speech/client';
import type { DashboardSnapshot, SettingsView } from '../../src/shared/bridge.js';
import { formatAmount, formatWithUnit, levelText } from '../../src/renderer/format.js';
import { setLocale } from '../../src/renderer/i18n.js';

// The page formats in English here (the stack's language setting); so do the expectations.
setLocale('en');
import { screenshot, type PopoverPage } from './harness.js';
import type { Page } from 'playwright-core';
import { E2E_PROFILE_ID, startStack, type Stack } from './emulatorStack.js';

const TTS = 'volc.service_type.10029';
const TTS_BLUEPRINT = 10029;
/** What the tray asks for: the watched services (the e2e profile watches the default, big-model TTS) in every pack type. */
const WATCHED_PACKS = { ProjectName: 'default', PageSize: 100, ResourceIDs: [TTS], Types: [...PACK_TYPES] };

let stack: Stack;
let popover: PopoverPage;

beforeAll(async () => {
  stack = await startStack();
});

afterAll(async () => {
  await stack?.close();
});

beforeEach(async () => {
  await stack.control('reset');
  await stack.control('faults', { latencyMs: null, errorRate: null, failNext: null });
  await stack.waitForPolls(1);
  popover = await stack.newPage();
  await popover.page.locator('.pack-row').first().waitFor();
});

afterEach(async () => {
  await popover?.context.close();
  expect(popover?.problems ?? []).toEqual([]);
});

/** Per resource, what the packs add up to, as the client reads them (TotalHarvests when sent). */
function balances(result: ResourcePacksStatusResult): Map<string, { purchased: number; used: number; unit: string }> {
  const out = new Map<string, { purchased: number; used: number; unit: string }>();
  const totals = (result.TotalHarvests ?? []).filter((h) => h.ResourceID);
  const rows = totals.length > 0 ? totals : (result.Packs ?? []).map((p) => ({ ...p.Harvest, ResourceID: p.Harvest?.ResourceID ?? p.ResourceID }));
  for (const row of rows) {
    if (!row.ResourceID) continue;
    const entry = out.get(row.ResourceID) ?? { purchased: 0, used: 0, unit: '' };
    entry.purchased += row.PurchasedAmount ?? 0;
    entry.used += row.CurrentUsage ?? 0;
    entry.unit ||= row.Unit ?? '';
    out.set(row.ResourceID, entry);
  }
  return out;
}

/** Counts every toast ever added to the page from now on, even one that later leaves by itself. */
async function logToasts(page: Page): Promise<() => Promise<string[]>> {
  await page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { toastLog: string[] }).toastLog = seen;
    new MutationObserver((records) => {
      for (const record of records) {
        for (const node of record.addedNodes) if (node instanceof HTMLElement && node.classList.contains('toast')) seen.push(node.textContent ?? '');
      }
    }).observe(document.querySelector('.toasts')!, { childList: true });
  });
  return () => page.evaluate(() => (window as unknown as { toastLog: string[] }).toastLog);
}

/**
 * Sets today's peak use of one rate limit of the TTS service to `percent` of its limit, as
 * QuotaMonitoring will report it (the control endpoint's quotaLoad). `day` is the service day
 * (Beijing time), the one both the tray and the emulator count in.
 */
async function setRateLimitLoad(quotaType: string, percent: number): Promise<void> {
  await stack.control('usage', { quotaLoad: { resourceId: TTS, quotaType, percent, day: serviceDay(Date.now()) } });
}

describe('tray popover in Chromium', () => {
  it('shows the quota figures and service status the emulator reports', async () => {
    const { page } = popover;
    const packs = await stack.client.resourcePacksStatus(WATCHED_PACKS);
    const expected = balances(packs);
    expect(expected.size).toBeGreaterThan(0);
    await expect.poll(() => page.locator('.pack-row').count()).toBe(expected.size);
    for (const [resourceId, { purchased, used, unit }] of expected) {
      const row = page.locator(`.pack-row[data-resource-id="${resourceId}"]`);
      expect(await row.locator('[data-field="remaining"]').textContent()).toBe(formatWithUnit(purchased - used, unit));
      expect(await row.locator('[data-field="used-of-total"]').textContent()).toBe(`Used ${formatAmount(used)} of ${formatWithUnit(purchased, unit)}`);
    }

    const status = await stack.client.serviceStatus({ ProjectName: 'default', ResourceID: TTS, BlueprintID: TTS_BLUEPRINT });
    const service = page.locator(`.service-row[data-resource-id="${TTS}"]`);
    expect(await service.locator('[data-field="status"]').textContent()).toBe(status.Status);
    expect(await service.getAttribute('data-state')).toBe('running');
    expect(await service.getByRole('switch').getAttribute('aria-checked')).toBe('true');

    const today = serviceDay(Date.now());
    const quota = await stack.client.quotaMonitoring({ ProjectName: 'default', ResourceID: TTS, Start: today, End: today });
    const latest = new Map<string, { day: string; value: number; limit: number }>();
    for (const row of quota.QuotaMonitoring ?? []) {
      const seen = latest.get(row.QuotaType ?? '');
      if (!seen || (row.Day ?? '') >= seen.day) latest.set(row.QuotaType ?? '', { day: row.Day ?? '', value: row.Value ?? 0, limit: row.limit ?? 0 });
    }
    expect(latest.size).toBeGreaterThan(0);
    for (const [quotaType, { value, limit }] of latest) {
      const row = page.locator(`.rate-row[data-resource-id="${TTS}"][data-quota-type="${quotaType}"]`);
      expect(await row.locator('[data-field="value-of-limit"]').textContent()).toBe(`${formatAmount(value)} / ${formatAmount(limit)}`);
    }

    // Both meanings of "quota", labelled; the trend chart drawn; the age ticking.
    await expect.poll(() => page.getByRole('heading', { name: /Resource packs: left/ }).count()).toBe(1);
    await expect.poll(() => page.getByRole('heading', { name: /Rate limits: today’s peak use/ }).count()).toBe(1);
    expect(await page.locator('.trend-line').first().getAttribute('d')).toMatch(/^M/);
    const age = page.locator('[data-field="last-updated"]');
    const firstAge = Number(await age.getAttribute('data-age-seconds'));
    await page.waitForFunction(
      (before) => Number(document.querySelector('[data-field="last-updated"]')?.getAttribute('data-age-seconds')) !== before,
      firstAge,
    );
    await screenshot(page, 'popover-light');

    const dark = await stack.newPage({ colorScheme: 'dark' });
    await dark.page.locator('.pack-row').first().waitFor();
    await screenshot(dark.page, 'popover-dark');
    await dark.page.locator('[data-view="dashboard"] main').evaluate((main) => main.scrollTo(0, main.scrollHeight));
    await screenshot(dark.page, 'popover-dark-bottom');
    await dark.context.close();
    expect(dark.problems).toEqual([]);
  });

  it('pauses after an in-page confirmation and resumes, showing the state the service reports', async () => {
    const { page } = popover;
    const service = page.locator(`.service-row[data-resource-id="${TTS}"]`);
    const toggle = service.getByRole('switch');
    const statusOf = async () => (await stack.client.serviceStatus({ ProjectName: 'default', ResourceID: TTS, BlueprintID: TTS_BLUEPRINT })).Status;

    // Cancel: nothing is sent.
    await toggle.click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    await dialog.getByRole('button', { name: /Cancel/ }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect(await statusOf()).toBe('Running');
    expect(await toggle.getAttribute('aria-checked')).toBe('true');

    // Confirm, with a slow service so the pending state is visible.
    await stack.control('faults', { latencyMs: 700 });
    await toggle.click();
    await dialog.waitFor();
    await screenshot(page, 'pause-confirm');
    await dialog.getByRole('button', { name: /Pause/ }).click();
    await page.locator(`.service-row[data-resource-id="${TTS}"][data-pending="pausing"]`).waitFor();
    expect(await toggle.getAttribute('aria-checked')).toBe('true'); // still where the service is
    expect(await toggle.getAttribute('aria-busy')).toBe('true');
    await screenshot(page, 'pause-pending');
    await page.locator(`.service-row[data-resource-id="${TTS}"][data-state="paused"]:not([data-pending])`).waitFor();
    expect(await toggle.getAttribute('aria-checked')).toBe('false');
    expect(await service.locator('[data-field="status"]').textContent()).toBe('Paused');
    expect(await statusOf()).toBe('Paused');
    await stack.control('faults', { latencyMs: null });
    await screenshot(page, 'paused');

    // A bare POST from any local process (no confirmation token) is refused and changes nothing.
    await expect(stack.bridge('setServicePaused', 'e2e', TTS, false)).rejects.toThrow(/ResumeService of volc\.service_type\.10029 refused: it needs the user's confirmation/);
    expect(await statusOf()).toBe('Paused');

    // Resume needs its confirmation too (it bills production traffic again); Cancel sends nothing.
    await toggle.click();
    await dialog.waitFor();
    expect(await dialog.getByRole('heading').textContent()).toBe('Resume the service?');
    await dialog.getByRole('button', { name: /Cancel/ }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect(await statusOf()).toBe('Paused');
    await toggle.click();
    await dialog.getByRole('button', { name: /Resume/ }).click();
    await page.locator(`.service-row[data-resource-id="${TTS}"][data-state="running"]:not([data-pending])`).waitFor();
    expect(await toggle.getAttribute('aria-checked')).toBe('true');
    expect(await statusOf()).toBe('Running');
  });

  it('shows a failed pause with its code and RequestId and leaves the toggle where the service is', async () => {
    const { page } = popover;
    const service = page.locator(`.service-row[data-resource-id="${TTS}"]`);
    await stack.control('faults', { failNext: { count: 1, httpStatus: 403, code: 'AccessDenied', message: 'Injected: not allowed to pause', action: 'PauseService' } });
    await service.getByRole('switch').click();
    await page.getByRole('dialog').getByRole('button', { name: /Pause/ }).click();
    const error = service.locator('[data-field="command-error"]');
    await error.waitFor();
    await expect.poll(() => error.textContent()).toMatch(/AccessDenied/);
    expect(await error.textContent()).toMatch(/RequestId: \S+/);
    expect(await service.getAttribute('data-state')).toBe('running');
    expect(await service.getByRole('switch').getAttribute('aria-checked')).toBe('true');
    expect((await stack.client.serviceStatus({ ProjectName: 'default', ResourceID: TTS, BlueprintID: TTS_BLUEPRINT })).Status).toBe('Running');
    await screenshot(page, 'pause-failed');
  });

  it('keeps the last figures on screen under an error banner with code and RequestId', async () => {
    const { page } = popover;
    const figures = await page.locator('.pack-row [data-field="remaining"]').allTextContents();
    expect(figures.length).toBeGreaterThan(0);
    await stack.control('faults', {
      failNext: { count: 1000, httpStatus: 403, code: 'AccessDenied', message: 'Injected: the account is in arrears', action: 'ResourcePacksStatus' },
    });
    const banner = page.locator('[data-banner="call-error"]');
    await banner.waitFor();
    const snapshot = await stack.bridge<DashboardSnapshot>('getSnapshot');
    const callError = snapshot.account.error;
    expect(callError?.code).toBe('AccessDenied');
    expect(callError?.requestId).toBeTruthy();
    expect(await banner.locator('[data-field="error-code"]').textContent()).toContain('AccessDenied');
    expect(await banner.locator('[data-field="error-message"]').textContent()).toContain('Injected: the account is in arrears');
    await expect.poll(() => banner.locator('[data-field="request-id"]').textContent()).toMatch(/^RequestId: \S+$/);
    expect(await page.locator('.pack-row [data-field="remaining"]').allTextContents()).toEqual(figures);
    expect(await page.locator('[data-field="headline"]').textContent()).toBe('Error · ResourcePacksStatus failed');
    await screenshot(page, 'error-banner');

    await stack.control('faults', { failNext: null });
    await banner.waitFor({ state: 'hidden' });
  });

  it('raises exactly one toast when a threshold is crossed, however many polls follow', async () => {
    const { page } = popover;
    const toastLog = await logToasts(page);
    const packs = await stack.client.resourcePacksStatus(WATCHED_PACKS);
    const tts = balances(packs).get(TTS)!;
    const toWarning = Math.ceil(tts.purchased * 0.85 - tts.used);
    expect(toWarning).toBeGreaterThan(0);
    await stack.control('usage', { resourceId: TTS, amount: toWarning });
    await page.locator('.toast').first().waitFor();
    await page.locator(`.pack-row[data-resource-id="${TTS}"][data-level="warning"]`).waitFor();
    await screenshot(page, 'threshold-toast');
    const after = balances(await stack.client.resourcePacksStatus(WATCHED_PACKS)).get(TTS)!;
    expect((after.used / after.purchased) * 100).toBeGreaterThanOrEqual(80);
    expect((after.used / after.purchased) * 100).toBeLessThan(95);
    await stack.waitForPolls(4);
    const log = await toastLog();
    expect(log).toHaveLength(1);
  });

  it('raises one rate-limit toast per crossing, and the bars and the header show the core’s levels', async () => {
    const { page } = popover;
    const qpsRow = (level: string) => page.locator(`.rate-row[data-resource-id="${TTS}"][data-quota-type="qps"][data-level="${level}"]`);
    // The seed keeps every rate limit below 72% of its limit: calm, so the next rise is a crossing.
    await qpsRow('ok').waitFor();
    const toastLog = await logToasts(page);

    await setRateLimitLoad('qps', 85); // 51 of the emulator's 60
    await qpsRow('warning').waitFor();
    await stack.waitForPolls(3);
    const log = await toastLog();
    expect(log.filter((text) => text.startsWith('Rate limit ·'))).toHaveLength(1);
    expect(log.find((text) => text.startsWith('Rate limit ·'))).toMatch(/QPS: 85% of the limit/);
    expect(log.filter((text) => text.startsWith('Resource packs'))).toEqual([]); // pack spend did not move

    // The header's level counts rate-limit use, and every bar shows the level the core judged.
    const snapshot = await stack.bridge<DashboardSnapshot>('getSnapshot');
    expect(snapshot.account.rateLimits.find((r) => r.quotaType === 'qps')?.level).toBe('warning');
    expect(['warning', 'critical']).toContain(snapshot.overall);
    for (const limit of snapshot.account.rateLimits) {
      const row = page.locator(`.rate-row[data-resource-id="${limit.resourceId}"][data-quota-type="${limit.quotaType}"]`);
      await expect.poll(() => row.getAttribute('data-level')).toBe(limit.level);
      expect(await row.locator('.meter').getAttribute('class')).toBe(`meter level-${limit.level}`);
    }
    // The headline names the level and what drives it.
    await expect.poll(() => page.locator('[data-field="headline"]').textContent()).toMatch(new RegExp(`^${levelText(snapshot.account.level)} · `));
  });

  it('stores a secret without ever putting it back into the page, and tests a connection', async () => {
    const { page } = popover;
    const secret = 'SK-e2e-must-never-show-5f0c1d2e3a4b';
    await page.getByRole('button', { name: /Settings/ }).click();
    const form = page.locator('.settings-form');
    await form.waitFor();

    // The e2e profile: "Test connection" reaches the emulator.
    await page.getByRole('button', { name: /Test connection/ }).click();
    await page.locator('[data-result="ok"]').waitFor();
    const testResult = await page.locator('[data-field="test-result"]').textContent();
    expect(testResult).toContain(stack.emulator.url);
    expect(testResult).toMatch(/RequestId: \S+/);
    await screenshot(page, 'settings-test-connection');

    // Another endpoint: the stored secret is not sent there; the form says to type it again, next to the field.
    const advanced = page.locator('details.advanced');
    await advanced.evaluate((d) => ((d as HTMLDetailsElement).open = true));
    const endpoint = page.getByLabel('Endpoint');
    await endpoint.fill('https://collector.example.net');
    expect(await page.locator('[data-field="secret-state"]').textContent()).toBe(
      `The stored secret belongs to ${stack.emulator.url}: enter the Secret Access Key again to use it with the new endpoint`,
    );
    await page.getByRole('button', { name: /Test connection/ }).click();
    const secretError = page.locator('[data-field-error="secretAccessKey"]');
    expect(await secretError.textContent()).toBe('Enter the Secret Access Key again to use it with the new endpoint https://collector.example.net');
    // Plain http to a host that is not this machine: refused, next to the Endpoint field.
    await endpoint.fill('http://open.volcengineapi.com');
    await secretError.waitFor({ state: 'detached' });
    await page.getByRole('button', { name: /Save/ }).click();
    expect(await page.locator('[data-field-error="endpoint"]').textContent()).toBe('Endpoint must start with https:// (http:// only for 127.0.0.1, ::1 or localhost)');
    await screenshot(page, 'settings-endpoint-refused');
    // Back to the endpoint the secret belongs to: the errors go, and nothing was saved meanwhile.
    await endpoint.fill(stack.emulator.url);
    await page.locator('[data-field-error="endpoint"]').waitFor({ state: 'detached' });
    expect(await page.locator('[data-field="secret-state"]').textContent()).toMatch(/Kept in memory only/);
    expect((await stack.bridge<SettingsView>('getSettings')).profiles.find((p) => p.id === E2E_PROFILE_ID)?.endpoint).toBe(stack.emulator.url);
    await advanced.evaluate((d) => ((d as HTMLDetailsElement).open = false));

    // A second account on the local emulator, with a secret.
    await page.locator('#settings-profile').selectOption('__new__');
    await page.getByLabel('Name', { exact: true }).fill('Second account');
    await page.getByLabel('Access Key ID').fill('AKLTsecondaccount');
    await page.getByLabel('Secret Access Key').fill(secret);
    await page.locator('details.advanced summary').click();
    await page.getByLabel(/Use the local emulator/).check();
    await screenshot(page, 'settings-new-profile');
    await page.getByRole('button', { name: /Save/ }).click();
    await page.locator('[data-field="settings-status"][data-kind="ok"]').waitFor();

    expect(await page.getByLabel('Secret Access Key').inputValue()).toBe('');
    // The preview keeps secrets in memory, and says so.
    expect(await page.locator('[data-field="secret-state"]').textContent()).toMatch(/Kept in memory only/);
    expect(await page.locator('[data-field="secret-store"]').textContent()).toMatch(/Secrets are kept in memory only/);
    const values = await page.locator('input').evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value));
    expect(values.join('\n')).not.toContain(secret);
    expect(await page.content()).not.toContain(secret);
    const settings = await stack.bridge<SettingsView>('getSettings');
    expect(JSON.stringify(settings)).not.toContain(secret);
    expect(settings.profiles.find((p) => p.name === 'Second account')?.hasSecret).toBe(true);
    await screenshot(page, 'settings-saved');

    // Back on the dashboard, the switcher lists both accounts with their level.
    await page.getByRole('button', { name: /Back/ }).click();
    const options = await page.locator('#profile-select option').allTextContents();
    expect(options).toHaveLength(2);
    expect(options.some((o) => o.startsWith('Second account'))).toBe(true);
    expect(await page.content()).not.toContain(secret);

    await stack.bridge('deleteProfile', settings.profiles.find((p) => p.name === 'Second account')!.id);
    await stack.bridge('selectProfile', E2E_PROFILE_ID);
  });
});
