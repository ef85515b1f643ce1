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
import { loadStateFile, realAsyncFs, writeStateFileAtomic, type AsyncFsOps, type FsOps } from '../src/persistence.js';
import { createSeedState } from '../src/seed.js';
import { startBin } from './helpers/bin.js';
import { errorOf, resultOf, signedCall, type RawResponse } from './helpers/raw.js';

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
    await emulator.control.saved();
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

  it('a real SIGKILL while 32 writers write concurrently: the file parses and holds every acknowledged change', async () => {
    const bin = await startBin(['--port', '0', '--state', file, '--quiet', '--qps', '0']);
    const target = { url: bin.url, credentials: DEMO_CREDENTIALS } as EmulatorHandle;
    const acknowledged: string[] = [];
    let killed = false;
    // 32 writers, each sending its next change as soon as the previous one is answered: the
    // emulator sees up to 32 changes at once, so group commit (not one write each) is what runs.
    const writers = Array.from({ length: 32 }, async (_, w) => {
      for (let i = 0; !killed; i++) {
        const name = `w${w}-${i}`;
        const response = await createKey(target, name).catch(() => undefined);
        if (response?.status === 200) acknowledged.push(name);
        else if (!killed) throw new Error(`write ${name} refused before the kill: ${response?.status} ${response?.text}`);
      }
    });
    while (acknowledged.length < 150) await new Promise((resolve) => setTimeout(resolve, 2));
    killed = true;
    bin.child.kill('SIGKILL');
    await Promise.all(writers);
    expect((await bin.exited).signal).toBe('SIGKILL');

    const names = keysIn(file);
    expect(acknowledged.filter((name) => !names.includes(name))).toEqual([]);
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
  }, 30_000);
});

/** File operations that count fsyncs of files and can hold or fail them. */
function instrumentedOps(hooks: { beforeFsync?: (n: number) => Promise<void> } = {}) {
  const counts = { fsyncs: 0, renames: 0 };
  const ops: AsyncFsOps = {
    ...realAsyncFs,
    fsync: async (fd) => {
      const n = ++counts.fsyncs;
      await hooks.beforeFsync?.(n);
      return realAsyncFs.fsync(fd);
    },
    rename: (from, to) => (counts.renames++, realAsyncFs.rename(from, to)),
  };
  return { ops, counts };
}

function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open };
}

const listKeyNames = async (emulator: EmulatorHandle) => {
  const response = await signedCall(emulator, { action: 'ListAPIKeys', version: '2025-05-20', body: { ProjectName: 'default' } });
  expect(response.status).toBe(200);
  return (resultOf<{ APIKeys: Array<{ Name: string }> }>(response).APIKeys ?? []).map((k) => k.Name);
};

describe('group commit', () => {
  it('32 concurrent changes share a few writes, each answered only once its write is durable', async () => {
    // The first write is held until all 32 requests have arrived (and 50 ms more, for their
    // bodies): the changes arriving meanwhile must join one next write, not one write each.
    const started: { emulator?: EmulatorHandle } = {};
    const { ops, counts } = instrumentedOps({
      beforeFsync: async (n) => {
        if (n > 1) return;
        while ((started.emulator?.control.health().requests ?? 0) < 32) await new Promise((resolve) => setTimeout(resolve, 5));
        await new Promise((resolve) => setTimeout(resolve, 50));
      },
    });
    const emulator = await startEmulator({ quiet: true, stateFile: file, stateFileOps: ops });
    started.emulator = emulator;
    try {
      const responses = await Promise.all(
        Array.from({ length: 32 }, (_, i) =>
          createKey(emulator, `c${i}`).then((response) => {
            // Answered after the write: the key is already in the file.
            if (response.status === 200) expect(keysIn(file)).toContain(`c${i}`);
            return response;
          }),
        ),
      );
      expect(responses.map((r) => r.status)).toEqual(Array(32).fill(200));
      expect(counts.fsyncs).toBeGreaterThanOrEqual(1);
      expect(counts.fsyncs).toBeLessThanOrEqual(4);
      expect(counts.renames).toBe(counts.fsyncs);
    } finally {
      await emulator.close();
    }
    expect(readdirSync(dir)).toEqual(['state.json']);
  });

  it('a read is answered while a write is held open, and the change is answered only after the write ends', async () => {
    const held = gate();
    const entered = gate();
    const { ops } = instrumentedOps({
      beforeFsync: async () => {
        entered.open();
        await held.opened;
      },
    });
    const emulator = await startEmulator({ quiet: true, stateFile: file, stateFileOps: ops });
    try {
      let createAnswered = false;
      const create = createKey(emulator, 'held').then((r) => ((createAnswered = true), r));
      await entered.opened;
      // The write is in flight (its fsync has not returned): a read still answers.
      const names = await listKeyNames(emulator);
      expect(names).toHaveLength(3);
      expect(createAnswered).toBe(false);
      held.open();
      expect((await create).status).toBe(200);
      expect(keysIn(file)).toContain('held');
    } finally {
      held.open();
      await emulator.close();
    }
  });

  it('a failed write: every change in it gets an error envelope with a RequestId, and memory goes back to what is on disk', async () => {
    const entered = gate();
    const release = gate();
    const { ops } = instrumentedOps({
      beforeFsync: async (n) => {
        if (n > 1) return;
        entered.open();
        await release.opened;
        throw Object.assign(new Error('EIO: simulated disk failure'), { code: 'EIO' });
      },
    });
    const emulator = await startEmulator({ quiet: true, stateFile: file, stateFileOps: ops });
    try {
      const first = createKey(emulator, 'lost-0');
      await entered.opened;
      // These arrive while the failing write is in flight: made on top of it, so undone with it.
      const more = Array.from({ length: 7 }, (_, i) => createKey(emulator, `lost-${i + 1}`));
      await new Promise((resolve) => setTimeout(resolve, 100));
      release.open();
      const responses: RawResponse[] = [await first, ...(await Promise.all(more))];
      const refused = responses.filter((r) => r.status !== 200);
      expect(refused.length).toBeGreaterThanOrEqual(1);
      expect(responses[0]?.status).toBe(500);
      for (const response of refused) {
        expect(response.status).toBe(500);
        expect(errorOf(response)).toMatchObject({ Code: 'InternalError' });
        expect(errorOf(response).Message).toMatch(/not saved and has been undone: writing the state file .*state\.json failed \(EIO: simulated disk failure\)/);
        expect((response.json['ResponseMetadata'] as { RequestId?: string }).RequestId).toMatch(/\S/);
      }
      // Memory holds exactly what the file holds: the refused changes are in neither.
      const inMemory = await listKeyNames(emulator);
      expect(inMemory.sort()).toEqual(keysIn(file).sort());
      for (const [i, response] of responses.entries()) expect(inMemory.includes(`lost-${i}`)).toBe(response.status === 200);
      // The next write works again.
      expect((await createKey(emulator, 'after')).status).toBe(200);
      expect(keysIn(file)).toContain('after');
    } finally {
      release.open();
      await emulator.close();
    }
  });

  it("the 'sync' mode (one synchronous write per change, as before) still answers each change once it is on disk", async () => {
    const emulator = await startEmulator({ quiet: true, stateFile: file, stateWriteMode: 'sync' });
    try {
      await Promise.all(Array.from({ length: 4 }, (_, i) => createKey(emulator, `s${i}`)));
      expect(keysIn(file)).toEqual(expect.arrayContaining(['s0', 's1', 's2', 's3']));
    } finally {
      await emulator.close();
    }
  });
});
