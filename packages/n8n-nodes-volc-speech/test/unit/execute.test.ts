/**
 * The node's execute() with n8n's context faked and the gateway faked at `fetch` (the client's
 * signing, validation, paging and envelope parsing are real).
 */
import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import type { ICredentialsDecrypted, ICredentialTestFunctions } from 'n8n-workflow';
import { afterEach, describe, expect, it, vi } from 'vitest';

import { VolcSpeech } from '../../nodes/VolcSpeech/VolcSpeech.node';
import { ServiceFault, fakeApi, pagedRows } from '../support/fakeApi';
import { TEST_CREDENTIALS, executeContext, loadOptionsContext } from '../support/fakeContext';

const nodeType = new VolcSpeech();
const voices = Array.from({ length: 2500 }, (_, index) => ({ SpeakerID: `S_${String(index).padStart(6, '0')}`, State: 'Active' }));

afterEach(() => {
  vi.unstubAllGlobals();
});

async function run(parameters: Record<string, unknown> | Array<Record<string, unknown>>, options: { continueOnFail?: boolean } = {}) {
  return await nodeType.execute.call(executeContext(nodeType, { parameters: parameters as never, ...options }));
}

describe('paging', () => {
  it('Return All walks every page and outputs one item per row, each paired with its input item', async () => {
    const api = fakeApi({ BatchListMegaTTSTrainStatus: pagedRows(voices, 'PageNumber', 'PageSize', 'Statuses', 'TotalCount') }).install();
    const [items] = await run({ resource: 'voiceClone', operation: 'BatchListMegaTTSTrainStatus', state: 'Active', returnAll: true });
    expect(items).toHaveLength(2500);
    expect(items!.map((item) => item.json.SpeakerID)).toEqual(voices.map((voice) => voice.SpeakerID));
    expect(items!.every((item) => (item.pairedItem as { item: number }).item === 0)).toBe(true);
    const calls = api.callsOf('BatchListMegaTTSTrainStatus');
    expect(calls.map((call) => call.body.PageNumber).sort()).toEqual([1, 2, 3]);
    expect(calls.every((call) => call.body.PageSize === 1000 && call.body.State === 'Active' && call.body.ProjectName === 'default')).toBe(true);
  });

  it('Limit stops early and asks for no page beyond it', async () => {
    const api = fakeApi({ BatchListMegaTTSTrainStatus: pagedRows(voices, 'PageNumber', 'PageSize', 'Statuses', 'TotalCount') }).install();
    const [items] = await run({ resource: 'voiceClone', operation: 'BatchListMegaTTSTrainStatus', state: 'Active', returnAll: false, limit: 5 });
    expect(items).toHaveLength(5);
    expect(api.callsOf('BatchListMegaTTSTrainStatus')).toHaveLength(1);
  });

  it('pages a token-style list (ListTagsForResources) until the token runs out', async () => {
    const tags = Array.from({ length: 2300 }, (_, index) => ({ ResourceId: `r${index}`, TagKey: 'env', TagValue: 'prod' }));
    const api = fakeApi({
      ListTagsForResources: (body) => {
        const start = Number(body.NextToken ?? 0);
        const size = Number(body.MaxResults);
        const next = start + size < tags.length ? String(start + size) : '';
        return { ResourceTags: tags.slice(start, start + size), NextToken: next };
      },
    }).install();
    const [items] = await run({ resource: 'tag', operation: 'ListTagsForResources', returnAll: true, additionalFields: { resourceIds: 'r0, r1' } });
    expect(items).toHaveLength(2300);
    expect(api.callsOf('ListTagsForResources').map((call) => call.body.NextToken)).toEqual([undefined, '1000', '2000']);
  });

  it('applies Limit to lists the API returns in one answer', async () => {
    fakeApi({ ListBigModelTTSTimbres: () => ({ Timbres: [{ SpeakerID: 'a' }, { SpeakerID: 'b' }, { SpeakerID: 'c' }] }) }).install();
    const [all] = await run({ resource: 'timbre', operation: 'ListBigModelTTSTimbres', returnAll: true });
    const [two] = await run({ resource: 'timbre', operation: 'ListBigModelTTSTimbres', returnAll: false, limit: 2 });
    expect(all!.map((item) => item.json.SpeakerID)).toEqual(['a', 'b', 'c']);
    expect(two).toHaveLength(2);
  });

  it('runs once per input item and pairs each output with its own input', async () => {
    const api = fakeApi({ ServiceStatus: (body) => ({ Status: 'Running', ResourceID: body.ResourceID }) }).install();
    const locator = (value: string) => ({ __rl: true, mode: 'id', value });
    const [items] = await run([
      { resource: 'service', operation: 'ServiceStatus', resourceId: locator('r1'), blueprintId: 1 },
      { resource: 'service', operation: 'ServiceStatus', resourceId: locator('r2'), blueprintId: 2 },
    ]);
    expect(items!.map((item) => [item.json.ResourceID, item.pairedItem])).toEqual([
      ['r1', { item: 0 }],
      ['r2', { item: 1 }],
    ]);
    expect(api.calls.map((call) => call.body.BlueprintID)).toEqual([1, 2]);
  });
});

