/**
 * `VolcSpeechClient`: one signed, validated, retried and rate-limited call per action.
 *
 * Composes the single-purpose modules: validateRequest → rateLimiter → transport (build,
 * sign, send) → envelope → retryPolicy. Credentials live in a private field, so neither
 * `JSON.stringify(client)` nor `util.inspect(client)` nor any error or event can show the
 * secret key.
 */
import { ACTION_NAMES, getAction, type ActionName, type ActionSpec } from './actions/actionTable.js';
import type { ActionRequest } from './actions/requestTypes.js';
import { closestActionNames, methodNameOf } from './actionNames.js';
import { systemClock, type Clock } from './clock.js';
import { configFromEnv, redactAccessKey, redactText, type Env } from './credentials.js';
import { parseActionResponse } from './envelope.js';
import { VolcSpeechError } from './errors.js';
import type { ClientEvent } from './events.js';
import { paginateAction, type PageItem, type PagedActionName, type PaginateOptions } from './paginate.js';
import { ActionRateLimiter, type RateLimitOptions } from './rateLimiter.js';
import { DEFAULT_RETRY_OPTIONS, decideRetry, neverReachedService, type RetryOptions } from './retryPolicy.js';
import type { SigningCredentials } from './signer/index.js';
import { buildHttpRequest, parseEndpoint, sendHttpRequest, signHttpRequest, type FetchLike } from './transport.js';
import type { ActionResults } from './types/results.js';
import { DEFAULT_ENDPOINT, DEFAULT_REGION } from './unknowns.js';
import { validateRequest, withFieldDefaults } from './validateRequest.js';

/** Fixed credentials, or a function asked before every call (for rotating STS credentials). */
export type CredentialsSource = SigningCredentials | (() => SigningCredentials | Promise<SigningCredentials>);

export interface VolcSpeechClientOptions {
  /** Defaults to VOLC_ACCESSKEY / VOLC_SECRETKEY / VOLC_SESSION_TOKEN from `env`. */
  credentials?: CredentialsSource;
  /** Defaults to VOLC_REGION, else unknowns.ts DEFAULT_REGION. */
  region?: string;
  /** Defaults to VOLC_SPEECH_ENDPOINT, else unknowns.ts DEFAULT_ENDPOINT. */
  endpoint?: string;
  /** Per HTTP attempt; default 10,000. */
  timeoutMs?: number;
  /** Default `{ maxAttempts: 3, baseDelayMs: 200, maxDelayMs: 5000 }`; `false` disables retries. */
  retry?: Partial<RetryOptions> | false;
  /** Default `{ qps: DEFAULT_ACTION_QPS }` per action; `false` disables the limiter. */
  rateLimit?: Partial<RateLimitOptions> | false;
  /** Default `globalThis.fetch`. */
  fetch?: FetchLike;
  clock?: Clock;
  /** Uniform in [0, 1); default Math.random. Used for backoff jitter. */
  random?: () => number;
  /** Request, response, retry and error events, free of secrets. Exceptions it throws are ignored. */
  onEvent?: (event: ClientEvent) => void;
  /** Where the defaults above are read from; default `process.env`. */
  env?: Env;
}

export interface CallOptions {
  signal?: AbortSignal;
  /** Overrides the client's timeoutMs for this call (per attempt). */
  timeoutMs?: number;
  /** Overrides the client's retry settings for this call. */
  retry?: Partial<RetryOptions> | false;
}

export type PaginateCallOptions = PaginateOptions & Omit<CallOptions, 'signal'>;

type NoRequiredFields<A extends ActionName> = Partial<ActionRequest<A>> extends ActionRequest<A> ? true : false;

/** `(request, options?)`, with the request optional for actions that have no required field. */
export type CallArgs<A extends ActionName> =
  NoRequiredFields<A> extends true ? [request?: ActionRequest<A>, options?: CallOptions] : [request: ActionRequest<A>, options?: CallOptions];

export type PaginateArgs<A extends PagedActionName> =
  NoRequiredFields<A> extends true ? [request?: ActionRequest<A>, options?: PaginateCallOptions] : [request: ActionRequest<A>, options?: PaginateCallOptions];

/** One camelCase method per action: `listAPIKeys`, `pauseService`, `listMegaTTSByOrderID`, … */
export type ActionMethods = {
  [A in ActionName as Uncapitalize<A>]: (...args: CallArgs<A>) => Promise<ActionResults[A]>;
};

