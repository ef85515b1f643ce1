import { ACTIONS, type ActionSpec } from '@volc-speech/client';
import { describe, expect, it } from 'vitest';
import { coerceParams } from '../src/coerceParams.js';
import { UsageError } from '../src/usageError.js';

const spec = (name: keyof typeof ACTIONS): ActionSpec => ACTIONS[name];

describe('coerceParams', () => {
  it('coerces by the field schema', () => {
    expect(coerceParams(spec('DeleteAPIKey'), [['ID', '7'], ['ProjectName', 'default']])).toEqual({ ID: 7, ProjectName: 'default' });
    expect(coerceParams(spec('ListAPIKeys'), [['OnlyAvailable', 'yes']])).toEqual({ OnlyAvailable: true });
    expect(coerceParams(spec('ListAPIKeys'), [['OnlyAvailable', 'False']])).toEqual({ OnlyAvailable: false });
    expect(coerceParams(spec('ListMegaTTSTrainStatus'), [['OrderTimeStart', '1700727790000']])).toEqual({ OrderTimeStart: 1700727790000 });
    // A field the SDK types as a string stays a string, even when it looks like a boolean or number.
    expect(coerceParams(spec('UpdateAPIKey'), [['Disable', 'true'], ['Name', '42']])).toEqual({ Disable: 'true', Name: '42' });
    expect(coerceParams(spec('ListSpeakers'), [['Limit', '100'], ['Page', '2']])).toEqual({ Limit: '100', Page: 2 });
  });

  it('builds string lists from commas, repeats and JSON', () => {
    expect(coerceParams(spec('PauseService'), [['ResourceIDs', 'a, b,,c']])).toEqual({ ResourceIDs: ['a', 'b', 'c'] });
    expect(coerceParams(spec('PauseService'), [['ResourceIDs', 'a'], ['ResourceIDs', 'b']])).toEqual({ ResourceIDs: ['a', 'b'] });
    expect(coerceParams(spec('PauseService'), [['ResourceIDs', '["x,y"]']])).toEqual({ ResourceIDs: ['x,y'] });
  });

  it('reads objects and object lists as JSON, appending on repeat', () => {
    expect(coerceParams(spec('TagResources'), [['Tags', '{"Key":"env","Value":"prod"}'], ['Tags', '[{"Key":"team"}]']])).toEqual({
      Tags: [{ Key: 'env', Value: 'prod' }, { Key: 'team' }],
    });
    expect(() => coerceParams(spec('TagResources'), [['Tags', 'env=prod']])).toThrow(UsageError);
    expect(() => coerceParams(spec('TagResources'), [['Tags', '[1]']])).toThrow('list of objects');
  });

  it('applies params on top of --json', () => {
    expect(coerceParams(spec('ListAPIKeys'), [['ProjectName', 'b']], { ProjectName: 'a', OnlyAvailable: true })).toEqual({ ProjectName: 'b', OnlyAvailable: true });
  });

  it('rejects values that do not fit the type', () => {
    expect(() => coerceParams(spec('DeleteAPIKey'), [['ID', 'seven']])).toThrow('ID is a number (int32), got "seven"');
    expect(() => coerceParams(spec('DeleteAPIKey'), [['ID', '1.5']])).toThrow('whole number');
    expect(() => coerceParams(spec('DeleteAPIKey'), [['ID', '']])).toThrow(UsageError);
    expect(() => coerceParams(spec('ListAPIKeys'), [['OnlyAvailable', 'maybe']])).toThrow('true or false');
    expect(() => coerceParams(spec('ListAPIKeys'), [['ProjectName', 'a'], ['ProjectName', 'b']])).toThrow('given twice');
  });

  it('sends unknown fields as strings with a warning, but catches a wrong case', () => {
    const warnings: string[] = [];
    expect(coerceParams(spec('ListAPIKeys'), [['Future', 'x']], {}, (w) => warnings.push(w))).toEqual({ Future: 'x' });
    expect(warnings[0]).toContain('Future is not a field of ListAPIKeys');
    expect(() => coerceParams(spec('ListAPIKeys'), [['projectname', 'x']])).toThrow('spelled ProjectName');
  });

  it('refuses a near-miss field name with "did you mean", and keeps hostile names as plain fields', () => {
    expect(() => coerceParams(spec('ListAPIKeys'), [['ProjetName', 'x']])).toThrow('--param ProjetName: ListAPIKeys has no field ProjetName: did you mean ProjectName?');
    const request = coerceParams(spec('ListAPIKeys'), [['__proto__', 'x']], {}, () => undefined);
    expect(Object.getPrototypeOf(request)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(request, '__proto__')?.value).toBe('x');
  });
});
