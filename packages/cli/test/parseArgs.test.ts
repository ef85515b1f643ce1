import { describe, expect, it } from 'vitest';
import { parseArgs } from '../src/parseArgs.js';
import { UsageError } from '../src/usageError.js';

const usageError = (argv: string[]) => {
  try {
    parseArgs(argv);
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError);
    return (error as Error).message;
  }
  throw new Error('expected a usage error');
};

describe('parseArgs', () => {
  it('parses an action call with params, json and globals in any order', () => {
    const parsed = parseArgs(['--region', 'cn-beijing', 'ListAPIKeys', '--param', 'ProjectName=default', '-p', 'OnlyAvailable=true', '--endpoint=http://x:1', '--json', '{"A":1}']);
    expect(parsed).toEqual({
      globals: { region: 'cn-beijing', endpoint: 'http://x:1' },
      command: {
        kind: 'call',
        action: 'ListAPIKeys',
        params: [['ProjectName', 'default'], ['OnlyAvailable', 'true']],
        json: { kind: 'inline', value: { A: 1 } },
        all: false,
        yes: false,
        dryRun: false,
        showSecrets: false,
      },
    });
  });

  it('keeps = inside a param value', () => {
    expect(parseArgs(['UpdateAPIKey', '--param', 'Name=a=b']).command).toMatchObject({ params: [['Name', 'a=b']] });
  });

  it('accepts an action name in another case, and suggests close names otherwise', () => {
    expect(parseArgs(['listapikeys', '-p', 'ProjectName=x']).command).toMatchObject({ action: 'ListAPIKeys' });
    expect(parseArgs(['listMegaTTSByOrderID']).command).toMatchObject({ action: 'ListMegaTTSByOrderID' });
    expect(usageError(['ListApiKey'])).toContain('did you mean ListAPIKeys');
  });

  it('parses --all with paging controls, and --yes', () => {
    expect(parseArgs(['BatchListMegaTTSTrainStatus', '--all', '--page-size', '100', '--concurrency', '4', '--max-items=500']).command).toMatchObject({
      all: true,
      pageSize: 100,
      concurrency: 4,
      maxItems: 500,
    });
    expect(parseArgs(['PauseService', '-y']).command).toMatchObject({ yes: true });
    expect(usageError(['ListSpeakers', '--page-size', '10'])).toContain('--page-size only applies together with --all');
  });

  it('parses the subcommands', () => {
    expect(parseArgs(['actions']).command).toEqual({ kind: 'actions' });
    expect(parseArgs(['help', 'PauseService']).command).toEqual({ kind: 'help', action: 'PauseService' });
    expect(parseArgs(['PauseService', '--help']).command).toEqual({ kind: 'help', action: 'PauseService' });
    expect(parseArgs(['help']).command).toEqual({ kind: 'usage' });
    expect(parseArgs(['--help']).command).toEqual({ kind: 'usage' });
    expect(parseArgs(['status']).command).toEqual({ kind: 'status', projectName: 'default' });
    expect(parseArgs(['status', '--watch', '2.5', '--count', '3', '--project', 'p']).command).toEqual({ kind: 'status', watchSeconds: 2.5, count: 3, projectName: 'p' });
  });

  it('rejects malformed input with a usage error', () => {
    expect(usageError([])).toContain('no action or command given');
    expect(usageError(['ListAPIKeys', '--param', 'ProjectName'])).toContain('Key=Value');
    expect(usageError(['ListAPIKeys', '--json', '{bad'])).toContain('not valid JSON');
    expect(usageError(['ListAPIKeys', '--json', '[1]'])).toContain('JSON object');
    expect(usageError(['ListAPIKeys', '--frobnicate'])).toContain('unknown option --frobnicate');
    expect(usageError(['ListAPIKeys', '--param'])).toContain('needs a value');
    expect(usageError(['status', '--watch', '0'])).toContain('above 0');
    expect(usageError(['status', '--count', '2'])).toContain('--count only applies together with --watch');
    expect(usageError(['actions', '--all'])).toContain('--all does not apply to actions');
    expect(usageError(['ListAPIKeys', '--watch', '5'])).toContain('--watch does not apply to an action call (it is for status)');
    expect(usageError(['ListAPIKeys', 'extra'])).toContain('unexpected argument');
    expect(usageError(['--timeout', '1.5', 'actions'])).toContain('whole number');
  });

  it('refuses every bad flag value up front, in one sentence naming the flag', () => {
    expect(usageError(['--region', 'not a region', 'ListAPIKeys'])).toBe('--region must be a region such as cn-beijing or cn-north-1, got "not a region"');
    expect(usageError(['--endpoint', 'ftp://x', 'ListAPIKeys'])).toMatch(/^--endpoint must be an http\(s\) URL/);
    expect(usageError(['--output', 'yaml', 'actions'])).toContain('--output must be one of table, json, ndjson, csv');
    expect(usageError(['--query', 'a[', 'actions'])).toContain('--query is not a JMESPath expression');
    expect(usageError(['--profile', '../etc', 'whoami'])).toContain('--profile must be a name');
    expect(usageError(['ListAPIKeys', '--timeout', '-5'])).toContain('--timeout needs a whole number above 0');
    expect(usageError(['BatchListMegaTTSTrainStatus', '--all', '--page-size', '1e9'])).toContain('--page-size needs a whole number above 0 and at most');
  });

  it('suggests close spellings for commands, flags and formats', () => {
    expect(usageError(['ListAPIKeys', '--ouput', 'json'])).toContain('unknown option --ouput: did you mean --output?');
    expect(usageError(['statsu'])).toContain('did you mean status');
    expect(usageError(['--output', 'jsno', 'actions'])).toContain('did you mean json');
    expect(usageError(['completion', 'bsh'])).toContain('did you mean bash');
  });

  it('parses help for commands, --json sources and the new call flags', () => {
    expect(parseArgs(['help', 'status']).command).toEqual({ kind: 'help', command: 'status' });
    expect(parseArgs(['status', '--help']).command).toEqual({ kind: 'help', command: 'status' });
    expect(parseArgs(['ListAPIKeys', '--json', '@req.json']).command).toMatchObject({ json: { kind: 'file', path: 'req.json' } });
    expect(parseArgs(['ListAPIKeys', '--json', '-']).command).toMatchObject({ json: { kind: 'stdin' } });
    expect(parseArgs(['ListAPIKeys', '--dry-run', '--show-secrets']).command).toMatchObject({ dryRun: true, showSecrets: true });
    expect(parseArgs(['status', '--services', 'a,b', '--services', 'c']).command).toMatchObject({ services: ['a', 'b', 'c'] });
    expect(parseArgs(['-o', 'csv', 'actions']).globals).toEqual({ output: 'csv' });
  });
});
