/**
 * CSV output: the summary table, one row per scenario, group and metric.
 * @module
 */
import type { SimulationResult } from '../summary/result.js';

/** The summary as CSV text (header row first). */
export function resultToCSV(result: SimulationResult): string {
  return result.summary.toCSV() + '\n';
}
