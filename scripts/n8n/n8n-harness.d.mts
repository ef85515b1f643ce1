// Types for n8n-harness.mjs (for TypeScript e2e tests). See README.md in this folder.

export declare const N8N_VERSION: string;
export declare const REPO_ROOT: string;
/** .tools/n8n, or $N8N_E2E_HOME */
export declare const N8N_HOME: string;
export declare const N8N_BIN: string;
export declare const DEFAULT_ENCRYPTION_KEY: string;

export declare class N8nNotInstalledError extends Error {}

export declare function resolveN8nBin(): string;
export declare function resolveNodeBin(): string;
export declare function isN8nInstalled(): boolean;
export declare function getFreePort(): Promise<number>;
/** Process-group ids of the n8n/npm processes this module started that still run (each child leads its own group). */
export declare function liveProcessGroups(): number[];
/** SIGKILL to every such group; returns the ids that were still there. */
export declare function killAllProcessGroups(): number[];
export declare function n8nEnv(
  userFolder: string,
  options?: { encryptionKey?: string; expressionEngine?: 'legacy' | 'vm' },
): Record<string, string>;

export interface N8nSandbox {
  userFolder: string;
  env: Record<string, string>;
  packageName?: string;
  dbPath: string;
}

export interface CreateSandboxOptions {
  /** an `npm pack` tarball (packPackage), installed the way n8n's Community Nodes install does */
  tarball?: string;
  baseDir?: string;
  encryptionKey?: string;
  /** default 'legacy' (n8n's own default 'vm' segfaults at exit under load) */
  expressionEngine?: 'legacy' | 'vm';
  env?: Record<string, string>;
}

export declare function createN8nSandbox(options?: CreateSandboxOptions): Promise<N8nSandbox>;
export declare function removeSandbox(sandbox: N8nSandbox): Promise<void>;

export interface PackedPackage {
  tarball: string;
  /** paths inside the tarball, relative to package/ */
  files: string[];
  size: number;
  unpackedSize: number;
}
/** `npm pack --json --pack-destination destDir` in packageDir. */
export declare function packPackage(packageDir: string, destDir: string): Promise<PackedPackage>;
/** Extract + strip dev/peer/optional deps + `npm install --install-strategy=shallow --ignore-scripts=true`, as n8n 2.40 does. */
export declare function installPackageTarball(nodesDir: string, tarball: string): Promise<{ name: string; version: string; dir: string }>;

export interface N8nServer {
  url: string;
  port: number;
  /** `n8n-auth=…` of the owner account, for fetch and for a browser context */
  cookie: string;
  owner: { email: string; firstName: string; lastName: string; password: string };
  pid: number | undefined;
  log(): string;
  /** Stops the process group it started, n8n's task runner included (SIGTERM, SIGKILL after 15 s). */
  stop(): Promise<void>;
}
/** `n8n start` on a free loopback port with an owner account set up and logged in. */
export declare function startN8nServer(sandbox: N8nSandbox, options?: { timeoutMs?: number; env?: Record<string, string> }): Promise<N8nServer>;

export interface N8nProcessResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  durationMs: number;
}
export declare function runN8n(
  sandbox: N8nSandbox,
  args: string[],
  options?: { timeoutMs?: number; env?: Record<string, string>; onOutput?: (output: string, child: unknown) => void },
): Promise<N8nProcessResult>;

export interface CredentialInput {
  id?: string;
  name?: string;
  type: string;
  data: Record<string, unknown>;
}
export declare function importCredentials(
  sandbox: N8nSandbox,
  credentials: CredentialInput | CredentialInput[],
): Promise<{ credentials: { id: string; name: string; type: string }[]; durationMs: number }>;

/** n8n workflow JSON (nodes, connections, optional id <= 21 chars, settings). */
export type WorkflowJson = Record<string, unknown> & { id?: string; nodes: unknown[]; connections?: unknown };

export declare function importWorkflow(
  sandbox: N8nSandbox,
  workflow: WorkflowJson,
): Promise<{ id: string; workflow: WorkflowJson; durationMs: number }>;
export declare function importWorkflows(
  sandbox: N8nSandbox,
  workflows: WorkflowJson[],
): Promise<{ ids: string[]; workflows: WorkflowJson[]; durationMs: number }>;

export interface TaskData {
  startTime: number;
  executionTime: number;
  executionStatus?: string;
  data?: { main?: ({ json: Record<string, unknown>; binary?: unknown; pairedItem?: unknown }[] | null)[] };
  error?: { message: string; description?: string };
  source?: unknown[];
}
export type RunData = Record<string, TaskData[]>;

export interface RunResult {
  /** n8n's status ('success' | 'error' | ...), or 'no-output' when no run JSON was printed */
  status: string;
  runData: RunData;
  lastNodeExecuted?: string;
  error?: { message: string; description?: string; node?: string };
  /** the whole object `n8n execute --rawOutput` printed */
  execution?: Record<string, unknown>;
  rawStdout: string;
  rawStderr: string;
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  /** the JSON was complete but the process then crashed (the isolated-vm exit segfault) */
  crashedOnExit: boolean;
  durationMs: number;
  importMs: number;
  executeMs: number;
  workflowId: string;
}
export declare function runWorkflow(sandbox: N8nSandbox, workflow: WorkflowJson, options?: { timeoutMs?: number }): Promise<RunResult>;
export declare function executeWorkflow(sandbox: N8nSandbox, workflowId: string, options?: { timeoutMs?: number }): Promise<RunResult>;
export declare function parseExecuteOutput(stdout: string): Record<string, any> | undefined;
/** json of the items a node output: runData[node][runIndex].data.main[output] */
export declare function nodeOutput(
  result: { runData?: RunData },
  nodeName: string,
  options?: { runIndex?: number; output?: number },
): Record<string, unknown>[];

export interface StoredExecution {
  id: string;
  mode: string;
  status: string;
  finished: boolean;
  startedAt: string;
  stoppedAt: string | null;
  runData: RunData;
  lastNodeExecuted?: string;
  error?: { message: string; description?: string };
  data?: Record<string, any>;
}
export declare function readExecutions(
  sandbox: N8nSandbox,
  workflowId: string,
  options?: { includeData?: boolean },
): Promise<StoredExecution[]>;

export interface PollingRunResult {
  /** last execution's status, 'no-execution' (poll() returned null), 'activation-error' (poll() threw), 'not-activated' */
  status: string;
  runData: RunData;
  error?: { message: string; description?: string };
  executions: StoredExecution[];
  activation?: { status: string; error?: string; triggers: { nodeId: string; status: string; errorMessage: string | null }[] };
  activationError?: string;
  serverLog: string;
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  durationMs: number;
  startupMs?: number;
  activationMs?: number;
  importMs: number;
  publishMs: number;
  serverMs: number;
  unpublishMs?: number;
  unpublishError?: string;
  workflowId: string;
}
export declare function runPollingWorkflow(
  sandbox: N8nSandbox,
  workflow: WorkflowJson,
  options?: { timeoutMs?: number; settleMs?: number; expectExecutions?: number; keepPublished?: boolean },
): Promise<PollingRunResult>;
