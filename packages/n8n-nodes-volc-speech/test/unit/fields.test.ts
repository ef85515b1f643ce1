/** The node's fields are generated from the action table: check the mapping rules and the coverage. */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ACTIONS, ACTION_GROUPS, ACTION_NAMES, needsExplicitConfirmation } from '@volc-speech/client';
import type { INodeProperties } from 'n8n-workflow';
import { NodeHelpers } from 'n8n-workflow';
import { describe, expect, it } from 'vitest';

import { VolcSpeech } from '../../nodes/VolcSpeech/VolcSpeech.node';
import { resources } from '../../nodes/VolcSpeech/actions/resources';
import { generateFields, propertyFor } from '../../nodes/VolcSpeech/helpers/fields';
import { toDescription, toDisplayName, toParamName } from '../../nodes/VolcSpeech/helpers/naming';

const node = new VolcSpeech();
const properties = node.description.properties;

function fieldsOf(action: string): INodeProperties[] {
  return properties.filter((property) => property.displayOptions?.show?.operation?.includes(action));
}

function field(action: string, name: string): INodeProperties {
  const found = fieldsOf(action).find((property) => property.name === name);
  if (!found) throw new Error(`${action} has no field ${name}`);
  return found;
}

function additional(action: string, name: string): INodeProperties {
  const collection = field(action, 'additionalFields');
  const found = (collection.options as INodeProperties[]).find((option) => option.name === name);
  if (!found) throw new Error(`${action} Additional Fields has no ${name}`);
  return found;
}

describe('names', () => {
  it('turns API names into camelCase parameters and Title Case labels', () => {
    expect(toParamName('ProjectName')).toBe('projectName');
    expect(toParamName('SpeakerIDs')).toBe('speakerIds');
    expect(toParamName('ResourceIds')).toBe('resourceIds');
    expect(toParamName('ID')).toBe('id');
    expect(toParamName('AppID')).toBe('appId');
    expect(toDisplayName('ResourceIds')).toBe('Resource IDs');
    expect(toDisplayName('OrderTimeStart')).toBe('Order Time Start');
  });

  it("follows n8n's period convention for descriptions", () => {
    expect(toDescription('Project the resource belongs to.')).toBe('Project the resource belongs to');
    expect(toDescription('Page size.', 'Unsure: not known.')).toBe('Page size. Unsure: not known.');
    expect(toDescription('Resource ID, e.g. volc.service_type.10029.')).toBe('Resource ID, e.g. volc.service_type.10029');
  });
});

describe('coverage of the action table', () => {
  it('has the seven resources of the table, and one operation per action, valued by the action name', () => {
    expect(Object.keys(resources).sort()).toEqual(Object.keys(ACTION_GROUPS).sort());
    const operationValues = Object.values(resources).flatMap((resource) => Object.keys(resource.operations));
    expect(operationValues.sort()).toEqual([...ACTION_NAMES].sort());
    expect(operationValues).toHaveLength(25);
    for (const [group, resource] of Object.entries(resources)) {
      for (const [action, operation] of Object.entries(resource.operations)) {
        expect(ACTIONS[action as keyof typeof ACTIONS].group).toBe(group);
        expect(operation.option.value).toBe(action);
      }
    }
  });

  it('keeps one <operation>.operation.ts file per action, in its resource folder', () => {
    const actionsDir = join(import.meta.dirname, '../../nodes/VolcSpeech/actions');
    const files = Object.keys(ACTION_GROUPS).flatMap((group) =>
      readdirSync(join(actionsDir, group)).filter((file) => file.endsWith('.operation.ts')).map((file) => `${group}/${file}`),
    );
    expect(files).toHaveLength(25);
    for (const action of ACTION_NAMES) {
      const expected = `${ACTIONS[action].group}/${action[0]!.toLowerCase()}${action.slice(1)}.operation.ts`;
      expect(files).toContain(expected);
    }
  });

  it('exposes every request field of every action (paging fields become Return All / Limit)', () => {
    for (const action of ACTION_NAMES) {
      const spec = ACTIONS[action];
      const names = new Set(
        fieldsOf(action).flatMap((property) =>
          property.name === 'additionalFields' ? (property.options as INodeProperties[]).map((option) => option.name) : [property.name],
        ),
      );
      const paging = 'paging' in spec ? spec.paging : undefined;
      const pagingFields = paging ? [paging.sizeField, paging.style === 'page' ? paging.pageField : paging.tokenField, 'NextToken', 'MaxResults'] : [];
      for (const apiName of Object.keys(spec.fields)) {
        if (pagingFields.includes(apiName)) continue;
        expect(names, `${action}.${apiName}`).toContain(toParamName(apiName));
      }
      if (paging) {
        expect(names).toContain('returnAll');
        expect(names).toContain('limit');
      }
    }
  });

  it('puts a notice and an AI-agent switch on exactly the operations that stop service, break apps or spend money', () => {
    const withNotice = ACTION_NAMES.filter((action) => fieldsOf(action).some((property) => property.type === 'notice'));
    const guarded = ACTION_NAMES.filter((action) => needsExplicitConfirmation(ACTIONS[action]) || action === 'DeleteAPIKey' || action === 'UpdateAPIKey');
    expect(withNotice.sort()).toEqual(guarded.sort());
    expect(guarded).toEqual(expect.arrayContaining(['FormalizeResourcePacks', 'OrderAccessResourcePacks', 'OrderResourcePacks', 'PauseService', 'RenewAccessResourcePacks', 'TerminateService']));
    for (const action of guarded) {
      expect(field(action, 'allowAiAgent')).toMatchObject({ type: 'boolean', default: false, displayOptions: { show: { '@tool': [true] } } });
      // Written for people: no action names, and the guards are spelled out.
      expect(field(action, 'notice').displayName).not.toMatch(/\b[A-Z][a-z]+[A-Z]\w+\b/);
      expect(field(action, 'notice').displayName).toMatch(/human review/);
    }
    expect(field('PauseService', 'notice').displayName).toMatch(/can be undone and costs nothing/);
    expect(field('TerminateService', 'notice').displayName).toMatch(/cannot be undone/);
    expect(field('OrderResourcePacks', 'notice').displayName).toMatch(/charges your Volcengine account/);
    expect(field('DeleteAPIKey', 'notice').displayName).toMatch(/breaks every app/);
  });

  it('gives every list operation Return All and Limit', () => {
    for (const action of ['ListBigModelTTSTimbres', 'ListSpeakers', 'ListAPIKeys', 'ResourcePacksStatus', 'ListTagsForResources', 'ListMegaTTSTrainStatus', 'BatchListMegaTTSTrainStatus', 'ListMegaTTSByOrderID']) {
      expect(field(action, 'returnAll').type).toBe('boolean');
      expect(field(action, 'limit')).toMatchObject({ type: 'number', default: 50, displayOptions: { show: { returnAll: [false] } } });
    }
  });

  it('leaves no required parameter without a usable default issue for n8n', () => {
    for (const action of ACTION_NAMES) {
      const spec = ACTIONS[action];
      const parameters = NodeHelpers.getNodeParameters(properties, { resource: spec.group, operation: action }, true, false, { typeVersion: 1 }, node.description);
      expect(parameters?.operation).toBe(action);
    }
  });
});

