import { describe, expect, it } from 'vitest';
import { ACTIONS, type ActionSpec } from '../src/actions/actionTable.js';
import { VolcSpeechError } from '../src/errors.js';
import { findRequestIssues, validateRequest } from '../src/validateRequest.js';

const spec = (name: keyof typeof ACTIONS): ActionSpec => ACTIONS[name];

function validationError(action: keyof typeof ACTIONS, request: unknown): VolcSpeechError {
  try {
    validateRequest(spec(action), request);
  } catch (error) {
    expect(error).toBeInstanceOf(VolcSpeechError);
    return error as VolcSpeechError;
  }
  throw new Error('expected a validation error');
}

describe('validateRequest', () => {
  it('accepts a valid request, with unknown extra fields passed through', () => {
    expect(() => validateRequest(spec('ListAPIKeys'), { ProjectName: 'default', OnlyAvailable: true, FutureField: 1 })).not.toThrow();
    expect(() => validateRequest(spec('ListBigModelTTSTimbres'), {})).not.toThrow();
  });

  it('names the action and the missing field', () => {
    const error = validationError('ListAPIKeys', {});
    expect(error).toMatchObject({ kind: 'validation', code: 'MissingParameter', field: 'ProjectName', action: 'ListAPIKeys', retryable: false });
    expect(error.message).toMatch(/^ListAPIKeys failed: validation MissingParameter: ProjectName is required \(string\)\./);
    expect(error.hint).toContain('volc-speech help ListAPIKeys');
  });

  it('treats null like absent', () => {
    expect(validationError('ListAPIKeys', { ProjectName: null }).code).toBe('MissingParameter');
    expect(() => validateRequest(spec('ListAPIKeys'), { ProjectName: 'default', OnlyAvailable: null })).not.toThrow();
  });

  it('checks types', () => {
    expect(validationError('DeleteAPIKey', { ProjectName: 'default', ID: '7' })).toMatchObject({ field: 'ID', code: 'InvalidParameter' });
    expect(validationError('DeleteAPIKey', { ProjectName: 'default', ID: 1.5 }).serviceMessage).toContain('must be an integer');
    expect(validationError('DeleteAPIKey', { ProjectName: 'default', ID: 2 ** 31 }).serviceMessage).toContain('32 bits');
    expect(validationError('ListAPIKeys', { ProjectName: 'default', OnlyAvailable: 'true' }).field).toBe('OnlyAvailable');
    expect(validationError('PauseService', { ProjectName: 'p', ResourceIDs: 'volc.service_type.10029' }).serviceMessage).toContain('an array of strings');
    expect(validationError('PauseService', { ProjectName: 'p', ResourceIDs: ['ok', 3] }).field).toBe('ResourceIDs[1]');
    expect(validationError('ListMegaTTSTrainStatus', { ProjectName: 'p', State: 'Success', OrderTimeStart: 2 ** 60 }).field).toBe('OrderTimeStart');
  });

  it('checks min and max', () => {
    expect(validationError('ResourcePacksStatus', { ProjectName: 'p', PageSize: 0, ResourceIDs: ['r'] }).serviceMessage).toBe('PageSize must be ≥ 1, got 0');
    expect(validationError('ResourcePacksStatus', { ProjectName: 'p', PageSize: 101, ResourceIDs: ['r'] }).serviceMessage).toBe('PageSize must be ≤ 100, got 101');
    expect(() => validateRequest(spec('ResourcePacksStatus'), { ProjectName: 'p', PageSize: 100, ResourceIDs: ['r'] })).not.toThrow();
  });

  it('checks nested objects, arrays of objects and maxLength', () => {
    const error = validationError('OrderResourcePacks', { ProjectName: 'p', Configurations: [{ Code: 'x', Quantity: 1 }, { Code: 'y', Quantity: 0 }] });
    expect(error.field).toBe('Configurations[1].Quantity');
    expect(validationError('OrderResourcePacks', { ProjectName: 'p', Configurations: [{ CodeAttribute: { Name: 5 } }] }).field).toBe('Configurations[0].CodeAttribute.Name');
    expect(validationError('OrderResourcePacks', { ProjectName: 'p', Configurations: ['x'] }).field).toBe('Configurations[0]');
    const longKey = 'k'.repeat(129);
    expect(validationError('ListTagsForResources', { ResourceType: 'quota', TagFilters: [{ Key: longKey }] }).field).toBe('TagFilters[0].Key');
    expect(() => validateRequest(spec('ListTagsForResources'), { ResourceType: 'quota', TagFilters: [{ Key: 'k'.repeat(128), Values: ['a'] }] })).not.toThrow();
  });

  it('reports every issue, and counts the rest in the message', () => {
    const issues = findRequestIssues(spec('OrderAccessResourcePacks'), { Quantity: 0 });
    expect(issues.map((i) => i.field)).toEqual(['ProjectName', 'ResourceID', 'Code', 'Times', 'Quantity']);
    expect(validationError('OrderAccessResourcePacks', { Quantity: 0 }).message).toContain('(and 4 more: ResourceID, Code, Times, …)');
  });

  it('rejects a request that is not an object', () => {
    expect(validationError('ListAPIKeys', [1]).field).toBe('(request)');
    expect(validationError('ListAPIKeys', 'ProjectName=default').field).toBe('(request)');
  });
});

