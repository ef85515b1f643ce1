import { describe, expect, it } from 'vitest';
import {
  CONTENT_SECURITY_POLICY,
  installSecurity,
  isAllowedNavigation,
  isAllowedRequest,
  isTrustedSenderUrl,
  withCspHeader,
} from '../../src/main/security.js';
import { ACCESS_KEY_CONSOLE_URL, isAllowedExternalLink } from '../../src/shared/externalLinks.js';
import { popoverPosition, popoverWindowOptions, POPOVER_SIZE } from '../../src/main/windowManager.js';

describe('popoverWindowOptions', () => {
  it('locks the renderer down', () => {
    const options = popoverWindowOptions({ preloadPath: '/app/dist/preload/preload.cjs' });
    expect(options.webPreferences).toEqual({
      preload: '/app/dist/preload/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      experimentalFeatures: false,
      spellcheck: false,
      devTools: false,
    });
  });

  it('is a small frameless popover that starts hidden and stays off the taskbar', () => {
    const options = popoverWindowOptions({ preloadPath: 'p', devTools: true });
    expect(options).toMatchObject({ width: POPOVER_SIZE.width, height: POPOVER_SIZE.height, show: false, frame: false, resizable: false, skipTaskbar: true });
    expect(options.webPreferences!.devTools).toBe(true);
    expect(options.webPreferences!.preload).toBe('p');
  });
});

describe('popoverPosition', () => {
  const size = { width: 380, height: 560 };
  const workArea = { x: 0, y: 25, width: 1440, height: 875 };

  it('opens under a tray icon at the top, centred on it', () => {
    expect(popoverPosition({ x: 1000, y: 0, width: 22, height: 22 }, size, workArea)).toEqual({ x: 821, y: 26 });
  });

  it('opens above a tray icon at the bottom (Windows)', () => {
    const bottom = { x: 0, y: 0, width: 1920, height: 1040 };
    expect(popoverPosition({ x: 1800, y: 1045, width: 24, height: 30 }, size, bottom)).toEqual({ x: 1540, y: 480 });
  });

  it('falls back to the top-right corner when the tray has no bounds (Linux)', () => {
    expect(popoverPosition({ x: 0, y: 0, width: 0, height: 0 }, size, workArea)).toEqual({ x: 1060, y: 25 });
    expect(popoverPosition(undefined, size, workArea)).toEqual({ x: 1060, y: 25 });
  });
});

describe('security policy', () => {
  const rendererUrl = 'file:///app/dist/renderer/index.html';
  const dirUrl = 'file:///app/dist/renderer';

  it('sets the strict CSP header and drops any other', () => {
    expect(CONTENT_SECURITY_POLICY).toBe("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'");
    const headers = withCspHeader({ 'content-security-policy': ["default-src *"], 'Content-Type': 'text/html' });
    expect(headers).toEqual({ 'Content-Type': ['text/html'], 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] });
  });

  it('allows navigation only to the bundled page', () => {
    expect(isAllowedNavigation(rendererUrl, rendererUrl)).toBe(true);
    expect(isAllowedNavigation(`${rendererUrl}#settings`, rendererUrl)).toBe(true);
    expect(isAllowedNavigation('https://evil.example/', rendererUrl)).toBe(false);
    expect(isAllowedNavigation('file:///etc/passwd', rendererUrl)).toBe(false);
    expect(isAllowedNavigation('file:///app/dist/renderer/other.html', rendererUrl)).toBe(false);
  });

  it('allows requests only to the bundled files (no remote content, no escaping the folder)', () => {
    expect(isAllowedRequest('file:///app/dist/renderer/app.js', dirUrl)).toBe(true);
    expect(isAllowedRequest('data:image/png;base64,AAAA', dirUrl)).toBe(true);
    expect(isAllowedRequest('https://cdn.example/x.js', dirUrl)).toBe(false);
    expect(isAllowedRequest('http://127.0.0.1:5174/api', dirUrl)).toBe(false);
    expect(isAllowedRequest('file:///app/dist/renderer/../main/main.js', dirUrl)).toBe(false);
    expect(isAllowedRequest('file:///app/dist/renderer/%2e%2e/main/main.js', dirUrl)).toBe(false);
    expect(isAllowedRequest('file:///app/dist/renderer-evil/x.js', dirUrl)).toBe(false);
    expect(isAllowedRequest('data:text/html,<script>', dirUrl)).toBe(false);
  });

  it('answers IPC only from the bundled page', () => {
    expect(isTrustedSenderUrl(rendererUrl, rendererUrl)).toBe(true);
    expect(isTrustedSenderUrl('https://evil.example/', rendererUrl)).toBe(false);
    expect(isTrustedSenderUrl(undefined, rendererUrl)).toBe(false);
  });
});

describe('links out of the app', () => {
  it('opens only the console link in the browser, and never a new Electron window', () => {
    const handlers: Array<(details: { url: string }) => { action: string }> = [];
    const opened: string[] = [];
    let created: ((event: unknown, contents: unknown) => void) | undefined;
    const app = { on: (_name: string, listener: (event: unknown, contents: unknown) => void) => (created = listener) };
    const session = {
      webRequest: { onHeadersReceived: () => {}, onBeforeRequest: () => {} },
      setPermissionRequestHandler: () => {},
      setPermissionCheckHandler: () => {},
    };
    installSecurity({
      app: app as never,
      session: session as never,
      rendererUrl: 'file:///app/dist/renderer/index.html',
      rendererDirUrl: 'file:///app/dist/renderer',
      openExternal: (url) => opened.push(url),
    });
    created!({}, { on: () => {}, setWindowOpenHandler: (h: (details: { url: string }) => { action: string }) => handlers.push(h) });
    expect(handlers).toHaveLength(1);
    expect(handlers[0]!({ url: ACCESS_KEY_CONSOLE_URL })).toEqual({ action: 'deny' });
    expect(handlers[0]!({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
    expect(handlers[0]!({ url: `${ACCESS_KEY_CONSOLE_URL}?next=https://evil.example/` })).toEqual({ action: 'deny' });
    expect(opened).toEqual([ACCESS_KEY_CONSOLE_URL]);
    expect(isAllowedExternalLink('javascript:alert(1)')).toBe(false);
  });
});
