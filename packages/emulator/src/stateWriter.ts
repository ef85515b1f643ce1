/**
 * Group commit of the state file: every change made since the last write goes to disk in ONE
 * atomic write (temp file, fsync, rename, directory fsync: persistence.ts), and each request that
 * made a change is answered only once the write holding it is durable.
 *
 * - A change is applied to the in-memory state at once (handlers are synchronous, so later
 *   requests see earlier ones in order), then its request waits in `commit()`.
 * - The first commit of a tick schedules a flush for the end of that tick (setImmediate), so the
 *   changes of every request handled in the same event-loop turn share one write. While a write
 *   is in flight, new commits collect into the next batch, which is written as soon as the
 *   current write ends: one write in flight at a time, each holding everything before it.
 * - The file I/O runs on a writer thread (atomicWrite.ts; one message each way per write), so
 *   reads are answered during a write. Tests pass AsyncFsOps instead, to count, hold or fail steps
 *   (and runs from the TypeScript source use node's thread pool: WRITER_IS_BUILT).
 *   A read may therefore see a change a few milliseconds before that change is durable; the
 *   change's own caller is not told it succeeded until it is.
 * - If a write fails, the in-memory state is put back to the last state that IS on disk (the
 *   bytes of the last successful write), and every request whose change is thereby undone — the
 *   failed batch and the batch that was collecting behind it, whose changes were made on top of
 *   it — is rejected with StateWriteFailed (the caller gets an error envelope, never a 200).
 *   So after a failure, memory never claims a change the file does not hold, and nothing that
 *   was acknowledged is undone (acknowledged changes are in the last successful write).
 */
import { deserialize, serialize } from 'node:v8';
import { Worker } from 'node:worker_threads';
import { stateFileText, WRITER_ROLE, type WriteDone, type WriteJob } from './atomicWrite.js';
import { realAsyncFs, stateText, tempPathFor, writeStateBytesAtomic, writeStateBytesAtomicAsync, type AsyncFsOps } from './persistence.js';
import type { EmulatorState } from './state/model.js';
import { reviveState } from './state/shape.js';

/**
 * `group` (default): group commit as above. `sync`: the old behaviour, one synchronous write of
 * the whole state per change, blocking the event loop; kept so the benchmark can show both.
 */
export type StateWriteMode = 'group' | 'sync';

/** The write holding a change failed; the change was undone in memory. */
export class StateWriteFailed extends Error {
  constructor(
    readonly file: string,
    cause: unknown,
  ) {
    super(`writing the state file ${file} failed (${cause instanceof Error ? cause.message : String(cause)})`, { cause });
    this.name = 'StateWriteFailed';
  }
}

/** Where the state lives in memory: read for a write, replaced after a failed one. */
export interface StateHolder {
  current(): EmulatorState;
  replace(state: EmulatorState): void;
}

interface Waiter {
  resolve(): void;
  reject(error: Error): void;
}

export interface StateWriterStats {
  /** Writes that reached the disk. */
  writes: number;
  /** Commits (changed requests) acknowledged by those writes. */
  committed: number;
  failedWrites: number;
}

export class StateWriter {
  private collecting: Waiter[] = [];
  private inFlight = false;
  private scheduled = false;
  /** A snapshot (node:v8 serialize) of what the file on disk holds: what memory goes back to when a write fails. */
  private durable: Buffer;
  readonly stats: StateWriterStats = { writes: 0, committed: 0, failedWrites: 0 };

  constructor(
    readonly file: string,
    private readonly holder: StateHolder,
    private readonly mode: StateWriteMode = 'group',
    fs?: AsyncFsOps,
  ) {
    this.durable = serialize(holder.current());
    const inProcess = (ops: AsyncFsOps) => ({
      write: (snapshot: Buffer) => writeStateBytesAtomicAsync(file, Buffer.from(stateFileText(deserialize(snapshot))), ops),
      close: async () => {},
    });
    this.backend = fs ? inProcess(fs) : WRITER_IS_BUILT ? new WriterThread(file) : inProcess(realAsyncFs);
  }

  /**
   * Takes a node:v8 snapshot of the state (about 5× cheaper than JSON.stringify): the writer
   * thread makes the JSON and the bytes, so the event loop that answers requests does not.
   */
  private readonly backend: { write(snapshot: Buffer): Promise<void>; close(): Promise<void> };

