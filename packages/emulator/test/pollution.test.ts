/**
 * Names from a request or a state file are data, never property paths: `__proto__`,
 * `constructor`, `toString`… behave like any other project, resource, tag or speaker name, and
 * nothing a caller sends reaches Object.prototype (issue 9, item 1).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ACTIONS, type ActionName } from '@volc-speech/client';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startEmulator, type EmulatorHandle } from '../src/index.js';
import { createSeedState } from '../src/seed.js';
import type { EmulatorState } from '../src/state/model.js';
import { errorOf, resultOf, send, signedCall } from './helpers/raw.js';

const HOSTILE = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', 'prototype', '__defineGetter__'];
const TYPE = 'quota';

let emulator: EmulatorHandle;
beforeAll(async () => {
  emulator = await startEmulator({ quiet: true, faults: {} });
});
afterAll(() => emulator.close());
beforeEach(() => emulator.control.reset());
afterEach(() => {
  // Whatever a test did, the process's Object.prototype is as it was.
  expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(PROTOTYPE_NAMES);
  expect(({} as Record<string, unknown>)['ProjectName']).toBeUndefined();
});
const PROTOTYPE_NAMES = Object.getOwnPropertyNames(Object.prototype).sort();

const versionOf = (action: string) => ACTIONS[action as ActionName].version;
const call = (action: string, body: unknown) => signedCall(emulator, { action, version: versionOf(action), body });

/** Every object that maps names (not fixed-field records) in the state, with its path. */
function nameMaps(state: EmulatorState): Array<[string, object]> {
  const maps: Array<[string, object]> = [
    ['apiKeys.byProject', state.apiKeys.byProject],
    ['services.byProject', state.services.byProject],
    ['tags', state.tags],
    ['voices.speakers', state.voices.speakers],
    ['orders.byId', state.orders.byId],
    ['monitoring.usage', state.monitoring.usage],
    ['monitoring.quotaPeaks', state.monitoring.quotaPeaks],
  ];
  for (const [project, byResource] of Object.entries(state.services.byProject)) maps.push([`services.byProject.${project}`, byResource]);
  for (const [type, byId] of Object.entries(state.tags)) {
    maps.push([`tags.${type}`, byId]);
    for (const [id, tags] of Object.entries(byId)) maps.push([`tags.${type}.${id}`, tags]);
  }
  for (const [project, byResource] of Object.entries(state.monitoring.usage)) {
    maps.push([`monitoring.usage.${project}`, byResource]);
    for (const [resource, byHour] of Object.entries(byResource)) maps.push([`monitoring.usage.${project}.${resource}`, byHour]);
  }
  for (const [project, byResource] of Object.entries(state.monitoring.quotaPeaks)) {
    maps.push([`monitoring.quotaPeaks.${project}`, byResource]);
    for (const [resource, byType] of Object.entries(byResource)) {
      maps.push([`monitoring.quotaPeaks.${project}.${resource}`, byType]);
      for (const [type, byDay] of Object.entries(byType)) maps.push([`monitoring.quotaPeaks.${project}.${resource}.${type}`, byDay]);
    }
  }
  return maps;
}

function expectNullPrototypes(state: EmulatorState): void {
  const plain = nameMaps(state)
    .filter(([, map]) => Object.getPrototypeOf(map) !== null)
    .map(([path]) => path);
  expect(plain).toEqual([]);
}