describe('field generation rules', () => {
  it('string → string with the example as placeholder; required fields stand alone', () => {
    expect(field('CreateAPIKey', 'name')).toMatchObject({ type: 'string', required: true, placeholder: 'e.g. n8n' });
    expect(field('CreateAPIKey', 'projectName')).toMatchObject({ type: 'string', default: 'default', required: true });
  });

  it('int32/int64 → number with min/max as typeOptions', () => {
    expect(field('OrderAccessResourcePacks', 'quantity')).toMatchObject({ type: 'number', typeOptions: { minValue: 1, maxValue: 2000, numberPrecision: 0 } });
    expect(additional('BatchListMegaTTSTrainStatus', 'orderTimeStart')).toMatchObject({ type: 'number', default: 0 });
  });

  it('boolean → boolean described with "Whether"', () => {
    expect(additional('OrderAccessResourcePacks', 'autoUseCoupon')).toMatchObject({ type: 'boolean', default: false, description: 'Whether to use a coupon automatically' });
    expect(additional('ListAPIKeys', 'onlyAvailable').description).toMatch(/^Whether/);
  });

  it('string[] → comma-separated string, or a dropdown where the API lists the choices', () => {
    // Required by the API Explorer (EXPL): a top-level field, not an additional one.
    expect(field('ListSpeakers', 'resourceIds')).toMatchObject({ type: 'string', required: true, description: expect.stringContaining('Comma-separated list') });
    expect(field('PauseService', 'resourceIds')).toMatchObject({ type: 'multiOptions', displayName: 'Services', default: [] });
    expect(field('PauseService', 'resourceIds').options).toContainEqual(expect.objectContaining({ value: 'volc.service_type.10029' }));
    expect(field('ResourcePacksStatus', 'resourceIds')).toMatchObject({ type: 'multiOptions', default: ['volc.service_type.10029'] });
  });

  it('speakers are a list of locators: each entry picked from the list or typed by ID', () => {
    const speakers = field('RenewAccessResourcePacks', 'speakerIds');
    expect(speakers).toMatchObject({ type: 'fixedCollection', displayName: 'Speakers', required: true, typeOptions: { multipleValues: true } });
    const entry = (speakers.options as Array<{ name: string; values: INodeProperties[] }>)[0]!;
    expect(entry.values[0]).toMatchObject({ type: 'resourceLocator', displayName: 'Speaker', default: { mode: 'list', value: '' } });
    expect(entry.values[0]!.modes?.map((mode) => [mode.name, mode.typeOptions?.searchListMethod])).toEqual([
      ['list', 'searchClonedVoices'],
      ['id', undefined],
    ]);
    // Optional in the status lists: the same locators, inside Additional Fields.
    const additional = field('BatchListMegaTTSTrainStatus', 'additionalFields').options as INodeProperties[];
    expect(additional.find((option) => option.name === 'speakerIds')?.type).toBe('fixedCollection');
  });

  it('object[] → fixedCollection with multiple values; nested objects and lists recurse', () => {
    const configurations = field('OrderResourcePacks', 'configurations');
    expect(configurations).toMatchObject({ type: 'fixedCollection', typeOptions: { multipleValues: true }, default: {} });
    const entry = (configurations.options as Array<{ name: string; values: INodeProperties[] }>)[0]!;
    expect(entry.name).toBe('configuration');
    // Sorted by what the user reads: Code Attribute, Pack Code…, Pack Type, Quantity, Tags, Times.
    expect(entry.values.map((value) => value.name)).toEqual(['codeAttribute', 'code', 'type', 'quantity', 'tags', 'times']);
    expect(entry.values.find((value) => value.name === 'codeAttribute')?.type).toBe('collection');
    expect(entry.values.find((value) => value.name === 'tags')?.type).toBe('fixedCollection');
  });

  it('optional fields go into Additional Fields, sorted, unless promoted', () => {
    const collection = field('ResourcePacksStatus', 'additionalFields');
    const names = (collection.options as INodeProperties[]).map((option) => option.displayName);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
    expect(names).toContain('Display Rule');
    expect(fieldsOf('PauseService').map((property) => property.name)).toContain('resourceIds');
  });

  it("keeps the table's maintainer notes (`unsure`) out of field descriptions", () => {
    for (const action of ACTION_NAMES) {
      const text = JSON.stringify(fieldsOf(action));
      expect(text, action).not.toMatch(/Unsure|unsure:/);
    }
    expect(additional('ResourcePacksStatus', 'displayRule').description).toBe('Display rule (展示规则), e.g. by_expire');
  });

  it('money inputs are choices: pack codes loaded from the account, pack types and voice-slot values fixed', () => {
    const entry = (field('OrderResourcePacks', 'configurations').options as Array<{ values: INodeProperties[] }>)[0]!;
    const code = entry.values.find((value) => value.name === 'code')!;
    expect(code).toMatchObject({
      type: 'options',
      displayName: 'Pack Code Name or ID',
      typeOptions: { loadOptionsMethod: 'getPackCodes', loadOptionsDependsOn: ['resourceId.value', 'projectName'] },
    });
    const type = entry.values.find((value) => value.name === 'type')!;
    expect(type).toMatchObject({ type: 'options', default: 'prepaid' });
    expect(type.options?.map((option) => (option as { value: string }).value).sort()).toEqual(['access', 'prepaid', 'quota']);
    expect(field('OrderAccessResourcePacks', 'code')).toMatchObject({ type: 'options', default: 'Model_storage', options: [expect.objectContaining({ value: 'Model_storage' })] });
    expect(field('OrderAccessResourcePacks', 'resourceId')).toMatchObject({ type: 'options', default: 'volc.megatts.voiceclone' });
    expect(field('OrderAccessResourcePacks', 'resourceId').options).toHaveLength(1);
  });

  it('uses a searchable locator for API keys and single resource IDs', () => {
    const key = field('DeleteAPIKey', 'id');
    expect(key).toMatchObject({ type: 'resourceLocator', displayName: 'API Key', required: true });
    expect(key.modes?.[0]?.typeOptions?.searchListMethod).toBe('searchApiKeys');
    const byId = key.modes?.[1] as { validation?: Array<{ properties: { regex: string } }> };
    const pattern = new RegExp(byId.validation![0]!.properties.regex);
    expect(['1001', ' 7 '].every((id) => pattern.test(id))).toBe(true);
    expect(['abc', '1.5', ''].some((id) => pattern.test(id))).toBe(false);
    expect(field('UpdateAPIKey', 'id').type).toBe('resourceLocator');
    const locator = field('ServiceStatus', 'resourceId');
    expect(locator.type).toBe('resourceLocator');
    expect(locator.modes?.map((mode) => mode.name)).toEqual(['list', 'id']);
  });

  it('generates from any schema, not just the table', () => {
    const generated = generateFields({ A: { type: 'string', required: true, doc: 'An a.' }, B: { type: 'int64', doc: 'A b.', min: 5 } });
    expect(generated.properties.map((property) => property.name)).toEqual(['a', 'additionalFields']);
    expect(generated.bindings).toEqual([
      expect.objectContaining({ apiName: 'A', paramName: 'a', placement: 'top' }),
      expect.objectContaining({ apiName: 'B', paramName: 'b', placement: 'additional' }),
    ]);
    expect(propertyFor('B', { type: 'int64', doc: 'A b.', min: 5 }, false)).toMatchObject({ default: 5, typeOptions: { minValue: 5 } });
  });
});
