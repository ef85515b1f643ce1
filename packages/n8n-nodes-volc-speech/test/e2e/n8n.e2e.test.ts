/**
 * End to end in the real n8n (2.x, headless, on Node 24): the package's `npm pack` tarball
 * (globalSetup.ts) is installed into a fresh n8n user folder the way n8n's Community Nodes
 * install does (scripts/n8n/n8n-harness.mjs), the emulator runs in this process, and n8n –
 * a separate process – reaches it through the credential's endpoint. Workflows come from the
 * shipped examples (examples/*.json) where they cover the case, else from small fixtures here.
 *
 * Without n8n the suite is skipped locally and fails in CI (CI=true).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { SERVICE_STATUS } from '@volc-speech/client';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';

import { startTestEmulator, usageToReach } from '../support/emulator';
import type { TestEmulator } from '../support/emulator';
import { exampleWorkflow, HARNESS_PATH, loadHarness, outputOf } from '../support/harness';
import type { Harness, Sandbox, Workflow } from '../support/harness';

const PACKAGE_DIR = join(import.meta.dirname, '../..');
const TTS = 'volc.service_type.10029';
const CREDENTIAL = { id: 'volcSpeechE2e00001', name: 'Volcengine Speech (emulator)' };
const NODE = 'n8n-nodes-volc-speech.volcSpeech';
// CI=true (any value but empty, 0 or false) turns a missing n8n into a failure.
const inCI = !!process.env.CI && !['0', 'false'].includes(process.env.CI.toLowerCase());

const { harness, missing } = await loadHarness();

if (missing && !inCI) {
  console.warn(`[n8n e2e] skipped: ${missing}. In CI (CI=true) this fails instead.`);
}

describe.runIf(missing && inCI)('n8n end-to-end prerequisites', () => {
  it('has n8n installed (required in CI)', () => {
    throw new Error(`The n8n end-to-end suite cannot run: ${missing}.`);
  });
});

/** Processes of a process group, as "pid command" lines. */
function processesIn(pgid: number): string[] {
  const ps = spawnSync('ps', ['-eo', 'pid=,pgid=,args='], { encoding: 'utf8' });
  return ps.stdout
    .split('\n')
    .map((line) => line.trim().split(/\s+/))
    .filter(([, group]) => group === String(pgid))
    .map(([pid, , ...args]) => `${pid} ${args.join(' ')}`);
}

// ── Workflow building ────────────────────────────────────────────────────────

type WorkflowNode = Workflow['nodes'][number];

const example = (file: string): Workflow => exampleWorkflow(file, CREDENTIAL);

function nodeOf(workflow: Workflow, name: string): WorkflowNode {
  const found = workflow.nodes.find((node) => node.name === name);
  if (!found) throw new Error(`no node "${name}" in ${workflow.name}`);
  return structuredClone(found);
}

const manualTrigger: WorkflowNode = { name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, parameters: {} };

function volcNode(name: string, parameters: Record<string, unknown>, extra: Record<string, unknown> = {}): WorkflowNode {
  return { name, type: NODE, typeVersion: 1, parameters, credentials: { volcSpeechApi: CREDENTIAL }, ...extra };
}

/** A straight line of nodes: each one feeds the next. */
function chain(name: string, ...nodes: WorkflowNode[]): Workflow {
  const connections: Record<string, unknown> = {};
  nodes.slice(1).forEach((node, index) => {
    connections[nodes[index]!.name] = { main: [[{ node: node.name, type: 'main', index: 0 }]] };
  });
  return { name, nodes, connections, settings: { executionOrder: 'v1' } };
}

// ── The suite ────────────────────────────────────────────────────────────────