export const DEFAULT_TIMEOUT_MS = 10_000;

function abortedError(action: string, reason: unknown): VolcSpeechError {
  return new VolcSpeechError({ action, kind: 'aborted', code: 'RequestAborted', serviceMessage: 'the caller aborted the call', cause: reason });
}

function unknownActionError(name: string): VolcSpeechError {
  const close = closestActionNames(name);
  const suggestion = close.length ? `did you mean ${close.join(', ')}?` : `known actions: ${ACTION_NAMES.join(', ')}`;
  return new VolcSpeechError({
    action: name || '(no action)',
    kind: 'validation',
    code: 'InvalidActionOrVersion',
    serviceMessage: `unknown action ${JSON.stringify(name)}`,
    hint: suggestion.charAt(0).toUpperCase() + suggestion.slice(1),
  });
}

function isPlainRequest(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function resolveRetry(base: RetryOptions | false, override: Partial<RetryOptions> | false | undefined): RetryOptions | false {
  if (override === false) return false;
  if (override === undefined) return base;
  return { ...(base === false ? DEFAULT_RETRY_OPTIONS : base), ...override };
}

// The action methods are installed on the prototype from the table (static block below);
// merging this interface into the class is how TypeScript learns their signatures.
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging, @typescript-eslint/no-empty-object-type
export interface VolcSpeechClient extends ActionMethods {}

// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export class VolcSpeechClient {
  readonly region: string;
  readonly endpoint: string;
  readonly timeoutMs: number;
  readonly #credentials: CredentialsSource | undefined;
  readonly #endpointUrl: URL;
  readonly #retry: RetryOptions | false;
  readonly #limiter: ActionRateLimiter | undefined;
  readonly #fetch: FetchLike;
  readonly #clock: Clock;
  readonly #random: () => number;
  readonly #onEvent: ((event: ClientEvent) => void) | undefined;

  static {
    for (const action of ACTION_NAMES) {
      Object.defineProperty(this.prototype, methodNameOf(action), {
        value: function (this: VolcSpeechClient, request?: Record<string, unknown>, options?: CallOptions) {
          return this.callUnchecked(action, request ?? {}, options);
        },
        writable: true,
        configurable: true,
        enumerable: false,
      });
    }
  }

  constructor(options: VolcSpeechClientOptions = {}) {
    const fromEnv = configFromEnv(options.env ?? process.env);
    this.#credentials = options.credentials ?? fromEnv.credentials;
    this.region = options.region ?? fromEnv.region ?? DEFAULT_REGION;
    const endpoint = options.endpoint ?? fromEnv.endpoint ?? DEFAULT_ENDPOINT;
    try {
      this.#endpointUrl = parseEndpoint(endpoint);
    } catch (error) {
      throw new VolcSpeechError({
        action: 'VolcSpeechClient',
        kind: 'validation',
        code: 'InvalidEndpoint',
        field: 'endpoint',
        serviceMessage: `endpoint ${JSON.stringify(endpoint)} is not a usable URL: ${(error as Error).message}`,
        hint: `Use a URL such as ${DEFAULT_ENDPOINT} (VOLC_SPEECH_ENDPOINT).`,
      });
    }
    this.endpoint = this.#endpointUrl.href.replace(/\/$/, '');
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.#retry = options.retry === false ? false : { ...DEFAULT_RETRY_OPTIONS, ...options.retry };
    this.#clock = options.clock ?? systemClock;
    this.#limiter = options.rateLimit === false ? undefined : new ActionRateLimiter({ ...options.rateLimit, clock: this.#clock });
    this.#fetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
    this.#random = options.random ?? Math.random;
    this.#onEvent = options.onEvent;
  }

  /** Whether credentials were configured (their validity shows on the first call). */
  get hasCredentials(): boolean {
    return this.#credentials !== undefined;
  }

  /** Calls one action with a typed request; resolves to its `Result` (`{}` for void actions). */
  async call<A extends ActionName>(action: A, ...args: CallArgs<A>): Promise<ActionResults[A]> {
    const [request, options] = args;
    const spec = getAction(action);
    if (!spec) throw unknownActionError(action);
    return (await this.#invoke(spec, (request ?? {}) as Record<string, unknown>, options ?? {})) as ActionResults[A];
  }

  /** For callers holding a name typed by a person (the CLI): unknown names fail with close suggestions. */
  async callUnchecked(actionName: string, request: Readonly<Record<string, unknown>> = {}, options: CallOptions = {}): Promise<Record<string, unknown>> {
    const spec = getAction(actionName);
    if (!spec) throw unknownActionError(actionName);
    return this.#invoke(spec, request, options);
  }

  /**
   * Sends the request exactly as given: no defaults filled in, no validation. For probing how a
   * service answers incomplete or wrong requests (`volc-speech probe`, the emulator's
   * conformance test); everything else should use `call`. Signing, retries for reads, error
   * mapping and redaction are the same as `call`'s.
   */
  async callUnvalidated(actionName: string, request: Readonly<Record<string, unknown>>, options: CallOptions = {}): Promise<Record<string, unknown>> {
    const spec = getAction(actionName);
    if (!spec) throw unknownActionError(actionName);
    return this.#invoke(spec, request, options, false);
  }

  /** Every item of a paged action, page after page (see paginate.ts for the two styles). */
  paginate<A extends PagedActionName>(action: A, ...args: PaginateArgs<A>): AsyncGenerator<PageItem<A>, void, undefined> {
    const [request, options] = args;
    return this.paginateUnchecked(action, (request ?? {}) as Record<string, unknown>, options) as AsyncGenerator<PageItem<A>, void, undefined>;
  }

  paginateUnchecked(actionName: string, request: Readonly<Record<string, unknown>> = {}, options: PaginateCallOptions = {}): AsyncGenerator<unknown, void, undefined> {
    const spec = getAction(actionName);
    if (!spec) throw unknownActionError(actionName);
    const callOptions: CallOptions = {};
    if (options.timeoutMs !== undefined) callOptions.timeoutMs = options.timeoutMs;
    if (options.retry !== undefined) callOptions.retry = options.retry;
    return paginateAction(spec, request, (pageRequest, signal) => this.#invoke(spec, pageRequest, { ...callOptions, signal }), options);
  }

  /** All items of a paged action in one array. */
  async listAll<A extends PagedActionName>(action: A, ...args: PaginateArgs<A>): Promise<Array<PageItem<A>>> {
    const items: Array<PageItem<A>> = [];
    for await (const item of this.paginate(action, ...args)) items.push(item);
    return items;
  }

  async listAllUnchecked(actionName: string, request: Readonly<Record<string, unknown>> = {}, options: PaginateCallOptions = {}): Promise<unknown[]> {
    const items: unknown[] = [];
    for await (const item of this.paginateUnchecked(actionName, request, options)) items.push(item);
    return items;
  }

  toJSON(): Record<string, unknown> {
    return { region: this.region, endpoint: this.endpoint, timeoutMs: this.timeoutMs, hasCredentials: this.hasCredentials };
  }

  [Symbol.for('nodejs.util.inspect.custom')](): string {
    const key = this.#credentials && typeof this.#credentials === 'object' ? ` accessKey: ${redactAccessKey(this.#credentials.accessKeyId)},` : '';
    return `VolcSpeechClient { endpoint: ${this.endpoint}, region: ${this.region},${key} timeoutMs: ${this.timeoutMs} }`;
  }

  #emit(event: ClientEvent): void {
    if (!this.#onEvent) return;
    try {
      this.#onEvent(event);
    } catch {
      // A logging callback must not change the outcome of a call.
    }
  }

  async #resolveCredentials(action: string): Promise<SigningCredentials> {
    const source = this.#credentials;
    if (source === undefined) {
      throw new VolcSpeechError({ action, kind: 'credentials', code: 'MissingCredentials', serviceMessage: 'no credentials: VOLC_ACCESSKEY and VOLC_SECRETKEY are not set' });
    }
    let credentials: SigningCredentials;
    try {
      credentials = typeof source === 'function' ? await source() : source;
    } catch (error) {
      throw new VolcSpeechError({
        action,
        kind: 'credentials',
        code: 'CredentialsUnavailable',
        serviceMessage: `the credentials function failed: ${(error as Error)?.message ?? String(error)}`,
        cause: error,
      });
    }
    if (!credentials?.accessKeyId || !credentials.secretAccessKey) {
      throw new VolcSpeechError({ action, kind: 'credentials', code: 'IncompleteCredentials', serviceMessage: 'the credentials lack an access key ID or a secret access key' });
    }
    return credentials;
  }

  async #invoke(spec: ActionSpec, given: Readonly<Record<string, unknown>>, options: CallOptions, validate = true): Promise<Record<string, unknown>> {
    const { signal } = options;
    const request = validate && isPlainRequest(given) ? withFieldDefaults(spec, given) : given;
    if (validate) validateRequest(spec, request);
    if (signal?.aborted) throw abortedError(spec.name, signal.reason);
    const credentials = await this.#resolveCredentials(spec.name);
    const retry = resolveRetry(this.#retry, options.retry);
    const timeoutMs = options.timeoutMs ?? this.timeoutMs;

    for (let attempt = 1; ; attempt++) {
      try {
        if (this.#limiter) {
          try {
            await this.#limiter.acquire(spec.name, signal);
          } catch (reason) {
            throw abortedError(spec.name, reason);
          }
        }
        return await this.#attempt(spec, request, credentials, attempt, timeoutMs, signal);
      } catch (caught) {
        if (!(caught instanceof VolcSpeechError)) throw caught;
        const decision = decideRetry({ error: caught, effect: spec.effect, attempt, options: retry, random: this.#random });
        if (!decision.retry) {
          const final = this.#finalError(spec, caught);
          this.#emit({
            type: 'error',
            action: spec.name,
            attempt,
            kind: final.kind,
            code: final.code,
            ...(final.httpStatus !== undefined ? { httpStatus: final.httpStatus } : {}),
            ...(final.requestId !== undefined ? { requestId: final.requestId } : {}),
            message: final.message,
            reason: decision.reason,
          });
          throw final;
        }
        this.#emit({
          type: 'retry',
          action: spec.name,
          attempt,
          delayMs: decision.delayMs,
          reason: decision.reason,
          code: caught.code,
          ...(caught.httpStatus !== undefined ? { httpStatus: caught.httpStatus } : {}),
          ...(caught.requestId !== undefined ? { requestId: caught.requestId } : {}),
        });
        try {
          await this.#clock.sleep(decision.delayMs, signal);
        } catch (reason) {
          throw abortedError(spec.name, reason);
        }
      }
    }
  }

  /**
   * A write, disruptive or spending call that failed after it may have reached the service
   * must not invite a blind repeat: `retryable` turns false and the hint says to check first.
   */
  #finalError(spec: ActionSpec, error: VolcSpeechError): VolcSpeechError {
    if (spec.effect === 'read' || !error.retryable || neverReachedService(error)) return error;
    return error.with({
      retryable: false,
      hint: `${error.hint} ${spec.name} changes the account (${spec.effect}) and the request may have reached the service: check the outcome with a read action before repeating it.`,
    });
  }

  async #attempt(
    spec: ActionSpec,
    request: Readonly<Record<string, unknown>>,
    credentials: SigningCredentials,
    attempt: number,
    timeoutMs: number,
    signal: AbortSignal | undefined,
  ): Promise<Record<string, unknown>> {
    const httpRequest = buildHttpRequest(spec, request, this.#endpointUrl);
    const signed = signHttpRequest(httpRequest, credentials, this.region, new Date(this.#clock.now()));
    this.#emit({ type: 'request', action: spec.name, attempt, method: signed.method, url: signed.url, accessKey: redactAccessKey(credentials.accessKeyId) });
    const startedAt = this.#clock.now();
    const raw = await sendHttpRequest(spec.name, signed, { fetch: this.#fetch, timeoutMs, ...(signal ? { signal } : {}) });
    const secrets = [credentials.secretAccessKey, ...(credentials.sessionToken ? [credentials.sessionToken] : [])];
    const context = {
      nowMs: this.#clock.now(),
      redact: (text: string) => redactText(text, { accessKeyId: credentials.accessKeyId, secrets }),
      accessKeyHint: redactAccessKey(credentials.accessKeyId),
    };
    const emitResponse = (requestId: string | undefined) =>
      this.#emit({
        type: 'response',
        action: spec.name,
        attempt,
        httpStatus: raw.status,
        ...(requestId !== undefined ? { requestId } : {}),
        durationMs: this.#clock.now() - startedAt,
      });
    try {
      const parsed = parseActionResponse(spec.name, raw, context);
      emitResponse(parsed.requestId);
      return parsed.result;
    } catch (error) {
      emitResponse(error instanceof VolcSpeechError ? error.requestId : undefined);
      throw error;
    }
  }
}
