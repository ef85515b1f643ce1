/**
 * What a service row shows while the user pauses or resumes it. The toggle never guesses:
 * while a command is in flight it shows "pausing…/resuming…" at the state the service last
 * reported; afterwards it shows the state from the CommandOutcome until a snapshot taken
 * later than the outcome says otherwise. A failed command keeps its reason on screen until
 * the next command on that service or until the user dismisses it.
 */
import type { CallErrorView, CommandOutcome, ServiceStateView, ServiceView } from '../shared/bridge.js';

export interface ServiceDisplay {
  state: ServiceStateView;
  status: string;
  pending: null | 'pausing' | 'resuming';
  error: CallErrorView | null;
}

interface LocalCommand {
  requested: 'pausing' | 'resuming';
  /** Core-clock times: errors from before `startedAt` belong to an earlier command. */
  startedAt: number;
  settledAt: number | null;
  outcome: CommandOutcome | null;
  error: CallErrorView | null;
}

export function serviceKey(profileId: string, resourceId: string): string {
  return `${profileId}\u0000${resourceId}`;
}

export class ServiceCommands {
  private readonly commands = new Map<string, LocalCommand>();
  /** Errors at or before this core-clock time were dismissed by the user. */
  private readonly dismissedUpTo = new Map<string, number>();

  start(key: string, paused: boolean, coreNow: number): void {
    this.commands.set(key, {
      requested: paused ? 'pausing' : 'resuming',
      startedAt: coreNow,
      settledAt: null,
      outcome: null,
      error: null,
    });
  }

  settle(key: string, outcome: CommandOutcome, coreNow: number): void {
    const command = this.commands.get(key);
    if (!command) return;
    command.settledAt = coreNow;
    command.outcome = outcome;
    command.error = outcome.ok ? null : outcome.error;
  }

  /** The bridge call itself failed (backend unreachable): the service reported nothing. */
  fail(key: string, error: CallErrorView, coreNow: number): void {
    const command = this.commands.get(key);
    if (!command) return;
    command.settledAt = coreNow;
    command.outcome = null;
    command.error = error;
  }

  dismissError(key: string, error: CallErrorView): void {
    this.dismissedUpTo.set(key, Math.max(this.dismissedUpTo.get(key) ?? 0, error.at));
    const command = this.commands.get(key);
    if (command?.error && command.error.at <= error.at) command.error = null;
  }

  isInFlight(key: string): boolean {
    const command = this.commands.get(key);
    return command !== undefined && command.settledAt === null;
  }

  /** Combine the snapshot's view of a service with what this page asked for and heard back. */
  display(key: string, service: ServiceView, snapshotNow: number): ServiceDisplay {
    const command = this.commands.get(key);
    const dismissedUpTo = this.dismissedUpTo.get(key) ?? -Infinity;
    const visible = (error: CallErrorView | null | undefined): CallErrorView | null =>
      error && error.at > dismissedUpTo && (!command || error.at >= command.startedAt || error === command.error) ? error : null;
    const fromSnapshot: ServiceDisplay = {
      state: service.state,
      status: service.status,
      pending: service.pending,
      error: visible(service.lastCommandError),
    };
    if (!command) return fromSnapshot;
    if (command.settledAt === null) {
      return { ...fromSnapshot, pending: fromSnapshot.pending ?? command.requested, error: null };
    }
    const error = newer(visible(command.error), fromSnapshot.error);
    // A snapshot taken after the outcome is the truth; until then the outcome is.
    if (snapshotNow >= command.settledAt || !command.outcome) return { ...fromSnapshot, error };
    // The snapshot predates the outcome, so its `pending` is stale too.
    return { state: command.outcome.state, status: command.outcome.status, pending: null, error };
  }
}

function newer(a: CallErrorView | null, b: CallErrorView | null): CallErrorView | null {
  if (!a) return b;
  if (!b) return a;
  return b.at > a.at ? b : a;
}
