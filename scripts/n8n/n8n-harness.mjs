// Harness for end-to-end tests against the REAL n8n (headless CLI), no dependencies.
//
// n8n itself is installed outside the npm workspace by scripts/n8n/install-n8n.sh into
// .tools/n8n (git-ignored). Each test gets a throw-away N8N_USER_FOLDER ("sandbox") with
// its own SQLite database and the community package under test installed from its `npm pack`
// tarball into <userFolder>/.n8n/nodes/node_modules/<packageName>/, the way n8n's Community
// Nodes install puts it there.
//
// Every n8n process runs in its own process group; stopping it (or a timeout) signals the whole
// group, so n8n's task runner goes too, and groups still alive when this process exits are killed.
//
//   const { tarball } = await packPackage(packageDir, tmpDir);
//   const sb = await createN8nSandbox({ tarball });
//   await importCredentials(sb, [{ id: 'cred1', name: 'Foo', type: 'fooApi', data: { apiKey: 'x' } }]);
//   const r = await runWorkflow(sb, workflowJson);        // n8n import:workflow + n8n execute --id
//   r.status === 'success'; r.runData['My Node'][0].data.main[0][0].json
//   const p = await runPollingWorkflow(sb, pollWorkflowJson); // publish + n8n start, poll() runs once
//   await removeSandbox(sb);
//
// See scripts/n8n/README.md for timings and gotchas.
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const N8N_VERSION = '2.40.7';
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const N8N_HOME = process.env.N8N_E2E_HOME ?? path.join(REPO_ROOT, '.tools', 'n8n');
export const N8N_BIN = path.join(N8N_HOME, 'node_modules', '.bin', 'n8n');
const MARKER = path.join(N8N_HOME, '.n8n-e2e-installed');
const NODE24_BIN_DIR = path.join(REPO_ROOT, '.tools', 'node24', 'bin');
const INSTALL_HINT = 'Run `bash scripts/n8n/install-n8n.sh` (from the repo root) to install it.';

/** Fixed key: credentials imported by importCredentials are encrypted with it. */
export const DEFAULT_ENCRYPTION_KEY = 'n8n-e2e-harness-fixed-encryption-key-0001';

const PACKAGE_NAME_RE = /^(@[a-z0-9][\w.-]*\/)?n8n-nodes-[\w.-]+$/;

export class N8nNotInstalledError extends Error {}

// ---------------------------------------------------------------- process groups

/** Process-group ids of children started here that have not been cleaned up yet. */
const liveGroups = new Set();
let exitHookInstalled = false;

function signalGroup(pgid, signal) {
  try {
    process.kill(-pgid, signal);
    return true;
  } catch {
    return false; // ESRCH: the whole group is gone
  }
}

/**
 * spawn() in a new process group (detached: its own session), remembered until the group is
 * gone. When the leader ends, what is left of its group (n8n's task runner, say) is killed.
 */
function spawnGroup(command, args, options) {
  const child = spawn(command, args, { ...options, detached: true });
  if (child.pid) {
    const pgid = child.pid;
    liveGroups.add(pgid);
    child.on('close', () => {
      signalGroup(pgid, 'SIGKILL');
      liveGroups.delete(pgid);
    });
  }
  if (!exitHookInstalled) {
    exitHookInstalled = true;
    // A test runner that exits (after a timeout, a failed hook, Ctrl+C) leaves no n8n behind.
    process.on('exit', () => {
      for (const pgid of liveGroups) signalGroup(pgid, 'SIGKILL');
    });
  }
  return child;
}

/** Sends `signal` to the child's whole process group. */
function killTree(child, signal) {
  if (child.pid) signalGroup(child.pid, signal);
  else child.kill(signal);
}

/** Process-group ids of n8n (and npm) processes this module started that are still running. */
export function liveProcessGroups() {
  return [...liveGroups];
}

/** Kills (SIGKILL) every process group this module started that is still running. */
export function killAllProcessGroups() {
  const killed = [...liveGroups].filter((pgid) => signalGroup(pgid, 'SIGKILL'));
  return killed;
}

