/**
 * The report's words in Danish and English: metric names, units, headings and the
 * plain-language sentences. Numbers are formatted by `numbers.ts` in the language's style.
 * @module
 */
import type { Payback } from '../summary/business.js';
import { icerReading, type IcerReading, type IcerSummary, type Quadrant } from '../summary/decision.js';
import { METRIC_LABELS, type MetricName } from '../engine/reduce/metrics.js';

import { LOCALES, type ReportLanguage } from './language.js';
import { formatNumber, formatRange } from './numbers.js';

export { REPORT_LANGUAGES, type ReportLanguage } from './language.js';

/**
 * How a metric is shown: raw values are multiplied by `factor` (shares become per cent,
 * DKK become mio. DKK) so axes and tables read in the units people use.
 */
export interface MetricUnit {
  /** Multiplier from the raw value (share, months, DKK) to the shown value. */
  factor: number;
  /** Unit of a level, e.g. "%" or "mio. DKK". */
  unit: string;
  /** Unit of a difference of two levels, e.g. "points" for shares. */
  diffUnit: string;
}

/** The pieces of one scenario's plain-language summary, already formatted. */
export interface SentenceParts {
  /** The scenario's name (label or id). */
  scenario: string;
  /** The baseline's id; absent for the baseline itself. */
  baseline?: string;
  /** The horizon in words, e.g. "3 years" or "18 months". */
  horizon: string;
  /** Success rate interval, e.g. "24–29". */
  success: string;
  /** Success difference vs the baseline in points, sign dropped, e.g. "2–4"; with `successDirection`. */
  successDiff?: string;
  /** Whether the success difference is clearly up, clearly down, or unclear (the interval spans 0). */
  successDirection?: Direction;
  /** Gross transfers interval in mio. DKK (baseline) or the difference (others). */
  transfers: string;
  /** Direction of the transfers difference (absent for the baseline). */
  transfersDirection?: Direction;
  /** Intervention cost interval (baseline) or difference (others), mio. DKK. */
  intervention: string;
  /** Direction of the intervention cost difference (absent for the baseline). */
  interventionDirection?: Direction;
  /** Municipal net cost difference (`municipalCost`: net transfers + interventions − premiums), mio. DKK; others only. */
  netCost?: string;
  /** Direction of the municipal net cost difference. */
  netCostDirection?: Direction;
}

/** The pieces of one scenario's payback sentence, already formatted. */
export interface PaybackParts {
  /** The scenario's name. */
  scenario: string;
  /** The baseline's id. */
  baseline: string;
  /** The payback in words ({@link paybackPhrase}). */
  phrase: string;
  /** Share of replicates cumulatively no dearer than the baseline by the horizon (paid back or no outlay), per cent. */
  covered: string;
  /** Share of replicates never dearer than the baseline (no outlay), per cent. */
  noOutlay: string;
  /** Mean cumulative municipal net result at the horizon, mio. DKK. */
  net: string;
}

/** Whether a difference is clearly positive, clearly negative, or its interval spans 0. */
export type Direction = 'up' | 'down' | 'unclear';

/** The pieces of one comparison's ICER sentence, already formatted ({@link icerParts}). */
export interface IcerParts {
  /** The scenario. */
  scenario: string;
  /** The baseline. */
  baseline: string;
  /** Whether any replicate was usable (finite costs and effects in both scenarios). */
  usable: boolean;
  /** How the ICER is to be read ({@link icerReading}): by quadrant, dominance, or no detectable effect. */
  reading: IcerReading;
  /** The quadrant of the mean differences. */
  quadrant: Quadrant;
  /** |mean ICER|, DKK, e.g. "250,000". */
  amount: string;
  /** The interval of the ratio, DKK, e.g. "200,000–320,000"; null when undefined, "" when no uncertain parameter moves it. */
  interval: string | null;
  /** The interval level, per cent. */
  levelPct: number;
  /** Monte Carlo standard error of the ratio, DKK. */
  mcse: string;
  /** Share of parameter draws per quadrant, per cent, e.g. "90". */
  shares: Record<Quadrant, string>;
  /** Δ successes (citizens), signed. */
  deltaEffect: string;
  /** Two Monte Carlo standard errors of Δ successes. */
  twoMcseDeltaEffect: string;
  /** Δ municipal net cost, mio. DKK, unsigned; with `costDirection`. */
  deltaCost: string;
  /** Whether the cost difference is up, down, or within two Monte Carlo errors of 0 ("unclear"). */
  costDirection: Direction;
}

/** The decision section's words: ICER by quadrant, CEAC, EVPI and EVPPI. */
export interface DecisionLabels {
  /** Heading of the section. */
  heading: string;
  /** What the section's probabilities and values are about; `method` and `draws` from the result. */
  intro: (method: 'none' | 'regression', draws: number) => string;
  /** Sub-heading of the ICER sentences. */
  icerHeading: string;
  /** One comparison's ICER, worded by quadrant. */
  icer: (p: IcerParts) => string;
  /** Note under the ICER sentences: the definitions. */
  icerNote: (levelPct: number) => string;
  /** Sub-heading of the CEAC and EVPI. */
  ceacHeading: string;
  /** The line above the CEAC: at the run's willingness to pay, the scenario most often best and the EVPI. */
  evpiLine: (wtp: string, best: string, probPct: string, evpi: string) => string;
  /** Caption of the CEAC; `wtp` is null when the run's willingness to pay lies outside the grid (no rule drawn). */
  ceacCaption: (wtp: string | null) => string;
  /** Caption of the EVPI curve. */
  evpiCaption: string;
  /** Sub-heading of the EVPPI table. */
  evppiHeading: string;
  /** Note under the EVPPI table. */
  evppiNote: (wtp: string, evpi: string) => string;
  /** Columns of the EVPPI table. */
  evppiColumns: [string, string, string];
  /** Caption of the EVPPI figure. */
  evppiCaption: string;
  /** Line shown instead of the EVPPI table and figure when the EVPI is 0: no parameter can change the choice. */
  evppiZero: (wtp: string, best: string) => string;
}

