/**
 * startEmulator: a real HTTP server (node:http) speaking the Doubao Speech console OpenAPI.
 * Requests under /__emulator/ go to the control endpoint; everything else is an API call.
 */
import { createServer, type IncomingMessage, type Server, type ServerOptions, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SIGNATURE_WINDOW_MS } from '@volc-speech/client';
import { AccessKeyTable, DEMO_CREDENTIALS, type AccessKeyEntry, type EmulatorCredentials } from './auth/accessKeys.js';
import { handleApiRequest } from './apiRequest.js';
import { systemClock, type EmulatorClock } from './clock.js';
import { CONTROL_PREFIX, handleControlRequest } from './control.js';
import type { FaultSettings } from './faults.js';
import { loadStateFile, removeStaleTempFiles, writeStateFileAtomic, type AsyncFsOps } from './persistence.js';
import { declaresTooLarge } from './requestBody.js';
import { defaultRoutes, Router } from './router.js';
import { EmulatorRuntime, type EmulatorControl } from './runtime.js';
import { createSeedState, type SeedOptions } from './seed.js';
import type { StateWriteMode } from './stateWriter.js';
import { cryptoRandom, type RandomSource } from './state/ids.js';
import type { EmulatorState } from './state/model.js';
import type { UsageSettings } from './state/usage.js';

export interface EmulatorOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** Load the state from this file at start (seeding it when absent) and write it after every change. */
  stateFile?: string;
  /** Accepted credentials; default [DEMO_CREDENTIALS]. */
  accessKeys?: readonly AccessKeyEntry[];
  faults?: FaultSettings;
  clock?: EmulatorClock;
  /** No per-request log lines (default false). */
  quiet?: boolean;
  seed?: SeedOptions;
  /** Largest accepted |now − X-Date| (default unknowns.ts SIGNATURE_WINDOW_MS, 15 min). */
  signatureWindowMs?: number;
  /** How long an order of cloned voices takes to be delivered (default 2000 ms). */
  orderDeliveryMs?: number;
  usage?: Partial<UsageSettings>;
  /**
   * Accept `State: ""` on ListMegaTTSTrainStatus / BatchListMegaTTSTrainStatus as "every state".
   * Default false: no source says the live service does (shared/api §6.3).
   */
  acceptEmptyVoiceState?: boolean;
  /** Randomness for errorRate/dropRate (default crypto); tests pass a fixed sequence. */
  random?: RandomSource;
  /** Where log lines go (default stderr). */
  log?: (line: string) => void;
  /**
   * How the state file is written: 'group' (default) writes the changes of one tick in one atomic
   * write and answers each once durable, without blocking reads; 'sync' is the old one
   * synchronous write per change (kept for the benchmark's comparison).
   */
  stateWriteMode?: StateWriteMode;
  /** File operations of the state file writes; tests inject slow or failing ones. */
  stateFileOps?: AsyncFsOps;
  /** Header and request timeouts (default DEFAULT_TIMEOUTS: 10 s and 30 s). */
  timeouts?: { headersMs?: number; requestMs?: number };
}

export interface EmulatorHandle {
  /** e.g. http://127.0.0.1:54321 */
  readonly url: string;
  readonly port: number;
  readonly host: string;
  /** The first accepted access key pair (the demo one by default). */
  readonly credentials: EmulatorCredentials;
  /** The live state (replaced on reset, so read it through the handle). */
  readonly state: EmulatorState;
  readonly control: EmulatorControl;
  close(): Promise<void>;
}

export const DEFAULT_HOST = '127.0.0.1';

/** How long a caller may take to send its headers, and its whole request (not the answer). */
export const DEFAULT_TIMEOUTS = { headersMs: 10_000, requestMs: 30_000 } as const;

/**
 * A request without Host is answered by the emulator itself (the control endpoint refuses it, an
 * API call gets the gateway's envelope), not by node's bare 400. Slow callers are cut off: headers
 * within `headersMs`, the whole request within `requestMs`, idle keep-alive connections after 5 s.
 */
