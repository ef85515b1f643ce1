// n8n in queue mode for end-to-end tests and benchmarks: a throw-away PostgreSQL cluster, a
// throw-away Redis, one n8n main and N workers, all on 127.0.0.1, with a community package
// installed from its `npm pack` tarball into every process's own N8N_USER_FOLDER.
//
//   const cluster = await startQueueCluster({ packageDir, workers: 2, credentials, workflows });
//   await cluster.webhook('my-path', { hello: 1 });   // a production execution: runs on a worker
//   cluster.workerOf(executionId);                     // 'worker-1' (from the workers' logs)
//   await cluster.executions(workflowId);              // rows of execution_entity (Postgres)
//   await cluster.stop();                              // every process group killed, temp dirs gone
//
// Every server runs in its own process group (detached); stop(), a start failure, the
// `maxLifetimeMs` watchdog and the exit of this process kill the whole group, so n8n's task
// runners and Postgres' backends go too. No dependencies: Postgres is driven with initdb,
// postgres and psql of Debian's `postgresql` package, Redis with `redis-server`.
//
// See docs/n8n-queue-mode.md for the settings and what the tests prove with it.
import { execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { chown, mkdir, mkdtemp, rm } from 'node:fs/promises';
import net from 'node:net';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';

import {
  createN8nSandbox,
  getFreePort,
  N8N_HOME,
  importCredentials,
  importWorkflows,
  packPackage,
  resolveN8nBin,
  resolveNodeBin,
} from './n8n-harness.mjs';

export class QueuePrerequisiteMissing extends Error {}

const PG_ROOT = process.env.N8N_QUEUE_PG_ROOT ?? '/usr/lib/postgresql';

/** Newest Debian PostgreSQL bin folder (/usr/lib/postgresql/<major>/bin) with initdb and postgres. */
function findPostgresBin() {
  if (!existsSync(PG_ROOT)) return undefined;
  const majors = readdirSync(PG_ROOT)
    .filter((v) => /^\d+$/.test(v) && existsSync(path.join(PG_ROOT, v, 'bin', 'initdb')) && existsSync(path.join(PG_ROOT, v, 'bin', 'postgres')))
    .sort((a, b) => Number(b) - Number(a));
  return majors.length ? path.join(PG_ROOT, majors[0], 'bin') : undefined;
}

function onPath(cmd) {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (dir && existsSync(path.join(dir, cmd))) return path.join(dir, cmd);
  }
  for (const dir of ['/usr/bin', '/usr/sbin', '/usr/local/bin']) if (existsSync(path.join(dir, cmd))) return path.join(dir, cmd);
  return undefined;
}

/**
 * What queue mode needs on this machine, or the one sentence saying what to install.
 * @returns {{ missing?: string, postgresBin?: string, psql?: string, redisServer?: string }}
 */
export function queuePrerequisites() {
  const postgresBin = findPostgresBin();
  const psql = postgresBin && existsSync(path.join(postgresBin, 'psql')) ? path.join(postgresBin, 'psql') : onPath('psql');
  const redisServer = onPath('redis-server');
  const missing = [];
  if (!postgresBin || !psql) missing.push(`PostgreSQL is not installed (no initdb/postgres under ${PG_ROOT}/<version>/bin): run \`apt-get install postgresql\``);
  if (!redisServer) missing.push('Redis is not installed (no redis-server on PATH): run `apt-get install redis-server`');
  let n8n;
  try {
    resolveN8nBin();
    resolveNodeBin();
  } catch (error) {
    n8n = error.message;
  }
  if (n8n) missing.push(n8n);
  return { missing: missing.length ? missing.join('; ') : undefined, postgresBin, psql, redisServer };
}

// ---------------------------------------------------------------- process groups

const liveGroups = new Set();
let exitHookInstalled = false;
function track(child) {
  liveGroups.add(child.pid);
  child.on('exit', () => liveGroups.delete(child.pid));
  if (!exitHookInstalled) {
    exitHookInstalled = true;
    // Last resort: this process ends without stop() (crash, Ctrl+C of the test runner).
    process.on('exit', () => {
      for (const pid of liveGroups) killGroup(pid, 'SIGKILL');
    });
  }
}

