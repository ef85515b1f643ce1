/**
 * Walks every page of a paged action, in the two styles the table declares:
 * - `page`: numbered pages with a total. Page 1 tells the total; the remaining pages are
 *   then fetched a few at a time (bounded concurrency) and their items yielded in order.
 * - `token`: an opaque NextToken chain, necessarily one page after the other.
 *
 * The total is a hint, not a promise: a short or empty page ends the walk even when the
 * total says more should follow (voices expire while a long listing runs).
 */
import type { ACTIONS, ActionName, ActionSpec, PagingSpec } from './actions/actionTable.js';
import type { ActionResults } from './types/results.js';
import { VolcSpeechError } from './errors.js';

export type PagedActionName = {
  [A in ActionName]: (typeof ACTIONS)[A] extends { readonly paging: PagingSpec } ? A : never;
}[ActionName];

type ItemsFieldOf<A extends PagedActionName> = (typeof ACTIONS)[A]['paging']['itemsField'];

/** One item of a paged action, e.g. `PageItem<'BatchListMegaTTSTrainStatus'>` is `VoiceTrainStatus`. */
export type PageItem<A extends PagedActionName> =
  NonNullable<ActionResults[A][ItemsFieldOf<A> & keyof ActionResults[A]]> extends ReadonlyArray<infer T> ? T : never;

export interface PageProgress {
  /** The page number (page style) or the page's position from 1 (token style). */
  page: number;
  /** Last page number, when a total is known. */
  pages?: number;
  /** Items delivered so far, this page included. */
  items: number;
  total?: number;
}

export interface PaginateOptions {
  /** Items per request; defaults to the request's own size field, else min(100, the action's maximum). */
  pageSize?: number;
  /** Pages in flight at once (page style); default 4. */
  concurrency?: number;
  /** Stop after this many items (no page beyond them is requested). */
  maxItems?: number;
  signal?: AbortSignal;
  onPage?: (progress: PageProgress) => void;
}

export const DEFAULT_PAGE_CONCURRENCY = 4;
const DEFAULT_PAGE_SIZE = 100;

/** One page request; the signal also carries the pager's own cancellation of pages it no longer needs. */
export type PageFetcher = (request: Record<string, unknown>, signal: AbortSignal) => Promise<Record<string, unknown>>;

function invalid(action: string, field: string, message: string): VolcSpeechError {
  return new VolcSpeechError({ action, kind: 'validation', code: 'InvalidParameter', field, serviceMessage: message });
}

function toCount(value: unknown): number | undefined {
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  return typeof n === 'number' && Number.isFinite(n) && n >= 0 ? Math.floor(n) : undefined;
}

function itemsOf(result: Record<string, unknown>, field: string): unknown[] {
  const items = result[field];
  return Array.isArray(items) ? items : [];
}

function resolvePageSize(spec: ActionSpec, paging: PagingSpec, request: Record<string, unknown>, options: PaginateOptions): number {
  const size = options.pageSize ?? toCount(request[paging.sizeField]) ?? Math.min(DEFAULT_PAGE_SIZE, paging.maxPageSize);
  if (!Number.isInteger(size) || size < 1 || size > paging.maxPageSize) {
    throw invalid(spec.name, paging.sizeField, `page size must be an integer from 1 to ${paging.maxPageSize}, got ${size}`);
  }
  return size;
}

function abortedError(action: string, reason: unknown): VolcSpeechError {
  return new VolcSpeechError({ action, kind: 'aborted', code: 'RequestAborted', serviceMessage: 'the caller aborted the listing', cause: reason });
}

/** Yields every item of every page. Breaking out of the loop cancels the pages still in flight. */
export async function* paginateAction(
  spec: ActionSpec,
  request: Readonly<Record<string, unknown>>,
  fetchPage: PageFetcher,
  options: PaginateOptions = {},
): AsyncGenerator<unknown, void, undefined> {
  const paging = spec.paging;
  if (!paging) throw invalid(spec.name, '(action)', `${spec.name} is not a paged action`);
  const pageSize = resolvePageSize(spec, paging, request, options);
  const maxItems = options.maxItems ?? Infinity;
  if (!(maxItems >= 0)) throw invalid(spec.name, 'maxItems', `maxItems must be ≥ 0, got ${options.maxItems}`);
  if (maxItems === 0) return;

  // Our own signal, so that pages fetched ahead can be cancelled once they are not needed.
  const stopAhead = new AbortController();
  const signal = options.signal ? AbortSignal.any([options.signal, stopAhead.signal]) : stopAhead.signal;
  try {
    if (paging.style === 'page') {
      yield* pagesByNumber(spec, paging, request, fetchPage, { ...options, pageSize, maxItems, signal });
    } else {
      yield* pagesByToken(spec, paging, request, fetchPage, { ...options, pageSize, maxItems, signal });
    }
  } finally {
    stopAhead.abort();
  }
}

interface ResolvedOptions extends PaginateOptions {
  pageSize: number;
  maxItems: number;
  signal: AbortSignal;
}

