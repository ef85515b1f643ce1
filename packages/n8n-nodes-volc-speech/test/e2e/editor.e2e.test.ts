/**
 * The package in a started n8n (`n8n start`, owner account), installed from its tarball
 * (globalSetup.ts) into a fresh user folder, reached the way the editor reaches it: the REST
 * route behind the editor's "Execute workflow" button, and the editor itself in headless
 * Chromium. The pictures it takes go to docs/ and the READMEs show them.
 *
 * Without n8n the suite is skipped locally and fails in CI (n8n.e2e.test.ts says so).
 */
import { readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SERVICE_STATUS } from '@volc-speech/client';
import { chromium } from 'playwright-core';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';

import { startTestEmulator, usageToReach } from '../support/emulator';
import type { TestEmulator } from '../support/emulator';
import { loadHarness, outputOf } from '../support/harness';
import type { Harness, N8nServer, Sandbox, StoredExecution, Workflow } from '../support/harness';

const PACKAGE_DIR = join(import.meta.dirname, '../..');
const DOCS_DIR = join(PACKAGE_DIR, 'docs');
const TTS = 'volc.service_type.10029';
const CREDENTIAL = { id: 'volcSpeechEditor01', name: 'Volcengine Speech (emulator)' };
const WORKFLOW_ID = 'e2eEditorPause001';
const TRIGGER = 'Quota passed 95%';
const PAUSE = 'Pause service';

const { harness, missing } = await loadHarness();

function pauseExample(): Workflow {
  const workflow = JSON.parse(readFileSync(join(PACKAGE_DIR, 'examples/pause-on-quota-resume-next-day.json'), 'utf8')) as Workflow;
  // The example names a credential the user picks on import; here it is the emulator's.
  for (const node of workflow.nodes) if (node.credentials) node.credentials = { volcSpeechApi: CREDENTIAL };
  return { ...workflow, id: WORKFLOW_ID };
}