function killGroup(pid, signal) {
  try {
    process.kill(-pid, signal);
    return true;
  } catch {
    return false;
  }
}

function groupAlive(pid) {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Signals the group, waits up to `graceMs` for it to be gone, then SIGKILLs what is left. */
async function stopGroup(child, { signal = 'SIGTERM', graceMs = 15_000, leaderOnly = false } = {}) {
  if (!child?.pid) return;
  const pid = child.pid;
  if (!groupAlive(pid)) return;
  if (leaderOnly) {
    try {
      process.kill(pid, signal);
    } catch {
      /* gone */
    }
  } else killGroup(pid, signal);
  const deadline = Date.now() + graceMs;
  while (groupAlive(pid) && Date.now() < deadline) await sleep(100);
  if (groupAlive(pid)) killGroup(pid, 'SIGKILL');
  while (groupAlive(pid) && Date.now() < deadline + 5000) await sleep(50);
  liveGroups.delete(pid);
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Spawns a server in its own process group and collects its output (last 2 MB). */
function spawnServer(name, command, args, { env, cwd, uid, gid }) {
  const child = spawn(command, args, { env, cwd, uid, gid, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  track(child);
  const proc = { name, child, pid: child.pid, output: '' };
  const append = (d) => {
    proc.output += d;
    if (proc.output.length > 4_000_000) proc.output = proc.output.slice(-2_000_000);
  };
  child.stdout.setEncoding('utf8').on('data', append);
  child.stderr.setEncoding('utf8').on('data', append);
  proc.exited = new Promise((resolve) => child.on('close', (code, sig) => resolve({ code, signal: sig })));
  return proc;
}

async function waitFor(what, proc, check, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (proc && proc.child.exitCode !== null) throw new Error(`${what}: ${proc.name} exited (${proc.child.exitCode})\n${proc.output.slice(-3000)}`);
    if (await check()) return;
    if (Date.now() > deadline) throw new Error(`${what}: not ready within ${timeoutMs} ms\n${proc?.output.slice(-3000) ?? ''}`);
    await sleep(250);
  }
}

function run(command, args, options = {}) {
  return execFileSync(command, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], ...options });
}

// ---------------------------------------------------------------- Postgres

function postgresUser() {
  if (process.getuid?.() !== 0) return {};
  // initdb refuses to run as root: run the cluster as Debian's `postgres` account.
  const line = readFileSync('/etc/passwd', 'utf8')
    .split('\n')
    .find((l) => l.startsWith('postgres:'));
  if (!line) throw new QueuePrerequisiteMissing('Running as root needs the `postgres` account (created by `apt-get install postgresql`) to run PostgreSQL');
  const [, , uid, gid] = line.split(':');
  return { uid: Number(uid), gid: Number(gid) };
}

/**
 * A throw-away cluster: initdb into a temp folder (owned by `postgres` when run as root),
 * `postgres` on a free loopback port with its socket in that folder, no fsync, a database `n8n`.
 */
export async function startPostgres({ baseDir = os.tmpdir(), timeoutMs = 60_000 } = {}) {
  const pre = queuePrerequisites();
  if (!pre.postgresBin) throw new QueuePrerequisiteMissing(pre.missing);
  const ids = postgresUser();
  const dir = await mkdtemp(path.join(baseDir, 'n8n-queue-pg-'));
  if (ids.uid !== undefined) await chown(dir, ids.uid, ids.gid);
  const data = path.join(dir, 'data');
  const port = await getFreePort();
  const password = randomBytes(18).toString('base64url');
  const asPg = { ...ids, cwd: dir, env: { PATH: process.env.PATH ?? '/usr/bin:/bin', LANG: 'C.UTF-8', LC_ALL: 'C.UTF-8' } };
  try {
    run(path.join(pre.postgresBin, 'initdb'), ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-sync'], asPg);
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw new Error(`initdb failed: ${error.stderr || error.message}`);
  }
  const proc = spawnServer('postgres', path.join(pre.postgresBin, 'postgres'), [
    '-D', data, '-p', String(port), '-k', dir,
    '-c', 'listen_addresses=127.0.0.1', '-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off',
    '-c', 'max_connections=100', '-c', 'shared_buffers=64MB',
  ], asPg);
  const pg = {
    dir,
    port,
    host: '127.0.0.1',
    database: 'n8n',
    user: 'n8n',
    password,
    proc,
    /** psql as the superuser over the socket; returns rows as arrays of strings (tab separated). */
    query(sql, db = 'n8n') {
      const out = run(pre.psql, ['-h', dir, '-p', String(port), '-U', 'postgres', '-d', db, '-X', '-q', '-A', '-t', '-F', '\t', '-v', 'ON_ERROR_STOP=1', '-c', sql], {
        env: { PATH: process.env.PATH ?? '/usr/bin:/bin', PGCONNECT_TIMEOUT: '5' },
      });
      return out.split('\n').filter((l) => l !== '').map((l) => l.split('\t'));
    },
    async stop() {
      // SIGINT to the postmaster = "fast" shutdown; the group is killed if it hangs.
      await stopGroup(proc.child, { signal: 'SIGINT', graceMs: 10_000, leaderOnly: true });
      await rm(dir, { recursive: true, force: true });
    },
  };
  try {
    await waitFor('PostgreSQL', proc, () => {
      try {
        pg.query('SELECT 1', 'postgres');
        return true;
      } catch {
        return false;
      }
    }, timeoutMs);
    pg.query(`CREATE USER n8n PASSWORD '${password}'`, 'postgres');
    pg.query('CREATE DATABASE n8n OWNER n8n', 'postgres');
  } catch (error) {
    await pg.stop();
    throw error;
  }
  return pg;
}

// ---------------------------------------------------------------- Redis

function redisPing(port) {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    let data = '';
    const done = (ok) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(2000, () => done(false));
    socket.on('error', () => done(false));
    socket.on('connect', () => socket.write('PING\r\n'));
    socket.on('data', (d) => {
      data += d;
      if (data.includes('\r\n')) done(data.startsWith('+PONG'));
    });
  });
}

