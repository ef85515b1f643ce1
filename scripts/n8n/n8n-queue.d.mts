// Types for n8n-queue.mjs (n8n queue mode for e2e tests and benchmarks). See docs/n8n-queue-mode.md.
import type { ChildProcess } from 'node:child_process';

import type { CredentialInput, N8nSandbox, WorkflowJson } from './n8n-harness.mjs';

/** Thrown when PostgreSQL, Redis or n8n is missing; the message says what to install. */
export declare class QueuePrerequisiteMissing extends Error {}

export interface QueuePrerequisites {
  /** one sentence per missing part (which apt package to install), or undefined */
  missing?: string;
  postgresBin?: string;
  psql?: string;
  redisServer?: string;
}
export declare function queuePrerequisites(): QueuePrerequisites;

export interface ServerProcess {
  name: string;
  child: ChildProcess;
  /** also the process group id: the server runs detached in its own group */
  pid: number;
  /** stdout + stderr so far (the last ~2 MB) */
  output: string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  sandbox?: N8nSandbox;
}

export interface ThrowAwayPostgres {
  dir: string;
  host: '127.0.0.1';
  port: number;
  database: 'n8n';
  user: 'n8n';
  password: string;
  proc: ServerProcess;
  /** psql as the superuser over the socket; rows as arrays of strings */
  query(sql: string, db?: string): string[][];
  stop(): Promise<void>;
}
/** initdb (as `postgres` when root) + postgres on a free loopback port, socket in the temp folder, database n8n. */
export declare function startPostgres(options?: { baseDir?: string; timeoutMs?: number }): Promise<ThrowAwayPostgres>;

export interface ThrowAwayRedis {
  host: '127.0.0.1';
  port: number;
  proc: ServerProcess;
  stop(): Promise<void>;
}
/** redis-server --bind 127.0.0.1 --port FREE --save '' --appendonly no */
export declare function startRedis(options?: { baseDir?: string; timeoutMs?: number }): Promise<ThrowAwayRedis>;

/** DB_*, EXECUTIONS_MODE=queue, QUEUE_BULL_REDIS_* shared by main and workers. */
export declare function queueEnv(pg: ThrowAwayPostgres, redis: ThrowAwayRedis): Record<string, string>;

export interface StoredQueueExecution {
  id: string;
  workflowId: string;
  mode: string;
  status: string;
  finished: boolean;
}

export interface QueueCluster {
  root: string;
  url: string;
  pg: ThrowAwayPostgres;
  redis: ThrowAwayRedis;
  main: ServerProcess;
  mainSandbox: N8nSandbox;
  workers: ServerProcess[];
  tarball: string;
  published: string[];
  sharedEnv: Record<string, string>;
  timings: { servicesMs?: number; installMs?: number; importMs?: number; startMs?: number; totalMs?: number };
  /** one more worker (own user folder with the package, own broker and health-check ports) */
  addWorker(options?: { concurrency?: number }): Promise<ServerProcess>;
  /** a production webhook call: POST /webhook/<path> with a JSON body */
  webhook(path: string, body?: unknown, options?: { method?: string }): Promise<{ status: number; body: unknown; ms: number }>;
  /** from the logs: execution id -> worker name ("Worker started/finished execution N"), ids main enqueued */
  executionsByProcess(): { started: Map<string, string>; finished: Map<string, string>; enqueued: Set<string> };
  workerOf(executionId: string | number): string | undefined;
  executions(workflowId?: string): StoredQueueExecution[];
  executionData(executionId: string | number): { runData: Record<string, unknown[]>; error?: unknown } | undefined;
  /** resident memory in MiB of each process group (n8n process + its task runner), redis, postgres */
  memoryMiB(): Record<string, number>;
  logs(): Record<string, string>;
  /** kills every process group (SIGTERM, SIGKILL after a grace period) and removes the temp folders */
  stop(): Promise<void>;
}

export interface StartQueueClusterOptions {
  /** packed with `npm pack` (dist/ must be built) */
  packageDir?: string;
  /** an existing `npm pack` tarball instead of packageDir */
  tarball?: string;
  /** default 2 */
  workers?: number;
  /** `n8n worker --concurrency`, default 5 */
  concurrency?: number;
  credentials?: CredentialInput[];
  /** workflow JSON, each with an id */
  workflows?: WorkflowJson[];
  /** ids to publish (activate) before main starts; default every workflow */
  publish?: string[];
  /** extra settings for main only (e.g. OFFLOAD_MANUAL_EXECUTIONS_TO_WORKERS) */
  mainEnv?: Record<string, string>;
  /** extra settings for every n8n process */
  env?: Record<string, string>;
  /** whole start, default 300 s */
  timeoutMs?: number;
  /** watchdog: everything is killed after this long (default 30 min) */
  maxLifetimeMs?: number;
  baseDir?: string;
}
export declare function startQueueCluster(options?: StartQueueClusterOptions): Promise<QueueCluster>;
