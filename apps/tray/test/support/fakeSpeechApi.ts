import type {
  ActionRequest,
  ListAPIKeysResult,
  QuotaMonitoringResult,
  ResourcePacksStatusResult,
  ServiceStatusResult,
  UsageMonitoringResult,
} from '@volc-speech/client';
import type { SpeechApi } from '../../src/core/api.js';

export const TTS = 'volc.service_type.10029';

/** An error shaped like VolcSpeechError. */
export function apiError(action: string, code: string, extra: Partial<{ httpStatus: number; message: string; hint: string; requestId: string }> = {}) {
  return Object.assign(new Error(`${action} failed: ${code}`), {
    name: 'VolcSpeechError',
    action,
    code,
    serviceMessage: extra.message ?? `${code} happened`,
    httpStatus: extra.httpStatus ?? 500,
    requestId: extra.requestId ?? 'req-1',
    hint: extra.hint ?? 'Try again later.',
    retryable: false,
    kind: 'service',
  });
}

type Method = keyof SpeechApi;

/** An in-memory stand-in for the speech API: state, scripted failures and a call log. */
export class FakeSpeechApi implements SpeechApi {
  status: Record<string, string> = { [TTS]: 'Running' };
  purchased = 1_000_000;
  used = 100_000;
  unit = '字符';
  /** Today's QuotaMonitoring rows: rate-limit use per QuotaType. */
  quota: Record<string, { value: number; limit: number }> = { qps: { value: 12, limit: 60 } };
  /** Reads of ServiceStatus after a pause/resume that still show the old status. */
  transitionLagReads = 0;
  calls: Array<{ method: Method; request: unknown; options?: unknown }> = [];
  /** Set by a factory given ApiHooks: reports the RequestId of successful calls, as the client does. */
  onResponse: ((response: { action: string; requestId?: string; httpStatus: number }) => void) | undefined;
  private failures: Array<{ method: Method; error: unknown; times: number }> = [];
  private lag = 0;
  private pendingStatus: Record<string, string> = {};

  failNext(method: Method, error: unknown, times = 1): this {
    this.failures.push({ method, error, times });
    return this;
  }

  failAlways(method: Method, error: unknown): this {
    return this.failNext(method, error, Number.POSITIVE_INFINITY);
  }

  clearFailures(): void {
    this.failures = [];
  }

  count(method: Method): number {
    return this.calls.filter((c) => c.method === method).length;
  }

  private enter(method: Method, request: unknown, options?: unknown): void {
    this.calls.push(options === undefined ? { method, request } : { method, request, options });
    const failure = this.failures.find((f) => f.method === method && f.times > 0);
    if (failure) {
      failure.times--;
      throw failure.error;
    }
  }

  async serviceStatus(request: ActionRequest<'ServiceStatus'>): Promise<ServiceStatusResult> {
    this.enter('serviceStatus', request);
    if (this.lag > 0) this.lag--;
    else if (this.pendingStatus[request.ResourceID]) {
      this.status[request.ResourceID] = this.pendingStatus[request.ResourceID]!;
      delete this.pendingStatus[request.ResourceID];
    }
    return { Status: this.status[request.ResourceID] ?? 'NotActivated', ResourceID: request.ResourceID };
  }

  private transition(ids: string[] | undefined, to: string): void {
    for (const id of ids ?? []) {
      if (this.transitionLagReads > 0) {
        this.pendingStatus[id] = to;
        this.lag = this.transitionLagReads;
      } else {
        this.status[id] = to;
      }
    }
  }

  async pauseService(request: ActionRequest<'PauseService'>, options?: { retry?: false }): Promise<unknown> {
    this.enter('pauseService', request, options);
    this.transition(request.ResourceIDs, 'Paused');
    return {};
  }

  async resumeService(request: ActionRequest<'ResumeService'>, options?: { retry?: false }): Promise<unknown> {
    this.enter('resumeService', request, options);
    this.transition(request.ResourceIDs, 'Running');
    return {};
  }

  async resourcePacksStatus(request: ActionRequest<'ResourcePacksStatus'>): Promise<ResourcePacksStatusResult> {
    this.enter('resourcePacksStatus', request);
    return {
      Packs: [
        {
          ResourceID: TTS,
          ResourceDisplay: '豆包语音合成模型',
          Expires: '2026-01-01 00:00:00',
          Harvest: { ResourceID: TTS, PurchasedAmount: this.purchased, CurrentUsage: this.used, Unit: this.unit },
        },
      ],
      TotalHarvests: [{ ResourceID: TTS, PurchasedAmount: this.purchased, CurrentUsage: this.used, Unit: this.unit }],
      TotalCount: 1,
    };
  }

  async quotaMonitoring(request: ActionRequest<'QuotaMonitoring'>): Promise<QuotaMonitoringResult> {
    this.enter('quotaMonitoring', request);
    return { QuotaMonitoring: Object.entries(this.quota).map(([QuotaType, q]) => ({ Day: request.Start, QuotaType, Value: q.value, limit: q.limit })) };
  }

  async usageMonitoring(request: ActionRequest<'UsageMonitoring'>): Promise<UsageMonitoringResult> {
    this.enter('usageMonitoring', request);
    return { UsageMonitoring: [{ Day: `${request.End} 01:00`, UsageType: 'text_words', Value: 5000 }] };
  }

  async listAPIKeys(request: ActionRequest<'ListAPIKeys'>): Promise<ListAPIKeysResult> {
    this.enter('listAPIKeys', request);
    this.onResponse?.({ action: 'ListAPIKeys', httpStatus: 200, requestId: `req-ListAPIKeys-${this.count('listAPIKeys')}` });
    return { APIKeys: [{ ID: 1, Name: 'k' }], TotalCount: 1 };
  }
}
