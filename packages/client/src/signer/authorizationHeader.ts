import { compareByteOrder } from './byteOrder.js';
import { SIGNING_ALGORITHM, SCOPE_TERMINATOR } from './constants.js';
import { isValidAccessKeyId, isValidRegion, isValidService, isValidShortDate } from './credentialScope.js';

/** `HMAC-SHA256 Credential=AK/scope, SignedHeaders=a;b, Signature=hex` (fields separated by ", "). */
export function formatAuthorizationHeader(args: {
  accessKeyId: string;
  credentialScope: string;
  signedHeaders: string;
  signature: string;
}): string {
  return `${SIGNING_ALGORITHM} Credential=${args.accessKeyId}/${args.credentialScope}, SignedHeaders=${args.signedHeaders}, Signature=${args.signature}`;
}

export interface AuthorizationHeaderParts {
  accessKeyId: string;
  shortDate: string;
  region: string;
  service: string;
  terminator: string;
  /** Lower case, sorted, unique: exactly as declared. */
  signedHeaders: string[];
  signature: string;
}

/** Why an Authorization header was rejected; stable strings a verifier can map to error responses. */
export type AuthorizationHeaderError =
  | 'empty'
  | 'too-long'
  | 'unsupported-algorithm'
  | 'malformed-field'
  | 'unknown-field'
  | 'duplicate-field'
  | 'missing-credential'
  | 'missing-signed-headers'
  | 'missing-signature'
  | 'fields-out-of-order'
  | 'malformed-credential'
  | 'invalid-access-key-id'
  | 'invalid-short-date'
  | 'invalid-region'
  | 'invalid-service'
  | 'invalid-terminator'
  | 'invalid-signed-headers'
  | 'duplicate-signed-header'
  | 'unsorted-signed-headers'
  | 'invalid-signature';

export type ParsedAuthorizationHeader =
  | { ok: true; value: AuthorizationHeaderParts }
  | { ok: false; reason: AuthorizationHeaderError };

/** Far above any real header (a few hundred bytes); bounds the work an unauthenticated caller can cause. */
export const MAX_AUTHORIZATION_HEADER_LENGTH = 4096;

const FIELD_ORDER = ['Credential', 'SignedHeaders', 'Signature'] as const;
type FieldName = (typeof FIELD_ORDER)[number];
const FIELD = /^([A-Za-z]+)=([^,\s][^,]*)$/;
// RFC 9110 token characters, lower case only: signed names are canonical by definition.
const SIGNED_HEADER_NAME = /^[a-z0-9!#$%&'*+.^_`|~-]+$/;
const SIGNATURE = /^[0-9a-f]{64}$/;

function fail(reason: AuthorizationHeaderError): ParsedAuthorizationHeader {
  return { ok: false, reason };
}

function isFieldName(name: string): name is FieldName {
  return (FIELD_ORDER as readonly string[]).includes(name);
}

/**
 * Strict parser for the exact form every official SDK emits. It accepts nothing a signer would not
 * produce (other spacing, field order or case, upper-case or unsorted SignedHeaders), because a
 * verifier that normalises what it was sent can be made to agree with a signature it never checked.
 */
export function parseAuthorizationHeader(v: string): ParsedAuthorizationHeader {
  if (typeof v !== 'string' || v.trim() === '') return fail('empty');
  if (v.length > MAX_AUTHORIZATION_HEADER_LENGTH) return fail('too-long');

  const space = v.indexOf(' ');
  const algorithm = space === -1 ? v : v.slice(0, space);
  if (algorithm !== SIGNING_ALGORITHM) return fail('unsupported-algorithm');
  if (space === -1) return fail('missing-credential');

  const fields = new Map<FieldName, string>();
  const order: FieldName[] = [];
  for (const part of v.slice(space + 1).split(', ')) {
    const m = FIELD.exec(part);
    if (m === null) return fail('malformed-field');
    const [, name, value] = m as unknown as [string, string, string];
    if (!isFieldName(name)) return fail('unknown-field');
    if (fields.has(name)) return fail('duplicate-field');
    fields.set(name, value);
    order.push(name);
  }
  const credential = fields.get('Credential');
  const signedHeadersField = fields.get('SignedHeaders');
  const signature = fields.get('Signature');
  if (credential === undefined) return fail('missing-credential');
  if (signedHeadersField === undefined) return fail('missing-signed-headers');
  if (signature === undefined) return fail('missing-signature');
  if (order.some((name, i) => name !== FIELD_ORDER[i])) return fail('fields-out-of-order');

  const credentialParts = credential.split('/');
  if (credentialParts.length !== 5) return fail('malformed-credential');
  const [accessKeyId, shortDate, region, service, terminator] = credentialParts as [string, string, string, string, string];
  if (!isValidAccessKeyId(accessKeyId)) return fail('invalid-access-key-id');
  if (!isValidShortDate(shortDate)) return fail('invalid-short-date');
  if (!isValidRegion(region)) return fail('invalid-region');
  if (!isValidService(service)) return fail('invalid-service');
  if (terminator !== SCOPE_TERMINATOR) return fail('invalid-terminator');

  const signedHeaders = signedHeadersField.split(';');
  for (let i = 0; i < signedHeaders.length; i++) {
    const name = signedHeaders[i] as string;
    if (!SIGNED_HEADER_NAME.test(name)) return fail('invalid-signed-headers');
    if (i > 0) {
      const comparison = compareByteOrder(signedHeaders[i - 1] as string, name);
      if (comparison === 0) return fail('duplicate-signed-header');
      if (comparison > 0) return fail('unsorted-signed-headers');
    }
  }

  if (!SIGNATURE.test(signature)) return fail('invalid-signature');

  return { ok: true, value: { accessKeyId, shortDate, region, service, terminator, signedHeaders, signature } };
}
