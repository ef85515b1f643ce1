import { getCanonicalHeaders } from './canonicalHeaders.js';
import { canonicalUri } from './uriEscape.js';

/**
 * `METHOD\nURI\nQuery\nHeaders\n\nSignedHeaders\nPayloadHash`: the header block ends in `\n` and
 * the join adds one more, hence the blank line. Takes parts already canonical; the joining lives
 * here once so the signer and buildCanonicalRequest cannot drift apart.
 */
export function joinCanonicalRequest(
  method: string,
  canonicalPath: string,
  canonicalQuery: string,
  canonicalHeaders: string,
  signedHeaders: string,
  payloadHash: string,
): string {
  return `${method.toUpperCase()}\n${canonicalPath}\n${canonicalQuery}\n${canonicalHeaders}\n${signedHeaders}\n${payloadHash}`;
}

/**
 * The canonical request as a verifier rebuilds it: `signedHeaders` is the list the client declared
 * (any case, any order); each must be present in `headers` or this throws. `path` is the decoded
 * path, `canonicalQuery` the output of canonicalQueryString.
 */
export function buildCanonicalRequest(args: {
  method: string;
  path: string;
  canonicalQuery: string;
  headers: Record<string, string>;
  signedHeaders: string[];
  payloadHash: string;
}): string {
  const { canonicalHeaders, signedHeaders } = getCanonicalHeaders(args.headers, args.signedHeaders);
  return joinCanonicalRequest(args.method, canonicalUri(args.path), args.canonicalQuery, canonicalHeaders, signedHeaders, args.payloadHash);
}
