/**
 * startEmulator: a real HTTP server (node:http) speaking the Doubao Speech console OpenAPI.
 * Requests under /__emulator/ go to the control endpoint; everything else is an API call.
 */
import { createServer, type Server, type ServerOptions } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SIGNATURE_WINDOW_MS } from '@volc-speech/client';
import { AccessKeyTable, DEMO_CREDENTIALS, type AccessKeyEntry, type EmulatorCredentials } from './auth/accessKeys.js';
import { handleApiRequest } from './apiRequest.js';
import { systemClock, type EmulatorClock } from './clock.js';
import { CONTROL_PREFIX, handleControlRequest } from './control.js';
import type { FaultSettings } from './faults.js';
import { loadStateFile, writeStateFileAtomic } from './persistence.js';
import { defaultRoutes, Router } from './router.js';
import { EmulatorRuntime, type EmulatorControl } from './runtime.js';
import { createSeedState, type SeedOptions } from './seed.js';
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
  /** Randomness for errorRate/dropRate (default crypto); tests pass a fixed sequence. */
  random?: RandomSource;
  /** Where log lines go (default stderr). */
  log?: (line: string) => void;
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

/**
 * A request without Host is answered by the emulator itself (the control endpoint refuses it, an
 * API call gets the gateway's envelope), not by node's bare 400.
 */
const SERVER_OPTIONS: ServerOptions = { requireHostHeader: false };
export const DEFAULT_ORDER_DELIVERY_MS = 2000;

export async function startEmulator(options: EmulatorOptions = {}): Promise<EmulatorHandle> {
  const clock = options.clock ?? systemClock;
  const seed = options.seed ?? {};
  const accessKeys = new AccessKeyTable(options.accessKeys ?? [DEMO_CREDENTIALS]);
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
    },
    signatureWindowMs: options.signatureWindowMs ?? SIGNATURE_WINDOW_MS,
    seed,
    initialFaults: options.faults ?? {},
    initialState,
    random: options.random ?? cryptoRandom,
    idRandom: cryptoRandom,
    log: options.log ?? ((line) => process.stderr.write(`[emulator] ${line}\n`)),
    quiet: options.quiet ?? false,
  };
  if (options.stateFile) runtimeInit.stateFile = options.stateFile;
  const runtime = new EmulatorRuntime(runtimeInit);

  const server = createServer(SERVER_OPTIONS, (req, res) => {
    const isControl = (req.url ?? '').startsWith(CONTROL_PREFIX);
    const handling = isControl ? handleControlRequest(req, res, runtime) : handleApiRequest(req, res, runtime);
    handling.catch((error: unknown) => {
      runtime.init.log(`emulator failure: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      if (!res.headersSent) res.writeHead(500).end();
      else res.destroy();
    });
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
      }).then(() => {
        // Usage accrued since the last write is saved too; every mutation was already on disk.
        if (options.stateFile) {
          runtime.catchUp();
          runtime.persist();
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