/** redis-server on a free loopback port, nothing saved to disk. */
export async function startRedis({ baseDir = os.tmpdir(), timeoutMs = 30_000 } = {}) {
  const pre = queuePrerequisites();
  if (!pre.redisServer) throw new QueuePrerequisiteMissing(pre.missing);
  const dir = await mkdtemp(path.join(baseDir, 'n8n-queue-redis-'));
  const port = await getFreePort();
  const proc = spawnServer('redis', pre.redisServer, ['--bind', '127.0.0.1', '--port', String(port), '--save', '', '--appendonly', 'no', '--dir', dir, '--protected-mode', 'yes'], {
    cwd: dir,
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin' },
  });
  const redis = {
    host: '127.0.0.1',
    port,
    proc,
    async stop() {
      await stopGroup(proc.child, { signal: 'SIGTERM', graceMs: 5000 });
      await rm(dir, { recursive: true, force: true });
    },
  };
  try {
    await waitFor('Redis', proc, () => redisPing(port), timeoutMs);
  } catch (error) {
    await redis.stop();
    throw error;
  }
  return redis;
}

// ---------------------------------------------------------------- n8n

const OUTBOX_DONE = new Set(['completed', 'partial_success', 'failed']);

function activated(cluster) {
  if (!cluster.published?.length) return true;
  const rows = cluster.pg.query(
    'SELECT DISTINCT ON ("workflowId") "workflowId", status, COALESCE("errorMessage", \'\') FROM workflow_publication_outbox ORDER BY "workflowId", id DESC',
  );
  const byId = new Map(rows.map(([id, status, error]) => [id, { status, error }]));
  for (const id of cluster.published) {
    const state = byId.get(id);
    if (!state || !OUTBOX_DONE.has(state.status)) return false;
    if (state.status !== 'completed') throw new Error(`n8n could not activate workflow ${id} (${state.status}): ${state.error}`);
  }
  return true;
}

