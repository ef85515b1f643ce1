/**
 * States the emulator does not easily produce, on a fake bridge behind the same preview
 * server and page: a command pending from elsewhere, a terminated service, a failed resume
 * with its RequestId, keyboard use of the pause flow, and a lost backend.
 */
import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startPreviewServer, type PreviewServer } from '../../src/preview/server.js';
import { FakeBridge, sampleSnapshot } from './fakeBridge.js';
import { assertRendererBuilt, docsShot, launchChromium, openPopover, RENDERER_DIR, screenshot, type PopoverPage } from './harness.js';
import { ACCESS_KEY_CONSOLE_URL } from '../../src/renderer/views/settings.js';
import { knownServiceViews } from '../../src/core/resources.js';

let browser: Browser;
let fake: FakeBridge;
let preview: PreviewServer;
let popover: PopoverPage | undefined;

beforeAll(async () => {
  assertRendererBuilt();
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

afterEach(async () => {
  await popover?.context.close();
  await preview?.close();
  popover = undefined;
});

async function open(colorScheme: 'light' | 'dark' = 'light'): Promise<PopoverPage> {
  fake = new FakeBridge(sampleSnapshot());
  preview = await startPreviewServer({ port: 0, core: fake, staticDir: RENDERER_DIR });
  popover = await openPopover(browser, preview.url, colorScheme);
  await popover.page.locator('.service-row').first().waitFor();
  return popover;
}

describe('popover states (fake bridge)', () => {
  it('shows pending, terminated and failed-command states without guessing', async () => {
    const { page, problems } = await open();
    const fileAsr = page.locator('.service-row[data-resource-id="volc.bigasr.auc"]');
    expect(await fileAsr.getAttribute('data-pending')).toBe('resuming');
    expect(await fileAsr.getByRole('switch').getAttribute('aria-checked')).toBe('false');
    expect(await fileAsr.getByRole('switch').getAttribute('aria-busy')).toBe('true');

    const podcast = page.locator('.service-row[data-resource-id="volc.service_type.10050"]');
    expect(await podcast.getByRole('switch').isDisabled()).toBe(true);
    const error = podcast.locator('[data-field="command-error"]');
    expect(await error.textContent()).toMatch(/AccessDenied \(HTTP 403\).*RequestId: 20250101120000ABCDEF0123456789/);
    await page.locator('[data-view="dashboard"] main').evaluate((main) => main.scrollTo(0, main.scrollHeight));
    await screenshot(page, 'states-services');
    await error.getByRole('button', { name: /Dismiss/ }).click();
    await error.waitFor({ state: 'hidden' });

    // The header shows the viewed account's level and what drives it.
    expect(await page.locator('[data-field="headline"]').textContent()).toBe('Warning · Doubao TTS (big model) 85.6% used');
    expect(await page.locator('#profile-select option').allTextContents()).toEqual(['Production 生产 · Warning', 'Local emulator · OK · demo']);
    expect(problems).toEqual([]);
  });

  it('runs the pause flow from the keyboard, and Esc cancels it', async () => {
    const { page, problems } = await open('dark');
    const toggle = page.locator('.service-row[data-resource-id="volc.service_type.10029"]').getByRole('switch');
    // Tab reaches the switch (everything actionable is a real button or control).
    for (let i = 0; i < 20 && !(await toggle.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
    expect(await toggle.evaluate((el) => el === document.activeElement)).toBe(true);

    await page.keyboard.press('Space');
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    // Cancel has the focus: Enter alone never pauses production.
    expect(await dialog.getByRole('button', { name: /Cancel/ }).evaluate((el) => el === document.activeElement)).toBe(true);
    await screenshot(page, 'states-confirm-dark');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    expect(await toggle.getAttribute('aria-checked')).toBe('true');

    await toggle.focus();
    await page.keyboard.press('Enter');
    await dialog.waitFor();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.locator('.service-row[data-resource-id="volc.service_type.10029"][data-state="paused"]').waitFor();
    expect(await toggle.getAttribute('aria-checked')).toBe('false');
    expect(problems).toEqual([]);
  });

  it('says so when the backend goes away, and keeps the figures', async () => {
    const { page } = await open();
    const figures = await page.locator('.pack-row [data-field="remaining"]').allTextContents();
    await preview.close();
    await page.locator('[data-banner="disconnected"]').waitFor();
    expect(await page.locator('.pack-row [data-field="remaining"]').allTextContents()).toEqual(figures);
    await screenshot(page, 'states-disconnected');
  });

  it('colours the rate-limit bars by the level the backend judged, and judges only when it sent none', async () => {
    const { page, problems } = await open();
    const snapshot = sampleSnapshot();
    const [qps, concurrency] = snapshot.account.rateLimits;
    // The core's level wins over the page's own reading of the percentage (96% would be critical here).
    snapshot.account.rateLimits = [{ ...qps!, value: 9.6, percent: 96, level: 'warning' }, concurrency!];
    fake.push(snapshot);
    const qpsRow = page.locator('.rate-row[data-quota-type="qps"]');
    await page.locator('.rate-row[data-quota-type="qps"][data-level="warning"]').waitFor();
    expect(await qpsRow.locator('.meter').getAttribute('class')).toBe('meter level-warning');
    // No level from this backend: 95% against the snapshot's thresholds (80/95).
    expect(await page.locator('.rate-row[data-quota-type="concurrency"]').getAttribute('data-level')).toBe('critical');
    expect(problems).toEqual([]);
  });

  it('shows notifications as toasts, once per id', async () => {
    const { page, problems } = await open();
    const notification = { id: 'n1', title: 'Doubao TTS: 85% used', body: 'Production 生产: 287.5 万字符 left', level: 'warning' as const, at: Date.now() };
    fake.notify(notification);
    fake.notify(notification);
    await page.locator('.toast').first().waitFor();
    fake.notify({ ...notification, id: 'n2', title: 'Second', level: 'critical' });
    await page.locator('.toast[data-notification-id="n2"]').waitFor();
    expect(await page.locator('.toast').count()).toBe(2);
    await screenshot(page, 'states-toasts');
    expect(problems).toEqual([]);
  });

  it('first run: from the demo account to a connected one in a few steps, the form naming what is wrong', async () => {
    for (const locale of ['en', 'zh-CN'] as const) {
      const demoOnly = sampleSnapshot(Date.now(), locale);
      demoOnly.profiles = [{ id: 'local', name: locale === 'en' ? 'Demo' : '演示账号', usesEmulator: true, level: 'ok' }];
      demoOnly.activeProfileId = 'local';
      demoOnly.overall = 'ok';
      fake = new FakeBridge(demoOnly);
      fake.settings = { ...fake.settings, locale, language: locale, knownServices: knownServiceViews(locale), profiles: fake.settings.profiles.filter((p) => p.id === 'local'), activeProfileId: 'local' };
      preview = await startPreviewServer({ port: 0, core: fake, staticDir: RENDERER_DIR });
      popover = await openPopover(browser, preview.url);
      const { page, problems } = popover;
      const t = locale === 'en'
        ? { connect: 'Connect a real account', go: 'Test and connect', missing: 'Access Key ID is required (or use the local emulator)', done: 'Connected. Your account is now shown.' }
        : { connect: '连接真实账号', go: '测试并连接', missing: '请填写 Access Key ID（或使用本地模拟器）', done: '已连接，现在显示的是您的账号。' };

      // The demo says it is the demo, and the way out is one click.
      await page.locator('[data-field="demo-notice"]').waitFor();
      await page.getByRole('button', { name: t.connect }).click();
      await page.locator('#app[data-view="first-run"]').waitFor();
      expect(await page.locator('[data-action="open-console"]').getAttribute('href')).toBe(ACCESS_KEY_CONSOLE_URL);
      // The main product is already chosen; other products and a custom entry are one click away.
      expect(await page.locator('#services input[value="volc.service_type.10029"]').isChecked()).toBe(true);

      // Bad input is refused before anything is sent, naming the field.
      await page.getByRole('button', { name: t.go }).click();
      await expect.poll(() => page.locator('[data-field="settings-status"]').textContent()).toBe(t.missing);
      expect(await page.locator('#accessKeyId').getAttribute('aria-invalid')).toBe('true');
      expect(fake.saved).toEqual([]);

      const fieldError = page.locator('[data-field-error="accessKeyId"]');
      expect(await fieldError.textContent()).toBe(t.missing);
      // The error goes as soon as the field is right, not at the next submit.
      await page.locator('#accessKeyId').fill('AK LT');
      expect(await fieldError.isVisible()).toBe(true);
      await page.locator('#accessKeyId').fill('AKLTfirstrun0001');
      await fieldError.waitFor({ state: 'detached' });
      expect(await page.locator('#accessKeyId').getAttribute('aria-invalid')).toBeNull();
      expect(await page.locator('[data-field="settings-status"]').textContent()).toBe('');
      // Before the secret is typed the hint says none is stored; once typed, where it will be kept.
      const secretHint = page.locator('[data-field="secret-state"]');
      expect(await secretHint.textContent()).toBe(locale === 'en' ? 'Not set' : '未设置');
      await page.locator('#secretAccessKey').fill('first-run-secret-never-shown');
      expect(await secretHint.textContent()).toMatch(locale === 'en' ? /^Will be / : /^保存后/);
      await docsShot(page, `first-run-${locale === 'en' ? 'en' : 'zh'}`);
      await page.getByRole('button', { name: t.go }).click();
      await page.locator('#app[data-view="dashboard"]').waitFor();
      expect(fake.saved.map((p) => [p.accessKeyId, p.watchedServices])).toEqual([['AKLTfirstrun0001', [{ resourceId: 'volc.service_type.10029', blueprintId: 10029 }]]]);
      expect(fake.selected.at(-1)).toBeDefined();
      expect(await page.content()).not.toContain('first-run-secret-never-shown');
      expect(problems).toEqual([]);
      if (locale === 'en') {
        // The next round starts its own page and server; afterEach closes the last ones.
        await popover.context.close();
        await preview.close();
        popover = undefined;
      }
    }
  }, 120_000);
});