describe.skipIf(!!missing)('n8n-nodes-volc-speech in the real n8n', () => {
  const n8n = harness as Harness;
  let emu: TestEmulator;
  let sandbox: Sandbox;
  const figures: Record<string, string> = {};

  const serviceStatus = async () =>
    ((await emu.client.callUnchecked('ServiceStatus', { ProjectName: 'default', ResourceID: TTS, BlueprintID: 10029 })) as { Status?: string }).Status;

  async function run(workflow: Workflow) {
    const result = await n8n.runWorkflow(sandbox, workflow, { timeoutMs: 120_000 });
    if (result.status === 'no-output') throw new Error(`n8n printed no run:\n${result.rawStdout.slice(-2000)}\n${result.rawStderr.slice(-2000)}`);
    return result;
  }

  beforeAll(async () => {
    emu = await startTestEmulator();
    sandbox = await n8n.createN8nSandbox({ tarball: inject('n8nTarball') });
    await n8n.importCredentials(sandbox, [
      { ...CREDENTIAL, type: 'volcSpeechApi', data: { ...emu.credentials, sessionToken: '', customRegion: '' } },
    ]);
  });

  afterAll(async () => {
    if (Object.keys(figures).length) console.log(`[n8n e2e] figures: ${JSON.stringify(figures)}`);
    if (sandbox) await n8n.removeSandbox(sandbox);
    await emu?.close();
  });

  it('loads the package n8n installed from the tarball, not the source folder', async () => {
    const installed = join(sandbox.userFolder, '.n8n/nodes/node_modules/n8n-nodes-volc-speech');
    const manifest = JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8')) as Record<string, unknown>;
    // n8n's install drops these before its `npm install` inside the package.
    expect(manifest.devDependencies).toBeUndefined();
    expect(manifest.peerDependencies).toBeUndefined();
    expect(existsSync(join(installed, 'nodes'))).toBe(false);
    expect(existsSync(join(installed, 'LICENSE'))).toBe(true);
  });

  it('a timed-out n8n command leaves no process behind (its whole process group is killed)', async () => {
    let largestGroup: string[] = [];
    // `n8n start` never ends by itself: the timeout stops it, and the task runner it started.
    const error = await n8n
      .runN8n(sandbox, ['start'], {
        timeoutMs: 45_000,
        env: { N8N_PORT: String(await n8n.getFreePort()) },
        onOutput: (_output, child) => {
          const members = processesIn(child.pid!);
          if (members.length > largestGroup.length) largestGroup = members;
        },
      })
      .then(
        () => undefined,
        (rejected: unknown) => rejected as Error & { pid?: number },
      );
    expect(error?.message).toMatch(/timed out after 45000 ms/);
    const pgid = error!.pid!;
    expect(pgid).toBeGreaterThan(0);
    expect(largestGroup.length, `n8n and its task runner share the group: ${largestGroup.join(' | ')}`).toBeGreaterThanOrEqual(2);
    // The group is gone within a few seconds, and the harness no longer tracks it.
    const deadline = Date.now() + 10_000;
    while (processesIn(pgid).length > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 200));
    expect(processesIn(pgid)).toEqual([]);
    expect(n8n.liveProcessGroups()).not.toContain(pgid);
  });

  it('a test process that exits while n8n runs leaves no n8n behind (the harness kills its groups on exit)', async () => {
    // A vitest worker that ends (a failed hook, a timeout that ends the run, Ctrl+C) without stopping n8n.
    const script = `
      const n8n = await import(${JSON.stringify(pathToFileURL(HARNESS_PATH).href)});
      const sandbox = JSON.parse(process.argv[1]);
      n8n.runN8n(sandbox, ['start'], { timeoutMs: 120000, env: { N8N_PORT: process.argv[2] }, onOutput: (output, child) => {
        if (/Editor is now accessible/.test(output)) { console.log('PGID ' + child.pid); process.exit(3); }
      } });`;
    const child = spawnSync(n8n.resolveNodeBin(), ['--input-type=module', '-e', script, JSON.stringify(sandbox), String(await n8n.getFreePort())], {
      encoding: 'utf8',
      timeout: 150_000,
    });
    expect(child.status, child.stderr.slice(-2000)).toBe(3);
    const pgid = Number(/PGID (\d+)/.exec(child.stdout)?.[1]);
    expect(pgid).toBeGreaterThan(0);
    try {
      const deadline = Date.now() + 10_000;
      while (processesIn(pgid).length > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 200));
      expect(processesIn(pgid)).toEqual([]);
    } finally {
      if (processesIn(pgid).length > 0) process.kill(-pgid, 'SIGKILL'); // not to leave what the test found
    }
  });

  it('lists timbres and catalogue speakers with Return All, every item paired', async () => {
    // One transient 503 first: the bundled client retries the read after a backoff (n8n-workflow's sleep).
    await emu.control('faults', { failNext: { count: 1, httpStatus: 503, code: 'ServiceUnavailableTemp', message: 'busy', action: 'ListBigModelTTSTimbres' } });
    const workflow = chain(
      'e2e list timbres',
      manualTrigger,
      volcNode('List timbres', { resource: 'timbre', operation: 'ListBigModelTTSTimbres', returnAll: true }),
      volcNode('List speakers', { resource: 'timbre', operation: 'ListSpeakers', resourceIds: 'seed-tts-1.0,seed-tts-2.0', returnAll: true }, { executeOnce: true }),
    );
    const result = await run(workflow);
    expect(result.status, JSON.stringify(result.error)).toBe('success');
    const timbres = ((await emu.client.callUnchecked('ListBigModelTTSTimbres', {})) as { Timbres: unknown[] }).Timbres;
    const speakers = (await emu.client.callUnchecked('ListSpeakers', { Page: 1, Limit: '1', ResourceIDs: ['seed-tts-1.0', 'seed-tts-2.0'] })) as { Total: number };
    expect(outputOf(result, 'List timbres').map((item) => item.json.SpeakerID)).toEqual(timbres.map((timbre) => (timbre as { SpeakerID: string }).SpeakerID));
    // ListSpeakers is paged (100 a page): Return All walked every page.
    expect(outputOf(result, 'List speakers')).toHaveLength(speakers.Total);
    for (const node of ['List timbres', 'List speakers']) {
      expect(outputOf(result, node).every((item) => item.pairedItem !== undefined)).toBe(true);
    }
    figures.executeListTimbresMs = String(result.executeMs);
  });

  it('creates an API key, then deletes it by the ID the create step returned', async () => {
    const name = `n8n-e2e-${Date.now()}`;
    const result = await run(
      chain(
        'e2e api key',
        manualTrigger,
        volcNode('Create API key', { resource: 'apiKey', operation: 'CreateAPIKey', name }),
        volcNode('Delete API key', { resource: 'apiKey', operation: 'DeleteAPIKey', id: '={{ $json.ID }}' }),
      ),
    );
    expect(result.status, JSON.stringify(result.error)).toBe('success');
    const [created] = outputOf(result, 'Create API key');
    expect(created?.json).toMatchObject({ Name: name, ID: expect.any(Number), created: true });
    expect(outputOf(result, 'Delete API key')[0]?.json).toMatchObject({ success: true, action: 'DeleteAPIKey', request: { ID: created?.json.ID } });
    const keys = ((await emu.client.callUnchecked('ListAPIKeys', { ProjectName: 'default' })) as { APIKeys: Array<{ Name: string }> }).APIKeys;
    expect(keys.map((key) => key.Name)).not.toContain(name);
  });

  it('pauses, then resumes the service with the nodes of the "pause at 95%" example', async () => {
    await emu.control('reset', {});
    const shipped = example('pause-on-quota-resume-next-day.json');
    // The pause branch, fed the item the trigger would emit.
    const quotaEvent: WorkflowNode = {
      name: 'Quota event',
      type: 'n8n-nodes-base.set',
      typeVersion: 3.4,
      parameters: { assignments: { assignments: [{ id: 'r', name: 'resourceId', type: 'string', value: TTS }] }, options: {} },
    };
    const paused = await run(chain('e2e pause', manualTrigger, quotaEvent, nodeOf(shipped, 'Pause service')));
    expect(paused.status, JSON.stringify(paused.error)).toBe('success');
    expect(outputOf(paused, 'Pause service')[0]?.json).toMatchObject({ success: true, request: { ResourceIDs: [TTS] } });
    expect(await serviceStatus()).toBe(SERVICE_STATUS.paused);

    // The daily resume branch, started by hand instead of the schedule.
    const resume: Workflow = {
      ...shipped,
      name: 'e2e resume',
      nodes: [manualTrigger, ...['Get service status', 'Paused?', 'Resume service'].map((name) => nodeOf(shipped, name))],
      connections: { ...(shipped.connections as Record<string, unknown>), Start: { main: [[{ node: 'Get service status', type: 'main', index: 0 }]] } },
    };
    delete (resume.connections as Record<string, unknown>)['Quota passed 95%'];
    delete (resume.connections as Record<string, unknown>)['Every day at 00:05'];
    const resumed = await run(resume);
    expect(resumed.status, JSON.stringify(resumed.error)).toBe('success');
    expect(outputOf(resumed, 'Resume service')[0]?.json).toMatchObject({ success: true, action: 'ResumeService' });
    expect(await serviceStatus()).toBe(SERVICE_STATUS.running);
  });

  it('reads resource locators as the editor saves them: an API key from the list, speakers as entries (one an expression list)', async () => {
    const keys = ((await emu.client.callUnchecked('ListAPIKeys', { ProjectName: 'default' })) as { APIKeys: Array<{ ID: number; Name: string }> }).APIKeys;
    const key = keys[0]!;
    const voices = (await emu.client.listAllUnchecked('BatchListMegaTTSTrainStatus', { ProjectName: 'default', State: 'Success' })) as Array<{ SpeakerID: string }>;
    expect(voices.length, 'the seed has three voices in Success').toBeGreaterThanOrEqual(3);
    // Two of them: a from the list, c through an expression list; b must stay out.
    const [a, b, c] = voices.map((voice) => voice.SpeakerID);
    const renamed = `${key.Name}-renamed`;
    const result = await run(
      chain(
        'e2e locators',
        manualTrigger,
        volcNode('Rename key', {
          resource: 'apiKey',
          operation: 'UpdateAPIKey',
          id: { __rl: true, mode: 'list', value: String(key.ID), cachedResultName: `${key.Name} (${key.ID})` },
          additionalFields: { name: renamed },
        }),
        volcNode('Some voices', {
          resource: 'voiceClone',
          operation: 'BatchListMegaTTSTrainStatus',
          state: 'Success',
          returnAll: true,
          additionalFields: {
            speakerIds: {
              entry: [
                { id: { __rl: true, mode: 'list', value: a } },
                { id: { __rl: true, mode: 'id', value: `={{ ['${c}'] }}` } },
              ],
            },
          },
        }),
      ),
    );
    expect(result.status, JSON.stringify(result.error)).toBe('success');
    expect(outputOf(result, 'Rename key')[0]?.json).toMatchObject({ success: true, request: { ID: key.ID, Name: renamed } });
    const after = ((await emu.client.callUnchecked('ListAPIKeys', { ProjectName: 'default' })) as { APIKeys: Array<{ ID: number; Name: string }> }).APIKeys;
    expect(after.find((entry) => entry.ID === key.ID)?.Name).toBe(renamed);
    expect(outputOf(result, 'Some voices').map((item) => item.json.SpeakerID).sort()).toEqual([a, c].sort());
    expect(b).not.toBe(a);
  });

  it('gives a failed call as item data with continue-on-fail, and a NodeApiError without', async () => {
    await emu.control('faults', {
      failNext: { count: 1, httpStatus: 403, code: 'AccessDenied', message: 'User is not authorized to perform speech_saas_prod:ListAPIKeys', action: 'ListAPIKeys' },
    });
    const result = await run(
      chain(
        'e2e failures',
        manualTrigger,
        volcNode('List API keys', { resource: 'apiKey', operation: 'ListAPIKeys', returnAll: true }, { onError: 'continueRegularOutput' }),
        volcNode('Delete missing key', { resource: 'apiKey', operation: 'DeleteAPIKey', id: 987654 }, { executeOnce: true }),
      ),
    );
    const [failed] = outputOf(result, 'List API keys');
    expect(failed?.json).toMatchObject({
      code: 'AccessDenied',
      httpStatus: 403,
      action: 'ListAPIKeys',
      message: expect.stringContaining('not authorized'),
      requestId: expect.any(String),
    });
    expect(failed?.pairedItem).toBeDefined();
    // The next node has no continue-on-fail: the run fails with the service's code and RequestId.
    expect(result.status).toBe('error');
    const nodeError = result.runData['Delete missing key']?.[0]?.error;
    expect(nodeError?.message ?? result.error?.message).toMatch(/^[A-Za-z.]+( \(\d+\))?: /);
    expect(nodeError?.description ?? result.error?.description).toMatch(/Action DeleteAPIKey · HTTP 4\d\d · RequestId \S+/);
  });

  it('builds the daily usage report of the example', async () => {
    const shipped = example('daily-usage-report.json');
    const workflow: Workflow = {
      ...shipped,
      nodes: [manualTrigger, ...shipped.nodes.filter((node) => node.type !== 'n8n-nodes-base.scheduleTrigger')],
      connections: { ...(shipped.connections as Record<string, unknown>), Start: { main: [[{ node: "Yesterday's usage", type: 'main', index: 0 }]] } },
    };
    delete (workflow.connections as Record<string, unknown>)['Every day at 08:00'];
    const result = await run(workflow);
    expect(result.status, JSON.stringify(result.error)).toBe('success');
    const [report] = outputOf(result, 'Build report');
    expect(report?.json).toMatchObject({ day: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/), total: expect.any(Number) });
    expect(report?.json.text).toMatch(/^Doubao Speech usage on \d{4}-\d{2}-\d{2}: [\d,]+ text_words\n- volc\.service_type\.10029: [\d.]+% of packs used/);
  });

  it('the "pause at 95%" trigger fires once when usage crosses 95%, and the service is paused', async () => {
    await emu.control('reset', {});
    const shipped = example('pause-on-quota-resume-next-day.json');
    const workflow: Workflow = {
      id: 'e2eQuotaPause0001',
      name: 'e2e quota crossing',
      nodes: [nodeOf(shipped, 'Quota passed 95%'), nodeOf(shipped, 'Pause service')],
      connections: { 'Quota passed 95%': (shipped.connections as Record<string, unknown>)['Quota passed 95%'] },
      settings: { executionOrder: 'v1' },
    };
    // Only the poll at activation, none on a schedule while the server runs.
    workflow.nodes[0]!.parameters.pollTimes = { item: [{ mode: 'custom', cronExpression: '0 0 1 1 *' }] };

    const below = await usageToReach(emu.client, TTS, 95);
    expect(below, 'the seed starts below 95%').toBeGreaterThan(0);
    await emu.control('usage', { resourceId: TTS, amount: await usageToReach(emu.client, TTS, 96) });

    const first = await n8n.runPollingWorkflow(sandbox, workflow, { timeoutMs: 120_000 });
    expect(first.status, first.activationError ?? first.serverLog.slice(-2000)).toBe('success');
    expect(first.executions).toHaveLength(1);
    const events = outputOf(first, 'Quota passed 95%');
    expect(events).toHaveLength(1);
    expect(events[0]?.json).toMatchObject({ event: 'quotaThresholdCrossed', quotaSource: 'resourcePack', resourceId: TTS, thresholdPercent: 95 });
    expect(events[0]?.json.percentUsed).toBeGreaterThanOrEqual(95);
    expect(outputOf(first, 'Pause service')[0]?.json).toMatchObject({ success: true, request: { ResourceIDs: [TTS] } });
    expect(await serviceStatus()).toBe(SERVICE_STATUS.paused);
    figures.pollingRunMs = String(first.durationMs);

    // Same workflow, next poll: still above 95%, already reported (workflow static data).
    await emu.control('usage', { resourceId: TTS, amount: 1000 });
    const second = await n8n.runPollingWorkflow(sandbox, workflow, { timeoutMs: 120_000 });
    expect(second.activationError).toBeUndefined();
    expect(second.status).toBe('no-execution');
  });

  it('the expiry alert example reports the voice that expires within 7 days', async () => {
    await emu.control('reset', {});
    const workflow = { ...example('alert-voice-expiring-within-7-days.json'), id: 'e2eVoiceExpiry001' };
    const now = Date.now();
    const soon = (
      (await emu.client.listAllUnchecked('BatchListMegaTTSTrainStatus', { ProjectName: 'default', State: 'Success' })) as Array<{ SpeakerID: string; ExpireTime: number }>
    ).filter((voice) => voice.ExpireTime >= now && voice.ExpireTime <= now + 7 * 86_400_000);
    expect(soon.length, 'the seed has a voice expiring within 7 days').toBeGreaterThan(0);

    const result = await n8n.runPollingWorkflow(sandbox, workflow, { timeoutMs: 120_000 });
    expect(result.status, result.activationError ?? result.serverLog.slice(-2000)).toBe('success');
    const alerts = outputOf(result, 'Compose alert');
    expect(alerts.map((alert) => alert.json.speakerId).sort()).toEqual(soon.map((voice) => voice.SpeakerID).sort());
    expect(alerts[0]?.json.message).toMatch(/^Cloned voice ".+" \(S_\w+\) expires on \d{4}-\d{2}-\d{2}T.+, in [\d.]+ days\./);
  });

  it('measures the package: dist size and the cold load of the node', () => {
    const out = execFileSync(n8n.resolveNodeBin(), [join(PACKAGE_DIR, 'bench/cold-load.mjs'), '--runs=5', '--json'], { cwd: PACKAGE_DIR, encoding: 'utf8' });
    const measured = JSON.parse(out) as { distBytes: number; coldLoadMs: { median: number } };
    expect(measured.distBytes).toBeLessThan(1024 * 1024);
    figures.distBytes = String(measured.distBytes);
    figures.coldLoadMedianMs = measured.coldLoadMs.median.toFixed(1);
  });
});
