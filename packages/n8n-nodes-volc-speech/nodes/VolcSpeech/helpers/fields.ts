/**
 * n8n fields generated from the action table's request schema, and the way back from the
 * parameter values n8n hands us to the API request body.
 *
 * string → string, int32/int64/float → number (min/max as typeOptions), boolean → boolean,
 * string[] → comma-separated string (or multiOptions when a dropdown can list the values),
 * object → collection, object[] → fixedCollection with multiple values. Required fields stand
 * on their own; optional ones go into "Additional Fields" unless an operation promotes them.
 * The table's `unsure` notes are for maintainers (unknowns.ts, the package README), not field
 * descriptions: users read what the field does.
 */
import type { FieldSchema, FieldSpec } from '@volc-speech/client';
import type { IDataObject, INodeProperties, INodePropertyMode, INodePropertyOptions, NodeParameterValueType } from 'n8n-workflow';

import { singular, toDescription, toDisplayName, toParamName } from './naming';

export const ADDITIONAL_FIELDS = 'additionalFields';

// The wording n8n's linter asks of dynamic dropdowns.
const DYNAMIC_OPTIONS_DESCRIPTION =
  'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>';
const DYNAMIC_MULTI_OPTIONS_DESCRIPTION =
  'Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>';

/** What an operation may change about a generated field. */
export interface FieldOverride {
  displayName?: string;
  description?: string;
  placeholder?: string;
  hint?: string;
  default?: NodeParameterValueType;
  /** Fixed choices (an `options` field; `multiOptions` for string[]). */
  options?: INodePropertyOptions[];
  /** Choices loaded from the API (methods/loadOptions.ts). */
  loadOptionsMethod?: string;
  /** Parameters whose change reloads the dropdown (e.g. `projectName`). */
  loadOptionsDependsOn?: string[];
  /**
   * A resource locator whose list comes from methods/listSearch.ts; an ID can be typed too.
   * On a list field (string[]) it becomes a list of locators, one entry per value.
   */
  searchListMethod?: string;
  /** The "By ID" mode of a locator: a pattern the typed ID must match, and what to say when it does not. */
  idPattern?: { regex: string; errorMessage: string };
  /** Overrides for the sub-fields of an object or a list of objects (e.g. `Configurations` → `Code`). */
  fields?: FieldOverrides;
}

export type FieldOverrides = Readonly<Record<string, FieldOverride>>;

/** Where one API field lives in the node's parameters. */
export interface FieldBinding {
  readonly apiName: string;
  readonly paramName: string;
  readonly spec: FieldSpec;
  /** Top-level parameter, or an entry of the Additional Fields collection. */
  readonly placement: 'top' | 'additional';
  readonly input: 'value' | 'resourceLocator' | 'multiOptions' | 'locatorList';
}

/** The parameter name of one entry's locator in a list of locators (`speakerIds` → entries `{ id: {__rl…} }`). */
export const LOCATOR_ENTRY = 'entry';
export const LOCATOR_VALUE = 'id';

/**
 * A locator's modes (INodePropertyMode, which has no `default`: the locator holds it). Written
 * literally under `modes:` so n8n's linter sees modes, not parameters: the community-package scan
 * ignores eslint-disable comments.
 */
function locatorModes(spec: FieldSpec, override: FieldOverride, searchListMethod: string): { modes: INodePropertyMode[] } {
  const example = Array.isArray(spec.example) ? spec.example[0] : spec.example;
  return {
    modes: [
      {
        displayName: 'From List',
        name: 'list',
        type: 'list',
        typeOptions: { searchListMethod, searchable: true },
      },
      {
        displayName: 'By ID',
        name: 'id',
        type: 'string',
        placeholder: example === undefined || typeof example === 'object' ? '' : `e.g. ${String(example)}`,
        ...(override.idPattern
          ? { validation: [{ type: 'regex', properties: { regex: override.idPattern.regex, errorMessage: override.idPattern.errorMessage } }] }
          : {}),
      },
    ],
  };
}

function baseDescription(spec: FieldSpec, override?: FieldOverride): string {
  const doc = override?.description ?? spec.doc;
  return toDescription(doc, spec.type === 'string[]' && !override?.options && !override?.loadOptionsMethod ? 'Comma-separated list' : undefined);
}

function booleanDescription(text: string): string {
  if (/^whether\b/i.test(text)) return text;
  return `Whether to ${text[0]!.toLowerCase()}${text.slice(1)}`;
}