/**
 * The formatted pieces of a comparison's ICER sentence: its reading ({@link icerReading}),
 * the amount and interval in DKK (the interval only when defined), the quadrant shares in
 * per cent, and the differences with their Monte Carlo errors.
 *
 * @example
 * ```ts
 * LABELS.en.decision.icer(icerParts(result.comparisons[0].icer, 'scenario-1', 'today', 0.95));
 * // "scenario-1 against today: saves 180,000 DKK per success forgone (95 % interval …)"
 * ```
 */
export function icerParts(
  icer: IcerSummary,
  scenario: string,
  baseline: string,
  level: number,
  lang: ReportLanguage = 'en',
): IcerParts {
  const n = (x: number, d = 0) => formatNumber(x, d, lang);
  const pct = (x: number) => n(100 * x);
  const de = icer.deltaEffect;
  const dc = icer.deltaCost;
  const { lo, hi } = icer;
  return {
    scenario,
    baseline,
    usable: icer.replicates > 0 && Number.isFinite(dc) && Number.isFinite(de),
    reading: icerReading(icer),
    quadrant: icer.quadrant,
    amount: n(Math.abs(icer.mean)),
    interval:
      lo === null || hi === null || !Number.isFinite(lo) || !Number.isFinite(hi)
        ? null
        : lo === hi
          ? ''
          : formatRange(lo, hi, lang, 0),
    levelPct: Math.round(level * 1000) / 10,
    mcse: n(icer.mcse),
    shares: {
      NE: pct(icer.quadrantShares.NE),
      NW: pct(icer.quadrantShares.NW),
      SE: pct(icer.quadrantShares.SE),
      SW: pct(icer.quadrantShares.SW),
    },
    deltaEffect: `${de > 0 ? '+' : ''}${n(de, 1)}`,
    twoMcseDeltaEffect: n(2 * icer.mcseDeltaEffect, 1),
    deltaCost: n(Math.abs(dc) / 1e6, 1),
    costDirection: Math.abs(dc) <= 2 * icer.mcseDeltaCost ? 'unclear' : dc > 0 ? 'up' : 'down',
  };
}

/** Every word of the report in one language. */
export interface ReportLabels {
  /** BCP 47 tag for `<html lang>` and number formatting. */
  locale: string;
  /** Short metric names for table rows and axis titles (see {@link metricLabel} for the fallback). */
  metrics: Partial<Record<MetricName, string>>;
  /** Units per metric (see {@link metricUnit} for the fallback). */
  units: Partial<Record<MetricName, MetricUnit>>;
  /** Title prefix of the report. */
  title: string;
  /** Line under the title: replicates, seed, level. */
  runLine: (replicates: number, seed: string, horizonMonths: number, levelPct: number) => string;
  /** Heading of the plain-language summary. */
  summaryHeading: string;
  /** Heading of the comparison table. */
  comparisonHeading: string;
  /** Note under the comparison table. */
  comparisonNote: (levelPct: number) => string;
  /** Heading of the differences table. */
  differencesHeading: string;
  /** Note under the differences table. */
  differencesNote: (baseline: string, levelPct: number) => string;
  /** Column "share of replicates in which the scenario did better". */
  probBetter: string;
  /** Heading of the plots section. */
  plotsHeading: string;
  /** Caption of the distribution plot. */
  distributionCaption: (metric: string) => string;
  /** Caption of the differences plot. */
  differencesCaption: (metric: string, baseline: string) => string;
  /** Caption of the cost-effect plot. */
  costEffectCaption: (baseline: string) => string;
  /** Caption of a fan chart. */
  fanCaption: (scenario: string) => string;
  /** Caption of the steered share plot. */
  steeringCaption: (scenario: string, intervention: string) => string;
  /** The decision section: ICER by quadrant, CEAC, EVPI and EVPPI. */
  decision: DecisionLabels;
  /** Heading of the assumptions section. */
  assumptionsHeading: string;
  /** Sub-headings and column names of the assumptions tables. */
  assumptions: {
    /** "States". */
    states: string;
    /** "Groups". */
    groups: string;
    /** "Interventions". */
    interventions: string;
    /** "Scenarios". */
    scenarios: string;
    /** "Baseline transitions (monthly probabilities)". */
    transitions: string;
    /** "Calibrated to observed figures". */
    calibrated: string;
    /** Column: id. */
    id: string;
    /** Column: label. */
    label: string;
    /** Column: kind. */
    kind: string;
    /** Names of the state kinds. */
    kinds: Record<'benefit' | 'success' | 'exit', string>;
    /** Column: monthly transfer, DKK. */
    monthlyTransfer: string;
    /** Column: size. */
    size: string;
    /** Column: initial state. */
    initialState: string;
    /** Column: prior months on support. */
    priorMonths: string;
    /** Column: monthly cost, DKK. */
    monthlyCost: string;
    /** Column: what it changes. */
    changes: string;
    /** Column: source. */
    source: string;
    /** Column: allocation. */
    allocation: string;
    /** Column: fixed monthly cost. */
    fixedMonthlyCost: string;
    /** "none" (no intervention). */
    none: string;
    /** "from → to". */
    from: string;
    /** Text for staffing-derived cost. */
    staffing: (annualCost: string, caseload: number | string) => string;
    /** A capacity: places or caseworkers × caseload, and what happens when full. */
    capacity: (places: string, whenFull: 'queue' | 'fallback', fallback: string | undefined) => string;
    /** "Reform calendar". */
    calendar: string;
    /** Column: from (a calendar step's date). */
    fromDate: string;
    /** A scenario's portfolio steering, in words. */
    steering: (
      intervention: string,
      step: string,
      every: number | string,
      lo: string,
      hi: string,
      rules: string,
    ) => string;
    /** "the rest" of completed courses, in a calibration. */
    rest: string;
    /** A calibration's mean course length. */
    meanLength: (months: string) => string;
    /** A calibration's completion share within some months. */
    completedWithin: (sharePct: string, months: number | string) => string;
  };
  /** Name used for "the baseline" in text. */
  baselineWord: string;
  /** The horizon in words. */
  horizon: (months: number) => string;
  /** The plain-language sentence of one scenario. */
  sentence: (p: SentenceParts) => string;
  /** Note shown when occupancy is absent. */
  noOccupancy: string;
  /** Heading of the per-arm section. */
  armsHeading: string;
  /** Note under the per-arm tables: what an arm is and what its money holds. */
  armsNote: (levelPct: number) => string;
  /** Column head of an arm: group/intervention and citizens. */
  armHead: (group: string, intervention: string, citizens: string) => string;
  /** Note under a scenario whose arms are booked with a capacity. */
  armsCapacity: string;
  /** Line for a steered scenario, which has no arm rows. */
  armsSteered: (scenario: string) => string;
  /** Heading of one scenario's arm differences from the baseline. */
  armsDifferences: (scenario: string, baseline: string) => string;
  /** Note under the arm differences: arms whose counts differ hold partly different citizens. */
  armsDifferencesNote: string;
  /** Heading of the payback section. */
  paybackHeading: string;
  /** The words of a payback (see {@link paybackPhrase}). */
  payback: {
    /** The mean curve is still above 0 at the horizon. */
    never: string;
    /** The mean curve is never above 0. */
    noOutlay: string;
    /** "month N". */
    month: (m: number) => string;
    /** "interval lo–hi". */
    interval: (lo: number, hi: string) => string;
    /** An interval end beyond the horizon. */
    neverEnd: string;
    /** Said of a median month 0. */
    medianNoOutlay: string;
    /** The mean curve pays back in month m, but the median replicate does not within the horizon. */
    meanCurveOnly: (m: number) => string;
  };
  /** The payback sentence of one scenario. */
  paybackSentence: (p: PaybackParts) => string;
  /** Note under the payback sentences: the definition. */
  paybackNote: (baseline: string, levelPct: number) => string;
  /** The yearly budget section: lines by payer, per scenario and as differences from the baseline. */
  yearly: {
    /** Heading of the section. */
    heading: string;
    /** Heading of one payer's table (a payer without one is shown by its name). */
    payers: Record<'municipality' | 'state' | 'total', string> & Record<string, string>;
    /** Heading of one payer's differences from the baseline. */
    differences: (payer: string, baseline: string) => string;
    /** Names of the yearly items that are not metrics (the rest use the metric names). */
    items: { stateReimbursement: string };
    /** Column head of the year column. */
    year: string;
    /** Column head of the item column. */
    item: string;
    /** A year without a calendar date: "year N". */
    yearN: (n: number) => string;
    /** The row of the whole horizon. */
    total: string;
    /** Note under the section: units, interval, discounting. */
    note: (levelPct: number) => string;
  };
  /** The uncertain parameters section. */
  parameters: {
    /** Heading of the section. */
    heading: string;
    /** Column heads: name, distribution, mean, source. */
    columns: [string, string, string, string];
    /** Line shown when the model has no uncertain parameter. */
    none: string;
    /** Line of a scenario that draws no uncertain parameter. */
    noneFor: (scenario: string) => string;
    /** Note under the table: what the draws mean. */
    note: string;
  };
}

