// Rewrites docs/cli.md from the built CLI's tables (run after `npm run build -w volc-speech`).
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { cliDocsMarkdown } from '../dist/docsPage.js';

const target = fileURLToPath(new URL('../../../docs/cli.md', import.meta.url));
writeFileSync(target, cliDocsMarkdown());
console.log(`wrote ${target}`);
