/**
 * API keys per project (contract §2.2 and the recommended state model): IDs auto-increment
 * across the account, the key is a 36-character uuid-like secret, times are RFC 3339
 * (unknowns.ts API_KEY_TIME_FORMAT, a guess). CreateAPIKey returns nothing, as the SDK model
 * says (unknowns.ts CREATE_API_KEY_RETURNS_KEY): callers list the keys to read the new one.
 */
import { API_KEY_NOT_FOUND_CODE, CREATE_API_KEY_RETURNS_KEY } from '@volc-speech/client';
import { invalidParameter, notFound } from '../errors.js';
import { apiKeyValue } from './ids.js';
import type { ApiKeyRecord, ApiKeysState } from './model.js';
import { rfc3339 } from './time.js';

/** INFER: the console limits names; the real bounds are unknown. */
export const MAX_API_KEY_NAME_LENGTH = 64;

export function listApiKeys(keys: ApiKeysState, projectName: string, onlyAvailable: boolean) {
  const rows = (keys.byProject[projectName] ?? []).filter((k) => !onlyAvailable || !k.Disable).map(toWire);
  // The request has no paging input, but the result carries paging fields: all rows on one page.
  return { APIKeys: rows, TotalCount: rows.length, PageNumber: 1, PageSize: rows.length, MaxResults: rows.length, NextToken: '' };
}

/** CreateAPIKey's Result: nothing, unless unknowns.ts says the service returns the key after all. */
export function createResult(record: ApiKeyRecord): Record<string, unknown> {
  return CREATE_API_KEY_RETURNS_KEY ? toWire(record) : {};
}

export function createApiKey(keys: ApiKeysState, projectName: string, name: string, nowMs: number, secret = apiKeyValue()): ApiKeyRecord {
  checkName(name);
  const record: ApiKeyRecord = { ID: keys.nextId++, Name: name, APIKey: secret, Disable: false, createdAt: nowMs, updatedAt: nowMs };
  (keys.byProject[projectName] ??= []).push(record);
  return record;
}

export function updateApiKey(keys: ApiKeysState, projectName: string, id: number, changes: { name?: string; disable?: boolean }, nowMs: number): ApiKeyRecord {
  const record = findKey(keys, projectName, id);
  if (changes.name !== undefined) checkName(changes.name);
  if (changes.name !== undefined) record.Name = changes.name;
  if (changes.disable !== undefined) record.Disable = changes.disable;
  record.updatedAt = nowMs;
  return record;
}

export function deleteApiKey(keys: ApiKeysState, projectName: string, id: number): void {
  const list = keys.byProject[projectName] ?? [];
  findKey(keys, projectName, id);
  keys.byProject[projectName] = list.filter((k) => k.ID !== id);
}

function findKey(keys: ApiKeysState, projectName: string, id: number): ApiKeyRecord {
  const record = keys.byProject[projectName]?.find((k) => k.ID === id);
  if (!record) throw notFound(API_KEY_NOT_FOUND_CODE, `API key ${id} does not exist in project ${projectName}`);
  return record;
}

function checkName(name: string): void {
  if (name.trim() === '') throw invalidParameter('Name', 'must not be empty');
  if ([...name].length > MAX_API_KEY_NAME_LENGTH) throw invalidParameter('Name', `must be at most ${MAX_API_KEY_NAME_LENGTH} characters`);
}

function toWire(k: ApiKeyRecord) {
  return { ID: k.ID, Name: k.Name, APIKey: k.APIKey, Disable: k.Disable, CreateTime: rfc3339(k.createdAt), UpdateTime: rfc3339(k.updatedAt) };
}
