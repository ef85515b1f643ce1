/**
 * The confirmation step of the disruptive service commands, enforced where the command runs:
 * a pause or resume goes out only with a token the user's confirmation produced
 * (TrayBridge.confirmCommand), bound to that command, that profile and that service,
 * valid for a short time and only once. A bare call (a local process POSTing to the preview,
 * a replayed request, a token for another command or service) is refused before anything is sent.
 */
import { randomBytes } from 'node:crypto';
import type { CommandConfirmation, CommandConfirmationRequest } from '../shared/bridge.js';
import type { Clock } from './clock.js';

/** How long a confirmation stays usable: the page uses it right after the click. */
export const CONFIRMATION_TTL_MS = 30_000;
/** Confirmations outstanding at once; the oldest goes first beyond this. */
const MAX_OUTSTANDING = 64;

export class ConfirmationRequiredError extends Error {
  readonly code = 'ConfirmationRequired';
  constructor(message: string) {
    super(message);
    this.name = 'ConfirmationRequiredError';
  }
}

interface Pending {
  request: CommandConfirmationRequest;
  expiresAt: number;
}

export class ConfirmationGate {
  /** By token; a Map, so no caller-supplied string ever indexes a plain object. */
  private readonly pending = new Map<string, Pending>();

  constructor(
    private readonly clock: Clock,
    private readonly ttlMs = CONFIRMATION_TTL_MS,
  ) {}

  issue(request: CommandConfirmationRequest): CommandConfirmation {
    this.prune();
    while (this.pending.size >= MAX_OUTSTANDING) this.pending.delete(this.pending.keys().next().value!);
    const token = randomBytes(32).toString('base64url');
    const expiresAt = this.clock.now() + this.ttlMs;
    this.pending.set(token, { request: { operation: request.operation, profileId: request.profileId, resourceId: request.resourceId }, expiresAt });
    return { token, expiresAt };
  }

  /**
   * Spends a token on this command, or throws ConfirmationRequiredError saying why not.
   * A token is gone after its first presentation, whether it matched or not.
   */
  consume(request: CommandConfirmationRequest, token: string | undefined): void {
    const action = request.operation === 'pause' ? 'PauseService' : 'ResumeService';
    const what = `${action} of ${request.resourceId}`;
    if (!token) {
      throw new ConfirmationRequiredError(`${what} refused: it needs the user's confirmation first (confirmCommand, then the call with its token). Nothing was sent.`);
    }
    const found = this.pending.get(token);
    this.pending.delete(token);
    if (!found) {
      throw new ConfirmationRequiredError(`${what} refused: the confirmation is unknown or was already used. Confirm again. Nothing was sent.`);
    }
    if (found.expiresAt <= this.clock.now()) {
      throw new ConfirmationRequiredError(`${what} refused: the confirmation expired. Confirm again. Nothing was sent.`);
    }
    const r = found.request;
    if (r.operation !== request.operation || r.profileId !== request.profileId || r.resourceId !== request.resourceId) {
      throw new ConfirmationRequiredError(`${what} refused: the confirmation was given for another command or service. Confirm again. Nothing was sent.`);
    }
  }

  private prune(): void {
    const now = this.clock.now();
    for (const [token, entry] of this.pending) if (entry.expiresAt <= now) this.pending.delete(token);
  }
}