  /** Waits for the writes under way, then stops the writer thread. */
  async close(): Promise<void> {
    await this.idle();
    await this.backend.close();
  }

  /**
   * Resolves once a write holding every change made before this call is durable; rejects with
   * StateWriteFailed when that write failed (the change is then undone in memory).
   */
  commit(): Promise<void> {
    if (this.mode === 'sync') return this.writeNow();
    return new Promise<void>((resolve, reject) => {
      this.collecting.push({ resolve, reject });
      this.schedule();
    });
  }

  /** Resolves when nothing is waiting or being written (used at close). */
  async idle(): Promise<void> {
    while (this.inFlight || this.scheduled || this.collecting.length > 0) await this.commit().catch(() => {});
  }

  private schedule(): void {
    if (this.inFlight || this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      void this.flush();
    });
  }

  private async flush(): Promise<void> {
    const batch = this.collecting;
    this.collecting = [];
    this.inFlight = true;
    const snapshot = serialize(this.holder.current());
    try {
      await this.backend.write(snapshot);
      this.durable = snapshot;
      this.stats.writes += 1;
      this.stats.committed += batch.length;
      for (const waiter of batch) waiter.resolve();
    } catch (cause) {
      // The changes collected meanwhile were made on top of the failed ones: they go too.
      const undone = [...batch, ...this.collecting];
      this.collecting = [];
      this.undo();
      this.stats.failedWrites += 1;
      const error = new StateWriteFailed(this.file, cause);
      for (const waiter of undone) waiter.reject(error);
    } finally {
      this.inFlight = false;
      if (this.collecting.length > 0) this.schedule();
    }
  }

  private writeNow(): Promise<void> {
    const state = this.holder.current();
    try {
      writeStateBytesAtomic(this.file, Buffer.from(stateText(state)));
    } catch (cause) {
      this.undo();
      this.stats.failedWrites += 1;
      return Promise.reject(new StateWriteFailed(this.file, cause));
    }
    this.durable = serialize(state);
    this.stats.writes += 1;
    this.stats.committed += 1;
    return Promise.resolve();
  }

  private undo(): void {
    // Through JSON, exactly as the file holds it and as a load at start would read it.
    this.holder.replace(reviveState(JSON.parse(stateFileText(deserialize(this.durable)))));
  }
}

/** The writer thread runs the built atomicWrite.js beside this module. */
const WRITER_URL = new URL('./atomicWrite.js', import.meta.url);
/**
 * False when this module runs from its TypeScript source (the unit tests): a Worker cannot load
 * the .ts sibling reliably there, so those runs write through node's thread pool (realAsyncFs),
 * the same steps in the same order. The built package, the bin and the benchmark use the thread.
 */
const WRITER_IS_BUILT = import.meta.url.endsWith('.js');

/** The writer thread of one state file, started at its first write. */
class WriterThread {
  private worker: Worker | undefined;
  private nextId = 0;
  private readonly pending = new Map<number, { resolve(): void; reject(error: Error): void }>();

  constructor(private readonly file: string) {}

  write(snapshot: Buffer): Promise<void> {
    const worker = (this.worker ??= this.start());
    const job: WriteJob = { id: ++this.nextId, file: this.file, temp: tempPathFor(this.file), snapshot };
    return new Promise<void>((resolve, reject) => {
      this.pending.set(job.id, { resolve, reject });
      // Keeps the process alive while a write is under way (and only then).
      worker.ref();
      worker.postMessage(job);
    });
  }

  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    if (worker) await worker.terminate();
  }

  private start(): Worker {
    const worker = new Worker(WRITER_URL, { workerData: { role: WRITER_ROLE } });
    worker.unref();
    worker.on('message', (done: WriteDone) => {
      const waiter = this.pending.get(done.id);
      this.pending.delete(done.id);
      if (this.pending.size === 0) worker.unref();
      if (!waiter) return;
      if (done.error) waiter.reject(Object.assign(new Error(done.error.message), done.error.code ? { code: done.error.code } : {}));
      else waiter.resolve();
    });
    const fail = (error: Error) => {
      if (this.worker === worker) this.worker = undefined;
      for (const waiter of this.pending.values()) waiter.reject(error);
      this.pending.clear();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`the state writer thread stopped (exit code ${code})`)));
    return worker;
  }
}
