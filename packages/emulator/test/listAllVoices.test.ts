/** listAllVoices (one query per documented State, merged by SpeakerID) through the real client and emulator. */
import { listAllVoices, VOICE_STATES } from '@volc-speech/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTarget, type TestTarget } from './helpers/emulator.js';

let t: TestTarget;

beforeAll(async () => {
  t = await startTarget({ orderDeliveryMs: 0 });
});
afterAll(() => t.close());

describe('listAllVoices against the emulator', () => {
  it('returns every visible voice of the project once, across all six states', async () => {
    const requests: string[] = [];
    const rows = await listAllVoices(t.client, { ProjectName: 'default' }, { pageSize: 7, onState: (state) => requests.push(state) });
    expect(requests).toEqual([...VOICE_STATES]);
    const ids = rows.map((r) => r.SpeakerID);
    expect(new Set(ids).size).toBe(ids.length);
    const perState = await Promise.all(
      VOICE_STATES.map(async (State) => (await t.client.listAll('BatchListMegaTTSTrainStatus', { ProjectName: 'default', State }, { pageSize: 100 })).length),
    );
    expect(rows.length).toBe(perState.reduce((a, b) => a + b, 0));
    expect(rows.length).toBeGreaterThan(7);
    expect(new Set(rows.map((r) => r.State)).size).toBeGreaterThan(1);
  });
});
