/**
 * Output shaping for workflows: Simplify for the large list outputs, masked API keys, one item
 * per monitoring row with its percent of the limit.
 */
import { maskSecret } from '@volc-speech/client';
import type { IDataObject, INodeProperties } from 'n8n-workflow';

export const SIMPLIFY = 'simplify';
export const REVEAL_API_KEYS = 'revealApiKeys';

export const SIMPLIFY_FIELD: INodeProperties = {
  displayName: 'Simplify',
  name: SIMPLIFY,
  type: 'boolean',
  default: true,
  description: 'Whether to return a simplified version of the response instead of the raw data',
};

export const REVEAL_API_KEYS_FIELD: INodeProperties = {
  displayName: 'Reveal API Keys',
  name: REVEAL_API_KEYS,
  type: 'boolean',
  default: false,
  description:
    'Whether to output each key in full. Off: keys are masked (first and last characters only), so they never land in execution logs by accident.',
};

const round = (value: number, digits = 2): number => Math.round(value * 10 ** digits) / 10 ** digits;

/** The named fields of each row, in that order, skipping absent ones. */
export function pick(rows: readonly IDataObject[], fields: readonly string[]): IDataObject[] {
  return rows.map((row) => {
    const picked: IDataObject = {};
    for (const field of fields) if (row[field] !== undefined) picked[field] = row[field];
    return picked;
  });
}

/** Simplify on (the default): `simple(rows)`; off: the rows as the API gave them. */
export function simplifiable(simple: (rows: IDataObject[]) => IDataObject[]) {
  return (rows: IDataObject[], read: (name: string, fallback: unknown) => unknown): IDataObject[] => (read(SIMPLIFY, true) === false ? rows : simple(rows));
}

export function maskApiKeys(rows: IDataObject[], read: (name: string, fallback: unknown) => unknown): IDataObject[] {
  if (read(REVEAL_API_KEYS, false) === true) return rows;
  return rows.map((row) => (typeof row.APIKey === 'string' && row.APIKey !== '' ? { ...row, APIKey: maskSecret(row.APIKey) } : row));
}

/** Resource packs as people read them: amounts as numbers (Harvest), percent used. */
export function simplePacks(rows: IDataObject[]): IDataObject[] {
  return rows.map((pack) => {
    const harvest = (pack.Harvest ?? {}) as IDataObject;
    const purchased = Number(harvest.PurchasedAmount);
    const used = Number(harvest.CurrentUsage);
    const simple: IDataObject = {
      ResourceID: harvest.ResourceID ?? pack.ResourceID,
      Name: pack.Alias || pack.ResourceDisplay || pack.GroupName,
      Type: pack.Type,
      State: pack.State,
      InstanceNumber: pack.InstanceNumber,
      TrainID: pack.TrainID || undefined,
      Unit: harvest.Unit,
      Purchased: Number.isFinite(purchased) ? purchased : pack.PurchasedAmount,
      Used: Number.isFinite(used) ? used : pack.CurrentUsage,
      Expires: pack.Expires,
    };
    if (Number.isFinite(purchased) && Number.isFinite(used)) {
      simple.Remaining = round(purchased - used, 6);
      if (purchased > 0) simple.PercentUsed = round((used / purchased) * 100);
    }
    for (const key of Object.keys(simple)) if (simple[key] === undefined || simple[key] === '') delete simple[key];
    return simple;
  });
}

/** QuotaMonitoring rows: one item each, with the service, the limit (`limit` on the wire) and the percent of it. */
export function quotaRows(rows: IDataObject[], _read: unknown, request: IDataObject): IDataObject[] {
  return rows.map((row) => {
    const value = Number(row.Value);
    const limit = Number(row.limit ?? row.Limit);
    const item: IDataObject = { ResourceID: request.ResourceID, Day: row.Day, QuotaType: row.QuotaType ?? request.QuotaType, Value: row.Value };
    if (Number.isFinite(limit)) item.Limit = limit;
    if (Number.isFinite(value) && Number.isFinite(limit) && limit > 0) item.PercentOfLimit = round((value / limit) * 100);
    return item;
  });
}

/** UsageMonitoring rows: one item each, with the service it counts. */
export function usageRows(rows: IDataObject[], _read: unknown, request: IDataObject): IDataObject[] {
  return rows.map((row) => ({ ResourceID: request.ResourceID, ...row }));
}

/** Timbres: one flat item per speaker (its first description), categories and emotions as names. */
export function simpleTimbres(rows: IDataObject[]): IDataObject[] {
  return rows.map((timbre) => {
    const info = ((timbre.TimbreInfos as IDataObject[] | undefined) ?? [])[0] ?? {};
    const categories = ((info.Categories as IDataObject[] | undefined) ?? []).map((category) => category.Category).filter(Boolean);
    const emotions = ((info.Emotions as IDataObject[] | undefined) ?? []).map((emotion) => emotion.Emotion).filter(Boolean);
    const simple: IDataObject = { SpeakerID: timbre.SpeakerID, SpeakerName: info.SpeakerName, Gender: info.Gender, Age: info.Age, Categories: categories, Emotions: emotions };
    for (const key of Object.keys(simple)) if (simple[key] === undefined) delete simple[key];
    return simple;
  });
}
