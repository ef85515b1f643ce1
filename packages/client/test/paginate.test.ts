import { describe, expect, it } from 'vitest';
import { VolcSpeechClient, type VolcSpeechClientOptions } from '../src/client.js';
import { VolcSpeechError } from '../src/errors.js';
import type { PageProgress } from '../src/paginate.js';
import { FakeClock, TEST_CREDENTIALS, fakeFetch, okEnvelope, waitForAbort, type FakeHandler, type SeenRequest } from './support/fakes.js';

/** A fake BatchListMegaTTSTrainStatus over `count` voices, reporting `reportedTotal`. */
function voicesServer(count: number, options: { reportedTotal?: number | null; delay?: (page: number) => number } = {}) {
  let inFlight = 0;
  let maxInFlight = 0;
  const pagesAsked: number[] = [];
  const handler: FakeHandler = async (request: SeenRequest) => {
    const page = Number(request.json['PageNumber'] ?? 1);
    const size = Number(request.json['PageSize']);
    pagesAsked.push(page);
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    try {
      const wait = options.delay?.(page) ?? 0;
      if (wait) await Promise.race([new Promise((r) => setTimeout(r, wait)), waitForAbort(request.signal)]);
      const from = (page - 1) * size;
      const statuses = Array.from({ length: Math.max(0, Math.min(size, count - from)) }, (_, i) => ({ SpeakerID: `S_${from + i}`, State: 'Success' }));
      const result: Record<string, unknown> = { Statuses: statuses, PageNumber: page, PageSize: size };
      if (options.reportedTotal !== null) result['TotalCount'] = options.reportedTotal ?? count;
      return okEnvelope('BatchListMegaTTSTrainStatus', result);
    } finally {
      inFlight--;
    }
  };
  return { handler, pagesAsked, maxInFlight: () => maxInFlight };
}

function makeClient(handler: FakeHandler, options: Partial<VolcSpeechClientOptions> = {}) {
  const { fetch, requests } = fakeFetch(handler);
  const client = new VolcSpeechClient({ credentials: TEST_CREDENTIALS, fetch, clock: new FakeClock(), rateLimit: false, env: {}, ...options });
  return { client, requests };
}

const VOICES = { ProjectName: 'default', State: 'Success' } as const;
const ids = (items: Array<{ SpeakerID?: string }>) => items.map((v) => v.SpeakerID);