describe('hostile names through ordinary signed calls', () => {
  it('TagResources on ResourceIds ["__proto__"] with a tag named like a request field stores a tag, and ListAPIKeys still works', async () => {
    const tagged = await call('TagResources', { ResourceType: TYPE, ResourceIds: ['__proto__', 'constructor'], Tags: [{ Key: 'ProjectName', Value: 'x' }, { Key: '__proto__', Value: 'y' }] });
    expect(tagged.status).toBe(200);
    const listed = await call('ListTagsForResources', { ResourceType: TYPE, ResourceIds: ['__proto__', 'constructor'] });
    expect(listed.status).toBe(200);
    expect(resultOf<{ ResourceTags: unknown[] }>(listed).ResourceTags).toEqual([
      { ResourceId: '__proto__', ResourceType: TYPE, TagKey: 'ProjectName', TagValue: 'x' },
      { ResourceId: '__proto__', ResourceType: TYPE, TagKey: '__proto__', TagValue: 'y' },
      { ResourceId: 'constructor', ResourceType: TYPE, TagKey: 'ProjectName', TagValue: 'x' },
      { ResourceId: 'constructor', ResourceType: TYPE, TagKey: '__proto__', TagValue: 'y' },
    ]);
    const keys = await call('ListAPIKeys', { ProjectName: 'default' });
    expect(keys.status).toBe(200);
    expect(resultOf<{ APIKeys: unknown[] }>(keys).APIKeys).toHaveLength(2);
    const untagged = await call('UntagResources', { ResourceType: TYPE, ResourceIds: ['__proto__', 'constructor'], TagKeys: ['ProjectName', '__proto__'] });
    expect(untagged.status).toBe(200);
    expect(resultOf<{ ResourceTags: unknown[] }>(await call('ListTagsForResources', { ResourceType: TYPE, ResourceIds: ['__proto__'] })).ResourceTags).toEqual([]);
    expectNullPrototypes(emulator.state);
  });

  it('a ResourceType named __proto__ or constructor is refused as undocumented (400, EXPL lists four), never a 500', async () => {
    for (const type of ['__proto__', 'constructor']) {
      const tagged = await call('TagResources', { ResourceType: type, ResourceIds: ['r1'], Tags: [{ Key: 'k', Value: 'v' }] });
      expect(tagged.status).toBe(400);
      expect(errorOf(tagged)).toMatchObject({ Code: 'InvalidParameter', Message: expect.stringContaining('ResourceType') });
      const listed = await call('ListTagsForResources', { ResourceType: type, ResourceIds: ['r1'] });
      expect(listed.status).toBe(400);
    }
    expectNullPrototypes(emulator.state);
  });

  for (const name of HOSTILE) {
    it(`ProjectName ${JSON.stringify(name)} is an empty project like any other, and can hold keys and services`, async () => {
      const listed = await call('ListAPIKeys', { ProjectName: name });
      expect(listed.status).toBe(200);
      expect(resultOf<{ APIKeys: unknown[] }>(listed).APIKeys).toEqual([]);
      expect((await call('CreateAPIKey', { ProjectName: name, Name: 'k' })).status).toBe(200);
      expect(resultOf<{ APIKeys: Array<{ Name: string }> }>(await call('ListAPIKeys', { ProjectName: name })).APIKeys.map((k) => k.Name)).toEqual(['k']);
      // The default project did not change.
      expect(resultOf<{ APIKeys: unknown[] }>(await call('ListAPIKeys', { ProjectName: 'default' })).APIKeys).toHaveLength(2);

      const status = await call('ServiceStatus', { ProjectName: name, ResourceID: 'volc.service_type.10029', BlueprintID: 10029 });
      expect(status.status).toBe(200);
      expect(resultOf(status)).toMatchObject({ Status: 'NotActivated' });
      expect((await call('PauseService', { ProjectName: name, ResourceIDs: ['volc.service_type.10029'] })).status).toBe(400);
      expect((await call('ActivateService', { ProjectName: name, ResourceID: name })).status).toBe(200);
      expect(resultOf(await call('ServiceStatus', { ProjectName: name, ResourceID: name, BlueprintID: 1 }))).toMatchObject({ Status: 'Running', ResourceID: name });

      for (const [action, body] of [
        ['ResourcePacksStatus', { ProjectName: name, PageSize: 10, ResourceIDs: [name] }],
        ['ListMegaTTSTrainStatus', { ProjectName: name, SpeakerIDs: [name], State: 'Success' }],
        ['BatchListMegaTTSTrainStatus', { ProjectName: name, SpeakerIDs: [name], State: 'Success' }],
        ['UsageMonitoring', { ProjectName: name, ResourceID: name, Start: '2026-01-01', End: '2026-01-02', Mode: 'daily' }],
        ['QuotaMonitoring', { ProjectName: name, ResourceID: name, Start: '2026-01-01', End: '2026-01-02', Mode: 'daily', QuotaType: name }],
        ['ListTagsForResources', { ResourceType: 'quota', ResourceIds: [name] }],
      ] as const) {
        const r = await call(action, body);
        expect(r.status, `${action}: ${r.text}`).toBe(200);
      }
      expectNullPrototypes(emulator.state);
    });
  }

  it('hostile resource IDs, pack codes, speaker IDs and order IDs are refused as unknown (4xx), never 500', async () => {
    for (const name of HOSTILE) {
      const ordered = await call('OrderResourcePacks', { ProjectName: 'default', ResourceID: name, Configurations: [{ Code: name, Quantity: 1 }] });
      expect(ordered.status, ordered.text).toBe(400);
      const renewed = await call('RenewAccessResourcePacks', { SpeakerIDs: [name], Times: 1 });
      expect(renewed.status, renewed.text).toBe(400);
      expect(errorOf(renewed).Code).toBe('OperationDenied.InvalidSpeakerID');
      const byOrder = await call('ListMegaTTSByOrderID', { AppID: '6172345089', OrderID: name });
      expect(byOrder.status, byOrder.text).toBe(400);
      const alias = await call('AliasResourcePack', { ProjectName: 'default', TrainID: name, InstanceNumber: name, Alias: 'a' });
      expect(alias.status, alias.text).toBe(404);
      const app = await call('ListMegaTTSByOrderID', { AppID: name, OrderID: 'x' });
      expect(app.status, app.text).toBe(400);
    }
  });

  it('hostile query keys and values (GET) are parameters like any other', async () => {
    for (const key of HOSTILE) {
      const r = await signedCall(emulator, { method: 'GET', action: 'ListAPIKeys', version: versionOf('ListAPIKeys'), query: { ProjectName: 'default', [key]: 'x' } });
      expect(r.status, r.text).toBe(200);
    }
    const hostileValue = await signedCall(emulator, { method: 'GET', action: 'ListAPIKeys', version: versionOf('ListAPIKeys'), query: { ProjectName: '__proto__' } });
    expect(hostileValue.status, hostileValue.text).toBe(200);
  });

  it('a JSON body with an own "__proto__" key is validated as data', async () => {
    const r = await call('ListAPIKeys', '{"__proto__": {"ProjectName": "default"}, "ProjectName": "constructor"}');
    expect(r.status, r.text).toBe(200);
    expect(resultOf<{ APIKeys: unknown[] }>(r).APIKeys).toEqual([]);
    const missing = await call('ListAPIKeys', '{"__proto__": {"ProjectName": "default"}}');
    expect(missing.status).toBe(400);
    expect(errorOf(missing).Code).toBe('MissingParameter');
  });

  it('the control endpoint takes hostile names as data too', async () => {
    const usage = await send(`${emulator.url}/__emulator/usage`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ amount: 5, resourceId: '__proto__', projectName: 'constructor' }) });
    expect(usage.status, usage.text).toBe(200);
    const load = await send(`${emulator.url}/__emulator/usage`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ quotaLoad: { percent: 50, projectName: '__proto__' } }) });
    expect(load.status, load.text).toBe(200);
    for (const name of ['constructor', 'toString', '__proto__']) {
      expect((await send(`${emulator.url}/__emulator/${name}`, { method: 'GET' })).status).toBe(404);
    }
    const voice = await send(`${emulator.url}/__emulator/voices`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ speakerId: 'constructor', state: 'Success' }) });
    expect(voice.status).toBe(404);
    expectNullPrototypes(emulator.state);
  });
});

