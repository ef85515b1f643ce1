/**
 * The popover's security policy: a strict CSP (as a response header here, and as the meta tag
 * in index.html), no navigation away from the bundled page, no new windows, no webviews, no
 * permissions, and no request to anything but the bundled files. Pure helpers are exported
 * for the tests; `installSecurity` applies them to Electron.
 */
import type { App, Session } from 'electron';
import { isAllowedExternalLink } from '../shared/externalLinks.js';

export const CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'";

/** Response headers with our CSP set (replacing any other, whatever its spelling). */
export function withCspHeader(headers: Record<string, string[] | string> | undefined): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (name.toLowerCase() === 'content-security-policy') continue;
    out[name] = Array.isArray(value) ? value : [value];
  }
  out['Content-Security-Policy'] = [CONTENT_SECURITY_POLICY];
  return out;
}

function withoutHash(url: string): string {
  const i = url.indexOf('#');
  return i === -1 ? url : url.slice(0, i);
}

/** Only the bundled page itself (a #fragment may change): never a remote or another local page. */
export function isAllowedNavigation(url: string, rendererUrl: string): boolean {
  return withoutHash(url) === withoutHash(rendererUrl);
}

/** Requests the popover may make: files under dist/renderer/, inline data images, the dev tools. */
export function isAllowedRequest(url: string, rendererDirUrl: string): boolean {
  const dir = rendererDirUrl.endsWith('/') ? rendererDirUrl : `${rendererDirUrl}/`;
  if (url.startsWith('data:image/')) return true;
  if (url.startsWith('devtools://')) return true;
  if (!url.startsWith(dir)) return false;
  // No climbing out of the directory with encoded dots.
  return !/(^|\/)(\.|%2e){2}(\/|$)/i.test(url.slice(dir.length));
}

/** IPC is answered only for the bundled page's main frame. */
export function isTrustedSenderUrl(url: string | undefined, rendererUrl: string): boolean {
  return typeof url === 'string' && isAllowedNavigation(url, rendererUrl);
}

export interface SecurityTargets {
  app: Pick<App, 'on'>;
  session: Session;
  rendererUrl: string;
  rendererDirUrl: string;
  log?: (message: string) => void;
  /** Opens a link in the user's browser (Electron's shell.openExternal); only isAllowedExternalLink URLs reach it. */
  openExternal?: (url: string) => void;
}

export function installSecurity({ app, session, rendererUrl, rendererDirUrl, log = () => {}, openExternal }: SecurityTargets): void {
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: withCspHeader(details.responseHeaders) });
  });
  session.webRequest.onBeforeRequest((details, callback) => {
    const allowed = isAllowedRequest(details.url, rendererDirUrl);
    if (!allowed) log(`blocked a request to ${details.url.slice(0, 200)}`);
    callback({ cancel: !allowed });
  });
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);

  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event, url) => {
      if (!isAllowedNavigation(url, rendererUrl)) event.preventDefault();
    });
    contents.on('will-redirect', (event, url) => {
      if (!isAllowedNavigation(url, rendererUrl)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(({ url }) => {
      // No new Electron window ever; the console link the page shows opens in the user's browser.
      if (openExternal && isAllowedExternalLink(url)) openExternal(url);
      return { action: 'deny' };
    });
  });
}
