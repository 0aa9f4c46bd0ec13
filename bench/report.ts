/**
 * The benchmark's figures and the table they are printed in: every figure with its unit, its target (if any) and
 * whether it meets it.
 */
import { median } from './stats.js';

/** A target: the figure must be at most (`<=`) or at least (`>=`) the value. */
export interface Target {
  readonly op: '<=' | '>=';
  readonly value: number;
}

/** One measured figure. `value` is undefined when it could not be measured (which misses any target). */
export interface Figure {
  /** The section: "floor", "engine", "cold start", "tasks", "reminders", "memory". */
  readonly section: string;
  readonly name: string;
  readonly value: number | undefined;
  readonly unit: string;
  readonly target?: Target;
  /** A short remark printed after the status (e.g. what a missing value means). */
  readonly note?: string;
}

/** The outcome of a figure against its target. */
export type Status = 'pass' | 'MISS' | '';

/** Whether a figure meets its target; '' when it has none. */
export function statusOf(figure: Figure): Status {
  if (!figure.target) return '';
  if (figure.value === undefined || Number.isNaN(figure.value)) return 'MISS';
  const { op, value } = figure.target;
  return (op === '<=' ? figure.value <= value : figure.value >= value) ? 'pass' : 'MISS';
}

/** A number with sensible precision: 0.123, 1.23, 12.3, 1234. */
export function formatNumber(value: number | undefined): string {
  if (value === undefined || Number.isNaN(value)) return 'n/a';
  const abs = Math.abs(value);
  if (abs >= 1000) return Math.round(value).toString();
  if (abs >= 100) return value.toFixed(0);
  if (abs >= 10) return value.toFixed(1);
  if (abs >= 1) return value.toFixed(2);
  return value.toFixed(3);
}

export function formatTarget(figure: Figure): string {
  if (!figure.target) return '';
  const unit = figure.unit === 'x' ? 'x' : ` ${figure.unit}`;
  return `${figure.target.op} ${formatNumber(figure.target.value)}${unit}`;
}

/** The figures as a fixed-width text table (for the terminal). */
export function renderTable(figures: readonly Figure[]): string {
  const rows = figures.map((f) => [f.section, f.name, formatNumber(f.value), f.unit, formatTarget(f), statusOf(f), f.note ?? '']);
  const header = ['section', 'figure', 'value', 'unit', 'target', 'status', 'note'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] as string).length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, i) => (i === 2 ? cell.padStart(widths[i] as number) : cell.padEnd(widths[i] as number)))
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

/** The figures as a Markdown table (for BENCHMARKS.md). */
export function renderMarkdown(figures: readonly Figure[]): string {
  const escape = (text: string) => text.replace(/\|/g, '\\|');
  const rows = figures.map(
    (f) => `| ${escape(f.section)} | ${escape(f.name)} | ${formatNumber(f.value)} ${f.unit} | ${escape(formatTarget(f))} | ${statusOf(f) || '–'} | ${escape(f.note ?? '')} |`,
  );
  return ['| section | figure | value | target | status | note |', '|---|---|---:|---|---|---|', ...rows].join('\n');
}

/** What `npm run bench -- --json` writes (the parts used here). */
export interface RunFile {
  readonly machine: { readonly loadavg?: string };
  readonly loadavgEnd?: string;
  readonly commit?: string;
  readonly figures: readonly Figure[];
}

/** The spread table of several runs, as Markdown. */
export function renderSpread(runs: readonly RunFile[], names: readonly string[]): string {
  const escape = (text: string) => text.replace(/\|/g, '\\|');
  const header = [
    `${runs.length} full runs: ${runs
      .map((run, i) => `${names[i]} (tree \`${run.commit ?? '?'}\`, load ${run.machine.loadavg?.split(' ')[0] ?? '?'} → ${run.loadavgEnd?.split(' ')[0] ?? '?'})`)
      .join('; ')}.`,
    '',
    '| section | figure | lowest | median | highest | target | runs meeting it |',
    '|---|---|---:|---:|---:|---|---:|',
  ];
  const keys = [...new Set(runs.flatMap((run) => run.figures.filter((f) => f.target).map((f) => `${f.section}\u0000${f.name}`)))];
  const rows = keys.map((key) => {
    const [section, name] = key.split('\u0000') as [string, string];
    const found = runs.map((run) => run.figures.find((f) => f.section === section && f.name === name));
    const values = found.flatMap((f) => (f?.value === undefined ? [] : [f.value])).sort((a, b) => a - b);
    const first = found.find((f) => f !== undefined)!;
    const met = found.filter((f) => f !== undefined && statusOf(f) === 'pass').length;
    const cell = (value: number | undefined) => `${formatNumber(value)} ${first.unit}`;
    return `| ${escape(section)} | ${escape(name)} | ${cell(values[0])} | ${cell(values.length ? median(values) : undefined)} | ${cell(values.at(-1))} | ${escape(formatTarget(first))} | ${met} of ${runs.length} |`;
  });
  return [...header, ...rows].join('\n');
}
