/**
 * Turns whatever a call threw into the renderer's CallErrorView, with secrets scrubbed:
 * the view travels to the renderer and into notifications.
 */
import type { CallErrorView } from '../shared/bridge.js';

interface ErrorLike {
  action?: unknown;
  httpStatus?: unknown;
  code?: unknown;
  serviceMessage?: unknown;
  requestId?: unknown;
  hint?: unknown;
  message?: unknown;
  name?: unknown;
}

export interface RedactionContext {
  /** Secrets that must never appear in a view (the profile's secret key). */
  secrets?: readonly string[];
}

export function redact(text: string, context: RedactionContext | undefined): string {
  let out = text;
  for (const secret of context?.secrets ?? []) {
    if (secret.length >= 4) out = out.split(secret).join('[redacted]');
  }
  return out;
}

export function toCallErrorView(error: unknown, action: string, at: number, context?: RedactionContext): CallErrorView {
  const e: ErrorLike = typeof error === 'object' && error !== null ? (error as ErrorLike) : { message: String(error) };
  const view: CallErrorView = {
    action: typeof e.action === 'string' && e.action ? e.action : action,
    code: typeof e.code === 'string' && e.code ? e.code : typeof e.name === 'string' && e.name !== 'Error' ? e.name : 'Error',
    message: redact(
      typeof e.serviceMessage === 'string' && e.serviceMessage
        ? e.serviceMessage
        : typeof e.message === 'string'
          ? e.message
          : 'Unknown error',
      context,
    ),
    at,
  };
  if (typeof e.httpStatus === 'number') view.httpStatus = e.httpStatus;
  if (typeof e.requestId === 'string' && e.requestId) view.requestId = e.requestId;
  if (typeof e.hint === 'string' && e.hint) view.hint = redact(e.hint, context);
  return view;
}

/** A failure the app raises itself (no credentials, a command already running). */
export function localError(action: string, code: string, message: string, at: number, hint?: string): CallErrorView {
  return hint ? { action, code, message, at, hint } : { action, code, message, at };
}
