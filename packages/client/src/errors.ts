/**
 * The one error type the client throws, and the advice that goes with each failure.
 *
 * Every failure, from a missing field to an HTTP 503, becomes a `VolcSpeechError` whose
 * message names the action, the HTTP status, the code, the service's message, the
 * RequestId (what Volcengine support asks for) and a hint saying what to do next.
 */
import { SERVICE_NAME } from './actions/actionTable.js';
import { redactAccessKey } from './credentials.js';

export type VolcSpeechErrorKind = 'service' | 'network' | 'timeout' | 'aborted' | 'validation' | 'credentials' | 'protocol';

export interface VolcSpeechErrorInit {
  action: string;
  kind: VolcSpeechErrorKind;
  code: string;
  serviceMessage: string;
  httpStatus?: number;
  codeN?: number;
  requestId?: string;
  /** Defaults to what the kind/status/code imply (see `isTransient`). */
  retryable?: boolean;
  /** Defaults to `hintFor(...)`. */
  hint?: string;
  /** The request field at fault (validation errors), e.g. `Configurations[0].Quantity`. */
  field?: string;
  /** From a `Retry-After` header, already converted to milliseconds. */
  retryAfterMs?: number;
  /** Redacted access key, shown in credential hints. */
  accessKeyHint?: string;
  cause?: unknown;
}

export class VolcSpeechError extends Error {
  static {
    // On the prototype (not a field) so the stack header already says VolcSpeechError.
    Object.defineProperty(this.prototype, 'name', { value: 'VolcSpeechError', writable: true, configurable: true });
  }
  readonly action: string;
  readonly kind: VolcSpeechErrorKind;
  /** Service code (`SignatureDoesNotMatch`), network errno (`ECONNREFUSED`) or a client code (`MissingParameter`). */
  readonly code: string;
  readonly codeN?: number;
  readonly httpStatus?: number;
  /** The service's own message (access keys redacted), or the client's description. */
  readonly serviceMessage: string;
  readonly requestId?: string;
  /**
   * True when repeating the same call may succeed and is safe. The client sets it to false
   * for a write, disruptive or spending call that may have reached the service.
   */
  readonly retryable: boolean;
  /** What to do next. */
  readonly hint: string;
  readonly field?: string;
  readonly retryAfterMs?: number;

  constructor(init: VolcSpeechErrorInit) {
    const retryable = init.retryable ?? isTransient(init.kind, init.httpStatus, init.code);
    const hint = init.hint ?? hintFor(init);
    super(formatErrorMessage({ ...init, hint }), init.cause === undefined ? undefined : { cause: init.cause });
    this.action = init.action;
    this.kind = init.kind;
    this.code = init.code;
    this.serviceMessage = init.serviceMessage;
    this.retryable = retryable;
    this.hint = hint;
    if (init.codeN !== undefined) this.codeN = init.codeN;
    if (init.httpStatus !== undefined) this.httpStatus = init.httpStatus;
    if (init.requestId !== undefined) this.requestId = init.requestId;
    if (init.field !== undefined) this.field = init.field;
    if (init.retryAfterMs !== undefined) this.retryAfterMs = init.retryAfterMs;
  }

  /** The same error with some fields changed (the message is rebuilt). */
  with(changes: Partial<VolcSpeechErrorInit>): VolcSpeechError {
    return new VolcSpeechError({ ...this.toInit(), ...changes });
  }

  toInit(): VolcSpeechErrorInit {
    const init: VolcSpeechErrorInit = {
      action: this.action,
      kind: this.kind,
      code: this.code,
      serviceMessage: this.serviceMessage,
      retryable: this.retryable,
      hint: this.hint,
    };
    if (this.codeN !== undefined) init.codeN = this.codeN;
    if (this.httpStatus !== undefined) init.httpStatus = this.httpStatus;
    if (this.requestId !== undefined) init.requestId = this.requestId;
    if (this.field !== undefined) init.field = this.field;
    if (this.retryAfterMs !== undefined) init.retryAfterMs = this.retryAfterMs;
    if (this.cause !== undefined) init.cause = this.cause;
    return init;
  }

