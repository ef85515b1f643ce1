/**
 * Typed access to scripts/n8n/n8n-harness.mjs (plain JS, owned by the n8n install scripts), and
 * the decision whether the end-to-end suite can run here: it must in CI, it may skip locally.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export const REPO_ROOT = join(import.meta.dirname, '../../../..');
export const HARNESS_PATH = join(REPO_ROOT, 'scripts/n8n/n8n-harness.mjs');

export interface Sandbox {
  userFolder: string;
  packageName: string;
  env: Record<string, string>;
  dbPath: string;
}

export interface N8nServer {
  url: string;
  port: number;
  /** `n8n-auth=…` of the owner account */
  cookie: string;
  owner: { email: string; password: string };
  pid: number | undefined;
  log(): string;
  stop(): Promise<void>;
}

export interface StoredExecution {
  id: string;
  mode: string;
  status: string;
  finished: boolean;
  runData: Record<string, NodeRun[]>;
  lastNodeExecuted?: string;
  error?: { message?: string; description?: string };
}

export interface RunItem {
  json: Record<string, unknown>;
  pairedItem?: unknown;
}

export interface NodeRun {
  executionTime?: number;
  data?: { main?: Array<RunItem[] | null> };
  error?: { message?: string; description?: string };
}

export interface WorkflowRun {
  status: string;
  runData: Record<string, NodeRun[]>;
  error?: { message?: string; description?: string; node?: string };
  rawStdout: string;
  rawStderr: string;
  durationMs: number;
  executeMs?: number;
}

export interface PollingRun extends WorkflowRun {
  executions: Array<{ status: string; runData: Record<string, NodeRun[]> }>;
  activationError?: string;
  serverLog: string;
}

export interface Workflow {
  id?: string;
  name?: string;
  nodes: Array<Record<string, unknown> & { name: string; type: string; parameters: Record<string, unknown> }>;
  connections: Record<string, unknown>;
  settings?: Record<string, unknown>;
}

export interface Harness {
  N8N_VERSION: string;
  N8N_HOME: string;
  isN8nInstalled(): boolean;
  resolveNodeBin(): string;
  packPackage(packageDir: string, destDir: string): Promise<{ tarball: string; files: string[]; size: number; unpackedSize: number }>;
  createN8nSandbox(options: { tarball: string }): Promise<Sandbox>;
  startN8nServer(sandbox: Sandbox, options?: { timeoutMs?: number; env?: Record<string, string> }): Promise<N8nServer>;
  importWorkflow(sandbox: Sandbox, workflow: Workflow): Promise<{ id: string; workflow: Workflow }>;
  readExecutions(sandbox: Sandbox, workflowId: string): Promise<StoredExecution[]>;
  runN8n(
    sandbox: Sandbox,
    args: string[],
    options?: { timeoutMs?: number; env?: Record<string, string>; onOutput?: (output: string, child: { pid?: number }) => void },
  ): Promise<{ code: number | null; signal: string | null; stdout: string; stderr: string }>;
  getFreePort(): Promise<number>;
  liveProcessGroups(): number[];
  killAllProcessGroups(): number[];
  removeSandbox(sandbox: Sandbox): Promise<void>;
  importCredentials(sandbox: Sandbox, credentials: Array<{ id: string; name: string; type: string; data: Record<string, unknown> }>): Promise<unknown>;
  runWorkflow(sandbox: Sandbox, workflow: Workflow, options?: { timeoutMs?: number }): Promise<WorkflowRun>;
  runPollingWorkflow(sandbox: Sandbox, workflow: Workflow, options?: { timeoutMs?: number; settleMs?: number }): Promise<PollingRun>;
}

export interface HarnessAvailability {
  harness?: Harness;
  /** Why the suite cannot run, when it cannot. */
  missing?: string;
}

export async function loadHarness(): Promise<HarnessAvailability> {
  if (!existsSync(HARNESS_PATH)) return { missing: `the n8n harness ${HARNESS_PATH} does not exist` };
  const harness = (await import(pathToFileURL(HARNESS_PATH).href)) as Harness;
  if (!harness.isN8nInstalled()) return { harness, missing: `n8n is not installed in ${harness.N8N_HOME} (run bash scripts/n8n/install-n8n.sh)` };
  return { harness };
}

/** Items of one node's first output in a run. */
export function outputOf(run: { runData: Record<string, NodeRun[]> }, nodeName: string, runIndex = 0): RunItem[] {
  return run.runData[nodeName]?.[runIndex]?.data?.main?.[0] ?? [];
}

/**
 * A shipped example (examples/<file>), its credentials pointed at the test's credential: the
 * examples name one the user picks on import.
 */
export function exampleWorkflow(file: string, credential: { id: string; name: string }): Workflow {
  const workflow = JSON.parse(readFileSync(join(import.meta.dirname, '../../examples', file), 'utf8')) as Workflow;
  for (const node of workflow.nodes) if (node.credentials) node.credentials = { volcSpeechApi: credential };
  return workflow;
}
