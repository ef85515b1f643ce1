/**
 * Client errors → n8n errors. A service failure becomes a NodeApiError whose message is the
 * service's code and message and whose description carries the RequestId (what Volcengine
 * support asks for) and what to do next in n8n's words (hints.ts); with "Continue On Fail" the same facts become the
 * item's JSON.
 */
import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import type { IDataObject, INode, JsonObject } from 'n8n-workflow';

import { FieldValueError } from './fields';
import { n8nHint } from './hints';

/** The fields of the client's VolcSpeechError that matter here (checked by shape, not class). */
export interface ServiceErrorShape {
  name: string;
  message: string;
  action: string;
  kind: string;
  code: string;
  codeN?: number;
  httpStatus?: number;
  serviceMessage: string;
  requestId?: string;
  retryable: boolean;
  hint: string;
  field?: string;
}

export function isServiceError(error: unknown): error is ServiceErrorShape {
  if (!(error instanceof Error)) return false;
  const candidate = error as Partial<ServiceErrorShape>;
  return typeof candidate.action === 'string' && typeof candidate.code === 'string' && typeof candidate.kind === 'string';
}

/** The item JSON of a failed call ("Continue On Fail"). */
export function errorItemJson(error: unknown): IDataObject {
  if (isServiceError(error)) {
    const json: IDataObject = {
      error: serviceErrorMessage(error),
      action: error.action,
      code: error.code,
      message: error.serviceMessage,
      kind: error.kind,
      retryable: error.retryable,
      hint: n8nHint(error),
    };
    if (error.codeN !== undefined) json.codeN = error.codeN;
    if (error.httpStatus !== undefined) json.httpStatus = error.httpStatus;
    if (error.requestId !== undefined) json.requestId = error.requestId;
    if (error.field !== undefined) json.field = error.field;
    return json;
  }
  if (error instanceof NodeApiError || error instanceof NodeOperationError) {
    return { error: error.message, ...(error.description ? { description: error.description } : {}) };
  }
  return { error: error instanceof Error ? error.message : String(error) };
}

export function serviceErrorMessage(error: ServiceErrorShape): string {
  const code = error.codeN !== undefined ? `${error.code} (${error.codeN})` : error.code;
  return error.serviceMessage ? `${code}: ${error.serviceMessage}` : code;
}

export function serviceErrorDescription(error: ServiceErrorShape): string {
  const facts = [`Action ${error.action}`];
  if (error.httpStatus !== undefined) facts.push(`HTTP ${error.httpStatus}`);
  facts.push(`RequestId ${error.requestId ?? 'none (the request got no answer)'}`);
  return `${facts.join(' · ')}. ${n8nHint(error)}`.trim();
}

/** Whatever was thrown → the error n8n shows. */
export function toNodeError(node: INode, error: unknown, itemIndex: number): NodeApiError | NodeOperationError {
  if (error instanceof NodeApiError || error instanceof NodeOperationError) return error;
  if (error instanceof FieldValueError) {
    return new NodeOperationError(node, error.message, { itemIndex, description: n8nHint({ action: '', kind: 'validation', code: '', field: error.field, hint: '' }) });
  }
  if (isServiceError(error)) {
    if (error.kind === 'validation' || error.kind === 'credentials') {
      return new NodeOperationError(node, `${error.action}: ${error.serviceMessage || error.code}`, { itemIndex, description: n8nHint(error) });
    }
    const response: JsonObject = {
      code: error.code,
      message: error.serviceMessage,
      action: error.action,
      kind: error.kind,
      ...(error.codeN !== undefined ? { codeN: error.codeN } : {}),
      ...(error.requestId !== undefined ? { requestId: error.requestId } : {}),
      ...(error.httpStatus !== undefined ? { httpStatus: error.httpStatus } : {}),
    };
    const apiError = new NodeApiError(node, response, {
      itemIndex,
      message: serviceErrorMessage(error),
      description: serviceErrorDescription(error),
      ...(error.httpStatus !== undefined ? { httpCode: String(error.httpStatus) } : {}),
    });
    // n8n rewrites a message that looks like a network errno; keep the service's facts at hand.
    apiError.context.requestId = error.requestId;
    apiError.context.code = error.code;
    return apiError;
  }
  return new NodeOperationError(node, error instanceof Error ? error : String(error), { itemIndex });
}
