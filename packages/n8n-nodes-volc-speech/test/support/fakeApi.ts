/**
 * A fake Volcengine gateway for unit tests: the client's real signing and envelope parsing run,
 * `fetch` is stubbed. Each handler gets the request body and returns the `Result`, or throws a
 * `ServiceFault` to answer with an error envelope.
 */
import { vi } from 'vitest';

export interface RecordedCall {
  action: string;
  version: string;
  body: Record<string, unknown>;
  headers: Record<string, string>;
}

export class ServiceFault {
  constructor(
    readonly httpStatus: number,
    readonly code: string,
    readonly message: string,
    readonly codeN?: number,
  ) {}
}

export type Handler = (body: Record<string, unknown>, call: RecordedCall) => unknown;

let requestCounter = 0;

export function fakeApi(handlers: Record<string, Handler>) {
  const calls: RecordedCall[] = [];
  const fetch = vi.fn(async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const url = new URL(String(input));
    const action = url.searchParams.get('Action') ?? '';
    const version = url.searchParams.get('Version') ?? '';
    const body = init?.body ? (JSON.parse(String(init.body)) as Record<string, unknown>) : {};
    const headers = Object.fromEntries(new Headers(init?.headers).entries());
    const call = { action, version, body, headers };
    calls.push(call);
    const requestId = `req-${++requestCounter}`;
    const metadata = { RequestId: requestId, Action: action, Version: version, Service: 'speech_saas_prod', Region: 'cn-north-1' };
    const handler = handlers[action];
    try {
      if (!handler) throw new ServiceFault(404, 'InvalidActionOrVersion', `no fake for ${action}`);
      const result = await handler(body, call);
      return Response.json({ ResponseMetadata: metadata, Result: result ?? {} });
    } catch (error) {
      if (!(error instanceof ServiceFault)) throw error;
      const fault = { Code: error.code, Message: error.message, ...(error.codeN !== undefined ? { CodeN: error.codeN } : {}) };
      return Response.json({ ResponseMetadata: { ...metadata, Error: fault } }, { status: error.httpStatus });
    }
  });
  return {
    calls,
    fetch,
    /** Routes the client's global fetch here until `vi.unstubAllGlobals()`. */
    install() {
      vi.stubGlobal('fetch', fetch);
      return this;
    },
    callsOf(action: string) {
      return calls.filter((call) => call.action === action);
    },
  };
}

/** Rows 1..n of a page-numbered list, answered page by page as the real service does. */
export function pagedRows<T>(rows: readonly T[], pageField: string, sizeField: string, itemsField: string, totalField: string): Handler {
  return (body) => {
    const page = Number(body[pageField] ?? 1);
    const size = Number(body[sizeField] ?? 10);
    return { [itemsField]: rows.slice((page - 1) * size, page * size), [totalField]: rows.length, [pageField]: page, [sizeField]: size };
  };
}
