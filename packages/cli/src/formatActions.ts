/** `volc-speech actions` and `volc-speech help <Action>`: text drawn from the action table alone. */
import { ACTIONS, ACTION_GROUPS, ACTION_NAMES, needsExplicitConfirmation, type ActionName, type ActionSpec, type FieldSchema, type FieldSpec } from '@volc-speech/client';
import { COMMAND_NAMES, COMMANDS, ENVIRONMENT, FLAGS, type CommandName, type FlagScope } from './commandLine.js';
import { registeredCommands } from './commandRegistry.js';
import { EXAMPLE_EXTRAS } from './examples.js';
import { formatTable } from './textTable.js';

const EFFECT_MEANING: Record<ActionSpec['effect'], string> = {
  read: 'read — changes nothing; safe to repeat',
  write: 'write — changes configuration',
  disruptive: 'disruptive — stops or removes production service; needs --yes',
  spends: 'spends — places an order that costs money; needs --yes',
};

export function formatActionList(): string {
  const rows = ACTION_NAMES.map((name) => {
    const spec: ActionSpec = ACTIONS[name];
    return [name, ACTION_GROUPS[spec.group].label, spec.method, spec.version, spec.effect, spec.paging ? 'yes' : '', spec.summary];
  });
  return `${formatTable(['ACTION', 'GROUP', 'METHOD', 'VERSION', 'EFFECT', 'PAGED', 'SUMMARY'], rows)}\n\nvolc-speech help <Action> shows an action's fields.`;
}

