/**
 * `--state FILE`: the state survives a restart, every acknowledged change is on disk, and no
 * crash — simulated between any two steps of a write, or a real SIGKILL — leaves a
 * half-written file.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, openSync, writeSync, fsyncSync, closeSync, renameSync, unlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_CREDENTIALS, startEmulator, type EmulatorHandle } from '../src/index.js';
import { loadStateFile, writeStateFileAtomic, type FsOps } from '../src/persistence.js';
import { createSeedState } from '../src/seed.js';
import { startBin } from './helpers/bin.js';
import { signedCall } from './helpers/raw.js';

let dir: string;
let file: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'emulator-state-'));
  file = join(dir, 'state.json');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const realOps: FsOps = {
  openSync,
  writeSync: (fd, buffer, offset, length) => writeSync(fd, buffer, offset, length),
  fsyncSync,
  closeSync,
  renameSync,
  unlinkSync,
};

function keysIn(path: string): string[] {
  const state = JSON.parse(readFileSync(path, 'utf8')) as { apiKeys: { byProject: Record<string, Array<{ Name: string }>> } };
  return (state.apiKeys.byProject['default'] ?? []).map((k) => k.Name);
}

const createKey = (emulator: Pick<EmulatorHandle, 'url' | 'credentials'>, name: string) =>
  signedCall(emulator as EmulatorHandle, { action: 'CreateAPIKey', version: '2025-05-20', body: { ProjectName: 'default', Name: name } });

describe('state file', () => {
  it('is seeded at first start, written after every change, and loaded at the next start', async () => {
    const first = await startEmulator({ quiet: true, stateFile: file });
    expect(keysIn(file)).toHaveLength(2);
    expect((await createKey(first, 'survivor')).status).toBe(200);
    // Written before the answer was sent: no need to close first.
    expect(keysIn(file)).toContain('survivor');
    await first.close();

    const second = await startEmulator({ quiet: true, stateFile: file });
    try {
      expect(second.state.apiKeys.byProject['default']?.map((k) => k.Name)).toContain('survivor');
      const health = await fetch(`${second.url}/__emulator/health`).then((r) => r.json());
      expect(health).toMatchObject({ stateFile: file });
    } finally {
      await second.close();
    }
    expect(readdirSync(dir)).toEqual(['state.json']);
  });

  it('reset writes the seed back', async () => {
    const emulator = await startEmulator({ quiet: true, stateFile: file });
    await createKey(emulator, 'temp');
    emulator.control.reset();
    expect(keysIn(file)).toHaveLength(2);
    await emulator.close();
  });

  it('refuses a corrupt or foreign file instead of overwriting it', async () => {
    writeFileSync(file, '{"half": ');
    await expect(startEmulator({ quiet: true, stateFile: file })).rejects.toThrow(/not valid JSON/);
    writeFileSync(file, '{"schemaVersion": 99}');
    await expect(startEmulator({ quiet: true, stateFile: file })).rejects.toThrow(/schema version/);
    expect(readFileSync(file, 'utf8')).toBe('{"schemaVersion": 99}');
  });

  it('refuses a file of the right version but a broken structure, naming the file and the place, and keeps it as it is', async () => {
    // Parsed JSON edited by hand, as a person would break the file: any shape goes.
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    type Doc = Record<string, any>;
    const broken = (mutate: (state: Doc) => void) => {
      const state = JSON.parse(JSON.stringify(createSeedState(Date.now()))) as Doc;
      mutate(state);
      const text = JSON.stringify(state);
      writeFileSync(file, text);
      return text;
    };
    const cases: Array<[(state: Doc) => void, RegExp]> = [
      [(s) => (s['apiKeys'].byProject = []), /apiKeys\.byProject must be an object, found a list/],
      [(s) => (s['apiKeys'].byProject['default'][0].ID = null), /apiKeys\.byProject\["default"\]\[0\]\.ID must be a finite number, found null/],
      [(s) => (s['packs'].packs[0].used = null), /packs\.packs\[0\]\.used must be a finite number, found null/],
      [(s) => delete s['monitoring'], /monitoring is missing/],
      [(s) => (s['services'].byProject['default']['volc.tts.default'].status = 'Sleeping'), /status must be one of/],
    ];
    for (const [mutate, problem] of cases) {
      const text = broken(mutate);
      const error = await startEmulator({ quiet: true, stateFile: file }).then(
        () => undefined,
        (e: unknown) => e as Error,
      );
      expect(error?.message).toMatch(problem);
      expect(error?.message).toContain(`State file ${file} is broken`);
      expect(error?.message.split(/(?<=\.)\s/)).toHaveLength(1);
      expect(readFileSync(file, 'utf8')).toBe(text);
    }
  });
});

describe('stale temp files', () => {
  it('temp files of a writer that no longer runs are removed at start; those of a running one and other files are kept', async () => {
    writeStateFileAtomic(file, createSeedState(Date.now()));
    const deadPid = 2 ** 22 + 12345; // above the default pid_max: no such process
    const stale = [`.state.json.${deadPid}.1.tmp`, `.state.json.${deadPid}.2.tmp`];
    const live = `.state.json.${process.pid}.999.tmp`;
    for (const name of [...stale, live, 'notes.txt', '.other.json.1.1.tmp']) writeFileSync(join(dir, name), 'half');
    const logged: string[] = [];
    const emulator = await startEmulator({ quiet: true, stateFile: file, log: (line) => logged.push(line) });
    await emulator.close();
    expect(readdirSync(dir).sort()).toEqual(['.other.json.1.1.tmp', live, 'notes.txt', 'state.json'].sort());
    expect(logged.join('\n')).toMatch(/removed 2 temp file\(s\)/);
  });
});

describe('atomic writes (crash simulation)', () => {
  const seedA = () => createSeedState(Date.now());
  const withB = () => {
    const state = createSeedState(Date.now());
    state.apiKeys.byProject['default']?.push({ ID: 99, Name: 'B', APIKey: 'x', Disable: false, createdAt: 0, updatedAt: 0 });
    return state;
  };

  it('goes through a temp file in the same directory, fsync, then rename', () => {
    const steps: string[] = [];
    const spy: FsOps = {
      openSync: (path, flags, mode) => (steps.push(`open ${String(path).replace(dir, '<dir>')}`), realOps.openSync(path, flags, mode)),
      writeSync: (fd, buffer, offset, length) => (steps.push('write'), realOps.writeSync(fd, buffer, offset, length)),
      fsyncSync: (fd) => (steps.push('fsync'), realOps.fsyncSync(fd)),
      closeSync: (fd) => (steps.push('close'), realOps.closeSync(fd)),
      renameSync: (from, to) => (steps.push(`rename ${String(from).replace(dir, '<dir>')} → ${String(to).replace(dir, '<dir>')}`), realOps.renameSync(from, to)),
      unlinkSync: realOps.unlinkSync,
    };
    writeStateFileAtomic(file, seedA(), spy);
    expect(steps[0]).toMatch(/^open <dir>\/\.state\.json\.\d+\.\d+\.tmp$/);
    expect(steps.slice(1)).toEqual(['write', 'fsync', 'close', expect.stringMatching(/^rename <dir>\/\.state\.json\.\d+\.\d+\.tmp → <dir>\/state\.json$/)]);
  });

  for (const crashAt of ['writeSync', 'fsyncSync', 'renameSync'] as const) {
    it(`a crash in ${crashAt} leaves the previous complete file and no temp file`, () => {
      writeStateFileAtomic(file, seedA());
      const before = readFileSync(file, 'utf8');
      const crashing: FsOps = {
        ...realOps,
        writeSync: (fd, buffer, offset, length) => {
          if (crashAt === 'writeSync') {
            realOps.writeSync(fd, buffer, offset, Math.floor(length / 2));
            throw new Error('ENOSPC: simulated crash half-way');
          }
          return realOps.writeSync(fd, buffer, offset, length);
        },
        fsyncSync: (fd) => {
          if (crashAt === 'fsyncSync') throw new Error('EIO: simulated crash');
          realOps.fsyncSync(fd);
        },
        renameSync: (from, to) => {
          if (crashAt === 'renameSync') throw new Error('simulated crash before rename');
          realOps.renameSync(from, to);
        },
      };
      expect(() => writeStateFileAtomic(file, withB(), crashing)).toThrow(/simulated/);
      expect(readFileSync(file, 'utf8')).toBe(before);
      expect(loadStateFile(file)?.apiKeys.byProject['default']?.map((k) => k.Name)).not.toContain('B');
      expect(readdirSync(dir)).toEqual(['state.json']);
    });
  }

  it('a short write is completed, not truncated', () => {
    const chunky: FsOps = { ...realOps, writeSync: (fd, buffer, offset, length) => realOps.writeSync(fd, buffer, offset, Math.min(length, 1000)) };
    writeStateFileAtomic(file, withB(), chunky);
    expect(keysIn(file)).toContain('B');
  });

  it('a real SIGKILL in the middle of a burst of writes: the file parses and holds every acknowledged change', async () => {
    const bin = await startBin(['--port', '0', '--state', file, '--quiet', '--qps', '0']);
    const target = { url: bin.url, credentials: DEMO_CREDENTIALS } as EmulatorHandle;
    const acknowledged: string[] = [];
    const requests = Array.from({ length: 80 }, (_, i) =>
      createKey(target, `k${i}`).then(
        (r) => void (r.status === 200 && acknowledged.push(`k${i}`)),
        () => {},
      ),
    );
    while (acknowledged.length < 10) await new Promise((resolve) => setTimeout(resolve, 2));
    bin.child.kill('SIGKILL');
    await Promise.all(requests);
    expect((await bin.exited).signal).toBe('SIGKILL');

    const names = keysIn(file);
    for (const name of acknowledged) expect(names).toContain(name);
    const leftovers = readdirSync(dir).filter((f) => f !== 'state.json');
    for (const leftover of leftovers) expect(leftover).toMatch(/^\.state\.json\.\d+\.\d+\.tmp$/);

    const restarted = await startEmulator({ quiet: true, stateFile: file });
    try {
      expect(restarted.state.apiKeys.byProject['default']?.length).toBe(names.length);
      // Temp files of the killed writer are gone once the next run has started.
      expect(readdirSync(dir).filter((f) => f !== 'state.json')).toEqual([]);
    } finally {
      await restarted.close();
    }
  });
});
