/**
 * The built CLI as a child process against a real emulator: what an operations engineer gets
 * from pipes, Ctrl-C, hostile flag values, output formats, --query, --json sources, --dry-run,
 * --debug, secret masking and the embedded emulator's kept state.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startEmulator, type EmulatorHandle } from '@volc-speech/emulator';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';

// Each test starts several CLI processes; the machine's cores are shared.
vi.setConfig({ testTimeout: 240_000 });

const BIN = fileURLToPath(new URL('../dist/bin.js', import.meta.url));

interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

let emulator: EmulatorHandle;
let big: EmulatorHandle;

function childEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('VOLC_') && !key.startsWith('XDG_')));
  return { ...clean, HOME: mkdtempSync(join(tmpdir(), 'volc-cli-home-')), ...extra };
}

/** Runs the CLI; `onStdout` may act on the output as it arrives (close the pipe, press Ctrl-C). */
function cli(args: string[], options: { env?: Record<string, string>; stdin?: string; onStdout?: (soFar: string, child: ReturnType<typeof spawn>) => void } = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { env: childEnv(options.env ?? { VOLC_SPEECH_ENDPOINT: emulator.url }), stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      options.onStdout?.(stdout, child);
    });
    child.stdout.on('error', () => undefined);
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
    child.stdin.end(options.stdin ?? '');
    setTimeout(() => child.kill('SIGKILL'), 120_000).unref();
  });
}

const NO_STACK = /\n\s+at |TypeError|RangeError|ReferenceError|node:internal|unexpected error/;

beforeAll(async () => {
  if (!existsSync(BIN)) throw new Error(`${BIN} is missing: build the CLI first`);
  emulator = await startEmulator({ quiet: true });
  big = await startEmulator({ quiet: true, seed: { voices: 3000 } });
});
afterAll(async () => {
  await emulator?.close();
  await big?.close();
});
beforeEach(() => {
  emulator.control.reset();
  big.control.setFaults({});
});

describe('no crash reaches the user', () => {
  it('refuses hostile flag values with exit 2, one sentence and no stack trace (the built binary; every flag in hostileFlags.test.ts)', async () => {
    const cases = [['--region', 'not a region', 'ListAPIKeys'], ['--endpoint', 'ftp://x', 'ListAPIKeys'], ['--timeout', '1e309', 'ListAPIKeys'], ['ListAPIKeys', '--output', '💥'], ['status', '--watch', 'NaN']];
    const results = await Promise.all(cases.map((args) => cli(args)));
    for (const [i, result] of results.entries()) {
      expect(result.code, cases[i]!.join(' ')).toBe(2);
      expect(result.stderr).not.toMatch(NO_STACK);
      expect(result.stderr.trim().split('\n')).toHaveLength(1);
    }
  });

  it('a region of the environment is checked as the flag is', async () => {
    const result = await cli(['ListAPIKeys', '-p', 'ProjectName=default'], { env: { VOLC_REGION: 'not a region', VOLC_ACCESSKEY: 'AKLTxxxxxxxxxxxx', VOLC_SECRETKEY: 'x' } });
    expect(result).toMatchObject({ code: 2, stdout: '' });
    expect(result.stderr).toBe('volc-speech: VOLC_REGION must be a region such as cn-beijing or cn-north-1, got "not a region"\n');
  });

  it('ends quietly when the reader of a long listing goes away (| head -1)', async () => {
    const result = await cli(['BatchListMegaTTSTrainStatus', '-p', 'ProjectName=default', '-p', 'State=Success', '--all', '-o', 'ndjson'], {
      env: { VOLC_SPEECH_ENDPOINT: big.url },
      onStdout: (soFar, child) => {
        if (soFar.includes('\n')) child.stdout!.destroy();
      },
    });
    expect(result.stderr).not.toMatch(/EPIPE|Error|\n\s+at /);
    expect(result.code).toBe(141);
  });

  it('keeps what was printed on Ctrl-C, closes the JSON array and exits 130', async () => {
    big.control.setFaults({ latencyMs: 150 });
    let sent = false;
    const result = await cli(['BatchListMegaTTSTrainStatus', '-p', 'ProjectName=default', '-p', 'State=Success', '--all', '--page-size', '20', '--concurrency', '1', '-o', 'json'], {
      env: { VOLC_SPEECH_ENDPOINT: big.url },
      onStdout: (soFar, child) => {
        if (!sent && soFar.split('"SpeakerID"').length > 30) {
          sent = true;
          child.kill('SIGINT');
        }
      },
    });
    expect(result.code).toBe(130);
    const items = JSON.parse(result.stdout) as unknown[];
    expect(items.length).toBeGreaterThanOrEqual(29);
    expect(result.stderr).toMatch(new RegExp(`interrupted after ${items.length} items`));
  });

  it('names flags, not library options, in hints', async () => {
    emulator.control.setFaults({ latencyMs: 400 });
    const result = await cli(['ListAPIKeys', '-p', 'ProjectName=default', '--timeout', '50']);
    emulator.control.setFaults({});
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('raise --timeout');
    expect(result.stderr).not.toMatch(/timeoutMs|rateLimit|volc-speech: volc-speech/);
    expect(result.stderr.trim().split('\n')).toHaveLength(2); // the emulator notice, then one error line
  });
});

