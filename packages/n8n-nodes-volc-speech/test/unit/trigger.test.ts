/** The trigger's event detection (pure) and its polls with n8n's context faked. */
import type { IDataObject } from 'n8n-workflow';
import { afterEach, describe, expect, it, vi } from 'vitest';

import { VolcSpeechTrigger } from '../../nodes/VolcSpeechTrigger/VolcSpeechTrigger.node';
import { detectQuotaCrossings, packObservations, rateLimitObservations } from '../../nodes/VolcSpeechTrigger/events/quota';
import { detectStatusChanges } from '../../nodes/VolcSpeechTrigger/events/serviceStatus';
import { DAY_MS, detectExpiringVoices, detectFinishedTraining } from '../../nodes/VolcSpeechTrigger/events/voices';
import { serviceDay } from '@volc-speech/client';
import { pollEvents } from '../../nodes/VolcSpeechTrigger/poll';
import { fakeApi } from '../support/fakeApi';
import { pollContext } from '../support/fakeContext';

const NOW = new Date('2025-06-01T04:00:00Z');
const nodeType = new VolcSpeechTrigger();

afterEach(() => {
  vi.unstubAllGlobals();
});

const pack = (resourceId: string, purchased: number, used: number, extra: IDataObject = {}): IDataObject => ({
  ResourceID: resourceId,
  TrainID: `${resourceId}-${purchased}-${used}`,
  Harvest: { ResourceID: resourceId, PurchasedAmount: purchased, CurrentUsage: used, Unit: 'chars' },
  ...extra,
});

describe('quota crossing detection', () => {
  it('sums resource-pack spend per resource from Harvest (purchased − used)', () => {
    const observations = packObservations([pack('tts', 1000, 900), pack('tts', 1000, 1000), pack('clone', 10, 1), pack('tts', 500, 0, { State: 'Expired' })], 'resource');
    expect(observations).toEqual([
      expect.objectContaining({ key: 'resource:tts:chars', percentUsed: 95, details: expect.objectContaining({ purchased: 2000, used: 1900, remaining: 100 }) }),
      expect.objectContaining({ key: 'resource:clone:chars', percentUsed: 10 }),
    ]);
    expect(packObservations([pack('tts', 1000, 900), pack('tts', 1000, 1000)], 'pack').map((o) => o.percentUsed)).toEqual([90, 100]);
  });

  it('reads rate-limit use from QuotaMonitoring Value against its lower-case limit', () => {
    const rows = [
      { Day: '2025-06-01', QuotaType: 'qps', Value: 19, limit: 20 },
      { Day: '2025-06-01', QuotaType: 'concurrency', Value: 1, limit: 10 },
      { Day: '2025-06-01', QuotaType: 'qps', Value: 1, limit: 0 },
    ];
    expect(rateLimitObservations(rows, 'tts', 'qps')).toEqual([
      { key: 'rate:tts:qps:2025-06-01', percentUsed: 95, details: { quotaSource: 'rateLimit', resourceId: 'tts', quotaType: 'qps', day: '2025-06-01', value: 19, limit: 20 } },
    ]);
  });

  it('fires once per crossing, remembers it, and re-arms when use drops below', () => {
    const at = (percentUsed: number) => [{ key: 'k', percentUsed, details: {} }];
    const first = detectQuotaCrossings(at(80), undefined, 95, NOW);
    expect(first).toEqual({ events: [], memory: {} });
    const crossed = detectQuotaCrossings(at(96), first.memory, 95, NOW);
    expect(crossed.events).toEqual([expect.objectContaining({ event: 'quotaThresholdCrossed', key: 'k', percentUsed: 96, thresholdPercent: 95 })]);
    const still = detectQuotaCrossings(at(99), crossed.memory, 95, NOW);
    expect(still.events).toEqual([]);
    const dropped = detectQuotaCrossings(at(10), still.memory, 95, NOW);
    expect(dropped.memory).toEqual({});
    expect(detectQuotaCrossings(at(95), dropped.memory, 95, NOW).events).toHaveLength(1);
  });
});

