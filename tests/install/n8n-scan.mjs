#!/usr/bin/env node
// What n8n's verification scan (`npx @n8n/scan-community-package`, 0.32.0, scanner/scanner.mjs)
// does with a package, without the registry: `analyzePackage(dir, patterns)` with the config of
// `buildScanConfig()`, rule for rule, on ESLint 9.29.0 as the scanner pins it (the n8n package's
// own copy). Run in its own process: eslint-plugin-n8n-nodes-base changes its behaviour when
// NODE_ENV=test (as under vitest), so the caller clears it.
//
//   node tests/install/n8n-scan.mjs <dir> <pattern>...   → JSON { linted, errors, warnings } on stdout
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const fromPackage = createRequire(path.join(root, 'packages/n8n-nodes-volc-speech/package.json'));
const load = async (name) => await import(pathToFileURL(fromPackage.resolve(name)).href);

const [dir, ...patterns] = process.argv.slice(2);
if (!dir || patterns.length === 0) {
  console.error('usage: node tests/install/n8n-scan.mjs <dir> <pattern>...');
  process.exit(2);
}
if (process.env.NODE_ENV === 'test') {
  console.error('NODE_ENV=test changes the rules of eslint-plugin-n8n-nodes-base: run without it');
  process.exit(2);
}

const { ESLint } = await load('eslint');
const { n8nCommunityNodesPlugin } = await load('@n8n/eslint-plugin-community-nodes');
const nodesBase = (await load('eslint-plugin-n8n-nodes-base')).default;
const tsParser = await load('@typescript-eslint/parser');
const parser = tsParser.default ?? tsParser;

const scanConfig = [
  n8nCommunityNodesPlugin.configs.recommended,
  { rules: { 'no-console': 'error' } },
  { plugins: { 'n8n-nodes-base': nodesBase } },
  { files: ['package.json'], rules: { ...nodesBase.configs.community.rules } },
  {
    files: ['**/credentials/**/*.ts'],
    rules: {
      ...nodesBase.configs.credentials.rules,
      'n8n-nodes-base/cred-class-field-documentation-url-miscased': 'off',
      'n8n-nodes-base/cred-class-field-type-options-password-missing': 'off',
    },
  },
  {
    files: ['**/nodes/**/*.ts'],
    rules: {
      ...nodesBase.configs.nodes.rules,
      'n8n-nodes-base/node-class-description-inputs-wrong-regular-node': 'off',
      'n8n-nodes-base/node-class-description-outputs-wrong': 'off',
      'n8n-nodes-base/node-param-type-options-max-value-present': 'off',
    },
  },
  { files: ['**/*.json'], languageOptions: { parser } },
  { files: ['**/*.ts'], languageOptions: { parser } },
];

const eslint = new ESLint({ cwd: path.resolve(dir), allowInlineConfig: false, overrideConfigFile: true, overrideConfig: scanConfig });
const results = await eslint.lintFiles(patterns);
const rel = (file) => path.relative(path.resolve(dir), file);
const messages = (severity) =>
  results.flatMap((r) => r.messages.filter((m) => m.severity === severity).map((m) => `${rel(r.filePath)}:${m.line} ${m.ruleId}: ${m.message}`));
console.log(JSON.stringify({ eslint: ESLint.version, linted: results.map((r) => rel(r.filePath)), errors: messages(2), warnings: messages(1) }));
