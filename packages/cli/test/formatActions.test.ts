import { ACTIONS, ACTION_NAMES } from '@volc-speech/client';
import { describe, expect, it } from 'vitest';
import { exampleCommand, formatActionHelp, formatActionList } from '../src/formatActions.js';
import { parseArgs } from '../src/parseArgs.js';

describe('formatActionList', () => {
  it('lists every action with group, method, version and effect', () => {
    const text = formatActionList();
    for (const name of ACTION_NAMES) expect(text).toContain(name);
    expect(text).toMatch(/ListMegaTTSByOrderID\s+Voice Clone\s+POST\s+2023-11-07\s+read\s+yes/);
    expect(text).toMatch(/OrderResourcePacks\s+Resource Pack\s+POST\s+2025-05-20\s+spends/);
  });
});

describe('formatActionHelp', () => {
  it('shows fields with type, required flag, docs, limits and unsure notes', () => {
    const text = formatActionHelp(ACTIONS.BatchListMegaTTSTrainStatus);
    expect(text).toMatch(/ProjectName\s+string\s+required\s+Project the resource belongs to\./);
    expect(text).toMatch(/PageSize\s+int32\s+Page size, 1–1000\. \(≥ 1, ≤ 1000\)/);
    expect(text).toContain('State: No documented value lists every state');
    expect(text).toContain('paging   by page number: PageNumber, PageSize (at most 1000)');
  });

  it('says when there are no fields and when --yes is needed', () => {
    expect(formatActionHelp(ACTIONS.ListBigModelTTSTimbres)).toContain('Fields: none');
    expect(formatActionHelp(ACTIONS.TerminateService)).toContain('needs --yes');
  });

  it('gives an example command that parses back to the same action', () => {
    for (const name of ACTION_NAMES) {
      const example = exampleCommand(ACTIONS[name]);
      const argv = example.split(' ').slice(1).map((part) => part.replace(/^'(.*)'$/, '$1'));
      expect(parseArgs(argv).command, example).toMatchObject({ kind: 'call', action: name });
    }
    expect(exampleCommand(ACTIONS.ServiceStatus)).toBe('volc-speech ServiceStatus --param ProjectName=default --param ResourceID=volc.service_type.10029 --param BlueprintID=10029');
  });
});
