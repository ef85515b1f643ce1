/**
 * The n8n community package as users get it: `npm pack` of packages/n8n-nodes-volc-speech,
 * the tarball checked for its files and metadata, installed into an empty folder and its node
 * and credential modules loaded there; and n8n's verification scan run on the unpacked tarball.
 *
 * The scan: `npx @n8n/scan-community-package <name>` (0.32.0, scanner/scanner.mjs) needs the
 * package on the registry with npm provenance, so it cannot run before the first release. What it
 * does with the package is ESLint with `buildScanConfig()` over the downloaded tarball
 * (`**∕*.js` and `package.json`) and over the provenance-attested source checkout
 * (`package.json`, `{nodes,credentials}/**∕*.{js,ts,json}`): both legs are rebuilt here with the
 * same rule sets, overrides, parser settings and ESLint 9.29.0 (the n8n package's own copy, as
 * the scanner pins it), in n8n-scan.mjs, and must report no error.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { root, run } from './processes.js';

const PACKAGE_DIR = path.join(root, 'packages/n8n-nodes-volc-speech');
const manifest = JSON.parse(fs.readFileSync(path.join(PACKAGE_DIR, 'package.json'), 'utf8')) as {
  name: string;
  version: string;
  files: string[];
  n8n: { nodes: string[]; credentials: string[] };
};
const shipped = [...manifest.n8n.credentials, ...manifest.n8n.nodes];

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'install-n8n-pack-'));
const unpacked = path.join(tmp, 'unpacked');
const offline = { npm_config_prefer_offline: 'true', npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false' };
let files: string[];
let tarball: string;

beforeAll(() => {
  const result = run('npm', ['pack', '--json', '--pack-destination', tmp, '-w', 'packages/n8n-nodes-volc-speech']);
  expect(result.status, result.stderr).toBe(0);
  const [packed] = JSON.parse(result.stdout) as Array<{ name: string; filename: string; files: Array<{ path: string }> }>;
  expect(packed?.name).toBe(manifest.name);
  files = packed!.files.map((file) => file.path);
  tarball = path.join(tmp, packed!.filename);
  fs.mkdirSync(unpacked);
  const untar = run('tar', ['-xzf', tarball, '-C', unpacked, '--strip-components=1']);
  expect(untar.status, untar.stderr).toBe(0);
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('npm pack of the n8n package', () => {
  it('ships the built nodes and credential, the examples, README and LICENSE, and nothing else', () => {
    expect(files).toEqual(expect.arrayContaining(['package.json', 'README.md', 'LICENSE', ...shipped]));
    expect(files.filter((file) => file.startsWith('examples/') && file.endsWith('.json')).length).toBeGreaterThanOrEqual(3);
    // No sources, tests, maps, type declarations or build configuration.
    expect(files.filter((file) => !/^(dist\/|examples\/[\w-]+\.json$|package\.json$|README\.md$|LICENSE$)/.test(file))).toEqual([]);
    expect(files.filter((file) => /\.(ts|map)$|\.test\.|(^|\/)test\//.test(file))).toEqual([]);
    expect(fs.readFileSync(path.join(unpacked, 'LICENSE'), 'utf8')).toBe(fs.readFileSync(path.join(root, 'LICENSE'), 'utf8'));
  });

  it('has every file its n8n metadata names: node and credential modules, their codex files and icons', () => {
    for (const file of shipped) expect(files, file).toContain(file);
    for (const node of manifest.n8n.nodes) expect(files, `codex of ${node}`).toContain(node.replace(/\.js$/, '.json'));
    // Icons are referenced from the built code as `file:<name>.svg`, relative to that file.
    for (const file of shipped) {
      const code = fs.readFileSync(path.join(unpacked, file), 'utf8');
      const icons = [...code.matchAll(/["']file:([\w.-]+\.(?:svg|png))["']/g)].map((match) => match[1]!);
      expect(icons.length, `icons referenced by ${file}`).toBeGreaterThan(0);
      for (const icon of icons) expect(files, `${icon} next to ${file}`).toContain(path.posix.join(path.posix.dirname(file), icon));
    }
  });

  it('its package.json is complete for n8n and npm, without an invented repository', () => {
    const packed = JSON.parse(fs.readFileSync(path.join(unpacked, 'package.json'), 'utf8')) as Record<string, unknown>;
    expect(packed).toMatchObject({
      name: expect.stringMatching(/^n8n-nodes-/),
      version: manifest.version,
      description: expect.stringMatching(/\S{10}/),
      license: 'MIT',
      author: { name: expect.any(String), email: expect.stringContaining('@') },
      keywords: expect.arrayContaining(['n8n-community-node-package']),
      peerDependencies: { 'n8n-workflow': '*' },
      n8n: { n8nNodesApiVersion: 1, strict: true, nodes: manifest.n8n.nodes, credentials: manifest.n8n.credentials },
    });
    // No runtime dependencies: the client is bundled into the node files.
    expect(packed.dependencies).toBeUndefined();
    const readme = fs.readFileSync(path.join(unpacked, 'README.md'), 'utf8');
    if (packed.repository === undefined) {
      // There is no public repository yet: no URL is invented, and the README says so.
      expect(packed.homepage).toBeUndefined();
      expect(packed.bugs).toBeUndefined();
      expect(readme).toMatch(/no public\s+repository/);
    } else {
      // Once there is one: a GitHub repository (provenance and n8n's scan need it), named everywhere.
      const { url } = packed.repository as { url: string };
      expect(url).toMatch(/^(git\+)?https:\/\/github\.com\/[\w.-]+\/[\w.-]+?(\.git)?$/);
      expect(packed.homepage).toEqual(expect.stringContaining('github.com'));
      expect(readme).not.toMatch(/no public\s+repository/);
    }
  });

  it('the release workflow publishes this package with provenance, after its checks and this one, from a version tag', () => {
    const workflow = fs.readFileSync(path.join(root, '.github/workflows/release.yml'), 'utf8');
    expect(workflow).toMatch(/id-token: write/);
    expect(workflow).toMatch(/npm publish --provenance --access public\n\s+working-directory: packages\/n8n-nodes-volc-speech/);
    expect(workflow).toContain(`require('./packages/n8n-nodes-volc-speech/package.json').version`);
    // It builds and lints the package (the lint includes the scanner's rules) before publishing.
    expect(workflow.indexOf('nx run-many -t build lint')).toBeGreaterThan(-1);
    expect(workflow.indexOf('nx run-many -t build lint')).toBeLessThan(workflow.indexOf('npm publish'));
    expect(workflow).toMatch(/--projects=[^\n]*n8n-nodes-volc-speech/);
    // This tarball check runs before publishing, and publishing stops while package.json names no repository.
    expect(workflow.indexOf('npx vitest run n8n-pack.test.ts')).toBeGreaterThan(-1);
    expect(workflow.indexOf('npx vitest run n8n-pack.test.ts')).toBeLessThan(workflow.indexOf('npm publish'));
    expect(workflow).toMatch(/repository\?\.url[\s\S]+process\.exit\(1\)[\s\S]+npm publish/);
  });
});

describe('the tarball installed into an empty folder', () => {
  const app = path.join(tmp, 'app');

  beforeAll(() => {
    fs.mkdirSync(app);
    fs.writeFileSync(path.join(app, 'package.json'), JSON.stringify({ name: 'uses-n8n-nodes', private: true }));
    // n8n provides n8n-workflow (the peer dependency); the package itself needs nothing else.
    const install = run('npm', ['install', '--legacy-peer-deps', tarball], { cwd: app, env: offline });
    expect(install.status, install.stdout + install.stderr).toBe(0);
  });

  it('installs no dependency of its own', () => {
    const installed = fs.readdirSync(path.join(app, 'node_modules')).filter((entry) => !entry.startsWith('.'));
    expect(installed).toEqual([manifest.name]);
  });

  it('its node and credential modules load, with n8n-workflow from the host, and describe our nodes', () => {
    const script = `
const path = require('node:path');
const pkgDir = path.dirname(require.resolve(${JSON.stringify(`${manifest.name}/package.json`)}));
const { n8n } = require(path.join(pkgDir, 'package.json'));
const out = {};
for (const file of [...n8n.nodes, ...n8n.credentials]) {
  const exported = require(path.join(pkgDir, file));
  for (const [name, Class] of Object.entries(exported)) {
    const instance = new Class();
    const d = instance.description ?? instance;
    out[name] = { name: d.name, displayName: d.displayName, polling: d.polling === true, properties: (d.properties ?? []).length };
  }
}
console.log(JSON.stringify(out));`;
    // NODE_PATH stands in for n8n, which puts its own modules (n8n-workflow) on the path.
    const result = run(process.execPath, ['-e', script], { cwd: app, env: { NODE_PATH: path.join(root, 'node_modules') } });
    expect(result.status, result.stderr).toBe(0);
    const loaded = JSON.parse(result.stdout) as Record<string, { name: string; displayName: string; polling: boolean; properties: number }>;
    expect(loaded).toEqual({
      VolcSpeech: { name: 'volcSpeech', displayName: 'Volcengine Speech', polling: false, properties: expect.any(Number) },
      VolcSpeechTrigger: { name: 'volcSpeechTrigger', displayName: 'Volcengine Speech Trigger', polling: true, properties: expect.any(Number) },
      VolcSpeechApi: { name: 'volcSpeechApi', displayName: 'Volcengine Speech API', polling: false, properties: expect.any(Number) },
    });
    for (const entry of Object.values(loaded)) expect(entry.properties).toBeGreaterThan(2);
  });
});

describe("n8n's verification scan (@n8n/scan-community-package 0.32.0 rules) on the packed package", () => {
  /** analyzePackage(dir, patterns) of the scanner, in n8n-scan.mjs (its own process, NODE_ENV cleared). */
  function analyze(dir: string, patterns: string[]): { eslint: string; linted: string[]; errors: string[]; warnings: string[] } {
    const result = run(process.execPath, [path.join(root, 'tests/install/n8n-scan.mjs'), dir, ...patterns], { env: { NODE_ENV: '' } });
    expect(result.status, result.stderr).toBe(0);
    return JSON.parse(result.stdout) as { eslint: string; linted: string[]; errors: string[]; warnings: string[] };
  }

  it('the tarball leg (every shipped .js and package.json) reports no error', () => {
    const { eslint, linted, errors, warnings } = analyze(unpacked, ['**/*.js', 'package.json']);
    expect(eslint, 'the ESLint the scanner pins').toBe('9.29.0');
    expect(linted).toEqual(expect.arrayContaining(['package.json', ...shipped]));
    expect(errors).toEqual([]);
    // The one warning, until there is a public repository: no homepage (the README says why).
    const hasHomepage = 'homepage' in (JSON.parse(fs.readFileSync(path.join(unpacked, 'package.json'), 'utf8')) as object);
    expect(warnings.map((warning) => warning.split(' ')[1])).toEqual(hasHomepage ? [] : ['@n8n/community-nodes/require-homepage:']);
  });

  it('the source leg (nodes/, credentials/, package.json as the provenance checkout has them) reports no error', () => {
    const { linted, errors } = analyze(PACKAGE_DIR, ['package.json', '{nodes,credentials}/**/*.{js,ts,json}']);
    expect(linted.filter((file) => file.endsWith('.ts')).length).toBeGreaterThan(10);
    expect(errors).toEqual([]);
  });

  it('the same rules do catch what the scan refuses (so a clean result means something)', () => {
    const bad = path.join(tmp, 'bad');
    fs.mkdirSync(path.join(bad, 'dist'), { recursive: true });
    fs.writeFileSync(path.join(bad, 'package.json'), JSON.stringify({ name: 'n8n-nodes-bad', version: '1.0.0', n8n: { nodes: ['dist/Bad.node.js'] } }));
    fs.writeFileSync(path.join(bad, 'dist/Bad.node.js'), "'use strict';\nconsole.log(process.env.SECRET);\nsetTimeout(() => {}, 1);\n");
    const { errors } = analyze(bad, ['**/*.js', 'package.json']);
    expect(errors.join('\n')).toMatch(/no-console/);
    expect(errors.join('\n')).toMatch(/process|restricted/i);
  });
});
