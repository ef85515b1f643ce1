/**
 * One OpenAPI request, start to finish:
 * faults (drop, latency) → Action/Version present → signature → route → access policy →
 * injected failure → throttle → parameters (JSON body, or the query when there is no body) →
 * validation → clock-driven catch-up → handler → persist if it changed anything → envelope.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { setTimeout as delay } from 'node:timers/promises';
import { DEFAULT_REGION, redactAccessKey } from '@volc-speech/client';
import { SignatureMismatch, verifySignature, type PartialScope } from './auth/verifySignature.js';
import { errorBody, newRequestId, sendJson, simpleErrorBody, successBody, topHeaders, type ResponseContext } from './envelope.js';
import { ApiError, gatewayError, invalidParameter, missingParameter } from './errors.js';
import type { Route } from './router.js';
import type { EmulatorRuntime } from './runtime.js';
import { BodyTooLarge, readBody } from './requestBody.js';
import { prepareRequest } from './liveBehaviour.js';
import { StateWriteFailed } from './stateWriter.js';
import { dict } from './state/dict.js';
import { isPlainObject, paramsFromQuery, type Params } from './validate.js';

/** Query keys that are not action parameters. */
const NON_PARAMETER_KEYS: ReadonlySet<string> = new Set(['Action', 'Version']);

/** Every key with all its values, decoded (`+` as space, as form encoding and Python callers mean it). */
export function decodeQuery(search: string): Record<string, string[]> {
  const query = dict<string[]>();
  for (const [key, value] of new URLSearchParams(search)) (query[key] ??= []).push(value);
  return query;
}

function decodePath(pathname: string): string {
  try {
    return decodeURIComponent(pathname);
  } catch {
    return pathname;
  }
}

function parseParams(route: Route, query: Record<string, string[]>, body: Buffer): Params {
  const text = body.toString('utf8');
  if (text.trim() === '') return paramsFromQuery(route.fields, query, NON_PARAMETER_KEYS);
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw invalidParameter('body', 'is not valid JSON');
  }
  if (!isPlainObject(parsed)) throw invalidParameter('body', 'must be a JSON object');
  return parsed;
}

