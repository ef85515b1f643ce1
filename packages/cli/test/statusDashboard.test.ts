import { describe, expect, it } from 'vitest';
import { runCli } from '../src/main.js';
import { QUOTA_TYPES, serviceDay } from '@volc-speech/client';
import { collectStatus, formatAmount, formatPercent, formatStatus, type StatusSnapshot } from '../src/statusDashboard.js';
import { captureIo, fakeService, type ActionHandler } from './support/fakeTarget.js';

const NOW = new Date(2025, 5, 1, 16, 9, 10);
const WATCHED = [{ resourceId: 'volc.service_type.10029', blueprintId: 10029 }];

const handlers: Record<string, ActionHandler> = {
  ServiceStatus: () => ({ result: { Status: 'Running', InstanceNumber: 'INS-1' } }),
  ResourcePacksStatus: () => ({
    result: {
      TotalCount: 2,
      Packs: [
        { ResourceID: 'volc.service_type.10029', Alias: 'trial', Harvest: { PurchasedAmount: 20000, CurrentUsage: 8790, Unit: 'words' }, Expires: '2025-12-31', State: 'active' },
        { ResourceID: 'volc.tts.default', Code: 'pack-2', Harvest: { PurchasedAmount: 0, CurrentUsage: 0, Unit: 'times' } },
      ],
    },
  }),
  QuotaMonitoring: () => ({ result: { QuotaMonitoring: [{ Day: '2025-06-01', QuotaType: 'qps', Value: 3, limit: 10 }] } }),
};

