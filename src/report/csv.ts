/**
 * CSV output: the summary table, one row per scenario, group and metric.
 * @module
 */
import type { SimulationResult } from '../summary/types.js';
import { not } from 'arquero';
import { csvText } from './escape.js';

/**
 * The summary as CSV text (header row first). Text cells (ids, labels) go through
 * `csvText`: control characters escaped, and a leading `'` on a cell a spreadsheet
 * would read as a formula.
 */
export function resultToCSV(result: SimulationResult): string {
  // The CSV keeps its shape (scenario, group, metric, …): arm rows are in the JSON, the
  // workbook, `--by arm` and `result.tables.summary`.
  const table = result.tables.summary.filter((d: { arm: string }) => d.arm === 'all').select(not('arm'));
  const text = (v: unknown) => (typeof v === 'string' ? csvText(v) : v);
  return `${table.toCSV({ format: Object.fromEntries(table.columnNames().map((c) => [c, text])) })}\n`;
}
