/**
 * Profiles through the built CLI: our own (configure → whoami → a signed call), the official
 * Volcengine CLI's ~/.volcengine/config.json, the OS keychain through keytar in a real
 * throw-away Secret Service (scripts/with-keyring.sh), and the 0600 file where there is none.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEMO_CREDENTIALS, startEmulator, type EmulatorHandle } from '@volc-speech/emulator';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

vi.setConfig({ testTimeout: 240_000 });

const BIN = fileURLToPath(new URL('../dist/bin.js', import.meta.url));
const WITH_KEYRING = fileURLToPath(new URL('../../../scripts/with-keyring.sh', import.meta.url));

let emulator: EmulatorHandle;
beforeAll(async () => {
  emulator = await startEmulator({ quiet: true });
});
afterAll(() => emulator?.close());

function baseEnv(home: string): NodeJS.ProcessEnv {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('VOLC_') && !key.startsWith('XDG_') && key !== 'DBUS_SESSION_BUS_ADDRESS'));
  return { ...clean, HOME: home };
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv, stdin = ''): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(stdin);
  });
}

const cli = (args: string[], env: NodeJS.ProcessEnv, stdin = '') => run(process.execPath, [BIN, ...args], env, stdin);

describe('profiles', () => {
  it('configure --secret-file keeps the secret in a 0600 file, whoami shows where each setting came from, calls are signed with it', async () => {
    const home = mkdtempSync(join(tmpdir(), 'volc-cli-profile-'));
    const env = baseEnv(home);
    const saved = await cli(['configure', '--profile', 'ops', '--access-key', DEMO_CREDENTIALS.accessKeyId, '--endpoint', emulator.url, '--region', 'cn-beijing', '--services', 'volc.service_type.10029,volc.megatts.voiceclone', '--secret-file'], env, `${DEMO_CREDENTIALS.secretAccessKey}\n`);
    expect(saved.code).toBe(0);
    expect(saved.stdout).toContain('Profile "ops" saved in');
    expect(saved.stdout).toMatch(/The secret key is stored in \S+credentials\.json \(mode 0600: only you can read it; as asked by --secret-file\)/);
    expect(saved.stdout).not.toContain(DEMO_CREDENTIALS.secretAccessKey);
    const credentialsFile = join(home, '.config', 'volc-speech', 'credentials.json');
    expect(statSync(credentialsFile).mode & 0o777).toBe(0o600);
    expect(readFileSync(join(home, '.config', 'volc-speech', 'config.json'), 'utf8')).not.toContain(DEMO_CREDENTIALS.secretAccessKey);

    const who = await cli(['whoami', '--profile', 'ops'], env);
    expect(who.code).toBe(0);
    expect(who.stdout).not.toContain(DEMO_CREDENTIALS.secretAccessKey);
    expect(who.stdout).not.toContain(DEMO_CREDENTIALS.accessKeyId);
    expect(who.stdout).toMatch(/access key\s+\S+\*{4}\S+\s+profile "ops" \(\S+config\.json\), secret key in \S+credentials\.json/);
    expect(who.stdout).toMatch(/region\s+cn-beijing\s+profile "ops"/);
    expect(who.stdout).toMatch(new RegExp(`endpoint\\s+${emulator.url.replace(/[.]/g, '\\.')}\\s+profile "ops"`));
    const overridden = await cli(['whoami', '--region', 'cn-north-1', '-o', 'json'], { ...env, VOLC_PROFILE: 'ops' });
    expect(JSON.parse(overridden.stdout)).toMatchObject({ profile: { value: 'ops', source: 'VOLC_PROFILE' }, region: { value: 'cn-north-1', source: '--region' } });

    const listed = await cli(['ListAPIKeys', '-p', 'ProjectName=default', '--query', 'length(APIKeys)'], { ...env, VOLC_PROFILE: 'ops' });
    expect(listed).toMatchObject({ code: 0 });
    expect(listed.stderr).toBe(''); // real credentials: no emulator notice
    const status = await cli(['status', '--profile', 'ops', '-o', 'json'], env);
    expect((JSON.parse(status.stdout) as { watched: Array<{ resourceId: string }> }).watched.map((w) => w.resourceId)).toEqual(['volc.service_type.10029', 'volc.megatts.voiceclone']);

    const unknown = await cli(['whoami', '--profile', 'nope'], env);
    expect(unknown).toMatchObject({ code: 2, stdout: '' });
    expect(unknown.stderr).toBe('volc-speech: no profile named "nope" (known: ops): create it with volc-speech configure --profile nope\n');
  });

  it("reads the official Volcengine CLI's profiles from ~/.volcengine/config.json", async () => {
    const home = mkdtempSync(join(tmpdir(), 'volc-cli-ve-'));
    mkdirSync(join(home, '.volcengine'));
    writeFileSync(
      join(home, '.volcengine', 'config.json'),
      JSON.stringify({
        current: 'work',
        profiles: {
          work: { name: 'work', mode: 'ak', 'access-key': DEMO_CREDENTIALS.accessKeyId, 'secret-key': DEMO_CREDENTIALS.secretAccessKey, region: 'cn-beijing', endpoint: emulator.url, 'session-token': '', 'disable-ssl': false },
          other: { name: 'other', mode: 'sso', region: 'cn-shanghai' },
        },
      }),
    );
    const env = baseEnv(home);
    const who = await cli(['whoami'], env);
    expect(who.stdout).toMatch(/access key\s+\S+\*{4}\S+\s+Volcengine CLI profile "work" \(\S+\.volcengine\/config\.json\)/);
    const listed = await cli(['ListAPIKeys', '-p', 'ProjectName=default', '--query', 'length(APIKeys)'], env);
    expect(listed.code).toBe(0);
    expect(Number(listed.stdout)).toBeGreaterThan(0);
    const sso = await cli(['whoami', '--profile', 'other', '-o', 'json'], env);
    expect(JSON.parse(sso.stdout)).toMatchObject({ accessKey: { value: '(none)' }, region: { value: 'cn-shanghai' } });
  });

  it('configure puts the secret in the OS keychain where one answers (a real Secret Service)', async () => {
    const home = mkdtempSync(join(tmpdir(), 'volc-cli-keychain-'));
    const env = baseEnv(home);
    const script = [
      `printf '%s\\n' "$SECRET" | "$NODE" "$BIN" configure --access-key "$AK" --endpoint "$ENDPOINT"`,
      `"$NODE" "$BIN" whoami`,
      `"$NODE" "$BIN" ListAPIKeys -p ProjectName=default --query 'length(APIKeys)'`,
    ].join(' && ');
    const result = await run('sh', [WITH_KEYRING, 'sh', '-c', script], {
      ...env,
      NODE: process.execPath,
      BIN,
      AK: DEMO_CREDENTIALS.accessKeyId,
      SECRET: DEMO_CREDENTIALS.secretAccessKey,
      ENDPOINT: emulator.url,
    });
    // dbus-daemon may grumble about fd limits on stderr; the CLI itself says nothing there.
    expect(result.stderr).not.toContain('volc-speech:');
    expect(result.code).toBe(0);
    const keytarLoads = await import('keytar' as string).then(
      () => true,
      () => false,
    );
    if (!keytarLoads) {
      // keytar is optional: where it is not installed the CLI must say so and use the file.
      expect(result.stdout).toMatch(/no OS keychain here: keytar is not installed/);
      return;
    }
    expect(result.stdout).toContain('The secret key is stored in the OS keychain (service "volc-speech", account "profile:default")');
    expect(result.stdout).toMatch(/secret key\s+\(set, never shown\)\s+profile "default" \(\S+\), secret key in OS keychain/);
    expect(result.stdout).not.toContain(DEMO_CREDENTIALS.secretAccessKey);
    expect(() => statSync(join(home, '.config', 'volc-speech', 'credentials.json'))).toThrow();
  });

  it('without a keychain, says so plainly and uses the 0600 file', async () => {
    const home = mkdtempSync(join(tmpdir(), 'volc-cli-nokeychain-'));
    // No session bus: keytar cannot reach a Secret Service.
    const result = await cli(['configure', '--access-key', DEMO_CREDENTIALS.accessKeyId], { ...baseEnv(home), DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent' }, `${DEMO_CREDENTIALS.secretAccessKey}\n`);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/The secret key is stored in \S+credentials\.json \(mode 0600: only you can read it; no OS keychain here: .+\)/);
  });
});
