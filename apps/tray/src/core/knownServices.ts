/**
 * The products a user can choose to watch. The same shape and data as @volc-speech/client's
 * KNOWN_SERVICES / DEFAULT_WATCHED_SERVICES (engineer "fidelity" adds them there); this module
 * is the tray's one import site and becomes a re-export once the client exports them.
 */

export interface KnownService {
  /** e.g. 'volc.service_type.10029' */
  resourceId: string;
  /** ServiceStatus / ActivateService `BlueprintID`; absent where no source pairs one. */
  blueprintId?: number;
  /** Console product name, e.g. '豆包语音合成模型'. */
  nameZh: string;
  nameEn: string;
  /** Source tag(s) of shared/api for the ResourceID (and the BlueprintID pairing). */
  source: string;
}

export const KNOWN_SERVICES: readonly KnownService[] = Object.freeze([
  { resourceId: 'volc.service_type.10029', blueprintId: 10029, nameZh: '豆包语音合成模型', nameEn: 'Doubao TTS (big model)', source: 'DOCPG, CALLER; BlueprintID: CALLER(1) runbook, EXPL example 10029' },
  { resourceId: 'volc.tts.default', nameZh: '语音合成', nameEn: 'Classic TTS', source: 'CALLER' },
  { resourceId: 'volc.megatts.default', nameZh: '声音复刻（按时长）', nameEn: 'Voice clone synthesis (by duration)', source: 'DOC23, CALLER' },
  { resourceId: 'volc.megatts.concurr', nameZh: '声音复刻（并发）', nameEn: 'Voice clone synthesis (concurrency)', source: 'DOC23, CALLER' },
  { resourceId: 'volc.megatts.voiceclone', nameZh: '声音复刻音色', nameEn: 'Voice clone slots', source: 'DOC23, EXPL' },
  { resourceId: 'volc.bigasr.sauc.duration', nameZh: '豆包流式语音识别（按时长）', nameEn: 'Streaming ASR 1.0 (by duration)', source: 'official ASR page, CALLER' },
  { resourceId: 'volc.bigasr.sauc.concurrent', nameZh: '豆包流式语音识别（并发）', nameEn: 'Streaming ASR 1.0 (concurrency)', source: 'official ASR page, CALLER' },
  { resourceId: 'volc.seedasr.sauc.duration', nameZh: '豆包流式语音识别 2.0（按时长）', nameEn: 'Streaming ASR 2.0 (by duration)', source: 'official ASR page, CALLER' },
  { resourceId: 'volc.seedasr.sauc.concurrent', nameZh: '豆包流式语音识别 2.0（并发）', nameEn: 'Streaming ASR 2.0 (concurrency)', source: 'official ASR page, CALLER' },
  { resourceId: 'volc.bigasr.auc', nameZh: '豆包录音文件识别', nameEn: 'File ASR 1.0', source: 'CALLER(1)' },
  { resourceId: 'volc.seedasr.auc', blueprintId: 10065, nameZh: '豆包录音文件识别 2.0', nameEn: 'File ASR 2.0', source: 'CALLER(1); BlueprintID: CALLER(1) runbook (§6.2)' },
  { resourceId: 'volc.bigasr.auc_turbo', nameZh: '豆包录音文件识别（极速版）', nameEn: 'File ASR (turbo)', source: 'CALLER(1)' },
  { resourceId: 'volc.bigasr.auc_idle', nameZh: '豆包录音文件识别（闲时版）', nameEn: 'File ASR (idle)', source: 'CALLER(1)' },
  { resourceId: 'volc.service_type.10050', nameZh: '播客', nameEn: 'Podcast', source: 'CALLER' },
  { resourceId: 'volc.service_type.10053', nameZh: '同声传译', nameEn: 'Simultaneous interpretation', source: 'CALLER' },
  { resourceId: 'volc.service_type.10074', nameZh: '音频生成 创作版', nameEn: 'Audio generation', source: 'CALLER, LIVE1' },
].map((service) => Object.freeze(service)));

/**
 * What a new profile / trigger / `status` watches: big-model TTS, the product of this console
 * nearly every account has and the one with a known BlueprintID. A ResourceID the account lacks
 * is not harmless (QuotaMonitoring / UsageMonitoring answer 500 InternalError, LIVE1), so the
 * default stays small and users add their other products.
 */
export const DEFAULT_WATCHED_SERVICES: readonly string[] = Object.freeze(['volc.service_type.10029']);

