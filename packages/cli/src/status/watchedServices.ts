/**
 * Which services `status` watches (issue 7): the OpenAPI cannot list an account's ResourceIDs,
 * so the user says which, by --services, VOLC_SPEECH_SERVICES or the profile; the default is
 * the client's DEFAULT_WATCHED_SERVICES. KNOWN_SERVICES names them and gives the BlueprintID
 * that ServiceStatus needs (a service without a known one is listed, not asked about).
 */
import { DEFAULT_WATCHED_SERVICES, knownService } from '@volc-speech/client';

export interface WatchedService {
  resourceId: string;
  blueprintId?: number;
  /** Console product name, e.g. "Doubao TTS (big model) / 豆包语音合成模型", when the catalogue knows it. */
  name?: string;
}

export function defaultWatchedServices(): string[] {
  return [...DEFAULT_WATCHED_SERVICES];
}

export function describeServices(resourceIds: readonly string[]): WatchedService[] {
  return [...new Set(resourceIds)].map((resourceId) => {
    const known = knownService(resourceId);
    const service: WatchedService = { resourceId };
    if (known?.blueprintId !== undefined) service.blueprintId = known.blueprintId;
    if (known) service.name = `${known.nameEn} / ${known.nameZh}`;
    return service;
  });
}