async function* pagesByNumber(
  spec: ActionSpec,
  paging: Extract<PagingSpec, { style: 'page' }>,
  request: Readonly<Record<string, unknown>>,
  fetchPage: PageFetcher,
  options: ResolvedOptions,
): AsyncGenerator<unknown, void, undefined> {
  const { pageSize, maxItems, signal } = options;
  const concurrency = options.concurrency ?? DEFAULT_PAGE_CONCURRENCY;
  if (!Number.isInteger(concurrency) || concurrency < 1) throw invalid(spec.name, 'concurrency', `concurrency must be an integer ≥ 1, got ${concurrency}`);
  const firstPage = toCount(request[paging.pageField]) || 1;
  const pageRequest = (page: number): Record<string, unknown> => ({
    ...request,
    [paging.sizeField]: paging.sizeIsString ? String(pageSize) : pageSize,
    [paging.pageField]: page,
  });
  // No page beyond what maxItems needs is ever requested.
  const lastPageForMaxItems = firstPage - 1 + Math.ceil(maxItems / pageSize);
  let delivered = 0;

  const first = await fetchPage(pageRequest(firstPage), signal);
  const total = toCount(first[paging.totalField]);
  const lastPageForTotal = total !== undefined ? Math.ceil(total / pageSize) : undefined;
  const lastPage = Math.min(lastPageForTotal ?? Infinity, lastPageForMaxItems);
  let previousItems = itemsOf(first, paging.itemsField);

  const deliver = function* (page: number, items: unknown[]): Generator<unknown, boolean, undefined> {
    const room = maxItems - delivered;
    const taken = items.length > room ? items.slice(0, room) : items;
    delivered += taken.length;
    options.onPage?.({ page, items: delivered, ...(lastPageForTotal !== undefined ? { pages: lastPageForTotal } : {}), ...(total !== undefined ? { total } : {}) });
    yield* taken;
    return delivered >= maxItems;
  };

  // Without a total the number of pages is unknown: walk them one at a time.
  const width = lastPageForTotal === undefined ? 1 : concurrency;
  const inFlight = new Map<number, Promise<Record<string, unknown>>>();
  let nextToStart = firstPage + 1;
  /** Keeps `width` pages in flight; called before a page's items are handed out, so fetching overlaps the consumer's work. */
  const startMore = () => {
    while (inFlight.size < width && nextToStart <= lastPage) {
      const pending = fetchPage(pageRequest(nextToStart), signal);
      pending.catch(() => undefined); // awaited below in order; pages left behind when we stop are abandoned
      inFlight.set(nextToStart, pending);
      nextToStart += 1;
    }
  };

  // Nothing can follow a short page, whatever the total says.
  if (previousItems.length >= pageSize) startMore();
  if ((yield* deliver(firstPage, previousItems)) || previousItems.length < pageSize) return;

  for (let page = firstPage + 1; page <= lastPage; page++) {
    if (options.signal?.aborted) throw abortedError(spec.name, options.signal.reason);
    const pending = inFlight.get(page);
    if (!pending) break;
    const result = await pending;
    inFlight.delete(page);
    const items = itemsOf(result, paging.itemsField);
    if (lastPageForTotal === undefined && items.length > 0 && JSON.stringify(items) === JSON.stringify(previousItems)) {
      // A service that ignores the page number would otherwise be listed forever.
      throw new VolcSpeechError({
        action: spec.name,
        kind: 'protocol',
        code: 'PagingStalled',
        serviceMessage: `page ${page} repeats page ${page - 1}: the service seems to ignore ${paging.pageField}`,
      });
    }
    previousItems = items;
    const short = items.length < pageSize;
    if (!short) startMore();
    if ((yield* deliver(page, items)) || short) return;
  }
}

async function* pagesByToken(
  spec: ActionSpec,
  paging: Extract<PagingSpec, { style: 'token' }>,
  request: Readonly<Record<string, unknown>>,
  fetchPage: PageFetcher,
  options: ResolvedOptions,
): AsyncGenerator<unknown, void, undefined> {
  const { pageSize, maxItems, signal } = options;
  const seenTokens = new Set<string>();
  let token = typeof request[paging.tokenField] === 'string' && request[paging.tokenField] !== '' ? (request[paging.tokenField] as string) : undefined;
  let delivered = 0;
  for (let page = 1; ; page++) {
    if (options.signal?.aborted) throw abortedError(spec.name, options.signal.reason);
    const pageRequest: Record<string, unknown> = { ...request, [paging.sizeField]: pageSize };
    if (token === undefined) delete pageRequest[paging.tokenField];
    else pageRequest[paging.tokenField] = token;
    const result = await fetchPage(pageRequest, signal);
    const items = itemsOf(result, paging.itemsField);
    const room = maxItems - delivered;
    const taken = items.length > room ? items.slice(0, room) : items;
    delivered += taken.length;
    const total = toCount(result['TotalCount']);
    options.onPage?.({ page, items: delivered, ...(total !== undefined ? { total } : {}) });
    yield* taken;
    const next = result[paging.tokenField];
    if (delivered >= maxItems || items.length === 0 || typeof next !== 'string' || next === '') return;
    if (seenTokens.has(next) || next === token) {
      throw new VolcSpeechError({
        action: spec.name,
        kind: 'protocol',
        code: 'PagingStalled',
        serviceMessage: `the service returned ${paging.tokenField} ${JSON.stringify(next)} twice`,
      });
    }
    seenTokens.add(next);
    token = next;
  }
}
