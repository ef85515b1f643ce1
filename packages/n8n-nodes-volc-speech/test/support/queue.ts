/**
 * Typed access to scripts/n8n/n8n-queue.mjs (n8n in queue mode: Postgres, Redis, main, workers),
 * and whether it can run here (n8n, PostgreSQL and Redis installed).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

import { REPO_ROOT } from './harness';
import type { NodeRun, Workflow } from './harness';

export const QUEUE_HARNESS_PATH = join(REPO_ROOT, 'scripts/n8n/n8n-queue.mjs');

export interface ServerProcess {
  name: string;
  pid: number;
  output: string;
}

export interface QueueCluster {
  root: string;
  url: string;
  pg: { dir: string; proc: ServerProcess };
  redis: { proc: ServerProcess };
  main: ServerProcess;
  workers: ServerProcess[];
  timings: Record<string, number>;
  tarball: string;
  addWorker(options?: { concurrency?: number }): Promise<ServerProcess>;
  webhook(path: string, body?: unknown, options?: { method?: string }): Promise<{ status: number; body: unknown; ms: number }>;
  executionsByProcess(): { started: Map<string, string>; finished: Map<string, string>; enqueued: Set<string> };
  workerOf(executionId: string): string | undefined;
  executions(workflowId?: string): Array<{ id: string; workflowId: string; mode: string; status: string; finished: boolean }>;
  executionData(executionId: string): { runData: Record<string, NodeRun[]>; error?: { message?: string } } | undefined;
  memoryMiB(): Record<string, number>;
  logs(): Record<string, string>;
  stop(): Promise<void>;
}

export interface QueueHarness {
  queuePrerequisites(): { missing?: string };
  startQueueCluster(options: {
    packageDir?: string;
    tarball?: string;
    workers?: number;
    concurrency?: number;
    credentials?: Array<{ id: string; name: string; type: string; data: Record<string, unknown> }>;
    workflows?: Workflow[];
    publish?: string[];
    mainEnv?: Record<string, string>;
    env?: Record<string, string>;
    timeoutMs?: number;
  }): Promise<QueueCluster>;
}

export async function loadQueueHarness(): Promise<{ queue?: QueueHarness; missing?: string }> {
  if (!existsSync(QUEUE_HARNESS_PATH)) return { missing: `the queue-mode harness ${QUEUE_HARNESS_PATH} does not exist` };
  const queue = (await import(pathToFileURL(QUEUE_HARNESS_PATH).href)) as QueueHarness;
  const { missing } = queue.queuePrerequisites();
  return missing ? { queue, missing } : { queue };
}
