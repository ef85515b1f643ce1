/**
 * The page's language: one at a time. It starts from the browser's language (only until the
 * first snapshot) and then follows the snapshot's `locale` (the setting, or the OS locale).
 */
import { createI18n, localeFromSystem, type I18n, type Locale } from '../shared/i18n/index.js';

let current: I18n = createI18n(localeFromSystem(typeof navigator === 'undefined' ? undefined : navigator.language));

export function i18n(): I18n {
  return current;
}

/** Switches the language; the page's `lang` and title follow (also when it stays the same). */
export function setLocale(locale: Locale): boolean {
  const changed = current.locale !== locale;
  if (changed) current = createI18n(locale);
  if (typeof document !== 'undefined') {
    document.documentElement.lang = locale;
    document.title = current.t('app.name');
  }
  return changed;
}
