/**
 * The headline in words, the same in the popover, the tray menu and the tooltip:
 * "严重 · QPS 97%", "Warning · Doubao TTS (big model) 85% used". Pure.
 */
import type { CallErrorView, HeadlineView } from './bridge.js';
import type { I18n, MessageKey } from './i18n/index.js';

/** What drives the state, naming the resource: "QPS 97%", "豆包语音合成模型 已用 85%". */
export function causeText(headline: HeadlineView, i18n: I18n, labelOf: (resourceId: string) => string): string {
  const cause = headline.cause;
  if (!cause) return headline.level === 'ok' ? i18n.t('headline.cause.none') : '';
  switch (cause.kind) {
    case 'pack':
      return i18n.t('headline.cause.pack', { resource: labelOf(cause.resourceId), percent: i18n.percent(cause.percentUsed) });
    case 'rateLimit': {
      const params = { quotaType: i18n.quotaType(cause.quotaType), percent: i18n.percent(cause.percent) };
      // The main product's limit is named by its kind alone; another product's carries its name.
      return cause.resourceId === headline.mainResourceId
        ? i18n.t('headline.cause.rateLimit', params)
        : i18n.t('headline.cause.rateLimitOf', { ...params, resource: labelOf(cause.resourceId) });
    }
    case 'paused':
      return i18n.t('headline.cause.paused', { resource: labelOf(cause.resourceId) });
    case 'error':
      return i18n.t('headline.cause.error', { action: cause.action });
  }
}

/** "严重 · QPS 97%": the level word and its cause. */
export function headlineText(headline: HeadlineView, i18n: I18n, labelOf: (resourceId: string) => string): string {
  const level = i18n.t(`level.${headline.level}`);
  const cause = causeText(headline, i18n, labelOf);
  return cause ? `${level} · ${cause}` : level;
}

/** The catalogue key of a hint for a failed call, by its code (the page and native dialogs say it in their language). */
export function errorHintKey(error: Pick<CallErrorView, 'code' | 'httpStatus' | 'message'>): MessageKey | null {
  const code = error.code;
  if (code === 'NoCredentials') return 'hint.noCredentials';
  if (code === 'SecretNeededForEndpoint') return 'hint.secretEndpoint';
  if (code === 'InsecureEndpoint') return 'hint.insecureEndpoint';
  if (/^(SignatureDoesNotMatch|InvalidAccessKey|InvalidCredential|InvalidAuthorization|AuthFailure|MissingAuthenticationToken)/.test(code) || error.httpStatus === 401)
    return 'hint.auth';
  if (/^(AccessDenied|Forbidden|NoPermission)/.test(code) || error.httpStatus === 403) return 'hint.permission';
  if (/^(Throttling|RequestLimitExceeded|FlowLimitExceeded|TooManyRequests)/.test(code) || error.httpStatus === 429) return 'hint.throttled';
  if (/blueprint/i.test(error.message)) return 'hint.missingBlueprint';
  if (error.httpStatus !== undefined && error.httpStatus >= 500) return 'hint.server';
  if (error.httpStatus === undefined && code !== 'UnknownProfile' && code !== 'UnknownService' && code !== 'CommandInProgress' && code !== 'ConfirmationRequired') return 'hint.network';
  return null;
}
