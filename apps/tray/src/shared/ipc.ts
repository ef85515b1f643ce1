/**
 * IPC channel names and payload schemas, imported by both the preload (which sends) and
 * main (which validates every message before it reaches the core). The core validates a
 * ProfileInput with the same function, so the browser preview rejects what Electron rejects.
 *
 * Validators are hand-written and small on purpose: no dependency may reach the preload.
 */
import type { CommandConfirmationRequest, LanguageSetting, PopoverView, ProfileInput, ServiceCommandName, TrayBridge, WatchedServiceSetting } from './bridge.js';

/** Bridge operations that are request/response (everything but the two subscriptions). */
export type InvokeOperation = Exclude<keyof TrayBridge, 'onSnapshot' | 'onNotification' | 'onNavigate'>;

export const IPC_INVOKE_CHANNELS = {
  getSnapshot: 'volc-speech:get-snapshot',
  refresh: 'volc-speech:refresh',
  setServicePaused: 'volc-speech:set-service-paused',
  selectProfile: 'volc-speech:select-profile',
  getSettings: 'volc-speech:get-settings',
  saveProfile: 'volc-speech:save-profile',
  deleteProfile: 'volc-speech:delete-profile',
  setStartAtLogin: 'volc-speech:set-start-at-login',
  setLanguage: 'volc-speech:set-language',
  testConnection: 'volc-speech:test-connection',
  confirmCommand: 'volc-speech:confirm-command',
} as const satisfies Record<InvokeOperation, string>;

/** Main → renderer pushes. */
export const IPC_EVENT_CHANNELS = {
  snapshot: 'volc-speech:snapshot',
  notification: 'volc-speech:notification',
  navigate: 'volc-speech:navigate',
} as const;

export const POPOVER_VIEWS: readonly PopoverView[] = ['dashboard', 'settings'];

export const INVOKE_OPERATIONS = Object.keys(IPC_INVOKE_CHANNELS) as InvokeOperation[];

export type InvokeArgs = { [K in InvokeOperation]: Parameters<TrayBridge[K]> };
export type InvokeResult = { [K in InvokeOperation]: Awaited<ReturnType<TrayBridge[K]>> };

export type Validation<T> = { ok: true; value: T } | { ok: false; error: string };

// ── Field rules, shared with the core and (by import) the renderer's forms ───────────────
export const PROFILE_ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,63}$/;
export const PROFILE_LIMITS = {
  nameMaxLength: 64,
  accessKeyIdMaxLength: 128,
  secretMaxLength: 256,
  projectNameMaxLength: 64,
  endpointMaxLength: 256,
  pollIntervalSec: { min: 5, max: 3600 },
  percent: { min: 1, max: 100 },
  watchedServices: { min: 1, max: 32 },
  blueprintId: { min: 1, max: 2_147_483_647 },
} as const;
/** A ResourceID as the service spells them: volc.service_type.10029, volc.bigasr.sauc.duration … */
export const WATCHED_RESOURCE_ID_PATTERN = /^volc\.[a-z0-9_]+(?:\.[a-z0-9_]+)+$/;
export const LANGUAGE_SETTING_VALUES: readonly LanguageSetting[] = ['system', 'zh-CN', 'en'];
const REGION_PATTERN = /^[a-z0-9-]{1,32}$/;
/** Access key IDs are base64-ish (AKLT…); anything else is a paste accident. */
const ACCESS_KEY_ID_PATTERN = /^[A-Za-z0-9_+/=-]*$/;
const RESOURCE_ID_PATTERN = /^[A-Za-z0-9._-]{1,128}$/;

// ── Tiny validator kit ────────────────────────────────────────────────────────────────
type Check<T> = (value: unknown, path: string) => Validation<T>;

const fail = (path: string, message: string): { ok: false; error: string } => ({ ok: false, error: `${path} ${message}` });