export async function handleApiRequest(req: IncomingMessage, res: ServerResponse, rt: EmulatorRuntime): Promise<void> {
  const started = performance.now();
  rt.requestCount += 1;
  let body: Buffer;
  try {
    body = await readBody(req);
  } catch (error) {
    if (!(error instanceof BodyTooLarge)) {
      // The caller went away or was cut off (request timeout) mid-body: nobody to answer.
      rt.log(`${req.method} ${req.url} → connection lost while reading the body (${error instanceof Error ? error.message : String(error)})`);
      req.socket.destroy();
      return;
    }
    const query = decodeQuery(new URL(req.url ?? '/', 'http://emulator.invalid').search);
    const ctx: ResponseContext = { requestId: newRequestId(rt.now()), action: query['Action']?.[0] ?? '', version: query['Version']?.[0] ?? '', region: DEFAULT_REGION };
    const headers: Record<string, string> = topHeaders(ctx);
    if (error.bodyWithheld) headers['Connection'] = 'close';
    sendJson(res, 413, errorBody(ctx, new ApiError(413, 'RequestEntityTooLarge', error.message)), headers);
    rt.log(`${req.method} ${ctx.action || '?'} → 413 RequestEntityTooLarge`);
    return;
  }

  if (rt.faultInjector.shouldDrop()) {
    rt.log(`${req.method} ${req.url} → dropped (dropRate)`);
    req.socket.destroy();
    return;
  }
  if (rt.faultInjector.latencyMs > 0) await delay(rt.faultInjector.latencyMs);

  const nowMs = rt.now();
  const url = new URL(req.url ?? '/', 'http://emulator.invalid');
  const query = decodeQuery(url.search);
  const ctx: ResponseContext = {
    requestId: newRequestId(nowMs),
    action: query['Action']?.[0] ?? '',
    version: query['Version']?.[0] ?? '',
    region: DEFAULT_REGION,
  };
  let simpleError = rt.faultInjector.simpleError;
  let caller = '-';
  let status = 200;
  try {
    if (!ctx.action) throw missingParameter('Action');
    if (!ctx.version) throw missingParameter('Version');

    const scope: PartialScope = {};
    let verified: ReturnType<typeof verifySignature>;
    try {
      verified = verifySignature(
        { method: req.method ?? 'GET', path: decodePath(url.pathname), query, headers: req.headers, distinctHeaders: req.headersDistinct, body },
        { findAccessKey: (id) => rt.init.accessKeys.find(id), nowMs, windowMs: rt.init.signatureWindowMs },
        scope,
      );
    } finally {
      // Errors echo the region the caller signed for, as successes do.
      if (scope.region) ctx.region = scope.region;
      if (scope.accessKeyId) caller = redactAccessKey(scope.accessKeyId);
    }

    const route = rt.init.router.resolve(ctx.action, ctx.version);
    const allowed = verified.accessKey.allowedActions;
    if (allowed && !allowed.includes(ctx.action)) {
      throw gatewayError('AccessDenied', `User is not authorized to perform: speech_saas_prod:${ctx.action}`);
    }

    const injected = rt.faultInjector.injectedFailure(ctx.action);
    if (injected) {
      simpleError = injected.simpleError;
      throw injected.error;
    }
    rt.faultInjector.throttle(verified.accessKey.accessKeyId, ctx.action, nowMs);

    // The live service's own reactions (liveBehaviour.ts) before and around validation.
    const prepared = prepareRequest(route, parseParams(route, query, body), rt.init.settings);
    const params = prepared.params ?? {};
    // Go's Validate() only checks presence; an empty project name cannot name a project.
    if (params['ProjectName'] === '') throw invalidParameter('ProjectName', 'must not be empty');
    rt.catchUp();
    const result = prepared.answer ?? route.handler(params, {
      state: rt.state,
      nowMs,
      action: ctx.action,
      version: ctx.version,
      accessKeyId: verified.accessKey.accessKeyId,
      settings: rt.init.settings,
      orderThrottle: rt.orderThrottle,
      random: rt.init.idRandom,
    });
    // Answered only once the change is durable (group commit: stateWriter.ts).
    if (route.effect !== 'read') await rt.saved().catch((error: unknown) => Promise.reject(notSaved(error)));
    sendJson(res, 200, route.format === 'envelope' ? successBody(ctx, result) : result, topHeaders(ctx));
  } catch (error) {
    const apiError = error instanceof ApiError ? error : internalError(error, rt);
    status = apiError.httpStatus;
    if (apiError instanceof SignatureMismatch) rt.log(`  canonical request the emulator signed:\n${indent(apiError.canonicalRequest)}`);
    const responseBody = simpleError ? simpleErrorBody(apiError) : errorBody(ctx, apiError);
    sendJson(res, apiError.httpStatus, responseBody, { ...topHeaders(ctx), ...apiError.headers });
    rt.log(`${req.method} ${ctx.action || '?'} ${ctx.version || '?'} → ${status} ${apiError.code} (${Math.round(performance.now() - started)} ms) AK=${caller}`);
    return;
  }
  rt.log(`${req.method} ${ctx.action} ${ctx.version} → ${status} (${Math.round(performance.now() - started)} ms) AK=${caller}`);
}

/** The write holding this request's change failed: the change was undone, the caller is told so. */
function notSaved(error: unknown): unknown {
  if (!(error instanceof StateWriteFailed)) return error;
  return gatewayError('InternalError', `The change was not saved and has been undone: ${error.message}. Nothing changed; check the disk and retry`);
}

function internalError(error: unknown, rt: EmulatorRuntime): ApiError {
  rt.init.log(`emulator internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  return gatewayError('InternalError', 'The emulator failed to handle the request (see its log)');
}

function indent(text: string): string {
  return text
    .split('\n')
    .map((line) => `    ${line}`)
    .join('\n');
}
