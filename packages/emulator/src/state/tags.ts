/**
 * Tags: ResourceType → ResourceId → {key: value}. Services, packs and cloned voices keep their
 * tags here too (under TAG_RESOURCE_TYPE_GUESS and their instance number), so TagResources
 * and the Tags of ActivateService / orders are one set, and ResourcePacksStatus TagFilters
 * filter on it.
 */
import { TAG_RESOURCE_TYPE_GUESS } from '@volc-speech/client';
import { invalidParameter } from '../errors.js';
import { dict } from './dict.js';
import type { TagsState } from './model.js';
import { decodeNextToken, pageByOffset } from './paging.js';

export const MAX_TAGS_PER_RESOURCE = 50;
export const MAX_TAG_KEY_LENGTH = 128;
export const MAX_TAG_VALUE_LENGTH = 256;
export const DEFAULT_MAX_RESULTS = 100;

export interface TagInput {
  Key?: string;
  Value?: string;
}

export interface TagFilter {
  Key?: string;
  Values?: string[];
}

export function tagsOf(tags: TagsState, resourceId: string, resourceType: string = TAG_RESOURCE_TYPE_GUESS): Record<string, string> {
  return tags[resourceType]?.[resourceId] ?? dict();
}

/** `[{Key, Value}]` as ServiceStatus and orders show tags. */
export function tagList(tags: TagsState, resourceId: string, resourceType: string = TAG_RESOURCE_TYPE_GUESS): Array<{ Key: string; Value: string }> {
  return Object.entries(tagsOf(tags, resourceId, resourceType)).map(([Key, Value]) => ({ Key, Value }));
}

/** Throws on the first tag that could not be stored (empty key, too long, too many). */
export function checkTags(newTags: readonly TagInput[], field = 'Tags'): void {
  newTags.forEach((tag, i) => {
    const key = tag.Key ?? '';
    if (key === '') throw invalidParameter(`${field}[${i}].Key`, 'must not be empty');
    if ([...key].length > MAX_TAG_KEY_LENGTH) throw invalidParameter(`${field}[${i}].Key`, `must be at most ${MAX_TAG_KEY_LENGTH} characters`);
    if ([...(tag.Value ?? '')].length > MAX_TAG_VALUE_LENGTH) {
      throw invalidParameter(`${field}[${i}].Value`, `must be at most ${MAX_TAG_VALUE_LENGTH} characters`);
    }
  });
  if (new Set(newTags.map((t) => t.Key)).size > MAX_TAGS_PER_RESOURCE) throw invalidParameter(field, `at most ${MAX_TAGS_PER_RESOURCE} tags per resource`);
}

/** Checks every tag and every resource's resulting count before changing anything. */
export function tagResources(tags: TagsState, resourceType: string, resourceIds: readonly string[], newTags: readonly TagInput[], field = 'Tags'): void {
  checkTags(newTags, field);
  for (const id of resourceIds) {
    const merged = dict(Object.entries(tagsOf(tags, id, resourceType)));
    for (const tag of newTags) merged[tag.Key as string] = tag.Value ?? '';
    if (Object.keys(merged).length > MAX_TAGS_PER_RESOURCE) {
      throw invalidParameter(field, `resource ${id} would carry more than ${MAX_TAGS_PER_RESOURCE} tags`);
    }
  }
  const byId = (tags[resourceType] ??= dict());
  for (const id of resourceIds) {
    const current = (byId[id] ??= dict());
    for (const tag of newTags) current[tag.Key as string] = tag.Value ?? '';
  }
}

export function untagResources(tags: TagsState, resourceType: string, resourceIds: readonly string[], keys: readonly string[]): void {
  const byId = tags[resourceType];
  if (!byId) return;
  for (const id of resourceIds) {
    const current = byId[id];
    if (!current) continue;
    for (const key of keys) delete current[key];
    if (Object.keys(current).length === 0) delete byId[id];
  }
  if (Object.keys(byId).length === 0) delete tags[resourceType];
}

/** A resource matches when, for every filter, it has the key and (if Values is non-empty) one of the values. */
export function matchesTagFilters(resourceTags: Record<string, string>, filters: readonly TagFilter[] | undefined): boolean {
  if (!filters || filters.length === 0) return true;
  return filters.every((filter) => {
    if (filter.Key === undefined || !Object.hasOwn(resourceTags, filter.Key)) return false;
    return !filter.Values || filter.Values.length === 0 || filter.Values.includes(resourceTags[filter.Key] as string);
  });
}

export interface ListTagsRequest {
  ResourceType: string;
  ResourceIds?: string[];
  TagFilters?: TagFilter[];
  MaxResults?: number;
  NextToken?: string;
}

export function listTagsForResources(tags: TagsState, req: ListTagsRequest) {
  const byId = tags[req.ResourceType] ?? dict<Record<string, string>>();
  const ids = req.ResourceIds && req.ResourceIds.length > 0 ? req.ResourceIds : Object.keys(byId).sort();
  const rows: Array<{ ResourceId: string; ResourceType: string; TagKey: string; TagValue: string }> = [];
  for (const id of ids) {
    const resourceTags = byId[id];
    if (!resourceTags || !matchesTagFilters(resourceTags, req.TagFilters)) continue;
    for (const [key, value] of Object.entries(resourceTags)) rows.push({ ResourceId: id, ResourceType: req.ResourceType, TagKey: key, TagValue: value });
  }
  const offset = req.NextToken ? decodeNextToken(req.NextToken) : 0;
  const page = pageByOffset(rows, offset, req.MaxResults ?? DEFAULT_MAX_RESULTS);
  return { ResourceTags: page.items, NextToken: page.nextToken, TotalCount: rows.length };
}