function serverOptions(timeouts: { headersMs: number; requestMs: number }): ServerOptions {
  return {
    requireHostHeader: false,
    headersTimeout: timeouts.headersMs,
    requestTimeout: timeouts.requestMs,
    keepAliveTimeout: 5_000,
    // How often node checks the two timeouts above (its default, 30 s, would let them overrun).
    connectionsCheckingInterval: Math.max(50, Math.min(1_000, Math.floor(timeouts.headersMs / 4))),
  };
}
export const DEFAULT_ORDER_DELIVERY_MS = 2000;

export async function startEmulator(options: EmulatorOptions = {}): Promise<EmulatorHandle> {
  const clock = options.clock ?? systemClock;
  const seed = options.seed ?? {};
  const accessKeys = new AccessKeyTable(options.accessKeys ?? [DEMO_CREDENTIALS]);
  const log = options.log ?? ((line: string) => process.stderr.write(`[emulator] ${line}\n`));
  if (options.stateFile) {
    const removed = removeStaleTempFiles(options.stateFile);
    if (removed.length > 0) log(`removed ${removed.length} temp file(s) a crashed run left beside ${options.stateFile}: ${removed.join(', ')}`);
  }
  let initialState = options.stateFile ? loadStateFile(options.stateFile) : undefined;
  if (!initialState) {
    initialState = createSeedState(clock.now(), seed);
    if (options.stateFile) writeStateFileAtomic(options.stateFile, initialState);
  }
  const runtimeInit: ConstructorParameters<typeof EmulatorRuntime>[0] = {
    clock,
    accessKeys,
    router: new Router(defaultRoutes()),
    settings: {
      orderDeliveryMs: options.orderDeliveryMs ?? DEFAULT_ORDER_DELIVERY_MS,
      usage: { live: options.usage?.live ?? true, ratesPerHour: options.usage?.ratesPerHour ?? {} },
      acceptEmptyVoiceState: options.acceptEmptyVoiceState ?? false,
    },
    signatureWindowMs: options.signatureWindowMs ?? SIGNATURE_WINDOW_MS,
    seed,
    initialFaults: options.faults ?? {},
    initialState,
    random: options.random ?? cryptoRandom,
    idRandom: cryptoRandom,
    log,
    quiet: options.quiet ?? false,
  };
  if (options.stateFile) runtimeInit.stateFile = options.stateFile;
  if (options.stateWriteMode) runtimeInit.stateWriteMode = options.stateWriteMode;
  if (options.stateFileOps) runtimeInit.stateFileOps = options.stateFileOps;
  const runtime = new EmulatorRuntime(runtimeInit);

  const handle = (req: IncomingMessage, res: ServerResponse) => {
    const isControl = (req.url ?? '').startsWith(CONTROL_PREFIX);
    const handling = isControl ? handleControlRequest(req, res, runtime) : handleApiRequest(req, res, runtime);
    handling.catch((error: unknown) => {
      runtime.init.log(`emulator failure: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      if (!res.headersSent) res.writeHead(500).end();
      else res.destroy();
    });
  };
  const server = createServer(serverOptions({ ...DEFAULT_TIMEOUTS, ...options.timeouts }), handle);
  // `Expect: 100-continue`: a body declared too large is refused (413) before the caller sends it.
  server.on('checkContinue', (req: IncomingMessage, res: ServerResponse) => {
    if (!declaresTooLarge(req)) res.writeContinue();
    handle(req, res);
  });
  const host = options.host ?? DEFAULT_HOST;
  await listen(server, options.port ?? 0, host);
  const port = (server.address() as AddressInfo).port;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;

  let closing: Promise<void> | undefined;
  return {
    url,
    port,
    host,
    credentials: accessKeys.primary(),
    get state() {
      return runtime.state;
    },
    control: runtime,
    close() {
      closing ??= new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }).then(async () => {
        // Usage accrued since the last write is saved too; every acknowledged mutation was already on disk.
        if (options.stateFile) {
          runtime.catchUp();
          await runtime.saved().catch((error: unknown) => log(`the state at close was not saved: ${error instanceof Error ? error.message : String(error)}`));
          await runtime.writer?.close();
        }
      });
      return closing;
    },
  };
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
}
