import { SCOPE_TERMINATOR } from './constants.js';
import { parseXDate } from './xDate.js';

// Scope parts are joined with '/' and the Authorization fields with ', ', so neither may appear
// inside a part; otherwise one header could be read as two different scopes.
const SCOPE_PART = /^[A-Za-z0-9_.-]+$/;
// Printable ASCII without ',' and '/'. Real keys are alphanumeric, but base64-style '+' and '=' are harmless.
const ACCESS_KEY_ID = /^[\x21-\x2b\x2d\x2e\x30-\x7e]+$/;
const SHORT_DATE = /^\d{8}$/;

export function isValidRegion(region: string): boolean {
  return SCOPE_PART.test(region);
}

export function isValidService(service: string): boolean {
  return SCOPE_PART.test(service);
}

export function isValidAccessKeyId(accessKeyId: string): boolean {
  return ACCESS_KEY_ID.test(accessKeyId);
}

/** Eight digits that name a real calendar day. */
export function isValidShortDate(shortDate: string): boolean {
  return SHORT_DATE.test(shortDate) && parseXDate(`${shortDate}T000000Z`) !== undefined;
}

/** Throws on a part that would make the scope (or a signing-key cache key) ambiguous. */
export function assertScopeParts(shortDate: string, region: string, service: string): void {
  if (!SHORT_DATE.test(shortDate)) throw new TypeError(`Invalid short date "${shortDate}": expected YYYYMMDD`);
  if (!isValidRegion(region)) throw new TypeError(`Invalid region "${region}": expected [A-Za-z0-9_.-]+`);
  if (!isValidService(service)) throw new TypeError(`Invalid service "${service}": expected [A-Za-z0-9_.-]+`);
}

/** `ShortDate/Region/Service/request` */
export function createCredentialScope(shortDate: string, region: string, service: string): string {
  return `${shortDate}/${region}/${service}/${SCOPE_TERMINATOR}`;
}