function numberTypeOptions(spec: FieldSpec): INodeProperties['typeOptions'] {
  const typeOptions: Record<string, number> = {};
  if (spec.min !== undefined) typeOptions.minValue = spec.min;
  if (spec.max !== undefined) typeOptions.maxValue = spec.max;
  if (spec.type !== 'float') typeOptions.numberPrecision = 0;
  return typeOptions;
}

function defaultFor(spec: FieldSpec, required: boolean): NodeParameterValueType {
  switch (spec.type) {
    case 'int32':
    case 'int64':
    case 'float':
      return typeof spec.example === 'number' && required ? spec.example : (spec.min ?? 0);
    case 'boolean':
      return false;
    case 'object':
    case 'object[]':
      return {};
    case 'string':
      // Project Name: the account's default project is what almost every call wants.
      return required && spec.example === 'default' ? 'default' : '';
    default:
      return '';
  }
}

function placeholderFor(spec: FieldSpec): string | undefined {
  if (spec.example === undefined) return undefined;
  if (Array.isArray(spec.example)) return spec.example.join(', ');
  if (typeof spec.example === 'object') return undefined;
  return `e.g. ${String(spec.example)}`;
}

/** The n8n property for one API field (recursive for objects and lists of objects). */
export function propertyFor(apiName: string, spec: FieldSpec, required: boolean, override: FieldOverride = {}): INodeProperties {
  const paramName = toParamName(apiName);
  const dynamic = override.loadOptionsMethod !== undefined;
  let displayName = override.displayName ?? toDisplayName(apiName);
  let description = baseDescription(spec, override);
  const property: INodeProperties = { displayName, name: paramName, type: 'string', default: '' };
  property.default = override.default ?? defaultFor(spec, required);

  if (override.searchListMethod && spec.type === 'string[]') {
    // n8n's resource locator holds one value: a list field becomes a list of locators.
    const entryDisplayName = singular(displayName);
    Object.assign(property, {
      type: 'fixedCollection',
      default: {},
      placeholder: `Add ${entryDisplayName}`,
      typeOptions: { multipleValues: true },
      options: [
        {
          displayName: entryDisplayName,
          name: LOCATOR_ENTRY,
          values: [
            {
              displayName: entryDisplayName,
              name: LOCATOR_VALUE,
              type: 'resourceLocator',
              default: { mode: 'list', value: '' },
              ...locatorModes(spec, override, override.searchListMethod),
            },
          ],
        },
      ],
    });
  } else if (override.searchListMethod) {
    Object.assign(property, {
      type: 'resourceLocator',
      default: { mode: 'list', value: '' },
      ...locatorModes(spec, override, override.searchListMethod),
    });
  } else {
    switch (spec.type) {
      case 'string':
        if (override.options || dynamic) {
          property.type = 'options';
          if (override.options) property.options = override.options;
          if (property.default === '' && override.options?.[0]) property.default = override.options[0].value;
        }
        break;
      case 'int32':
      case 'int64':
      case 'float':
        if (dynamic) {
          property.type = 'options';
        } else {
          property.type = 'number';
          property.typeOptions = numberTypeOptions(spec);
        }
        break;
      case 'boolean':
        property.type = 'boolean';
        description = booleanDescription(description);
        break;
      case 'string[]':
        if (override.options || dynamic) {
          property.type = 'multiOptions';
          if (override.options) property.options = override.options;
          property.default = override.default ?? [];
        }
        break;
      case 'object': {
        property.type = 'collection';
        property.placeholder = `Add ${displayName}`;
        property.options = sortByDisplayName(Object.entries(spec.fields ?? {}).map(([name, sub]) => propertyFor(name, sub, false, override.fields?.[name])));
        break;
      }
      case 'object[]': {
        const entryDisplayName = singular(displayName);
        property.type = 'fixedCollection';
        property.placeholder = `Add ${entryDisplayName}`;
        property.typeOptions = { multipleValues: true };
        property.options = [
          {
            displayName: entryDisplayName,
            name: toParamName(singular(apiName)),
            values: sortByDisplayName(Object.entries(spec.fields ?? {}).map(([name, sub]) => propertyFor(name, sub, false, override.fields?.[name]))),
          },
        ];
        break;
      }
    }
  }

  if (dynamic) {
    property.typeOptions = {
      ...property.typeOptions,
      loadOptionsMethod: override.loadOptionsMethod,
      ...(override.loadOptionsDependsOn ? { loadOptionsDependsOn: override.loadOptionsDependsOn } : {}),
    };
    if (!/ Names? or IDs?$/.test(displayName)) displayName = `${displayName.replace(/ IDs?$/, '')} ${spec.type === 'string[]' ? 'Names or IDs' : 'Name or ID'}`;
    property.displayName = displayName;
    description = property.type === 'multiOptions' ? DYNAMIC_MULTI_OPTIONS_DESCRIPTION : DYNAMIC_OPTIONS_DESCRIPTION;
  }
  // A description that only repeats the name says nothing (and n8n's linter objects).
  if (description.toLowerCase() !== displayName.toLowerCase()) property.description = description;
  const placeholder = override.placeholder ?? (property.type === 'string' ? placeholderFor(spec) : undefined);
  if (placeholder) property.placeholder = placeholder;
  if (override.hint) property.hint = override.hint;
  if (required) property.required = true;
  return property;
}

