import { formatAuthorizationHeader } from './authorizationHeader.js';
import { canonicalHeaderBlock, defaultSignedHeaderNames, normalizeSignedHeaderNames } from './canonicalHeaders.js';
import { canonicalQueryString } from './canonicalQuery.js';
import { joinCanonicalRequest } from './canonicalRequest.js';
import {
  AUTHORIZATION_HEADER,
  SIGNER_MANAGED_HEADERS,
  X_CONTENT_SHA256_HEADER,
  X_DATE_HEADER,
  X_SECURITY_TOKEN_HEADER,
} from './constants.js';
import { createCredentialScope, isValidAccessKeyId } from './credentialScope.js';
import { getPayloadHash } from './payloadHash.js';
import { computeSignature } from './signature.js';
import { buildStringToSign } from './stringToSign.js';
import type { SignableRequest, SignedRequestParts, SignOptions } from './types.js';
import { canonicalUri } from './uriEscape.js';
import { formatXDate, shortDateOf } from './xDate.js';

/**
 * Signs a request with Volcengine V4 (HMAC-SHA256). Pure: the clock and credentials come in
 * through `opts`, and the only state touched is the signing-key cache, which cannot change a result.
 * Throws TypeError on credentials, region or service that cannot form an unambiguous scope.
 */
export function signRequest(req: SignableRequest, opts: SignOptions): SignedRequestParts {
  const { credentials, region, service } = opts;
  if (!isValidAccessKeyId(credentials.accessKeyId)) {
    throw new TypeError('Invalid accessKeyId: expected printable ASCII without "/" or ","');
  }
  if (typeof credentials.secretAccessKey !== 'string' || credentials.secretAccessKey === '') {
    throw new TypeError('Missing secretAccessKey');
  }

  const xDate = formatXDate(opts.now);
  const shortDate = shortDateOf(xDate);
  const payloadHash = getPayloadHash(req.body);
  const sessionToken = credentials.sessionToken;

  // One pass builds both the outgoing headers (caller's spelling) and the lower-case view the
  // canonical form needs; a caller's own X-Date etc. would contradict ours, so they are replaced.
  const headers: Record<string, string> = {};
  const byLowerName = new Map<string, string>();
  for (const name of Object.keys(req.headers)) {
    const lower = name.toLowerCase();
    if (SIGNER_MANAGED_HEADERS.has(lower) && (lower !== 'x-security-token' || sessionToken)) continue;
    if (byLowerName.has(lower)) throw new Error(`Header "${name}" is given more than once (names differ only in case)`);
    const value = String(req.headers[name]);
    headers[name] = value;
    byLowerName.set(lower, value);
  }
  headers[X_DATE_HEADER] = xDate;
  byLowerName.set('x-date', xDate);
  headers[X_CONTENT_SHA256_HEADER] = payloadHash;
  byLowerName.set('x-content-sha256', payloadHash);
  if (sessionToken) {
    headers[X_SECURITY_TOKEN_HEADER] = sessionToken;
    byLowerName.set('x-security-token', sessionToken);
  }

  let signedHeaderNames: string[];
  if (opts.signedHeaders === undefined) {
    signedHeaderNames = defaultSignedHeaderNames(byLowerName.keys());
  } else {
    // An unsigned X-Date would let a captured request be replayed forever.
    signedHeaderNames = normalizeSignedHeaderNames(
      opts.signedHeaders.some((n) => n.toLowerCase() === 'x-date') ? opts.signedHeaders : [...opts.signedHeaders, 'x-date'],
    );
  }
  const signedHeaders = signedHeaderNames.join(';');

  const canonicalRequest = joinCanonicalRequest(
    req.method,
    canonicalUri(req.path),
    canonicalQueryString(req.query),
    canonicalHeaderBlock(byLowerName, signedHeaderNames),
    signedHeaders,
    payloadHash,
  );
  const credentialScope = createCredentialScope(shortDate, region, service);
  const stringToSign = buildStringToSign(xDate, credentialScope, canonicalRequest);
  const signature = computeSignature({ secretAccessKey: credentials.secretAccessKey, shortDate, region, service, stringToSign });

  headers[AUTHORIZATION_HEADER] = formatAuthorizationHeader({
    accessKeyId: credentials.accessKeyId,
    credentialScope,
    signedHeaders,
    signature,
  });
  return { headers, canonicalRequest, stringToSign, signature, signedHeaders, credentialScope };
}
