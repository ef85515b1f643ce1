import { describe, expect, it } from 'vitest';
import { runServiceCommand } from '../../src/core/commandFlow.js';
import { FakeClock } from '../support/fakeClock.js';
import { apiError, FakeSpeechApi, TTS } from '../support/fakeSpeechApi.js';

const target = { resourceId: TTS, blueprintId: 10029 };
const running = { state: 'running' as const, status: 'Running' };

function ctx(api: FakeSpeechApi, clock = new FakeClock()) {
  return { api, clock, projectName: 'default', confirmReads: 3, confirmDelayMs: 1000 };
}

describe('runServiceCommand', () => {
  it('pauses once, then reports the state ServiceStatus reports', async () => {
    const api = new FakeSpeechApi();
    const outcome = await runServiceCommand(ctx(api), target, true, running);
    expect(outcome).toEqual({ ok: true, state: 'paused', status: 'Paused' });
    expect(api.count('pauseService')).toBe(1);
    expect(api.calls.find((c) => c.method === 'pauseService')).toEqual({
      method: 'pauseService',
      request: { ProjectName: 'default', ResourceIDs: [TTS] },
      options: { retry: false }, // the client must not repeat it either
    });
    expect(api.calls.map((c) => c.method)).toEqual(['pauseService', 'serviceStatus']);
  });

  it('re-reads until the service shows the new state (a slow transition), never guessing', async () => {
    const api = new FakeSpeechApi();
    api.transitionLagReads = 1;
    const clock = new FakeClock();
    const pending = runServiceCommand(ctx(api, clock), target, true, running);
    await clock.advance(1000);
    expect(await pending).toEqual({ ok: true, state: 'paused', status: 'Paused' });
    expect(api.count('serviceStatus')).toBe(2);
  });

  it('shows what the service reports even when it never reaches the target', async () => {
    const api = new FakeSpeechApi();
    api.transitionLagReads = 10;
    const clock = new FakeClock();
    const pending = runServiceCommand(ctx(api, clock), target, true, running);
    await clock.advance(5000);
    expect(await pending).toEqual({ ok: true, state: 'running', status: 'Running' });
    expect(api.count('serviceStatus')).toBe(3);
    expect(api.count('pauseService')).toBe(1);
  });

  it('a failed pause says why, is not retried, and leaves the state where the service is', async () => {
    const api = new FakeSpeechApi();
    api.failNext('pauseService', apiError('PauseService', 'InternalError', { httpStatus: 503, message: 'busy', requestId: 'r-503' }));
    const outcome = await runServiceCommand(ctx(api), target, true, running);
    expect(outcome).toMatchObject({
      ok: false,
      state: 'running',
      status: 'Running',
      error: { action: 'PauseService', code: 'InternalError', httpStatus: 503, message: 'busy', requestId: 'r-503', hint: 'Try again later.' },
    });
    expect(api.count('pauseService')).toBe(1);
  });

  it('after a failed resume, the state is the one re-read, not the one assumed', async () => {
    const api = new FakeSpeechApi();
    api.status[TTS] = 'Terminated';
    api.failNext('resumeService', apiError('ResumeService', 'OperationDenied.ServiceStatus', { httpStatus: 400 }));
    const outcome = await runServiceCommand(ctx(api), target, false, { state: 'paused', status: 'Paused' });
    expect(outcome).toMatchObject({ ok: false, state: 'terminated', status: 'Terminated' });
  });

  it('when the command fails and the re-read fails too, the last reported state stands', async () => {
    const api = new FakeSpeechApi();
    api.failNext('pauseService', apiError('PauseService', 'ECONNRESET'));
    api.failNext('serviceStatus', apiError('ServiceStatus', 'ECONNRESET'));
    const outcome = await runServiceCommand(ctx(api), target, true, running);
    expect(outcome).toMatchObject({ ok: false, state: 'running', status: 'Running', error: { action: 'PauseService' } });
  });

  it('an accepted pause whose state cannot be read is not reported as paused', async () => {
    const api = new FakeSpeechApi();
    api.failAlways('serviceStatus', apiError('ServiceStatus', 'ETIMEDOUT'));
    const clock = new FakeClock();
    const pending = runServiceCommand(ctx(api, clock), target, true, running);
    await clock.advance(5000);
    const outcome = await pending;
    expect(outcome.ok).toBe(false);
    expect(outcome.state).toBe('running');
    if (!outcome.ok) expect(outcome.error.message).toMatch(/PauseService was accepted, but reading the service state afterwards failed/);
    expect(api.count('pauseService')).toBe(1);
  });

  it('scrubs the secret out of error messages', async () => {
    const api = new FakeSpeechApi();
    api.failNext('pauseService', apiError('PauseService', 'X', { message: 'bad key sk-SECRET-123 rejected' }));
    const outcome = await runServiceCommand({ ...ctx(api), redaction: { secrets: ['sk-SECRET-123'] } }, target, true, running);
    expect(JSON.stringify(outcome)).not.toContain('sk-SECRET-123');
  });
});
