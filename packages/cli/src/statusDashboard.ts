/**
 * `volc-speech status`: the "main job" at a glance — is the service running, how much of
 * each resource pack is left, and how close today's rate-limit use is to its limit.
 * Collecting and formatting are separate so the text can be tested on fixed data.
 */
import {
  classifyServiceStatus,
  PACK_STATE_ACTIVE,
  QUOTA_TYPES,
  serviceDay,
  type QuotaMonitoringRow,
  type ResourcePack,
  type ServiceStatusResult,
  type VolcSpeechClient,
} from '@volc-speech/client';
import type { WatchedService } from './status/watchedServices.js';
import { formatTable, truncateCells } from './textTable.js';

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
  /** The services asked about (--services, VOLC_SPEECH_SERVICES, the profile or the default set). */
  watched: WatchedService[];
  services: Array<{ resourceId: string; blueprintId?: number } & Section<ServiceStatusResult>>;
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

/** ServiceStatus needs a BlueprintID: services without a known one are listed, not asked about. */
export async function collectStatus(
  client: VolcSpeechClient,
  options: { projectName: string; now: Date; services: readonly WatchedService[]; signal?: AbortSignal },
): Promise<StatusSnapshot> {
  const { projectName, now, signal } = options;
  const watched = [...options.services];
  const day = serviceDay(now.getTime());
  const callOptions = signal ? { signal } : {};
  const resourceIds = watched.map((s) => s.resourceId);
  // The three parts are independent: one failing (e.g. no IAM right for monitoring) still shows the others.
  const [services, packs, quotas] = await Promise.all([
    Promise.all(
      watched.map(async ({ resourceId, blueprintId }) =>
        blueprintId === undefined
          ? { resourceId }
          : { resourceId, blueprintId, ...(await section(() => client.serviceStatus({ ProjectName: projectName, ResourceID: resourceId, BlueprintID: blueprintId }, callOptions))) },
      ),
    ),
    section(() => client.listAll('ResourcePacksStatus', { ProjectName: projectName, PageSize: 100, ResourceIDs: resourceIds }, { pageSize: 100, ...callOptions })),
    Promise.all(
      watched.map(async ({ resourceId }) => ({
        resourceId,
        // Without QuotaType the live service reports concurrency only (LIVE1): ask for each documented type.
        ...(await section(async () =>
          (
            await Promise.all(QUOTA_TYPES.map((QuotaType) => client.quotaMonitoring({ ProjectName: projectName, ResourceID: resourceId, Start: day, End: day, QuotaType }, callOptions)))
          ).flatMap((result) => result.QuotaMonitoring ?? []),
        )),
      })),
    ),
  ]);
  return { takenAt: now, projectName, day, watched, services, packs, quotas };
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

/** `2026-11-30 16:30:05 UTC+08:00`: local time with its offset, so nobody guesses the zone. */
export function formatTimestamp(date: Date): string {
  const offset = -date.getTimezoneOffset();
  const sign = offset >= 0 ? '+' : '-';
  const hours = String(Math.floor(Math.abs(offset) / 60)).padStart(2, '0');
  const minutes = String(Math.abs(offset) % 60).padStart(2, '0');
  return `${localDay(date)} ${date.toTimeString().slice(0, 8)} UTC${sign}${hours}:${minutes}`;
}

export interface StatusLayout {
  /** Terminal width; undefined when not a terminal (nothing is cut). */
  columns?: number;
}

/** One line, cut to the width on a terminal: a failed section never spills into the next. */
function failureLine(text: string, columns: number | undefined): string {
  const line = `  unreadable: ${text.replace(/\s+/g, ' ')}`;
  return columns ? truncateCells(line, columns) : line;
}

export function formatStatus(snapshot: StatusSnapshot, target: string, layout: StatusLayout = {}): string {
  const { columns } = layout;
  const maxWidth = columns;
  const out: string[] = [];
  const title = `Doubao Speech status — ${formatTimestamp(snapshot.takenAt)} — project ${snapshot.projectName}`;
  out.push(columns ? truncateCells(title, columns) : title);
  out.push(columns ? truncateCells(`  ${target}`, columns) : `  ${target}`);
  const names = snapshot.watched.map((s) => (s.name ? `${s.resourceId} (${s.name})` : s.resourceId)).join(', ');
  out.push(columns ? truncateCells(`  watching ${names}`, columns) : `  watching ${names}`);

  out.push('', 'Service');
  const serviceRows: string[][] = [];
  const serviceFailures: string[] = [];
  for (const s of snapshot.services) {
    if (s.blueprintId === undefined) {
      serviceRows.push([s.resourceId, '(not asked)', 'no BlueprintID known for it; ServiceStatus needs one']);
      continue;
    }
    if (s.error) {
      serviceRows.push([s.resourceId, 'unreadable', '']);
      serviceFailures.push(`${s.resourceId}: ${s.error}`);
      continue;
    }
    const status = s.value?.Status ?? '(none)';
    const meaning = classifyServiceStatus(s.value?.Status);
    const details = [s.value?.InstanceNumber ? `instance ${s.value.InstanceNumber}` : '', s.value?.Level ? `level ${s.value.Level}` : ''].filter(Boolean).join(', ');
    serviceRows.push([s.resourceId, meaning === 'unknown' ? status : `${status} (${meaning})`, details]);
  }
  out.push(formatTable(['RESOURCE', 'STATUS', 'DETAILS'], serviceRows, maxWidth ? { maxWidth } : {}));
  for (const failure of serviceFailures) out.push(failureLine(failure, columns));

  out.push('', 'Resource packs');
  if (snapshot.packs.error) {
    out.push(failureLine(snapshot.packs.error, columns));
  } else if (!snapshot.packs.value?.length) {
    const nothing = `  nothing found for these services (${snapshot.watched.map((s) => s.resourceId).join(', ')}): check --services or VOLC_SPEECH_SERVICES`;
    out.push(columns ? truncateCells(nothing, columns) : nothing);
  } else {
    out.push(formatTable(['RESOURCE', 'PACK', 'USED', 'PURCHASED', 'LEFT', 'USED%', 'EXPIRES', 'STATE'], packRows(snapshot.packs.value), { right: [2, 3, 4, 5], ...(maxWidth ? { maxWidth } : {}) }));
  }

  out.push('', `Rate limits on ${snapshot.day} (service day, Beijing time UTC+08:00)`);
  const quotaRows: string[][] = [];
  const quotaFailures: string[] = [];
  for (const q of snapshot.quotas) {
    if (q.error) {
      quotaRows.push([q.resourceId, 'unreadable', '', '', '']);
      quotaFailures.push(`${q.resourceId}: ${q.error}`);
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
  out.push(formatTable(['RESOURCE', 'TYPE', 'USE', 'LIMIT', 'USED%'], quotaRows, { right: [2, 3, 4], ...(maxWidth ? { maxWidth } : {}) }));
  for (const failure of quotaFailures) out.push(failureLine(failure, columns));
  return out.join('\n');
}

/** `status --output json|ndjson|csv`: the snapshot as data, errors as strings. */
export function statusData(snapshot: StatusSnapshot, target: string): Record<string, unknown> {
  return {
    takenAt: snapshot.takenAt.toISOString(),
    target,
    projectName: snapshot.projectName,
    serviceDay: snapshot.day,
    watched: snapshot.watched,
    services: snapshot.services.map((s) => ({ resourceId: s.resourceId, blueprintId: s.blueprintId ?? null, status: s.value?.Status ?? null, meaning: s.value ? classifyServiceStatus(s.value.Status) : null, error: s.error ?? null })),
    packs: snapshot.packs.error ? { error: snapshot.packs.error } : (snapshot.packs.value ?? []),
    quotas: snapshot.quotas.flatMap((q): Array<Record<string, unknown>> =>
      q.error ? [{ resourceId: q.resourceId, error: q.error }] : (q.value ?? []).map((row) => ({ resourceId: q.resourceId, quotaType: row.QuotaType ?? null, value: row.Value ?? null, limit: row.limit ?? null })),
    ),
  };
}

export function statusHasErrors(snapshot: StatusSnapshot): boolean {
  return snapshot.services.some((s) => s.error) || Boolean(snapshot.packs.error) || snapshot.quotas.some((q) => q.error);
}
