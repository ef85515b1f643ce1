/**
 * The node and the trigger against a real emulator (in process, over HTTP): the request
 * mapping, signing, paging and error handling meet the emulator's validation and state.
 */
import { SERVICE_STATUS } from '@volc-speech/client';
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { VolcSpeech } from '../../nodes/VolcSpeech/VolcSpeech.node';
import { VolcSpeechTrigger } from '../../nodes/VolcSpeechTrigger/VolcSpeechTrigger.node';
import { executeContext, loadOptionsContext, pollContext } from '../support/fakeContext';
import { startTestEmulator, usageToReach } from '../support/emulator';
import type { TestEmulator } from '../support/emulator';

const node = new VolcSpeech();
const trigger = new VolcSpeechTrigger();
const TTS = 'volc.service_type.10029';
let emu: TestEmulator;

beforeAll(async () => {
  emu = await startTestEmulator();
});
afterAll(async () => {
  await emu.close();
});
beforeEach(async () => {
  await emu.control('reset', {});
});

async function run(parameters: IDataObject, continueOnFail = false): Promise<INodeExecutionData[]> {
  const [items] = await node.execute.call(executeContext(node, { parameters: parameters as never, credentials: emu.credentials, continueOnFail }));
  return items ?? [];
}

describe('Volcengine Speech against the emulator', () => {
  it('lists every timbre and every catalogue speaker (Return All)', async () => {
    const timbres = await run({ resource: 'timbre', operation: 'ListBigModelTTSTimbres', returnAll: true });
    expect(timbres.length).toBeGreaterThan(3);
    expect(timbres[0]!.json.SpeakerID).toEqual(expect.any(String));
    const speakers = await run({ resource: 'timbre', operation: 'ListSpeakers', resourceIds: 'seed-tts-2.0', returnAll: true });
    const total = ((await emu.client.callUnchecked('ListSpeakers', { ResourceIDs: ['seed-tts-2.0'], Page: 1, Limit: '1' })) as { Total: number }).Total;
    expect(speakers).toHaveLength(total);
    expect(new Set(speakers.map((item) => item.json.VoiceType)).size).toBe(total);
  });

  it('creates an API key, then deletes it by the ID the create step returned', async () => {
    const [created] = await run({ resource: 'apiKey', operation: 'CreateAPIKey', name: 'n8n-unit' });
    expect(created!.json).toMatchObject({ Name: 'n8n-unit', ID: expect.any(Number), created: true });
    const [deleted] = await run({ resource: 'apiKey', operation: 'DeleteAPIKey', id: created!.json.ID as number });
    expect(deleted!.json).toMatchObject({ success: true, action: 'DeleteAPIKey' });
    const keys = (await emu.client.callUnchecked('ListAPIKeys', { ProjectName: 'default' })) as { APIKeys: IDataObject[] };
    expect(keys.APIKeys.map((key) => key.Name)).not.toContain('n8n-unit');
  });

  it('pauses then resumes the service, as the emulator state confirms', async () => {
    const status = async () => ((await emu.client.callUnchecked('ServiceStatus', { ProjectName: 'default', ResourceID: TTS, BlueprintID: 10029 })) as IDataObject).Status;
    await run({ resource: 'service', operation: 'PauseService', resourceIds: [TTS] });
    expect(await status()).toBe(SERVICE_STATUS.paused);
    await run({ resource: 'service', operation: 'ResumeService', resourceIds: [TTS] });
    expect(await status()).toBe(SERVICE_STATUS.running);
  });

  it('pages resource packs and tags, with Limit', async () => {
    const packs = await run({ resource: 'resourcePack', operation: 'ResourcePacksStatus', resourceIds: 'volc.service_type.10029', returnAll: true });
    expect(packs.length).toBeGreaterThan(1);
    const tagged = Object.keys(emu.emulator.state.tags['quota'] ?? {});
    const tags = await run({ resource: 'tag', operation: 'ListTagsForResources', returnAll: false, limit: 2, additionalFields: { resourceIds: tagged.join(',') } });
    expect(tags).toHaveLength(2);
  });

  it('gives the failure as item data with Continue On Fail', async () => {
    await emu.control('faults', { failNext: { count: 1, httpStatus: 403, code: 'AccessDenied', message: 'User is not authorized', action: 'ListAPIKeys' } });
    const [item] = await run({ resource: 'apiKey', operation: 'ListAPIKeys', returnAll: true }, true);
    expect(item!.json).toMatchObject({ code: 'AccessDenied', httpStatus: 403, message: expect.stringContaining('not authorized'), requestId: expect.any(String) });
    expect(item!.pairedItem).toEqual({ item: 0 });
  });

  it('fills the dropdowns from the emulator', async () => {
    const context = loadOptionsContext(node, { projectName: 'default' }, emu.credentials);
    expect((await node.methods.loadOptions.getResourceIds.call(context)).map((option) => option.value)).toContain(TTS);
    expect((await node.methods.loadOptions.getApiKeys.call(context)).length).toBeGreaterThanOrEqual(2);
    expect((await node.methods.loadOptions.getClonedVoices.call(context)).length).toBeGreaterThan(3);
    expect((await node.methods.loadOptions.getVoiceTypes.call(context)).length).toBeGreaterThan(10);
  });

  it('fills the locator lists and the order code list from the emulator', async () => {
    const context = loadOptionsContext(node, { projectName: 'default' }, emu.credentials);
    const keys = await node.methods.listSearch.searchApiKeys.call(context);
    expect(keys.results.length).toBeGreaterThanOrEqual(2);
    const [first] = keys.results;
    // Search by the ID narrows the list to that key; values are the IDs as text, as locators hold them.
    expect((await node.methods.listSearch.searchApiKeys.call(context, String(first!.value))).results).toContainEqual(first);
    expect(String(first!.value)).toMatch(/^\d+$/);
    const voices = await node.methods.listSearch.searchClonedVoices.call(context);
    expect(voices.results.length).toBeGreaterThan(3);
    expect(voices.results.every((voice) => String(voice.value).startsWith('S_'))).toBe(true);
    expect((await node.methods.listSearch.searchClonedVoices.call(context, 'no-such-voice-zz')).results).toEqual([]);

    // Codes of the packs the account has for the chosen service (the order's Code is inferred from them).
    const chosen = loadOptionsContext(node, { projectName: 'default', resourceId: { __rl: true, mode: 'list', value: TTS } }, emu.credentials);
    const codes = await node.methods.loadOptions.getPackCodes.call(chosen);
    const seeded = new Set(
      emu.emulator.state.packs.packs.filter((pack) => pack.resourceId === TTS && pack.projectName === 'default').map((pack) => pack.code),
    );
    expect(codes.map((option) => option.value).sort()).toEqual([...seeded].sort());
    expect(codes.length).toBeGreaterThan(1);
  });
});

