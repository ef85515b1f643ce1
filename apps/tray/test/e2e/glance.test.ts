/**
 * The two-second glance, in real Chromium against the real core and the emulator: the
 * headline per state (naming what drives it), no masking across two accounts, stale figures
 * dimmed and a quick recovery, the loud paused banner, and both languages with no string of the
 * other language on screen. The pictures in apps/tray/docs/ come from here.
 */
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { serviceDay } from '@volc-speech/client';
import type { DashboardSnapshot, SettingsView } from '../../src/shared/bridge.js';
import { docsShot, type PopoverPage } from './harness.js';
import { E2E_PROFILE_ID, startStack, type Stack } from './emulatorStack.js';

const TTS = 'volc.service_type.10029';

let stack: Stack;
let popover: PopoverPage;
const extraPages: PopoverPage[] = [];

beforeAll(async () => {
  stack = await startStack();
});

afterAll(async () => {
  await stack?.close();
});

beforeEach(async () => {
  await stack.control('reset');
  await stack.control('faults', { latencyMs: null, errorRate: null, failNext: null });
  await stack.bridge('setLanguage', 'en');
  await stack.waitForPolls(1);
  popover = await stack.newPage();
  await popover.page.locator('.pack-row').first().waitFor();
});

afterEach(async () => {
  for (const extra of extraPages.splice(0)) {
    await extra.context.close();
    expect(extra.problems).toEqual([]);
  }
  await popover?.context.close();
  expect(popover?.problems ?? []).toEqual([]);
});

async function setRateLimitLoad(quotaType: string, percent: number): Promise<void> {
  await stack.control('usage', { quotaLoad: { resourceId: TTS, quotaType, percent, day: serviceDay(Date.now()) } });
}

const headline = (page: Page) => page.locator('[data-field="headline"]');

/** Waits until the headline reads exactly `text` (a string) or matches it (a RegExp). */
async function headlineIs(page: Page, text: string | RegExp): Promise<string> {
  await expect.poll(() => headline(page).textContent(), { timeout: 15_000 }).toMatch(typeof text === 'string' ? new RegExp(`^${escape(text)}$`) : text);
  return (await headline(page).textContent()) ?? '';
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The words on screen that the app wrote: visible text nodes, leaving out what comes from the
 * user or the service as it is (the account switcher's names, codes, RequestIds, raw statuses).
 */
function appText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const root = document.getElementById('app')!;
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    const parts: string[] = [];
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (!parent || parent.closest('select, code, .request-id, [data-field="error-message"]')) continue;
      if (!parent.checkVisibility()) continue;
      parts.push(node.textContent ?? '');
    }
    return parts.join(' ');
  });
}

const HAN = /\p{Script=Han}/u;
/** Latin words a Chinese screen may show: the product's own terms and quota types, as the console writes them. */
// Codes and API action names (an error names the failed action as the API spells it) stay Latin in Chinese too.
const ZH_LATIN = new Set(['QPS', 'QPM', 'TPM', 'RequestId', 'Access', 'Key', 'Secret', 'ResourceID', 'BlueprintID', 'AccessKey', 'ResourcePacksStatus']);

/** Names the user typed (the account names) are the user's words, in whatever language. */
const USER_WORDS = ['E2E emulator', 'Broken'];

/** The page in the other language (the core's setting; the page rebuilds itself in it). */
async function switchLanguage(page: Page, locale: 'en' | 'zh-CN'): Promise<void> {
  await stack.bridge('setLanguage', locale);
  await page.locator(`html[lang="${locale}"]`).waitFor();
}

async function expectOneLanguage(page: Page, locale: 'en' | 'zh-CN'): Promise<void> {
  const text = USER_WORDS.reduce((t, w) => t.split(w).join(' '), await appText(page));
  if (locale === 'en') {
    expect(text.match(new RegExp(HAN.source, 'gu')) ?? [], text).toEqual([]);
  } else {
    expect(HAN.test(text), text).toBe(true);
    expect((text.match(/[A-Za-z]{2,}/g) ?? []).filter((w) => !ZH_LATIN.has(w)), text).toEqual([]);
  }
}

