/**
 * The atomic write of a file: the bytes go to a temporary file beside the target, are fsync'ed,
 * the temp file is renamed over the target (atomic on POSIX within one file system), and the
 * directory is fsync'ed so the rename itself survives a crash. A crash at any point leaves
 * either the previous complete file or the new complete file.
 *
 * This module (built, as atomicWrite.js) is also the state file's writer thread: stateWriter.ts
 * starts it as a Worker, so the fsyncs never hold up the event loop that answers requests. It
 * imports only node built-ins, so the thread loads nothing else.
 */
import * as nodeFs from 'node:fs';
import { dirname } from 'node:path';
import { deserialize } from 'node:v8';
import { isMainThread, parentPort, workerData } from 'node:worker_threads';

/** The file operations used, injectable so tests can simulate a crash between any two steps. */
export interface FsOps {
  openSync: typeof nodeFs.openSync;
  writeSync: (fd: number, buffer: Uint8Array, offset: number, length: number) => number;
  fsyncSync: typeof nodeFs.fsyncSync;
  closeSync: typeof nodeFs.closeSync;
  renameSync: typeof nodeFs.renameSync;
  unlinkSync: typeof nodeFs.unlinkSync;
}

export const realFs: FsOps = {
  openSync: nodeFs.openSync,
  writeSync: (fd, buffer, offset, length) => nodeFs.writeSync(fd, buffer, offset, length),
  fsyncSync: nodeFs.fsyncSync,
  closeSync: nodeFs.closeSync,
  renameSync: nodeFs.renameSync,
  unlinkSync: nodeFs.unlinkSync,
};

/** Writes `bytes` to `file` through `temp` (a path in the same directory), as described above. */
export function writeBytesAtomic(file: string, temp: string, bytes: Uint8Array, fs: FsOps = realFs): void {
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

/** The text of a state file holding `state`: its JSON and a newline. */
export function stateFileText(state: unknown): string {
  return `${JSON.stringify(state)}\n`;
}

/** What the writer thread is sent, and what it answers. */
export interface WriteJob {
  id: number;
  file: string;
  temp: string;
  /**
   * The state as node:v8 serialize() wrote it (about 5× cheaper than JSON.stringify on the
   * event loop that answers requests); this thread turns it into the file's JSON and bytes.
   */
  snapshot: Uint8Array;
}
export interface WriteDone {
  id: number;
  error?: { message: string; code?: string };
}

export const WRITER_ROLE = 'volc-speech-emulator-state-writer';

if (!isMainThread && parentPort && (workerData as { role?: unknown } | null)?.role === WRITER_ROLE) {
  const port = parentPort;
  port.on('message', (job: WriteJob) => {
    const done: WriteDone = { id: job.id };
    try {
      writeBytesAtomic(job.file, job.temp, Buffer.from(stateFileText(deserialize(job.snapshot)), 'utf8'));
    } catch (error) {
      const { message, code } = error as NodeJS.ErrnoException;
      done.error = code === undefined ? { message: String(message) } : { message: String(message), code };
    }
    port.postMessage(done);
  });
}