/** Path of the n8n CLI (.tools/n8n/node_modules/.bin/n8n); throws with install instructions if missing. */
export function resolveN8nBin() {
  if (!existsSync(N8N_BIN)) {
    throw new N8nNotInstalledError(`n8n is not installed: ${N8N_BIN} is missing. ${INSTALL_HINT}`);
  }
  if (!existsSync(MARKER)) {
    throw new N8nNotInstalledError(
      `n8n install in ${N8N_HOME} is incomplete (no marker ${path.basename(MARKER)}). ${INSTALL_HINT}`,
    );
  }
  return N8N_BIN;
}

/** The Node binary n8n runs on: n8n 2.x needs Node >= 24. */
export function resolveNodeBin() {
  const local = path.join(NODE24_BIN_DIR, 'node');
  if (existsSync(local)) return local;
  if (Number(process.versions.node.split('.')[0]) >= 24) return process.execPath;
  throw new N8nNotInstalledError(
    `n8n ${N8N_VERSION} needs Node >= 24 but ${local} is missing and this process runs Node ${process.version}. ` +
      'Run `source scripts/node24.sh` once (scripts/n8n/install-n8n.sh does that).',
  );
}

/** True when n8n is installed (for `describe.skipIf(!isN8nInstalled())`). */
export function isN8nInstalled() {
  try {
    resolveN8nBin();
    resolveNodeBin();
    return true;
  } catch {
    return false;
  }
}

/** A free TCP port on 127.0.0.1 (n8n's task broker and server each need one per process). */
export async function getFreePort() {
  return await new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

// Variables of the calling process that must not reach n8n: NODE_ENV=test (vitest) makes
// n8n refuse to load nodes ("Not available in tests"); NODE_OPTIONS may carry test-runner
// loaders; N8N_*/DB_* would override the sandbox.
function baseEnv() {
  const env = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (v === undefined) continue;
    if (/^(N8N_|DB_|EXECUTIONS_|QUEUE_|NODES_|CREDENTIALS_|GENERIC_|WEBHOOK_URL$)/.test(k)) continue;
    if (['NODE_ENV', 'NODE_OPTIONS', 'NODE_PATH', 'NODE_CONFIG_DIR', 'VITEST', 'E2E_TESTS'].includes(k)) continue;
    if (k.startsWith('VITEST_') || k.startsWith('npm_')) continue;
    env[k] = v;
  }
  return env;
}

/**
 * Environment for a quiet, offline, deterministic n8n. Exported so tests can inspect or extend it.
 */
export function n8nEnv(userFolder, { encryptionKey = DEFAULT_ENCRYPTION_KEY, expressionEngine = 'legacy' } = {}) {
  const env = baseEnv();
  // The internal task runner is spawned as `node …/task-runner/dist/start.js` via PATH: put Node 24 first.
  env.PATH = [path.dirname(resolveNodeBin()), env.PATH].filter(Boolean).join(path.delimiter);
  Object.assign(env, {
    N8N_USER_FOLDER: userFolder,
    DB_TYPE: 'sqlite',
    N8N_ENCRYPTION_KEY: encryptionKey,
    GENERIC_TIMEZONE: 'UTC',
    TZ: 'UTC',
    NO_COLOR: '1',
    N8N_LOG_LEVEL: 'info', // `execute` prints the JSON of a *failed* run through logger.info: keep info
    N8N_LOG_OUTPUT: 'console',
    // no telemetry / phoning home
    N8N_DIAGNOSTICS_ENABLED: 'false',
    N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
    N8N_VERSION_NOTIFICATIONS_WHATS_NEW_ENABLED: 'false',
    N8N_TEMPLATES_ENABLED: 'false',
    N8N_DYNAMIC_BANNERS_ENABLED: 'false',
    N8N_PERSONALIZATION_ENABLED: 'false',
    N8N_HIRING_BANNER_ENABLED: 'false',
    N8N_AI_ENABLED: 'false',
    N8N_LICENSE_AUTO_RENEW_ENABLED: 'false',
    N8N_LICENSE_DETACH_FLOATING_ON_SHUTDOWN: 'false',
    // mcp-registry fetches api.n8n.io on `n8n start`; instance-ai/agents/chat-hub are not needed here
    N8N_DISABLED_MODULES: 'mcp-registry,instance-ai,agents,agent-evals,chat-hub,workflow-builder,insights',
    // community packages: load what is on disk, never ask a registry, never reinstall
    N8N_COMMUNITY_PACKAGES_ENABLED: 'true',
    N8N_UNVERIFIED_PACKAGES_ENABLED: 'true',
    N8N_VERIFIED_PACKAGES_ENABLED: 'false',
    N8N_REINSTALL_MISSING_PACKAGES: 'false',
    // explicit values silence the deprecation notices of `n8n start`
    N8N_RUNNERS_MODE: 'internal',
    N8N_RUNNERS_TASK_TIMEOUT: '300',
    N8N_COMPRESSION_NODE_MAX_DECOMPRESSED_SIZE_BYTES: String(2 * 1024 ** 3),
    N8N_COMPRESSION_NODE_MAX_ZIP_ENTRIES: '5000',
    N8N_RUNNERS_BROKER_LISTEN_ADDRESS: '127.0.0.1',
    N8N_LISTEN_ADDRESS: '127.0.0.1',
    N8N_SECURE_COOKIE: 'false',
    N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'true',
    N8N_SCHEDULER_SYSTEM_TASKS_ENABLED: 'false',
    // The default "vm" engine (isolated-vm) segfaults at process exit under load (13/30 runs
    // with 3 in parallel on 2 cores); "legacy" never loads isolated-vm (0/30). See README.
    N8N_EXPRESSION_ENGINE: expressionEngine,
  });
  return env;
}