describe('Volcengine Speech Trigger against the emulator', () => {
  const poll = (parameters: IDataObject, staticData: IDataObject) =>
    trigger.poll.call(pollContext(trigger, { parameters: parameters as never, staticData, credentials: emu.credentials }));

  it('fires once when usage pushes resource-pack spend past the threshold', async () => {
    const staticData: IDataObject = {};
    const parameters = { event: 'quotaThreshold', quotaSource: 'resourcePack', thresholdPercent: 95, resourceIds: [TTS] };
    expect(await poll(parameters, staticData)).toBeNull();
    await emu.control('usage', { resourceId: TTS, amount: await usageToReach(emu.client, TTS, 96) });
    const fired = await poll(parameters, staticData);
    expect(fired?.[0]).toHaveLength(1);
    expect(fired![0]![0]!.json).toMatchObject({ event: 'quotaThresholdCrossed', resourceId: TTS, thresholdPercent: 95 });
    expect(fired![0]![0]!.json.percentUsed).toBeGreaterThanOrEqual(95);
    await emu.control('usage', { resourceId: TTS, amount: 1000 });
    expect(await poll(parameters, staticData)).toBeNull();
  });

  it('fires when the service is paused', async () => {
    const staticData: IDataObject = {};
    const parameters = { event: 'serviceStatusChanged', statusResourceId: { __rl: true, mode: 'id', value: TTS } };
    expect(await poll(parameters, staticData)).toBeNull();
    await emu.client.callUnchecked('PauseService', { ProjectName: 'default', ResourceIDs: [TTS] });
    expect((await poll(parameters, staticData))?.[0]?.[0]?.json).toMatchObject({ previousStatus: 'Running', status: 'Paused' });
  });

  it('fires when a cloned voice finishes training, and for the voice that expires within 7 days', async () => {
    const training = (await emu.client.callUnchecked('BatchListMegaTTSTrainStatus', { ProjectName: 'default', State: 'Training' })) as { Statuses: IDataObject[] };
    const speakerId = training.Statuses[0]!.SpeakerID as string;
    const staticData: IDataObject = {};
    expect(await poll({ event: 'voiceTrainingFinished' }, staticData)).toBeNull();
    await emu.control('voices', { speakerId, state: 'Success' });
    expect((await poll({ event: 'voiceTrainingFinished' }, staticData))?.[0]?.map((item) => item.json.speakerId)).toEqual([speakerId]);

    const expiry: IDataObject = {};
    const expiring = await poll({ event: 'voiceExpiringSoon', withinDays: 7 }, expiry);
    expect(expiring?.[0]?.length).toBeGreaterThanOrEqual(1);
    expect(expiring![0]!.every((item) => (item.json.daysLeft as number) <= 7)).toBe(true);
    expect(await poll({ event: 'voiceExpiringSoon', withinDays: 7 }, expiry)).toBeNull();
  });
});
