import { SIGNING_ALGORITHM } from './constants.js';
import { sha256Hex } from './payloadHash.js';

/** `HMAC-SHA256\nX-Date\nCredentialScope\nhex(sha256(CanonicalRequest))` */
export function buildStringToSign(xDate: string, credentialScope: string, canonicalRequest: string): string {
  return `${SIGNING_ALGORITHM}\n${xDate}\n${credentialScope}\n${sha256Hex(canonicalRequest)}`;
}
