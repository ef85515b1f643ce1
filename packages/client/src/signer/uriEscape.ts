const ALL_UNRESERVED = /^[A-Za-z0-9\-_.~]*$/;
// encodeURIComponent leaves these literal, RFC 3986 does not.
const SUB_DELIMS_LEFT_BY_ENCODE_URI_COMPONENT = /[!'()*]/g;
const LONE_SURROGATE = /\p{Cs}/gu;

function percentEncodeChar(ch: string): string {
  return `%${ch.charCodeAt(0).toString(16).toUpperCase()}`;
}

/**
 * RFC 3986 percent-encoding of UTF-8 bytes: only `A-Za-z0-9-_.~` stay literal, hex is upper case.
 * A lone surrogate cannot be UTF-8 encoded; it becomes U+FFFD, as it does when Node writes the same
 * string to the wire (URL, Buffer), so the signature still covers what is actually sent.
 */
export function uriEscape(value: string): string {
  if (ALL_UNRESERVED.test(value)) return value;
  let encoded: string;
  try {
    encoded = encodeURIComponent(value);
  } catch {
    encoded = encodeURIComponent(value.replace(LONE_SURROGATE, '\uFFFD'));
  }
  return encoded.replace(SUB_DELIMS_LEFT_BY_ENCODE_URI_COMPONENT, percentEncodeChar);
}

/** Canonical URI: '' and '/' mean the root; any other path has each segment encoded, the slashes kept. */
export function canonicalUri(path: string): string {
  if (path === '' || path === '/') return '/';
  const absolute = path.startsWith('/') ? path : `/${path}`;
  return absolute.split('/').map(uriEscape).join('/');
}
