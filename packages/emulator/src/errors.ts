/**
 * Every error the emulator answers with: gateway errors from the contract's table
 * (../shared/api/README.md §1.5, HTTP status and CodeN as listed there) and the
 * service-level codes (§1.5 "Service-level codes"). A CodeN is sent only where a source
 * gives one; the others omit it rather than invent a number.
 */
export class ApiError extends Error {
  constructor(
    readonly httpStatus: number,
    readonly code: string,
    message: string,
    readonly codeN?: number,
    /** Extra response headers, e.g. Retry-After on 429. */
    readonly headers?: Readonly<Record<string, string>>,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export interface GatewayErrorSpec {
  readonly httpStatus: number;
  readonly codeN?: number;
}

export const GATEWAY_ERRORS = {
  MissingParameter: { httpStatus: 400, codeN: 100002 },
  MissingRequestInfo: { httpStatus: 400, codeN: 100004 },
  InvalidAuthorization: { httpStatus: 400 },
  InvalidCredential: { httpStatus: 400 },
  MissingAuthenticationToken: { httpStatus: 401, codeN: 100003 },
  MissingSignature: { httpStatus: 401, codeN: 100005 },
  InvalidAccessKey: { httpStatus: 401, codeN: 100009 },
  SignatureDoesNotMatch: { httpStatus: 401, codeN: 100010 },
  // CodeN 100026 comes from one third-party probe of the gateway (a dummy STS token); the contract table has none.
  InvalidSecretToken: { httpStatus: 401, codeN: 100026 },
  // The Volcengine page says 403, the BytePlus page 400: this is the Volcengine gateway, so 403.
  InvalidTimestamp: { httpStatus: 403, codeN: 100006 },
  LackPolicy: { httpStatus: 403, codeN: 100012 },
  AccessDenied: { httpStatus: 403, codeN: 100013 },
  ServiceNotFound: { httpStatus: 404, codeN: 100007 },
  InvalidActionOrVersion: { httpStatus: 404, codeN: 100008 },
  FlowLimitExceeded: { httpStatus: 429 },
  InternalError: { httpStatus: 500 },
  InternalServiceError: { httpStatus: 502 },
  ServiceUnavailableTemp: { httpStatus: 503 },
  InternalServiceTimeout: { httpStatus: 504 },
} as const satisfies Record<string, GatewayErrorSpec>;

export type GatewayErrorCode = keyof typeof GATEWAY_ERRORS;

/** The 5xx rows of the table, which random error injection picks from. */
export const SERVER_FAULT_CODES: readonly GatewayErrorCode[] = ['InternalError', 'InternalServiceError', 'ServiceUnavailableTemp', 'InternalServiceTimeout'];

export function gatewayError(code: GatewayErrorCode, message: string, headers?: Record<string, string>): ApiError {
  const spec: GatewayErrorSpec = GATEWAY_ERRORS[code];
  return new ApiError(spec.httpStatus, code, message, spec.codeN, headers);
}

/** A required field is absent. Named like the Go SDK's Validate() names it (`Configurations[0].Code`). */
export function missingParameter(field: string): ApiError {
  return gatewayError('MissingParameter', `Missing required parameter: ${field}`);
}

/** A field is present but of the wrong type or out of range. */
export function invalidParameter(field: string, why: string): ApiError {
  return new ApiError(400, 'InvalidParameter', `Invalid parameter ${field}: ${why}`);
}

/** The operation is not allowed in the resource's current state (e.g. pausing a paused service). */
export function operationDenied(message: string, code = 'OperationDenied'): ApiError {
  return new ApiError(400, code, message);
}

export function notFound(code: string, message: string): ApiError {
  return new ApiError(404, code, message);
}

export function forbidden(code: string, message: string): ApiError {
  return new ApiError(403, code, message);
}
