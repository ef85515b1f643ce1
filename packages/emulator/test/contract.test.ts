/**
 * The contract suite: every one of the 25 actions, called by the real VolcSpeechClient over
 * real HTTP against a running emulator — one success and at least one documented error each.
 * The case table is typed over ActionName, so an action added to the table without a case
 * here fails to compile.
 */
import { ACTION_NAMES, VolcSpeechError, type ActionName, type VolcSpeechClient } from '@volc-speech/client';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_CREDENTIALS } from '../src/index.js';
import { DEMO_APP_ID } from '../src/seed.js';
import type { VoiceRecord } from '../src/state/model.js';
import { DAY_MS, dayKey } from '../src/state/time.js';
import { clientFor, rejectionOf, startTarget, type TestTarget } from './helpers/emulator.js';

const RESTRICTED = { accessKeyId: 'AKLTcmVzdHJpY3RlZC1rZXktZm9yLXRlc3Rz', secretAccessKey: 'cmVzdHJpY3RlZA==', allowedActions: ['ListAPIKeys'] };
const P = 'default';
const TTS = 'volc.service_type.10029';

let t: TestTarget;
let c: VolcSpeechClient;

beforeAll(async () => {
  t = await startTarget({ orderDeliveryMs: 0, accessKeys: [DEMO_CREDENTIALS, RESTRICTED] });
  c = t.client;
});
afterAll(() => t.close());
beforeEach(() => t.emulator.control.reset());

function voices(): VoiceRecord[] {
  return Object.values(t.emulator.state.voices.speakers);
}
function voiceIn(state: VoiceRecord['state'], trial = false): VoiceRecord {
  const voice = voices().find((v) => v.state === state && v.trial === trial);
  if (!voice) throw new Error(`no seeded ${state} voice`);
  return voice;
}
function today(offsetDays = 0): string {
  return dayKey(Date.now() + offsetDays * DAY_MS);
}
/** A request the client would refuse, sent as is: what the emulator itself answers. */
function rawCall(action: ActionName, request: Record<string, unknown>) {
  return c.callUnvalidated(action, request);
}
async function status(resourceId: string): Promise<string | undefined> {
  return (await c.call('ServiceStatus', { ProjectName: P, ResourceID: resourceId, BlueprintID: 10029 })).Status;
}

interface ContractCase {
  success(): Promise<void>;
  error: { run(): Promise<unknown>; httpStatus: number; code: string; message?: RegExp };
}