describe('status', () => {
  it('collects service status, packs and quota with the right requests', async () => {
    const service = fakeService(handlers);
    const snapshot = await collectStatus(service.target.client, { projectName: 'default', now: NOW, services: WATCHED });
    const byAction = Object.fromEntries(service.calls.map((c) => [c.action, c.request]));
    // Without QuotaType the live service reports concurrency only (LIVE1): one request per documented type.
    const quotaRequests = service.calls.filter((c) => c.action === 'QuotaMonitoring').map((c) => c.request);
    expect(byAction['ServiceStatus']).toEqual({ ProjectName: 'default', ResourceID: 'volc.service_type.10029', BlueprintID: 10029 });
    expect(byAction['ResourcePacksStatus']).toMatchObject({ ProjectName: 'default', PageSize: 100, PageNumber: 1, ResourceIDs: ['volc.service_type.10029'] });
    expect(quotaRequests).toEqual(
      QUOTA_TYPES.map((QuotaType) => ({ ProjectName: 'default', ResourceID: 'volc.service_type.10029', Start: serviceDay(NOW.getTime()), End: serviceDay(NOW.getTime()), QuotaType })),
    );
    expect(snapshot.packs.value).toHaveLength(2);
    expect(snapshot.day).toBe(serviceDay(NOW.getTime()));
  });

  it('asks QuotaMonitoring for the Beijing day, whatever the machine time zone', async () => {
    const service = fakeService(handlers);
    const snapshot = await collectStatus(service.target.client, { projectName: 'default', now: new Date('2025-06-01T16:30:00Z'), services: WATCHED });
    const quota = service.calls.find((c) => c.action === 'QuotaMonitoring');
    expect(quota?.request).toMatchObject({ Start: '2025-06-02', End: '2025-06-02' });
    expect(snapshot.day).toBe('2025-06-02');
  });

  it('formats remaining amounts, percent used and rate-limit use', async () => {
    const service = fakeService(handlers);
    const text = formatStatus(await collectStatus(service.target.client, { projectName: 'default', now: NOW, services: WATCHED }), 'http://x (test)');
    expect(text).toMatch(/^Doubao Speech status — 2025-06-01 16:09:10 UTC[+-]\d\d:\d\d — project default\n  http:\/\/x \(test\)\n  watching volc\.service_type\.10029\n/);
    expect(text).toMatch(/volc\.service_type\.10029\s+Running \(running\)\s+instance INS-1/);
    expect(text).toMatch(/volc\.service_type\.10029\s+trial\s+8,790 words\s+20,000 words\s+11,210 words\s+44\.0%\s+2025-12-31\s+active/);
    expect(text).toMatch(/volc\.tts\.default\s+pack-2\s+0 times\s+0 times\s+0 times\s+—/);
    // The quota day is Beijing's (serviceDay), which may differ from NOW's local date.
    expect(text).toContain(`Rate limits on ${serviceDay(NOW.getTime())} (service day, Beijing time UTC+08:00)\n`);
    expect(text).toMatch(/Rate limits on \d{4}-\d{2}-\d{2} \(service day, Beijing time UTC\+08:00\)\n\s+RESOURCE\s+TYPE\s+USE\s+LIMIT\s+USED%\n\s+volc\.service_type\.10029\s+qps\s+3\s+10\s+30\.0%/);
  });

  it('shows a failing part as unreadable and keeps the others', () => {
    const snapshot: StatusSnapshot = {
      takenAt: NOW,
      projectName: 'default',
      day: '2025-06-01',
      watched: WATCHED,
      services: [{ resourceId: 'volc.service_type.10029', blueprintId: 10029, error: `ServiceStatus failed: HTTP 403 AccessDenied: ${'x'.repeat(300)}` }],
      packs: { value: [] },
      quotas: [{ resourceId: 'volc.service_type.10029', value: [] }],
    };
    const text = formatStatus(snapshot, 't', { columns: 80 });
    expect(text).toMatch(/volc\.service_type\.10029\s+unreadable\n\s+unreadable: volc\.service_type\.10029: ServiceStatus failed: HTTP 403 Acc\S*…\n/);
    for (const line of text.split('\n')) expect(line.length).toBeLessThanOrEqual(80);
    expect(text).toContain('Resource packs\n  nothing found for these services (volc.service_type.10029)');
    expect(formatStatus(snapshot, 't')).toContain('(volc.service_type.10029): check --services or VOLC_SPEECH_SERVICES');
    expect(text).toContain('(no data)');
  });

  it('formats numbers and percents', () => {
    expect(formatAmount(1234.567)).toBe('1,234.57');
    expect(formatAmount(2)).toBe('2');
    expect(formatPercent(1, 3)).toBe('33.3%');
    expect(formatPercent(1, 0)).toBe('—');
  });

  it('--watch N --count M polls M times, N seconds apart, and exits 1 when a part fails', async () => {
    const service = fakeService({ ...handlers, QuotaMonitoring: () => ({ status: 403, error: { Code: 'AccessDenied', Message: 'no' } }) });
    const sleeps: number[] = [];
    const { io, stdout } = captureIo(service, { now: () => NOW, sleep: async (ms) => void sleeps.push(ms) });
    expect(await runCli(['status', '--watch', '5', '--count', '3'], io)).toBe(1);
    expect(sleeps).toEqual([5000, 5000]);
    expect(stdout().match(/Doubao Speech status/g)).toHaveLength(3);
    expect(stdout()).toContain('grant the IAM permission speech_saas_prod:QuotaMonitoring'.replace('grant', 'Grant'));
    expect(service.calls.filter((c) => c.action === 'ServiceStatus')).toHaveLength(3);
  });

  it('a single status exits 0 when everything reads', async () => {
    const service = fakeService(handlers);
    const { io } = captureIo(service, { now: () => NOW });
    expect(await runCli(['status'], io)).toBe(0);
  });
});

describe('packRows', () => {
  it('folds a resource with many packs into one row over its active packs', async () => {
    const { packRows, MAX_PACK_ROWS_PER_RESOURCE } = await import('../src/statusDashboard.js');
    const voicePacks = Array.from({ length: MAX_PACK_ROWS_PER_RESOURCE + 3 }, (_, i) => ({
      ResourceID: 'volc.megatts.voiceclone',
      State: i === 0 ? 'expired' : 'active',
      Harvest: { PurchasedAmount: 1, CurrentUsage: i % 2, Unit: '个' },
    }));
    const rows = packRows([{ ResourceID: 'volc.tts.default', Alias: 'a', Harvest: { PurchasedAmount: 10, CurrentUsage: 5, Unit: '次' } }, ...voicePacks]);
    expect(rows).toEqual([
      ['volc.tts.default', 'a', '5 次', '10 次', '5 次', '50.0%', '', ''],
      // 7 active packs, of which 4 are used (i = 1, 3, 5, 7).
      ['volc.megatts.voiceclone', '8 packs', '4 个', '7 个', '3 个', '57.1%', '', '7 active'],
    ]);
  });
});
