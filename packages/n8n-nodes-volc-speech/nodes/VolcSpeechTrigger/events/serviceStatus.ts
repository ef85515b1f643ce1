/**
 * Service status changes: the last status seen per resource is remembered; the first
 * observation only sets the baseline.
 */
import { classifyServiceStatus } from '@volc-speech/client';
import type { IDataObject } from 'n8n-workflow';

import type { Detection } from './quota';

export type StatusMemory = Record<string, string>;

export interface StatusObservation {
  resourceId: string;
  status: string;
  details?: IDataObject;
}

export function detectStatusChanges(observations: readonly StatusObservation[], memory: StatusMemory | undefined, now: Date): Detection<StatusMemory> {
  const previous = memory ?? {};
  const next: StatusMemory = { ...previous };
  const events: IDataObject[] = [];
  for (const { resourceId, status, details } of observations) {
    const before = previous[resourceId];
    next[resourceId] = status;
    if (before === undefined || before === status) continue;
    events.push({
      event: 'serviceStatusChanged',
      resourceId,
      previousStatus: before,
      status,
      previousState: classifyServiceStatus(before),
      state: classifyServiceStatus(status),
      ...(details ?? {}),
      observedAt: now.toISOString(),
    });
  }
  return { events, memory: next };
}
