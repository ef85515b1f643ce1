// The workspace's TypeScript rules everywhere, and on what n8n loads (nodes/, credentials/,
// package.json) the same rule sets n8n's community-package scanner applies:
// @n8n/eslint-plugin-community-nodes `recommended` (the n8n Cloud set) plus
// eslint-plugin-n8n-nodes-base's community / credentials / nodes sets, with only the scanner's
// own overrides. Fields generated from the action table are invisible to these AST rules, so
// test/unit/lintExpandedDescription.test.ts runs the same rules over the expanded descriptions.
import { n8nCommunityNodesPlugin } from '@n8n/eslint-plugin-community-nodes';
import n8nNodesBase from 'eslint-plugin-n8n-nodes-base';
import tseslint from 'typescript-eslint';

import workspace from '../../eslint.config.mjs';

const community = n8nCommunityNodesPlugin.configs.recommended;
const shipped = ['nodes/**/*.ts', 'credentials/**/*.ts'];

export const nodeRules = {
  ...n8nNodesBase.configs.nodes.rules,
  // Scanner overrides: inputs/outputs are the NodeConnectionTypes enum, not the string 'main'.
  'n8n-nodes-base/node-class-description-inputs-wrong-regular-node': 'off',
  'n8n-nodes-base/node-class-description-outputs-wrong': 'off',
  'n8n-nodes-base/node-param-type-options-max-value-present': 'off',
};

export const credentialRules = {
  ...n8nNodesBase.configs.credentials.rules,
  // Scanner overrides: not valid for community nodes / superseded by credential-password-field.
  'n8n-nodes-base/cred-class-field-documentation-url-miscased': 'off',
  'n8n-nodes-base/cred-class-field-type-options-password-missing': 'off',
};

export default [
  { ignores: ['dist/**', 'node_modules/**', 'examples/**', '**/*.json', '!package.json'] },
  ...workspace,
  {
    files: shipped,
    plugins: { ...community.plugins, 'n8n-nodes-base': n8nNodesBase },
    rules: { ...community.rules, 'no-console': 'error' },
  },
  { files: ['nodes/**/*.ts'], rules: nodeRules },
  { files: ['credentials/**/*.ts'], rules: credentialRules },
  {
    // package.json is parsed as one expression statement, as n8n's own lint config does.
    files: ['package.json'],
    plugins: { ...community.plugins, 'n8n-nodes-base': n8nNodesBase },
    languageOptions: { parser: tseslint.parser, parserOptions: { extraFileExtensions: ['.json'] } },
    rules: {
      ...community.rules,
      ...n8nNodesBase.configs.community.rules,
      '@typescript-eslint/no-unused-expressions': 'off',
    },
  },
];
