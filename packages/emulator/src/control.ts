/**
 * The control endpoint, /__emulator/* (docs/architecture.md): JSON in and out, no signature,
 * never subject to injected faults. Only for programs on this machine: a loopback socket, a
 * loopback Host, no foreign Origin, and POSTs in Content-Type application/json (controlRefusal).
 *
 *   GET  /__emulator/health   → HealthReport
 *   GET  /__emulator/state    → the whole state
 *   POST /__emulator/reset    → back to the seed
 *   GET  /__emulator/faults   → the faults in force
 *   POST /__emulator/faults   { latencyMs?, qps?, errorRate?, dropRate?, failNext?, simpleError? } (null turns one off)
 *   POST /__emulator/usage    { resourceId?, projectName?, amount } and/or { advanceMs } and/or
 *                             { quotaLoad: { percent, quotaType?, resourceId?, projectName?, day? } }
 *   POST /__emulator/voices   { speakerId, state }
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { BodyTooLarge, readBody } from './requestBody.js';
import { sendJson } from './envelope.js';
import { ApiError } from './errors.js';
import type { FaultPatch } from './faults.js';
import { checkAdvanceMs, checkUsageAmount, type EmulatorControl } from './runtime.js';
import { checkQuotaLoad, type QuotaLoadRequest } from './state/usage.js';
import { isPlainObject } from './validate.js';

export const CONTROL_PREFIX = '/__emulator/';

const IPV4_LOOPBACK = /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/;

/** 127.0.0.0/8, ::1, and IPv4 loopback mapped into IPv6 (::ffff:127.x.y.z). */
export function isLoopbackAddress(address: string | undefined): boolean {
  if (!address) return false;
  const lower = address.toLowerCase();
  const v4 = lower.startsWith('::ffff:') ? lower.slice('::ffff:'.length) : lower;
  return lower === '::1' || lower === '0:0:0:0:0:0:0:1' || IPV4_LOOPBACK.test(v4);
}

class ControlError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

type ControlHandler = (body: Record<string, unknown>, control: EmulatorControl) => unknown;

function quotaLoadRequest(value: unknown): QuotaLoadRequest {
  if (!isPlainObject(value)) throw new ControlError(400, 'quotaLoad must be an object { percent, quotaType?, resourceId?, projectName?, day? }');
  const req: QuotaLoadRequest = { percent: value['percent'] as number };
  for (const key of ['quotaType', 'resourceId', 'projectName', 'day'] as const) {
    const field = value[key];
    if (field === undefined) continue;
    if (typeof field !== 'string') throw new ControlError(400, `quotaLoad.${key} must be a string`);
    req[key] = field;
  }
  return req;
}

const ROUTES: Readonly<Record<string, Partial<Record<'GET' | 'POST', ControlHandler>>>> = {
  health: { GET: (_b, c) => c.health() },
  state: { GET: (_b, c) => c.snapshot() },
  reset: {
    POST: (_b, c) => {
      c.reset();
      return { ok: true };
    },
  },
  faults: {
    GET: (_b, c) => ({ ok: true, faults: c.faults() }),
    POST: (body, c) => ({ ok: true, faults: c.setFaults(body as FaultPatch) }),
  },
  usage: {
    POST: (body, c) => {
      const hasAmount = body['amount'] !== undefined;
      const hasAdvance = body['advanceMs'] !== undefined;
      const quotaLoad = body['quotaLoad'];
      if (!hasAmount && !hasAdvance && quotaLoad === undefined) {
        throw new ControlError(400, 'Send { amount, resourceId? }, { advanceMs } or { quotaLoad: { percent, quotaType?, resourceId? } }');
      }
      // Every part is checked before any is applied: a refused call changes nothing.
      const quotaReq = quotaLoad === undefined ? undefined : quotaLoadRequest(quotaLoad);
      const amount = hasAmount ? checkUsageAmount(body['amount']) : undefined;
      const advanceMs = hasAdvance ? checkAdvanceMs(body['advanceMs']) : undefined;
      if (quotaReq) checkQuotaLoad(quotaReq);
      const out: Record<string, unknown> = { ok: true };
      if (amount !== undefined) {
        const req: { amount: number; resourceId?: string; projectName?: string } = { amount };
        if (typeof body['resourceId'] === 'string') req.resourceId = body['resourceId'];
        if (typeof body['projectName'] === 'string') req.projectName = body['projectName'];
        out['added'] = c.addUsage(req);
      }
      if (advanceMs !== undefined) out['advanced'] = c.advanceUsage(advanceMs);
      if (quotaReq) out['quotaLoad'] = c.setQuotaLoad(quotaReq);
      return out;
    },
  },
  voices: {
    POST: (body, c) => {
      const { speakerId, state } = body;
      if (typeof speakerId !== 'string' || typeof state !== 'string') throw new ControlError(400, 'Send { speakerId, state }');
      const voice = c.setVoiceState(speakerId, state);
      if (!voice) throw new ControlError(404, `No cloned voice ${speakerId}`);
      return { ok: true, voice };
    },
  },
};