/** The settings every n8n process of the cluster shares (queue mode, the Postgres database, Redis). */
export function queueEnv(pg, redis) {
  return {
    DB_TYPE: 'postgresdb',
    DB_POSTGRESDB_HOST: pg.host,
    DB_POSTGRESDB_PORT: String(pg.port),
    DB_POSTGRESDB_DATABASE: pg.database,
    DB_POSTGRESDB_USER: pg.user,
    DB_POSTGRESDB_PASSWORD: pg.password,
    EXECUTIONS_MODE: 'queue',
    QUEUE_BULL_REDIS_HOST: redis.host,
    QUEUE_BULL_REDIS_PORT: String(redis.port),
    // keep every execution's data so tests can read results back
    EXECUTIONS_DATA_SAVE_ON_SUCCESS: 'all',
    EXECUTIONS_DATA_SAVE_ON_ERROR: 'all',
    N8N_SCHEDULER_SYSTEM_TASKS_ENABLED: 'false',
  };
}

const WORKER_EXEC_RE = /Worker (started|finished) execution (\d+)/g;

/**
 * Starts Postgres, Redis, one n8n main and `workers` workers with the package installed from
 * its tarball in each, after importing `credentials` and `workflows` and publishing
 * (activating) the workflows listed in `publish` (ids; default: every workflow with an `active`
 * flag or a webhook/trigger start).
 *
 * @param {object} o
 * @param {string} [o.packageDir] packed with `npm pack` (needs dist/ built)
 * @param {string} [o.tarball] an existing `npm pack` tarball instead
 * @param {number} [o.workers=2]
 * @param {number} [o.concurrency=5] `n8n worker --concurrency`
 * @param {object[]} [o.credentials] as importCredentials takes them
 * @param {object[]} [o.workflows] workflow JSON, each with an id
 * @param {string[]} [o.publish] ids of workflows to publish before the start (default all)
 * @param {Record<string,string>} [o.mainEnv] extra settings for main only
 * @param {Record<string,string>} [o.env] extra settings for every n8n process
 * @param {number} [o.timeoutMs=300000] for the whole start
 * @param {number} [o.maxLifetimeMs=1800000] watchdog: everything is killed after this long
 */
