/**
 * The browser preview: the popover page plus the HTTP side of its bridge, on loopback.
 *
 *   node dist/preview/server.js [--port 5174]      (or PORT=…; npm run preview -w @volc-speech/tray)
 *
 * It serves dist/renderer/ and answers /api/* with a real TrayCore (in-memory settings and
 * secrets, an embedded emulator), so anyone without Electron sees the real app, and the
 * Chromium tests drive the same page Electron shows. node:http only.
 */
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { readFile, realpath } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { TrayBridge } from '../shared/bridge.js';
import { invokeOperation, validateInvokeArgs } from '../shared/ipc.js';
import { API_PREFIX, EVENTS_PATH, isInvokeOperation } from '../renderer/httpBridgeProtocol.js';
import { createPreviewCore, type PreviewCore, type PreviewCoreOptions } from './previewCore.js';

export const DEFAULT_PREVIEW_PORT = 5174;

export interface PreviewServerOptions {
  /** 0 picks a free port. Default 5174. */
  port?: number;
  /** Loopback only by default; the bridge can pause production services. */
  host?: string;
  /** A bridge to serve as it is (the caller owns it). Default: a TrayCore the server builds and stops. */
  core?: TrayBridge;
  /** How to build that TrayCore: in-memory settings and secrets, the embedded emulator unless a profile says otherwise. */
  coreOptions?: PreviewCoreOptions;
  /** Where index.html, styles.css and app.js are. Default: the built dist/renderer/. */
  staticDir?: string;
  /** Heartbeat of the event stream, so proxies and the browser keep it open. */
  heartbeatMs?: number;
}

export interface PreviewServer {
  url: string;
  port: number;
  core: TrayBridge;
  close(): Promise<void>;
}

const CONTENT_SECURITY_POLICY =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
};

const MAX_BODY_BYTES = 64 * 1024;

/** The core's refusals of a well-formed call, by error code: said as what they are, not as a server fault. */
const REFUSAL_STATUS: ReadonlyMap<string, number> = new Map([
  // A pause or resume without the user's confirmation (no token, a used, expired or foreign one).
  ['ConfirmationRequired', 403],
  ['UnknownProfile', 404],
  // A changed endpoint without the secret typed again; plain http to a remote host.
  ['SecretNeededForEndpoint', 400],
  ['InsecureEndpoint', 400],
]);

/** dist/preview/server.js serves dist/renderer/; run from source (tests), it looks for the built page. */
export function defaultStaticDir(): string {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const candidates = [path.resolve(here, '../renderer'), path.resolve(here, '../../dist/renderer')];
  return candidates.find((dir) => existsSync(path.join(dir, 'app.js'))) ?? candidates[0]!;
}

