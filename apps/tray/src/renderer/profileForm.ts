/**
 * The settings form's values as a ProfileInput, or the reason they cannot be one, in the
 * page's language and naming the field. Pure (no DOM): the panel reads its fields into
 * FormValues and shows the reason it gets back.
 */
import type { ProfileInput, WatchedServiceSetting } from '../shared/bridge.js';
import { endpointSchemeAllowed, PROFILE_LIMITS, sameEndpoint, validateProfileInput, WATCHED_RESOURCE_ID_PATTERN } from '../shared/ipc.js';
import { i18n } from './i18n.js';

/** What the form's fields hold, as the page reads them. */
export interface ProfileFormValues {
  name: string;
  accessKeyId: string;
  secret: string;
  region: string;
  endpoint: string;
  projectName: string;
  pollIntervalSec: string;
  warningPercent: string;
  criticalPercent: string;
  useEmulator: boolean;
  watchedServices: WatchedServiceSetting[];
}

export interface FormProblem {
  /** The form field the problem is about (its id), so the page can mark and focus it. */
  field: string;
  message: string;
}

const ACCESS_KEY_ID_PATTERN = /^[A-Za-z0-9_+/=-]*$/;

/** A custom watched service typed by the user, or why it cannot be one. */
export function customService(resourceId: string, blueprintId: string, taken: readonly WatchedServiceSetting[]): WatchedServiceSetting | FormProblem {
  const { t } = i18n();
  const id = resourceId.trim();
  if (!WATCHED_RESOURCE_ID_PATTERN.test(id) || id.length > 128) return { field: 'customResourceId', message: t('form.resourceIdInvalid') };
  if (taken.some((w) => w.resourceId === id)) return { field: 'customResourceId', message: t('form.serviceDuplicate') };
  const bp = blueprintId.trim();
  if (bp === '') return { resourceId: id };
  const n = Number(bp);
  if (!/^\d+$/.test(bp) || !Number.isSafeInteger(n) || n < PROFILE_LIMITS.blueprintId.min || n > PROFILE_LIMITS.blueprintId.max) {
    return { field: 'customBlueprintId', message: t('form.blueprintInvalid') };
  }
  return { resourceId: id, blueprintId: n };
}

/** What the form knows of the profile being edited: whether a secret is stored, and for which endpoint. */
export interface StoredSecretInfo {
  hasSecret: boolean;
  endpoint: string;
  secretEndpoint?: string;
}

/**
 * The endpoint the stored secret belongs to, when the form's endpoint is another one (the
 * secret must be typed again then), else null.
 */
export function secretNeededFor(stored: StoredSecretInfo | undefined, endpoint: string, useEmulator: boolean): string | null {
  if (!stored?.hasSecret || useEmulator) return null;
  const boundTo = stored.secretEndpoint ?? stored.endpoint;
  return sameEndpoint(boundTo, endpoint) ? null : boundTo;
}

/**
 * `profileId` undefined: a new profile. The secret goes along only when typed (empty keeps the
 * stored one, which signs only for the endpoint it was saved with: `stored`).
 */
export function profileInputFromForm(values: ProfileFormValues, profileId: string | undefined, stored?: StoredSecretInfo): ProfileInput | FormProblem {
  const { t } = i18n();
  const name = values.name.trim();
  const pollIntervalSec = Number(values.pollIntervalSec);
  const warningPercent = Number(values.warningPercent);
  const criticalPercent = Number(values.criticalPercent);
  const poll = PROFILE_LIMITS.pollIntervalSec;
  const pct = PROFILE_LIMITS.percent;
  const accessKeyId = values.accessKeyId.trim();
  if (!name) return { field: 'name', message: t('form.nameRequired') };
  if (!ACCESS_KEY_ID_PATTERN.test(accessKeyId)) return { field: 'accessKeyId', message: t('form.accessKeyChars') };
  if (!values.useEmulator && !accessKeyId) return { field: 'accessKeyId', message: t('form.accessKeyRequired') };
  if (!values.useEmulator) {
    try {
      const url = new URL(values.endpoint.trim());
      if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error('scheme');
    } catch {
      return { field: 'endpoint', message: t('form.endpointInvalid') };
    }
    if (!endpointSchemeAllowed(values.endpoint.trim())) return { field: 'endpoint', message: t('form.endpointHttps') };
    if (!values.secret && secretNeededFor(stored, values.endpoint, values.useEmulator) !== null) {
      return { field: 'secretAccessKey', message: t('form.secretAgainForEndpoint', { endpoint: values.endpoint.trim() }) };
    }
  }
  if (!values.projectName.trim()) return { field: 'projectName', message: t('form.projectRequired') };
  if (values.watchedServices.length === 0) return { field: 'services', message: t('form.servicesRequired') };
  if (!Number.isInteger(pollIntervalSec) || pollIntervalSec < poll.min || pollIntervalSec > poll.max)
    return { field: 'pollIntervalSec', message: t('form.pollRange', { min: poll.min, max: poll.max }) };
  if (![warningPercent, criticalPercent].every((v) => v >= pct.min && v <= pct.max))
    return { field: 'warningPercent', message: t('form.thresholdRange', { min: pct.min, max: pct.max }) };
  if (warningPercent >= criticalPercent) return { field: 'warningPercent', message: t('form.warnBelowCritical') };
  const input: ProfileInput = {
    name,
    accessKeyId,
    region: values.region,
    endpoint: values.endpoint.trim(),
    projectName: values.projectName.trim(),
    useEmulator: values.useEmulator,
    pollIntervalSec,
    warningPercent,
    criticalPercent,
    watchedServices: values.watchedServices.map((w) => ({ ...w })),
  };
  if (profileId !== undefined) input.id = profileId;
  if (values.secret) input.secretAccessKey = values.secret;
  // The same rules the core and Electron's main apply; says what is wrong before a round trip.
  const checked = validateProfileInput(input);
  if (checked.ok) return checked.value;
  const field = /^profile\.(\w+)/.exec(checked.error)?.[1] ?? 'name';
  if (field === 'endpoint' && !endpointSchemeAllowed(input.endpoint)) return { field, message: t('form.endpointHttps') };
  return { field, message: t('form.invalid', { message: checked.error }) };
}

export function isFormProblem(value: ProfileInput | FormProblem | WatchedServiceSetting): value is FormProblem {
  return 'field' in value && 'message' in value;
}
