/** Headers as they may be shown: the signature and any session token never appear, the access key only masked. */
import { redactAccessKey } from '@volc-speech/client';

export function redactHeaders(headers: Readonly<Record<string, string>>): Array<[string, string]> {
  return Object.entries(headers).map(([name, value]) => {
    const lower = name.toLowerCase();
    if (lower === 'authorization') {
      return [
        name,
        value
          .replace(/Credential=([^/,\s]+)/, (_m, ak: string) => `Credential=${redactAccessKey(ak)}`)
          .replace(/Signature=[0-9a-fA-F]+/, 'Signature=[redacted]'),
      ];
    }
    if (lower === 'x-security-token') return [name, '[redacted]'];
    return [name, value];
  });
}

export function headersOf(init: RequestInit): Record<string, string> {
  const out: Record<string, string> = {};
  new Headers(init.headers).forEach((value, name) => {
    out[name] = value;
  });
  // Keep the client's spelling where it gave a plain object (Headers lower-cases names).
  if (init.headers && typeof init.headers === 'object' && !(init.headers instanceof Headers) && !Array.isArray(init.headers)) {
    return { ...(init.headers as Record<string, string>) };
  }
  return out;
}