export async function startPreviewServer(options: PreviewServerOptions = {}): Promise<PreviewServer> {
  const host = options.host ?? '127.0.0.1';
  const staticDir = await realpath(options.staticDir ?? defaultStaticDir()).catch(() => path.resolve(options.staticDir ?? defaultStaticDir()));
  let ownedCore: PreviewCore | null = null;
  const core = options.core ?? (ownedCore = await createPreviewCore(options.coreOptions));
  const heartbeatMs = options.heartbeatMs ?? 15_000;
  const streams = new Set<ServerResponse>();
  let port = 0;

  const server: Server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      if (!response.headersSent) sendJson(response, 500, { error: { message: messageOf(error) } });
      else response.destroy();
    });
  });

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    setCommonHeaders(response);
    // DNS rebinding: a page on another name resolving to 127.0.0.1 must not reach the bridge.
    if (!isLoopbackHost(request.headers.host, port)) return sendText(response, 403, 'Forbidden host: use the address the preview printed (127.0.0.1, localhost or [::1]).');
    const pathname = requestPath(request.url);
    if (pathname === null) return sendText(response, 400, 'Malformed path');

    if (pathname === EVENTS_PATH || pathname.startsWith(API_PREFIX)) {
      // Only the page this server serves may use the bridge: no other site's page (its Origin says so).
      const origin = request.headers.origin;
      if (origin !== undefined && origin !== `http://${request.headers.host}`) {
        return sendJson(response, 403, { error: { message: `Cross-origin call refused: ${API_PREFIX}* answers only the preview's own page (Origin http://${request.headers.host}).` } });
      }
    }
    if (pathname === EVENTS_PATH) {
      if (request.method !== 'GET') return sendText(response, 405, 'Method not allowed');
      return openEventStream(request, response);
    }
    if (pathname.startsWith(API_PREFIX)) {
      if (request.method !== 'POST') return sendJson(response, 405, { error: { message: 'POST only' } });
      return answerCall(pathname.slice(API_PREFIX.length), request, response);
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') return sendText(response, 405, 'Method not allowed');
    const relative = staticPath(pathname);
    if (relative === null) return sendText(response, 400, 'Malformed path');
    return serveStatic(relative, request, response);
  }

  async function answerCall(method: string, request: IncomingMessage, response: ServerResponse): Promise<void> {
    if (!isInvokeOperation(method)) return sendJson(response, 404, { error: { message: `No bridge call ${method}` } });
    // A cross-site form or fetch cannot send application/json without a preflight we never grant.
    if (!(request.headers['content-type'] ?? '').startsWith('application/json')) {
      return sendJson(response, 415, { error: { message: 'Content-Type must be application/json' } });
    }
    let body: unknown;
    try {
      body = JSON.parse(await readBody(request));
    } catch (error) {
      const status = error instanceof BodyTooLargeError ? 413 : 400;
      return sendJson(response, status, { error: { message: status === 413 ? messageOf(error) : 'The body must be JSON' } });
    }
    // The same checks Electron's main applies to every IPC message.
    const args = validateInvokeArgs(method, body);
    if (!args.ok) return sendJson(response, 400, { error: { message: `${method}: ${args.error}` } });
    try {
      const result = await invokeOperation(core, method, args.value);
      sendJson(response, 200, { result: result ?? null });
    } catch (error) {
      const code = (error as { code?: unknown } | null)?.code;
      const status = typeof code === 'string' ? (REFUSAL_STATUS.get(code) ?? 500) : 500;
      sendJson(response, status, { error: status === 500 ? { message: messageOf(error) } : { message: messageOf(error), code } });
    }
  }

  async function openEventStream(request: IncomingMessage, response: ServerResponse): Promise<void> {
    response.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      Connection: 'keep-alive',
    });
    response.write('retry: 1000\n\n');
    streams.add(response);
    const send = (event: string, payload: unknown): void => {
      if (!response.writableEnded) response.write(`event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`);
    };
    const offSnapshot = core.onSnapshot((snapshot) => send('snapshot', snapshot));
    const offNotification = core.onNotification((notification) => send('notification', notification));
    const heartbeat = setInterval(() => response.write(': keep-alive\n\n'), heartbeatMs);
    const cleanup = (): void => {
      clearInterval(heartbeat);
      offSnapshot();
      offNotification();
      streams.delete(response);
    };
    request.on('close', cleanup);
    response.on('close', cleanup);
    // The current state at once, so a page that (re)connects is never blank.
    try {
      send('snapshot', await core.getSnapshot());
    } catch {
      // The next pushed snapshot will do.
    }
  }

  /** `relative`: a checked, decoded path (staticPath). */
  async function serveStatic(relative: string, request: IncomingMessage, response: ServerResponse): Promise<void> {
    const file = path.resolve(staticDir, `.${relative}`);
    if (!file.startsWith(staticDir + path.sep)) return sendText(response, 404, 'Not found');
    const type = CONTENT_TYPES[path.extname(file).toLowerCase()];
    if (!type) return sendText(response, 404, 'Not found');
    let body: Buffer;
    try {
      body = await readFile(file);
    } catch {
      return sendText(response, 404, relative === '/index.html' ? 'The page is not built: run the tray build first.' : 'Not found');
    }
    response.writeHead(200, { 'Content-Type': type, 'Content-Length': body.length, 'Cache-Control': 'no-store' });
    response.end(request.method === 'HEAD' ? undefined : body);
  }

  server.listen(options.port ?? DEFAULT_PREVIEW_PORT, host);
  try {
    await once(server, 'listening');
  } catch (error) {
    await ownedCore?.close();
    throw error;
  }
  port = (server.address() as AddressInfo).port;
  const displayHost = host.includes(':') ? `[${host}]` : host;

  return {
    url: `http://${displayHost}:${port}/`,
    port,
    core,
    async close() {
      for (const stream of streams) stream.end();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await ownedCore?.close();
    },
  };
}

