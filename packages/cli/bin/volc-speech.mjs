#!/usr/bin/env node
// The `volc-speech` command. Committed (not built) so that npm links it at install time, before
// anything is built; it loads the built program from dist/ and says what to do when it is missing.
// Plain JavaScript an old Node can parse, so that it can say Node 24 is needed.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const major = Number(process.versions.node.split('.')[0]);
if (major < 24) {
  console.error(`volc-speech needs Node 24 or newer, and this is Node ${process.versions.node}: in the toolkit's folder run \`source scripts/node24.sh\`, or install Node 24 (https://nodejs.org).`);
  process.exit(1);
}
const built = new URL('../dist/bin.js', import.meta.url);
if (!existsSync(fileURLToPath(built))) {
  console.error(`volc-speech is not built yet: run \`npm run build\` in the toolkit's folder (\`npm start\` builds too), then try again.`);
  process.exit(1);
}
await import(built.href);
