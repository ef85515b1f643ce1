/**
 * Everything one running emulator holds, and the operations the control endpoint (and the
 * `control` handle of startEmulator) performs on it. The HTTP layers (apiRequest.ts,
 * control.ts) only translate between requests and these calls.
 */
import { SERVICE_NAME } from '@volc-speech/client';
import { AccessKeyTable } from './auth/accessKeys.js';
import type { EmulatorClock } from './clock.js';
import { FaultInjector, type FaultPatch, type FaultSettings } from './faults.js';
import type { RuntimeSettings } from './handlers/context.js';
import type { AsyncFsOps } from './persistence.js';
import type { Router } from './router.js';
import { createSeedState, type SeedOptions } from './seed.js';
import type { RandomSource } from './state/ids.js';
import type { EmulatorState } from './state/model.js';
import { reviveState } from './state/shape.js';
import { OrderThrottle } from './state/orderThrottle.js';
import { addUsage, catchUp, setQuotaLoad, simulateUsage, type QuotaLoadRequest } from './state/usage.js';
import { setVoiceState, statusRow } from './state/voices.js';
import { StateWriter, type StateWriteMode, type StateWriterStats } from './stateWriter.js';

export interface EmulatorControl {
  health(): HealthReport;
  /** A deep copy of the whole state. */
  snapshot(): EmulatorState;
  /** Back to the seed (and to the faults the emulator was started with). */
  reset(): void;
  faults(): FaultSettings;
  setFaults(patch: FaultPatch): FaultSettings;
  /** Adds usage to a resource's packs and monitoring (default resource: volc.service_type.10029). */
  addUsage(req: { amount: number; resourceId?: string; projectName?: string }): { projectName: string; resourceId: string; amount: number; unabsorbed: number };
  /** Books the usage the running services would make in the next `ms` (the clock does not move). */
  advanceUsage(ms: number): Record<string, number>;
  /** Sets today's rate-limit peak of a resource (default volc.service_type.10029) to `percent` of its limit. */
  setQuotaLoad(req: QuotaLoadRequest): { projectName: string; resourceId: string; day: string; peaks: Record<string, { value: number; limit: number }> };
  /** Moves a cloned voice to a training state, as training would; the voice's status row, or undefined if unknown. */
  setVoiceState(speakerId: string, state: string): Record<string, unknown> | undefined;
  /**
   * Resolves once every change made so far is durable in the state file (at once without one);
   * rejects when that write failed, after the change was undone in memory. The operations above
   * change memory at once and start the write; await this to know the change is on disk.
   */
  saved(): Promise<void>;
}

/**
 * Bounds of the control operations, checked before anything changes: past them a call would
 * freeze the emulator (advanceMs is booked hour by hour) or overflow a number (an amount of
 * 1e308 makes a bucket Infinity, which JSON cannot hold).
 */
export const CONTROL_LIMITS = {
  /** One year of clock-driven usage per call. */
  maxAdvanceMs: 366 * 24 * 3600_000,
  /** A trillion units (characters, calls, hours) per call. */
  maxUsageAmount: 1e12,
} as const;

/** `amount` for addUsage: a finite number in (0, maxUsageAmount]; throws TypeError (a 400) otherwise. */
export function checkUsageAmount(amount: unknown): number {
  if (typeof amount !== 'number' || !Number.isFinite(amount) || amount <= 0 || amount > CONTROL_LIMITS.maxUsageAmount) {
    throw new TypeError(`amount must be a number > 0 and ≤ ${CONTROL_LIMITS.maxUsageAmount}, got ${JSON.stringify(amount)}`);
  }
  return amount;
}

/** `advanceMs` for advanceUsage: a finite number in (0, maxAdvanceMs]; throws TypeError (a 400) otherwise. */
export function checkAdvanceMs(ms: unknown): number {
  if (typeof ms !== 'number' || !Number.isFinite(ms) || ms <= 0 || ms > CONTROL_LIMITS.maxAdvanceMs) {
    throw new TypeError(`advanceMs must be a number > 0 and ≤ ${CONTROL_LIMITS.maxAdvanceMs} (366 days), got ${JSON.stringify(ms)}`);
  }
  return ms;
}

