/**
 * What the probe keeps of a response: its shape, never its data. Field paths with the JSON
 * types seen, the values of enum-like fields (Status, State, Type …) and the format of time and
 * day strings (digits replaced by pattern letters). Every other value — keys, IDs, names,
 * amounts — is dropped, so the report can be shared.
 */

/** Fields whose values are enumerations the unknowns ask about: their values are kept (sanitised). */
export const ENUM_FIELDS: ReadonlySet<string> = new Set([
  'Status',
  'State',
  'Type',
  'PackType',
  'RawType',
  'InstanceStatus',
  'QuotaType',
  'UsageType',
  'Unit',
  'CropType',
  'Level',
  'DisplayRule',
  'Gender',
  'Age',
  'IsActivable',
  'IsActivatable',
  'Disable',
]);

/** Fields holding times or days: their format is kept. */
export const TIME_FIELDS: ReadonlySet<string> = new Set(['Day', 'CreateTime', 'UpdateTime', 'Expires', 'ExpireTime', 'OrderTime', 'ActivateTime', 'StartTime', 'EndTime']);

const MAX_ENUM_VALUES = 30;
const SAFE_ENUM_VALUE = /^[A-Za-z][A-Za-z0-9_.\- ]{0,39}$|^[\u4e00-\u9fff]{1,12}$/;
const SAFE_KEY = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;

export interface FieldShape {
  /** JSON types seen at this path: string, integer, number, boolean, null, object, array. */
  types: string[];
  /** Enum-like fields: the distinct values seen (sanitised). */
  values?: string[];
  /** Time fields: the formats seen, e.g. `yyyy-MM-dd`, `epoch-ms`, `yyyy-MM-ddTHH:mm:ssZ`. */
  formats?: string[];
  /** How often the path occurred (array items count each). */
  count: number;
}

export type Shape = Record<string, FieldShape>;

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

/** `2026-11-30 08:00:00` → `dddd-dd-dd dd:dd:dd`, then named: the pattern, never the value. */
export function timeFormat(value: unknown): string {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return 'number';
    if (value > 1e11 && value < 1e14) return 'epoch-ms';
    if (value > 1e8 && value < 1e11) return 'epoch-s';
    return 'number';
  }
  if (typeof value !== 'string') return typeOf(value);
  if (value === '') return '(empty)';
  if (value.length > 40) return `(text of ${value.length} characters)`;
  // Words first (so the digit marks are not taken for one), then every digit.
  const pattern = value.replace(/[A-Za-z\u4e00-\u9fff]{2,}/g, 'w').replace(/\d/g, 'd');
  const named: Record<string, string> = {
    'dddd-dd-dd': 'yyyy-MM-dd',
    'dddd-dd-dd dd:dd:dd': 'yyyy-MM-dd HH:mm:ss',
    'dddd-dd-dd dd': 'yyyy-MM-dd HH',
    'dddd-dd-dd dd:dd': 'yyyy-MM-dd HH:mm',
    'dddd-dd-ddTdd:dd:ddZ': 'yyyy-MM-ddTHH:mm:ssZ (RFC 3339, UTC)',
    'dddd-dd-ddTdd:dd:dd+dd:dd': 'yyyy-MM-ddTHH:mm:ss+hh:mm (RFC 3339, offset)',
    'dddd-dd-ddTdd:dd:dd.dddZ': 'yyyy-MM-ddTHH:mm:ss.SSSZ (RFC 3339, UTC)',
    dddddddddd: 'epoch-s (as text)',
    ddddddddddddd: 'epoch-ms (as text)',
    dddddddd: 'yyyyMMdd',
  };
  return named[pattern] ?? `pattern ${pattern}`;
}

function enumValue(value: unknown): string {
  if (typeof value === 'boolean') return String(value);
  if (typeof value === 'number') return Number.isInteger(value) && Math.abs(value) < 100 ? String(value) : '(number)';
  if (typeof value !== 'string') return `(${typeOf(value)})`;
  if (value === '') return '(empty)';
  return SAFE_ENUM_VALUE.test(value) ? value : '(redacted: not a plain word)';
}

function addTo(list: string[] | undefined, value: string): string[] {
  const out = list ?? [];
  if (!out.includes(value) && out.length < MAX_ENUM_VALUES) out.push(value);
  return out;
}

/** The shape of `value`, merged into `into` (paths like `Packs[].Harvest.Unit`). */
export function recordShape(value: unknown, into: Shape = Object.create(null) as Shape, path = '', field = ''): Shape {
  const here = path === '' ? '(root)' : path;
  const entry = (into[here] ??= { types: [], count: 0 });
  entry.count += 1;
  const type = typeOf(value);
  if (!entry.types.includes(type)) entry.types.push(type);
  if (ENUM_FIELDS.has(field) && type !== 'object' && type !== 'array') entry.values = addTo(entry.values, enumValue(value));
  if (TIME_FIELDS.has(field) && type !== 'object' && type !== 'array') entry.formats = addTo(entry.formats, timeFormat(value));
  if (Array.isArray(value)) {
    for (const item of value) recordShape(item, into, `${path}[]`, field);
  } else if (type === 'object') {
    for (const [key, child] of Object.entries(value as Record<string, unknown>)) {
      const safeKey = SAFE_KEY.test(key) ? key : '<key>';
      recordShape(child, into, path === '' ? safeKey : `${path}.${safeKey}`, safeKey);
    }
  }
  return into;
}

/**
 * An error message with every identifier, number and quoted value taken out: codes and the
 * service's wording stay, IDs, names and amounts do not.
 */
export function redactMessage(message: string, known: readonly string[] = []): string {
  let text = message.slice(0, 300);
  for (const secret of known) if (secret.length >= 3) text = text.split(secret).join('<redacted>');
  return text
    .replace(/\[[^\]]*\]/g, '[<redacted>]')
    .replace(/"[^"]*"|'[^']*'/g, '"<redacted>"')
    .replace(/\b[A-Za-z0-9_./:-]*\d[A-Za-z0-9_./:-]*\b/g, '<n>')
    .replace(/\b[A-Za-z0-9_-]{16,}\b/g, '<id>');
}