export async function startQueueCluster({
  packageDir,
  tarball,
  workers = 2,
  concurrency = 5,
  credentials = [],
  workflows = [],
  publish,
  mainEnv = {},
  env: extraEnv = {},
  timeoutMs = 300_000,
  maxLifetimeMs = 30 * 60_000,
  baseDir = os.tmpdir(),
} = {}) {
  const pre = queuePrerequisites();
  if (pre.missing) throw new QueuePrerequisiteMissing(pre.missing);
  const started = performance.now();
  const root = await mkdtemp(path.join(baseDir, 'n8n-queue-'));
  const cluster = {
    root,
    pg: undefined,
    redis: undefined,
    main: undefined,
    workers: [],
    timings: {},
    tarball: undefined,
    stopped: false,
  };
  const watchdog = setTimeout(() => {
    console.error(`[n8n-queue] watchdog: the cluster in ${root} outlived ${maxLifetimeMs} ms; killing it`);
    void cluster.stop();
  }, maxLifetimeMs);
  watchdog.unref();

  let workerCount = 0;
  cluster.stop = async () => {
    if (cluster.stopped) return;
    cluster.stopped = true;
    clearTimeout(watchdog);
    await Promise.all(cluster.workers.map((w) => stopGroup(w.child, { graceMs: 20_000 })));
    if (cluster.main) await stopGroup(cluster.main.child, { graceMs: 20_000 });
    await Promise.all([cluster.redis?.stop(), cluster.pg?.stop()]);
    await rm(root, { recursive: true, force: true });
  };

  /** Starts one more worker (own user folder with the package, own broker and health ports). */
  cluster.addWorker = async ({ concurrency: c = concurrency } = {}) => {
    const name = `worker-${++workerCount}`;
    const sandbox = await createN8nSandbox({ tarball: cluster.tarball, baseDir: root });
    const proc = spawnServer(name, resolveNodeBin(), [resolveN8nBin(), 'worker', `--concurrency=${c}`], {
      cwd: sandbox.userFolder,
      env: {
        ...sandbox.env,
        ...cluster.sharedEnv,
        N8N_RUNNERS_BROKER_PORT: String(await getFreePort()),
        QUEUE_HEALTH_CHECK_ACTIVE: 'true',
        QUEUE_HEALTH_CHECK_PORT: String(await getFreePort()),
        N8N_WORKER_SERVER_ADDRESS: '127.0.0.1',
      },
    });
    proc.sandbox = sandbox;
    cluster.workers.push(proc);
    await waitFor(`n8n ${name}`, proc, () => /n8n worker is now ready/.test(proc.output), timeoutMs);
    return proc;
  };

  /** POST (or GET) a production webhook of an active workflow; returns { status, body, ms }. */
  cluster.webhook = async (webhookPath, body, { method = 'POST' } = {}) => {
    const t0 = performance.now();
    const res = await fetch(`${cluster.url}/webhook/${webhookPath}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    let parsed;
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = text;
    }
    return { status: res.status, body: parsed, ms: performance.now() - t0 };
  };

  /** Which process ran each execution, from "Worker started/finished execution N" log lines. */
  cluster.executionsByProcess = () => {
    const started = new Map();
    const finished = new Map();
    for (const w of cluster.workers) {
      for (const m of w.output.matchAll(WORKER_EXEC_RE)) (m[1] === 'started' ? started : finished).set(m[2], w.name);
    }
    const enqueued = new Set([...(cluster.main?.output ?? '').matchAll(/Enqueued execution (\d+)/g)].map((m) => m[1]));
    return { started, finished, enqueued };
  };
  cluster.workerOf = (executionId) => cluster.executionsByProcess().finished.get(String(executionId));

  /** execution_entity rows of a workflow (or all), oldest first. */
  cluster.executions = (workflowId) => {
    const where = workflowId ? `WHERE "workflowId" = '${String(workflowId).replace(/'/g, "''")}'` : '';
    return cluster.pg
      .query(`SELECT id, "workflowId", mode, status, finished FROM execution_entity ${where} ORDER BY id`)
      .map(([id, wf, mode, status, finished]) => ({ id, workflowId: wf, mode, status, finished: finished === 't' }));
  };

  /** The run data of one execution (execution_data, flatted JSON as n8n stores it): { runData, error }. */
  cluster.executionData = (executionId) => {
    const [row] = cluster.pg.query(`SELECT data FROM execution_data WHERE "executionId" = ${Number(executionId)}`);
    if (!row) return undefined;
    const data = createRequire(path.join(N8N_HOME, 'node_modules', 'n8n', 'package.json'))('flatted').parse(row[0]);
    return { runData: data?.resultData?.runData ?? {}, error: data?.resultData?.error };
  };

  /** Resident memory (MiB) of each n8n process group (main, workers with their task runners), redis, postgres. */
  cluster.memoryMiB = () => {
    const out = {};
    const procs = [cluster.main, ...cluster.workers, cluster.redis?.proc, cluster.pg?.proc].filter(Boolean);
    let ps = '';
    try {
      ps = run('ps', ['-e', '-o', 'pid=,ppid=,pgid=,rss=']);
    } catch {
      return out; // no procps
    }
    // A process counts for a group when it is in it, or (Postgres backends call setsid) a child of its leader.
    const leaders = new Set(procs.map((p) => p.pid));
    const byGroup = new Map();
    for (const line of ps.split('\n')) {
      const [, ppid, pgid, rss] = line.trim().split(/\s+/).map(Number);
      const group = leaders.has(pgid) ? pgid : leaders.has(ppid) ? ppid : undefined;
      if (group) byGroup.set(group, (byGroup.get(group) ?? 0) + rss);
    }
    for (const p of procs) out[p.name] = Math.round((byGroup.get(p.pid) ?? 0) / 1024);
    return out;
  };

  /** Every process's output so far (for failure messages). */
  cluster.logs = () => Object.fromEntries([cluster.main, ...cluster.workers].filter(Boolean).map((p) => [p.name, p.output]));

  try {
    let t = performance.now();
    const [pg, redis, packed] = await Promise.all([
      // not inside root: that folder is 0700 and the `postgres` account must reach its own
      startPostgres({ baseDir }),
      startRedis({ baseDir: root }),
      tarball ? Promise.resolve({ tarball }) : packPackage(packageDir, root),
    ]);
    Object.assign(cluster, { pg, redis, tarball: packed.tarball });
    cluster.timings.servicesMs = Math.round(performance.now() - t);
    const shared = { ...queueEnv(pg, redis), ...extraEnv };
    cluster.sharedEnv = shared;

    // main's user folder: the package installed from the tarball, the database migrated by the
    // first CLI command (import), credentials and workflows imported, chosen ones published.
    t = performance.now();
    const mainSandbox = await createN8nSandbox({ tarball: packed.tarball, baseDir: root });
    Object.assign(mainSandbox.env, shared);
    cluster.mainSandbox = mainSandbox;
    cluster.timings.installMs = Math.round(performance.now() - t);
    t = performance.now();
    if (credentials.length) await importCredentials(mainSandbox, credentials);
    if (workflows.length) await importWorkflows(mainSandbox, workflows);
    const toPublish = publish ?? workflows.map((w) => w.id);
    if (toPublish.length) {
      // What `n8n publish:workflow --id=X` does (WorkflowRepository.publishVersion: active, and
      // the current version as the active one), for all of them in one statement instead of one
      // n8n boot (~8 s) each. main activates them at its start.
      const list = toPublish.map((id) => `'${String(id).replace(/'/g, "''")}'`).join(',');
      const rows = cluster.pg.query(
        `UPDATE workflow_entity w SET active = true, "activeVersionId" = w."versionId" WHERE w.id IN (${list}) AND NOT w."isArchived" ` +
          `AND EXISTS (SELECT 1 FROM workflow_history h WHERE h."workflowId" = w.id AND h."versionId" = w."versionId") RETURNING w.id`,
      );
      const published = new Set(rows.map(([id]) => id));
      const missed = toPublish.filter((id) => !published.has(id));
      if (missed.length) throw new Error(`could not publish workflow(s) ${missed.join(', ')}: not imported, archived, or without a saved version`);
    }
    cluster.published = toPublish;
    cluster.timings.importMs = Math.round(performance.now() - t);

    t = performance.now();
    const mainPort = await getFreePort();
    const mainProc = spawnServer(
      'main',
      resolveNodeBin(),
      [resolveN8nBin(), 'start'],
      {
        cwd: mainSandbox.userFolder,
        env: { ...mainSandbox.env, N8N_PORT: String(mainPort), N8N_RUNNERS_BROKER_PORT: String(await getFreePort()), ...mainEnv },
      },
    );
    cluster.main = mainProc;
    cluster.url = `http://127.0.0.1:${mainPort}`;
    const workerStarts = [];
    for (let i = 0; i < workers; i++) workerStarts.push(cluster.addWorker());
    await Promise.all([
      waitFor('n8n main', mainProc, async () => /Editor is now accessible/.test(mainProc.output) && (await fetch(`${cluster.url}/healthz`).then((r) => r.ok, () => false)), timeoutMs),
      ...workerStarts,
    ]);
    // Published workflows are activated after the editor is up (a DB outbox, reason "startup"):
    // wait until every one is, so webhooks are registered and triggers have polled once.
    await waitFor('activation of the published workflows', mainProc, () => activated(cluster), timeoutMs);
    cluster.timings.startMs = Math.round(performance.now() - t);
    cluster.timings.totalMs = Math.round(performance.now() - started);
  } catch (error) {
    await cluster.stop();
    throw error;
  }
  return cluster;
}