/**
 * Creates a temp N8N_USER_FOLDER with the community package installed from its tarball, as
 * n8n's Community Nodes install does it (see installPackageTarball).
 * @param {object} o
 * @param {string} o.tarball  an `npm pack` tarball (packPackage makes one)
 * @param {string} [o.baseDir=os.tmpdir()]
 * @param {string} [o.encryptionKey]
 * @param {'legacy'|'vm'} [o.expressionEngine='legacy'] n8n's own default is 'vm' (see README)
 * @param {Record<string,string>} [o.env] extra environment (wins over the defaults)
 */
export async function createN8nSandbox({
  tarball,
  baseDir = os.tmpdir(),
  encryptionKey = DEFAULT_ENCRYPTION_KEY,
  expressionEngine = 'legacy',
  env: extraEnv = {},
  ...rest
} = {}) {
  if ('packageDir' in rest) {
    throw new Error('createN8nSandbox installs from a tarball, as users get the package: `const { tarball } = await packPackage(packageDir, dir)` first');
  }
  resolveN8nBin();
  const userFolder = await mkdtemp(path.join(baseDir, 'n8n-e2e-'));
  const nodesDir = path.join(userFolder, '.n8n', 'nodes');
  await mkdir(path.join(nodesDir, 'node_modules'), { recursive: true });
  const dependencies = {};
  let packageName;
  if (tarball) {
    const installed = await installPackageTarball(nodesDir, tarball);
    packageName = installed.name;
    dependencies[installed.name] = installed.version;
  }
  await writeFile(
    path.join(nodesDir, 'package.json'),
    JSON.stringify({ name: 'installed-nodes', private: true, dependencies }, null, 2) + '\n',
  );
  const env = { ...n8nEnv(userFolder, { encryptionKey, expressionEngine }), ...extraEnv };
  return { userFolder, env, packageName, dbPath: path.join(userFolder, '.n8n', 'database.sqlite') };
}

/**
 * `npm pack` of a package folder into `destDir`; returns the tarball's path. What a user gets
 * from the registry is this file.
 */
export async function packPackage(packageDir, destDir) {
  const r = await runCommand('npm', ['pack', '--json', '--pack-destination', destDir], { cwd: packageDir });
  if (r.code !== 0) throw new Error(`npm pack failed (exit ${r.code})\n${r.stderr}`);
  const [info] = JSON.parse(r.stdout.slice(r.stdout.indexOf('[')));
  return { tarball: path.join(destDir, info.filename), files: info.files.map((f) => f.path), size: info.size, unpackedSize: info.unpackedSize };
}

/**
 * Installs a community-package tarball into `<N8N_USER_FOLDER>/.n8n/nodes` the way n8n 2.40's
 * Community Nodes install does (CommunityPackagesService.downloadPackage): extract it into
 * node_modules/<name>, drop devDependencies/peerDependencies/optionalDependencies from its
 * package.json, run `npm install --install-strategy=shallow --ignore-scripts=true …` inside it,
 * and list it in nodes/package.json. Only the registry download (`npm pack name@version`) is
 * replaced by the local tarball.
 */
