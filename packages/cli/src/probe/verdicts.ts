/**
 * What a probe run says about the open questions: each LIVE_FACTS row it sent is confirmed or
 * contradicted, and each unknowns.ts entry it could observe is settled (a value was seen),
 * confirmed, or contradicted (the service answers otherwise than the toolkit assumes).
 */
import {
  API_KEY_TIME_FORMAT,
  expectsSuccess,
  HOURLY_DAY_FORMAT,
  PACK_STATE_ACTIVE,
  PACK_TYPES,
  QUOTA_TYPES,
  resultMatches,
  SERVICE_STATUS,
  USAGE_TYPES_SEEN,
  VOICE_INSTANCE_STATUS,
  VOICE_STATES,
  type LiveFact,
} from '@volc-speech/client';
import type { ReadOutcome } from './readOnly.js';
import type { Shape } from './shape.js';

export type Verdict = 'confirms' | 'contradicts' | 'settles' | 'not observed';

export interface FactVerdict {
  fact: string;
  action: string;
  case: string;
  source: string;
  expected: string;
  observed: string;
  verdict: 'confirms' | 'contradicts';
}

export interface UnknownVerdict {
  /** The unknowns.ts entry (or knownValues.ts list) concerned. */
  entry: string;
  question: string;
  observed: string[];
  verdict: Verdict;
}

function describeExpectation(fact: LiveFact): string {
  const e = fact.expect;
  return expectsSuccess(e) ? `HTTP 200, ${e.result}` : `HTTP ${e.httpStatus} ${e.code}${e.message ? ` mentioning "${e.message}"` : ''}`;
}

export function describeOutcome(outcome: ReadOutcome): string {
  return outcome.ok ? 'HTTP 200' : `${outcome.httpStatus !== undefined ? `HTTP ${outcome.httpStatus} ` : ''}${outcome.code}`;
}

export function factVerdict(fact: LiveFact, outcome: ReadOutcome): FactVerdict {
  const e = fact.expect;
  let holds: boolean;
  let observed = describeOutcome(outcome);
  if (expectsSuccess(e)) {
    holds = outcome.ok && resultMatches(e.result, outcome.result);
    if (outcome.ok && !holds) observed += `, but not ${e.result}`;
  } else {
    // The live wording is compared only where a source quotes it (LIVE1's "Missing blueprint constraint").
    const quoted = e.message !== undefined && fact.source.startsWith('LIVE1') && e.httpStatus >= 500;
    holds = !outcome.ok && outcome.httpStatus === e.httpStatus && outcome.code === e.code && (!quoted || outcome.message.includes(e.message ?? ''));
  }
  return { fact: fact.id, action: fact.action, case: fact.case, source: fact.source, expected: describeExpectation(fact), observed, verdict: holds ? 'confirms' : 'contradicts' };
}

function valuesAt(shapes: Record<string, Shape>, step: string, path: string): string[] {
  return shapes[step]?.[path]?.values ?? [];
}
function formatsAt(shapes: Record<string, Shape>, steps: readonly string[], path: string): string[] {
  return [...new Set(steps.flatMap((step) => shapes[step]?.[path]?.formats ?? []))];
}

function compare(entry: string, question: string, observed: string[], assumed: readonly string[], mode: 'subset' | 'settle'): UnknownVerdict {
  if (observed.length === 0) return { entry, question, observed, verdict: 'not observed' };
  if (mode === 'settle') return { entry, question, observed, verdict: 'settles' };
  const unexpected = observed.filter((value) => !assumed.includes(value));
  return { entry, question, observed, verdict: unexpected.length ? 'contradicts' : 'confirms' };
}

/** Verdicts on unknowns.ts entries from the shapes of the complete requests (keyed by step id). */
export function unknownVerdicts(shapes: Record<string, Shape>, facts: readonly FactVerdict[]): UnknownVerdict[] {
  const voiceSteps = VOICE_STATES.map((s) => `voices.${s}`);
  const voiceInstance = [...new Set(voiceSteps.flatMap((step) => valuesAt(shapes, step, 'Statuses[].InstanceStatus')))];
  const voiceStates = [...new Set(voiceSteps.flatMap((step) => valuesAt(shapes, step, 'Statuses[].State')))];
  const emptyState = facts.find((f) => f.fact === 'voices.state-empty');
  const verdicts: UnknownVerdict[] = [
    compare('SERVICE_STATUS', 'ServiceStatus Status spellings', valuesAt(shapes, 'service', 'Status'), Object.values(SERVICE_STATUS), 'subset'),
    compare('(open) ServiceStatus Level', 'ServiceStatus Level values', valuesAt(shapes, 'service', 'Level'), [], 'settle'),
    compare('PACK_STATE_ACTIVE / PACK_STATE_EXPIRED', 'pack State values', valuesAt(shapes, 'packs', 'Packs[].State'), [PACK_STATE_ACTIVE, 'expired'], 'subset'),
    compare('PACK_TYPES (knownValues)', 'pack Type values', valuesAt(shapes, 'packs', 'Packs[].Type'), PACK_TYPES, 'subset'),
    compare('QUOTA_TYPES (knownValues)', 'QuotaType values', [...valuesAt(shapes, 'quota.daily', 'QuotaMonitoring[].QuotaType'), ...valuesAt(shapes, 'quota.hourly', 'QuotaMonitoring[].QuotaType')], QUOTA_TYPES, 'subset'),
    compare('USAGE_TYPES_SEEN (knownValues)', 'UsageType values', valuesAt(shapes, 'usage.daily', 'UsageMonitoring[].UsageType'), USAGE_TYPES_SEEN, 'subset'),
    // A guess no source backs: whatever is seen settles it.
    compare('HOURLY_DAY_FORMAT', `hourly Day format (guessed ${HOURLY_DAY_FORMAT})`, formatsAt(shapes, ['quota.hourly'], 'QuotaMonitoring[].Day'), [], 'settle'),
    compare(
      '(monitoring) daily Day format',
      'daily Day format (assumed yyyy-MM-dd)',
      [...new Set([...formatsAt(shapes, ['quota.daily'], 'QuotaMonitoring[].Day'), ...formatsAt(shapes, ['usage.daily'], 'UsageMonitoring[].Day')])],
      ['yyyy-MM-dd'],
      'subset',
    ),
    compare('API_KEY_TIME_FORMAT', `API key CreateTime/UpdateTime format (assumed ${API_KEY_TIME_FORMAT})`, formatsAt(shapes, ['keys'], 'APIKeys[].CreateTime'), ['yyyy-MM-ddTHH:mm:ssZ (RFC 3339, UTC)'], 'subset'),
    compare('VOICE_INSTANCE_STATUS', 'cloned voices InstanceStatus values', voiceInstance, Object.values(VOICE_INSTANCE_STATUS), 'subset'),
    compare('VOICE_STATES (knownValues)', 'cloned voice State values', voiceStates, VOICE_STATES, 'subset'),
    compare('(packs) Expires format', 'pack Expires format', formatsAt(shapes, ['packs'], 'Packs[].Expires'), [], 'settle'),
  ];
  verdicts.push(
    emptyState
      ? { entry: 'VOICE_STATE_ALL', question: 'does State "" list every voice?', observed: [emptyState.observed], verdict: emptyState.verdict === 'confirms' ? 'confirms' : 'settles' }
      : { entry: 'VOICE_STATE_ALL', question: 'does State "" list every voice?', observed: [], verdict: 'not observed' },
  );
  return verdicts;
}