describe('state maps are null-prototype objects', () => {
  it('in the seed', () => {
    expectNullPrototypes(createSeedState(Date.now()));
  });

  it('after loading a state file, where hostile names round-trip', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'emulator-pollution-'));
    try {
      const file = join(dir, 'state.json');
      const first = await startEmulator({ quiet: true, stateFile: file });
      await signedCall(first, { action: 'CreateAPIKey', version: versionOf('CreateAPIKey'), body: { ProjectName: '__proto__', Name: 'proto-key' } });
      await signedCall(first, { action: 'TagResources', version: versionOf('TagResources'), body: { ResourceType: 'quota', ResourceIds: ['__proto__', 'constructor'], Tags: [{ Key: '__proto__', Value: 'v' }] } });
      await first.close();
      const second = await startEmulator({ quiet: true, stateFile: file });
      try {
        expectNullPrototypes(second.state);
        expect(second.state.apiKeys.byProject['__proto__']?.map((k) => k.Name)).toEqual(['proto-key']);
        const keys = await signedCall(second, { action: 'ListAPIKeys', version: versionOf('ListAPIKeys'), body: { ProjectName: '__proto__' } });
        expect(resultOf<{ APIKeys: Array<{ Name: string }> }>(keys).APIKeys.map((k) => k.Name)).toEqual(['proto-key']);
        const tags = await signedCall(second, { action: 'ListTagsForResources', version: versionOf('ListTagsForResources'), body: { ResourceType: 'quota', ResourceIds: ['__proto__', 'constructor'] } });
        expect(resultOf<{ ResourceTags: unknown[] }>(tags).ResourceTags).toEqual([
          { ResourceId: '__proto__', ResourceType: 'quota', TagKey: '__proto__', TagValue: 'v' },
          { ResourceId: 'constructor', ResourceType: 'quota', TagKey: '__proto__', TagValue: 'v' },
        ]);
        expect((await signedCall(second, { action: 'ListAPIKeys', version: versionOf('ListAPIKeys'), body: { ProjectName: 'constructor' } })).status).toBe(200);
      } finally {
        await second.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a hand-written file whose maps carry "__proto__" keys loads them as data', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'emulator-pollution-'));
    try {
      const file = join(dir, 'state.json');
      const state = JSON.parse(JSON.stringify(createSeedState(Date.now()))) as EmulatorState;
      const text = JSON.stringify(state).replace('"byProject":{"default":', '"byProject":{"__proto__":[],"default":');
      writeFileSync(file, text);
      const loaded = await startEmulator({ quiet: true, stateFile: file });
      try {
        expectNullPrototypes(loaded.state);
        expect(Object.hasOwn(loaded.state.apiKeys.byProject, '__proto__')).toBe(true);
        expect(loaded.state.apiKeys.byProject['__proto__']).toEqual([]);
        expect((await signedCall(loaded, { action: 'ListAPIKeys', version: versionOf('ListAPIKeys'), body: { ProjectName: 'default' } })).status).toBe(200);
      } finally {
        await loaded.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