export async function installPackageTarball(nodesDir, tarball) {
  const listing = await runCommand('tar', ['-xzOf', tarball, 'package/package.json'], {});
  if (listing.code !== 0) throw new Error(`${tarball} is not an npm tarball: ${listing.stderr}`);
  const { name, version } = JSON.parse(listing.stdout);
  if (!PACKAGE_NAME_RE.test(name)) throw new Error(`n8n only loads community packages named n8n-nodes-* or @scope/n8n-nodes-*; got "${name}"`);
  const target = path.join(nodesDir, 'node_modules', ...name.split('/'));
  await mkdir(target, { recursive: true });
  const untar = await runCommand('tar', ['-xzf', path.resolve(tarball), '-C', target, '--strip-components=1'], {});
  if (untar.code !== 0) throw new Error(`tar failed: ${untar.stderr}`);
  const pkgPath = path.join(target, 'package.json');
  const { devDependencies, peerDependencies, optionalDependencies, ...pkg } = JSON.parse(await readFile(pkgPath, 'utf8'));
  void devDependencies, void peerDependencies, void optionalDependencies;
  await writeFile(pkgPath, JSON.stringify(pkg, null, 2));
  const npm = await runCommand(
    'npm',
    ['install', '--audit=false', '--fund=false', '--bin-links=false', '--install-strategy=shallow', '--ignore-scripts=true', '--package-lock=false'],
    { cwd: target },
  );
  if (npm.code !== 0) throw new Error(`npm install in ${target} failed (exit ${npm.code})\n${npm.stderr}`);
  return { name, version, dir: target };
}

