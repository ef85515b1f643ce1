/**
 * Verifies a V4 (HMAC-SHA256) signed request the way contract §3.2 describes, so that every
 * official SDK family is accepted whatever headers it chose to sign:
 *
 * - the canonical request is rebuilt from the SignedHeaders the client declared, each value
 *   read from the request as received (Host with its port);
 * - the query is decoded from the URL and re-encoded strictly (sorted keys and values), because
 *   the official Node SDK puts `*!'()` on the wire unencoded while it signs them encoded;
 * - X-Content-Sha256, when sent, must be the SHA-256 of the body bytes received;
 * - x-date must be among the signed headers (otherwise the timestamp could be replayed freely);
 * - signatures are compared in constant time.
 *
 * Each failure maps to the gateway error of contract §1.5 with its HTTP status and CodeN.
 */
import { timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { SERVICE_NAME } from '@volc-speech/client';
import { ApiError, GATEWAY_ERRORS, gatewayError } from '../errors.js';
import { dict } from '../state/dict.js';
import type { AccessKeyEntry } from './accessKeys.js';
import {
  buildCanonicalRequest,
  buildStringToSign,
  canonicalQueryString,
  computeSignature,
  parseAuthorizationHeader,
  parseXDate,
  sha256Hex,
  type AuthorizationHeaderError,
} from './signing.js';

export interface SignedRequest {
  method: string;
  /** Decoded path, e.g. '/'. */
  path: string;
  /** Decoded query: every key with all its values in wire order. */
  query: Record<string, string[]>;
  /** As node:http gives them: lower-case names. */
  headers: IncomingHttpHeaders;
  /** Every copy of every header (node:http `headersDistinct`): node keeps only the first Host, Authorization, Content-Type. */
  distinctHeaders?: Readonly<Record<string, readonly string[] | undefined>>;
  body: Uint8Array;
}

/**
 * Headers the signature stands on: a second copy would let the signed one and the one acted on
 * differ (node:http keeps the first of some, joins others), so more than one is refused.
 */
export const ONCE_ONLY_HEADERS: readonly string[] = ['Host', 'Authorization', 'X-Date', 'Content-Type', 'X-Content-Sha256', 'X-Security-Token'];

export interface VerifyOptions {
  findAccessKey(accessKeyId: string): AccessKeyEntry | undefined;
  nowMs: number;
  /** Largest accepted |now − X-Date| (unknowns.ts SIGNATURE_WINDOW_MS by default). */
  windowMs: number;
}

export interface VerifiedCaller {
  accessKey: AccessKeyEntry;
  region: string;
  signedHeaders: string[];
}

/** What the caller signed for, as far as it could be read even when verification failed: errors echo the region. */
export interface PartialScope {
  region?: string;
  accessKeyId?: string;
}

const MISSING_REQUEST_INFO_REASONS: ReadonlySet<AuthorizationHeaderError> = new Set(['invalid-access-key-id', 'invalid-region', 'invalid-service']);
const CREDENTIAL_REASONS: ReadonlySet<AuthorizationHeaderError> = new Set([
  'missing-credential',
  'malformed-credential',
  'invalid-access-key-id',
  'invalid-short-date',
  'invalid-region',
  'invalid-service',
  'invalid-terminator',
]);

export function verifySignature(request: SignedRequest, options: VerifyOptions, scopeOut: PartialScope = {}): VerifiedCaller {
  for (const name of ONCE_ONLY_HEADERS) {
    const copies = request.distinctHeaders?.[name.toLowerCase()]?.length ?? 0;
    if (copies > 1) {
      throw gatewayError('InvalidAuthorization', `The request carries ${copies} ${name} headers; send each of ${ONCE_ONLY_HEADERS.join(', ')} at most once`);
    }
  }
  const authorization = singleHeader(request.headers, 'authorization');
  if (authorization === undefined || authorization.trim() === '') {
    if (request.query['X-Signature'] !== undefined) {
      throw gatewayError('MissingAuthenticationToken', 'Query-string signing (X-Signature) is not supported here: sign with the Authorization header');
    }
    throw gatewayError('MissingAuthenticationToken', 'The request has no Authorization header: it must be signed (HMAC-SHA256)');
  }

  const parsed = parseAuthorizationHeader(authorization);
  if (!parsed.ok) throw authorizationError(parsed.reason, authorization);
  const { accessKeyId, shortDate, region, service, signedHeaders, signature } = parsed.value;
  scopeOut.region = region;
  scopeOut.accessKeyId = accessKeyId;

  // Wrong service → ServiceNotFound, not InvalidCredential: the gateway picks the service from the
  // credential scope (Action names repeat across services), and here the scope is well formed but
  // names a service this endpoint does not host. InvalidCredential is kept for malformed scopes.
  if (service !== SERVICE_NAME) {
    throw gatewayError('ServiceNotFound', `Service ${service} is not found here; this endpoint serves ${SERVICE_NAME}`);
  }

  const accessKey = options.findAccessKey(accessKeyId);
  if (!accessKey) throw gatewayError('InvalidAccessKey', `The access key [${accessKeyId}] is invalid or does not exist`);

  if (!signedHeaders.includes('x-date')) {
    throw gatewayError('InvalidAuthorization', 'SignedHeaders must include x-date');
  }
  const xDate = singleHeader(request.headers, 'x-date');
  if (xDate === undefined || xDate === '') throw gatewayError('MissingRequestInfo', 'The X-Date header is missing');
  const signedAt = parseXDate(xDate.trim());
  if (!signedAt) throw gatewayError('InvalidTimestamp', `X-Date ${JSON.stringify(xDate)} is not in the form YYYYMMDD'T'HHMMSS'Z'`);
  if (xDate.trim().slice(0, 8) !== shortDate) {
    throw gatewayError('InvalidCredential', `The credential scope date ${shortDate} does not match X-Date ${xDate.trim()}`);
  }
  const skewMs = signedAt.getTime() - options.nowMs;
  if (Math.abs(skewMs) > options.windowMs) {
    const direction = skewMs < 0 ? 'expired' : 'in the future';
    throw gatewayError(
      'InvalidTimestamp',
      `The request timestamp ${xDate.trim()} is ${direction}: it must be within ${Math.round(options.windowMs / 1000)} s of the server time ${new Date(options.nowMs).toISOString()}`,
    );
  }

  checkSessionToken(request.headers, accessKey);
  if (singleHeader(request.headers, 'x-security-token') !== undefined && !signedHeaders.includes('x-security-token')) {
    throw gatewayError('InvalidAuthorization', 'X-Security-Token must be among the SignedHeaders: a session token has to be signed with the request');
  }

  const headers = dict<string>();
  for (const name of signedHeaders) {
    const value = singleHeader(request.headers, name);
    if (value === undefined) throw gatewayError('InvalidAuthorization', `Signed header ${name} is not present in the request`);
    headers[name] = value;
  }

  const bodyHash = sha256Hex(request.body);
  const declaredHash = singleHeader(request.headers, 'x-content-sha256');
  if (declaredHash !== undefined && declaredHash.trim().toLowerCase() !== bodyHash) {
    throw gatewayError('SignatureDoesNotMatch', 'X-Content-Sha256 does not match the SHA-256 of the request body');
  }

  const canonicalRequest = buildCanonicalRequest({
    method: request.method,
    path: request.path,
    canonicalQuery: canonicalQueryString(request.query),
    headers,
    signedHeaders,
    payloadHash: declaredHash !== undefined ? declaredHash.trim() : bodyHash,
  });
  const credentialScope = `${shortDate}/${region}/${service}/${parsed.value.terminator}`;
  const stringToSign = buildStringToSign(xDate.trim(), credentialScope, canonicalRequest);
  const expected = computeSignature({ secretAccessKey: accessKey.secretAccessKey, shortDate, region, service, stringToSign });
  if (!timingSafeEqual(Buffer.from(expected, 'hex'), Buffer.from(signature, 'hex'))) {
    throw new SignatureMismatch(canonicalRequest, stringToSign);
  }
  return { accessKey, region, signedHeaders };
}

/** SignatureDoesNotMatch, carrying what the server signed so the emulator's log can show it (never the key). */
export class SignatureMismatch extends ApiError {
  constructor(
    readonly canonicalRequest: string,
    readonly stringToSign: string,
  ) {
    super(
      GATEWAY_ERRORS.SignatureDoesNotMatch.httpStatus,
      'SignatureDoesNotMatch',
      'The request signature we calculated does not match the signature you provided. Check your secret key and signing method.',
      GATEWAY_ERRORS.SignatureDoesNotMatch.codeN,
    );
  }
}

function authorizationError(reason: AuthorizationHeaderError, header: string): ApiError {
  if (reason === 'empty') return gatewayError('MissingAuthenticationToken', 'The Authorization header is empty');
  if (reason === 'missing-signature') return gatewayError('MissingSignature', 'The Authorization header has no Signature');
  if (reason === 'invalid-signature') {
    // Not 64 hex digits: it cannot equal any signature the server computes.
    return gatewayError('SignatureDoesNotMatch', 'The Signature in the Authorization header is not a hex-encoded SHA-256 HMAC');
  }
  if (CREDENTIAL_REASONS.has(reason)) {
    if (MISSING_REQUEST_INFO_REASONS.has(reason) && hasEmptyScopePart(header, reason)) {
      const what = reason === 'invalid-access-key-id' ? 'access key' : reason === 'invalid-region' ? 'region' : 'service';
      return gatewayError('MissingRequestInfo', `The credential scope has no ${what}`);
    }
    return gatewayError('InvalidCredential', `The Credential in the Authorization header is malformed (${reason}); expected AK/YYYYMMDD/region/service/request`);
  }
  return gatewayError('InvalidAuthorization', `The Authorization header is malformed (${reason}); expected "HMAC-SHA256 Credential=…, SignedHeaders=…, Signature=…"`);
}

/** Whether the scope part the parser rejected is empty (missing) rather than malformed. */
function hasEmptyScopePart(header: string, reason: AuthorizationHeaderError): boolean {
  const credential = /Credential=([^,]*)/.exec(header)?.[1];
  if (credential === undefined) return false;
  const parts = credential.split('/');
  const index = reason === 'invalid-access-key-id' ? 0 : reason === 'invalid-region' ? 2 : 3;
  return parts[index] === '';
}

function checkSessionToken(headers: IncomingHttpHeaders, accessKey: AccessKeyEntry): void {
  const token = singleHeader(headers, 'x-security-token');
  if (accessKey.sessionToken === undefined) {
    if (token !== undefined) throw gatewayError('InvalidSecretToken', 'X-Security-Token was sent with a long-term access key');
    return;
  }
  if (token === undefined) throw gatewayError('InvalidSecretToken', 'This access key is temporary (STS): X-Security-Token is required');
  const a = Buffer.from(token);
  const b = Buffer.from(accessKey.sessionToken);
  if (a.length !== b.length || !timingSafeEqual(a, b)) throw gatewayError('InvalidSecretToken', 'The security token is invalid or expired');
}

/** A header's value as received; repeated headers are joined with ',' (node:http keeps some as arrays). */
function singleHeader(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  if (Array.isArray(value)) return value.join(',');
  return value;
}