export function sortByDisplayName(properties: INodeProperties[]): INodeProperties[] {
  return [...properties].sort((a, b) => a.displayName.localeCompare(b.displayName));
}

export interface GeneratedFields {
  properties: INodeProperties[];
  bindings: FieldBinding[];
}

/**
 * All fields of one action's request schema. `omit` drops fields the node fills itself (paging);
 * `promote` lifts optional fields out of Additional Fields.
 */
export function generateFields(
  schema: FieldSchema,
  options: { omit?: readonly string[]; promote?: readonly string[]; overrides?: FieldOverrides } = {},
): GeneratedFields {
  const top: INodeProperties[] = [];
  const additional: INodeProperties[] = [];
  const bindings: FieldBinding[] = [];
  for (const [apiName, spec] of Object.entries(schema)) {
    if (options.omit?.includes(apiName)) continue;
    const override = options.overrides?.[apiName];
    // A field the client fills in when it is not given (e.g. ResourcePacksStatus Types) is optional here.
    const required = spec.required === true && spec.default === undefined;
    const placement = required || options.promote?.includes(apiName) ? 'top' : 'additional';
    const property = propertyFor(apiName, spec, required, override);
    (placement === 'top' ? top : additional).push(property);
    bindings.push({
      apiName,
      paramName: property.name,
      spec,
      placement,
      input:
        property.type === 'resourceLocator'
          ? 'resourceLocator'
          : property.type === 'multiOptions'
            ? 'multiOptions'
            : override?.searchListMethod && spec.type === 'string[]'
              ? 'locatorList'
              : 'value',
    });
  }
  if (additional.length > 0) {
    top.push({
      displayName: 'Additional Fields',
      name: ADDITIONAL_FIELDS,
      type: 'collection',
      placeholder: 'Add Field',
      default: {},
      options: sortByDisplayName(additional),
    });
  }
  return { properties: top, bindings };
}

// ── From n8n parameter values back to the API request ───────────────────────────────

export class FieldValueError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
    this.name = 'FieldValueError';
  }
}

function isEmpty(value: unknown): boolean {
  if (value === undefined || value === null || value === '') return true;
  if (Array.isArray(value)) return value.length === 0;
  if (typeof value === 'object') return Object.keys(value).length === 0;
  return false;
}

function toNumber(path: string, spec: FieldSpec, value: unknown): number {
  let number: number;
  if (typeof value === 'number') number = value;
  else if (typeof value === 'string' && value.trim() !== '' && !Number.isNaN(Number(value))) number = Number(value);
  else if (typeof value === 'string' && spec.type === 'int64' && !Number.isNaN(Date.parse(value))) number = Date.parse(value);
  else if (value instanceof Date) number = value.getTime();
  else throw new FieldValueError(path, `${path} must be a number, got ${JSON.stringify(value)}`);
  if (spec.type !== 'float' && !Number.isInteger(number)) throw new FieldValueError(path, `${path} must be a whole number, got ${number}`);
  return number;
}

/** Whether n8n handed over a resource locator (`{ __rl: true, mode, value }`) rather than a plain value. */
function isLocator(value: unknown): value is { __rl: true; value?: unknown } {
  return value !== null && typeof value === 'object' && (value as { __rl?: unknown }).__rl === true;
}

/** A locator's value, or a plain value as it is. */
function locatorValue(value: unknown): unknown {
  return isLocator(value) ? value.value : value;
}

/**
 * A list field's value: an array (from an expression), a comma-separated string, or a list of
 * locators (`{ entry: [{ id: {__rl, value} }] }`), whose entries may themselves hold an
 * expression's array or comma-separated IDs.
 */