describe('paginate, page style', () => {
  it('lists every item in order across pages', async () => {
    const server = voicesServer(250);
    const { client } = makeClient(server.handler);
    const items = await client.listAll('BatchListMegaTTSTrainStatus', VOICES, { pageSize: 100 });
    expect(ids(items)).toEqual(Array.from({ length: 250 }, (_, i) => `S_${i}`));
    expect(server.pagesAsked.sort()).toEqual([1, 2, 3]);
  });

  it('keeps at most `concurrency` pages in flight, and yields in order when later pages finish first', async () => {
    // Earlier pages answer slower, so completion order is the reverse of page order.
    const server = voicesServer(1000, { delay: (page) => (page === 1 ? 0 : 5 + (12 - page) * 3) });
    const { client } = makeClient(server.handler);
    const items = await client.listAll('BatchListMegaTTSTrainStatus', VOICES, { pageSize: 100, concurrency: 3 });
    expect(ids(items)).toEqual(Array.from({ length: 1000 }, (_, i) => `S_${i}`));
    expect(server.maxInFlight()).toBe(3);

    const sequential = voicesServer(1000, { delay: () => 2 });
    await makeClient(sequential.handler).client.listAll('BatchListMegaTTSTrainStatus', VOICES, { pageSize: 100, concurrency: 1 });
    expect(sequential.maxInFlight()).toBe(1);
  });

  it('defaults to 4 pages in flight', async () => {
    const server = voicesServer(2000, { delay: () => 3 });
    await makeClient(server.handler).client.listAll('BatchListMegaTTSTrainStatus', VOICES, { pageSize: 100 });
    expect(server.maxInFlight()).toBe(4);
  });

  it('stops at a short page even when the total promises more', async () => {
    const server = voicesServer(150, { reportedTotal: 1000 });
    const { client } = makeClient(server.handler);
    const items = await client.listAll('BatchListMegaTTSTrainStatus', VOICES, { pageSize: 100, concurrency: 1 });
    expect(items).toHaveLength(150);
    expect(server.pagesAsked).toEqual([1, 2]);
  });

  it('stops at an empty page, and discards pages fetched ahead of it', async () => {
    // Page 3 comes back empty (the listing changed under us) while pages 4+ still have rows:
    // nothing after the empty page may be yielded, even though those pages were already fetched.
    const server = voicesServer(900, { delay: (page) => (page === 3 ? 5 : 0) });
    const { client } = makeClient((r, i) => (Number(r.json['PageNumber']) === 3 ? okEnvelope('BatchListMegaTTSTrainStatus', { TotalCount: 900, Statuses: [] }) : server.handler(r, i)));
    const items = await client.listAll('BatchListMegaTTSTrainStatus', VOICES, { pageSize: 100, concurrency: 4 });
    expect(ids(items)).toEqual(Array.from({ length: 200 }, (_, i) => `S_${i}`));
  });

  it('stops at a short page in the middle, with pages ahead already fetched', async () => {
    const server = voicesServer(900);
    const { client } = makeClient((r, i) =>
      Number(r.json['PageNumber']) === 2 ? okEnvelope('BatchListMegaTTSTrainStatus', { TotalCount: 900, Statuses: [{ SpeakerID: 'S_short' }] }) : server.handler(r, i),
    );
    const items = await client.listAll('BatchListMegaTTSTrainStatus', VOICES, { pageSize: 100, concurrency: 4 });
    expect(items).toHaveLength(101);
    expect(ids(items).at(-1)).toBe('S_short');
  });

  it('walks pages one by one until a short page when there is no total', async () => {
    const server = voicesServer(230, { reportedTotal: null, delay: () => 1 });
    const { client } = makeClient(server.handler);
    const items = await client.listAll('BatchListMegaTTSTrainStatus', VOICES, { pageSize: 100, concurrency: 4 });
    expect(items).toHaveLength(230);
    expect(server.pagesAsked).toEqual([1, 2, 3]);
    expect(server.maxInFlight()).toBe(1);
  });

  it('requests no page beyond maxItems', async () => {
    const server = voicesServer(10_000);
    const { client } = makeClient(server.handler);
    const items = await client.listAll('BatchListMegaTTSTrainStatus', VOICES, { pageSize: 100, maxItems: 250 });
    expect(items).toHaveLength(250);
    expect(ids(items).at(-1)).toBe('S_249');
    expect(server.pagesAsked.sort()).toEqual([1, 2, 3]);
  });

  it('reports progress per page', async () => {
    const progress: PageProgress[] = [];
    const { client } = makeClient(voicesServer(250).handler);
    await client.listAll('BatchListMegaTTSTrainStatus', VOICES, { pageSize: 100, onPage: (p) => progress.push(p) });
    expect(progress).toEqual([
      { page: 1, pages: 3, items: 100, total: 250 },
      { page: 2, pages: 3, items: 200, total: 250 },
      { page: 3, pages: 3, items: 250, total: 250 },
    ]);
  });

  it('sends the page size as a string for ListSpeakers (Limit is typed string)', async () => {
    const { client, requests } = makeClient((r) =>
      okEnvelope('ListSpeakers', { Total: 3, Speakers: Number(r.json['Page']) === 1 ? [{ VoiceType: 'a' }, { VoiceType: 'b' }] : [{ VoiceType: 'c' }] }),
    );
    const speakers = await client.listAll('ListSpeakers', { ResourceIDs: ['seed-tts-2.0'] }, { pageSize: 2 });
    expect(speakers.map((s) => s.VoiceType)).toEqual(['a', 'b', 'c']);
    expect(requests.map((r) => r.json)).toEqual([
      { ResourceIDs: ['seed-tts-2.0'], Limit: '2', Page: 1 },
      { ResourceIDs: ['seed-tts-2.0'], Limit: '2', Page: 2 },
    ]);
  });

  it('rejects a page size above the action maximum before any request', async () => {
    const { client, requests } = makeClient(voicesServer(10).handler);
    await expect(client.listAll('ResourcePacksStatus', { ProjectName: 'p', PageSize: 100, ResourceIDs: ['r'] }, { pageSize: 500 })).rejects.toMatchObject({ kind: 'validation', field: 'PageSize' });
    expect(requests).toHaveLength(0);
  });

  it('cancels the pages in flight when the consumer stops early', async () => {
    const signals: Array<AbortSignal | undefined> = [];
    const server = voicesServer(1000, { delay: (page) => (page === 1 ? 0 : 30) });
    const { client } = makeClient(async (r, i) => {
      signals.push(r.signal);
      return server.handler(r, i);
    });
    let seen = 0;
    for await (const _voice of client.paginate('BatchListMegaTTSTrainStatus', VOICES, { pageSize: 100, concurrency: 4 })) {
      if (++seen === 100) break;
    }
    expect(signals.length).toBe(5); // page 1, then pages 2–5 started ahead
    expect(signals.slice(1).every((s) => s?.aborted)).toBe(true);
  });

  it('ends with an aborted error when the caller aborts', async () => {
    const controller = new AbortController();
    const server = voicesServer(1000, { delay: (page) => (page === 1 ? 0 : 50) });
    const { client } = makeClient(server.handler);
    const listing = client.listAll('BatchListMegaTTSTrainStatus', VOICES, { pageSize: 100, signal: controller.signal });
    setTimeout(() => controller.abort(), 10);
    const error = await listing.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(VolcSpeechError);
    expect((error as VolcSpeechError).kind).toBe('aborted');
  });
});