describe('output for people and scripts', () => {
  it('prints a list action as json, ndjson, csv or a table, API key secrets masked', async () => {
    const json = await cli(['ListAPIKeys', '-p', 'ProjectName=default', '-o', 'json']);
    const keys = (JSON.parse(json.stdout) as { APIKeys: Array<{ APIKey: string; Name: string }> }).APIKeys;
    expect(keys.length).toBeGreaterThan(0);
    for (const key of keys) expect(key.APIKey).toMatch(/^.{4}….{4}$|^\*{4}$/);

    const revealed = JSON.parse((await cli(['ListAPIKeys', '-p', 'ProjectName=default', '--show-secrets'])).stdout) as { APIKeys: Array<{ APIKey: string }> };
    const secrets = revealed.APIKeys.map((k) => k.APIKey);
    expect(secrets.every((s) => s.length > 12 && !s.includes('…'))).toBe(true);

    const outputs = await Promise.all(
      [['-o', 'ndjson'], ['-o', 'csv'], ['-o', 'table'], ['--query', 'APIKeys[].APIKey'], ['--query', 'APIKeys[0]', '-o', 'table']].map((extra) => cli(['ListAPIKeys', '-p', 'ProjectName=default', ...extra])),
    );
    for (const out of outputs) {
      expect(out.code).toBe(0);
      for (const secret of secrets) expect(out.stdout).not.toContain(secret);
    }
    const [ndjson, csv, table, query] = outputs;
    expect(ndjson!.stdout.trim().split('\n').map((line) => (JSON.parse(line) as { Name: string }).Name)).toEqual(keys.map((k) => k.Name));
    expect(csv!.stdout.split('\r\n')[0]).toMatch(/^ID,Name,APIKey,/);
    expect(table!.stdout).toMatch(/ID\s+Name\s+APIKey/);
    expect(JSON.parse(query!.stdout)).toEqual(keys.map((k) => k.APIKey));
  });

  it('gives status and actions as data too', async () => {
    const status = await cli(['status', '-o', 'json']);
    expect(status.code).toBe(0);
    const data = JSON.parse(status.stdout) as { services: Array<{ status: string }>; watched: Array<{ resourceId: string }> };
    expect(data.services[0]?.status).toBeTruthy();
    const actions = await cli(['actions', '-o', 'csv', '--query', "[?effect=='spends'].{name: name, effect: effect}"]);
    expect(actions.stdout.split('\r\n')[0]).toBe('name,effect');
    expect(actions.stdout).toContain('OrderResourcePacks,spends');
    const ndjson = await cli(['actions', '-o', 'ndjson']);
    expect(ndjson.stdout.trim().split('\n')).toHaveLength(25);
  });

  it('status watches the services given by flag or environment, and says when nothing is found', async () => {
    const byFlag = await cli(['status', '--services', 'volc.example.unknown', '-o', 'json']);
    const data = JSON.parse(byFlag.stdout) as { watched: Array<{ resourceId: string }>; packs: unknown[] };
    expect(data.watched.map((w) => w.resourceId)).toEqual(['volc.example.unknown']);
    const text = await cli(['status'], { env: { VOLC_SPEECH_ENDPOINT: emulator.url, VOLC_SPEECH_SERVICES: 'volc.example.unknown' } });
    expect(text.stdout).toContain('watching volc.example.unknown');
    expect(text.stdout).toContain('nothing found for these services (volc.example.unknown)');
  });

  it('reads the request from --json @file and --json -', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'volc-cli-json-'));
    writeFileSync(join(dir, 'req.json'), '{"ProjectName":"default"}');
    const fromFile = await cli(['ListAPIKeys', '--json', `@${join(dir, 'req.json')}`, '--query', 'length(APIKeys)']);
    const fromStdin = await cli(['ListAPIKeys', '--json', '-', '--query', 'length(APIKeys)'], { stdin: '{"ProjectName":"default"}' });
    expect(fromFile).toMatchObject({ code: 0 });
    expect(Number(fromFile.stdout)).toBeGreaterThan(0);
    expect(fromStdin.stdout).toBe(fromFile.stdout);
    const missing = await cli(['ListAPIKeys', '--json', '@/nonexistent/req.json']);
    expect(missing).toMatchObject({ code: 2, stdout: '' });
    expect(missing.stderr).toContain('--json @/nonexistent/req.json: cannot read the file (ENOENT)');
  });
});

