/**
 * The response envelope (contract §1.4): `ResponseMetadata` plus `Result`, or plus `Error`
 * and no Result. The same RequestId, service and region go into the `X-Top-*` headers, as the
 * gateway mirrors them. Void actions answer `Result: {}` (unknowns.ts VOID_RESULT_ON_WIRE).
 */
import { randomBytes } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { SERVICE_NAME, VOID_RESULT_ON_WIRE } from '@volc-speech/client';
import type { ApiError } from './errors.js';
import { beijingParts } from './state/time.js';

export interface ResponseContext {
  requestId: string;
  action: string;
  version: string;
  region: string;
}

/** `YYYYMMDDhhmmss` (Beijing time, as the documented example reads) followed by 20 upper-case hex digits. */
export function newRequestId(nowMs: number): string {
  const p = beijingParts(nowMs);
  const stamp = `${p.year}${pad2(p.month)}${pad2(p.day)}${pad2(p.hour)}${pad2(p.minute)}${pad2(p.second)}`;
  return stamp + randomBytes(10).toString('hex').toUpperCase();
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

export function responseMetadata(ctx: ResponseContext): Record<string, unknown> {
  return { RequestId: ctx.requestId, Action: ctx.action, Version: ctx.version, Service: SERVICE_NAME, Region: ctx.region };
}

export function successBody(ctx: ResponseContext, result: unknown): Record<string, unknown> {
  return { ResponseMetadata: responseMetadata(ctx), Result: result ?? { ...VOID_RESULT_ON_WIRE } };
}

export function errorBody(ctx: ResponseContext, error: ApiError): Record<string, unknown> {
  const body: Record<string, unknown> = { Code: error.code };
  if (error.codeN !== undefined) body['CodeN'] = error.codeN;
  body['Message'] = error.message;
  return { ResponseMetadata: { ...responseMetadata(ctx), Error: body } };
}

/** The Go SDK's fallback body when ResponseMetadata is absent (volcenginequery/unmarshal_error.go); a fault mode only. */
export function simpleErrorBody(error: ApiError): Record<string, unknown> {
  return { HTTPCode: error.httpStatus, errorcode: error.code, message: error.message };
}

export function topHeaders(ctx: ResponseContext): Record<string, string> {
  return { 'X-Top-Request-Id': ctx.requestId, 'X-Top-Service': SERVICE_NAME, 'X-Top-Region': ctx.region };
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': String(Buffer.byteLength(text)),
    ...headers,
  });
  res.end(text);
}
