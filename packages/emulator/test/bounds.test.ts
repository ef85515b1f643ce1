/**
 * Numbers from a caller are bounded and finite before anything changes (issue 9, item 3): one
 * control call cannot freeze the emulator or put Infinity/NaN into the state (which JSON writes
 * as null and a reload refuses).
 */
import { ACTIONS, type ActionName } from '@volc-speech/client';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startEmulator, type EmulatorHandle } from '../src/index.js';
import { CONTROL_LIMITS } from '../src/runtime.js';
import { reviveState } from '../src/state/shape.js';
import { errorOf, send, signedCall } from './helpers/raw.js';

let emulator: EmulatorHandle;
beforeAll(async () => {
  // No clock-driven usage: the state changes only when a call changes it.
  emulator = await startEmulator({ quiet: true, faults: {}, usage: { live: false } });
});
afterAll(() => emulator.close());
beforeEach(() => emulator.control.reset());

const control = (path: string, body: unknown) =>
  send(`${emulator.url}/__emulator/${path}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
const call = (action: ActionName, body: unknown) => signedCall(emulator, { action, version: ACTIONS[action].version, body });

/** The state as it would be written, minus the clock-driven parts that move between two reads. */
function stable(): string {
  const { monitoring, ...rest } = emulator.control.snapshot();
  return JSON.stringify({ rest, usage: monitoring.usage, quotaPeaks: monitoring.quotaPeaks });
}

describe('control bounds', () => {
  it('advanceMs beyond a year is refused at once, not booked hour by hour', async () => {
    const started = performance.now();
    for (const advanceMs of [1e15, 1e308, CONTROL_LIMITS.maxAdvanceMs + 1, -1, 0, '3600000', null]) {
      const r = await control('usage', { advanceMs });
      expect(r.status, String(advanceMs)).toBe(400);
      expect(r.json).toEqual({ ok: false, error: expect.stringMatching(/advanceMs must be a number > 0 and ≤/) });
    }
    expect(performance.now() - started).toBeLessThan(5_000);
    expect((await control('usage', { advanceMs: CONTROL_LIMITS.maxAdvanceMs })).status).toBe(200);
  });

  it('an amount of 1e308 is refused; the buckets stay finite', async () => {
    const before = stable();
    for (const amount of [1e308, CONTROL_LIMITS.maxUsageAmount * 2, -5, 0, 'lots']) {
      const r = await control('usage', { amount });
      expect(r.status, String(amount)).toBe(400);
      expect(r.json).toEqual({ ok: false, error: expect.stringMatching(/amount must be a number > 0 and ≤ 1000000000000/) });
    }
    expect(stable()).toBe(before);
    expect((await control('usage', { amount: CONTROL_LIMITS.maxUsageAmount })).status).toBe(200);
    expect((await control('usage', { amount: CONTROL_LIMITS.maxUsageAmount })).status).toBe(200);
    expect(() => reviveState(JSON.parse(JSON.stringify(emulator.control.snapshot())))).not.toThrow();
  });

  it('a request with one good and one bad part changes nothing', async () => {
    const before = stable();
    expect((await control('usage', { amount: 5000, advanceMs: 1e15 })).status).toBe(400);
    expect((await control('usage', { amount: 5000, quotaLoad: { percent: 500 } })).status).toBe(400);
    expect((await control('usage', { advanceMs: 3_600_000, quotaLoad: { percent: 50, quotaType: 'nope' } })).status).toBe(400);
    expect(stable()).toBe(before);
  });

  it('fault settings are bounded', async () => {
    for (const patch of [{ latencyMs: 1e12 }, { qps: 1e300 }, { failNext: { count: 1e20, httpStatus: 500, code: 'X' } }, { failNext: { count: 1, httpStatus: 500, code: 'X', codeN: 1.5 } }]) {
      const r = await control('faults', patch);
      expect(r.status, JSON.stringify(patch)).toBe(400);
    }
    expect(emulator.control.faults()).toEqual({});
  });
});

describe('terms in months', () => {
  const huge = 2 ** 31 - 1;

  it('a Times no calendar can hold is InvalidParameter, and the state stays loadable', async () => {
    const speakerId = Object.values(emulator.state.voices.speakers).find((v) => v.state === 'Success')?.speakerId as string;
    const trial = Object.values(emulator.state.voices.speakers).find((v) => v.trial)?.speakerId as string;
    const before = stable();
    const refusals = [
      await call('RenewAccessResourcePacks', { SpeakerIDs: [speakerId], Times: huge }),
      await call('FormalizeResourcePacks', { ProjectName: 'default', TrainID: trial, Times: huge, Tags: [{ Key: 'team', Value: 'ops' }] }),
      await call('OrderAccessResourcePacks', { ProjectName: 'default', ResourceID: 'volc.megatts.voiceclone', Code: 'Model_storage', Quantity: 1, Times: huge }),
      await call('OrderResourcePacks', { ProjectName: 'default', ResourceID: 'volc.service_type.10029', Configurations: [{ Code: 'tts_bigmodel_chars_1m', Quantity: 1, Times: huge }] }),
    ];
    for (const r of refusals) {
      expect(r.status, r.text).toBe(400);
      expect(errorOf(r)).toMatchObject({ Code: 'InvalidParameter', Message: expect.stringMatching(/Times: must be an integer from 1 to 1200/) });
    }
    expect(stable()).toBe(before);
    expect(() => reviveState(JSON.parse(JSON.stringify(emulator.control.snapshot())))).not.toThrow();
    expect((await call('RenewAccessResourcePacks', { SpeakerIDs: [speakerId], Times: 1200 })).status).toBe(200);
  });
});
