/**
 * `volc-speech status`: the "main job" at a glance — is the service running, how much of
 * each resource pack is left, and how close today's rate-limit use is to its limit.
 * Collecting and formatting are separate so the text can be tested on fixed data.
 */
import {
  BLUEPRINT_ID_BY_RESOURCE,
  classifyServiceStatus,
  PACK_STATE_ACTIVE,
  serviceDay,
  type QuotaMonitoringRow,
  type ResourcePack,
  type ServiceStatusResult,
  type VolcSpeechClient,
} from '@volc-speech/client';
import { formatTable } from './textTable.js';

export interface Section<T> {
  value?: T;
  /** One-line reason when this part could not be read. */
  error?: string;
}

export interface StatusSnapshot {
  takenAt: Date;
  projectName: string;
  /** `yyyy-MM-dd` the quota rows are for: the service's day (unknowns.ts SERVICE_TIME_ZONE). */
  day: string;
  services: Array<{ resourceId: string; blueprintId: number } & Section<ServiceStatusResult>>;
  packs: Section<ResourcePack[]>;
  quotas: Array<{ resourceId: string } & Section<QuotaMonitoringRow[]>>;
}

/** The machine's local day, for display times; monitoring requests use serviceDay. */
export function localDay(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

async function section<T>(read: () => Promise<T>): Promise<Section<T>> {
  try {
    return { value: await read() };
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}

/** The main resources are those whose BlueprintID is known (unknowns.ts BLUEPRINT_ID_BY_RESOURCE). */
export async function collectStatus(client: VolcSpeechClient, options: { projectName: string; now: Date; signal?: AbortSignal }): Promise<StatusSnapshot> {
  const { projectName, now, signal } = options;
  const day = serviceDay(now.getTime());
  const callOptions = signal ? { signal } : {};
  const mainResources = Object.entries(BLUEPRINT_ID_BY_RESOURCE);
  // The three parts are independent: one failing (e.g. no IAM right for monitoring) still shows the others.
  const [services, packs, quotas] = await Promise.all([
    Promise.all(
      mainResources.map(async ([resourceId, blueprintId]) => ({
        resourceId,
        blueprintId,
        ...(await section(() => client.serviceStatus({ ProjectName: projectName, ResourceID: resourceId, BlueprintID: blueprintId }, callOptions))),
      })),
    ),
    section(() => client.listAll('ResourcePacksStatus', { ProjectName: projectName, PageSize: 100 }, { pageSize: 100, ...callOptions })),
    Promise.all(
      mainResources.map(async ([resourceId]) => ({
        resourceId,
        ...(await section(async () => (await client.quotaMonitoring({ ProjectName: projectName, ResourceID: resourceId, Start: day, End: day }, callOptions)).QuotaMonitoring ?? [])),
      })),
    ),
  ]);
  return { takenAt: now, projectName, day, services, packs, quotas };
}

/** 1234.5 → "1,234.5": at most two decimals, no trailing zeros. */
export function formatAmount(value: number): string {
  return value.toLocaleString('en-US', { maximumFractionDigits: 2 });
}

export function formatPercent(part: number, whole: number): string {
  if (!(whole > 0)) return '—';
  return `${((part / whole) * 100).toFixed(1)}%`;
}

function packName(pack: ResourcePack): string {
  return pack.Alias || pack.ResourceDisplay || pack.ConfigurationCode || pack.Code || pack.TrainID || pack.InstanceNumber || '(pack)';
}

/** A resource with more packs than this (one per cloned voice, say) is shown as one summed row. */
export const MAX_PACK_ROWS_PER_RESOURCE = 5;

function amountCells(used: number, purchased: number, unit: string | undefined): string[] {
  const suffix = unit ? ` ${unit}` : '';
  return [`${formatAmount(used)}${suffix}`, `${formatAmount(purchased)}${suffix}`, `${formatAmount(purchased - used)}${suffix}`, formatPercent(used, purchased)];
}

function packRow(pack: ResourcePack): string[] {
  const harvest = pack.Harvest;
  const resource = pack.ResourceID ?? harvest?.ResourceID ?? '';
  if (harvest?.PurchasedAmount === undefined) {
    // No numbers: fall back to the display strings the service sends (e.g. "8.79 小时").
    return [resource, packName(pack), pack.CurrentUsage ?? '?', pack.PurchasedAmount ?? '?', '?', '—', pack.Expires ?? '', pack.State ?? ''];
  }
  return [resource, packName(pack), ...amountCells(harvest.CurrentUsage ?? 0, harvest.PurchasedAmount, harvest.Unit), pack.Expires ?? '', pack.State ?? ''];
}

/**
 * One row per pack; a resource with many packs becomes one row summing its active packs
 * (the state spelling is unknowns.ts PACK_STATE_ACTIVE; packs without a state count as active).
 */
export function packRows(packs: readonly ResourcePack[]): string[][] {
  const byResource = new Map<string, ResourcePack[]>();
  for (const pack of packs) {
    const resource = pack.ResourceID ?? pack.Harvest?.ResourceID ?? '';
    byResource.set(resource, [...(byResource.get(resource) ?? []), pack]);
  }
  const rows: string[][] = [];
  for (const [resource, group] of byResource) {
    if (group.length <= MAX_PACK_ROWS_PER_RESOURCE) {
      rows.push(...group.map(packRow));
      continue;
    }
    const active = group.filter((p) => p.State === undefined || p.State === PACK_STATE_ACTIVE);
    const units = new Set(active.map((p) => p.Harvest?.Unit));
    const purchased = active.reduce((sum, p) => sum + (p.Harvest?.PurchasedAmount ?? 0), 0);
    const used = active.reduce((sum, p) => sum + (p.Harvest?.CurrentUsage ?? 0), 0);
    const amounts = units.size <= 1 ? amountCells(used, purchased, [...units][0]) : ['(mixed units)', '', '', ''];
    rows.push([resource, `${group.length} packs`, ...amounts, '', `${active.length} ${PACK_STATE_ACTIVE}`]);
  }
  return rows;
}

function formatTimestamp(date: Date): string {
  return `${localDay(date)} ${date.toTimeString().slice(0, 8)}`;
}

export function formatStatus(snapshot: StatusSnapshot, target: string): string {
  const out: string[] = [];
  out.push(`Doubao Speech status — ${formatTimestamp(snapshot.takenAt)} — project ${snapshot.projectName} — ${target}`);

  out.push('', 'Service');
  const serviceRows = snapshot.services.map((s) => {
    if (s.error) return [s.resourceId, 'unreadable', s.error];
    const status = s.value?.Status ?? '(none)';
    const meaning = classifyServiceStatus(s.value?.Status);
    const details = [s.value?.InstanceNumber ? `instance ${s.value.InstanceNumber}` : '', s.value?.Level ? `level ${s.value.Level}` : ''].filter(Boolean).join(', ');
    return [s.resourceId, meaning === 'unknown' ? status : `${status} (${meaning})`, details];
  });
  out.push(formatTable(['RESOURCE', 'STATUS', 'DETAILS'], serviceRows));

  out.push('', 'Resource packs');
  if (snapshot.packs.error) {
    out.push(`  unreadable: ${snapshot.packs.error}`);
  } else if (!snapshot.packs.value?.length) {
    out.push('  none');
  } else {
    out.push(formatTable(['RESOURCE', 'PACK', 'USED', 'PURCHASED', 'LEFT', 'USED%', 'EXPIRES', 'STATE'], packRows(snapshot.packs.value), { right: [2, 3, 4, 5] }));
  }

  out.push('', `Rate limits on ${snapshot.day}`);
  const quotaRows: string[][] = [];
  for (const q of snapshot.quotas) {
    if (q.error) {
      quotaRows.push([q.resourceId, 'unreadable', '', '', q.error]);
      continue;
    }
    if (!q.value?.length) quotaRows.push([q.resourceId, '(no data)', '', '', '']);
    for (const row of q.value ?? []) {
      quotaRows.push([
        q.resourceId,
        row.QuotaType ?? '?',
        row.Value === undefined ? '?' : formatAmount(row.Value),
        row.limit === undefined ? '?' : formatAmount(row.limit),
        row.Value !== undefined && row.limit !== undefined ? formatPercent(row.Value, row.limit) : '—',
      ]);
    }
  }
  out.push(formatTable(['RESOURCE', 'TYPE', 'USE', 'LIMIT', 'USED%'], quotaRows, { right: [2, 3, 4] }));
  return out.join('\n');
}

export function statusHasErrors(snapshot: StatusSnapshot): boolean {
  return snapshot.services.some((s) => s.error) || Boolean(snapshot.packs.error) || snapshot.quotas.some((q) => q.error);
}
