/**
 * The signer's building blocks, from the client package: the emulator verifies with exactly
 * the code the client signs with, and never carries a second implementation of the scheme.
 */
export {
  buildCanonicalRequest,
  buildStringToSign,
  canonicalQueryString,
  computeSignature,
  parseAuthorizationHeader,
  parseXDate,
  sha256Hex,
  type AuthorizationHeaderError,
} from '@volc-speech/client';