/** `127.x.y.z`, `localhost`, `[::1]` (with or without a port): names that can only mean this machine. */
export function isLoopbackHost(host: string | undefined): boolean {
  if (!host) return false;
  const match = /^(\[[^\]]*\]|[^:]*)(?::(\d{1,5}))?$/.exec(host.trim().toLowerCase());
  if (!match) return false;
  const name = (match[1] as string).replace(/^\[(.*)\]$/, '$1');
  return name === 'localhost' || isLoopbackAddress(name);
}

/** An `Origin` of a page served from this machine (`http(s)://127.0.0.1:…`, `localhost`, `[::1]`). */
export function isLoopbackOrigin(origin: string): boolean {
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false;
  }
  return (url.protocol === 'http:' || url.protocol === 'https:') && isLoopbackHost(url.host);
}

/**
 * Why a request may not use the control endpoint, or undefined. Loopback is not enough: a web
 * page in the user's browser is also a loopback client. So the Host must name this machine (a
 * DNS-rebound name does not), a browser's Origin must be a local page, and a POST must say it
 * sends JSON, which a cross-origin page cannot do without a preflight this endpoint never grants.
 */
export function controlRefusal(req: IncomingMessage): { status: number; error: string } | undefined {
  if (!isLoopbackAddress(req.socket.remoteAddress)) return { status: 403, error: 'The emulator control endpoint only answers loopback clients' };
  const hosts = req.headersDistinct['host'] ?? [];
  if (hosts.length !== 1 || !isLoopbackHost(hosts[0])) {
    return { status: 403, error: `The emulator control endpoint only answers requests whose Host is a loopback name (127.0.0.1, localhost, [::1]); got ${JSON.stringify(hosts.join(', '))}` };
  }
  const origins = req.headersDistinct['origin'];
  if (origins && (origins.length !== 1 || !isLoopbackOrigin(origins[0] as string))) {
    return { status: 403, error: `The emulator control endpoint does not answer web pages from other origins; got Origin ${JSON.stringify(origins.join(', '))}` };
  }
  if (req.method === 'POST') {
    const types = req.headersDistinct['content-type'] ?? [];
    const mediaType = types.length === 1 ? (types[0] as string).split(';')[0]?.trim().toLowerCase() : undefined;
    if (mediaType !== 'application/json') {
      return { status: 415, error: `Send the control request with Content-Type: application/json (got ${types.length ? JSON.stringify(types.join(', ')) : 'none'})` };
    }
  }
  return undefined;
}

export async function handleControlRequest(req: IncomingMessage, res: ServerResponse, control: EmulatorControl): Promise<void> {
  const refusal = controlRefusal(req);
  if (refusal) {
    sendJson(res, refusal.status, { ok: false, error: refusal.error });
    return;
  }
  try {
    const name = new URL(req.url ?? '/', 'http://emulator.invalid').pathname.slice(CONTROL_PREFIX.length);
    const methods = Object.hasOwn(ROUTES, name) ? ROUTES[name] : undefined;
    if (!methods) throw new ControlError(404, `Unknown control endpoint ${CONTROL_PREFIX}${name}; known: ${Object.keys(ROUTES).join(', ')}`);
    const handler = methods[req.method as 'GET' | 'POST'];
    if (!handler) throw new ControlError(405, `${CONTROL_PREFIX}${name} accepts ${Object.keys(methods).join(', ')}`);
    const text = (await readBody(req)).toString('utf8');
    let body: unknown = {};
    if (text.trim() !== '') {
      try {
        body = JSON.parse(text);
      } catch {
        throw new ControlError(400, 'The body is not valid JSON');
      }
    }
    if (!isPlainObject(body)) throw new ControlError(400, 'The body must be a JSON object');
    const answer = handler(body, control);
    // A change is answered once it is on disk (at once without a state file).
    if (req.method === 'POST') await control.saved();
    sendJson(res, 200, answer);
  } catch (error) {
    const status =
      error instanceof ControlError ? error.status : error instanceof BodyTooLarge ? 413 : error instanceof TypeError || error instanceof ApiError ? 400 : 500;
    // StateWriteFailed (a 500): the change was undone, its message says which file failed and why.
    sendJson(res, status, { ok: false, error: error instanceof Error ? error.message : String(error) });
  }
}
