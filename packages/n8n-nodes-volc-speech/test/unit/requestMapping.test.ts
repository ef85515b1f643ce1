/** n8n parameter values → the API request body, operation by operation. */
import { describe, expect, it } from 'vitest';
import type { INodeParameters } from 'n8n-workflow';

import { VolcSpeech } from '../../nodes/VolcSpeech/VolcSpeech.node';
import { findOperation } from '../../nodes/VolcSpeech/actions/router';
import { FieldValueError, buildRequest, generateFields } from '../../nodes/VolcSpeech/helpers/fields';
import type { Operation } from '../../nodes/VolcSpeech/helpers/operation';
import { executeContext } from '../support/fakeContext';

const nodeType = new VolcSpeech();

function requestFor(resource: string, operation: string, parameters: INodeParameters) {
  const module = findOperation(resource, operation) as unknown as { operation: Operation };
  const context = executeContext(nodeType, { parameters: { resource, operation, ...parameters } });
  return module.operation.request(context, 0);
}

describe('request mapping', () => {
  it('sends required fields with their defaults and leaves unset optional ones out', () => {
    expect(requestFor('apiKey', 'ListAPIKeys', {})).toEqual({ ProjectName: 'default' });
    expect(requestFor('apiKey', 'CreateAPIKey', { name: 'n8n key' })).toEqual({ Name: 'n8n key', ProjectName: 'default' });
  });

  it('maps Additional Fields by their API names', () => {
    expect(requestFor('apiKey', 'ListAPIKeys', { additionalFields: { onlyAvailable: true } })).toEqual({ ProjectName: 'default', OnlyAvailable: true });
    expect(requestFor('apiKey', 'UpdateAPIKey', { id: 7, additionalFields: { name: 'renamed', disable: 'true' } })).toEqual({
      ID: 7,
      ProjectName: 'default',
      Name: 'renamed',
      Disable: 'true',
    });
  });

  it('splits comma lists and keeps multiOptions arrays', () => {
    expect(requestFor('timbre', 'ListSpeakers', { resourceIds: ' seed-tts-1.0, seed-tts-2.0 ,,' })).toEqual({
      ResourceIDs: ['seed-tts-1.0', 'seed-tts-2.0'],
    });
    expect(requestFor('service', 'PauseService', { resourceIds: ['volc.service_type.10029'] })).toEqual({
      ProjectName: 'default',
      ResourceIDs: ['volc.service_type.10029'],
    });
    expect(requestFor('tag', 'UntagResources', { resourceIds: 'a,b', tagKeys: 'env' })).toEqual({
      ResourceType: 'quota',
      ResourceIds: ['a', 'b'],
      TagKeys: ['env'],
    });
  });

  it('unwraps resource locators', () => {
    expect(
      requestFor('service', 'ServiceStatus', { resourceId: { __rl: true, mode: 'id', value: 'volc.service_type.10029' }, blueprintId: 10029 }),
    ).toEqual({ ProjectName: 'default', ResourceID: 'volc.service_type.10029', BlueprintID: 10029 });
  });

  it('turns fixedCollections into lists of objects, nested ones included', () => {
    const request = requestFor('resourcePack', 'OrderResourcePacks', {
      resourceId: { __rl: true, mode: 'list', value: 'volc.service_type.10029' },
      configurations: {
        configuration: [
          {
            code: 'pack_1m',
            codeAttribute: { name: 'standard' },
            quantity: 2,
            times: 1,
            type: '',
            tags: { tag: [{ key: 'team', value: 'voice' }] },
          },
        ],
      },
      additionalFields: { blueprintId: 10029 },
    });
    expect(request).toEqual({
      ProjectName: 'default',
      ResourceID: 'volc.service_type.10029',
      BlueprintID: 10029,
      Configurations: [{ Code: 'pack_1m', CodeAttribute: { Name: 'standard' }, Quantity: 2, Times: 1, Tags: [{ Key: 'team', Value: 'voice' }] }],
    });
  });

  it('accepts tag filters with comma-separated values', () => {
    const request = requestFor('resourcePack', 'ResourcePacksStatus', {
      resourceIds: 'volc.service_type.10029',
      additionalFields: { tagFilters: { tagFilter: [{ key: 'env', values: 'prod, staging' }] } },
    });
    expect(request).toEqual({ ProjectName: 'default', ResourceIDs: ['volc.service_type.10029'], TagFilters: [{ Key: 'env', Values: ['prod', 'staging'] }] });
  });

  it('converts numbers given as strings, and dates given as ISO strings for Unix-ms fields', () => {
    expect(requestFor('resourcePack', 'FormalizeResourcePacks', { trainId: 'T1', times: '3', tags: { tag: [{ key: 'env', value: 'prod' }] } })).toEqual({
      ProjectName: 'default',
      TrainID: 'T1',
      Times: 3,
      Tags: [{ Key: 'env', Value: 'prod' }],
    });
    const request = requestFor('voiceClone', 'BatchListMegaTTSTrainStatus', {
      state: 'Active',
      additionalFields: {
        expireTimeEnd: '2025-06-08T00:00:00.000Z',
        speakerIds: { entry: [{ id: { __rl: true, mode: 'list', value: 'S_1' } }, { id: { __rl: true, mode: 'id', value: 'S_2' } }] },
      },
    });
    expect(request).toEqual({ ProjectName: 'default', State: 'Active', ExpireTimeEnd: Date.parse('2025-06-08T00:00:00.000Z'), SpeakerIDs: ['S_1', 'S_2'] });
  });

  it('reads locators: an API key by ID as a number, speakers from entries, lists and comma-separated IDs', () => {
    expect(requestFor('apiKey', 'DeleteAPIKey', { id: { __rl: true, mode: 'id', value: ' 1001 ' } })).toEqual({ ProjectName: 'default', ID: 1001 });
    expect(requestFor('apiKey', 'DeleteAPIKey', { id: { __rl: true, mode: 'list', value: '7', cachedResultName: 'ci (7)' } })).toEqual({ ProjectName: 'default', ID: 7 });
    expect(() => requestFor('apiKey', 'DeleteAPIKey', { id: { __rl: true, mode: 'id', value: 'seven' } })).toThrow(/ID must be a number/);
    // An expression in By ID may give a list, or several IDs separated by commas.
    const speakerIds = { entry: [{ id: { __rl: true, mode: 'id', value: ['S_1', 'S_2'] } }, { id: { __rl: true, mode: 'id', value: 'S_3, S_4' } }, { id: { __rl: true, mode: 'list', value: '' } }] };
    expect(requestFor('voiceClone', 'RenewAccessResourcePacks', { times: 1, speakerIds })).toMatchObject({ SpeakerIDs: ['S_1', 'S_2', 'S_3', 'S_4'] });
    // An expression that gives some other object is sent as text, as before locators, never a loop without end.
    expect(requestFor('voiceClone', 'RenewAccessResourcePacks', { times: 1, speakerIds: { entry: [{ id: { __rl: true, mode: 'id', value: { foo: 1 } } }] } })).toMatchObject({
      SpeakerIDs: ['[object Object]'],
    });
  });

  it('writes monitoring days as yyyy-MM-dd whatever the date picker gave', () => {
    const request = requestFor('monitoring', 'UsageMonitoring', {
      resourceId: { __rl: true, mode: 'id', value: 'volc.service_type.10029' },
      start: '2025-06-01T00:00:00.000+08:00',
      end: '2025-06-02',
      mode: 'hourly',
      additionalFields: { appId: '123' },
    });
    expect(request).toEqual({ ProjectName: 'default', ResourceID: 'volc.service_type.10029', Start: '2025-06-01', End: '2025-06-02', Mode: 'hourly', AppID: '123' });
  });

  it('rejects a value that is not a number where the API wants one, naming the field', () => {
    expect(() => requestFor('resourcePack', 'FormalizeResourcePacks', { trainId: 'T1', times: 'three' })).toThrow(FieldValueError);
    expect(() => requestFor('resourcePack', 'FormalizeResourcePacks', { trainId: 'T1', times: 1.5 })).toThrow(/Times must be a whole number/);
  });

  it('takes API-named keys from an expression as well as n8n names', () => {
    const { bindings } = generateFields({ Tags: { type: 'object[]', doc: 'Tags.', fields: { Key: { type: 'string', doc: 'K.' }, Value: { type: 'string', doc: 'V.' } } } });
    const request = buildRequest(bindings, (name) => (name === 'additionalFields' ? { tags: [{ Key: 'a', Value: 'b' }] } : undefined));
    expect(request).toEqual({ Tags: [{ Key: 'a', Value: 'b' }] });
  });
});
