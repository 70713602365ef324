/**
 * The layout of the engine's raw output: which scenario, group, arm, state, month and year
 * each number of a replicate's rows belongs to, and the rows' strides. It travels with the
 * raw arrays ({@link RawRun}) so the summary stage reads them without recompiling the model.
 * Plain data: it crosses worker threads and can be rebuilt from a kept model.
 * @module
 */
import type { AccountLine } from '../compile/accounts.js';
import { type CompiledModel, compileModel } from '../compile/compile.js';
import type { Model } from '../model/types.js';
import { YEARLY_ITEMS } from './reduce/ledger.js';
import { M } from './reduce/metrics.js';

/** One scenario's part of a {@link Layout}. */
export interface LayoutScenario {
  /** The scenario's id. */
  id: string;
  /** counts[g · A + a]: citizens of group g allocated to arm a at the start. */
  counts: Int32Array;
  /** With portfolio steering: months between reviews. */
  steering?: {
    /** Months between reviews. */
    every: number;
  };
}

/** Strides of the raw arrays, per replicate (values per replicate of each array). */
export interface Strides {
  /** Metric rows: scenarios × (groups + total) × metrics. */
  replicate: number;
  /** Arm rows: scenarios × (groups · arms) × metrics. */
  arms: number;
  /** Occupancy: scenarios × states × (H + 1) months. */
  occupancy: number;
  /** Monthly series (municipal cost, queue, steered share): scenarios × H. */
  monthly: number;
  /** Yearly ledger of one scenario: years × items. */
  yearlyScenario: number;
  /** Yearly ledger: scenarios × years × items. */
  yearly: number;
  /** Account lines of one scenario. */
  accountsScenario: number;
  /** Account totals: scenarios × lines. */
  accounts: number;
  /** Account lines per year of one scenario: years × lines. */
  accountsYearlyScenario: number;
  /** Account lines per year: scenarios × years × lines. */
  accountsYearly: number;
}

/** What each number of the engine's raw output means. */
export interface Layout {
  /** Citizens simulated per scenario (stock and inflow). */
  N: number;
  /** Groups (stock groups, then inflow groups). */
  G: number;
  /** Arms: interventions + 1 (arm 0: no intervention). */
  A: number;
  /** States. */
  S: number;
  /** Months simulated. */
  H: number;
  /** Scenarios in model order. */
  scenarios: LayoutScenario[];
  /** Group ids (inflow groups as `id:inflow`). */
  groupIds: string[];
  /** State ids. */
  stateIds: string[];
  /** capPlaces[a]: places of arm a, −1 for no limit. */
  capPlaces: Int32Array;
  /** Whether any intervention has a capacity (queue rows exist). */
  hasCapacity: boolean;
  /** Year labels of the yearly ledger. */
  years: string[];
  /** The account lines (account, payer, kind, unit, discount rate), in storage order. */
  lines: AccountLine[];
  /** Values per replicate of each raw array. */
  strides: Strides;
}

/** The layout of a compiled model's raw output (`point`: the model it was compiled from, for the state ids). */
export function layoutOf(cm: CompiledModel, point: Model): Layout {
  const Sc = cm.scenarios.length;
  const yearlyScenario = cm.years.length * YEARLY_ITEMS.length;
  const L = cm.accounts.lines.length;
  return {
    N: cm.N,
    G: cm.G,
    A: cm.A,
    S: cm.S,
    H: cm.H,
    scenarios: cm.scenarios.map((sc) => ({
      id: sc.id,
      counts: sc.counts,
      ...(sc.steering ? { steering: { every: sc.steering.every } } : {}),
    })),
    groupIds: cm.groupIds,
    stateIds: point.states.map((st) => st.id),
    capPlaces: cm.capPlaces,
    hasCapacity: cm.hasCapacity,
    years: cm.years,
    lines: cm.accounts.lines,
    strides: {
      replicate: Sc * (cm.G + 1) * M,
      arms: Sc * cm.G * cm.A * M,
      occupancy: Sc * cm.S * (cm.H + 1),
      monthly: Sc * cm.H,
      yearlyScenario,
      yearly: Sc * yearlyScenario,
      accountsScenario: L,
      accounts: Sc * L,
      accountsYearlyScenario: cm.years.length * L,
      accountsYearly: Sc * cm.years.length * L,
    },
  };
}

/** The layout of a point model's raw output, for rows read back from a file (merge). */
export function layoutFor(point: Model): Layout {
  return layoutOf(compileModel(point), point);
}
