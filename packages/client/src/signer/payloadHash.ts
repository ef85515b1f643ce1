import { hash } from 'node:crypto';

/** Lower-hex SHA-256; strings are hashed as UTF-8. */
export function sha256Hex(data: string | Uint8Array): string {
  return hash('sha256', data, 'hex');
}

/** sha256(''): the X-Content-Sha256 of a request without a body. */
export const EMPTY_BODY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

/** The value of X-Content-Sha256 and the last line of the canonical request. */
export function getPayloadHash(body: string): string {
  return body === '' ? EMPTY_BODY_SHA256 : sha256Hex(body);
}
