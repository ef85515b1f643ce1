/**
 * Which resources the tray watches, and what to call them.
 *
 * ServiceStatus needs a BlueprintID besides the ResourceID, and the only known pairing is
 * unknowns.ts BLUEPRINT_ID_BY_RESOURCE; so the services shown (and paused/resumed) are
 * exactly those. Resource-pack balances cover every resource the packs report.
 */
import { BLUEPRINT_ID_BY_RESOURCE } from '@volc-speech/client';

/** Display names from the resource IDs seen in ../shared/api/README.md §1.7; anything else shows its ID. */
const RESOURCE_LABELS: Readonly<Record<string, string>> = {
  'volc.service_type.10029': 'Doubao TTS (big model)',
  'volc.tts.default': 'Classic TTS',
  'volc.megatts.voiceclone': 'Voice clone slots',
  'volc.megatts.default': 'Voice clone synthesis',
  'volc.megatts.concurr': 'Voice clone synthesis (concurrency)',
  'volc.bigasr.sauc.duration': 'Streaming ASR 1.0',
  'volc.bigasr.sauc.concurrent': 'Streaming ASR 1.0 (concurrency)',
  'volc.seedasr.sauc.duration': 'Streaming ASR 2.0',
  'volc.seedasr.sauc.concurrent': 'Streaming ASR 2.0 (concurrency)',
  'volc.bigasr.auc': 'File ASR',
  'volc.seedasr.auc': 'File ASR 2.0',
  'volc.bigasr.auc_turbo': 'File ASR (turbo)',
  'volc.bigasr.auc_idle': 'File ASR (idle)',
  'volc.service_type.10050': 'Podcast',
  'volc.service_type.10053': 'Simultaneous interpretation',
  'volc.service_type.10074': 'Audio generation',
};

export function resourceLabel(resourceId: string, display?: string): string {
  return RESOURCE_LABELS[resourceId] ?? (display?.trim() || resourceId);
}

export interface WatchedService {
  resourceId: string;
  blueprintId: number;
}

export function watchedServices(): WatchedService[] {
  return Object.entries(BLUEPRINT_ID_BY_RESOURCE).map(([resourceId, blueprintId]) => ({ resourceId, blueprintId }));
}

export function isWatchedService(resourceId: string): boolean {
  return Object.hasOwn(BLUEPRINT_ID_BY_RESOURCE, resourceId);
}