/** Per cent, months and mio. DKK, per language. */
function units(months: string, mio: string, points: string): Partial<Record<MetricName, MetricUnit>> {
  const pct = { factor: 100, unit: '%', diffUnit: points };
  const money = { factor: 1e-6, unit: mio, diffUnit: mio };
  return {
    municipalCost: money,
    successRate: pct,
    benefitMonths: { factor: 1, unit: months, diffUnit: months },
    transferCost: money,
    interventionCost: money,
    netTransferCost: money,
    paidHoursRate: pct,
    completedSuccessShare: pct,
    premiumIncome: money,
  };
}

const EN: ReportLabels = {
  locale: LOCALES.en,
  metrics: {
    successRate: 'success rate at horizon',
    benefitMonths: 'months on benefit per citizen',
    transferCost: 'transfers (gross)',
    interventionCost: 'intervention cost',
    netTransferCost: 'transfers, municipal net',
    paidHoursRate: 'ever in paid hours',
    completedSuccessShare: 'completed courses ending in success',
    premiumIncome: 'premium income',
    municipalCost: 'municipal net cost',
  },
  units: units('months', 'mio. DKK', 'points'),
  title: 'Forecast',
  runLine: (r, seed, h, lv) =>
    `${r.toLocaleString('en-GB')} simulated replicates, random seed "${seed}", horizon ${h} months; intervals are ${lv} % percentile intervals over replicates.`,
  summaryHeading: 'In brief',
  comparisonHeading: 'Scenarios compared',
  comparisonNote: (lv) => `Mean over replicates with the ${lv} % interval in brackets.`,
  differencesHeading: 'Differences from the baseline',
  differencesNote: (b, lv) =>
    `Paired differences scenario − ${b}, replicate by replicate (every scenario meets the same simulated citizens): mean and ${lv} % interval. An interval that excludes 0 is a clear difference.`,
  probBetter: 'share of replicates better',
  plotsHeading: 'Plots',
  distributionCaption: (m) => `Distribution of ${m} over replicates; the band marks the interval, the line the mean.`,
  differencesCaption: (m, b) => `${m}: difference from ${b} with its interval.`,
  costEffectCaption: (b) =>
    `Each dot is one replicate: change in municipal net cost against change in success rate, compared with ${b}. Dots left of 0 succeed less; dots below 0 cost less. The dots include individual chance; the quadrant shares under Decision are over parameter draws, with chance averaged out.`,
  fanCaption: (s) => `Citizens in each state month by month in ${s}: median, 50 % band and interval band.`,
  steeringCaption: (s, iv) =>
    `Portfolio steering in ${s}: the share in ${iv} after each quarterly review, one faint line per replicate, the mean in bold.`,
  decision: {
    heading: 'Decision',
    intro: (method, draws) =>
      method === 'none'
        ? 'No parameter of the model is uncertain, so the expected outcome is the same in every replicate: the EVPI is 0 and each probability of being best is 0 or 1. Whether this population does better by chance is in the differences table.'
        : `The probabilities and values below are about the uncertain parameters, not about chance: each replicate's outcome is replaced by its expected value given that replicate's parameter draw (a regression over ${draws.toLocaleString('en-GB')} parameter draws), so which citizens happen to find work — which no study could resolve — is averaged out. Net benefit = successes × willingness to pay − municipal net cost.`,
    icerHeading: 'Cost per extra success (ICER)',
    icer: (p) => {
      const head = `${p.scenario} against ${p.baseline}: `;
      if (!p.usable) return `${head}no replicate with finite costs and effects.`;
      const shares = `parameter draws by quadrant: NE ${p.shares.NE} %, NW ${p.shares.NW} %, SE ${p.shares.SE} %, SW ${p.shares.SW} %`;
      const interval = `${p.interval === null ? 'interval undefined — see the CEAC' : p.interval === '' ? 'no uncertain parameter moves it' : `${p.levelPct} % interval over parameter draws ${p.interval} DKK`}; Monte Carlo error ±${p.mcse} DKK`;
      const also = (q: 'NE' | 'SW') => (p.shares[q] === '100' ? '' : `; ${shares}`);
      const cost =
        p.costDirection === 'unclear'
          ? 'no cost difference beyond Monte Carlo error'
          : `costs ${p.deltaCost} mio. DKK ${p.costDirection === 'up' ? 'more' : 'less'}`;
      switch (p.reading) {
        case 'identical':
          return `${head}identical to the baseline in successes and cost.`;
        case 'no-detectable-effect':
          return `${head}the difference in successes (${p.deltaEffect} ± ${p.twoMcseDeltaEffect}) is within Monte Carlo error of 0, so no cost per success can be given; ${cost}.`;
        case 'dominant':
          return `${head}dominant — more successes at lower cost in ${p.shares.SE} % of parameter draws.`;
        case 'dominated':
          return `${head}dominated — fewer successes at higher cost in ${p.shares.NW} % of parameter draws.`;
        case 'costs-per-success':
          return `${head}costs ${p.amount} DKK per extra success (${interval})${also('NE')}.`;
        case 'saves-per-success-forgone':
          return `${head}saves ${p.amount} DKK per success forgone (${interval})${also('SW')}.`;
        case 'mixed':
          return `${head}${p.quadrant === 'SE' ? 'more successes at lower cost' : 'fewer successes at higher cost'} on average (${p.quadrant} quadrant), but not clearly so; ${shares}.`;
      }
    },
    icerNote: (lv) =>
      `ICER = Δ municipal net cost / Δ successes against the baseline (a ratio of means), given only when Δ successes lies beyond two Monte Carlo errors of 0. Its interval is over parameter draws, and undefined when the expected Δ successes changes sign across them. ` +
      `Quadrants of the cost-effect plane: NE more successes at higher cost, SW fewer at lower cost, SE more at lower cost, NW fewer at higher cost. ` +
      `Dominant (dominated): the mean is in SE (NW), at least ${lv} % of parameter draws are there, and both differences lie beyond two Monte Carlo errors of 0.`,
    ceacHeading: 'Acceptability curve and the value of information',
    evpiLine: (wtp, best, prob, evpi) =>
      `At a willingness to pay of ${wtp} DKK per extra success, ${best} most often has the highest expected net benefit (${prob} % of parameter draws); the expected value of perfect information (EVPI) is ${evpi} mio. DKK.`,
    ceacCaption: (wtp) =>
      `Cost-effectiveness acceptability curve (CEAC): for each willingness to pay per extra success, the probability over parameter draws that each scenario has the highest expected net benefit.${wtp === null ? '' : ` The dashed line marks the run's willingness to pay, ${wtp} DKK.`}`,
    evpiCaption:
      'Expected value of perfect information (EVPI) at each willingness to pay: the mean over parameter draws of the best scenario’s expected net benefit, less the best mean — what knowing every uncertain parameter before choosing would be worth, an upper bound on what further research can be worth.',
    evppiHeading: 'Expected value of partial perfect information (EVPPI)',
    evppiNote: (wtp, evpi) =>
      `What knowing exactly these parameters before choosing would be worth at ${wtp} DKK per extra success; the standard error comes from the regression's coefficient uncertainty. The EVPI (${evpi} mio. DKK) is the value of knowing all of them at once.`,
    evppiColumns: ['parameter(s)', 'EVPPI, mio. DKK', 'standard error, mio. DKK'],
    evppiCaption: 'EVPPI per parameter and group, largest first, with ±2 standard errors; the dashed line is the EVPI.',
    evppiZero: (wtp, best) =>
      `At ${wtp} DKK per extra success, ${best} has the highest expected net benefit in every parameter draw: the EVPI is 0, so knowing any parameter better would not change the choice (every EVPPI is 0). A higher willingness to pay (--wtp) can change that; the CEAC shows where.`,
  },
  assumptionsHeading: 'Assumptions',
  assumptions: {
    states: 'States',
    groups: 'Groups',
    interventions: 'Interventions',
    scenarios: 'Scenarios',
    transitions: 'Baseline transitions (monthly probabilities)',
    calibrated: 'calibrated to observed figures',
    id: 'id',
    label: 'description',
    kind: 'kind',
    kinds: { benefit: 'on benefit', success: 'success', exit: 'other exit' },
    monthlyTransfer: 'monthly transfer, DKK',
    size: 'citizens',
    initialState: 'starts in',
    priorMonths: 'prior months on support',
    monthlyCost: 'monthly cost, DKK',
    changes: 'changes',
    source: 'source',
    allocation: 'allocation (citizens)',
    fixedMonthlyCost: 'fixed cost per month, DKK',
    none: 'none',
    from: 'from',
    staffing: (c, n) => `caseworkers at ${c} DKK a year, caseload ${n}`,
    capacity: (p, w, f) =>
      `capacity ${p}; when full ${w === 'queue' ? 'wait' : 'get'} ${f ?? 'no intervention'}${w === 'queue' ? ' meanwhile' : ''}`,
    calendar: 'Reform calendar',
    fromDate: 'from',
    steering: (iv, step, every, lo, hi, rules) =>
      `portfolio steering of ${iv}: at most ±${step} points every ${every} months, share ${lo}–${hi}; ${rules}`,
    rest: 'the rest',
    meanLength: (m) => `mean course ${m} months`,
    completedWithin: (p, m) => `${p} % ended within ${m} months`,
  },
  baselineWord: 'the baseline',
  horizon: (m) => (m % 12 === 0 ? `${m / 12} year${m === 12 ? '' : 's'}` : `${m} months`),
  sentence: (p) => {
    if (!p.baseline) {
      return `${p.scenario}: ${p.success} % have succeeded after ${p.horizon}; transfers ${p.transfers} mio. DKK; intervention cost ${p.intervention} mio. DKK.`;
    }
    const succ =
      p.successDirection === 'unclear'
        ? `no clear difference from ${p.baseline} (${p.successDiff} points)`
        : `${p.successDiff} points ${p.successDirection === 'up' ? 'more' : 'fewer'} than ${p.baseline}`;
    const money = (what: string, v: string, d?: Direction) =>
      d === 'unclear'
        ? `${what} about the same (${v} mio. DKK)`
        : `${what} ${v} mio. DKK ${d === 'up' ? 'higher' : 'lower'}`;
    return (
      `${p.scenario}: ${p.success} % have succeeded after ${p.horizon}, ${succ}; ` +
      `${money('transfers', p.transfers, p.transfersDirection)}, ${money('intervention cost', p.intervention, p.interventionDirection)}` +
      (p.netCost !== undefined ? `; ${money("the municipality's net cost", p.netCost, p.netCostDirection)}` : '') +
      '.'
    );
  },
  noOccupancy: 'Month-by-month state counts were not collected for this run.',
  armsHeading: 'Per arm',
  armsNote: (lv) =>
    `An arm is a group's citizens with one intervention (or none). Mean over replicates with the ${lv} % interval in brackets; money is the arm's total, without the scenario's fixed monthly cost.`,
  armHead: (g, iv, n) => `${g}/${iv} (${n} citizens)`,
  armsCapacity:
    'An intervention in this scenario has a capacity: the months and money of citizens waiting for a place, or sent to the fallback, are counted in the fallback arm.',
  armsSteered: (s) => `${s}: no figures per arm, since the steering moves citizens between arms during the run.`,
  armsDifferences: (s, b) => `${s} − ${b}, per arm in both`,
  armsDifferencesNote:
    'Paired differences replicate by replicate. Where the number of citizens in an arm differs between the scenarios, the arm holds partly different citizens, and its difference mixes who is in the arm with what the arm does.',
  paybackHeading: 'Payback',
  payback: {
    never: 'never within the horizon',
    noOutlay: 'saves from the start (no outlay)',
    month: (m) => `month ${m}`,
    interval: (lo, hi) => `interval ${lo}–${hi}`,
    neverEnd: 'never',
    medianNoOutlay: 'no outlay in most replicates',
    meanCurveOnly: (m) => `month ${m} on the mean curve, but never within the horizon in most replicates`,
  },
  paybackSentence: (p) =>
    `${p.scenario} against ${p.baseline}: ${p.phrase}; cumulatively no dearer than ${p.baseline} by the horizon in ${p.covered} % of replicates (never dearer in ${p.noOutlay} %); cumulative municipal net result at the horizon ${p.net} mio. DKK.`,
  paybackNote: (b, lv) =>
    `Payback is the first month from which the municipality's cumulative net cost against ${b} stays at or below 0 until the horizon; shown as the median over replicates with its ${lv} % interval. ` +
    `A replicate that never spends more than ${b} has no outlay (counted as month 0); one still above 0 at the horizon never pays back within it. ` +
    `Whether a scenario pays back, never does or saves from the start is read off the mean cost over replicates. A negative net result is a saving.`,
  yearly: {
    heading: 'Budget by year and payer',
    payers: {
      municipality: 'Municipality',
      state: 'State',
      region: 'Region',
      total: 'Total (municipality and state)',
    },
    differences: (p, b) => `${p}: difference from ${b}`,
    items: { stateReimbursement: 'state reimbursement' },
    year: 'Year',
    item: 'Item',
    yearN: (n) => `year ${n}`,
    total: 'whole horizon',
    note: (lv) =>
      `Mio. DKK per year for the whole population (discounted when the model discounts), mean over replicates with the ${lv} % interval in brackets. Differences are paired replicate by replicate, with the probability that the scenario is better (lower cost, higher income).`,
  },
  parameters: {
    heading: 'Uncertain parameters',
    columns: ['Parameter', 'Distribution', 'Mean', 'Source'],
    none: 'No uncertain parameters: every effect is fixed.',
    noneFor: (s) => `${s}: no uncertain parameters, every effect it uses is fixed.`,
    note: 'Each replicate draws every uncertain parameter once from its distribution; the intervals above hold this uncertainty together with the chance in who moves when.',
  },
};