describe('operations', () => {
  it('reports what a void action acted on', async () => {
    fakeApi({ PauseService: () => ({}) }).install();
    const [items] = await run({ resource: 'service', operation: 'PauseService', resourceIds: ['volc.service_type.10029'] });
    expect(items![0]!.json).toEqual({ success: true, action: 'PauseService', request: { ProjectName: 'default', ResourceIDs: ['volc.service_type.10029'] } });
  });

  it('CreateAPIKey reads the new key back (the API answers without it)', async () => {
    const keys = [{ ID: 3, Name: 'n8n', APIKey: 'old' }];
    const api = fakeApi({
      CreateAPIKey: (body) => {
        keys.push({ ID: 9, Name: String(body.Name), APIKey: 'new-secret' });
        return {};
      },
      ListAPIKeys: () => ({ APIKeys: keys }),
    }).install();
    const [items] = await run({ resource: 'apiKey', operation: 'CreateAPIKey', name: 'n8n' });
    expect(items![0]!.json).toMatchObject({ ID: 9, Name: 'n8n', APIKey: 'new-secret', created: true });
    expect(api.calls.map((call) => call.action)).toEqual(['CreateAPIKey', 'ListAPIKeys']);
  });

  it('signs every request (V4 HMAC-SHA256 with the credential)', async () => {
    const api = fakeApi({ ListAPIKeys: () => ({ APIKeys: [] }) }).install();
    await run({ resource: 'apiKey', operation: 'ListAPIKeys', returnAll: true });
    expect(api.calls[0]!.headers.authorization).toMatch(/^HMAC-SHA256 Credential=AKLTtestaccesskey0001\/\d{8}\/cn-north-1\/speech_saas_prod\/request/);
    expect(api.calls[0]!.version).toBe('2025-05-20');
  });
});

