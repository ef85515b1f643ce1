/**
 * Cloned-voice events: training finished (a voice reaches Success or Active), and expiring
 * soon (ExpireTime within N days). Each fires once per voice (per expiry date, so a renewal
 * re-arms the expiry alert).
 */
import type { IDataObject } from 'n8n-workflow';

import type { Detection } from './quota';

export const FINISHED_STATES = ['Success', 'Active'] as const;
/** States polled to see a voice finish: where it comes from, and where it lands. */
export const WATCHED_STATES = ['Training', ...FINISHED_STATES] as const;

const isFinished = (state: unknown): boolean => (FINISHED_STATES as readonly unknown[]).includes(state);

/** SpeakerID → last state seen. Absent until the first poll has set the baseline. */
export type TrainingMemory = Record<string, string>;

function voiceDetails(voice: IDataObject): IDataObject {
  const details: IDataObject = { speakerId: voice.SpeakerID, state: voice.State };
  for (const [from, to] of [
    ['Alias', 'alias'],
    ['Version', 'version'],
    ['ResourceID', 'resourceId'],
    ['InstanceNO', 'instanceNo'],
    ['DemoAudio', 'demoAudio'],
  ] as const) {
    if (voice[from] !== undefined && voice[from] !== '') details[to] = voice[from];
  }
  const created = toEpochMs(voice.CreateTime);
  const expires = toEpochMs(voice.ExpireTime);
  if (created !== undefined) details.createdAt = new Date(created).toISOString();
  if (expires !== undefined) details.expiresAt = new Date(expires).toISOString();
  return details;
}

export function detectFinishedTraining(voices: readonly IDataObject[], memory: TrainingMemory | undefined, now: Date): Detection<TrainingMemory> {
  const next: TrainingMemory = {};
  const events: IDataObject[] = [];
  for (const voice of voices) {
    const speakerId = voice.SpeakerID as string | undefined;
    if (!speakerId) continue;
    const state = String(voice.State ?? '');
    // A voice listed under two states in one poll (it moved between calls) keeps the later one.
    if (isFinished(next[speakerId]) && !isFinished(state)) continue;
    next[speakerId] = state;
  }
  if (memory) {
    for (const [speakerId, state] of Object.entries(next)) {
      if (!isFinished(state) || isFinished(memory[speakerId])) continue;
      const voice = voices.find((candidate) => candidate.SpeakerID === speakerId && candidate.State === state) ?? {};
      events.push({
        event: 'voiceTrainingFinished',
        ...voiceDetails(voice),
        previousState: memory[speakerId] ?? null,
        observedAt: now.toISOString(),
      });
    }
  }
  return { events, memory: next };
}

/** Expiry alerts already sent: `<SpeakerID>@<ExpireTime ms>` → ExpireTime ms. */
export type ExpiryMemory = Record<string, number>;

/** ExpireTime/CreateTime are Unix milliseconds; a value in seconds (older rows) is scaled. */
export function toEpochMs(value: unknown): number | undefined {
  const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  if (typeof number !== 'number' || !Number.isFinite(number) || number <= 0) return undefined;
  return number < 1e12 ? number * 1000 : number;
}

export const DAY_MS = 24 * 60 * 60 * 1000;

export function detectExpiringVoices(
  voices: readonly IDataObject[],
  memory: ExpiryMemory | undefined,
  now: Date,
  withinDays: number,
): Detection<ExpiryMemory> {
  const nowMs = now.getTime();
  const horizon = nowMs + withinDays * DAY_MS;
  const next: ExpiryMemory = {};
  // Forget alerts whose voice has expired (or been renewed: its key no longer matches).
  for (const [key, expiresAt] of Object.entries(memory ?? {})) if (expiresAt >= nowMs) next[key] = expiresAt;
  const events: IDataObject[] = [];
  for (const voice of voices) {
    const speakerId = voice.SpeakerID as string | undefined;
    const expiresAt = toEpochMs(voice.ExpireTime);
    if (!speakerId || expiresAt === undefined || expiresAt < nowMs || expiresAt > horizon) continue;
    const key = `${speakerId}@${expiresAt}`;
    if (next[key] !== undefined) continue;
    next[key] = expiresAt;
    events.push({
      event: 'voiceExpiringSoon',
      ...voiceDetails(voice),
      daysLeft: Math.round(((expiresAt - nowMs) / DAY_MS) * 10) / 10,
      withinDays,
      observedAt: now.toISOString(),
    });
  }
  return { events, memory: next };
}
