/**
 * `volc-speech probe`: a read-only run against a real account that records how the service
 * answers (shapes, enum values, time formats, refusals of incomplete requests), writes a
 * redacted JSON report and prints which unknowns.ts entries the run settles or contradicts.
 */
import { writeFile } from 'node:fs/promises';
import { DEFAULT_WATCHED_SERVICES, knownBlueprintId, serviceDay } from '@volc-speech/client';
import { settingsFor, type CliIo } from '../main.js';
import { resolveCliTarget, type TargetOptions } from '../target.js';
import { EXIT_FAILURE, EXIT_OK, EXIT_USAGE, UsageError } from '../usageError.js';
import { PROBE_HELP } from './help.js';
import { probePlan, type PlanInput } from './plan.js';
import { sendRead } from './readOnly.js';
import { recordShape, redactMessage, type Shape } from './shape.js';
import { describeOutcome, factVerdict, unknownVerdicts, type FactVerdict, type UnknownVerdict } from './verdicts.js';

export { PROBE_HELP } from './help.js';
export { assertReadOnly, NotReadOnlyError, sendRead } from './readOnly.js';
export { recordShape, redactMessage, timeFormat } from './shape.js';

/** A ResourceID no account has (for the "resource the account lacks" facts). */
export const ABSENT_RESOURCE_ID = 'volc.probe.not-a-resource';

export interface ProbeOptions {
  projectName: string;
  resourceIds: string[];
  blueprintId?: number;
  out?: string;
  region?: string;
  endpoint?: string;
  timeoutMs?: number;
  help: boolean;
}

export function parseProbeArgs(argv: readonly string[]): ProbeOptions {
  const options: ProbeOptions = { projectName: 'default', resourceIds: [], help: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const flag = eq > 0 ? arg.slice(0, eq) : arg;
    const value = (): string => {
      const text = eq > 0 ? arg.slice(eq + 1) : argv[++i];
      if (text === undefined || text.trim() === '') throw new UsageError(`probe: ${flag} needs a value`);
      return text.trim();
    };
    switch (flag) {
      case '--help':
      case '-h':
        options.help = true;
        break;
      case '--project':
        options.projectName = value();
        break;
      case '--resource':
        options.resourceIds.push(value());
        break;
      case '--blueprint': {
        const text = value();
        const n = Number(text);
        if (!Number.isInteger(n) || n <= 0 || n > 2 ** 31 - 1) throw new UsageError(`probe: --blueprint needs a whole number above 0, got ${JSON.stringify(text)}`);
        options.blueprintId = n;
        break;
      }
      case '--out':
        options.out = value();
        break;
      case '--region':
        options.region = value();
        break;
      case '--endpoint':
        options.endpoint = value();
        break;
      case '--timeout': {
        const text = value();
        const n = Number(text);
        if (!Number.isInteger(n) || n <= 0) throw new UsageError(`probe: --timeout needs a whole number of milliseconds, got ${JSON.stringify(text)}`);
        options.timeoutMs = n;
        break;
      }
      default:
        throw new UsageError(`probe: unknown option ${JSON.stringify(arg)} (volc-speech probe --help lists them)`);
    }
  }
  return options;
}

export interface ProbeStepReport {
  id: string;
  action: string;
  purpose: string;
  /** Field names sent (values are not kept). */
  sentFields: string[];
  answer: { httpStatus?: number; code?: string; message?: string };
  shape?: Shape;
}

export interface ProbeReport {
  tool: 'volc-speech probe';
  reportVersion: 1;
  startedAt: string;
  region: string;
  endpointHost: string;
  steps: ProbeStepReport[];
  facts: FactVerdict[];
  unknowns: UnknownVerdict[];
  note: string;
}

function stamp(date: Date): string {
  return date.toISOString().replace(/[-:]/g, '').replace(/\..*$/, '').replace('T', '-');
}

