/**
 * What the client reports through `onEvent`, for logging and progress displays.
 * Events carry no secret: no secret key, no session token, no signature, and the access
 * key only in its redacted form.
 */
import type { VolcSpeechErrorKind } from './errors.js';

export interface RequestEvent {
  type: 'request';
  action: string;
  /** 1 for the first try. */
  attempt: number;
  method: string;
  url: string;
  /** Redacted, e.g. `AKLT****wxyz`. */
  accessKey: string;
}

export interface ResponseEvent {
  type: 'response';
  action: string;
  attempt: number;
  httpStatus: number;
  requestId?: string;
  durationMs: number;
}

export interface RetryEvent {
  type: 'retry';
  action: string;
  /** The attempt that failed. */
  attempt: number;
  delayMs: number;
  reason: string;
  code: string;
  httpStatus?: number;
  requestId?: string;
}

export interface ErrorEvent {
  type: 'error';
  action: string;
  attempt: number;
  kind: VolcSpeechErrorKind;
  code: string;
  httpStatus?: number;
  requestId?: string;
  message: string;
  /** Why no further attempt was made. */
  reason: string;
}

export type ClientEvent = RequestEvent | ResponseEvent | RetryEvent | ErrorEvent;