async function runCommand(command, args, { cwd }) {
  const env = baseEnv();
  env.PATH = [path.dirname(resolveNodeBin()), env.PATH].filter(Boolean).join(path.delimiter);
  return await new Promise((resolve, reject) => {
    const child = spawnGroup(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/**
 * `n8n start` in the sandbox on a free loopback port, with an owner account set up, for the
 * editor and the REST API. Returns { url, port, cookie, owner, log(), stop() }; stop() ends
 * the process it started (SIGTERM, then SIGKILL after 15 s).
 */
export async function startN8nServer(sandbox, { timeoutMs = 420_000, env: extraEnv = {} } = {}) {
  const port = await getFreePort();
  const env = { ...sandbox.env, N8N_PORT: String(port), N8N_RUNNERS_BROKER_PORT: String(await getFreePort()), ...extraEnv };
  const child = spawnGroup(resolveNodeBin(), [resolveN8nBin(), 'start'], { cwd: sandbox.userFolder, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.setEncoding('utf8').on('data', (d) => (output += d));
  child.stderr.setEncoding('utf8').on('data', (d) => (output += d));
  const exited = new Promise((resolve) => child.on('close', (code, signal) => resolve({ code, signal })));
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    killTree(child, 'SIGTERM');
    const timer = setTimeout(() => killTree(child, 'SIGKILL'), 15_000);
    await exited;
    clearTimeout(timer);
  };
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + timeoutMs;
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`n8n start exited (${child.exitCode})\n${output.slice(-3000)}`);
      if (Date.now() > deadline) throw new Error(`n8n start was not ready within ${timeoutMs} ms\n${output.slice(-3000)}`);
      const ok = /Editor is now accessible/.test(output) && (await fetch(`${url}/healthz`).then((r) => r.ok, () => false));
      if (ok) break;
      await new Promise((r) => setTimeout(r, 500));
    }
    const owner = { email: 'owner@example.test', firstName: 'E2E', lastName: 'Owner', password: 'E2e-owner-Passw0rd' };
    const setup = await fetch(`${url}/rest/owner/setup`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(owner) });
    let cookie = (setup.headers.getSetCookie?.() ?? []).map((c) => c.split(';')[0]).join('; ');
    if (!setup.ok || !cookie) {
      const login = await fetch(`${url}/rest/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ emailOrLdapLoginId: owner.email, password: owner.password }),
      });
      if (!login.ok) throw new Error(`owner setup (${setup.status}) and login (${login.status}) failed: ${await login.text()}`);
      cookie = (login.headers.getSetCookie?.() ?? []).map((c) => c.split(';')[0]).join('; ');
    }
    return { url, port, cookie, owner, pid: child.pid, log: () => output, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** Deletes the sandbox folder. */
export async function removeSandbox(sandbox) {
  if (sandbox?.userFolder) await rm(sandbox.userFolder, { recursive: true, force: true });
}

/**
 * Runs `n8n <args>` in the sandbox. Never rejects on a non-zero exit: returns
 * { code, signal, stdout, stderr, durationMs }. Rejects only on timeout or spawn failure.
 */
export async function runN8n(sandbox, args, { timeoutMs = 300_000, env: extraEnv = {}, onOutput } = {}) {
  const bin = resolveN8nBin();
  const started = performance.now();
  const env = { ...sandbox.env, ...extraEnv };
  if (!env.N8N_RUNNERS_BROKER_PORT) env.N8N_RUNNERS_BROKER_PORT = String(await getFreePort());
  return await new Promise((resolve, reject) => {
    // cwd = user folder: n8n loads a `.env` from its cwd (dotenv)
    const child = spawnGroup(resolveNodeBin(), [bin, ...args], { cwd: sandbox.userFolder, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d) => {
      stdout += d;
      onOutput?.(stdout + stderr, child);
    });
    child.stderr.setEncoding('utf8').on('data', (d) => {
      stderr += d;
      onOutput?.(stdout + stderr, child);
    });
    const timer = setTimeout(() => {
      killTree(child, 'SIGKILL');
      const error = new Error(`n8n ${args.join(' ')} timed out after ${timeoutMs} ms\n--- stdout\n${stdout}\n--- stderr\n${stderr}`);
      error.pid = child.pid;
      reject(error);
    }, timeoutMs);
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr, durationMs: Math.round(performance.now() - started), child });
    });
  });
}

function describeFailure(what, r) {
  return `${what} failed (exit ${r.code ?? r.signal})\n--- stdout\n${r.stdout}\n--- stderr\n${r.stderr}`;
}

async function importJson(sandbox, kind, data, extraArgs = []) {
  const file = path.join(sandbox.userFolder, `import-${kind}-${Date.now()}-${Math.random().toString(36).slice(2)}.json`);
  await writeFile(file, JSON.stringify(data));
  try {
    const r = await runN8n(sandbox, [`import:${kind}`, `--input=${file}`, ...extraArgs]);
    if (r.code !== 0 || !/Successfully imported/.test(r.stdout + r.stderr)) throw new Error(describeFailure(`n8n import:${kind}`, r));
    return r;
  } finally {
    await rm(file, { force: true });
  }
}

/**
 * Imports credentials (plain `data`, encrypted by n8n with the sandbox's key). Each item:
 * { id, name, type, data: {...} }. A workflow node references one as
 * `credentials: { <type>: { id, name } }`.
 */
export async function importCredentials(sandbox, credentials) {
  const list = (Array.isArray(credentials) ? credentials : [credentials]).map((c, i) => ({
    id: c.id ?? `e2ecred${String(i).padStart(8, '0')}`,
    name: c.name ?? `${c.type} ${i}`,
    type: c.type,
    data: c.data ?? {},
    isManaged: false,
  }));
  for (const c of list) {
    if (!c.type) throw new Error('importCredentials: every credential needs a `type`');
    if (typeof c.data !== 'object') throw new Error('importCredentials: `data` must be a plain object (n8n encrypts it)');
  }
  const r = await importJson(sandbox, 'credentials', list);
  return { credentials: list.map(({ id, name, type }) => ({ id, name, type })), durationMs: r.durationMs };
}

/** Imports one workflow (gets an `id` if it has none); returns { id, workflow, durationMs }. */
export async function importWorkflow(sandbox, workflowJson) {
  const wf = normalizeWorkflow(workflowJson);
  const r = await importJson(sandbox, 'workflow', wf);
  return { id: wf.id, workflow: wf, durationMs: r.durationMs };
}

/**
 * Imports several workflows with one n8n start (each CLI call costs ~2 s of boot); then run
 * each with executeWorkflow(sandbox, id). Returns { ids, workflows, durationMs }.
 */
export async function importWorkflows(sandbox, workflows) {
  const wfs = workflows.map(normalizeWorkflow);
  const r = await importJson(sandbox, 'workflow', wfs);
  return { ids: wfs.map((w) => w.id), workflows: wfs, durationMs: r.durationMs };
}

function normalizeWorkflow(workflowJson) {
  const wf = structuredClone(workflowJson);
  // n8n workflow ids are <= 21 chars (isWorkflowIdValid); 16 alphanumerics like n8n's own.
  wf.id ??= `e2e${randomUUID().replaceAll('-', '').slice(0, 13)}`;
  if (wf.id.length > 21) throw new Error(`workflow id "${wf.id}" is longer than 21 characters`);
  wf.name ??= `e2e ${wf.id}`;
  wf.active = false;
  wf.settings ??= {};
  wf.connections ??= {};
  wf.nodes = (wf.nodes ?? []).map((n, i) => ({ id: n.id ?? `node-${i}`, position: n.position ?? [i * 220, 0], parameters: {}, ...n }));
  return wf;
}

/**
 * Finds the run JSON that `n8n execute --rawOutput` printed. Success: the JSON is alone on
 * stdout after some log lines. Failure: the JSON comes through logger.info between
 * "Execution error:" lines. Returns the object with { data, status, ... } or undefined.
 */
export function parseExecuteOutput(stdout) {
  const lines = stdout.split(/\r?\n/);
  const starts = [];
  const ends = [];
  lines.forEach((l, i) => {
    if (l === '{') starts.push(i);
    if (l === '}') ends.push(i);
  });
  for (const s of starts) {
    for (const e of ends) {
      if (e <= s) continue;
      try {
        const obj = JSON.parse(lines.slice(s, e + 1).join('\n'));
        if (obj && typeof obj === 'object' && obj.data?.resultData) return obj;
      } catch {
        // keep looking: a later "}" closes this object
      }
    }
  }
  return undefined;
}

function summarize(run) {
  const rd = run?.data?.resultData;
  const error = rd?.error
    ? { message: rd.error.message, description: rd.error.description, node: rd.error.node?.name ?? rd.lastNodeExecuted }
    : undefined;
  return { status: run?.status ?? 'unknown', runData: rd?.runData ?? {}, lastNodeExecuted: rd?.lastNodeExecuted, error };
}

/**
 * import:workflow, then `execute --id <id> --rawOutput`; judged by the printed JSON, not the
 * exit code (a segfault after the JSON was printed is reported as crashedOnExit).
 * Returns { status, runData, error, execution, rawStdout, rawStderr, exitCode, signal,
 *           crashedOnExit, durationMs, importMs, executeMs, workflowId }.
 * status: n8n's ('success' | 'error' | ...) or 'no-output' when no run JSON was printed.
 */
export async function runWorkflow(sandbox, workflowJson, { timeoutMs = 120_000 } = {}) {
  const started = performance.now();
  const imp = await importWorkflow(sandbox, workflowJson);
  const result = await executeWorkflow(sandbox, imp.id, { timeoutMs });
  return { ...result, importMs: imp.durationMs, durationMs: Math.round(performance.now() - started) };
}

/** `n8n execute --id <id> --rawOutput` of an imported workflow; same result shape as runWorkflow. */
export async function executeWorkflow(sandbox, workflowId, { timeoutMs = 120_000 } = {}) {
  const r = await runN8n(sandbox, ['execute', `--id=${workflowId}`, '--rawOutput'], { timeoutMs });
  const execution = parseExecuteOutput(r.stdout);
  const s = summarize(execution);
  let error = s.error;
  if (!execution) {
    const msg = (r.stdout + '\n' + r.stderr).match(/Execution error:\s*\n=+\n([^\n]+)/);
    error = { message: msg?.[1] ?? `no run JSON in output (exit ${r.code ?? r.signal})` };
  }
  return {
    status: execution ? s.status : 'no-output',
    runData: s.runData,
    lastNodeExecuted: s.lastNodeExecuted,
    error,
    execution,
    rawStdout: r.stdout,
    rawStderr: r.stderr,
    exitCode: r.code,
    signal: r.signal,
    crashedOnExit: Boolean(execution) && (r.signal !== null || (r.code !== 0 && s.status === 'success')),
    durationMs: r.durationMs,
    importMs: 0,
    executeMs: r.durationMs,
    workflowId,
  };
}

/** Items a node output: runData[node][runIndex].data.main[output] -> json objects. */
export function nodeOutput(result, nodeName, { runIndex = 0, output = 0 } = {}) {
  const run = result.runData?.[nodeName]?.[runIndex];
  return (run?.data?.main?.[output] ?? []).map((i) => i.json);
}

// ---------------------------------------------------------------- polling triggers

const requireFromN8n = () => createRequire(path.join(N8N_HOME, 'node_modules', 'n8n', 'package.json'));

async function openDb(dbPath) {
  const { DatabaseSync } = await import('node:sqlite'); // Node >= 22.13 / 24: no flag needed
  return new DatabaseSync(dbPath, { readOnly: true, timeout: 5000 });
}

/** Executions of a workflow stored in the sandbox DB (n8n saves them as flatted JSON). */
export async function readExecutions(sandbox, workflowId, { includeData = true } = {}) {
  if (!existsSync(sandbox.dbPath)) return [];
  const db = await openDb(sandbox.dbPath);
  try {
    const rows = db
      .prepare(
        'SELECT e.id, e.mode, e.status, e.finished, e.startedAt, e.stoppedAt, d.data FROM execution_entity e ' +
          'LEFT JOIN execution_data d ON d.executionId = e.id WHERE e.workflowId = ? ORDER BY e.id',
      )
      .all(workflowId);
    const flatted = includeData ? requireFromN8n()('flatted') : undefined;
    return rows.map((row) => {
      const data = includeData && row.data ? flatted.parse(row.data) : undefined;
      const rd = data?.resultData;
      return {
        id: String(row.id),
        mode: row.mode,
        status: row.status,
        finished: Boolean(row.finished),
        startedAt: row.startedAt,
        stoppedAt: row.stoppedAt,
        runData: rd?.runData ?? {},
        lastNodeExecuted: rd?.lastNodeExecuted,
        error: rd?.error ? { message: rd.error.message, description: rd.error.description } : undefined,
        data,
      };
    });
  } finally {
    db.close();
  }
}

const DONE = new Set(['success', 'error', 'crashed', 'canceled']);

/**
 * Runs a workflow whose start node is a polling trigger (`polling: true`, INodeType.poll).
 * `n8n execute` cannot do that (see README), so: import, `publish:workflow`, then `n8n start`
 * on free ports. Activating a published workflow calls poll() once right away (mode
 * "trigger"); if it returns items an execution runs. The server is stopped as soon as the
 * execution(s) finished, or `settleMs` after startup when poll() returned null.
 *
 * Unless the trigger node sets `pollTimes`, it is set to a yearly cron so no second poll
 * fires during the run. Static data (poll cursors) persists in the sandbox DB: call again
 * on the same sandbox to test a second poll.
 *
 * Returns { status, runData, executions, activationError, serverLog, durationMs, startupMs, workflowId }
 * status: status of the last execution, 'no-execution' (poll returned null) or 'activation-error'.
 */
export async function runPollingWorkflow(
  sandbox,
  workflowJson,
  { timeoutMs = 120_000, settleMs = 1000, expectExecutions = 1, keepPublished = false } = {},
) {
  const started = performance.now();
  const wf = normalizeWorkflow(workflowJson);
  // start nodes (no incoming connection) of the package under test: the polling trigger(s)
  const targets = new Set(
    Object.values(wf.connections).flatMap((byType) => Object.values(byType).flat(2).map((c) => c?.node)),
  );
  for (const n of wf.nodes) {
    const ours = sandbox.packageName ? n.type.startsWith(sandbox.packageName + '.') : !n.type.startsWith('n8n-nodes-base.');
    if (ours && !targets.has(n.name) && !n.parameters.pollTimes) {
      n.parameters.pollTimes = { item: [{ mode: 'custom', cronExpression: '0 0 1 1 *' }] };
    }
  }
  const imp = await importWorkflow(sandbox, wf);
  const before = new Set((await readExecutions(sandbox, imp.id, { includeData: false })).map((e) => e.id));
  const pub = await runN8n(sandbox, ['publish:workflow', `--id=${imp.id}`]);
  if (pub.code !== 0) throw new Error(describeFailure('n8n publish:workflow', pub));

  let result;
  try {
    result = await startUntilPolled(sandbox, imp, pub, { started, timeoutMs, settleMs, expectExecutions, before });
  } finally {
    // every published workflow is activated (and polled) again by the next `n8n start`
    if (!keepPublished) {
      const un = await runN8n(sandbox, ['unpublish:workflow', `--id=${imp.id}`]);
      if (result) {
        result.unpublishMs = un.durationMs;
        if (un.code !== 0) result.unpublishError = describeFailure('n8n unpublish:workflow', un);
      }
    }
  }
  result.durationMs = Math.round(performance.now() - started);
  return result;
}

async function queryDb(sandbox, sql, ...params) {
  if (!existsSync(sandbox.dbPath)) return [];
  const db = await openDb(sandbox.dbPath);
  try {
    return db.prepare(sql).all(...params);
  } finally {
    db.close();
  }
}

const OUTBOX_DONE = new Set(['completed', 'partial_success', 'failed']);

async function startUntilPolled(sandbox, imp, pub, { started, timeoutMs, settleMs, expectExecutions, before }) {
  // n8n 2.x activates published workflows through a DB outbox ("workflow_publication_outbox",
  // reason "startup"); a record turns completed/partial_success/failed once the trigger was
  // activated, and activating a polling trigger awaits its first poll(). So: wait for that
  // record, then for the execution(s) the poll emitted.
  const [{ maxId }] = await queryDb(sandbox, 'SELECT COALESCE(MAX(id), 0) AS maxId FROM workflow_publication_outbox');
  const port = await getFreePort();
  let readyAt;
  let outbox;
  let outboxDoneAt;
  let stopping = false;
  let watchError;
  const stop = (child) => {
    if (!stopping) {
      stopping = true;
      killTree(child, 'SIGTERM');
      setTimeout(() => killTree(child, 'SIGKILL'), 20_000).unref();
    }
  };
  let watcher;
  const r = await runN8n(sandbox, ['start'], {
    timeoutMs,
    env: { N8N_PORT: String(port) },
    onOutput: (out, child) => {
      if (!readyAt && /Editor is now accessible via/.test(out)) readyAt = performance.now();
      watcher ??= (async () => {
        while (!stopping) {
          await new Promise((res) => setTimeout(res, 100));
          if (!outbox) {
            const rows = await queryDb(
              sandbox,
              'SELECT id, status, errorMessage FROM workflow_publication_outbox WHERE workflowId = ? AND id > ? ORDER BY id DESC',
              imp.id,
              maxId,
            );
            if (rows[0] && OUTBOX_DONE.has(rows[0].status)) {
              outbox = rows[0];
              outboxDoneAt = performance.now();
            }
            if (!outbox) continue;
            if (outbox.status !== 'completed') {
              stop(child);
              break;
            }
          }
          const ex = (await readExecutions(sandbox, imp.id, { includeData: false })).filter((e) => !before.has(e.id));
          const done = ex.filter((e) => DONE.has(e.status));
          if (done.length >= expectExecutions && done.length === ex.length) break;
          if (ex.length === 0 && performance.now() - outboxDoneAt > settleMs) break;
        }
        stop(child);
      })().catch((e) => {
        watchError = e;
        stop(child);
      });
    },
  });
  await watcher;
  if (watchError) throw watchError;
  const executions = (await readExecutions(sandbox, imp.id)).filter((e) => !before.has(e.id));
  const triggers = await queryDb(
    sandbox,
    'SELECT nodeId, status, errorMessage FROM workflow_publication_trigger_status WHERE workflowId = ?',
    imp.id,
  );
  const last = executions.at(-1);
  const activationError = outbox && outbox.status !== 'completed' ? (outbox.errorMessage ?? outbox.status) : undefined;
  let status = last?.status ?? 'no-execution';
  if (!outbox) status = 'not-activated';
  else if (activationError && !last) status = 'activation-error';
  return {
    status,
    runData: last?.runData ?? {},
    error: last?.error ?? (activationError ? { message: activationError } : undefined),
    executions,
    activation: outbox ? { status: outbox.status, error: outbox.errorMessage ?? undefined, triggers } : undefined,
    activationError,
    serverLog: r.stdout + r.stderr,
    exitCode: r.code,
    signal: r.signal,
    startupMs: readyAt ? Math.round(readyAt - started - imp.durationMs - pub.durationMs) : undefined,
    activationMs: outboxDoneAt ? Math.round(outboxDoneAt - started - imp.durationMs - pub.durationMs) : undefined,
    importMs: imp.durationMs,
    publishMs: pub.durationMs,
    serverMs: r.durationMs,
    workflowId: imp.id,
  };
}
