/**
 * Services per (ProjectName, ResourceID): the state machine
 *
 *   NotActivated ─Activate→ Running ⇄ (Pause / Resume) Paused ─Terminate→ Terminated ─Activate→ Running
 *
 * with the status spellings of unknowns.ts SERVICE_STATUS (the real ones are unknown). A pair
 * never activated is NotActivated. Any other move answers 400 OperationDenied saying what the
 * status is and what would be allowed. Pause/Resume/Terminate take a list and are all-or-nothing:
 * every resource is checked before any changes.
 */
import { SERVICE_STATUS, type ServiceStatusValue } from '@volc-speech/client';
import { missingParameter, operationDenied } from '../errors.js';
import { dict } from './dict.js';
import type { ServiceRecord, ServicesState } from './model.js';
import { profileOf } from './resourceProfiles.js';
import { tagList } from './tags.js';
import type { TagsState } from './model.js';

type Transition = 'pause' | 'resume' | 'terminate';

const ALLOWED_FROM: Readonly<Record<Transition, readonly ServiceStatusValue[]>> = {
  pause: [SERVICE_STATUS.running],
  resume: [SERVICE_STATUS.paused],
  terminate: [SERVICE_STATUS.running, SERVICE_STATUS.paused],
};
const TARGET: Readonly<Record<Transition, ServiceStatusValue>> = {
  pause: SERVICE_STATUS.paused,
  resume: SERVICE_STATUS.running,
  terminate: SERVICE_STATUS.terminated,
};

export function findService(services: ServicesState, projectName: string, resourceId: string): ServiceRecord | undefined {
  return services.byProject[projectName]?.[resourceId];
}

export function statusOf(services: ServicesState, projectName: string, resourceId: string): ServiceStatusValue {
  return findService(services, projectName, resourceId)?.status ?? SERVICE_STATUS.notActivated;
}

export function isRunning(services: ServicesState, projectName: string, resourceId: string): boolean {
  return statusOf(services, projectName, resourceId) === SERVICE_STATUS.running;
}

export function activateService(
  services: ServicesState,
  req: { projectName: string; resourceId: string; blueprintId?: number; nowMs: number; newInstanceNumber: string },
): ServiceRecord {
  const current = findService(services, req.projectName, req.resourceId);
  if (current && current.status !== SERVICE_STATUS.terminated) {
    throw operationDenied(
      `Service ${req.resourceId} in project ${req.projectName} is already activated (status ${current.status}); only a ${SERVICE_STATUS.notActivated} or ${SERVICE_STATUS.terminated} service can be activated`,
    );
  }
  const record: ServiceRecord = {
    resourceId: req.resourceId,
    status: SERVICE_STATUS.running,
    instanceNumber: current?.instanceNumber ?? req.newInstanceNumber,
    activatedAt: req.nowMs,
    updatedAt: req.nowMs,
  };
  const blueprintId = req.blueprintId ?? current?.blueprintId;
  if (blueprintId !== undefined) record.blueprintId = blueprintId;
  (services.byProject[req.projectName] ??= dict())[req.resourceId] = record;
  return record;
}

export function transitionServices(services: ServicesState, projectName: string, resourceIds: readonly string[] | undefined, transition: Transition, nowMs: number): void {
  const ids = [...new Set(resourceIds ?? [])];
  if (ids.length === 0) throw missingParameter('ResourceIDs');
  const allowed = ALLOWED_FROM[transition];
  for (const id of ids) {
    const status = statusOf(services, projectName, id);
    if (!allowed.includes(status)) {
      throw operationDenied(
        `Cannot ${transition} service ${id} in project ${projectName}: its status is ${status}; ${transition} needs ${allowed.join(' or ')}`,
      );
    }
  }
  for (const id of ids) {
    const record = findService(services, projectName, id) as ServiceRecord;
    record.status = TARGET[transition];
    record.updatedAt = nowMs;
  }
}

/** ServiceStatus Result. The billing and quota blocks are fixed per resource (resourceProfiles.ts). */
export function serviceStatus(services: ServicesState, tags: TagsState, projectName: string, resourceId: string) {
  const record = findService(services, projectName, resourceId);
  const profile = profileOf(resourceId);
  if (!record) return { Status: SERVICE_STATUS.notActivated, ResourceID: resourceId, Tags: [] };
  const billing = { Name: profile.billingName, Limit: profile.billingLimit, PrepaidPurchaseColumn: '资源包', QuotaPurchaseButtonName: '购买资源包' };
  const quotas = Object.entries(profile.quotaLimits).map(([type, limit]) => ({
    Name: type.toUpperCase(),
    Limit: String(limit),
    PrepaidPurchaseColumn: '',
    QuotaPurchaseButtonName: '申请提额',
  }));
  const result: Record<string, unknown> = {
    Status: record.status,
    ResourceID: resourceId,
    InstanceNumber: record.instanceNumber,
    Clusters: [...profile.clusters],
    ProductDoc: profile.productDoc,
    BillingRules: '资源包优先抵扣，超出部分按量后付费',
    BillingResource: billing,
    BillingResources: [billing],
    QuotaResources: quotas,
    Tags: tagList(tags, record.instanceNumber),
  };
  if (quotas[0]) result['QuotaResource'] = quotas[0];
  return result;
}