describe('paginate, token style', () => {
  it('follows NextToken until it is empty', async () => {
    const pages: Record<string, { items: string[]; next: string }> = {
      '': { items: ['r1', 'r2'], next: 'tok-2' },
      'tok-2': { items: ['r3'], next: 'tok-3' },
      'tok-3': { items: ['r4'], next: '' },
    };
    const { client, requests } = makeClient((r) => {
      const page = pages[String(r.json['NextToken'] ?? '')]!;
      return okEnvelope('ListTagsForResources', { ResourceTags: page.items.map((id) => ({ ResourceId: id })), NextToken: page.next });
    });
    const tags = await client.listAll('ListTagsForResources', { ResourceType: 'quota', ResourceIds: ['r1'] }, { pageSize: 2 });
    expect(tags.map((t) => t.ResourceId)).toEqual(['r1', 'r2', 'r3', 'r4']);
    expect(requests.map((r) => r.json)).toEqual([
      { ResourceType: 'quota', ResourceIds: ['r1'], MaxResults: 2 },
      { ResourceType: 'quota', ResourceIds: ['r1'], MaxResults: 2, NextToken: 'tok-2' },
      { ResourceType: 'quota', ResourceIds: ['r1'], MaxResults: 2, NextToken: 'tok-3' },
    ]);
  });

  it('stops at maxItems and at an empty page', async () => {
    let n = 0;
    const { client, requests } = makeClient(() => okEnvelope('ListTagsForResources', { ResourceTags: [{ ResourceId: `r${++n}` }, { ResourceId: `r${++n}` }], NextToken: `t${n}` }));
    expect(await client.listAll('ListTagsForResources', { ResourceType: 'quota', ResourceIds: ['r1'] }, { maxItems: 3 })).toHaveLength(3);
    expect(requests).toHaveLength(2);

    const empty = makeClient(() => okEnvelope('ListTagsForResources', { ResourceTags: [], NextToken: 'still-a-token' }));
    expect(await empty.client.listAll('ListTagsForResources', { ResourceType: 'quota', ResourceIds: ['r1'] })).toEqual([]);
    expect(empty.requests).toHaveLength(1);
  });

  it('fails instead of looping when the service repeats a token', async () => {
    const { client } = makeClient(() => okEnvelope('ListTagsForResources', { ResourceTags: [{ ResourceId: 'r' }], NextToken: 'same' }));
    await expect(client.listAll('ListTagsForResources', { ResourceType: 'quota', ResourceIds: ['r1'] })).rejects.toMatchObject({ kind: 'protocol', code: 'PagingStalled' });
  });
});

describe('paginate through the rate limiter', () => {
  it('spaces bulk page requests at the configured qps', async () => {
    const clock = new FakeClock(0);
    const server = voicesServer(1000);
    const arrivals: number[] = [];
    const { client } = makeClient(
      (r, i) => {
        arrivals.push(clock.now());
        return server.handler(r, i);
      },
      { clock, rateLimit: { qps: 5 } },
    );
    const items = await client.listAll('BatchListMegaTTSTrainStatus', VOICES, { pageSize: 100, concurrency: 4 });
    expect(items).toHaveLength(1000);
    // A burst of 5 at once, then one every 200 ms: the 10th page goes out at 1 s.
    expect(arrivals.filter((t) => t === 0)).toHaveLength(5);
    expect(Math.max(...arrivals)).toBe(1000);
    for (let i = 5; i < arrivals.length; i++) expect(arrivals.filter((t) => t <= arrivals[i]! ).length).toBeLessThanOrEqual(5 + Math.floor(arrivals[i]! / 200));
  });
});