describe('status, training and expiry detection', () => {
  it('service status: baseline first, then one event per change', () => {
    const first = detectStatusChanges([{ resourceId: 'tts', status: 'Running' }], undefined, NOW);
    expect(first.events).toEqual([]);
    const same = detectStatusChanges([{ resourceId: 'tts', status: 'Running' }], first.memory, NOW);
    expect(same.events).toEqual([]);
    const paused = detectStatusChanges([{ resourceId: 'tts', status: 'Paused' }], same.memory, NOW);
    expect(paused.events).toEqual([
      expect.objectContaining({ event: 'serviceStatusChanged', resourceId: 'tts', previousStatus: 'Running', status: 'Paused', previousState: 'running', state: 'paused' }),
    ]);
    expect(paused.memory).toEqual({ tts: 'Paused' });
  });

  it('training finished: baseline first; fires when a voice reaches Success/Active, once', () => {
    const base = detectFinishedTraining([{ SpeakerID: 'S_1', State: 'Training' }, { SpeakerID: 'S_2', State: 'Success' }], undefined, NOW);
    expect(base.events).toEqual([]);
    const done = detectFinishedTraining(
      [{ SpeakerID: 'S_1', State: 'Success' }, { SpeakerID: 'S_2', State: 'Active' }, { SpeakerID: 'S_3', State: 'Active' }],
      base.memory,
      NOW,
    );
    expect(done.events.map((event) => [event.speakerId, event.previousState])).toEqual([
      ['S_1', 'Training'],
      ['S_3', null],
    ]);
    expect(detectFinishedTraining([{ SpeakerID: 'S_1', State: 'Active' }], done.memory, NOW).events).toEqual([]);
  });

  it('expiring soon: within N days, once per voice and expiry date; a renewal re-arms', () => {
    const soon = NOW.getTime() + 3 * DAY_MS;
    const voices = [
      { SpeakerID: 'S_1', State: 'Active', ExpireTime: soon },
      { SpeakerID: 'S_2', State: 'Active', ExpireTime: NOW.getTime() + 30 * DAY_MS },
      { SpeakerID: 'S_3', State: 'Active', ExpireTime: Math.floor(soon / 1000) },
    ];
    const first = detectExpiringVoices(voices, undefined, NOW, 7);
    expect(first.events.map((event) => [event.speakerId, event.daysLeft])).toEqual([
      ['S_1', 3],
      ['S_3', 3],
    ]);
    expect(detectExpiringVoices(voices, first.memory, NOW, 7).events).toEqual([]);
    const renewed = [{ SpeakerID: 'S_1', State: 'Active', ExpireTime: soon + 2 * DAY_MS }];
    expect(detectExpiringVoices(renewed, first.memory, NOW, 7).events.map((event) => event.speakerId)).toEqual(['S_1']);
  });
});

