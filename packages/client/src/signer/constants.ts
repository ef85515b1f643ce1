/** The only algorithm Volcengine's V4 scheme defines; it prefixes both the string to sign and the Authorization header. */
export const SIGNING_ALGORITHM = 'HMAC-SHA256';

/** Fixed last element of every credential scope, and the data of the final key-derivation step. */
export const SCOPE_TERMINATOR = 'request';

export const X_DATE_HEADER = 'X-Date';
export const X_CONTENT_SHA256_HEADER = 'X-Content-Sha256';
export const X_SECURITY_TOKEN_HEADER = 'X-Security-Token';
export const AUTHORIZATION_HEADER = 'Authorization';

/**
 * Headers never signed by default. Proxies and HTTP stacks add, drop or rewrite these, so signing
 * them would make valid requests fail. Unlike the official Node SDK we do sign `content-type`:
 * the server reads it to decode the body, so it should be covered by the signature.
 */
export const UNSIGNABLE_HEADERS: ReadonlySet<string> = new Set([
  'authorization',
  'content-length',
  'user-agent',
  'expect',
  'presigned-expires',
]);

/** Headers whose value the signer owns; a caller-supplied copy (in any case) is replaced, never duplicated. */
export const SIGNER_MANAGED_HEADERS: ReadonlySet<string> = new Set([
  'x-date',
  'x-content-sha256',
  'x-security-token',
  'authorization',
]);
