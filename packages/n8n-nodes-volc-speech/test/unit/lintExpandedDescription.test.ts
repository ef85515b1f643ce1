/**
 * n8n's node linter reads object literals, so it cannot see the fields generated from the
 * action table. Here the nodes' descriptions are expanded into literal source and linted with
 * the same rules as `npm run lint` (eslint.config.mjs), at the real file paths (icons resolve).
 */
import { join } from 'node:path';
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';
import type { INodeTypeDescription } from 'n8n-workflow';

import { VolcSpeech } from '../../nodes/VolcSpeech/VolcSpeech.node';
import { VolcSpeechTrigger } from '../../nodes/VolcSpeechTrigger/VolcSpeechTrigger.node';

const root = join(import.meta.dirname, '../..');

// eslint-plugin-n8n-nodes-base pretends every file is "Test.node.ts" when NODE_ENV is "test"
// (vitest's default); it reads the variable once, when eslint.config.mjs loads it below.
process.env.NODE_ENV = 'production';

/** A JS literal with identifier keys unquoted, as a hand-written node would have them. */
function literal(value: unknown, indent = ''): string {
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    return `[\n${value.map((entry) => `${inner}${literal(entry, inner)}`).join(',\n')},\n${indent}]`;
  }
  if (value && typeof value === 'object') {
    const entries = Object.entries(value).filter(([, entry]) => entry !== undefined);
    if (entries.length === 0) return '{}';
    const key = (name: string) => (/^[A-Za-z_$][\w$]*$/.test(name) ? name : JSON.stringify(name));
    return `{\n${entries.map(([name, entry]) => `${inner}${key(name)}: ${literal(entry, inner)}`).join(',\n')},\n${indent}}`;
  }
  return typeof value === 'string' ? `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'` : JSON.stringify(value);
}

function expandedSource(className: string, description: INodeTypeDescription): string {
  const body = literal(description, '  ')
    // The connection types are the enum in the real source, as n8n's linter wants them.
    .replace(/(inputs|outputs): \[\n\s*'main',\n\s*\]/g, '$1: [NodeConnectionTypes.Main]');
  return [
    "import { NodeConnectionTypes } from 'n8n-workflow';",
    "import type { INodeType, INodeTypeDescription } from 'n8n-workflow';",
    '',
    `export class ${className} implements INodeType {`,
    `  description: INodeTypeDescription = ${body};`,
    '}',
    '',
  ].join('\n');
}

async function lint(file: string, source: string): Promise<string[]> {
  const config = (await import(join(root, 'eslint.config.mjs'))) as { default: unknown[] };
  const eslint = new ESLint({
    cwd: root,
    overrideConfigFile: true,
    overrideConfig: [...(config.default as never[]), { files: ['**/*.ts'], languageOptions: { parser: tseslint.parser } }],
  });
  const [result] = await eslint.lintText(source, { filePath: join(root, file) });
  const lines = source.split('\n');
  return (result?.messages ?? []).map(
    (message) => `${message.line}:${message.column} ${message.ruleId ?? ''} ${message.message} «${lines[message.line - 1]?.trim() ?? ''}»`,
  );
}

describe("n8n's node linter over the expanded descriptions", () => {
  it('finds nothing in the action node (all 25 operations and their generated fields)', async () => {
    const source = expandedSource('VolcSpeech', new VolcSpeech().description);
    expect(await lint('nodes/VolcSpeech/VolcSpeech.node.ts', source)).toEqual([]);
  });

  it('finds nothing in the trigger node', async () => {
    const source = expandedSource('VolcSpeechTrigger', new VolcSpeechTrigger().description);
    expect(await lint('nodes/VolcSpeechTrigger/VolcSpeechTrigger.node.ts', source)).toEqual([]);
  });
});