function toStringList(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap((entry) => toStringList(entry));
  if (isLocator(value)) return toStringList(value.value);
  if (value !== null && typeof value === 'object' && Object.hasOwn(value, LOCATOR_ENTRY)) {
    const entries = (value as Record<string, unknown>)[LOCATOR_ENTRY];
    const list = Array.isArray(entries) ? entries : [entries];
    return list.flatMap((entry) =>
      entry !== null && typeof entry === 'object' && Object.hasOwn(entry, LOCATOR_VALUE)
        ? toStringList((entry as Record<string, unknown>)[LOCATOR_VALUE])
        : [],
    );
  }
  if (value === undefined || value === null) return [];
  return String(value)
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
}

function toBoolean(path: string, value: unknown): boolean {
  if (typeof value === 'boolean') return value;
  if (value === 'true' || value === 1) return true;
  if (value === 'false' || value === 0) return false;
  throw new FieldValueError(path, `${path} must be true or false, got ${JSON.stringify(value)}`);
}

/** Entries of a fixedCollection value `{ tag: [{ key, value }] }`, or a plain array from an expression. */
function fixedCollectionEntries(apiName: string, value: unknown): unknown[] {
  if (Array.isArray(value)) return value;
  if (value && typeof value === 'object') {
    const entries = (value as Record<string, unknown>)[toParamName(singular(apiName))];
    if (Array.isArray(entries)) return entries;
    if (entries && typeof entries === 'object') return [entries];
  }
  return [];
}

/** One n8n value → the API's value for a field; `path` names it in errors (`Configurations[0].Quantity`). */
export function toApiValue(apiName: string, spec: FieldSpec, value: unknown, path = apiName): unknown {
  switch (spec.type) {
    case 'string':
      return typeof value === 'object' && value !== null ? JSON.stringify(value) : String(value);
    case 'int32':
    case 'int64':
    case 'float':
      return toNumber(path, spec, value);
    case 'boolean':
      return toBoolean(path, value);
    case 'string[]':
      return toStringList(value);
    case 'object':
      return toApiObject(path, spec.fields ?? {}, value);
    case 'object[]':
      return fixedCollectionEntries(apiName, value)
        .map((entry, index) => toApiObject(`${path}[${index}]`, spec.fields ?? {}, entry))
        .filter((entry) => Object.keys(entry).length > 0);
  }
}

/**
 * A collection / fixedCollection entry → an API object. The entry's keys may be n8n parameter
 * names (`key`) or API names (`Key`, as an expression may give them). Empty values are left out.
 */
export function toApiObject(path: string, schema: FieldSchema, value: unknown): Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new FieldValueError(path, `${path} must be an object, got ${JSON.stringify(value)}`);
  }
  const source = value as Record<string, unknown>;
  const result: Record<string, unknown> = {};
  for (const [apiName, spec] of Object.entries(schema)) {
    const raw = source[toParamName(apiName)] ?? source[apiName];
    if (isEmpty(raw)) continue;
    const converted = toApiValue(apiName, spec, raw, `${path}.${apiName}`);
    if (!isEmpty(converted)) result[apiName] = converted;
  }
  return result;
}

/** Reads one parameter for the current item; `extractValue` unwraps resource locators. */
export type ParameterReader = (name: string, fallback: unknown, options?: { extractValue?: boolean }) => unknown;

/** The API request for one item, from its n8n parameters. */
export function buildRequest(bindings: readonly FieldBinding[], readParameter: ParameterReader): IDataObject {
  const request: IDataObject = {};
  let additional: Record<string, unknown> | undefined;
  for (const binding of bindings) {
    let raw: unknown;
    if (binding.placement === 'top') {
      raw = readParameter(binding.paramName, undefined, binding.input === 'resourceLocator' ? { extractValue: true } : undefined);
    } else {
      additional ??= (readParameter(ADDITIONAL_FIELDS, {}) ?? {}) as Record<string, unknown>;
      raw = additional[binding.paramName];
      raw = locatorValue(raw);
    }
    // A required field is sent as given (the client names what is missing); optional empty ones are left out.
    if (isEmpty(raw) && !(binding.spec.required && binding.placement === 'top' && raw !== undefined)) continue;
    const value = isEmpty(raw) ? raw : toApiValue(binding.apiName, binding.spec, raw);
    if (!binding.spec.required && isEmpty(value)) continue;
    request[binding.apiName] = value as IDataObject[keyof IDataObject];
  }
  return request;
}
