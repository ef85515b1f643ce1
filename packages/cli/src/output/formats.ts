/**
 * `--output table|json|ndjson|csv`: how a result (one object) or a stream of items (--all) is
 * printed. Tables are for people (columns fitted to the terminal, CJK counted as two cells);
 * json, ndjson and csv are for scripts and keep every field.
 */
import type { OutputFormat } from '../commandLine.js';
import { displayWidth, formatTable } from '../textTable.js';
import { writeOut, type OutputStream } from './stream.js';

export interface PrintOptions {
  format: OutputFormat;
  /** Terminal width for tables; undefined: no limit (not a terminal). */
  columns?: number;
  /** One line to stderr (e.g. which columns a table left out). */
  note?: (line: string) => void;
}

const MAX_CELL = 48;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isScalar(value: unknown): boolean {
  return value === null || ['string', 'number', 'boolean'].includes(typeof value);
}

/** The list a result is about: the paged items field, else its one array field. */
export function listFieldOf(result: unknown, pagedItemsField?: string): string | undefined {
  if (!isRecord(result)) return undefined;
  if (pagedItemsField && Array.isArray(result[pagedItemsField])) return pagedItemsField;
  const arrays = Object.keys(result).filter((key) => Array.isArray(result[key]));
  return arrays.length === 1 ? arrays[0] : undefined;
}

function cellText(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value;
  if (isScalar(value)) return String(value);
  if (Array.isArray(value) && value.every((v) => typeof v === 'string' || typeof v === 'number')) return value.join(',');
  return JSON.stringify(value);
}

/** One line per cell: control characters from a response must not move the cursor or fake rows. */
function clean(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ');
}

function truncate(text: string, width: number): string {
  if (displayWidth(text) <= width) return text;
  let out = '';
  for (const char of text) {
    if (displayWidth(out + char) > width - 1) break;
    out += char;
  }
  return `${out}…`;
}

/** Columns of a list: keys in order of first appearance among the first items. */
export function columnsOf(items: readonly unknown[]): string[] {
  const seen = new Set<string>();
  for (const item of items.slice(0, 200)) {
    if (isRecord(item)) for (const key of Object.keys(item)) seen.add(key);
  }
  return [...seen];
}

/** Scalar columns first (they read well in a table); nested ones only if room is left. */
function tableColumns(items: readonly unknown[]): string[] {
  const all = columnsOf(items);
  const scalar = all.filter((key) => items.slice(0, 200).every((item) => !isRecord(item) || isScalar(item[key]) || item[key] === undefined));
  return [...scalar, ...all.filter((key) => !scalar.includes(key))];
}

/** Drops columns from the right until the table fits `columns` cells; says which ones went. */
function fitColumns(header: string[], rows: string[][], columns: number | undefined, note?: (line: string) => void): { header: string[]; rows: string[][] } {
  if (columns === undefined) return { header, rows };
  const width = (col: number) => Math.max(displayWidth(header[col]!), ...rows.map((row) => displayWidth(row[col] ?? '')));
  let kept = header.length;
  let total = 2;
  for (let col = 0; col < header.length; col++) {
    total += width(col) + (col ? 2 : 0);
    if (total > columns && col > 0) {
      kept = col;
      break;
    }
  }
  if (kept < header.length) note?.(`columns not shown to fit ${columns} columns: ${header.slice(kept).join(', ')} (--output json shows every field)`);
  return { header: header.slice(0, kept), rows: rows.map((row) => row.slice(0, kept)) };
}

function fittedItems(items: readonly unknown[], options: Pick<PrintOptions, 'columns' | 'note'>): { header: string[]; rows: string[][] } {
  const columns = tableColumns(items);
  const rows = items.map((item) => columns.map((key) => truncate(clean(cellText(isRecord(item) ? item[key] : undefined)), MAX_CELL)));
  return fitColumns(columns, rows, options.columns, options.note);
}

export function itemsTable(items: readonly unknown[], options: Pick<PrintOptions, 'columns' | 'note'>): string {
  if (!items.length) return '  (no items)';
  if (!items.some(isRecord)) return items.map((item) => `  ${clean(cellText(item))}`).join('\n');
  const fitted = fittedItems(items, options);
  return formatTable(fitted.header, fitted.rows);
}

function keyValueTable(record: Record<string, unknown>, options: Pick<PrintOptions, 'columns'>): string {
  const entries = Object.entries(record);
  if (!entries.length) return '  (empty result)';
  const valueWidth = options.columns ? Math.max(20, options.columns - 4 - Math.max(...entries.map(([k]) => displayWidth(k)))) : 200;
  return formatTable(
    ['FIELD', 'VALUE'],
    entries.map(([key, value]) => [key, truncate(clean(cellText(value)), valueWidth)]),
  );
}

const CSV_FORMULA = /^[=+\-@\t\r]/;

