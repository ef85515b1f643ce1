/**
 * Pause / resume one service, on an explicit user action only.
 *
 * The command is sent exactly once: never retried here (and the client never repeats a
 * disruptive call that may have reached the service). Afterwards the state shown is the
 * one ServiceStatus REPORTS: re-read (a read is safe to repeat) until it shows the target or
 * the attempts run out. A failed command reports why and the state the service is really in.
 */
import { classifyServiceStatus } from '@volc-speech/client';
import type { CallErrorView, CommandOutcome, ServiceStateView } from '../shared/bridge.js';
import type { SpeechApi } from './api.js';
import { toCallErrorView, type RedactionContext } from './callError.js';
import { sleep, type Clock } from './clock.js';

export interface CommandContext {
  api: SpeechApi;
  clock: Clock;
  projectName: string;
  redaction?: RedactionContext;
  /** ServiceStatus reads after a successful command, waiting for the target state. Default 3. */
  confirmReads?: number;
  /** Wait between those reads. Default 1 s. */
  confirmDelayMs?: number;
}

export interface ServiceTarget {
  resourceId: string;
  blueprintId: number;
}

export interface ServiceReading {
  state: ServiceStateView;
  status: string;
}

type ReadResult = { ok: true; reading: ServiceReading } | { ok: false; error: CallErrorView };

async function readStatus(ctx: CommandContext, target: ServiceTarget): Promise<ReadResult> {
  try {
    const result = await ctx.api.serviceStatus({ ProjectName: ctx.projectName, ResourceID: target.resourceId, BlueprintID: target.blueprintId });
    const status = result.Status ?? '';
    return { ok: true, reading: { state: classifyServiceStatus(status), status } };
  } catch (error) {
    return { ok: false, error: toCallErrorView(error, 'ServiceStatus', ctx.clock.now(), ctx.redaction) };
  }
}

export async function runServiceCommand(
  ctx: CommandContext,
  target: ServiceTarget,
  paused: boolean,
  lastKnown: ServiceReading,
): Promise<CommandOutcome> {
  const action = paused ? 'PauseService' : 'ResumeService';
  const request = { ProjectName: ctx.projectName, ResourceIDs: [target.resourceId] };
  try {
    // Exactly once: not even a connection-refused retry, the user clicks again if they want.
    await (paused ? ctx.api.pauseService(request, { retry: false }) : ctx.api.resumeService(request, { retry: false }));
  } catch (error) {
    const commandError = toCallErrorView(error, action, ctx.clock.now(), ctx.redaction);
    // Where is the service now? Ask once; if that fails too, the last reported state stands.
    const after = await readStatus(ctx, target);
    const reading = after.ok ? after.reading : lastKnown;
    return { ok: false, error: commandError, state: reading.state, status: reading.status };
  }

  const wanted: ServiceStateView = paused ? 'paused' : 'running';
  const reads = Math.max(1, ctx.confirmReads ?? 3);
  let last: ReadResult | undefined;
  for (let attempt = 1; attempt <= reads; attempt++) {
    if (attempt > 1) await sleep(ctx.clock, ctx.confirmDelayMs ?? 1000);
    last = await readStatus(ctx, target);
    if (last.ok && last.reading.state === wanted) break;
  }
  if (last?.ok) return { ok: true, state: last.reading.state, status: last.reading.status };
  const readError = (last as { ok: false; error: CallErrorView }).error;
  return {
    ok: false,
    error: {
      ...readError,
      message: `${action} was accepted, but reading the service state afterwards failed: ${readError.message}`,
    },
    state: lastKnown.state,
    status: lastKnown.status,
  };
}
