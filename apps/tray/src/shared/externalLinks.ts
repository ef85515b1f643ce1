/**
 * The only pages the tray opens outside itself, in the user's browser. INFER: shared/api names the
 * speech API-key page only; the AccessKey page is the console's IAM key management.
 */
export const ACCESS_KEY_CONSOLE_URL = 'https://console.volcengine.com/iam/keymanage/';

const EXTERNAL_LINKS: ReadonlySet<string> = new Set([ACCESS_KEY_CONSOLE_URL]);

/** True only for a link the tray itself shows (exact match: nothing built from a page or a response). */
export function isAllowedExternalLink(url: string): boolean {
  return EXTERNAL_LINKS.has(url);
}
