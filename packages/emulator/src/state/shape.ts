/**
 * The shape of a saved state, checked field by field when a state file is loaded, and the maps
 * in it rebuilt as null-prototype dicts (dict.ts). A file with the right schema version but a
 * broken structure (a list where a map belongs, a missing number, a null left by a number that
 * could not be written) is refused at start with the path of the first problem, instead of
 * being accepted and failing every later call.
 */
import { SERVICE_STATUS } from '@volc-speech/client';
import { dict } from './dict.js';
import type { EmulatorState } from './model.js';
import { VOICE_STATES } from './voices.js';

type Shape =
  | 'number'
  | 'string'
  | 'boolean'
  | { optional: Shape }
  | { oneOf: readonly string[] }
  | { array: Shape }
  | { dict: Shape }
  | { record: Readonly<Record<string, Shape>> };

const optional = (shape: Shape): Shape => ({ optional: shape });
const array = (shape: Shape): Shape => ({ array: shape });
const dictOf = (shape: Shape): Shape => ({ dict: shape });
const record = (fields: Readonly<Record<string, Shape>>): Shape => ({ record: fields });

const VOICE_STATE: Shape = { oneOf: VOICE_STATES };

const API_KEY = record({ ID: 'number', Name: 'string', APIKey: 'string', Disable: 'boolean', createdAt: 'number', updatedAt: 'number' });
const SERVICE = record({
  resourceId: 'string',
  blueprintId: optional('number'),
  status: { oneOf: Object.values(SERVICE_STATUS) },
  instanceNumber: 'string',
  activatedAt: optional('number'),
  updatedAt: 'number',
});
const PACK = record({
  projectName: 'string',
  instanceNumber: 'string',
  resourceId: 'string',
  code: 'string',
  configurationCode: 'string',
  type: 'string',
  purchased: 'number',
  used: 'number',
  createdAt: 'number',
  expiresAt: 'number',
  alias: 'string',
  codeAttributeName: optional('string'),
  orderId: optional('string'),
});
const VOICE = record({
  speakerId: 'string',
  projectName: 'string',
  state: VOICE_STATE,
  stateBeforeExpiry: optional(VOICE_STATE),
  alias: 'string',
  availableTrainingTimes: 'number',
  version: 'string',
  createdAt: 'number',
  orderedAt: 'number',
  expiresAt: 'number',
  instanceNo: 'string',
  demoAudio: 'string',
  trial: 'boolean',
  orderId: optional('string'),
  availableAt: 'number',
});
const ORDER = record({
  orderId: 'string',
  kind: { oneOf: ['voices', 'renewal', 'packs', 'formalize'] },
  projectName: 'string',
  createdAt: 'number',
  deliveredAt: 'number',
  quantity: 'number',
  speakerIds: array('string'),
  instanceNumbers: array('string'),
});

const STATE = record({
  seededAt: 'number',
  account: record({ accountId: 'string', apps: array(record({ appId: 'string', projectName: 'string', name: 'string' })) }),
  apiKeys: record({ nextId: 'number', byProject: dictOf(array(API_KEY)) }),
  services: record({ byProject: dictOf(dictOf(SERVICE)) }),
  packs: record({ packs: array(PACK) }),
  tags: dictOf(dictOf(dictOf('string'))),
  voices: record({ speakers: dictOf(VOICE) }),
  orders: record({ nextSequence: 'number', byId: dictOf(ORDER) }),
  monitoring: record({ accruedUntil: 'number', usage: dictOf(dictOf(dictOf('number'))), quotaPeaks: dictOf(dictOf(dictOf(dictOf('number')))) }),
});

/** The first place a state breaks its shape: `where` is a path such as `apiKeys.byProject["default"][0].ID`. */
export class StateShapeError extends Error {
  constructor(
    readonly where: string,
    readonly problem: string,
  ) {
    super(`${where} ${problem}`);
  }
}

/** Checks `value` (already parsed JSON of the right schema version) and returns it with every map a null-prototype dict. */
export function reviveState(value: unknown): EmulatorState {
  return revive(value, STATE, '(the state)') as EmulatorState;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') return `the text ${JSON.stringify(value.length > 30 ? `${value.slice(0, 30)}…` : value)}`;
  return `${typeof value} ${String(value)}`;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function revive(value: unknown, shape: Shape, where: string): unknown {
  if (shape === 'number') {
    if (typeof value !== 'number' || !Number.isFinite(value)) throw new StateShapeError(where, `must be a finite number, found ${describe(value)}`);
    return value;
  }
  if (shape === 'string' || shape === 'boolean') {
    if (typeof value !== shape) throw new StateShapeError(where, `must be ${shape === 'string' ? 'a text' : 'true or false'}, found ${describe(value)}`);
    return value;
  }
  if ('optional' in shape) return value === undefined ? undefined : revive(value, shape.optional, where);
  if ('oneOf' in shape) {
    if (typeof value !== 'string' || !shape.oneOf.includes(value)) throw new StateShapeError(where, `must be one of ${shape.oneOf.join(', ')}, found ${describe(value)}`);
    return value;
  }
  if ('array' in shape) {
    if (!Array.isArray(value)) throw new StateShapeError(where, `must be a list, found ${describe(value)}`);
    return value.map((item, i) => revive(item, shape.array, `${where}[${i}]`));
  }
  if (!isObject(value)) throw new StateShapeError(where, `must be an object, found ${describe(value)}`);
  if ('dict' in shape) {
    return dict(Object.entries(value).map(([key, item]) => [key, revive(item, shape.dict, `${where}[${JSON.stringify(key)}]`)] as const));
  }
  // A record keeps its undeclared fields as they are; declared ones (trusted names) are checked and replaced.
  for (const [field, fieldShape] of Object.entries(shape.record)) {
    const own = Object.hasOwn(value, field) ? value[field] : undefined;
    const path = where === '(the state)' ? field : `${where}.${field}`;
    if (own === undefined && !(typeof fieldShape === 'object' && 'optional' in fieldShape)) throw new StateShapeError(path, 'is missing');
    const revived = revive(own, fieldShape, path);
    if (revived !== undefined) value[field] = revived;
  }
  return value;
}