describe('polls with a faked n8n context', () => {
  it('resource-pack quota: fires once on the crossing, and static data remembers it', async () => {
    let used = 900;
    fakeApi({ ResourcePacksStatus: () => ({ Packs: [pack('volc.service_type.10029', 1000, used)], TotalCount: 1 }) }).install();
    const staticData: IDataObject = {};
    const poll = () => pollEvents.call(pollContext(nodeType, { parameters: { event: 'quotaThreshold', thresholdPercent: 95 }, staticData }), NOW);
    expect(await poll()).toBeNull();
    used = 960;
    const fired = await poll();
    expect(fired?.[0]).toEqual([
      {
        json: expect.objectContaining({
          event: 'quotaThresholdCrossed',
          quotaSource: 'resourcePack',
          resourceId: 'volc.service_type.10029',
          percentUsed: 96,
          purchased: 1000,
          used: 960,
          remaining: 40,
        }),
      },
    ]);
    expect(staticData.quota).toEqual({ 'resource:volc.service_type.10029:chars': NOW.toISOString() });
    used = 990;
    expect(await poll()).toBeNull();
  });

  it('rate-limit quota: asks QuotaMonitoring for today in Beijing time, not the workflow time zone', async () => {
    const api = fakeApi({ QuotaMonitoring: (body) => ({ QuotaMonitoring: [{ Day: body.Start, QuotaType: 'qps', Value: 10, limit: 10 }] }) }).install();
    const context = pollContext(nodeType, {
      parameters: { event: 'quotaThreshold', quotaSource: 'rateLimit', resourceId: { __rl: true, mode: 'id', value: 'volc.service_type.10029' }, thresholdPercent: 90 },
      timezone: 'UTC',
    });
    const fired = await pollEvents.call(context, new Date('2025-06-01T20:00:00Z'));
    expect(api.calls[0]!.body).toEqual({ ProjectName: 'default', ResourceID: 'volc.service_type.10029', Start: '2025-06-02', End: '2025-06-02', Mode: 'daily', QuotaType: 'qps' });
    expect(fired?.[0]?.[0]?.json).toMatchObject({ quotaSource: 'rateLimit', day: '2025-06-02', percentUsed: 100 });
    expect(serviceDay(new Date('2025-06-01T20:00:00Z').getTime())).toBe('2025-06-02');
  });

  it('service status: silent on the first poll, fires on the change', async () => {
    let status = 'Running';
    const api = fakeApi({ ServiceStatus: () => ({ Status: status }) }).install();
    const staticData: IDataObject = {};
    const poll = () => pollEvents.call(pollContext(nodeType, { parameters: { event: 'serviceStatusChanged' }, staticData }), NOW);
    expect(await poll()).toBeNull();
    status = 'Paused';
    expect((await poll())?.[0]?.[0]?.json).toMatchObject({ previousStatus: 'Running', status: 'Paused', state: 'paused' });
    expect(api.calls[0]!.body).toEqual({ ProjectName: 'default', ResourceID: 'volc.service_type.10029', BlueprintID: 10029 });
  });

  it('voice training finished and expiring soon, from BatchListMegaTTSTrainStatus', async () => {
    const states: Record<string, string> = { S_1: 'Training' };
    const expiresAt = NOW.getTime() + 2 * DAY_MS;
    const api = fakeApi({
      BatchListMegaTTSTrainStatus: (body) => {
        const rows = Object.entries(states)
          .filter(([, state]) => state === body.State)
          .map(([id, state]) => ({ SpeakerID: id, State: state, ExpireTime: expiresAt }));
        return { Statuses: rows, TotalCount: rows.length };
      },
    }).install();
    const training: IDataObject = {};
    const pollTraining = () => pollEvents.call(pollContext(nodeType, { parameters: { event: 'voiceTrainingFinished' }, staticData: training }), NOW);
    expect(await pollTraining()).toBeNull();
    states.S_1 = 'Success';
    expect((await pollTraining())?.[0]?.map((item) => item.json.speakerId)).toEqual(['S_1']);
    expect(await pollTraining()).toBeNull();
    expect(new Set(api.calls.map((call) => call.body.State))).toEqual(new Set(['Training', 'Success', 'Active']));

    const expiry: IDataObject = {};
    const pollExpiry = () => pollEvents.call(pollContext(nodeType, { parameters: { event: 'voiceExpiringSoon', withinDays: 7 }, staticData: expiry }), NOW);
    expect((await pollExpiry())?.[0]?.[0]?.json).toMatchObject({ event: 'voiceExpiringSoon', speakerId: 'S_1', daysLeft: 2, withinDays: 7 });
    expect(await pollExpiry()).toBeNull();
    const expiryCall = api.calls.at(-1)!;
    expect(expiryCall.body).toMatchObject({ ExpireTimeStart: NOW.getTime(), ExpireTimeEnd: NOW.getTime() + 7 * DAY_MS });
  });

  it('"Fetch Test Event" (manual) shows a sample and leaves the memory alone', async () => {
    fakeApi({ ResourcePacksStatus: () => ({ Packs: [pack('volc.service_type.10029', 1000, 100)], TotalCount: 1 }) }).install();
    const staticData: IDataObject = {};
    const result = await pollEvents.call(pollContext(nodeType, { parameters: { event: 'quotaThreshold' }, staticData, mode: 'manual' }), NOW);
    expect(result?.[0]?.[0]?.json).toMatchObject({ event: 'quotaThresholdCrossed', sample: true, percentUsed: 10, fromTestRun: true });
    expect(staticData).toEqual({});
  });

  it('a test run marks really due events too, and does not use them up', async () => {
    fakeApi({ ResourcePacksStatus: () => ({ Packs: [pack('volc.service_type.10029', 1000, 990)], TotalCount: 1 }) }).install();
    const staticData: IDataObject = {};
    const manual = await pollEvents.call(pollContext(nodeType, { parameters: { event: 'quotaThreshold' }, staticData, mode: 'manual' }), NOW);
    expect(manual?.[0]?.[0]?.json).toMatchObject({ event: 'quotaThresholdCrossed', percentUsed: 99, fromTestRun: true });
    expect(manual?.[0]?.[0]?.json.sample).toBeUndefined();
    const real = await pollEvents.call(pollContext(nodeType, { parameters: { event: 'quotaThreshold' }, staticData }), NOW);
    expect(real?.[0]?.[0]?.json).toMatchObject({ event: 'quotaThresholdCrossed', percentUsed: 99 });
    expect(real?.[0]?.[0]?.json.fromTestRun).toBeUndefined();
  });

  it('watches the chosen services (default: the catalogue default), and says when nothing is found for them', async () => {
    const api = fakeApi({ ResourcePacksStatus: () => ({ Packs: [], TotalCount: 0 }) }).install();
    const result = await pollEvents.call(pollContext(nodeType, { parameters: { event: 'quotaThreshold', otherResourceIds: 'volc.custom.1' }, mode: 'manual' }), NOW);
    expect(api.calls[0]?.body.ResourceIDs).toEqual(['volc.service_type.10029', 'volc.custom.1']);
    expect(result?.[0]?.[0]?.json).toMatchObject({ event: 'nothingFound', sample: true, fromTestRun: true });
    expect(String(result?.[0]?.[0]?.json.message)).toMatch(/^Nothing found for these services in project "default": Doubao TTS .*\(volc\.service_type\.10029\), volc\.custom\.1\./);
    // A real poll stays silent: nothing to report is not an event.
    fakeApi({ ResourcePacksStatus: () => ({ Packs: [], TotalCount: 0 }) }).install();
    expect(await pollEvents.call(pollContext(nodeType, { parameters: { event: 'quotaThreshold' } }), NOW)).toBeNull();
  });

  it('asks for the Blueprint ID of a service no source gives one for', async () => {
    fakeApi({ ServiceStatus: () => ({ Status: 'Running' }) }).install();
    const context = pollContext(nodeType, { parameters: { event: 'serviceStatusChanged', statusResourceId: { __rl: true, mode: 'id', value: 'volc.custom.1' } } });
    await expect(pollEvents.call(context, NOW)).rejects.toThrow('Set "Blueprint ID": no source gives the blueprint of volc.custom.1');
  });

  it('turns a failed call into a NodeApiError', async () => {
    fakeApi({}).install();
    await expect(pollEvents.call(pollContext(nodeType, { parameters: { event: 'serviceStatusChanged' } }), NOW)).rejects.toThrow(/InvalidActionOrVersion/);
  });
});