export interface HealthReport {
  ok: true;
  service: string;
  now: string;
  uptimeMs: number;
  requests: number;
  stateFile: string | null;
  /** Writes of the state file so far, and how many changes they held (group commit); null without a file. */
  stateWrites: StateWriterStats | null;
  faults: FaultSettings;
}

export interface RuntimeInit {
  clock: EmulatorClock;
  accessKeys: AccessKeyTable;
  router: Router;
  settings: RuntimeSettings;
  signatureWindowMs: number;
  seed: SeedOptions;
  initialFaults: FaultSettings;
  stateFile?: string;
  /** How the state file is written (default group commit). */
  stateWriteMode?: StateWriteMode;
  /** File operations of the state file writes (tests inject slow or failing ones). */
  stateFileOps?: AsyncFsOps;
  initialState: EmulatorState;
  random: RandomSource;
  idRandom: RandomSource;
  log: (line: string) => void;
  quiet: boolean;
}

export class EmulatorRuntime implements EmulatorControl {
  state: EmulatorState;
  readonly faultInjector: FaultInjector;
  readonly orderThrottle = new OrderThrottle();
  readonly startedAt: number;
  requestCount = 0;
  /** Writes the state file (group commit), when there is one. */
  readonly writer: StateWriter | undefined;

  constructor(readonly init: RuntimeInit) {
    this.state = init.initialState;
    this.faultInjector = new FaultInjector(init.initialFaults, init.random);
    this.startedAt = init.clock.now();
    if (init.stateFile) {
      const holder = { current: () => this.state, replace: (state: EmulatorState) => void (this.state = state) };
      this.writer = new StateWriter(init.stateFile, holder, init.stateWriteMode ?? 'group', init.stateFileOps);
    }
  }

  now(): number {
    return this.init.clock.now();
  }

  /** Clock-driven changes (usage, expiry) up to now; run before every handler and every state read. */
  catchUp(): void {
    catchUp(this.state, this.now(), this.init.settings.usage);
  }

  /** See EmulatorControl.saved: resolves once every change made so far is durable. */
  saved(): Promise<void> {
    return this.writer ? this.writer.commit() : Promise.resolve();
  }

  /** Starts the write of a change made through the control handle; its caller may await saved(). */
  private persist(): void {
    this.saved().catch((error: unknown) => this.init.log(`a control change was undone: ${error instanceof Error ? error.message : String(error)}`));
  }

  log(line: string): void {
    if (!this.init.quiet) this.init.log(line);
  }

  health(): HealthReport {
    return {
      ok: true,
      service: SERVICE_NAME,
      now: new Date(this.now()).toISOString(),
      uptimeMs: this.now() - this.startedAt,
      requests: this.requestCount,
      stateFile: this.init.stateFile ?? null,
      stateWrites: this.writer ? { ...this.writer.stats } : null,
      faults: this.faultInjector.settings,
    };
  }

  snapshot(): EmulatorState {
    this.catchUp();
    // A copy whose maps are null-prototype dicts again (structuredClone gives plain objects).
    return reviveState(structuredClone(this.state));
  }

  reset(): void {
    this.state = createSeedState(this.now(), this.init.seed);
    this.orderThrottle.reset();
    this.faultInjector.reset();
    this.faultInjector.update(this.init.initialFaults);
    this.persist();
  }

  faults(): FaultSettings {
    return this.faultInjector.settings;
  }

  setFaults(patch: FaultPatch): FaultSettings {
    return this.faultInjector.update(patch);
  }

  addUsage(req: { amount: number; resourceId?: string; projectName?: string }) {
    checkUsageAmount(req.amount);
    this.catchUp();
    const report = addUsage(this.state, req, this.now());
    this.persist();
    return report;
  }

  advanceUsage(ms: number): Record<string, number> {
    checkAdvanceMs(ms);
    this.catchUp();
    const added = simulateUsage(this.state, ms, this.now(), this.init.settings.usage);
    this.persist();
    return added;
  }

  setQuotaLoad(req: QuotaLoadRequest) {
    this.catchUp();
    const report = setQuotaLoad(this.state, req, this.now());
    this.persist();
    return report;
  }

  setVoiceState(speakerId: string, state: string): Record<string, unknown> | undefined {
    this.catchUp();
    const voice = setVoiceState(this.state.voices, speakerId, state, this.now());
    if (!voice) return undefined;
    this.persist();
    return statusRow(voice, '2025');
  }
}
