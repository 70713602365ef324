/**
 * The shape of an evidence-library entry: a cited study, the numbers it reports, and the
 * effect forlob derives from them.
 * @module
 */
import type { Distribution } from '../params/distribution.js';

/**
 * The raw numbers a study reports, as published. The mappings in `evidence/map.ts` read
 * the named fields; any further number is kept under a descriptive key for the record.
 *
 * @example
 * ```ts
 * const arms: ReportedNumbers = { treated: 0.591, control: 0.465, nTreated: 240, nControl: 240 };
 * const or: ReportedNumbers = { oddsRatio: 1.34, ci: [0.86, 2.1], control: 0.378 };
 * const rate: ReportedNumbers = { exitRateRatio: 1.84 };
 * ```
 */
export interface ReportedNumbers {
  /** Share of the treated arm with the outcome at follow-up (0–1). */
  treated?: number;
  /** Share of the control arm with the outcome at follow-up (0–1). */
  control?: number;
  /** Number of people in the treated arm. */
  nTreated?: number;
  /** Number of people in the control arm. */
  nControl?: number;
  /** Odds ratio of the outcome, treated against control. */
  oddsRatio?: number;
  /** Ratio of exit rates (hazards) to the outcome, treated against control. */
  exitRateRatio?: number;
  /** Confidence interval of the reported ratio (odds or exit-rate ratio), [lo, hi]. */
  ci?: readonly [number, number];
  /** Level of `ci` (default 0.95). */
  level?: number;
  /** Any other reported number, under a key saying what it is (e.g. `weeksTo40PctTreated`). */
  [key: string]: number | readonly [number, number] | undefined;
}

/**
 * An observed outcome share, usable as a calibration target (e.g. in a model's
 * `calibration[state].completedShares`) rather than as an effect.
 */
export interface OutcomeShare {
  /** Who was measured, e.g. "under 40, ressourceforløb ended in 2016". */
  population: string;
  /** What the share is of, e.g. "job, flex job or education". */
  outcome: string;
  /** The share (0–1). */
  share: number;
  /** When it was measured, e.g. "13 weeks after the course ended". */
  measuredAt: string;
  /** Which of the entry's sources reports it. */
  source: string;
}

/**
 * One cited piece of evidence.
 *
 * An effect entry carries `effect`: a distribution of the monthly hazard ratio on exits to
 * success, derived from `reported` by the mapping in `evidence/map.ts` that `mapping`
 * names. An outcome entry has `effect: null` and lists observed `shares` instead.
 */
export interface EvidenceEntry {
  /** Stable id, used in model files as `{"evidence": id}`. */
  id: string;
  /** Short human-readable title. */
  title: string;
  /** The full source text: authors, title, publication, year, and an address where there is one. */
  citation: string;
  /** Who was studied. */
  population: string;
  /** Months from start to the measured outcome, or null when the source has no single follow-up. */
  followUpMonths: number | null;
  /** How the study was done (randomised trial, register-based duration analysis, …). */
  design: string;
  /** What was measured. */
  outcome: string;
  /** The raw reported numbers. */
  reported: ReportedNumbers;
  /**
   * Log-scale sd assumed for a ratio published without an interval (an assumption, said so
   * in `mapping` and `caveats`).
   */
  assumedLogSd?: number;
  /** Monthly hazard ratio on exits to success, or null for an outcome-share entry. */
  effect: Distribution | null;
  /** One sentence saying how `effect` was derived from `reported`. */
  mapping: string;
  /** Observed outcome shares, for calibration targets (outcome entries). */
  shares?: OutcomeShare[];
  /** What to keep in mind before using the entry: population, outcome and design differences. */
  caveats: string[];
}
