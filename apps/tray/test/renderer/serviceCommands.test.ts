import { describe, expect, it } from 'vitest';
import { ServiceCommands, serviceKey } from '../../src/renderer/serviceCommands.js';
import type { CallErrorView, ServiceView } from '../../src/shared/bridge.js';

const TTS = 'volc.service_type.10029';
const KEY = serviceKey('prod', TTS);
const running: ServiceView = { resourceId: TTS, label: 'TTS', status: 'Running', state: 'running', pending: null };
const paused: ServiceView = { ...running, status: 'Paused', state: 'paused' };
const denied = (at: number): CallErrorView => ({ action: 'PauseService', code: 'AccessDenied', httpStatus: 403, message: 'no', at });

describe('ServiceCommands (what a service row shows around a pause/resume)', () => {
  it('keys services per profile', () => {
    expect(serviceKey('a', TTS)).not.toBe(serviceKey('b', TTS));
    expect(serviceKey('a', TTS)).toBe(serviceKey('a', TTS));
  });

  it('without a command, shows the snapshot as it is', () => {
    const commands = new ServiceCommands();
    expect(commands.display(KEY, running, 100)).toEqual({ state: 'running', status: 'Running', pending: null, error: null });
    expect(commands.isInFlight(KEY)).toBe(false);
    const withError = { ...running, lastCommandError: denied(50) };
    expect(commands.display(KEY, withError, 100).error).toEqual(denied(50));
  });

  it('in flight: "pausing…" at the state the service last reported, no old error', () => {
    const commands = new ServiceCommands();
    commands.start(KEY, true, 1000);
    expect(commands.isInFlight(KEY)).toBe(true);
    expect(commands.display(KEY, { ...running, lastCommandError: denied(900) }, 1000)).toEqual({ state: 'running', status: 'Running', pending: 'pausing', error: null });
    // A snapshot that already has the core's own pending state keeps it.
    expect(commands.display(KEY, { ...paused, pending: 'resuming' }, 1000).pending).toBe('resuming');
  });

  it('settled: the outcome until a later snapshot says otherwise', () => {
    const commands = new ServiceCommands();
    commands.start(KEY, true, 1000);
    commands.settle(KEY, { ok: true, state: 'paused', status: 'Paused' }, 2000);
    expect(commands.isInFlight(KEY)).toBe(false);
    // A snapshot from before the outcome (still "running, pausing") is stale.
    expect(commands.display(KEY, { ...running, pending: 'pausing' }, 1500)).toEqual({ state: 'paused', status: 'Paused', pending: null, error: null });
    // A snapshot taken at or after the outcome is the truth, whatever it says.
    expect(commands.display(KEY, running, 2000)).toEqual({ state: 'running', status: 'Running', pending: null, error: null });
  });

  it('a failed command keeps its reason on screen until dismissed', () => {
    const commands = new ServiceCommands();
    commands.start(KEY, true, 1000);
    commands.settle(KEY, { ok: false, error: denied(1500), state: 'running', status: 'Running' }, 1600);
    expect(commands.display(KEY, running, 3000)).toEqual({ state: 'running', status: 'Running', pending: null, error: denied(1500) });
    commands.dismissError(KEY, denied(1500));
    expect(commands.display(KEY, { ...running, lastCommandError: denied(1500) }, 4000).error).toBeNull();
  });

  it('the newer of the page’s and the snapshot’s errors wins; an error from before this command is not shown', () => {
    const commands = new ServiceCommands();
    commands.start(KEY, true, 1000);
    commands.settle(KEY, { ok: false, error: denied(1500), state: 'running', status: 'Running' }, 1600);
    expect(commands.display(KEY, { ...running, lastCommandError: denied(1700) }, 3000).error).toEqual(denied(1700));
    commands.start(KEY, false, 5000);
    commands.settle(KEY, { ok: true, state: 'running', status: 'Running' }, 5100);
    expect(commands.display(KEY, { ...running, lastCommandError: denied(1700) }, 6000).error).toBeNull();
  });

  it('a bridge failure (backend unreachable) shows its reason and the snapshot’s state', () => {
    const commands = new ServiceCommands();
    commands.start(KEY, false, 1000);
    const bridgeError: CallErrorView = { action: 'ResumeService', code: 'BridgeError', message: 'fetch failed', at: 1100 };
    commands.fail(KEY, bridgeError, 1100);
    expect(commands.display(KEY, paused, 900)).toEqual({ state: 'paused', status: 'Paused', pending: null, error: bridgeError });
  });

  it('settle, fail and dismiss on a service with no command change nothing', () => {
    const commands = new ServiceCommands();
    commands.settle(KEY, { ok: true, state: 'paused', status: 'Paused' }, 10);
    commands.fail(KEY, denied(10), 10);
    expect(commands.display(KEY, running, 20)).toEqual({ state: 'running', status: 'Running', pending: null, error: null });
    commands.dismissError(KEY, denied(30));
    expect(commands.display(KEY, { ...running, lastCommandError: denied(25) }, 40).error).toBeNull();
  });
});
