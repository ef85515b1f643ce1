/**
 * The built CLI (dist/bin.js) as a child process, against a real emulator over HTTP: what a
 * user at a terminal gets, exit codes and stderr included. `nx test` builds first.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { startEmulator, type EmulatorHandle } from '@volc-speech/emulator';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

const BIN = fileURLToPath(new URL('../dist/bin.js', import.meta.url));
const run = promisify(execFile);

interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI with only the given VOLC_* variables (none of the caller's real keys leak in). */
async function cli(args: string[], env: Record<string, string> = {}): Promise<CliResult> {
  const cleanEnv = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('VOLC_') && !key.startsWith('XDG_')));
  try {
    // HOME of its own: profiles and the embedded emulator's state never touch the developer's.
    const { stdout, stderr } = await run(process.execPath, [BIN, ...args], { env: { ...cleanEnv, HOME: home, ...env }, timeout: 15_000 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof failed.code === 'number' ? failed.code : -1, stdout: failed.stdout ?? '', stderr: failed.stderr ?? '' };
  }
}

let emulator: EmulatorHandle;
let home: string;
let viaEndpoint: Record<string, string>;

beforeAll(async () => {
  if (!existsSync(BIN)) throw new Error(`${BIN} is missing: build the CLI first (npx nx run volc-speech:build)`);
  emulator = await startEmulator({ quiet: true });
  home = mkdtempSync(join(tmpdir(), 'volc-cli-e2e-'));
  viaEndpoint = { VOLC_SPEECH_ENDPOINT: emulator.url };
});
afterAll(() => emulator?.close());
beforeEach(() => emulator.control.reset());

describe('volc-speech (built) against the emulator', () => {
  it('with no credentials at all, starts the embedded emulator and says so', async () => {
    const result = await cli(['ListAPIKeys', '--param', 'ProjectName=default']);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/^volc-speech: no credentials set: using the embedded emulator at http:\/\/127\.0\.0\.1:\d+; its state is kept between commands in \S+emulator-state\.json \(volc-speech emulator reset starts afresh\)\n$/);
    const keys = JSON.parse(result.stdout) as { APIKeys: unknown[] };
    expect(keys.APIKeys.length).toBeGreaterThan(0);
  });

  it('creates a key and lists it through a running emulator (signed for real, verified by the emulator)', async () => {
    const created = await cli(['CreateAPIKey', '-p', 'Name=from-cli', '-p', 'ProjectName=default'], viaEndpoint);
    expect(created).toMatchObject({ code: 0, stdout: '{}\n' });
    expect(created.stderr).toContain(`no credentials set: using the emulator at ${emulator.url} with its demo credentials`);
    const listed = await cli(['ListAPIKeys', '--json', '{"ProjectName":"default"}'], viaEndpoint);
    expect((JSON.parse(listed.stdout) as { APIKeys: Array<{ Name: string }> }).APIKeys.map((k) => k.Name)).toContain('from-cli');
  });

  it('refuses PauseService without --yes, then pauses with it', async () => {
    const refused = await cli(['PauseService', '-p', 'ProjectName=default', '-p', 'ResourceIDs=volc.service_type.10029'], viaEndpoint);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('Re-run with --yes');
    const status = async () =>
      (JSON.parse((await cli(['ServiceStatus', '-p', 'ProjectName=default', '-p', 'ResourceID=volc.service_type.10029', '-p', 'BlueprintID=10029'], viaEndpoint)).stdout) as { Status: string }).Status;
    const before = await status();
    const paused = await cli(['PauseService', '-p', 'ProjectName=default', '-p', 'ResourceIDs=volc.service_type.10029', '--yes'], viaEndpoint);
    expect(paused.code).toBe(0);
    expect(await status()).not.toBe(before);
  });

  it('lists every cloned voice with --all', async () => {
    const result = await cli(['BatchListMegaTTSTrainStatus', '-p', 'ProjectName=default', '-p', 'State=Success', '--all', '--page-size', '2'], viaEndpoint);
    expect(result.code).toBe(0);
    const voices = JSON.parse(result.stdout) as Array<{ SpeakerID: string; State: string }>;
    expect(voices.length).toBeGreaterThan(2); // more than one page
    expect(voices.every((v) => v.State === 'Success')).toBe(true);
    expect(new Set(voices.map((v) => v.SpeakerID)).size).toBe(voices.length);
  });

  it('prints the service error line and exits 1', async () => {
    emulator.control.setFaults({ failNext: { count: 1, httpStatus: 403, code: 'AccessDenied', message: 'User is not authorized', action: 'ListAPIKeys' } });
    const result = await cli(['ListAPIKeys', '-p', 'ProjectName=default'], viaEndpoint);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(
      /volc-speech: ListAPIKeys failed: HTTP 403 AccessDenied: User is not authorized \[RequestId \S+\]\. Grant the IAM permission speech_saas_prod:ListAPIKeys/,
    );
  });

  it('shows the status dashboard', async () => {
    const result = await cli(['status'], viaEndpoint);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/Service\n\s+RESOURCE\s+STATUS\s+DETAILS\n\s+volc\.service_type\.10029\s+\S+/);
    expect(result.stdout).toContain('Resource packs');
    expect(result.stdout).toMatch(/Rate limits on \d{4}-\d{2}-\d{2}/);
  });

  it('fails clearly when only one of the two keys is set', async () => {
    const result = await cli(['ListAPIKeys', '-p', 'ProjectName=default'], { VOLC_ACCESSKEY: 'AKLTonlyhalf0000' });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('volc-speech: VOLC_SECRETKEY is not set: set both VOLC_ACCESSKEY and VOLC_SECRETKEY, or neither (to use a profile or the emulator)\n');
  });
});
