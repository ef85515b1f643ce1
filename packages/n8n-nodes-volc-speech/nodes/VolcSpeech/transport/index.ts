/**
 * The only place that talks to the Volcengine API: the signed client from
 * @volc-speech/client (bundled into the node at build), built from the n8n credential.
 * Retries, throttling and signing are the client's; it never retries a spending or
 * disruptive action.
 */
import { DEFAULT_ENDPOINT, DEFAULT_REGION, VolcSpeechClient, getAction } from '@volc-speech/client';
import type { ActionName } from '@volc-speech/client';
import type { IDataObject } from 'n8n-workflow';

export const CREDENTIAL_TYPE = 'volcSpeechApi';

/** The stored credential, as VolcSpeechApi.credentials.ts declares it. */
export interface VolcSpeechApiCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
  region?: string;
  customRegion?: string;
  endpoint?: string;
}

/** Something that can hand out the credential: every n8n function context can. */
export interface CredentialSource {
  getCredentials<T extends object = IDataObject>(type: string, itemIndex?: number): Promise<T>;
}

export function regionOf(credentials: VolcSpeechApiCredentials): string {
  if (credentials.region === 'custom') return credentials.customRegion?.trim() || DEFAULT_REGION;
  return credentials.region?.trim() || DEFAULT_REGION;
}

/** The one sentence shown when the credential's Endpoint has no scheme (or is not a URL at all). */
export const ENDPOINT_SCHEME_MESSAGE =
  'The Endpoint in the credential must start with https:// (for example https://open.volcengineapi.com), or http:// for a local emulator.';

export function endpointOf(credentials: VolcSpeechApiCredentials): string {
  return (credentials.endpoint?.trim() || DEFAULT_ENDPOINT).replace(/\/+$/, '');
}

/** `open.volcengineapi.com` would reach OpenSSL as a raw error; refuse it with a sentence instead. */
export function endpointProblem(credentials: VolcSpeechApiCredentials): string | undefined {
  const endpoint = endpointOf(credentials);
  if (!/^https?:\/\/[^\s/]+/i.test(endpoint)) return ENDPOINT_SCHEME_MESSAGE;
  try {
    new URL(endpoint);
    return undefined;
  } catch {
    return ENDPOINT_SCHEME_MESSAGE;
  }
}

export class CredentialSettingError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CredentialSettingError';
  }
}

export function createClient(credentials: VolcSpeechApiCredentials): VolcSpeechClient {
  const problem = endpointProblem(credentials);
  if (problem) throw new CredentialSettingError(problem);
  const sessionToken = credentials.sessionToken?.trim();
  return new VolcSpeechClient({
    credentials: {
      accessKeyId: String(credentials.accessKeyId ?? '').trim(),
      secretAccessKey: String(credentials.secretAccessKey ?? '').trim(),
      ...(sessionToken ? { sessionToken } : {}),
    },
    region: regionOf(credentials),
    endpoint: endpointOf(credentials),
    // Settings come from the credential only, never from the n8n process's environment.
    env: {},
  });
}

// One client per n8n context (one node run), so its rate limiter spans all items.
const clients = new WeakMap<object, Promise<VolcSpeechClient>>();

export async function getClient(context: CredentialSource): Promise<VolcSpeechClient> {
  let client = clients.get(context);
  if (!client) {
    client = context.getCredentials<VolcSpeechApiCredentials>(CREDENTIAL_TYPE).then(createClient);
    clients.set(context, client);
  }
  return await client;
}

export interface CallOptions {
  signal?: AbortSignal;
}

/** One call; the promise rejects with the client's VolcSpeechError. */
export async function callAction(context: CredentialSource, action: ActionName, request: IDataObject, options: CallOptions = {}): Promise<IDataObject> {
  const client = await getClient(context);
  const result = await client.callUnchecked(action, request, options.signal ? { signal: options.signal } : {});
  return (result ?? {}) as IDataObject;
}

export interface ListOptions extends CallOptions {
  /** Stop after this many rows (Return All off). */
  maxItems?: number;
  pageSize?: number;
}

/**
 * The rows of a list action. Paged actions are paged by the client (`paginate`); the rest
 * answer in one call and `itemsField` names the list in the result.
 */
export async function listAction(
  context: CredentialSource,
  action: ActionName,
  request: IDataObject,
  itemsField: string,
  options: ListOptions = {},
): Promise<IDataObject[]> {
  const client = await getClient(context);
  const spec = getAction(action);
  if (spec?.paging) {
    const rows: IDataObject[] = [];
    const pageSize = Math.min(options.pageSize ?? spec.paging.maxPageSize, spec.paging.maxPageSize);
    const pages = client.paginateUnchecked(action, request, {
      pageSize,
      ...(options.maxItems !== undefined ? { maxItems: options.maxItems } : {}),
      // Pages of a page-numbered action are fetched side by side once page 1 gave the total.
      concurrency: 4,
      ...(options.signal ? { signal: options.signal } : {}),
    });
    for await (const row of pages) {
      rows.push(row as IDataObject);
      if (options.maxItems !== undefined && rows.length >= options.maxItems) break;
    }
    return rows;
  }
  const result = await callAction(context, action, request, options);
  const rows = (result[itemsField] as IDataObject[] | undefined) ?? [];
  return options.maxItems !== undefined ? rows.slice(0, options.maxItems) : rows;
}