const DA: ReportLabels = {
  locale: LOCALES.da,
  metrics: {
    successRate: 'andel i succes ved horisonten',
    benefitMonths: 'måneder på ydelse pr. borger',
    transferCost: 'overførsler (brutto)',
    interventionCost: 'indsatsudgift',
    netTransferCost: 'overførsler, kommunal netto',
    paidHoursRate: 'nogensinde i lønnede timer',
    completedSuccessShare: 'afsluttede forløb, der ender i succes',
    premiumIncome: 'præmieindtægt',
    municipalCost: 'kommunal nettoudgift',
  },
  units: units('måneder', 'mio. kr.', 'procentpoint'),
  title: 'Fremskrivning',
  runLine: (r, seed, h, lv) =>
    `${r.toLocaleString('da-DK')} simulerede gentagelser, startværdi for tilfældige tal "${seed}", horisont ${h} måneder; intervallerne er ${lv} %-percentilintervaller over gentagelserne.`,
  summaryHeading: 'Kort fortalt',
  comparisonHeading: 'Scenarierne sammenlignet',
  comparisonNote: (lv) => `Gennemsnit over gentagelserne med ${lv} %-interval i parentes.`,
  differencesHeading: 'Forskelle fra udgangspunktet',
  differencesNote: (b, lv) =>
    `Parrede forskelle scenarie − ${b}, gentagelse for gentagelse (alle scenarier møder de samme simulerede borgere): gennemsnit og ${lv} %-interval. Et interval, der ikke rummer 0, er en klar forskel.`,
  probBetter: 'andel gentagelser bedre',
  plotsHeading: 'Figurer',
  distributionCaption: (m) =>
    `Fordelingen af ${m} over gentagelserne; båndet viser intervallet, stregen gennemsnittet.`,
  differencesCaption: (m, b) => `${m}: forskel fra ${b} med interval.`,
  costEffectCaption: (b) =>
    `Hvert punkt er én gentagelse: ændring i kommunal nettoudgift mod ændring i succesandel, sammenlignet med ${b}. Punkter til venstre for 0 har færre i succes; punkter under 0 koster mindre. Punkterne rummer den individuelle tilfældighed; kvadrantandelene under Beslutning er over parameterudtræk, med tilfældigheden udjævnet.`,
  fanCaption: (s) => `Borgere i hver tilstand måned for måned i ${s}: median, 50 %-bånd og intervalbånd.`,
  steeringCaption: (s, iv) =>
    `Porteføljestyring, ${s}: andelen i ${iv} efter hver kvartalsvise vurdering, en svag linje pr. gentagelse, gennemsnittet med fed.`,
  decision: {
    heading: 'Beslutning',
    intro: (method, draws) =>
      method === 'none'
        ? 'Ingen af modellens parametre er usikre, så det forventede udfald er det samme i alle gentagelser: EVPI er 0, og hver sandsynlighed for at være bedst er 0 eller 1. Om netop denne population klarer sig bedre ved et tilfælde, står i tabellen over forskelle.'
        : `Sandsynlighederne og værdierne nedenfor handler om usikkerheden om parametrene, ikke om tilfældighed: hver gentagelses udfald erstattes af den forventede værdi givet gentagelsens parameterudtræk (en regression over ${draws.toLocaleString('da-DK')} parameterudtræk), så hvilke borgere der tilfældigvis kommer i job — som ingen undersøgelse kan afklare — er udjævnet. Nettogevinst = antal i succes × betalingsvilje − kommunal nettoudgift.`,
    icerHeading: 'Udgift pr. ekstra borger i succes (ICER)',
    icer: (p) => {
      const head = `${p.scenario} mod ${p.baseline}: `;
      if (!p.usable) return `${head}ingen gentagelser med endelige udgifter og effekter.`;
      const shares = `parameterudtræk pr. kvadrant: NØ ${p.shares.NE} %, NV ${p.shares.NW} %, SØ ${p.shares.SE} %, SV ${p.shares.SW} %`;
      const interval = `${p.interval === null ? 'intervallet er udefineret — se accept-kurven (CEAC)' : p.interval === '' ? 'ingen usikker parameter flytter det' : `${p.levelPct} %-interval over parameterudtræk ${p.interval} kr.`}; Monte Carlo-fejl ±${p.mcse} kr.`;
      const also = (q: 'NE' | 'SW') => (p.shares[q] === '100' ? '' : `; ${shares}`);
      const cost =
        p.costDirection === 'unclear'
          ? 'ingen forskel i udgift ud over Monte Carlo-fejlen'
          : `udgiften er ${p.deltaCost} mio. kr. ${p.costDirection === 'up' ? 'højere' : 'lavere'}`;
      switch (p.reading) {
        case 'identical':
          return `${head}som udgangspunktet i både antal i succes og udgift.`;
        case 'no-detectable-effect':
          return `${head}forskellen i antal i succes (${p.deltaEffect} ± ${p.twoMcseDeltaEffect}) ligger inden for Monte Carlo-fejlen af 0, så der kan ikke angives en udgift pr. borger i succes; ${cost}.`;
        case 'dominant':
          return `${head}dominerende — flere i succes til lavere udgift i ${p.shares.SE} % af parameterudtrækkene.`;
        case 'dominated':
          return `${head}domineret — færre i succes til højere udgift i ${p.shares.NW} % af parameterudtrækkene.`;
        case 'costs-per-success':
          return `${head}koster ${p.amount} kr. pr. ekstra borger i succes (${interval})${also('NE')}.`;
        case 'saves-per-success-forgone':
          return `${head}sparer ${p.amount} kr. pr. borger færre i succes (${interval})${also('SW')}.`;
        case 'mixed':
          return `${head}i gennemsnit ${p.quadrant === 'SE' ? 'flere i succes til lavere udgift (SØ-kvadranten)' : 'færre i succes til højere udgift (NV-kvadranten)'}, men ikke entydigt; ${shares}.`;
      }
    },
    icerNote: (lv) =>
      `ICER = Δ kommunal nettoudgift / Δ antal i succes i forhold til udgangspunktet (et forhold mellem gennemsnit), kun angivet, når Δ antal i succes ligger mere end to Monte Carlo-fejl fra 0. Intervallet er over parameterudtræk og udefineret, når den forventede Δ antal i succes skifter fortegn mellem dem. ` +
      `Kvadranter i udgift-effekt-planen: NØ flere i succes til højere udgift, SV færre til lavere udgift, SØ flere til lavere udgift, NV færre til højere udgift. ` +
      `Dominerende (domineret): gennemsnittet ligger i SØ (NV), mindst ${lv} % af parameterudtrækkene ligger der, og begge forskelle ligger mere end to Monte Carlo-fejl fra 0.`,
    ceacHeading: 'Accept-kurve og værdien af information',
    evpiLine: (wtp, best, prob, evpi) =>
      `Ved en betalingsvilje på ${wtp} kr. pr. ekstra borger i succes har ${best} oftest den højeste forventede nettogevinst (${prob} % af parameterudtrækkene); værdien af perfekt information (EVPI) er ${evpi} mio. kr.`,
    ceacCaption: (wtp) =>
      `Accept-kurve (CEAC): for hver betalingsvilje pr. ekstra borger i succes sandsynligheden over parameterudtræk for, at hvert scenarie har den højeste forventede nettogevinst.${wtp === null ? '' : ` Den stiplede linje markerer kørslens betalingsvilje, ${wtp} kr.`}`,
    evpiCaption:
      'Værdi af perfekt information (EVPI) ved hver betalingsvilje: gennemsnittet over parameterudtræk af det bedste scenaries forventede nettogevinst minus den bedste gennemsnitlige nettogevinst — hvad det ville være værd at kende alle usikre parametre, før man vælger; en øvre grænse for, hvad yderligere undersøgelser kan være værd.',
    evppiHeading: 'Værdi af delvis perfekt information (EVPPI)',
    evppiNote: (wtp, evpi) =>
      `Hvad det ville være værd at kende netop disse parametre, før man vælger, ved ${wtp} kr. pr. ekstra borger i succes; standardfejlen stammer fra usikkerheden på regressionens koefficienter. EVPI (${evpi} mio. kr.) er værdien af at kende dem alle på én gang.`,
    evppiColumns: ['parameter(e)', 'EVPPI, mio. kr.', 'standardfejl, mio. kr.'],
    evppiCaption: 'EVPPI pr. parameter og gruppe, størst først, med ±2 standardfejl; den stiplede linje er EVPI.',
    evppiZero: (wtp, best) =>
      `Ved ${wtp} kr. pr. ekstra borger i succes har ${best} den højeste forventede nettogevinst i alle parameterudtræk: EVPI er 0, så bedre viden om en parameter ville ikke ændre valget (alle EVPPI er 0). En højere betalingsvilje (--wtp) kan ændre det; accept-kurven viser hvor.`,
  },
  assumptionsHeading: 'Forudsætninger',
  assumptions: {
    states: 'Tilstande',
    groups: 'Grupper',
    interventions: 'Indsatser',
    scenarios: 'Scenarier',
    transitions: 'Overgange i udgangspunktet (månedlige sandsynligheder)',
    calibrated: 'kalibreret til observerede tal',
    id: 'id',
    label: 'beskrivelse',
    kind: 'type',
    kinds: { benefit: 'på ydelse', success: 'succes', exit: 'anden afgang' },
    monthlyTransfer: 'månedlig ydelse, kr.',
    size: 'borgere',
    initialState: 'starter i',
    priorMonths: 'tidligere måneder på ydelse',
    monthlyCost: 'månedlig udgift, kr.',
    changes: 'ændrer',
    source: 'kilde',
    allocation: 'fordeling (borgere)',
    fixedMonthlyCost: 'fast udgift pr. måned, kr.',
    none: 'ingen',
    from: 'fra',
    staffing: (c, n) => `sagsbehandlere à ${c} kr. om året, sagstal ${n}`,
    capacity: (p, w, f) =>
      `kapacitet ${p}; når fuld ${w === 'queue' ? 'venter borgeren med' : 'får borgeren'} ${f ?? 'ingen indsats'}`,
    calendar: 'Reformkalender',
    fromDate: 'fra',
    steering: (iv, step, every, lo, hi, rules) =>
      `porteføljestyring af ${iv}: højst ±${step} procentpoint hver ${every}. måned, andel ${lo}–${hi}; ${rules}`,
    rest: 'resten',
    meanLength: (m) => `gennemsnitligt forløb ${m} måneder`,
    completedWithin: (p, m) => `${p} % afsluttet inden for ${m} måneder`,
  },
  baselineWord: 'udgangspunktet',
  horizon: (m) => (m % 12 === 0 ? `${m / 12} år` : `${m} måneder`),
  sentence: (p) => {
    if (!p.baseline) {
      return `${p.scenario}: ${p.success} % er i succes efter ${p.horizon}; overførsler ${p.transfers} mio. kr.; indsatsudgift ${p.intervention} mio. kr.`;
    }
    const succ =
      p.successDirection === 'unclear'
        ? `ingen klar forskel fra ${p.baseline} (${p.successDiff} procentpoint)`
        : `${p.successDiff} procentpoint ${p.successDirection === 'up' ? 'flere' : 'færre'} end ${p.baseline}`;
    const money = (what: string, v: string, d?: Direction) =>
      d === 'unclear'
        ? `${what} omtrent uændret (${v} mio. kr.)`
        : `${what} ${v} mio. kr. ${d === 'up' ? 'højere' : 'lavere'}`;
    return (
      `${p.scenario}: ${p.success} % er i succes efter ${p.horizon}, ${succ}; ` +
      `${money('overførsler', p.transfers, p.transfersDirection)}, ${money('indsatsudgift', p.intervention, p.interventionDirection)}` +
      (p.netCost !== undefined ? `; ${money('kommunens nettoudgift', p.netCost, p.netCostDirection)}` : '') +
      '.'
    );
  },
  noOccupancy: 'Antal borgere pr. tilstand måned for måned blev ikke opgjort i denne kørsel.',
  armsHeading: 'Pr. indsats',
  armsNote: (lv) =>
    `En indsatsgruppe er en målgruppes borgere med én indsats (eller ingen). Gennemsnit over gentagelserne med ${lv} %-interval i parentes; beløb er gruppens samlede, uden scenariets faste månedlige udgift.`,
  armHead: (g, iv, n) => `${g}/${iv} (${n} borgere)`,
  armsCapacity:
    'En indsats i dette scenarie har en kapacitet: måneder og udgifter for borgere, der venter på en plads eller henvises til alternativet, tælles med i alternativets gruppe.',
  armsSteered: (s) => `${s}: ingen tal pr. indsats, da styringen flytter borgere mellem indsatserne undervejs.`,
  armsDifferences: (s, b) => `${s} − ${b}, pr. indsats i begge`,
  armsDifferencesNote:
    'Parrede forskelle gentagelse for gentagelse. Hvor antallet af borgere i en indsats er forskelligt i de to scenarier, rummer den delvis forskellige borgere, og forskellen blander, hvem der er i indsatsen, med hvad indsatsen gør.',
  paybackHeading: 'Tilbagebetalingstid',
  payback: {
    never: 'tjener sig ikke hjem inden for horisonten',
    noOutlay: 'sparer fra start (intet udlæg)',
    month: (m) => `måned ${m}`,
    interval: (lo, hi) => `interval ${lo}–${hi}`,
    neverEnd: 'aldrig',
    medianNoOutlay: 'intet udlæg i de fleste gentagelser',
    meanCurveOnly: (m) => `måned ${m} for gennemsnittet, men ikke inden for horisonten i de fleste gentagelser`,
  },
  paybackSentence: (p) =>
    `${p.scenario} mod ${p.baseline}: ${p.phrase}; har ved horisonten samlet kostet højst det samme som ${p.baseline} i ${p.covered} % af gentagelserne (aldrig mere i ${p.noOutlay} %); kommunens akkumulerede nettoresultat ved horisonten ${p.net} mio. kr.`,
  paybackNote: (b, lv) =>
    `Tilbagebetalingstiden er den første måned, hvorfra kommunens akkumulerede nettoudgift i forhold til ${b} holder sig på eller under 0 til horisonten; vist som median over gentagelserne med ${lv} %-interval. ` +
    `En gentagelse, der aldrig bruger mere end ${b}, har intet udlæg (tæller som måned 0); en, der stadig er over 0 ved horisonten, tjener sig ikke hjem inden for den. ` +
    `Om et scenarie tjener sig hjem, ikke gør det eller sparer fra start, aflæses af gennemsnitsudgiften over gentagelserne. Et negativt nettoresultat er en besparelse.`,
  yearly: {
    heading: 'Budget pr. år og betaler',
    payers: { municipality: 'Kommunen', state: 'Staten', region: 'Regionen', total: 'I alt (kommune og stat)' },
    differences: (p, b) => `${p}: forskel fra ${b}`,
    items: { stateReimbursement: 'statsrefusion' },
    year: 'År',
    item: 'Post',
    yearN: (n) => `år ${n}`,
    total: 'hele horisonten',
    note: (lv) =>
      `Mio. kr. pr. år for hele målgruppen (tilbagediskonteret, når modellen diskonterer), gennemsnit over gentagelserne med ${lv} %-interval i parentes. Forskelle er parrede gentagelse for gentagelse, med sandsynligheden for, at scenariet er bedre (lavere udgift, højere indtægt).`,
  },
  parameters: {
    heading: 'Usikre parametre',
    columns: ['Parameter', 'Fordeling', 'Middelværdi', 'Kilde'],
    none: 'Ingen usikre parametre: alle effekter er faste.',
    noneFor: (s) => `${s}: ingen usikre parametre, alle effekter, scenariet bruger, er faste.`,
    note: 'Hver gentagelse trækker hver usikker parameter én gang fra dens fordeling; intervallerne ovenfor rummer denne usikkerhed sammen med tilfældighederne i, hvem der skifter tilstand hvornår.',
  },
};

