import { describe, expect, it } from 'vitest';
import { en } from '../../src/shared/i18n/en.js';
import { zhCN } from '../../src/shared/i18n/zh-CN.js';
import { createI18n, localeFromSystem, placeholders, resolveLocale } from '../../src/shared/i18n/index.js';

const HAN = /\p{Script=Han}/u;
/** A run of three Latin letters: an English word (codes such as QPS, IDs and the product's own terms are allowed below). */
const LATIN_WORD = /[A-Za-z]{3,}/g;
/** Terms the Chinese console itself writes in Latin letters. */
const ZH_ALLOWED_LATIN = new Set(['QPS', 'QPM', 'TPM', 'Access', 'Key', 'Secret', 'ResourceID', 'BlueprintID', 'AccessKey', 'OpenAPI', 'IAM', 'RequestId', 'JavaScript', 'URL', 'https', 'open', 'volcengineapi', 'com', 'volc', 'service', 'type', 'Electron', 'safeStorage', 'http', 'localhost']);

describe('message catalogues', () => {
  it('zh-CN and en have exactly the same keys', () => {
    expect(Object.keys(zhCN).sort()).toEqual(Object.keys(en).sort());
  });

  it('every message has the same placeholders in both languages, and none is empty', () => {
    for (const key of Object.keys(en) as Array<keyof typeof en>) {
      expect(placeholders(zhCN[key]), key).toEqual(placeholders(en[key]));
      expect(en[key].trim(), key).not.toBe('');
      expect(zhCN[key].trim(), key).not.toBe('');
    }
  });

  it('English messages carry no Chinese, Chinese messages no English words (unit keys aside)', () => {
    for (const key of Object.keys(en) as Array<keyof typeof en>) {
      expect(HAN.test(en[key]), `en ${key}: ${en[key]}`).toBe(false);
      const words = (zhCN[key].replace(/\{\w+\}/g, '').match(LATIN_WORD) ?? []).filter((w) => !ZH_ALLOWED_LATIN.has(w));
      expect(words, `zh-CN ${key}: ${zhCN[key]}`).toEqual([]);
    }
  });
});

describe('language choice', () => {
  it('follows the OS locale unless the setting names a language', () => {
    expect(localeFromSystem('zh-CN')).toBe('zh-CN');
    expect(localeFromSystem('zh_CN.UTF-8')).toBe('zh-CN');
    expect(localeFromSystem('zh-Hans-CN')).toBe('zh-CN');
    expect(localeFromSystem('en-GB')).toBe('en');
    expect(localeFromSystem('de')).toBe('en');
    expect(localeFromSystem(undefined)).toBe('en');
    expect(resolveLocale('system', 'zh-CN')).toBe('zh-CN');
    expect(resolveLocale('en', 'zh-CN')).toBe('en');
    expect(resolveLocale('zh-CN', 'en-US')).toBe('zh-CN');
    expect(resolveLocale(undefined, 'fr')).toBe('en');
  });

  it('numbers, dates and durations go through Intl in the chosen language', () => {
    const zh = createI18n('zh-CN');
    const en2 = createI18n('en');
    expect(en2.number(11_490_000)).toBe('11,490,000');
    expect(zh.compact(11_490_000)).toBe('1149万');
    expect(en2.compact(11_490_000)).toBe('11.49M');
    expect(en2.relativeDays(5)).toBe('in 5 days');
    expect(zh.relativeDays(5)).toBe('5天后');
    expect(zh.relativeDays(1)).toBe('明天');
    expect(en2.t('headline.others.many', { count: 3 })).toBe('3 other accounts need attention');
    expect(zh.t('headline.others.many', { count: 3 })).toBe('另有 3 个账号需要关注');
  });
});