describe('look before you leap', () => {
  it('--dry-run prints the signed request with the signature redacted and sends nothing', async () => {
    const before = (await cli(['ServiceStatus', '-p', 'ProjectName=default', '-p', 'ResourceID=volc.service_type.10029', '-p', 'BlueprintID=10029'])).stdout;
    const result = await cli(['PauseService', '-p', 'ProjectName=default', '-p', 'ResourceIDs=volc.service_type.10029', '--dry-run', '-o', 'table']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(new RegExp(`^POST ${emulator.url}/\\?Action=PauseService&Version=\\S+\\n`));
    expect(result.stdout).toMatch(/Authorization: HMAC-SHA256 Credential=\S+\/\d{8}\/cn-\S+\/speech_saas_prod\/request, SignedHeaders=content-type;host;x-content-sha256;x-date, Signature=\[redacted\]/);
    expect(result.stdout).toMatch(/X-Date: \d{8}T\d{6}Z/);
    expect(result.stdout).toContain('{"ProjectName":"default","ResourceIDs":["volc.service_type.10029"]}');
    expect(result.stderr).toContain('dry run: nothing was sent');
    const after = (await cli(['ServiceStatus', '-p', 'ProjectName=default', '-p', 'ResourceID=volc.service_type.10029', '-p', 'BlueprintID=10029'])).stdout;
    expect(after).toBe(before);
  });

  it('--debug shows each exchange and retry on stderr, redacted', async () => {
    emulator.control.setFaults({ failNext: { count: 1, httpStatus: 503, code: 'ServiceUnavailableTemp', message: 'busy', action: 'ListAPIKeys' } });
    const result = await cli(['ListAPIKeys', '-p', 'ProjectName=default', '--debug']);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/\[debug\] > #1 POST http:\/\/127\.0\.0\.1:\d+\/\?Action=ListAPIKeys/);
    expect(result.stderr).toMatch(/\[debug\] < #1 HTTP 503/);
    expect(result.stderr).toMatch(/\[debug\] retry ListAPIKeys: attempt 1 failed \(HTTP 503 ServiceUnavailableTemp/);
    expect(result.stderr).toMatch(/\[debug\] < #2 HTTP 200/);
    expect(result.stderr).toContain('Signature=[redacted]');
    const secrets = (JSON.parse((await cli(['ListAPIKeys', '-p', 'ProjectName=default', '--show-secrets'])).stdout) as { APIKeys: Array<{ APIKey: string }> }).APIKeys;
    for (const key of secrets) expect(result.stderr).not.toContain(key.APIKey);
  });
});

describe('the embedded emulator keeps its state', () => {
  it('PauseService then status shows Paused; emulator reset starts afresh', async () => {
    const env = { HOME: mkdtempSync(join(tmpdir(), 'volc-cli-state-')) };
    const paused = await cli(['PauseService', '-p', 'ProjectName=default', '-p', 'ResourceIDs=volc.service_type.10029', '--yes'], { env });
    expect(paused.code).toBe(0);
    expect(paused.stderr).toContain('its state is kept between commands in');
    const status = await cli(['status', '-o', 'json'], { env });
    expect((JSON.parse(status.stdout) as { services: Array<{ status: string }> }).services[0]?.status).toBe('Paused');
    expect((await cli(['emulator', 'reset'], { env })).code).toBe(0);
    const fresh = await cli(['status', '-o', 'json'], { env });
    expect((JSON.parse(fresh.stdout) as { services: Array<{ status: string }> }).services[0]?.status).not.toBe('Paused');
  });
});
