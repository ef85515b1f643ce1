/**
 * Which services `status` watches (issue 7): the OpenAPI cannot list an account's ResourceIDs,
 * so the user says which, by --services, VOLC_SPEECH_SERVICES or the profile; the default is
 * the client's DEFAULT_WATCHED_SERVICES. KNOWN_SERVICES names them and gives the BlueprintID
 * that ServiceStatus needs.
 */
import * as client from '@volc-speech/client';

export interface WatchedService {
  resourceId: string;
  blueprintId?: number;
  /** Console product name, e.g. "Doubao TTS (豆包语音合成模型)", when the catalogue knows it. */
  name?: string;
}

interface KnownService {
  resourceId: string;
  blueprintId?: number;
  nameZh: string;
  nameEn: string;
}

const catalogue = client as unknown as { KNOWN_SERVICES?: readonly KnownService[]; DEFAULT_WATCHED_SERVICES?: readonly string[] };

export function knownServices(): readonly KnownService[] {
  return catalogue.KNOWN_SERVICES ?? Object.entries(client.BLUEPRINT_ID_BY_RESOURCE).map(([resourceId, blueprintId]) => ({ resourceId, blueprintId, nameZh: '', nameEn: '' }));
}

export function defaultWatchedServices(): string[] {
  return [...(catalogue.DEFAULT_WATCHED_SERVICES ?? Object.keys(client.BLUEPRINT_ID_BY_RESOURCE))];
}

export function describeServices(resourceIds: readonly string[]): WatchedService[] {
  const byId = new Map(knownServices().map((s) => [s.resourceId, s]));
  return resourceIds.map((resourceId) => {
    const known = byId.get(resourceId);
    const service: WatchedService = { resourceId };
    const table = client.BLUEPRINT_ID_BY_RESOURCE;
    const blueprintId = known?.blueprintId ?? (Object.hasOwn(table, resourceId) ? table[resourceId] : undefined);
    if (blueprintId !== undefined) service.blueprintId = blueprintId;
    if (known && (known.nameEn || known.nameZh)) service.name = [known.nameEn, known.nameZh].filter(Boolean).join(' / ');
    return service;
  });
}