/** RFC 4180 quoting; a text cell that a spreadsheet would run as a formula gets a leading '. */
export function csvCell(value: unknown): string {
  let text = cellText(value);
  if (typeof value === 'string' && CSV_FORMULA.test(text) && !/^[-+]?\d/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(cells: readonly unknown[]): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}

/** A whole result, printed at once. */
export function renderValue(value: unknown, options: PrintOptions & { pagedItemsField?: string }): string {
  switch (options.format) {
    case 'json':
      return `${JSON.stringify(value ?? null, null, 2)}\n`;
    case 'ndjson': {
      const list = Array.isArray(value) ? value : undefined;
      const field = list ? undefined : listFieldOf(value, options.pagedItemsField);
      const items = list ?? (field ? ((value as Record<string, unknown>)[field] as unknown[]) : [value]);
      return items.map((item) => `${JSON.stringify(item ?? null)}\n`).join('');
    }
    case 'csv': {
      const field = Array.isArray(value) ? undefined : listFieldOf(value, options.pagedItemsField);
      const items = Array.isArray(value) ? value : field ? ((value as Record<string, unknown>)[field] as unknown[]) : [value];
      if (!items.some(isRecord)) return items.map((item) => csvLine([item])).join('');
      const columns = columnsOf(items);
      return csvLine(columns) + items.map((item) => csvLine(columns.map((key) => (isRecord(item) ? item[key] : undefined)))).join('');
    }
    case 'table': {
      if (Array.isArray(value)) return `${itemsTable(value, options)}\n`;
      if (!isRecord(value)) return `${clean(cellText(value))}\n`;
      const field = listFieldOf(value, options.pagedItemsField);
      if (!field) return `${keyValueTable(value, options)}\n`;
      const rest = Object.fromEntries(Object.entries(value).filter(([key]) => key !== field));
      const lines: string[] = [];
      if (Object.keys(rest).length) lines.push(keyValueTable(rest, options), '');
      lines.push(itemsTable(value[field] as unknown[], options));
      return `${lines.join('\n')}\n`;
    }
  }
}

/**
 * Items of an --all listing, printed as they arrive. Only a table waits for a first batch (to
 * size its columns); json keeps the output a valid array even when stopped early (close()).
 */
export class ItemPrinter {
  #count = 0;
  #pending: unknown[] = [];
  #columns: string[] | undefined;
  #widths: number[] | undefined;

  constructor(
    private readonly stream: OutputStream,
    private readonly options: PrintOptions,
    private readonly tableBatch = 100,
  ) {}

  get count(): number {
    return this.#count;
  }

  async item(item: unknown): Promise<void> {
    this.#count++;
    switch (this.options.format) {
      case 'json':
        await writeOut(this.stream, `${this.#count === 1 ? '[\n' : ',\n'}${indent(JSON.stringify(item ?? null, null, 2))}`);
        return;
      case 'ndjson':
        await writeOut(this.stream, `${JSON.stringify(item ?? null)}\n`);
        return;
      case 'csv':
        if (!this.#columns) {
          this.#columns = columnsOf([item]);
          await writeOut(this.stream, csvLine(this.#columns));
        }
        await writeOut(this.stream, csvLine(this.#columns.map((key) => (isRecord(item) ? item[key] : undefined))));
        return;
      case 'table':
        if (this.#widths) {
          await writeOut(this.stream, `${this.#tableRow(item)}\n`);
          return;
        }
        this.#pending.push(item);
        if (this.#pending.length >= this.tableBatch) await this.#flushTable();
        return;
    }
  }

  async #flushTable(): Promise<void> {
    if (this.#widths || !this.#pending.length) return;
    if (!this.#pending.some(isRecord)) {
      // A list of plain values: one per line, no columns to size.
      this.#columns = [];
      this.#widths = [];
      await writeOut(this.stream, `${itemsTable(this.#pending, this.options)}\n`);
      this.#pending = [];
      return;
    }
    const { header, rows } = fittedItems(this.#pending, this.options);
    this.#columns = header;
    // Later rows reuse these widths (longer cells are cut with …).
    this.#widths = header.map((name, col) => Math.max(displayWidth(name), ...rows.map((row) => displayWidth(row[col] ?? ''))));
    this.#pending = [];
    await writeOut(this.stream, `${formatTable(header, rows)}\n`);
  }

  #tableRow(item: unknown): string {
    if (!this.#columns!.length) return `  ${clean(cellText(item))}`;
    const cells = this.#columns!.map((key, i) => {
      const text = truncate(clean(cellText(isRecord(item) ? item[key] : undefined)), this.#widths![i]!);
      return i + 1 < this.#columns!.length ? text + ' '.repeat(Math.max(0, this.#widths![i]! - displayWidth(text))) : text;
    });
    return `  ${cells.join('  ')}`.trimEnd();
  }

  /** Ends the output (also after Ctrl-C, so what was printed stays well-formed). */
  async close(): Promise<void> {
    switch (this.options.format) {
      case 'json':
        await writeOut(this.stream, this.#count ? '\n]\n' : '[]\n');
        return;
      case 'table':
        if (!this.#widths && !this.#pending.length) await writeOut(this.stream, '  (no items)\n');
        else await this.#flushTable();
        return;
      default:
        return;
    }
  }
}

function indent(text: string): string {
  return text
    .split('\n')
    .map((line) => `  ${line}`)
    .join('\n');
}
