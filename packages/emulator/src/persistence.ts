/**
 * `--state FILE`: the state is loaded at start and written after every mutating request.
 *
 * A write never leaves a half-written file behind: the JSON goes to a temporary file in the
 * same directory, is fsync'ed, then renamed over the target (atomic on POSIX within one file
 * system), and the directory is fsync'ed so the rename itself survives a crash. A crash at any
 * point leaves either the previous complete file or the new complete file. Writes are
 * synchronous, so the answer to a request is sent only after its change is on disk.
 */
import * as nodeFs from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { STATE_SCHEMA_VERSION, type EmulatorState } from './state/model.js';
import { reviveState, StateShapeError } from './state/shape.js';

/** The file operations used, injectable so tests can simulate a crash between any two steps. */
export interface FsOps {
  openSync: typeof nodeFs.openSync;
  writeSync: (fd: number, buffer: Uint8Array, offset: number, length: number) => number;
  fsyncSync: typeof nodeFs.fsyncSync;
  closeSync: typeof nodeFs.closeSync;
  renameSync: typeof nodeFs.renameSync;
  unlinkSync: typeof nodeFs.unlinkSync;
}

const realFs: FsOps = {
  openSync: nodeFs.openSync,
  writeSync: (fd, buffer, offset, length) => nodeFs.writeSync(fd, buffer, offset, length),
  fsyncSync: nodeFs.fsyncSync,
  closeSync: nodeFs.closeSync,
  renameSync: nodeFs.renameSync,
  unlinkSync: nodeFs.unlinkSync,
};

let tempCounter = 0;

/** `.<name>.<pid>.<n>.tmp` beside the target: same directory, so the rename stays within one file system. */
export function tempPathFor(file: string): string {
  return join(dirname(file), `.${basename(file)}.${process.pid}.${++tempCounter}.tmp`);
}

export function writeStateFileAtomic(file: string, state: EmulatorState, fs: FsOps = realFs): void {
  const bytes = Buffer.from(`${JSON.stringify(state)}\n`);
  const temp = tempPathFor(file);
  const fd = fs.openSync(temp, 'w', 0o600);
  try {
    // writeSync may write less than asked; loop until every byte is out.
    for (let offset = 0; offset < bytes.length; ) offset += fs.writeSync(fd, bytes, offset, bytes.length - offset);
    fs.fsyncSync(fd);
  } catch (error) {
    fs.closeSync(fd);
    safeUnlink(fs, temp);
    throw error;
  }
  fs.closeSync(fd);
  try {
    fs.renameSync(temp, file);
  } catch (error) {
    safeUnlink(fs, temp);
    throw error;
  }
  syncDirectory(dirname(file));
}

function safeUnlink(fs: FsOps, path: string): void {
  try {
    fs.unlinkSync(path);
  } catch {
    // Already gone or never created: nothing to clean.
  }
}

/** Makes the rename durable; some platforms cannot open a directory, which is then skipped. */
function syncDirectory(dir: string): void {
  let fd: number | undefined;
  try {
    fd = nodeFs.openSync(dir, 'r');
    nodeFs.fsyncSync(fd);
  } catch {
    // Not supported here (e.g. Windows); the rename is still atomic.
  } finally {
    if (fd !== undefined) nodeFs.closeSync(fd);
  }
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
