import { describe, expect, it } from 'vitest';
import { runCli } from '../src/main.js';
import { captureIo, fakeService } from './support/fakeTarget.js';

describe('volc-speech <Action>', () => {
  it('prints the Result as pretty JSON and exits 0', async () => {
    const service = fakeService({ ListAPIKeys: () => ({ result: { APIKeys: [{ ID: 1, Name: 'n8n' }], TotalCount: 1 } }) });
    const { io, stdout } = captureIo(service);
    expect(await runCli(['ListAPIKeys', '--param', 'ProjectName=default', '--param', 'OnlyAvailable=true'], io)).toBe(0);
    expect(JSON.parse(stdout())).toEqual({ APIKeys: [{ ID: 1, Name: 'n8n' }], TotalCount: 1 });
    expect(stdout()).toContain('\n  "APIKeys": [');
    expect(service.calls).toEqual([{ action: 'ListAPIKeys', request: { ProjectName: 'default', OnlyAvailable: true } }]);
    expect(service.closed()).toBe(true);
  });

  it('takes the request from --json', async () => {
    const service = fakeService({ DeleteAPIKey: () => ({ result: {} }) });
    const { io, stdout } = captureIo(service);
    expect(await runCli(['DeleteAPIKey', '--yes', '--json', '{"ProjectName":"default","ID":3}'], io)).toBe(0);
    expect(stdout()).toBe('{}\n');
    expect(service.calls[0]!.request).toEqual({ ProjectName: 'default', ID: 3 });
  });

  it('pages through every item with --all', async () => {
    const total = 250;
    const service = fakeService({
      BatchListMegaTTSTrainStatus: (r) => {
        const page = Number(r['PageNumber']);
        const size = Number(r['PageSize']);
        const from = (page - 1) * size;
        return { result: { TotalCount: total, Statuses: Array.from({ length: Math.max(0, Math.min(size, total - from)) }, (_, i) => ({ SpeakerID: `S_${from + i}` })) } };
      },
    });
    const { io, stdout } = captureIo(service);
    expect(await runCli(['BatchListMegaTTSTrainStatus', '-p', 'ProjectName=default', '-p', 'State=Success', '--all', '--page-size', '100'], io)).toBe(0);
    const items = JSON.parse(stdout()) as Array<{ SpeakerID: string }>;
    expect(items).toHaveLength(250);
    expect(items.at(-1)!.SpeakerID).toBe('S_249');
    expect(service.calls).toHaveLength(3);
  });

  it('refuses to delete or update (disable) an API key without --yes, sending nothing', async () => {
    const service = fakeService({ DeleteAPIKey: () => ({ result: {} }), UpdateAPIKey: () => ({ result: {} }) });
    const disable = captureIo(service);
    expect(await runCli(['UpdateAPIKey', '-p', 'ProjectName=default', '-p', 'ID=1', '-p', 'Disable=true'], disable.io)).toBe(2);
    expect(disable.stderr()).toContain('UpdateAPIKey is disruptive: it would rename, disable or enable an API key (disabling stops every app using it). Nothing was sent. Re-run with --yes');
    const remove = captureIo(service);
    expect(await runCli(['DeleteAPIKey', '-p', 'ProjectName=default', '-p', 'ID=1'], remove.io)).toBe(2);
    expect(remove.stderr()).toContain('DeleteAPIKey is disruptive');
    expect(service.calls).toEqual([]);
    expect(await runCli(['UpdateAPIKey', '--yes', '-p', 'ProjectName=default', '-p', 'ID=1', '-p', 'Disable=true'], captureIo(service).io)).toBe(0);
    expect(service.calls).toHaveLength(1);
  });

  it('refuses spends and disruptive actions without --yes, sending nothing', async () => {
    const service = fakeService({ PauseService: () => ({ result: {} }), OrderAccessResourcePacks: () => ({ result: { OrderIDs: ['O1'] } }) });
    const pause = captureIo(service);
    expect(await runCli(['PauseService', '-p', 'ProjectName=default'], pause.io)).toBe(2);
    expect(pause.stderr()).toContain('PauseService is disruptive: it would pause the service (stops production traffic). Nothing was sent. Re-run with --yes');
    const order = captureIo(service);
    const orderArgs = ['OrderAccessResourcePacks', '-p', 'ProjectName=default', '-p', 'ResourceID=volc.megatts.voiceclone', '-p', 'Code=Model_storage', '-p', 'Times=1', '-p', 'Quantity=1'];
    expect(await runCli(orderArgs, order.io)).toBe(2);
    expect(order.stderr()).toContain('OrderAccessResourcePacks spends money');
    expect(service.calls).toHaveLength(0);

    const confirmed = captureIo(service);
    expect(await runCli([...orderArgs, '--yes'], confirmed.io)).toBe(0);
    expect(JSON.parse(confirmed.stdout())).toEqual({ OrderIDs: ['O1'] });
  });

  it('prints one stderr line with action, status, code, message, RequestId and hint, and exits 1', async () => {
    const service = fakeService({ ListAPIKeys: () => ({ status: 401, error: { Code: 'SignatureDoesNotMatch', CodeN: 100010, Message: 'signature mismatch' } }) });
    const { io, stdout, stderr } = captureIo(service);
    expect(await runCli(['ListAPIKeys', '-p', 'ProjectName=default'], io)).toBe(1);
    expect(stdout()).toBe('');
    expect(stderr()).toBe(
      "volc-speech: ListAPIKeys failed: HTTP 401 SignatureDoesNotMatch (100010): signature mismatch [RequestId REQ-1]. Check the secret key (VOLC_SECRETKEY) and that this machine's clock is right.\n",
    );
  });

  it('exits 2 on usage and validation errors before reaching a target', async () => {
    const { io, stderr } = captureIo(undefined);
    expect(await runCli(['ListAPIKeys'], io)).toBe(2);
    expect(stderr()).toContain('ProjectName is required');
    expect(await runCli(['ListAPIKeys', '-p', 'ProjectName=x', '--all'], io)).toBe(2);
    expect(stderr()).toContain('ListAPIKeys is not paged');
    expect(await runCli(['DeleteAPIKey', '-p', 'ID=abc'], io)).toBe(2);
    expect(await runCli(['Nope'], io)).toBe(2);
  });

  it('prints actions, help and usage without a target', async () => {
    const { io, stdout } = captureIo(undefined);
    expect(await runCli(['actions'], io)).toBe(0);
    expect(await runCli(['help', 'ListAPIKeys'], io)).toBe(0);
    expect(await runCli(['--help'], io)).toBe(0);
    expect(stdout()).toContain('ListAPIKeys — List API keys');
    expect(stdout()).toContain('Usage:');
  });
});