const CASES: { readonly [A in ActionName]: ContractCase } = {
  ListBigModelTTSTimbres: {
    async success() {
      const r = await c.call('ListBigModelTTSTimbres', {});
      expect(r.Timbres?.length).toBeGreaterThanOrEqual(30);
      expect(r.Timbres?.[0]).toMatchObject({ SpeakerID: expect.stringMatching(/_bigtts$|_tob$/), TimbreInfos: [expect.objectContaining({ SpeakerName: expect.any(String), Gender: expect.any(String) })] });
    },
    error: { run: () => clientFor(t.emulator, { credentials: RESTRICTED }).call('ListBigModelTTSTimbres', {}), httpStatus: 403, code: 'AccessDenied' },
  },
  ListSpeakers: {
    async success() {
      const first = await c.call('ListSpeakers', { ResourceIDs: ['seed-tts-1.0'], Page: 1, Limit: '50' });
      expect(first.Total).toBeGreaterThanOrEqual(60);
      expect(first.Speakers).toHaveLength(50);
      expect(first.Speakers?.every((s) => s.ResourceID === 'seed-tts-1.0')).toBe(true);
      const last = await c.call('ListSpeakers', { ResourceIDs: ['seed-tts-1.0'], Page: 2, Limit: '50' });
      expect((first.Speakers?.length ?? 0) + (last.Speakers?.length ?? 0)).toBe(first.Total);
      const v2 = await c.call('ListSpeakers', { ResourceIDs: ['seed-tts-2.0'], VoiceTypes: ['zh_female_vv_uranus_bigtts'] });
      expect(v2.Speakers).toEqual([expect.objectContaining({ VoiceType: 'zh_female_vv_uranus_bigtts', ResourceID: 'seed-tts-2.0', Status: 'online' })]);
    },
    error: { run: () => c.call('ListSpeakers', { ResourceIDs: ['seed-tts-2.0'], Limit: '1000' }), httpStatus: 400, code: 'InvalidParameter', message: /Limit/ },
  },
  ListAPIKeys: {
    async success() {
      const all = await c.call('ListAPIKeys', { ProjectName: P });
      expect(all.TotalCount).toBe(2);
      expect(all.APIKeys?.[0]).toMatchObject({ ID: 1, Disable: false, APIKey: expect.stringMatching(/^[0-9a-f-]{36}$/), CreateTime: expect.stringMatching(/Z$/) });
      const available = await c.call('ListAPIKeys', { ProjectName: P, OnlyAvailable: true });
      expect(available.APIKeys?.map((k) => k.Disable)).toEqual([false]);
    },
    error: { run: () => c.call('ListAPIKeys', { ProjectName: '' }), httpStatus: 400, code: 'InvalidParameter', message: /ProjectName/ },
  },
  CreateAPIKey: {
    async success() {
      expect(await c.call('CreateAPIKey', { ProjectName: P, Name: 'n8n 工作流' })).toEqual({});
      const keys = (await c.call('ListAPIKeys', { ProjectName: P })).APIKeys ?? [];
      expect(keys.at(-1)).toMatchObject({ ID: 3, Name: 'n8n 工作流', Disable: false });
    },
    error: { run: () => c.call('CreateAPIKey', { ProjectName: P, Name: '' }), httpStatus: 400, code: 'InvalidParameter', message: /Name/ },
  },
  DeleteAPIKey: {
    async success() {
      await c.call('DeleteAPIKey', { ProjectName: P, ID: 2 });
      expect((await c.call('ListAPIKeys', { ProjectName: P })).APIKeys?.map((k) => k.ID)).toEqual([1]);
    },
    error: { run: () => c.call('DeleteAPIKey', { ProjectName: P, ID: 999 }), httpStatus: 404, code: 'NotFound.APIKey' },
  },
  UpdateAPIKey: {
    async success() {
      await c.call('UpdateAPIKey', { ProjectName: P, ID: 1, Name: 'prod', Disable: 'true' });
      expect((await c.call('ListAPIKeys', { ProjectName: P })).APIKeys?.[0]).toMatchObject({ ID: 1, Name: 'prod', Disable: true });
    },
    error: { run: () => c.call('UpdateAPIKey', { ProjectName: P, ID: 999, Disable: 'false' }), httpStatus: 404, code: 'NotFound.APIKey' },
  },
  ServiceStatus: {
    async success() {
      const r = await c.call('ServiceStatus', { ProjectName: P, ResourceID: TTS, BlueprintID: 10029 });
      expect(r).toMatchObject({ Status: 'Running', ResourceID: TTS, InstanceNumber: expect.any(String), Tags: expect.arrayContaining([{ Key: 'env', Value: 'prod' }]) });
      expect(await status('volc.bigasr.sauc.duration')).toBe('NotActivated');
    },
    error: { run: () => c.call('ServiceStatus', { ProjectName: '', ResourceID: TTS, BlueprintID: 10029 }), httpStatus: 400, code: 'InvalidParameter' },
  },
  PauseService: {
    async success() {
      await c.call('PauseService', { ProjectName: P, ResourceIDs: [TTS] });
      expect(await status(TTS)).toBe('Paused');
    },
    error: { run: () => c.call('PauseService', { ProjectName: P, ResourceIDs: ['volc.tts.default'] }), httpStatus: 400, code: 'OperationDenied', message: /Paused/ },
  },
  ResumeService: {
    async success() {
      await c.call('ResumeService', { ProjectName: P, ResourceIDs: ['volc.tts.default'] });
      expect(await status('volc.tts.default')).toBe('Running');
    },
    error: { run: () => c.call('ResumeService', { ProjectName: P, ResourceIDs: [TTS] }), httpStatus: 400, code: 'OperationDenied', message: /Running/ },
  },
  ActivateService: {
    async success() {
      await c.call('ActivateService', { ProjectName: P, ResourceID: 'volc.bigasr.sauc.duration', Tags: [{ Key: 'owner', Value: 'asr-team' }] });
      const r = await c.call('ServiceStatus', { ProjectName: P, ResourceID: 'volc.bigasr.sauc.duration', BlueprintID: 0 });
      expect(r).toMatchObject({ Status: 'Running', Tags: [{ Key: 'owner', Value: 'asr-team' }] });
    },
    error: { run: () => c.call('ActivateService', { ProjectName: P, ResourceID: TTS, BlueprintID: 10029 }), httpStatus: 400, code: 'OperationDenied', message: /already activated/ },
  },
  TerminateService: {
    async success() {
      await c.call('TerminateService', { ProjectName: P, ResourceIDs: ['volc.tts.default'] });
      expect(await status('volc.tts.default')).toBe('Terminated');
      await c.call('ActivateService', { ProjectName: P, ResourceID: 'volc.tts.default' });
      expect(await status('volc.tts.default')).toBe('Running');
    },
    error: { run: () => c.call('TerminateService', { ProjectName: P, ResourceIDs: ['volc.bigasr.auc'] }), httpStatus: 400, code: 'OperationDenied', message: /NotActivated/ },
  },
  ResourcePacksStatus: {
    async success() {
      const r = await c.call('ResourcePacksStatus', { ProjectName: P, PageSize: 100, ResourceIDs: [TTS] });
      expect(r.TotalCount).toBe(4);
      const pack = r.Packs?.find((p) => p.Code === 'tts_bigmodel_chars_5m');
      expect(pack?.Harvest?.PurchasedAmount).toBe(5_000_000);
      expect(pack?.PurchasedAmount).toBe('5,000,000 字符');
      expect((pack?.Harvest?.CurrentUsage ?? 0) / 5_000_000).toBeGreaterThan(0.69);
      expect(r.TotalHarvests).toEqual([expect.objectContaining({ ResourceID: TTS, PurchasedAmount: 15_200_000 })]);
    },
    error: { run: () => c.call('ResourcePacksStatus', { ProjectName: '', PageSize: 10, ResourceIDs: [TTS] }), httpStatus: 400, code: 'InvalidParameter' },
  },
  OrderResourcePacks: {
    async success() {
      const r = await c.call('OrderResourcePacks', { ProjectName: P, ResourceID: TTS, Configurations: [{ Code: 'tts_bigmodel_chars_1m', Quantity: 2, Times: 6 }] });
      expect(r.OrderIDs).toEqual([expect.stringMatching(/^Order\d{20}$/)]);
      expect((await c.call('ResourcePacksStatus', { ProjectName: P, PageSize: 100, ResourceIDs: [TTS] })).TotalCount).toBe(6);
    },
    error: {
      run: () => c.call('OrderResourcePacks', { ProjectName: P, ResourceID: TTS, Configurations: [{ Code: 'no_such_pack', Quantity: 1 }] }),
      httpStatus: 400,
      code: 'InvalidParameter',
      message: /Configurations\[0\]\.Code.*known codes/,
    },
  },
  FormalizeResourcePacks: {
    async success() {
      const trial = voiceIn('Success', true);
      const r = await c.call('FormalizeResourcePacks', { ProjectName: P, TrainID: trial.speakerId, Times: 12, Tags: [{ Key: 'costCenter', Value: 'cc-7' }] });
      expect(r.OrderIDs).toHaveLength(1);
      const packs = await c.call('ResourcePacksStatus', { ProjectName: P, PageSize: 100, ResourceIDs: ['volc.megatts.voiceclone'] });
      expect(packs.Packs?.find((p) => p.TrainID === trial.speakerId)).toMatchObject({ Type: 'prepaid', Details: expect.objectContaining({ Formalizable: false }) });
    },
    error: { run: () => c.call('FormalizeResourcePacks', { ProjectName: P, TrainID: 'S_doesnotx', Times: 1, Tags: [{ Key: 'k', Value: 'v' }] }), httpStatus: 404, code: 'NotFound.ResourcePack' },
  },
  AliasResourcePack: {
    async success() {
      const voice = voiceIn('Active');
      const r = await c.call('AliasResourcePack', { ProjectName: P, TrainID: voice.speakerId, InstanceNumber: voice.instanceNo, Alias: '新名字' });
      expect(r).toMatchObject({ Alias: '新名字', TrainID: voice.speakerId, InstanceNumber: voice.instanceNo });
      expect(r).not.toHaveProperty('Attributes');
      const listed = await c.call('ListMegaTTSTrainStatus', { ProjectName: P, State: 'Active', SpeakerIDs: [voice.speakerId] });
      expect(listed.Statuses?.[0]?.Alias).toBe('新名字');
    },
    error: {
      run: () => c.call('AliasResourcePack', { ProjectName: P, TrainID: voiceIn('Active').speakerId, InstanceNumber: 'Model_storage_wrong', Alias: 'x' }),
      httpStatus: 404,
      code: 'NotFound.ResourcePack',
    },
  },
  ListTagsForResources: {
    async success() {
      const tagged = Object.keys(t.emulator.state.tags['quota'] ?? {});
      const all = await c.call('ListTagsForResources', { ResourceType: 'quota', ResourceIds: tagged });
      expect(all.TotalCount).toBeGreaterThanOrEqual(5);
      const first = await c.call('ListTagsForResources', { ResourceType: 'quota', ResourceIds: tagged, MaxResults: 2 });
      expect(first.ResourceTags).toHaveLength(2);
      const second = await c.call('ListTagsForResources', { ResourceType: 'quota', ResourceIds: tagged, MaxResults: 2, NextToken: first.NextToken ?? '' });
      expect(second.ResourceTags?.[0]).toEqual(all.ResourceTags?.[2]);
      const filtered = await c.call('ListTagsForResources', { ResourceType: 'quota', TagFilters: [{ Key: 'customer', Values: ['acme'] }] });
      expect(filtered.ResourceTags).toEqual([expect.objectContaining({ TagKey: 'customer', TagValue: 'acme' })]);
    },
    error: { run: () => c.call('ListTagsForResources', { ResourceType: 'quota', ResourceIds: ['r-1'], NextToken: 'not-a-token' }), httpStatus: 400, code: 'InvalidParameter', message: /NextToken/ },
  },
  TagResources: {
    async success() {
      await c.call('TagResources', { ResourceType: 'quota', ResourceIds: ['r-1', 'r-2'], Tags: [{ Key: 'team', Value: 'tts' }] });
      const r = await c.call('ListTagsForResources', { ResourceType: 'quota', ResourceIds: ['r-1', 'r-2'] });
      expect(r.ResourceTags).toEqual([
        { ResourceId: 'r-1', ResourceType: 'quota', TagKey: 'team', TagValue: 'tts' },
        { ResourceId: 'r-2', ResourceType: 'quota', TagKey: 'team', TagValue: 'tts' },
      ]);
    },
    error: { run: () => c.call('TagResources', { ResourceType: 'quota', ResourceIds: ['r-1'], Tags: [{ Key: '', Value: 'x' }] }), httpStatus: 400, code: 'InvalidParameter', message: /Tags\[0\]\.Key/ },
  },
  UntagResources: {
    async success() {
      await c.call('TagResources', { ResourceType: 'quota', ResourceIds: ['r-1'], Tags: [{ Key: 'a', Value: '1' }, { Key: 'b', Value: '2' }] });
      await c.call('UntagResources', { ResourceType: 'quota', ResourceIds: ['r-1'], TagKeys: ['a'] });
      const r = await c.call('ListTagsForResources', { ResourceType: 'quota', ResourceIds: ['r-1'] });
      expect(r.ResourceTags?.map((x) => x.TagKey)).toEqual(['b']);
    },
    error: { run: () => rawCall('UntagResources', { ResourceType: 'quota', ResourceIds: ['r-1'] }), httpStatus: 400, code: 'MissingParameter', message: /TagKeys/ },
  },
  ListMegaTTSTrainStatus: {
    async success() {
      const r = await c.call('ListMegaTTSTrainStatus', { ProjectName: P, State: 'Success' });
      expect(r.Statuses?.length).toBeGreaterThanOrEqual(3);
      for (const row of r.Statuses ?? []) expect(row).toMatchObject({ State: 'Success', IsActivable: 'true', SpeakerID: expect.stringMatching(/^S_[A-Za-z0-9]{8}$/) });
    },
    error: { run: () => rawCall('ListMegaTTSTrainStatus', { ProjectName: P, State: 'Done' }), httpStatus: 400, code: 'InvalidParameter', message: /State/ },
  },
  BatchListMegaTTSTrainStatus: {
    async success() {
      const inState = voices().filter((v) => v.state === 'Success').length;
      expect(inState).toBeGreaterThanOrEqual(3);
      const first = await c.call('BatchListMegaTTSTrainStatus', { ProjectName: P, State: 'Success', PageNumber: 1, PageSize: 2 });
      expect(first).toMatchObject({ TotalCount: inState, PageNumber: 1, PageSize: 2 });
      expect(first.Statuses).toHaveLength(2);
      const byToken = await c.call('BatchListMegaTTSTrainStatus', { ProjectName: P, State: 'Success', NextToken: first.NextToken ?? '', MaxResults: 10 });
      expect(byToken.Statuses).toHaveLength(inState - 2);
      expect(byToken.NextToken).toBe('');
    },
    error: { run: () => c.call('BatchListMegaTTSTrainStatus', { ProjectName: P, State: 'Success', NextToken: '!!' }), httpStatus: 400, code: 'InvalidParameter' },
  },
  OrderAccessResourcePacks: {
    async success() {
      const r = await c.call('OrderAccessResourcePacks', { ProjectName: P, ResourceID: 'volc.megatts.voiceclone', Code: 'Model_storage', Times: 12, Quantity: 3 });
      expect(r.OrderIDs).toHaveLength(1);
      const listed = await c.call('BatchListMegaTTSTrainStatus', { ProjectName: P, State: 'Unknown', PageSize: 100 });
      expect(listed.TotalCount).toBe(2 + 3);
    },
    error: {
      async run() {
        await c.call('OrderAccessResourcePacks', { ProjectName: P, ResourceID: 'volc.megatts.voiceclone', Code: 'Model_storage', Times: 1, Quantity: 2000 });
        return c.call('OrderAccessResourcePacks', { ProjectName: P, ResourceID: 'volc.megatts.voiceclone', Code: 'Model_storage', Times: 1, Quantity: 1 });
      },
      httpStatus: 403,
      code: 'Forbidden.LimitedTradingFrequency',
    },
  },
  RenewAccessResourcePacks: {
    async success() {
      const expired = voiceIn('Expired');
      const r = await c.call('RenewAccessResourcePacks', { Times: 12, SpeakerIDs: [expired.speakerId] });
      expect(r.OrderIDs).toHaveLength(1);
      const row = (await c.call('ListMegaTTSTrainStatus', { ProjectName: P, State: 'Success', SpeakerIDs: [expired.speakerId] })).Statuses?.[0];
      expect(row?.State).toBe('Success');
      expect(row?.ExpireTime).toBeGreaterThan(Date.now() + 300 * DAY_MS);
    },
    error: { run: () => c.call('RenewAccessResourcePacks', { Times: 1, SpeakerIDs: ['S_notmine1'] }), httpStatus: 400, code: 'OperationDenied.InvalidSpeakerID' },
  },
  ListMegaTTSByOrderID: {
    async success() {
      const [orderId] = (await c.call('OrderAccessResourcePacks', { ProjectName: P, ResourceID: 'volc.megatts.voiceclone', Code: 'Model_storage', Times: 1, Quantity: 2 })).OrderIDs ?? [];
      const r = await c.call('ListMegaTTSByOrderID', { AppID: DEMO_APP_ID, OrderID: orderId ?? '' });
      expect(r).toMatchObject({ OrderBuyQuantity: 2, OrderBuyCurrentSuccessQuantity: 2, IsAllProcessed: true, TotalCount: 2 });
      expect(r.Statuses?.[0]).toMatchObject({ State: 'Unknown', IsActivable: false, ResourceID: 'volc.megatts.voiceclone' });
    },
    error: { run: () => c.call('ListMegaTTSByOrderID', { AppID: '123', OrderID: 'Order20010000000000000001' }), httpStatus: 400, code: 'InvalidParameter.AppID' },
  },
  QuotaMonitoring: {
    async success() {
      const r = await c.call('QuotaMonitoring', { ProjectName: P, ResourceID: TTS, Start: today(-6), End: today(), QuotaType: 'qps' });
      expect(r.QuotaMonitoring).toHaveLength(7);
      for (const row of r.QuotaMonitoring ?? []) {
        expect(row).toMatchObject({ QuotaType: 'qps', limit: 60 });
        expect(row.Value).toBeLessThanOrEqual(60);
      }
    },
    error: { run: () => c.call('QuotaMonitoring', { ProjectName: P, ResourceID: TTS, Start: 'yesterday', End: today() }), httpStatus: 400, code: 'InvalidParameter', message: /Start/ },
  },
  UsageMonitoring: {
    async success() {
      const r = await c.call('UsageMonitoring', { ProjectName: P, ResourceID: TTS, Start: today(-6), End: today(), Mode: 'daily', UsageType: 'text_words' });
      expect(r.UsageMonitoring).toHaveLength(7);
      expect(r.UsageMonitoring?.[0]).toMatchObject({ UsageType: 'text_words', Day: today(-6) });
      expect(r.UsageMonitoring?.[0]?.Value).toBeGreaterThan(100_000);
    },
    error: { run: () => rawCall('UsageMonitoring', { ProjectName: P, ResourceID: TTS, Start: today(), End: today(), Mode: 'weekly' }), httpStatus: 400, code: 'InvalidParameter', message: /Mode/ },
  },
};

describe('contract: every action through the real client', () => {
  it('covers all 25 actions of the table', () => {
    expect(ACTION_NAMES).toHaveLength(25);
    expect(Object.keys(CASES).sort()).toEqual([...ACTION_NAMES].sort());
  });

  describe.each(ACTION_NAMES)('%s', (action) => {
    it('succeeds', async () => {
      await CASES[action].success();
    });

    it('fails with a documented error', async () => {
      const { run, httpStatus, code, message } = CASES[action].error;
      const error = await rejectionOf(run());
      expect(error).toBeInstanceOf(VolcSpeechError);
      expect(error).toMatchObject({ action, kind: 'service', httpStatus, code });
      expect(error['requestId']).toMatch(/^\d{14}[0-9A-F]{20}$/);
      if (message) expect(error['serviceMessage']).toMatch(message);
    });
  });
});