describe('the Explorer-stricter fields (shared/api §6.1, §6.2)', () => {
  const REQUIRED_BY_EXPL: Array<[keyof typeof ACTIONS, string]> = [
    ['ResourcePacksStatus', 'ResourceIDs'],
    ['ResourcePacksStatus', 'Types'],
    ['ListSpeakers', 'ResourceIDs'],
    ['PauseService', 'ResourceIDs'],
    ['ResumeService', 'ResourceIDs'],
    ['FormalizeResourcePacks', 'Tags'],
    ['OrderResourcePacks', 'Configurations'],
    ['RenewAccessResourcePacks', 'SpeakerIDs'],
    ['TagResources', 'ResourceIds'],
    ['UntagResources', 'ResourceIds'],
    ['UntagResources', 'TagKeys'],
  ];

  it('marks all eleven required, with EXPL as the source', () => {
    for (const [action, field] of REQUIRED_BY_EXPL) {
      expect(spec(action).fields[field], `${action}.${field}`).toMatchObject({ required: true, requiredBy: 'EXPL' });
    }
  });

  it('refuses an empty required list, naming the field', () => {
    const error = validationError('PauseService', { ProjectName: 'default', ResourceIDs: [] });
    expect(error).toMatchObject({ code: 'MissingParameter', field: 'ResourceIDs' });
    expect(error.message).toContain('must not be empty');
  });

  it('refuses values outside the documented enumerations, naming the field and the values', () => {
    const cases: Array<[keyof typeof ACTIONS, Record<string, unknown>, string]> = [
      ['TagResources', { ResourceType: 'instance', ResourceIds: ['r'] }, 'ResourceType'],
      ['ResourcePacksStatus', { ProjectName: 'p', PageSize: 10, ResourceIDs: ['r'], Types: ['quota', 'trial'] }, 'Types[1]'],
      ['QuotaMonitoring', { ProjectName: 'p', ResourceID: 'r', Start: '2026-11-30', End: '2026-11-30', QuotaType: 'QPS' }, 'QuotaType'],
      ['QuotaMonitoring', { ProjectName: 'p', ResourceID: 'r', Start: '2026-11-30', End: '2026-11-30', Mode: 'weekly' }, 'Mode'],
      ['UsageMonitoring', { ProjectName: 'p', ResourceID: 'r', Start: '2026-11-30', End: '2026-11-30', Mode: 'hourly' }, 'Mode'],
      ['BatchListMegaTTSTrainStatus', { ProjectName: 'p', State: '' }, 'State'],
      ['ListMegaTTSTrainStatus', { ProjectName: 'p', State: 'success' }, 'State'],
      ['ListSpeakers', { ResourceIDs: ['seed-icl-1.0'] }, 'ResourceIDs[0]'],
    ];
    for (const [action, request, field] of cases) {
      const error = validationError(action, request);
      expect(error, `${action} ${field}`).toMatchObject({ code: 'InvalidParameter', field });
      expect(error.message).toContain('must be one of');
    }
  });

  it('asks for ResourceIds or TagFilters on ListTagsForResources', () => {
    const error = validationError('ListTagsForResources', { ResourceType: 'quota' });
    expect(error).toMatchObject({ code: 'MissingParameter', field: 'ResourceIds or TagFilters' });
    expect(() => validateRequest(spec('ListTagsForResources'), { ResourceType: 'quota', TagFilters: [{ Key: 'env' }] })).not.toThrow();
  });
});