/** Both label sets. */
export const LABELS: Readonly<Record<ReportLanguage, ReportLabels>> = { da: DA, en: EN };

/**
 * A payback in words (see {@link Payback} for the definition): "never within the
 * horizon", "saves from the start (no outlay)", or for a scenario that pays back the
 * median month over replicates with its date and interval, "month 14 (2027-02), interval
 * 9–20" ("never" for an interval end beyond the horizon).
 */
export function paybackPhrase(p: Payback, lang: ReportLanguage = 'en'): string {
  const W = LABELS[lang].payback;
  if (p.status === 'never') return W.never;
  if (p.status === 'no-outlay') return W.noOutlay;
  if (p.medianMonth === null) return W.meanCurveOnly(p.meanCurveMonth as number);
  const when = p.medianMonth === 0 ? W.medianNoOutlay : p.medianDate;
  return `${W.month(p.medianMonth)}${when ? ` (${when})` : ''}, ${W.interval(p.lo as number, p.hi === null ? W.neverEnd : String(p.hi))}`;
}

/**
 * A metric's short name in a language; a metric without a translation falls back to its
 * English description, then its id, so new metrics never break the report.
 */
export function metricLabel(metric: string, lang: ReportLanguage = 'en'): string {
  return LABELS[lang].metrics[metric as MetricName] ?? METRIC_LABELS[metric as MetricName] ?? metric;
}

/**
 * A metric's unit in a language; a metric without one is guessed from its name (…Cost and
 * …Income are DKK, …Rate and …Share are shares), else shown as is.
 */
export function metricUnit(metric: string, lang: ReportLanguage = 'en'): MetricUnit {
  const u = LABELS[lang].units;
  const known = u[metric as MetricName];
  if (known) return known;
  if (/(Cost|Income)$/.test(metric)) return u.transferCost as MetricUnit;
  if (/(Rate|Share)$/.test(metric)) return u.successRate as MetricUnit;
  return { factor: 1, unit: '', diffUnit: '' };
}