  /** Plain data for logs and `--json` output; never carries credentials. */
  toJSON(): Record<string, unknown> {
    return {
      name: this.name,
      message: this.message,
      action: this.action,
      kind: this.kind,
      code: this.code,
      codeN: this.codeN,
      httpStatus: this.httpStatus,
      serviceMessage: this.serviceMessage,
      requestId: this.requestId,
      retryable: this.retryable,
      hint: this.hint,
      field: this.field,
    };
  }
}

export function isVolcSpeechError(value: unknown): value is VolcSpeechError {
  return value instanceof VolcSpeechError;
}

const THROTTLE_CODES = new Set(['FlowLimitExceeded']);
const SERVER_FAULT_CODES = new Set(['InternalError', 'InternalServiceError', 'ServiceUnavailableTemp', 'InternalServiceTimeout']);

export function isThrottle(httpStatus: number | undefined, code: string): boolean {
  return httpStatus === 429 || THROTTLE_CODES.has(code);
}

export function isServerFault(httpStatus: number | undefined, code: string): boolean {
  return (httpStatus !== undefined && httpStatus >= 500 && httpStatus <= 599) || SERVER_FAULT_CODES.has(code);
}

/** Whether the condition may pass by itself (throttling, 5xx, the network, a timeout). */
export function isTransient(kind: VolcSpeechErrorKind, httpStatus: number | undefined, code: string): boolean {
  switch (kind) {
    case 'network':
    case 'timeout':
      return true;
    case 'service':
    case 'protocol':
      return isThrottle(httpStatus, code) || isServerFault(httpStatus, code);
    default:
      return false;
  }
}

/** `ListAPIKeys failed: HTTP 401 SignatureDoesNotMatch (100010): <message> [RequestId …]. <hint>` */
export function formatErrorMessage(init: VolcSpeechErrorInit & { hint: string }): string {
  const what: string[] = [];
  if (init.httpStatus !== undefined) what.push(`HTTP ${init.httpStatus}`);
  else if (init.kind !== 'service') what.push(init.kind);
  what.push(init.codeN !== undefined ? `${init.code} (${init.codeN})` : init.code);
  let message = `${init.action} failed: ${what.join(' ')}`;
  const detail = init.serviceMessage.trim().replace(/\.$/, '');
  if (detail) message += `: ${detail}`;
  if (init.requestId) message += ` [RequestId ${init.requestId}]`;
  message += '.';
  if (init.hint) message += ` ${init.hint}`;
  return message;
}

/** Advice per code first, then per HTTP status class, then per kind. */
export function hintFor(init: Pick<VolcSpeechErrorInit, 'action' | 'kind' | 'code' | 'httpStatus' | 'field' | 'retryAfterMs' | 'accessKeyHint'>): string {
  const { action, code, httpStatus, kind } = init;
  const byCode = hintForCode(action, code, init.accessKeyHint);
  if (byCode) return byCode;
  if (code.startsWith('InvalidParameter') || code.startsWith('MissingParameter')) {
    return `Check the request fields of ${action} (volc-speech help ${action} lists them).`;
  }
  if (code.startsWith('OperationDenied')) {
    return 'The service refused the operation in the current state: check the resource with a read action (e.g. ServiceStatus) first.';
  }
  if (kind === 'service' || kind === 'protocol') {
    if (isThrottle(httpStatus, code)) return throttleHint(init.retryAfterMs);
    if (isServerFault(httpStatus, code)) return 'The service had an internal problem: retry later; if it persists, report the RequestId to Volcengine support.';
  }
  switch (kind) {
    case 'network':
      return 'Check the endpoint (VOLC_SPEECH_ENDPOINT), DNS, proxy settings and network connection.';
    case 'timeout':
      return 'The service did not answer in time: retry, or raise timeoutMs.';
    case 'aborted':
      return 'The call was cancelled by the caller.';
    case 'validation':
      return `Check the request fields of ${action} (volc-speech help ${action} lists them).`;
    case 'credentials':
      return 'Set VOLC_ACCESSKEY and VOLC_SECRETKEY (and VOLC_SESSION_TOKEN for STS), pass `credentials`, or run against the emulator (@volc-speech/emulator).';
    case 'protocol':
      return 'The endpoint did not answer like the Volcengine OpenAPI gateway: check the endpoint URL and any proxy in between.';
    default:
      return httpStatus !== undefined && httpStatus >= 400 && httpStatus < 500
        ? 'The service rejected the request: read the message above.'
        : 'See the message above.';
  }
}

