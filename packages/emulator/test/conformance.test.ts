/**
 * Conformance: the emulator answers every row of the client's LIVE_FACTS table (shared/api §6:
 * what the live service is known to answer to incomplete or wrong requests, with source tags)
 * exactly as the table says, over real HTTP, sent as is by the real client (`callUnvalidated`,
 * so the client's own validation does not hide the emulator's answer).
 */
import {
  ACTIONS,
  expectsSuccess,
  LIVE_FACTS,
  resultMatches,
  serviceDay,
  VolcSpeechError,
  type FactContext,
  type VolcSpeechClient,
} from '@volc-speech/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientFor, startTarget, type TestTarget } from './helpers/emulator.js';

let t: TestTarget;
let c: VolcSpeechClient;

const CONTEXT: FactContext = {
  projectName: 'default',
  resourceId: 'volc.service_type.10029',
  blueprintId: 10029,
  // Never activated in the demo account.
  absentResourceId: 'volc.bigasr.auc',
  today: serviceDay(Date.now()),
};

beforeAll(async () => {
  t = await startTarget({ orderDeliveryMs: 0 });
  c = t.client;
});
afterAll(() => t.close());

async function answer(client: VolcSpeechClient, action: string, request: Record<string, unknown>) {
  try {
    return { httpStatus: 200, result: await client.callUnvalidated(action, request) };
  } catch (error) {
    if (!(error instanceof VolcSpeechError) || error.kind !== 'service') throw error;
    return { httpStatus: error.httpStatus, code: error.code, message: error.serviceMessage ?? '' };
  }
}

describe('LIVE_FACTS against the emulator', () => {
  it.each(LIVE_FACTS.map((fact) => [fact.id, fact] as const))('%s', async (_id, fact) => {
    const got = await answer(c, fact.action, fact.request(CONTEXT));
    const expected = fact.expect;
    if (expectsSuccess(expected)) {
      expect(got, `${fact.action} ${fact.case} (${fact.source})`).toMatchObject({ httpStatus: 200 });
      expect(resultMatches(expected.result, got.result ?? {}), `${fact.action} ${fact.case}: ${JSON.stringify(got.result).slice(0, 300)}`).toBe(true);
    } else {
      expect(got, `${fact.action} ${fact.case} (${fact.source})`).toMatchObject({ httpStatus: expected.httpStatus, code: expected.code });
      if (expected.message) expect(got.message).toContain(expected.message);
    }
  });

  it('has a row leaving out each field the API Explorer marks required beyond the SDK (§6.1)', () => {
    const explRequired = Object.entries(ACTIONS).flatMap(([action, spec]) =>
      Object.entries(spec.fields).flatMap(([field, fieldSpec]) => ((fieldSpec as { requiredBy?: string }).requiredBy === 'EXPL' ? [[action, field] as const] : [])),
    );
    expect(explRequired).toHaveLength(11);
    for (const [action, field] of explRequired) {
      const row = LIVE_FACTS.find((f) => f.action === action && !Object.hasOwn(f.request(CONTEXT), field));
      expect(row, `${action} without ${field}`).toBeDefined();
    }
  });

  it('every row names its source', () => {
    for (const fact of LIVE_FACTS) expect(fact.source).toMatch(/LIVE1|EXPL|GO|DOC23|VEADK/);
  });
});

describe('the complete requests the facts start from are accepted', () => {
  it('ResourcePacksStatus with ProjectName, ResourceIDs and all three Types lists the packs', async () => {
    const r = await c.call('ResourcePacksStatus', { ProjectName: 'default', PageSize: 100, ResourceIDs: [CONTEXT.resourceId] });
    expect(r.TotalCount).toBeGreaterThan(0);
    expect(r.Packs?.every((p) => p.ResourceID === CONTEXT.resourceId)).toBe(true);
  });

  it('QuotaMonitoring with a QuotaType lists only that type', async () => {
    const r = await c.call('QuotaMonitoring', { ProjectName: 'default', ResourceID: CONTEXT.resourceId, Start: CONTEXT.today, End: CONTEXT.today, QuotaType: 'qps' });
    expect(r.QuotaMonitoring?.length).toBeGreaterThan(0);
    expect(r.QuotaMonitoring?.every((row) => row.QuotaType === 'qps')).toBe(true);
  });

  it('a monitoring range longer than 7 days is refused (EXPL)', async () => {
    const error = await answer(c, 'UsageMonitoring', { ProjectName: 'default', ResourceID: CONTEXT.resourceId, Start: serviceDay(Date.now(), -7), End: CONTEXT.today, Mode: 'daily' });
    expect(error).toMatchObject({ httpStatus: 400, code: 'InvalidParameter' });
  });
});

describe('State "" behind the acceptEmptyVoiceState option', () => {
  it('lists every voice when the option is on (the default refuses it, above)', async () => {
    const open = await startTarget({ acceptEmptyVoiceState: true });
    try {
      const client = clientFor(open.emulator);
      const all = await client.callUnvalidated('BatchListMegaTTSTrainStatus', { ProjectName: 'default', State: '', PageSize: 100 });
      const states = new Set((all['Statuses'] as Array<{ State: string }>).map((s) => s.State));
      expect(states.size).toBeGreaterThan(2);
    } finally {
      await open.close();
    }
  });
});