describe.skipIf(!!missing)('n8n-nodes-volc-speech in a started n8n (REST and editor)', () => {
  const n8n = harness as Harness;
  let emu: TestEmulator;
  let sandbox: Sandbox;
  let server: N8nServer;

  const serviceStatus = async () =>
    ((await emu.client.callUnchecked('ServiceStatus', { ProjectName: 'default', ResourceID: TTS, BlueprintID: 10029 })) as { Status?: string }).Status;

  beforeAll(async () => {
    emu = await startTestEmulator();
    sandbox = await n8n.createN8nSandbox({ tarball: inject('n8nTarball') });
    await n8n.importCredentials(sandbox, [
      { ...CREDENTIAL, type: 'volcSpeechApi', data: { ...emu.credentials, sessionToken: '', customRegion: '' } },
    ]);
    await n8n.importWorkflow(sandbox, pauseExample());
    server = await n8n.startN8nServer(sandbox);
  });

  afterAll(async () => {
    await server?.stop();
    if (sandbox) await n8n.removeSandbox(sandbox);
    await emu?.close();
  });

  /**
   * What the editor's "Execute workflow" sends for a workflow started by this trigger
   * (POST /rest/workflows/:id/run, `triggerToStartFrom`: n8n runs it in mode "manual"; `n8n
   * execute` would run mode "cli", which is not what a click does). Waits for the run.
   */
  async function executeFromEditor(triggerName: string): Promise<StoredExecution> {
    const before = new Set((await n8n.readExecutions(sandbox, WORKFLOW_ID)).map((execution) => execution.id));
    const response = await fetch(`${server.url}/rest/workflows/${WORKFLOW_ID}/run`, {
      method: 'POST',
      headers: { cookie: server.cookie, 'content-type': 'application/json' },
      body: JSON.stringify({ triggerToStartFrom: { name: triggerName } }),
    });
    const body = (await response.json()) as { data?: { executionId?: string } };
    expect(response.status, JSON.stringify(body)).toBe(200);
    const executionId = body.data?.executionId;
    expect(executionId, JSON.stringify(body)).toBeTruthy();
    const deadline = Date.now() + 90_000;
    for (;;) {
      const found = (await n8n.readExecutions(sandbox, WORKFLOW_ID)).find((execution) => execution.id === String(executionId) && !before.has(execution.id));
      if (found && ['success', 'error', 'crashed', 'canceled'].includes(found.status)) return found;
      if (Date.now() > deadline) throw new Error(`execution ${executionId} did not finish: ${server.log().slice(-2000)}`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }

  it('"Execute workflow" on the pause-at-95% example does not pause the service, below or above 95%, and says why', async () => {
    await emu.control('reset', {});
    expect(await serviceStatus()).toBe(SERVICE_STATUS.running);

    for (const level of ['below', 'above'] as const) {
      if (level === 'above') await emu.control('usage', { resourceId: TTS, amount: await usageToReach(emu.client, TTS, 97) });
      else expect(await usageToReach(emu.client, TTS, 95), 'the seed starts below 95%').toBeGreaterThan(0);

      const execution = await executeFromEditor(TRIGGER);
      expect(execution.mode).toBe('manual');
      // The trigger ran in manual mode: one item (a sample below 95%, the real crossing above), marked as a test item.
      const events = outputOf(execution, TRIGGER);
      expect(events, level).toHaveLength(1);
      expect(events[0]?.json).toMatchObject({ event: 'quotaThresholdCrossed', resourceId: TTS, fromTestRun: true });
      if (level === 'above') expect(events[0]?.json.percentUsed).toBeGreaterThanOrEqual(95);
      else expect(events[0]?.json.sample).toBe(true);
      // "Pause service" refused the item and sent nothing; the run says why.
      expect(execution.status, level).toBe('error');
      const refusal = execution.runData[PAUSE]?.[0]?.error;
      expect(refusal?.message).toBe('Pause Service did not run: this item comes from a test run of the Volcengine Speech Trigger');
      expect(refusal?.description).toMatch(/never stop service or spend money.+published/);
      expect(await serviceStatus(), `service after a test click with usage ${level} 95%`).toBe(SERVICE_STATUS.running);
    }
  });

  describe('in the editor (headless Chromium)', () => {
    let browser: Browser;
    let page: Page;
    const problems: string[] = [];

    beforeAll(async () => {
      browser = await chromium.launch({
        executablePath: '/usr/bin/chromium',
        headless: true,
        args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
      });
      const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, deviceScaleFactor: 1, locale: 'en-US' });
      page = await context.newPage();
      page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
      await mkdir(DOCS_DIR, { recursive: true });
    });

    afterAll(async () => {
      await browser?.close();
    });

    /** On a failed step: what the page shows, for the error message (and a picture in the OS temp folder). */
    async function explain(error: unknown): Promise<never> {
      const ids = await page
        .locator('[data-test-id]')
        .evaluateAll((elements) => [...new Set(elements.map((element) => element.getAttribute('data-test-id')))].slice(0, 80).join(' '))
        .catch(() => '');
      await page.screenshot({ path: join(tmpdir(), 'n8n-editor-failure.png') }).catch(() => undefined);
      throw new Error(`${String(error)}\nat ${page.url()}; data-test-ids: ${ids}`);
    }

    it('signs in as the owner and shows the example on the canvas with our nodes', async () => {
      try {
        await page.goto(`${server.url}/signin`);
        await page.getByLabel('Email').fill(server.owner.email);
        await page.getByLabel('Password').fill(server.owner.password);
        await page.getByRole('button', { name: 'Sign in' }).click();
        await page.waitForURL((url) => !url.pathname.startsWith('/signin'));

        await page.goto(`${server.url}/workflow/${WORKFLOW_ID}`);
        const trigger = page.locator(`[data-test-id="canvas-node"][data-node-name="${TRIGGER}"]`);
        const pause = page.locator(`[data-test-id="canvas-node"][data-node-name="${PAUSE}"]`);
        await trigger.waitFor({ timeout: 60_000 });
        await expect.poll(() => pause.innerText()).toContain(PAUSE);
        // Our nodes loaded from the installed package: the canvas subtitle is our description's.
        await expect.poll(() => pause.innerText()).toContain('Pause: Service');
        await expect.poll(() => page.locator('[data-test-id="canvas-node"]').count()).toBeGreaterThanOrEqual(5);
        // The editor's default run starts from our trigger, as the REST test above does.
        await expect.poll(() => page.locator('[data-test-id="execute-workflow-button"]').innerText()).toContain(`from ${TRIGGER}`);
        await page.locator('[data-test-id="zoom-to-fit"]').click();
        await page.waitForTimeout(500); // the zoom animates
        await page.screenshot({ path: join(DOCS_DIR, 'n8n-editor-canvas.png') });
      } catch (error) {
        await explain(error);
      }
    });

    it('opens "Pause service": our fields and the notice of what the operation stops', async () => {
      try {
        await page.locator(`[data-test-id="canvas-node"][data-node-name="${PAUSE}"]`).dblclick();
        const panel = page.locator('[data-test-id="ndv"]');
        await panel.waitFor();
        await expect.poll(() => panel.locator('[data-test-id="node-title-container"]').innerText()).toContain(PAUSE);
        for (const label of ['Credential', 'Resource', 'Operation', 'Services']) {
          await expect.poll(() => panel.getByText(label, { exact: true }).count(), { message: label }).toBeGreaterThan(0);
        }
        // The operation's own notice (nodes/VolcSpeech/helpers/notices.ts).
        await expect.poll(() => panel.innerText()).toMatch(/Pausing stops the selected services at once/);
        await page.screenshot({ path: join(DOCS_DIR, 'n8n-editor-pause-service.png') });
      } catch (error) {
        await explain(error);
      }
      expect(problems).toEqual([]);
    });
  });
});
