/**
 * The bounds of the model format: the largest numbers forlob accepts, so that no count
 * wraps around in a 32-bit table, no money product overflows to Infinity, and a run's
 * memory stays within a stated limit. The schema (`schema.ts`) and the whole-model checks
 * (`validate.ts`) enforce them, so a model beyond a bound is refused up front with the
 * path of the field, never run into a wrong answer or an out-of-memory crash.
 * @module
 */

/** The bounds, one place for the schema, the checks, the README and the tests. */
export const LIMITS = {
  /**
   * Citizens in a run: every group's size plus its inflow over the horizon. Peak memory
   * measured at 10⁷ citizens (4 replicates, one thread): about 200 MB for a plain model,
   * 1.3 GB with steering (the lockstep engine keeps about 110 bytes per citizen),
   * 1.7 GB with readiness classes taken at random; each worker thread holds its own copy.
   */
  citizens: 10_000_000,
  /** Months of a horizon, of prior benefit, of an initial duration, a calendar month index. */
  months: 1200,
  /** Start of a duration band: a clock counts prior months plus the horizon, so up to twice `months`. */
  clockMonths: 2400,
  /** A week of the refusion ladder (`clockMonths` in weeks). */
  weeks: 10_400,
  /** Places of a capacity (also caseworkers × caseload). */
  places: 1_000_000_000,
  /** Caseworkers of a capacity. */
  caseworkers: 100_000,
  /** Smallest caseload (citizens per caseworker) of a capacity or a staffing. */
  minCaseload: 0.01,
  /** Largest caseload. */
  maxCaseload: 10_000,
  /** Any amount of money, DKK (a month's transfer or cost, a caseworker's year, a budget). */
  money: 1e12,
  /** Conversations per citizen per year of a staffing. */
  conversationsPerYear: 10_000,
  /** Readiness classes (given as a count or as hazard ratios). */
  classes: 100,
  /**
   * Entries of the compiled transition table (arms × classes × states² × calendar periods ×
   * duration bands) and of a replicate's accumulator (groups × arms × states × periods): 2²⁴,
   * 128 MB of doubles each.
   */
  tableEntries: 16_777_216,
  /** Nesting of objects and arrays in a model (the presets nest 7 deep). */
  depth: 32,
  /** Objects, arrays and values in a model. */
  values: 10_000_000,
} as const;
