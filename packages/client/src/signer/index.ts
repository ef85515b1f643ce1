// Volcengine OpenAPI V4 (HMAC-SHA256) request signing: the client signs with it, the emulator verifies with it.
export type { QueryValue, SignableRequest, SignedRequestParts, SigningCredentials, SignOptions } from './types.js';
export { signRequest } from './signRequest.js';
export { formatXDate, parseXDate } from './xDate.js';
export { canonicalQueryString } from './canonicalQuery.js';
export { getCanonicalHeaders, normalizeHeaderValue, type CanonicalHeaders } from './canonicalHeaders.js';
export { buildCanonicalRequest } from './canonicalRequest.js';
export { buildStringToSign } from './stringToSign.js';
export { computeSignature } from './signature.js';
export { EMPTY_BODY_SHA256, getPayloadHash, sha256Hex } from './payloadHash.js';
export { createCredentialScope } from './credentialScope.js';
export { deriveSigningKey, getSigningKey, SigningKeyCache, signingKeyCache } from './signingKey.js';
export {
  formatAuthorizationHeader,
  parseAuthorizationHeader,
  type AuthorizationHeaderError,
  type AuthorizationHeaderParts,
  type ParsedAuthorizationHeader,
} from './authorizationHeader.js';
export { uriEscape } from './uriEscape.js';
export {
  SIGNING_ALGORITHM,
  AUTHORIZATION_HEADER,
  SCOPE_TERMINATOR,
  UNSIGNABLE_HEADERS,
  X_CONTENT_SHA256_HEADER,
  X_DATE_HEADER,
  X_SECURITY_TOKEN_HEADER,
} from './constants.js';
