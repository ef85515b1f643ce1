/**
 * `--state FILE`: the state is loaded at start and written after mutating requests.
 *
 * A write never leaves a half-written file behind: the JSON goes to a temporary file in the
 * same directory, is fsync'ed, then renamed over the target (atomic on POSIX within one file
 * system), and the directory is fsync'ed so the rename itself survives a crash. A crash at any
 * point leaves either the previous complete file or the new complete file.
 *
 * The write itself is in atomicWrite.ts. It runs synchronously at start-up and in the old
 * one-write-per-request mode, and on a writer thread for the group commit (stateWriter.ts), so
 * reads are answered while a write is in flight. writeStateBytesAtomicAsync does the same steps
 * through injectable asynchronous file operations, for tests that count, hold or fail them.
 */
import * as nodeFs from 'node:fs';
import { realFs, stateFileText, writeBytesAtomic, type FsOps } from './atomicWrite.js';
import { basename, dirname, join } from 'node:path';
import { STATE_SCHEMA_VERSION, type EmulatorState } from './state/model.js';
import { reviveState, StateShapeError } from './state/shape.js';

export { realFs, type FsOps } from './atomicWrite.js';

let tempCounter = 0;

/** `.<name>.<pid>.<n>.tmp` beside the target: same directory, so the rename stays within one file system. */
export function tempPathFor(file: string): string {
  return join(dirname(file), `.${basename(file)}.${process.pid}.${++tempCounter}.tmp`);
}

/** The text of a state file holding `state`. */
export function stateText(state: EmulatorState): string {
  return stateFileText(state);
}

/** The bytes of a state file holding `state`. */
export function serializeState(state: EmulatorState): Buffer {
  return Buffer.from(stateText(state));
}

export function writeStateFileAtomic(file: string, state: EmulatorState, fs: FsOps = realFs): void {
  writeStateBytesAtomic(file, serializeState(state), fs);
}

export function writeStateBytesAtomic(file: string, bytes: Buffer, fs: FsOps = realFs): void {
  writeBytesAtomic(file, tempPathFor(file), bytes, fs);
}

/** The asynchronous file operations of a write, injectable so tests can count, slow down or fail any step. */
export interface AsyncFsOps {
  open(path: string, flags: string, mode: number): Promise<number>;
  write(fd: number, buffer: Uint8Array, offset: number, length: number): Promise<number>;
  fsync(fd: number): Promise<void>;
  close(fd: number): Promise<void>;
  rename(from: string, to: string): Promise<void>;
  unlink(path: string): Promise<void>;
  /** fsync of a directory (the rename inside it); a platform that cannot open a directory skips it. */
  syncDirectory(dir: string): Promise<void>;
}

type Callback<T> = (error: NodeJS.ErrnoException | null, value: T) => void;
const settle = <T>(run: (done: Callback<T>) => void) =>
  new Promise<T>((resolve, reject) => run((error, value) => (error ? reject(error) : resolve(value))));

export const realAsyncFs: AsyncFsOps = {
  open: (path, flags, mode) => settle<number>((done) => nodeFs.open(path, flags, mode, done)),
  write: (fd, buffer, offset, length) => settle<number>((done) => nodeFs.write(fd, buffer, offset, length, null, (error, written) => done(error, written))),
  fsync: (fd) => settle<void>((done) => nodeFs.fsync(fd, (error) => done(error, undefined))),
  close: (fd) => settle<void>((done) => nodeFs.close(fd, (error) => done(error, undefined))),
  rename: (from, to) => settle<void>((done) => nodeFs.rename(from, to, (error) => done(error, undefined))),
  unlink: (path) => settle<void>((done) => nodeFs.unlink(path, (error) => done(error, undefined))),
  syncDirectory: async (dir) => {
    let fd: number | undefined;
    try {
      fd = await realAsyncFs.open(dir, 'r', 0);
      await realAsyncFs.fsync(fd);
    } catch {
      // Not supported here (e.g. Windows); the rename is still atomic.
    } finally {
      if (fd !== undefined) await realAsyncFs.close(fd).catch(() => {});
    }
  },
};

/** writeStateBytesAtomic without blocking the event loop: the same steps, in the same order. */
export async function writeStateBytesAtomicAsync(file: string, bytes: Buffer, fs: AsyncFsOps = realAsyncFs): Promise<void> {
  const temp = tempPathFor(file);
  const fd = await fs.open(temp, 'w', 0o600);
  try {
    for (let offset = 0; offset < bytes.length; ) offset += await fs.write(fd, bytes, offset, bytes.length - offset);
    await fs.fsync(fd);
  } catch (error) {
    await fs.close(fd).catch(() => {});
    await fs.unlink(temp).catch(() => {});
    throw error;
  }
  try {
    await fs.close(fd);
    await fs.rename(temp, file);
  } catch (error) {
    await fs.unlink(temp).catch(() => {});
    throw error;
  }
  await fs.syncDirectory(dirname(file));
}

function isRunning(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes the temp files a crashed writer of `file` left beside it (`.<name>.<pid>.<n>.tmp` of a
 * process that no longer runs); returns their names. Run at start, before the file is loaded.
 */
export function removeStaleTempFiles(file: string): string[] {
  const prefix = `.${basename(file)}.`;
  let names: string[];
  try {
    names = nodeFs.readdirSync(dirname(file));
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    if (!name.startsWith(prefix) || !name.endsWith('.tmp')) continue;
    const match = /^(\d+)\.\d+\.tmp$/.exec(name.slice(prefix.length));
    if (!match || isRunning(Number(match[1]))) continue;
    try {
      nodeFs.unlinkSync(join(dirname(file), name));
      removed.push(name);
    } catch {
      // Gone already, or not ours to remove: leave it.
    }
  }
  return removed;
}

/** The saved state, or undefined when the file does not exist. Throws on a file that is not a state of this version. */
export function loadStateFile(file: string): EmulatorState | undefined {
  let text: string;
  try {
    text = nodeFs.readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new Error(`State file ${file} is not valid JSON (${(error as Error).message}); move it away to start from the seed`, { cause: error });
  }
  if (typeof parsed !== 'object' || parsed === null || (parsed as { schemaVersion?: unknown }).schemaVersion !== STATE_SCHEMA_VERSION) {
    throw new Error(`State file ${file} is not an emulator state of schema version ${STATE_SCHEMA_VERSION}; move it away to start from the seed`);
  }
  try {
    return reviveState(parsed);
  } catch (error) {
    if (!(error instanceof StateShapeError)) throw error;
    throw new Error(`State file ${file} is broken: ${error.message}; it was left as it is (fix it, or move it away to start from the seed)`, { cause: error });
  }
}