export function formatProbeSummary(report: ProbeReport, file: string): string {
  const lines = [`volc-speech probe: ${report.steps.length} read requests to ${report.endpointHost} (${report.region}); report written to ${file}`, ''];
  const contradicted = report.facts.filter((f) => f.verdict === 'contradicts');
  lines.push(`Facts of shared/api §6 (LIVE_FACTS): ${report.facts.length - contradicted.length} confirmed, ${contradicted.length} contradicted`);
  for (const f of contradicted) lines.push(`  ✗ ${f.fact}: ${f.action} ${f.case} — expected ${f.expected} (${f.source}), got ${f.observed}`);
  lines.push('', 'Open questions (unknowns.ts):');
  for (const u of report.unknowns) {
    const mark = u.verdict === 'contradicts' ? '✗' : u.verdict === 'not observed' ? '·' : '✓';
    lines.push(`  ${mark} ${u.entry}: ${u.verdict}${u.observed.length ? ` — seen ${u.observed.join(', ')}` : ''} (${u.question})`);
  }
  lines.push('', 'Share the report file to settle these for everyone: it holds no keys, IDs, names or amounts.');
  return lines.join('\n');
}

export async function runProbe(argv: readonly string[], io: CliIo): Promise<number> {
  let options: ProbeOptions;
  try {
    options = parseProbeArgs(argv);
  } catch (error) {
    io.stderr.write(`volc-speech: ${(error as Error).message}\n`);
    return EXIT_USAGE;
  }
  if (options.help) {
    io.stdout.write(`${PROBE_HELP}\n`);
    return EXIT_OK;
  }
  const resourceIds = options.resourceIds.length ? [...new Set(options.resourceIds)] : [...DEFAULT_WATCHED_SERVICES];
  const first = resourceIds[0] as string;
  const blueprintId = options.blueprintId ?? knownBlueprintId(first);
  if (blueprintId === undefined) {
    io.stderr.write(`volc-speech: probe: no BlueprintID is known for ${first}: give it with --blueprint N (ServiceStatus requires one)\n`);
    return EXIT_USAGE;
  }
  const settings = await settingsFor(io, {
    ...(options.region ? { region: options.region } : {}),
    ...(options.endpoint ? { endpoint: options.endpoint } : {}),
  });
  const targetOptions: TargetOptions = {
    settings,
    env: io.env,
    ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}),
    notice: (line) => io.stderr.write(`volc-speech: ${line}\n`),
  };
  const target = await (io.resolveTarget ?? resolveCliTarget)(targetOptions);
  const now = (io.now ?? (() => new Date()))();
  try {
    const input: PlanInput = { projectName: options.projectName, resourceId: first, resourceIds, blueprintId, absentResourceId: ABSENT_RESOURCE_ID, today: serviceDay(now.getTime()) };
    const known = [options.projectName, ...resourceIds, io.env['VOLC_ACCESSKEY'] ?? ''].filter((s) => s.length >= 3);
    const steps: ProbeStepReport[] = [];
    const shapes: Record<string, Shape> = Object.create(null) as Record<string, Shape>;
    const facts: FactVerdict[] = [];
    let reached = 0;
    for (const step of probePlan(input)) {
      const outcome = await sendRead(target.client, step.action, step.request, io.signal);
      if (outcome.ok || outcome.kind === 'service') reached++;
      const report: ProbeStepReport = { id: step.id, action: step.action, purpose: step.purpose, sentFields: Object.keys(step.request), answer: {} };
      if (outcome.ok) {
        report.answer = { httpStatus: 200 };
        report.shape = shapes[step.id] = recordShape(outcome.result);
      } else {
        report.answer = { ...(outcome.httpStatus !== undefined ? { httpStatus: outcome.httpStatus } : {}), code: outcome.code, message: redactMessage(outcome.message, known) };
      }
      if (step.fact) facts.push(factVerdict(step.fact, outcome));
      steps.push(report);
      if (io.signal?.aborted) break;
    }
    const report: ProbeReport = {
      tool: 'volc-speech probe',
      reportVersion: 1,
      startedAt: now.toISOString(),
      region: target.client.region,
      endpointHost: new URL(target.client.endpoint).host,
      steps,
      facts,
      unknowns: unknownVerdicts(shapes, facts),
      note: 'Read-only run. Values of keys, IDs, names and amounts are not recorded; error messages have identifiers and numbers replaced.',
    };
    const file = options.out ?? `volc-speech-probe-${stamp(now)}.json`;
    await writeFile(file, `${JSON.stringify(report, null, 2)}\n`, { mode: 0o600 });
    io.stdout.write(`${formatProbeSummary(report, file)}\n`);
    if (reached === 0) {
      io.stderr.write(`volc-speech: probe: no request reached the service (${steps[0] ? describeOutcome({ ok: false, code: steps[0].answer.code ?? '', message: '', kind: '' }) : 'nothing sent'})\n`);
      return EXIT_FAILURE;
    }
    return EXIT_OK;
  } finally {
    await target.close();
  }
}