function throttleHint(retryAfterMs: number | undefined): string {
  const wait = retryAfterMs !== undefined ? ` (the service asked to wait ${Math.ceil(retryAfterMs / 1000)} s)` : '';
  return `Slow down: the action is throttled${wait}; lower the request rate (rateLimit.qps) or retry later.`;
}

function hintForCode(action: string, code: string, accessKeyHint: string | undefined): string | undefined {
  switch (code) {
    case 'SignatureDoesNotMatch':
      return "Check the secret key (VOLC_SECRETKEY) and that this machine's clock is right.";
    case 'InvalidAccessKey':
      return `Check the access key${accessKeyHint ? ` ${accessKeyHint}` : ''} (VOLC_ACCESSKEY): the service does not know it.`;
    case 'InvalidSecretToken':
      return 'The STS session token is invalid or expired: refresh VOLC_SESSION_TOKEN with a new one.';
    case 'InvalidTimestamp':
      return "Sync this machine's clock (e.g. with NTP): the request time is too far from the service's.";
    case 'MissingAuthenticationToken':
    case 'MissingSignature':
    case 'InvalidAuthorization':
    case 'InvalidCredential':
    case 'MissingRequestInfo':
      return 'The request was not signed as the gateway expects: check the credentials and the region; if they are right, report this as a client bug.';
    case 'AccessDenied':
    case 'LackPolicy':
      return `Grant the IAM permission ${SERVICE_NAME}:${action} to the user or role of this access key.`;
    case 'ServiceNotFound':
      return 'The gateway does not know the speech service here: check the endpoint and the region.';
    case 'InvalidActionOrVersion':
      return 'The gateway does not know this Action/Version: check the endpoint; the version in the action table may be outdated.';
    case 'FlowLimitExceeded':
      return throttleHint(undefined);
    case 'Forbidden.InvalidService':
      return 'Voice cloning is not enabled for this account: enable it in the speech console first.';
    case 'Forbidden.ErrAccountNotPermission':
      return 'This account may not use the action: check its permissions and real-name verification in the console.';
    case 'Forbidden.LimitedTradingFrequency':
      return 'Voice orders are limited to 2,000 voices per 2 minutes: wait, then place the rest.';
    case 'NotFound.ResourcePack':
      return 'No such resource pack: list them with ResourcePacksStatus and check TrainID / InstanceNumber.';
    case 'UnauthorizedRequest.AppID':
      return 'Pass AppID as well (some accounts need it for UsageMonitoring).';
    case 'InvalidParameter.AppID':
      return 'Check AppID: it must be an app of this account.';
    case 'OperationDenied.InvalidSpeakerID':
      return 'Check the SpeakerIDs (S_…): list them with BatchListMegaTTSTrainStatus.';
    default:
      return undefined;
  }
}

/** For hints that mention the key without showing it. */
export function accessKeyHint(accessKeyId: string | undefined): string | undefined {
  return accessKeyId ? redactAccessKey(accessKeyId) : undefined;
}