describe('errors', () => {
  const failing = () =>
    fakeApi({ DeleteAPIKey: () => { throw new ServiceFault(400, 'InvalidParameter.ID', 'API key 42 does not exist', 100_012); } }).install();

  it('throws a NodeApiError with the service code, message and RequestId', async () => {
    failing();
    const error = await run({ resource: 'apiKey', operation: 'DeleteAPIKey', id: 42 }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(NodeApiError);
    const apiError = error as NodeApiError;
    expect(apiError.message).toBe('InvalidParameter.ID (100012): API key 42 does not exist');
    expect(apiError.description).toMatch(/Action DeleteAPIKey · HTTP 400 · RequestId req-\d+\./);
    expect(apiError.httpCode).toBe('400');
    expect(apiError.context.itemIndex).toBe(0);
  });

  it('with Continue On Fail gives the error as item data, paired with its input', async () => {
    failing();
    const [items] = await run({ resource: 'apiKey', operation: 'DeleteAPIKey', id: 42 }, { continueOnFail: true });
    expect(items).toHaveLength(1);
    expect(items![0]!.pairedItem).toEqual({ item: 0 });
    expect(items![0]!.json).toMatchObject({
      action: 'DeleteAPIKey',
      code: 'InvalidParameter.ID',
      codeN: 100_012,
      message: 'API key 42 does not exist',
      httpStatus: 400,
      requestId: expect.stringMatching(/^req-/),
      retryable: false,
      error: 'InvalidParameter.ID (100012): API key 42 does not exist',
    });
    expect(JSON.stringify(items![0]!.json)).not.toMatch(/VOLC_|volc-speech /);
  });

  it('reports a bad field value as a NodeOperationError before calling the API', async () => {
    const api = fakeApi({}).install();
    const error = await run({ resource: 'resourcePack', operation: 'FormalizeResourcePacks', trainId: 'T', times: 'x' }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(NodeOperationError);
    expect((error as Error).message).toMatch(/Times must be a number/);
    expect(api.calls).toHaveLength(0);
  });

  it('never retries a spending action, even on a 5xx', async () => {
    const api = fakeApi({ OrderAccessResourcePacks: () => { throw new ServiceFault(503, 'ServiceUnavailableTemp', 'try later'); } }).install();
    await expect(run({ resource: 'voiceClone', operation: 'OrderAccessResourcePacks', times: 1, quantity: 1 })).rejects.toBeInstanceOf(NodeApiError);
    expect(api.callsOf('OrderAccessResourcePacks')).toHaveLength(1);
  });
});

describe('dropdowns and the credential test', () => {
  it('lists API keys and cloned voices from the API, services from the catalogue', async () => {
    fakeApi({
      ListAPIKeys: () => ({ APIKeys: [{ ID: 2, Name: 'b' }, { ID: 1, Name: 'a', Disable: true }] }),
      ResourcePacksStatus: () => ({ Packs: [{ ResourceID: 'volc.service_type.10029', ResourceDisplay: 'TTS' }, { ResourceID: 'volc.service_type.10029' }, { Harvest: { ResourceID: 'volc.megatts.voiceclone' } }], TotalCount: 3 }),
      BatchListMegaTTSTrainStatus: (body) => ({ Statuses: body.State === 'Active' ? [{ SpeakerID: 'S_1', Alias: 'Anna' }] : [], TotalCount: body.State === 'Active' ? 1 : 0 }),
    }).install();
    const context = loadOptionsContext(nodeType, { projectName: 'default' });
    expect(await nodeType.methods.loadOptions.getApiKeys.call(context)).toEqual([
      { name: 'a (1) – disabled', value: 1 },
      { name: 'b (2)', value: 2 },
    ]);
    // Services come from the catalogue: the OpenAPI cannot list an account's ResourceIDs.
    expect(await nodeType.methods.loadOptions.getResourceIds.call(context)).toContainEqual({
      name: 'Voice Clone Slots · 声音复刻音色',
      value: 'volc.megatts.voiceclone',
      description: 'Resource ID volc.megatts.voiceclone',
    });
    expect(await nodeType.methods.loadOptions.getClonedVoices.call(context)).toEqual([{ name: 'Anna S_1 – Active', value: 'S_1' }]);
    const search = await nodeType.methods.listSearch.searchResourceIds.call(context, 'voiceclone');
    expect(search.results.map((result) => result.value)).toEqual(['volc.megatts.voiceclone']);
  });

  const credential = (data: object): ICredentialsDecrypted => ({ id: '1', name: 'c', type: 'volcSpeechApi', data: data as never });
  const testContext = {} as ICredentialTestFunctions;

  it('the credential test makes a signed read and says OK', async () => {
    const api = fakeApi({ ListAPIKeys: () => ({ APIKeys: [] }) }).install();
    const result = await nodeType.methods.credentialTest.volcSpeechApiTest.call(testContext, credential(TEST_CREDENTIALS));
    expect(result).toEqual({ status: 'OK', message: 'Signed in to http://volc.test (cn-north-1)' });
    expect(api.calls[0]!.body).toEqual({ ProjectName: 'default' });
  });

  it("the credential test shows the service's code, message and RequestId on failure", async () => {
    fakeApi({ ListAPIKeys: () => { throw new ServiceFault(401, 'SignatureDoesNotMatch', 'The request signature we calculated does not match', 100_010); } }).install();
    const result = await nodeType.methods.credentialTest.volcSpeechApiTest.call(testContext, credential({ ...TEST_CREDENTIALS, region: 'custom', customRegion: 'cn-beijing' }));
    expect(result.status).toBe('Error');
    expect(result.message).toMatch(/^SignatureDoesNotMatch \(100010\): The request signature we calculated does not match — Action ListAPIKeys · HTTP 401 · RequestId req-\d+\. Check the Secret Access Key in the credential \(open the credential and click Test\)/);
    expect(result.message).not.toMatch(/VOLC_|volc-speech /);
  });

  it('the credential test refuses an Endpoint without a scheme in one sentence, before any request', async () => {
    const api = fakeApi({}).install();
    const result = await nodeType.methods.credentialTest.volcSpeechApiTest.call(testContext, credential({ ...TEST_CREDENTIALS, endpoint: 'open.volcengineapi.com' }));
    expect(result).toEqual({
      status: 'Error',
      message: 'The Endpoint in the credential must start with https:// (for example https://open.volcengineapi.com), or http:// for a local emulator.',
    });
    expect(api.calls).toHaveLength(0);
  });
});

describe('guards on operations that stop service or spend money', () => {
  const pause = { resource: 'service', operation: 'PauseService', resourceIds: ['volc.service_type.10029'] };

  it('refuses an item from a trigger test run and sends nothing', async () => {
    const api = fakeApi({ PauseService: () => ({}) }).install();
    const context = executeContext(nodeType, { parameters: pause, items: [{ json: { event: 'quotaThresholdCrossed', fromTestRun: true } }] });
    const error = await nodeType.execute.call(context).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(NodeOperationError);
    expect((error as Error).message).toBe('Pause Service did not run: this item comes from a test run of the Volcengine Speech Trigger');
    expect(api.calls).toHaveLength(0);
  });

  it('runs for a real trigger item', async () => {
    const api = fakeApi({ PauseService: () => ({}) }).install();
    const context = executeContext(nodeType, { parameters: pause, items: [{ json: { event: 'quotaThresholdCrossed' } }] });
    const [items] = await nodeType.execute.call(context);
    expect(items?.[0]?.json).toMatchObject({ success: true, action: 'PauseService' });
    expect(api.callsOf('PauseService')).toHaveLength(1);
  });

  it('refuses an AI agent unless "Allow AI Agent to Run This" is on', async () => {
    const api = fakeApi({ PauseService: () => ({}) }).install();
    const asTool = (parameters: Record<string, unknown>) => {
      const context = executeContext(nodeType, { parameters: parameters as never });
      const node = context.getNode();
      const read = context.getNodeParameter.bind(context);
      // n8n shows the switch only on the tool variant (`@tool`), which the faked context cannot resolve.
      const getNodeParameter = (name: string, ...rest: unknown[]) => (name === 'allowAiAgent' ? (parameters.allowAiAgent ?? false) : (read as (...args: unknown[]) => unknown)(name, ...rest));
      return Object.assign(context, { getNode: () => ({ ...node, type: `${node.type}Tool` }), getNodeParameter });
    };
    const refused = await nodeType.execute.call(asTool(pause)).catch((caught: unknown) => caught);
    expect((refused as Error).message).toBe('Pause Service is not allowed for AI agents on this node');
    expect((refused as NodeOperationError).description).toMatch(/human review for tools/);
    expect(api.calls).toHaveLength(0);
    const [items] = await nodeType.execute.call(asTool({ ...pause, allowAiAgent: true }));
    expect(items?.[0]?.json).toMatchObject({ success: true });
    expect(api.callsOf('PauseService')).toHaveLength(1);
    // A read stays callable by any agent.
    fakeApi({ ServiceStatus: () => ({ Status: 'Running' }) }).install();
    const [status] = await nodeType.execute.call(asTool({ resource: 'service', operation: 'ServiceStatus', resourceId: { __rl: true, mode: 'id', value: 'volc.service_type.10029' }, blueprintId: 10029 }));
    expect(status?.[0]?.json).toMatchObject({ Status: 'Running' });
  });

  it('shows a subtitle of display names on the canvas', () => {
    const subtitle = String(nodeType.description.subtitle);
    expect(subtitle).toContain('"PauseService" ? "Pause: Service"');
    expect(subtitle).toContain('"ListAPIKeys" ? "List: API Key"');
    expect(subtitle).toContain('"OrderResourcePacks" ? "Order: Resource Pack"');
  });
});

describe('output shaped for workflows', () => {
  it('masks API keys unless "Reveal API Keys" is on', async () => {
    const key = 'sk-abcdef0123456789abcdef0123456789';
    fakeApi({ ListAPIKeys: () => ({ APIKeys: [{ ID: 1, Name: 'prod', APIKey: key }], TotalCount: 1 }) }).install();
    const [masked] = await run({ resource: 'apiKey', operation: 'ListAPIKeys', returnAll: true });
    expect(masked?.[0]?.json.APIKey).not.toBe(key);
    expect(JSON.stringify(masked)).not.toContain(key.slice(4, -4));
    fakeApi({ ListAPIKeys: () => ({ APIKeys: [{ ID: 1, Name: 'prod', APIKey: key }], TotalCount: 1 }) }).install();
    const [revealed] = await run({ resource: 'apiKey', operation: 'ListAPIKeys', returnAll: true, revealApiKeys: true });
    expect(revealed?.[0]?.json.APIKey).toBe(key);
  });

  it('gives one item per rate-limit row with its percent of the limit', async () => {
    fakeApi({
      QuotaMonitoring: () => ({
        QuotaMonitoring: [
          { Day: '2025-06-01', QuotaType: 'qps', Value: 45, limit: 60 },
          { Day: '2025-06-02', QuotaType: 'qps', Value: 6, limit: 60 },
        ],
      }),
    }).install();
    const [items] = await run({
      resource: 'monitoring',
      operation: 'QuotaMonitoring',
      resourceId: { __rl: true, mode: 'id', value: 'volc.service_type.10029' },
      start: '2025-06-01',
      end: '2025-06-02',
      quotaType: 'qps',
    });
    expect(items!.map((item) => item.json)).toEqual([
      { ResourceID: 'volc.service_type.10029', Day: '2025-06-01', QuotaType: 'qps', Value: 45, Limit: 60, PercentOfLimit: 75 },
      { ResourceID: 'volc.service_type.10029', Day: '2025-06-02', QuotaType: 'qps', Value: 6, Limit: 60, PercentOfLimit: 10 },
    ]);
  });

  it('simplifies resource packs by default, and gives the raw rows with Simplify off', async () => {
    const pack = { ResourceID: 'volc.service_type.10029', ResourceDisplay: 'Doubao TTS', State: 'Effective', Type: 'prepaid', InstanceNumber: 'I-1', PurchasedAmount: '1,000', Harvest: { ResourceID: 'volc.service_type.10029', PurchasedAmount: 1000, CurrentUsage: 250, Unit: 'characters' } };
    fakeApi({ ResourcePacksStatus: () => ({ Packs: [pack], TotalCount: 1 }) }).install();
    const [simple] = await run({ resource: 'resourcePack', operation: 'ResourcePacksStatus', resourceIds: ['volc.service_type.10029'], returnAll: true });
    expect(simple?.[0]?.json).toMatchObject({ ResourceID: 'volc.service_type.10029', Name: 'Doubao TTS', Purchased: 1000, Used: 250, Remaining: 750, PercentUsed: 25, Unit: 'characters' });
    fakeApi({ ResourcePacksStatus: () => ({ Packs: [pack], TotalCount: 1 }) }).install();
    const [raw] = await run({ resource: 'resourcePack', operation: 'ResourcePacksStatus', resourceIds: ['volc.service_type.10029'], returnAll: true, simplify: false });
    expect(raw?.[0]?.json).toEqual(pack);
  });

  it('offers the known services (and a typed ID) where a service is picked', async () => {
    const options = await nodeType.methods.loadOptions.getResourceIds.call(loadOptionsContext(nodeType));
    expect(options.map((option) => option.value)).toContain('volc.service_type.10029');
    expect(options.find((option) => option.value === 'volc.service_type.10029')?.name).toMatch(/Doubao TTS/);
    const search = await nodeType.methods.listSearch.searchResourceIds.call(loadOptionsContext(nodeType), 'asr 2.0');
    expect(search.results.length).toBeGreaterThan(0);
    expect(search.results.every((result) => /ASR 2\.0/.test(result.name))).toBe(true);
  });
});
