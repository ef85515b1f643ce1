/** The package as n8n sees it: package.json, codex files, icons, credential defaults, examples, README. */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_ENDPOINT, DEFAULT_REGION, KNOWN_REGIONS } from '@volc-speech/client';
import { NodeHelpers } from 'n8n-workflow';
import type { INode, INodeType } from 'n8n-workflow';
import { describe, expect, it } from 'vitest';

import { VolcSpeechApi } from '../../credentials/VolcSpeechApi.credentials';
import { VolcSpeech } from '../../nodes/VolcSpeech/VolcSpeech.node';
import { VolcSpeechTrigger } from '../../nodes/VolcSpeechTrigger/VolcSpeechTrigger.node';
import { operationsTable } from '../support/operationsTable';

const root = join(import.meta.dirname, '../..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as Record<string, unknown> & {
  n8n: { credentials: string[]; nodes: string[] };
};
const nodeTypes: Record<string, INodeType> = { volcSpeech: new VolcSpeech(), volcSpeechTrigger: new VolcSpeechTrigger() };

describe('package.json', () => {
  it('is named and tagged as n8n expects of a community package', () => {
    expect(pkg.name).toMatch(/^n8n-nodes-/);
    expect(pkg.keywords).toContain('n8n-community-node-package');
    expect(pkg.peerDependencies).toEqual({ 'n8n-workflow': '*' });
    expect(pkg.dependencies).toBeUndefined();
  });

  it('lists built files whose sources exist, under their class names', () => {
    for (const file of [...pkg.n8n.credentials, ...pkg.n8n.nodes]) {
      expect(file).toMatch(/^dist\/.+\.js$/);
      expect(existsSync(join(root, file.replace(/^dist\//, '').replace(/\.js$/, '.ts')))).toBe(true);
    }
  });
});

describe('nodes and credential', () => {
  it('ship codex files naming <package>.<node> and icons next to the sources', () => {
    for (const [name, nodeType] of Object.entries(nodeTypes)) {
      const dir = join(root, 'nodes', name[0]!.toUpperCase() + name.slice(1));
      const codex = JSON.parse(readFileSync(join(dir, `${name[0]!.toUpperCase()}${name.slice(1)}.node.json`), 'utf8')) as { node: string };
      expect(codex.node).toBe(`${pkg.name as string}.${name}`);
      const icon = nodeType.description.icon as { light: string; dark: string };
      for (const file of [icon.light, icon.dark]) expect(existsSync(join(dir, file.replace(/^file:/, '')))).toBe(true);
    }
    const credentialIcon = new VolcSpeechApi().icon;
    expect(existsSync(join(root, 'credentials', credentialIcon.light.replace(/^file:/, '')))).toBe(true);
  });

  it('the action node is usable as an AI tool, the trigger is not; both have the credential test', () => {
    expect(nodeTypes.volcSpeech!.description.usableAsTool).toBe(true);
    expect(nodeTypes.volcSpeechTrigger!.description.usableAsTool).toBeUndefined();
    for (const nodeType of Object.values(nodeTypes)) {
      expect(nodeType.description.credentials).toEqual([{ name: 'volcSpeechApi', required: true, testedBy: 'volcSpeechApiTest' }]);
      expect(typeof nodeType.methods?.credentialTest?.volcSpeechApiTest).toBe('function');
    }
  });

  it('the credential defaults are the client\'s (unknowns.ts), the secret a password field', () => {
    const properties = new VolcSpeechApi().properties;
    const byName = Object.fromEntries(properties.map((property) => [property.name, property]));
    expect(byName.endpoint?.default).toBe(DEFAULT_ENDPOINT);
    expect(byName.region?.default).toBe(DEFAULT_REGION);
    expect(byName.region?.options?.map((option) => (option as { value: string }).value)).toEqual(expect.arrayContaining([...KNOWN_REGIONS, 'custom']));
    expect(byName.secretAccessKey?.typeOptions?.password).toBe(true);
    expect(byName.sessionToken?.typeOptions?.password).toBe(true);
  });
});

describe('example workflows', () => {
  const examples = readdirSync(join(root, 'examples')).filter((file) => file.endsWith('.json'));

  it('are the three the issue asks for', () => {
    expect(examples.sort()).toEqual(['alert-voice-expiring-within-7-days.json', 'daily-usage-report.json', 'pause-on-quota-resume-next-day.json']);
  });

  it.each(examples)('%s uses our nodes with parameters n8n accepts', (file) => {
    const workflow = JSON.parse(readFileSync(join(root, 'examples', file), 'utf8')) as { nodes: INode[]; connections: Record<string, unknown> };
    const ours = workflow.nodes.filter((node) => node.type.startsWith(`${pkg.name as string}.`));
    expect(ours.length).toBeGreaterThan(0);
    for (const node of ours) {
      const nodeType = nodeTypes[node.type.split('.')[1]!]!;
      expect(node.credentials).toHaveProperty('volcSpeechApi');
      // n8n fills in the defaults of parameters a workflow file leaves out, then checks them.
      const parameters = NodeHelpers.getNodeParameters(nodeType.description.properties, node.parameters, true, false, node, nodeType.description);
      const issues = NodeHelpers.getNodeParametersIssues(nodeType.description.properties, { ...node, parameters: parameters ?? {} }, nodeType.description);
      expect(issues, `${file} / ${node.name}`).toBeNull();
    }
    for (const source of Object.keys(workflow.connections)) expect(workflow.nodes.map((node) => node.name)).toContain(source);
  });
});

describe('README', () => {
  it('has the operations table of the current action table', () => {
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    expect(readme).toContain(operationsTable());
  });
});
