/**
 * docs/cli.md, generated from the same tables as the parser, `--help` and completion (commands,
 * flags, environment) and from the client's action table (every action's fields and a runnable
 * example). `npm run docs -w volc-speech` rewrites it; a test fails when it is out of date.
 */
import { ACTION_GROUPS, ACTION_NAMES, ACTIONS, type ActionSpec, type FieldSchema, type FieldSpec } from '@volc-speech/client';
import { COMMAND_NAMES, COMMANDS, ENVIRONMENT, FLAGS, type FlagSpec } from './commandLine.js';
import { exampleCommand } from './formatActions.js';

/** A table cell: pipes escaped (also inside code spans, which GitHub tables split on too). */
function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

function flagRow(flag: FlagSpec): string {
  const spelling = `${flag.short ? `\`${flag.short}\`, ` : ''}\`${flag.name}${flag.value ? ` ${flag.value}` : ''}\``;
  const where = flag.scope ? flag.scope.map((s) => (s === 'call' ? 'action calls' : `\`${s}\``)).join(', ') : 'every command';
  return `| ${cell(spelling)} | ${where} | ${cell(flag.doc)} |`;
}

function fieldRows(schema: FieldSchema, prefix: string, rows: string[]): void {
  for (const [name, field] of Object.entries(schema) as Array<[string, FieldSpec]>) {
    const path = `${prefix}${name}${field.type === 'object[]' ? '[]' : ''}`;
    const notes = [field.doc];
    if (field.unsure) notes.push(`Unsure: ${field.unsure}`);
    rows.push(`| \`${path}\` | ${field.type} | ${field.required ? 'yes' : ''} | ${cell(notes.join(' '))} |`);
    if (field.fields) fieldRows(field.fields, `${path}.`, rows);
  }
}

function actionSection(spec: ActionSpec): string[] {
  const lines = [`### ${spec.name}`, '', `${spec.summary} (${spec.summaryZh}). Group: ${ACTION_GROUPS[spec.group].label}; \`${spec.method}\`, version \`${spec.version}\`; effect: **${spec.effect}**${spec.paging ? '; paged (`--all`)' : ''}.`, ''];
  const rows: string[] = [];
  fieldRows(spec.fields, '', rows);
  if (rows.length) lines.push('| Field | Type | Required | Description |', '| --- | --- | --- | --- |', ...rows, '');
  else lines.push('No fields.', '');
  lines.push('```sh', exampleCommand(spec), '```', '');
  return lines;
}

export function cliDocsMarkdown(): string {
  const lines = [
    '# volc-speech command line',
    '',
    '<!-- Generated from packages/cli/src/commandLine.ts and the client action table by `npm run docs -w volc-speech`; do not edit by hand. -->',
    '',
    '`volc-speech` runs every action of the Doubao Speech console OpenAPI, shows a `status` dashboard, and keeps profiles.',
    'Without credentials it answers from an embedded emulator whose state is kept between commands.',
    '',
    '## Commands',
    '',
    '| Command | What it does |',
    '| --- | --- |',
    '| `volc-speech <Action> [--param Key=Value ...]` | call one action (see [Actions](#actions)) |',
    ...COMMAND_NAMES.map((name) => `| ${cell(`\`volc-speech ${COMMANDS[name].usage}\``)} | ${cell(COMMANDS[name].summary)} |`),
    '',
    '## Options',
    '',
    '| Option | Applies to | Meaning |',
    '| --- | --- | --- |',
    ...FLAGS.map(flagRow),
    '',
    '## Environment',
    '',
    '| Variable | Meaning |',
    '| --- | --- |',
    ...ENVIRONMENT.map(([name, doc]) => `| ${name.split(', ').map((n) => `\`${n}\``).join(', ')} | ${cell(doc)} |`),
    '',
    'Exit codes: 0 ok; 1 the call failed; 2 the command was wrong (nothing was sent); 130 interrupted (Ctrl-C); 141 the reader of the output went away (`| head`).',
    '',
    '## Actions',
    '',
    'Examples of actions that stop service or spend money use `--dry-run`: they print the signed request and send nothing. Run them with `--yes` instead when you mean it.',
    '',
  ];
  for (const name of ACTION_NAMES) lines.push(...actionSection(ACTIONS[name] as ActionSpec));
  return `${lines.join('\n').trimEnd()}\n`;
}