function str(opts: { min?: number; max: number; pattern?: RegExp; trim?: boolean }): Check<string> {
  return (value, path) => {
    if (typeof value !== 'string') return fail(path, 'must be a string');
    const text = opts.trim ? value.trim() : value;
    if (text.length < (opts.min ?? 0)) return fail(path, opts.min === 1 ? 'must not be empty' : `must have at least ${opts.min} characters`);
    if (text.length > opts.max) return fail(path, `must have at most ${opts.max} characters`);
    if (opts.pattern && !opts.pattern.test(text)) return fail(path, 'has characters that are not allowed');
    return { ok: true, value: text };
  };
}

const bool: Check<boolean> = (value, path) => (typeof value === 'boolean' ? { ok: true, value } : fail(path, 'must be true or false'));

function num(opts: { min: number; max: number; integer?: boolean }): Check<number> {
  return (value, path) => {
    if (typeof value !== 'number' || !Number.isFinite(value)) return fail(path, 'must be a number');
    if (opts.integer && !Number.isInteger(value)) return fail(path, 'must be a whole number');
    if (value < opts.min || value > opts.max) return fail(path, `must be between ${opts.min} and ${opts.max}`);
    return { ok: true, value };
  };
}

const httpUrl: Check<string> = (value, path) => {
  const text = str({ min: 1, max: PROFILE_LIMITS.endpointMaxLength, trim: true })(value, path);
  if (!text.ok) return text;
  let url: URL;
  try {
    url = new URL(text.value);
  } catch {
    return fail(path, 'must be a URL such as https://open.volcengineapi.com');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return fail(path, 'must start with https:// or http://');
  if (url.username || url.password) return fail(path, 'must not contain a user name or password');
  if (!endpointSchemeAllowed(url)) return fail(path, ENDPOINT_HTTPS_RULE);
  return { ok: true, value: text.value.replace(/\/+$/, '') };
};

/** The words of the http-only-on-loopback rule (the form shows its own translation). */
export const ENDPOINT_HTTPS_RULE = 'must start with https:// (http:// only for 127.0.0.1, ::1 or localhost)';

/** 127.0.0.0/8, ::1 or localhost: the only hosts a signed call may reach over plain http. */
export function isLoopbackHostname(hostname: string): boolean {
  const host = hostname.toLowerCase();
  if (host === 'localhost' || host === '[::1]' || host === '::1') return true;
  // WHATWG URL parsing already turned 127.1, 0x7f.1 and friends into dotted quads.
  return /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

/** https anywhere; http only to a loopback host (the secret signs every call, and http is readable on the way). */
export function endpointSchemeAllowed(endpoint: string | URL): boolean {
  let url: URL;
  try {
    url = typeof endpoint === 'string' ? new URL(endpoint) : endpoint;
  } catch {
    return false;
  }
  if (url.protocol === 'https:') return true;
  return url.protocol === 'http:' && isLoopbackHostname(url.hostname);
}

/** Two endpoints are one when scheme, host, port and path agree (case of the host and trailing slashes aside). */
export function sameEndpoint(a: string, b: string): boolean {
  const normal = (text: string): string => {
    try {
      const url = new URL(text.trim());
      return `${url.protocol}//${url.host}${url.pathname.replace(/\/+$/, '')}${url.search}`;
    } catch {
      return text.trim();
    }
  };
  return normal(a) === normal(b);
}

type Shape = Record<string, { check: Check<unknown>; optional?: boolean }>;
type ShapeValue<S extends Shape> = { [K in keyof S]: S[K] extends { check: Check<infer T> } ? T : never };

/** A plain object with exactly these keys (unknown keys are rejected: nothing rides along). */
function object<S extends Shape>(shape: S): Check<ShapeValue<S>> {
  return (value, path) => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return fail(path, 'must be an object');
    const proto = Object.getPrototypeOf(value);
    if (proto !== Object.prototype && proto !== null) return fail(path, 'must be a plain object');
    const input = value as Record<string, unknown>;
    for (const key of Object.keys(input)) {
      if (!Object.hasOwn(shape, key)) return fail(`${path}.${key}`, 'is not an allowed field');
    }
    const out: Record<string, unknown> = {};
    for (const [key, rule] of Object.entries(shape)) {
      if (input[key] === undefined) {
        if (rule.optional) continue;
        return fail(`${path}.${key}`, 'is required');
      }
      const checked = rule.check(input[key], `${path}.${key}`);
      if (!checked.ok) return checked;
      out[key] = checked.value;
    }
    return { ok: true, value: out as ShapeValue<S> };
  };
}

const profileId = str({ min: 1, max: 64, pattern: PROFILE_ID_PATTERN });

const watchedService = object({
  resourceId: { check: str({ min: 1, max: 128, pattern: WATCHED_RESOURCE_ID_PATTERN, trim: true }) },
  blueprintId: { check: num({ ...PROFILE_LIMITS.blueprintId, integer: true }), optional: true },
});

/** 1–32 services, each ResourceID once. */
const watchedServices: Check<WatchedServiceSetting[]> = (value, path) => {
  if (!Array.isArray(value)) return fail(path, 'must be a list');
  const { min, max } = PROFILE_LIMITS.watchedServices;
  if (value.length < min) return fail(path, 'must name at least one service');
  if (value.length > max) return fail(path, `must name at most ${max} services`);
  const out: WatchedServiceSetting[] = [];
  const seen = new Set<string>();
  for (let i = 0; i < value.length; i++) {
    const checked = watchedService(value[i], `${path}[${i}]`);
    if (!checked.ok) return checked;
    if (seen.has(checked.value.resourceId)) return fail(`${path}[${i}].resourceId`, 'is listed twice');
    seen.add(checked.value.resourceId);
    const entry: WatchedServiceSetting = { resourceId: checked.value.resourceId };
    if (checked.value.blueprintId !== undefined) entry.blueprintId = checked.value.blueprintId;
    out.push(entry);
  }
  return { ok: true, value: out };
};

const languageSetting: Check<LanguageSetting> = (value, path) =>
  LANGUAGE_SETTING_VALUES.includes(value as LanguageSetting) ? { ok: true, value: value as LanguageSetting } : fail(path, `must be one of ${LANGUAGE_SETTING_VALUES.join(', ')}`);
const resourceId = str({ min: 1, max: 128, pattern: RESOURCE_ID_PATTERN });
const percent = num({ ...PROFILE_LIMITS.percent });

const profileInputShape = object({
  id: { check: profileId, optional: true },
  name: { check: str({ min: 1, max: PROFILE_LIMITS.nameMaxLength, trim: true }) },
  accessKeyId: { check: str({ max: PROFILE_LIMITS.accessKeyIdMaxLength, pattern: ACCESS_KEY_ID_PATTERN, trim: true }) },
  secretAccessKey: { check: str({ max: PROFILE_LIMITS.secretMaxLength }), optional: true },
  region: { check: str({ min: 1, max: 32, pattern: REGION_PATTERN, trim: true }) },
  endpoint: { check: httpUrl },
  projectName: { check: str({ min: 1, max: PROFILE_LIMITS.projectNameMaxLength, trim: true }) },
  useEmulator: { check: bool },
  pollIntervalSec: { check: num({ ...PROFILE_LIMITS.pollIntervalSec, integer: true }) },
  warningPercent: { check: percent },
  criticalPercent: { check: percent },
  watchedServices: { check: watchedServices, optional: true },
});

/** Validates a profile form; also used by the core, so every backend enforces the same rules. */
export function validateProfileInput(value: unknown, path = 'profile'): Validation<ProfileInput> {
  const checked = profileInputShape(value, path);
  if (!checked.ok) return checked;
  const input = checked.value;
  if (input.warningPercent >= input.criticalPercent) return fail(`${path}.warningPercent`, 'must be below the critical threshold');
  const out: ProfileInput = { ...input };
  if (out.id === undefined) delete out.id;
  if (out.secretAccessKey === undefined) delete out.secretAccessKey;
  if (out.watchedServices === undefined) delete out.watchedServices;
  return { ok: true, value: out };
}

// ── Argument lists per operation ──────────────────────────────────────────────────────
function args<T extends unknown[]>(...checks: { [K in keyof T]: Check<T[K]> }): (input: unknown) => Validation<T> {
  return (input) => {
    if (!Array.isArray(input)) return { ok: false, error: 'arguments must be a list' };
    if (input.length !== checks.length) return { ok: false, error: `expected ${checks.length} argument(s), got ${input.length}` };
    const out: unknown[] = [];
    for (let i = 0; i < checks.length; i++) {
      const checked = (checks[i] as Check<unknown>)(input[i], `argument ${i + 1}`);
      if (!checked.ok) return checked;
      out.push(checked.value);
    }
    return { ok: true, value: out as T };
  };
}

export const SERVICE_COMMANDS: readonly ServiceCommandName[] = ['pause', 'resume'];

const serviceCommand: Check<ServiceCommandName> = (value, path) =>
  SERVICE_COMMANDS.includes(value as ServiceCommandName) ? { ok: true, value: value as ServiceCommandName } : fail(path, `must be one of ${SERVICE_COMMANDS.join(', ')}`);

const confirmationRequest = object({
  operation: { check: serviceCommand },
  profileId: { check: profileId },
  resourceId: { check: resourceId },
});

/**
 * setServicePaused(profileId, resourceId, paused, confirmation): the confirmation may be left
 * out here so that the core, not the argument check, refuses a call without one (403 in the
 * preview, with words that say what is missing).
 */
function servicePausedArgs(input: unknown): Validation<[string, string, boolean, string?]> {
  if (Array.isArray(input) && input.length === 3) {
    const checked = args<[string, string, boolean]>(profileId, resourceId, bool)(input);
    return checked.ok ? { ok: true, value: [...checked.value] } : checked;
  }
  return args<[string, string, boolean, string]>(profileId, resourceId, bool, str({ max: 256 }))(input);
}

const profileInputCheck: Check<ProfileInput> = (value, path) => validateProfileInput(value, path);

export const IPC_ARG_VALIDATORS: { [K in InvokeOperation]: (input: unknown) => Validation<InvokeArgs[K]> } = {
  getSnapshot: args<[]>(),
  refresh: args<[]>(),
  setServicePaused: servicePausedArgs as (input: unknown) => Validation<InvokeArgs['setServicePaused']>,
  selectProfile: args<[string]>(profileId),
  getSettings: args<[]>(),
  saveProfile: args<[ProfileInput]>(profileInputCheck),
  deleteProfile: args<[string]>(profileId),
  setStartAtLogin: args<[boolean]>(bool),
  setLanguage: args<[LanguageSetting]>(languageSetting),
  testConnection: args<[ProfileInput]>(profileInputCheck),
  confirmCommand: args<[CommandConfirmationRequest]>(confirmationRequest),
};

export function validateInvokeArgs<K extends InvokeOperation>(operation: K, input: unknown): Validation<InvokeArgs[K]> {
  return IPC_ARG_VALIDATORS[operation](input);
}

/** The request/response part of a bridge: what Electron's main and the preview server call into. */
export type InvokableBridge = Pick<TrayBridge, InvokeOperation>;

/** Calls one bridge operation by name with arguments that validateInvokeArgs accepted. */
export function invokeOperation(bridge: InvokableBridge, operation: InvokeOperation, args: readonly unknown[]): Promise<unknown> {
  const method = bridge[operation] as (...a: unknown[]) => Promise<unknown>;
  return method.apply(bridge, [...args]);
}

export function operationForChannel(channel: string): InvokeOperation | undefined {
  return INVOKE_OPERATIONS.find((op) => IPC_INVOKE_CHANNELS[op] === channel);
}