function exampleText(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function fieldRows(schema: FieldSchema, prefix: string, rows: string[][], notes: string[]): void {
  for (const [name, field] of Object.entries(schema) as Array<[string, FieldSpec]>) {
    const path = `${prefix}${name}${field.type === 'object[]' ? '[]' : ''}`;
    let doc = field.doc;
    const limits: string[] = [];
    if (field.min !== undefined) limits.push(`≥ ${field.min}`);
    if (field.max !== undefined) limits.push(`≤ ${field.max}`);
    if (field.maxLength !== undefined) limits.push(`≤ ${field.maxLength} chars`);
    if (limits.length) doc += ` (${limits.join(', ')})`;
    if (field.example !== undefined && !doc.includes(exampleText(field.example))) doc += ` Example: ${exampleText(field.example)}`;
    rows.push([path, field.type, field.required ? 'required' : '', doc]);
    if (field.unsure) notes.push(`${path}: ${field.unsure}`);
    if (field.fields) fieldRows(field.fields, `${path}.`, rows, notes);
  }
}

function shellWord(value: string): string {
  return /[\s'"{}[\]$`\\|&;<>()*?!#~]/.test(value) ? `'${value.replace(/'/g, "'\\''")}'` : value;
}

/**
 * A runnable example: the required fields with their examples, then the CLI's extras for the
 * action (examples.ts); `--dry-run` for actions that stop service or spend money.
 */
export function exampleCommand(spec: ActionSpec): string {
  const extras = EXAMPLE_EXTRAS.get(spec.name as ActionName);
  const given = new Map<string, string>();
  for (const [name, field] of Object.entries(spec.fields) as Array<[string, FieldSpec]>) {
    if (!field.required) continue;
    given.set(name, field.example !== undefined ? (Array.isArray(field.example) ? field.example.join(',') : exampleText(field.example)) : `<${name}>`);
  }
  for (const [name, value] of extras?.params ?? []) given.set(name, value);
  const parts = ['volc-speech', spec.name];
  for (const [name, value] of given) parts.push('--param', shellWord(`${name}=${value}`));
  if (spec.paging && !extras?.dryRunBecause) parts.push('--all');
  // Examples never spend money or stop service: they show the request instead of sending it.
  if (needsExplicitConfirmation(spec) || extras?.dryRunBecause) parts.push('--dry-run');
  return parts.join(' ');
}

export function formatActionHelp(spec: ActionSpec): string {
  const lines: string[] = [];
  lines.push(`${spec.name} — ${spec.summary} (${spec.summaryZh})`);
  lines.push('');
  lines.push(`  group    ${ACTION_GROUPS[spec.group].label}`);
  lines.push(`  request  ${spec.method} /?Action=${spec.name}&Version=${spec.version} (${spec.paramsIn === 'body' ? 'JSON body' : 'query parameters'})`);
  lines.push(`  effect   ${EFFECT_MEANING[spec.effect]}`);
  if (spec.paging) {
    const p = spec.paging;
    lines.push(
      p.style === 'page'
        ? `  paging   by page number: ${p.pageField}, ${p.sizeField} (at most ${p.maxPageSize}), items in ${p.itemsField}, total in ${p.totalField}; --all lists every item`
        : `  paging   by token: ${p.tokenField}, ${p.sizeField} (at most ${p.maxPageSize}), items in ${p.itemsField}; --all lists every item`,
    );
  }
  if (spec.unsure) lines.push(`  unsure   ${spec.unsure}`);
  lines.push('');
  const rows: string[][] = [];
  const notes: string[] = [];
  fieldRows(spec.fields, '', rows, notes);
  if (rows.length) {
    lines.push('Fields:');
    lines.push(formatTable(['FIELD', 'TYPE', '', 'DESCRIPTION'], rows));
  } else {
    lines.push('Fields: none (the request body is {}).');
  }
  if (notes.length) {
    lines.push('');
    lines.push('Unsure (the public contract does not settle these):');
    for (const note of notes) lines.push(`  ${note}`);
  }
  lines.push('');
  lines.push('Example:');
  lines.push(`  ${exampleCommand(spec)}`);
  const because = EXAMPLE_EXTRAS.get(spec.name as ActionName)?.dryRunBecause;
  if (needsExplicitConfirmation(spec)) lines.push(`  (--dry-run prints the signed request and sends nothing; use --yes to ${spec.effect === 'spends' ? 'place the order' : 'do it'})`);
  else if (because) lines.push(`  (--dry-run because ${because})`);
  return lines.join('\n');
}

function flagLines(scope: FlagScope | 'global'): string[] {
  const flags = scope === 'global' ? FLAGS.filter((f) => !f.scope) : FLAGS.filter((f) => f.scope?.includes(scope));
  const rows = flags.map((f) => [`${f.short ? `${f.short}, ` : ''}${f.name}${f.value ? ` ${f.value}` : ''}`, f.doc]);
  return formatTable(['', ''], rows).split('\n').slice(1);
}

function buildUsage(): string {
  const lines = ['volc-speech — manage Volcengine Doubao Speech (console OpenAPI) from the command line', '', 'Usage:'];
  lines.push('  volc-speech <Action> [--param Key=Value ...] [--json ...] [--all] [--output FORMAT] [--query EXPR] [--dry-run] [--yes]');
  const commands = [...COMMAND_NAMES.map((name) => [COMMANDS[name].usage, COMMANDS[name].summary]), ...registeredCommands().map((c) => [c.usage, c.summary])];
  lines.push(...formatTable(['', ''], commands.map(([usage, summary]) => [`volc-speech ${usage}`, summary!])).split('\n').slice(1));
  lines.push('', 'Action calls:', ...flagLines('call'));
  lines.push('', 'Output (action calls, status, actions, whoami):', ...flagLines('actions'));
  lines.push('', 'status:', ...flagLines('status'));
  lines.push('', 'configure:', ...flagLines('configure').filter((line) => !line.includes('--services')));
  lines.push('', 'Global options:', ...flagLines('global'));
  lines.push('', 'Environment:', ...formatTable(['', ''], ENVIRONMENT.map(([name, doc]) => [name, doc])).split('\n').slice(1));
  lines.push('', 'Exit codes: 0 ok, 1 the call failed, 2 the command was wrong (nothing was sent), 130 interrupted (Ctrl-C).');
  lines.push('volc-speech help <Action> shows an action\'s fields; volc-speech help <command> a command\'s options.');
  return lines.join('\n');
}

/** Read when asked (a registered command may add itself after this module loads). */
export function usageText(): string {
  return buildUsage();
}

export function formatCommandHelp(name: CommandName): string {
  const command = COMMANDS[name];
  const lines = [`volc-speech ${command.usage}`, '', `  ${command.summary}`];
  const own = flagLines(name);
  if (own.length) lines.push('', 'Options:', ...own);
  lines.push('', 'Global options:', ...flagLines('global'));
  return lines.join('\n');
}

/** @deprecated kept for callers of the old constant; same text as usageText(). */
export const USAGE = buildUsage();
