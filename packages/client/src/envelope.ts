/**
 * Reads a gateway response into a result or a `VolcSpeechError`.
 *
 * The gateway can fail in four shapes, and all four must become the same error type:
 * 1. the documented envelope with `ResponseMetadata.Error` — at any HTTP status, 200 included;
 * 2. the Go SDK's "simple error" body `{"HTTPCode":…,"errorcode":"…","message":"…"}`;
 * 3. a non-JSON or foreign body (a proxy's HTML 502, an empty 504);
 * 4. a 2xx that is not an envelope at all (a wrong endpoint).
 * Void actions may answer `Result: {}`, `null` or nothing (unknowns.ts VOID_RESULT_ON_WIRE): all give `{}`.
 */
import type { ResponseMetadata } from './types/results.js';
import { VolcSpeechError } from './errors.js';
import { parseRetryAfter } from './retryPolicy.js';

export interface HeaderLookup {
  get(name: string): string | null;
}

export interface RawResponse {
  status: number;
  headers: HeaderLookup;
  bodyText: string;
}

export interface ParseContext {
  /** For `Retry-After` given as an HTTP date. */
  nowMs: number;
  /** Applied to every text that came from the wire (redacts echoed access keys). */
  redact?: (text: string) => string;
  /** Redacted access key for the InvalidAccessKey hint. */
  accessKeyHint?: string;
}

export interface ParsedResponse {
  result: Record<string, unknown>;
  requestId?: string;
  metadata?: Partial<ResponseMetadata>;
}

const EXCERPT_CHARS = 200;

export function bodyExcerpt(bodyText: string): string {
  const flat = bodyText.replace(/\s+/g, ' ').trim();
  if (!flat) return '(empty body)';
  return flat.length > EXCERPT_CHARS ? `${flat.slice(0, EXCERPT_CHARS)}…` : flat;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function nonEmptyString(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/**
 * A JSON value from the wire as text. Not String(value): an object such as `{"toString": ""}`
 * cannot be converted that way (TypeError), and `[object Object]` would say nothing.
 */
function wireText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value) ?? '';
}

/** Go unmarshals case-insensitively, so the simple error's keys are matched that way too. */
function readSimpleError(body: Record<string, unknown>): { httpCode?: number; code: string; message: string } | undefined {
  const byLower = new Map(Object.entries(body).map(([k, v]) => [k.toLowerCase(), v]));
  const code = byLower.get('errorcode');
  const httpCode = byLower.get('httpcode');
  const message = byLower.get('message');
  if (code === undefined && httpCode === undefined) return undefined;
  const parsed: { httpCode?: number; code: string; message: string } = {
    code: code === undefined || code === null || code === '' ? 'UnknownError' : wireText(code),
    message: typeof message === 'string' ? message : '',
  };
  // Number() of an object or array would call its (wire-supplied) toString: numbers and numeric text only.
  const httpNumber = typeof httpCode === 'number' ? httpCode : typeof httpCode === 'string' ? Number(httpCode) : Number.NaN;
  if (Number.isInteger(httpNumber) && httpNumber > 0) parsed.httpCode = httpNumber;
  return parsed;
}

export function parseActionResponse(action: string, response: RawResponse, context: ParseContext): ParsedResponse {
  const redact = context.redact ?? ((text: string) => text);
  const { status } = response;
  const is2xx = status >= 200 && status < 300;
  const headerRequestId = nonEmptyString(response.headers.get('x-top-request-id'));
  const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'), context.nowMs);

  const fail = (init: { kind: 'service' | 'protocol'; code: string; message: string; httpStatus?: number; codeN?: number; requestId?: string }) =>
    new VolcSpeechError({
      action,
      kind: init.kind,
      code: init.code,
      serviceMessage: redact(init.message),
      ...(init.httpStatus !== undefined ? { httpStatus: init.httpStatus } : {}),
      ...(init.codeN !== undefined ? { codeN: init.codeN } : {}),
      ...(init.requestId !== undefined ? { requestId: init.requestId } : {}),
      ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
      ...(context.accessKeyHint !== undefined ? { accessKeyHint: context.accessKeyHint } : {}),
    });

  let body: unknown;
  try {
    body = JSON.parse(response.bodyText);
  } catch {
    throw fail({
      kind: 'protocol',
      code: is2xx ? 'InvalidResponse' : 'UnexpectedResponse',
      message: `the body is not JSON: ${bodyExcerpt(response.bodyText)}`,
      httpStatus: status,
      ...(headerRequestId ? { requestId: headerRequestId } : {}),
    });
  }

  if (!isRecord(body)) {
    throw fail({
      kind: 'protocol',
      code: is2xx ? 'InvalidResponse' : 'UnexpectedResponse',
      message: `the body is not a JSON object: ${bodyExcerpt(response.bodyText)}`,
      httpStatus: status,
      ...(headerRequestId ? { requestId: headerRequestId } : {}),
    });
  }

  const metadata = body['ResponseMetadata'];
  if (!isRecord(metadata)) {
    const simple = readSimpleError(body);
    if (simple) {
      throw fail({
        kind: 'service',
        code: simple.code,
        message: simple.message,
        // A simple error inside a 2xx still names the status the gateway meant.
        httpStatus: is2xx && simple.httpCode !== undefined ? simple.httpCode : status,
        ...(headerRequestId ? { requestId: headerRequestId } : {}),
      });
    }
    throw fail({
      kind: 'protocol',
      code: is2xx ? 'InvalidResponse' : 'UnexpectedResponse',
      message: `no ResponseMetadata in the body: ${bodyExcerpt(response.bodyText)}`,
      httpStatus: status,
      ...(headerRequestId ? { requestId: headerRequestId } : {}),
    });
  }

  const requestId = nonEmptyString(metadata['RequestId']) ?? headerRequestId;
  const error = metadata['Error'];
  if (isRecord(error) && (error['Code'] !== undefined || error['Message'] !== undefined || error['CodeN'] !== undefined)) {
    const codeN = typeof error['CodeN'] === 'number' ? error['CodeN'] : undefined;
    throw fail({
      kind: 'service',
      code: nonEmptyString(error['Code']) ?? 'UnknownError',
      message: typeof error['Message'] === 'string' ? error['Message'] : '',
      httpStatus: status,
      ...(codeN !== undefined && codeN !== 0 ? { codeN } : {}),
      ...(requestId ? { requestId } : {}),
    });
  }

  if (!is2xx) {
    throw fail({
      kind: 'protocol',
      code: 'UnexpectedResponse',
      message: `HTTP ${status} without an Error in ResponseMetadata: ${bodyExcerpt(response.bodyText)}`,
      httpStatus: status,
      ...(requestId ? { requestId } : {}),
    });
  }

  const result = body['Result'];
  if (result !== undefined && result !== null && !isRecord(result)) {
    throw fail({
      kind: 'protocol',
      code: 'InvalidResponse',
      message: `Result is not an object: ${bodyExcerpt(JSON.stringify(result))}`,
      httpStatus: status,
      ...(requestId ? { requestId } : {}),
    });
  }

  const parsed: ParsedResponse = { result: result ?? {}, metadata: metadata as Partial<ResponseMetadata> };
  if (requestId) parsed.requestId = requestId;
  return parsed;
}