describe('the glance', () => {
  it('says the state and what drives it, per state, in each language, and nothing of the other language', async () => {
    for (const locale of ['en', 'zh-CN'] as const) {
      const lang = locale === 'en' ? 'en' : 'zh';
      await stack.control('reset');
      await stack.bridge('setLanguage', locale);
      const { page } = popover;
      await page.locator(`html[lang="${locale}"]`).waitFor();
      const words =
        locale === 'en'
          ? { ok: /^OK · Doubao TTS \(big model\) [\d.]+% used$/, warning: 'Warning · QPS 85%', critical: 'Critical · QPS 95%', main: /^Doubao TTS \(big model\): [\d,.]+ characters left \([\d.]+%\)$/ }
          : { ok: /^正常 · 豆包语音合成模型 已用 [\d.]+%$/, warning: '预警 · QPS 85%', critical: '严重 · QPS 95%', main: /^豆包语音合成模型：剩余 [\d,.]+ 字符（[\d.]+%）$/ };

      // Calm: the main product, not whichever figure is fullest.
      await headlineIs(page, words.ok);
      expect(await page.locator('[data-field="headline-main"]').textContent()).toMatch(words.main);
      const calm = await stack.bridge<DashboardSnapshot>('getSnapshot');
      expect(calm.account.headline).toMatchObject({ level: 'ok', mainResourceId: TTS, cause: { kind: 'pack', resourceId: TTS } });
      await expectOneLanguage(page, locale);
      await docsShot(page, `glance-ok-${lang}`);

      // A rate limit drives the state: the headline and the tray figure name it.
      await setRateLimitLoad('qps', 85);
      await headlineIs(page, words.warning);
      await expectOneLanguage(page, locale);
      await docsShot(page, `glance-warning-${lang}`);
      const dark = await stack.newPage({ colorScheme: 'dark' });
      extraPages.push(dark);
      await headlineIs(dark.page, words.warning);
      await docsShot(dark.page, `glance-warning-${lang}-dark`);

      await setRateLimitLoad('qps', 95); // 57 of the emulator's 60
      await headlineIs(page, words.critical);
      const critical = await stack.bridge<DashboardSnapshot>('getSnapshot');
      expect(critical.account.headline).toMatchObject({ level: 'critical', figure: 95, cause: { kind: 'rateLimit', quotaType: 'qps' } });
      // Cards by severity: the critical rate limit is the first row of its card.
      expect(await page.locator('.rate-row').first().getAttribute('data-quota-type')).toBe('qps');
      await expectOneLanguage(page, locale);
      await docsShot(page, `glance-critical-${lang}`);
    }
  }, 180_000);

  it('never masks one account with another: the header is the viewed account, the others are counted and one click away', async () => {
    const { page } = popover;
    await headlineIs(page, /^OK · /);
    // A misconfigured second account (wrong secret): an error, but only its own.
    await stack.bridge<SettingsView>('saveProfile', {
      name: 'Broken',
      accessKeyId: stack.emulator.credentials.accessKeyId,
      secretAccessKey: 'wrong-secret-for-e2e',
      region: 'cn-north-1',
      endpoint: stack.emulator.url,
      projectName: 'default',
      useEmulator: false,
      pollIntervalSec: 60,
      warningPercent: 80,
      criticalPercent: 95,
    });
    const others = page.locator('[data-field="others"]');
    await expect.poll(() => others.textContent(), { timeout: 15_000 }).toBe('1 other account needs attention →');
    expect(await headline(page).textContent()).toMatch(/^OK · /);

    // A warning on the healthy account shows in its header although the other one is worse.
    await setRateLimitLoad('qps', 85);
    await headlineIs(page, 'Warning · QPS 85%');
    await docsShot(page, 'glance-two-accounts-en');
    await switchLanguage(page, 'zh-CN');
    await headlineIs(page, '预警 · QPS 85%');
    await expect.poll(() => others.textContent()).toBe('另有 1 个账号需要关注 →');
    await expectOneLanguage(page, 'zh-CN');
    await docsShot(page, 'glance-two-accounts-zh');
    await switchLanguage(page, 'en');

    await others.click();
    await headlineIs(page, /^Error · /);
    await expect.poll(() => others.textContent()).toBe('1 other account needs attention →');
    const snapshot = await stack.bridge<DashboardSnapshot>('getSnapshot');
    expect(snapshot.activeProfileId).not.toBe(E2E_PROFILE_ID);
    expect(snapshot.profiles.map((p) => p.level).sort()).toEqual(['error', 'warning']);

    const settings = await stack.bridge<SettingsView>('getSettings');
    await stack.bridge('deleteProfile', settings.profiles.find((p) => p.name === 'Broken')!.id);
    await stack.bridge('selectProfile', E2E_PROFILE_ID);
  }, 90_000);

  it('says "nothing found for these services" when the watched services have no packs, not "no packs"', async () => {
    const { page } = popover;
    const settings = await stack.bridge<SettingsView>('getSettings');
    const e2e = settings.profiles.find((p) => p.id === E2E_PROFILE_ID)!;
    const { hasSecret: _hasSecret, ...input } = e2e;
    // Podcast: a product this emulator account has no packs for.
    await stack.bridge('saveProfile', { ...input, watchedServices: [{ resourceId: 'volc.service_type.10050' }] });
    const line = page.locator('[data-field="headline-main"][data-nothing-found="true"]');
    await line.waitFor({ timeout: 15_000 });
    expect(await line.textContent()).toBe('Nothing found for these services');
    expect(await page.locator('[data-section="packs"]').isHidden()).toBe(true);
    await stack.bridge('saveProfile', { ...input, watchedServices: e2e.watchedServices });
    await line.waitFor({ state: 'detached', timeout: 15_000 }).catch(() => line.waitFor({ state: 'hidden' }));
  }, 90_000);

  it('dims stale figures with the time they are from, counts down to the next retry, and recovers at once on retry now', async () => {
    const { page } = popover;
    const main = page.locator('[data-view="dashboard"] > main');
    await stack.control('faults', { failNext: { count: 1000, httpStatus: 503, code: 'ServiceUnavailable', message: 'Injected outage', action: 'ResourcePacksStatus' } });
    await page.locator('main[data-stale="true"]').waitFor();
    expect(await main.evaluate((el) => getComputedStyle(el.querySelector('.card')!).opacity)).toBe('0.5');
    expect(await page.locator('[data-field="last-updated"]').textContent()).toMatch(/^Stale since \d{2}:\d{2}$/);
    await expect.poll(() => page.locator('[data-field="next-retry"]').textContent()).toMatch(/^Next retry in \d+ sec$/);
    // Between polls the core says when the next one is due (the page counts down to it).
    await expect.poll(async () => (await stack.bridge<DashboardSnapshot>('getSnapshot')).account.nextPollAt).not.toBeNull();
    await docsShot(page, 'glance-stale-en');
    await switchLanguage(page, 'zh-CN');
    await page.locator('main[data-stale="true"]').waitFor();
    await expect.poll(() => page.locator('[data-field="last-updated"]').textContent()).toMatch(/^自 \d{2}:\d{2} 起数据已过期$/);
    await expect.poll(() => page.locator('[data-field="next-retry"]').textContent()).toMatch(/后重试$/);
    await expectOneLanguage(page, 'zh-CN');
    await docsShot(page, 'glance-stale-zh');
    await switchLanguage(page, 'en');
    await page.locator('main[data-stale="true"]').waitFor();

    // The outage ends; "retry now" brings the figures back without waiting for the backoff.
    await stack.control('faults', { failNext: null });
    const started = Date.now();
    await page.getByRole('button', { name: 'Retry now' }).click();
    await page.locator('main[data-stale="false"]').waitFor();
    await page.locator('[data-banner="call-error"]').waitFor({ state: 'hidden' });
    console.log(`[glance] stale → fresh after "Retry now": ${Date.now() - started} ms`);
    expect(await page.locator('[data-field="last-updated"]').textContent()).toMatch(/^Updated \d+ sec ago$/);
  }, 90_000);

  it('makes a paused service loud: attention state, a banner with since-when, resume in reach without scrolling', async () => {
    for (const locale of ['en', 'zh-CN'] as const) {
      await stack.bridge('setLanguage', locale);
      const { page } = popover;
      await page.locator(`html[lang="${locale}"]`).waitFor();
      const toggle = page.locator(`.service-row[data-resource-id="${TTS}"]`).getByRole('switch');
      await toggle.click();
      await page.getByRole('dialog').getByRole('button', { name: locale === 'en' ? 'Pause' : '暂停' }).click();
      const banner = page.locator('[data-banner="paused"]');
      await banner.waitFor();
      await expect.poll(() => banner.textContent()).toMatch(locale === 'en' ? /^Production traffic paused\s*since \d{2}:\d{2}\s*Resume$/ : /^生产流量已暂停\s*自 \d{2}:\d{2} 起\s*恢复$/);
      await headlineIs(page, locale === 'en' ? 'Paused · Doubao TTS (big model) paused' : '已暂停 · 豆包语音合成模型 已暂停');
      // In sight without scrolling: inside the 560 px popover.
      const box = await banner.getByRole('button').boundingBox();
      expect(box).not.toBeNull();
      expect(box!.y + box!.height).toBeLessThanOrEqual(560);
      await expectOneLanguage(page, locale);
      await docsShot(page, `glance-paused-${locale === 'en' ? 'en' : 'zh'}`);
      await banner.getByRole('button').click();
      await page.getByRole('dialog').getByRole('button', { name: locale === 'en' ? 'Resume' : '恢复' }).click();
      await banner.waitFor({ state: 'hidden' });
      await page.locator(`.service-row[data-resource-id="${TTS}"][data-state="running"]:not([data-pending])`).waitFor();
    }
  }, 120_000);
});