/** Longest request path served; the page's own paths are a few dozen characters. */
const MAX_PATH_LENGTH = 1024;

/**
 * The path of a request target, undecoded, or null when it is not one: empty, not starting
 * with `/` (absolute and authority forms), overlong, or with characters a URL never has raw.
 */
export function requestPath(target: string | undefined): string | null {
  if (!target || !target.startsWith('/') || target.length > MAX_PATH_LENGTH) return null;
  if (/[\u0000-\u0020\u007f-\uffff\\]/.test(target)) return null;
  const end = target.search(/[?#]/);
  return end === -1 ? target : target.slice(0, end);
}

/**
 * A static file's path, decoded and checked, or null for a malformed one: bad or overlong
 * percent-encoding (`%E0%A4%A`, `%C0%AE`), an encoded `/`, `\` or NUL, a `.` or `..` segment.
 * `/` is index.html.
 */
export function staticPath(pathname: string): string | null {
  if (pathname === '/') return '/index.html';
  if (/%(2f|5c|00)/i.test(pathname)) return null;
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  if (/[\u0000-\u001f\u007f\\]/.test(decoded)) return null;
  const segments = decoded.split('/').slice(1);
  if (segments.some((segment) => segment === '.' || segment === '..')) return null;
  return decoded;
}

function isLoopbackHost(hostHeader: string | undefined, port: number): boolean {
  if (!hostHeader) return false;
  return ['127.0.0.1', 'localhost', '[::1]'].some((name) => hostHeader === `${name}:${port}`);
}

function setCommonHeaders(response: ServerResponse): void {
  response.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY);
  response.setHeader('X-Content-Type-Options', 'nosniff');
  response.setHeader('Referrer-Policy', 'no-referrer');
  response.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
}

class BodyTooLargeError extends Error {}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new BodyTooLargeError('Request body too large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8') || '[]';
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  response.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  response.end(text);
}

function sendText(response: ServerResponse, status: number, text: string): void {
  response.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8' });
  response.end(text);
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** `--port 8080`, `--port=8080`, or PORT. */
export function portFromArgs(argv: readonly string[], env: NodeJS.ProcessEnv): number {
  let raw: string | undefined = env.PORT;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--port') raw = argv[i + 1];
    else if (arg.startsWith('--port=')) raw = arg.slice('--port='.length);
  }
  if (raw === undefined || raw === '') return DEFAULT_PREVIEW_PORT;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`Invalid port: ${raw}`);
  return port;
}

async function main(): Promise<void> {
  const port = portFromArgs(process.argv.slice(2), process.env);
  const core = await createPreviewCore();
  const preview = await startPreviewServer({ port, core }).catch(async (error: unknown) => {
    await core.close();
    throw error;
  });
  // The first poll starts the embedded emulator; its control endpoint lets you play with the figures.
  await core.refresh().catch(() => undefined);
  const emulator = await core.runningEmulator();
  console.log(`Tray preview: ${preview.url}`);
  if (emulator) {
    console.log(`Embedded emulator: ${emulator.url}  (e.g. curl -XPOST -H 'Content-Type: application/json' ${emulator.url}/__emulator/usage -d '{"amount":1000000}')`);
  }
  console.log('Backed by the real tray core (settings and keychain kept in memory). Ctrl+C to stop.');
  const stop = (): void => {
    void preview
      .close()
      .then(() => core.close())
      .then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    console.error(`Preview failed to start: ${messageOf(error)}`);
    process.exit(1);
  });
}
