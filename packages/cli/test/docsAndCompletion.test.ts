/** docs/cli.md and the completion scripts come from the tables; these tests keep them honest. */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ACTION_NAMES, ACTIONS } from '@volc-speech/client';
import { describe, expect, it } from 'vitest';
import { COMMAND_NAMES, FLAGS } from '../src/commandLine.js';
import { completionScript } from '../src/completion.js';
import { cliDocsMarkdown } from '../src/docsPage.js';

const DOCS = fileURLToPath(new URL('../../../docs/cli.md', import.meta.url));

describe('docs/cli.md', () => {
  it('is what the tables generate (run `npm run docs -w volc-speech` after changing a flag or an action)', () => {
    expect(readFileSync(DOCS, 'utf8')).toBe(cliDocsMarkdown());
  });

  it('names every command, flag and action', () => {
    const text = cliDocsMarkdown();
    for (const name of COMMAND_NAMES) expect(text).toContain(`volc-speech ${name}`);
    for (const flag of FLAGS) expect(text).toContain(flag.name);
    for (const action of ACTION_NAMES) expect(text).toContain(`### ${action}`);
  });
});

describe('completion', () => {
  it('bash: real bash completes commands, actions, flags and the fields of the action on the line', () => {
    const script = completionScript('bash');
    // Drive the completion function as bash would, for a few command lines.
    const complete = (line: string) =>
      execFileSync('bash', ['-c', `${script}\nCOMP_WORDS=(${line}); COMP_CWORD=$((\${#COMP_WORDS[@]}-1)); _volc_speech; printf '%s\\n' "\${COMPREPLY[@]}"`], { encoding: 'utf8' })
        .trim()
        .split('\n');
    expect(complete('volc-speech sta')).toEqual(['status']);
    expect(complete('volc-speech ListAP')).toEqual(['ListAPIKeys']);
    expect(complete('volc-speech ListAPIKeys --ou')).toEqual(['--output']);
    expect(complete('volc-speech ListAPIKeys -o j')).toEqual(['json']);
    expect(complete('volc-speech ResourcePacksStatus -p Res')).toEqual(['ResourceIDs=']);
    expect(complete('volc-speech --profile ops ListAPIKeys -p Proj')).toEqual(['ProjectName=']);
    expect(complete('volc-speech completion z')).toEqual(['zsh']);
  });

  it('zsh and fish carry the same words', () => {
    for (const shell of ['zsh', 'fish'] as const) {
      const script = completionScript(shell);
      for (const action of ACTION_NAMES) expect(script).toContain(action);
      for (const flag of FLAGS) expect(script).toContain(flag.name.slice(2));
      for (const field of Object.keys(ACTIONS.ResourcePacksStatus.fields)) expect(script).toContain(`${field}=`);
    }
    expect(completionScript('zsh')).toContain('bashcompinit');
    expect(completionScript('fish')).toContain("complete -c volc-speech -n '__fish_seen_subcommand_from ListAPIKeys' -s p -l param");
  });
});
