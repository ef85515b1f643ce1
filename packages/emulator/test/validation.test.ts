/**
 * Server-side validation from the action table's field schema: what a client that skips its
 * own checks (or a hand-written one) would get. Sent raw, because the real client validates
 * first and would never send these.
 */
import { ACTIONS } from '@volc-speech/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type EmulatorHandle } from '../src/index.js';
import { validateParams } from '../src/validate.js';
import { errorOf, resultOf, signedCall } from './helpers/raw.js';

let emulator: EmulatorHandle;
beforeAll(async () => {
  emulator = await startEmulator({ quiet: true });
});
afterAll(() => emulator.close());

const call = (action: keyof typeof ACTIONS, body: unknown, method: 'GET' | 'POST' = 'POST') =>
  signedCall(emulator, { action, version: ACTIONS[action].version, body, method });

describe('required fields and types over HTTP', () => {
  it('a missing required field → 400 MissingParameter naming it', async () => {
    const r = await call('ListAPIKeys', {});
    expect(r.status).toBe(400);
    expect(errorOf(r)).toMatchObject({ Code: 'MissingParameter', CodeN: 100002, Message: 'Missing required parameter: ProjectName' });
    expect(errorOf(await call('ServiceStatus', { ProjectName: 'default', ResourceID: 'volc.service_type.10029' })).Message).toMatch(/BlueprintID/);
  });

  it('a wrong type or out-of-range value → 400 InvalidParameter naming it (nested as Go names them)', async () => {
    const size = await call('ResourcePacksStatus', { ProjectName: 'default', PageSize: 101, ResourceIDs: ['volc.service_type.10029'], Types: ['prepaid'] });
    expect(errorOf(size)).toMatchObject({ Code: 'InvalidParameter', Message: expect.stringContaining('PageSize') });
    const nested = await call('OrderResourcePacks', { ProjectName: 'default', ResourceID: 'volc.service_type.10029', Configurations: [{ Code: 'tts_bigmodel_chars_1m', Quantity: 0 }] });
    expect(errorOf(nested).Message).toMatch(/Configurations\[0\]\.Quantity: must be at least 1/);
    const type = await call('ListAPIKeys', { ProjectName: 'default', OnlyAvailable: 'sometimes' });
    expect(errorOf(type)).toMatchObject({ Code: 'InvalidParameter', Message: expect.stringContaining('OnlyAvailable') });
    const tagKey = await call('ListTagsForResources', { ResourceType: 'quota', TagFilters: [{ Key: 'k'.repeat(129) }] });
    expect(errorOf(tagKey).Message).toMatch(/TagFilters\[0\]\.Key/);
  });

  it('accepts unknown extra fields and missing optional ones', async () => {
    const r = await call('ListAPIKeys', { ProjectName: 'default', SomethingNew: { nested: true }, AppID: 'legacy' });
    expect(r.status).toBe(200);
    expect(resultOf<{ TotalCount: number }>(r).TotalCount).toBe(2);
  });

  it('accepts Disable as "true"/"false" strings or booleans, and rejects anything else', async () => {
    expect((await call('UpdateAPIKey', { ProjectName: 'default', ID: 2, Disable: false })).status).toBe(200);
    expect(resultOf<{ APIKeys: unknown[] }>(await call('ListAPIKeys', { ProjectName: 'default', OnlyAvailable: true })).APIKeys).toHaveLength(2);
    expect((await call('UpdateAPIKey', { ProjectName: 'default', ID: 2, Disable: 'TRUE' })).status).toBe(200);
    expect(resultOf<{ APIKeys: unknown[] }>(await call('ListAPIKeys', { ProjectName: 'default', OnlyAvailable: 'true' })).APIKeys).toHaveLength(1);
    expect(errorOf(await call('UpdateAPIKey', { ProjectName: 'default', ID: 2, Disable: 'yes' }))).toMatchObject({ Code: 'InvalidParameter' });
  });

  it('a body that is not a JSON object → 400 InvalidParameter', async () => {
    expect(errorOf(await call('ListAPIKeys', '{"ProjectName":'))).toMatchObject({ Code: 'InvalidParameter', Message: expect.stringMatching(/JSON/) });
    expect(errorOf(await call('ListAPIKeys', '[1,2]'))).toMatchObject({ Code: 'InvalidParameter' });
  });

  it('without a body the parameters may come from the query (GET), converted to the declared types', async () => {
    const r = await signedCall(emulator, { action: 'ListAPIKeys', version: '2025-05-20', method: 'GET', query: { ProjectName: 'default', OnlyAvailable: 'true' } });
    expect(r.status).toBe(200);
    expect(resultOf<{ APIKeys: unknown[] }>(r).APIKeys).toHaveLength(1);
  });

  it('ListSpeakers takes Limit as a string (sic) but also a number', async () => {
    expect(resultOf<{ Speakers: unknown[] }>(await call('ListSpeakers', { ResourceIDs: ['seed-tts-2.0'], Limit: '3' })).Speakers).toHaveLength(3);
    expect(resultOf<{ Speakers: unknown[] }>(await call('ListSpeakers', { ResourceIDs: ['seed-tts-2.0'], Limit: 4 })).Speakers).toHaveLength(4);
    expect(errorOf(await call('ListSpeakers', { ResourceIDs: ['seed-tts-2.0'], Limit: 'ten' })).Message).toMatch(/Limit/);
  });
});

describe('validateParams (unit)', () => {
  const schema = ACTIONS.OrderResourcePacks.fields;
  const CONFIGURATIONS = [{ Code: 'tts_bigmodel_chars_1m' }];

  it('reports required fields before type errors', () => {
    expect(() => validateParams(schema, { BlueprintID: 'x' })).toThrow(/Missing required parameter: ProjectName/);
  });

  it('coerces numeric strings for integers and keeps unknown fields', () => {
    const out = validateParams(schema, { ProjectName: 'p', BlueprintID: '10029', Configurations: [{ Quantity: '2', Extra: 1 }], Unknown: 'kept' });
    expect(out).toEqual({ ProjectName: 'p', BlueprintID: 10029, Configurations: [{ Quantity: 2, Extra: 1 }], Unknown: 'kept' });
  });

  it('rejects int32 overflow and non-integers', () => {
    expect(() => validateParams(schema, { ProjectName: 'p', BlueprintID: 2 ** 31, Configurations: CONFIGURATIONS })).toThrow(/int32/);
    expect(() => validateParams(schema, { ProjectName: 'p', BlueprintID: 1.5, Configurations: CONFIGURATIONS })).toThrow(/integer/);
  });

  it('treats null as absent', () => {
    expect(validateParams(schema, { ProjectName: 'p', ResourceID: null, Configurations: CONFIGURATIONS })).toEqual({ ProjectName: 'p', Configurations: CONFIGURATIONS });
  });
});
