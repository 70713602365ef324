/**
 * The report's words in Danish and English: metric names, units, headings and the
 * plain-language sentences. Numbers are formatted per language (Danish uses a decimal
 * comma), so one place decides how a figure reads.
 * @module
 */
import type { Payback } from '../summary/business.js';
import { METRIC_LABELS, type MetricName } from '../summary/metrics.js';

/** A language the report and the plots can be written in. */
export type ReportLanguage = 'da' | 'en';

/** Every language, in the order the CLI lists them. */
export const REPORT_LANGUAGES: readonly ReportLanguage[] = ['da', 'en'];

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
    staffing: (annualCost: string, caseload: number) => string;
    /** A capacity: places or caseworkers × caseload, and what happens when full. */
    capacity: (places: string, whenFull: 'queue' | 'fallback', fallback: string | undefined) => string;
    /** "Reform calendar". */
    calendar: string;
    /** Column: from (a calendar step's date). */
    fromDate: string;
    /** A scenario's portfolio steering, in words. */
    steering: (intervention: string, step: string, every: number, lo: string, hi: string, rules: string) => string;
    /** "the rest" of completed courses, in a calibration. */
    rest: string;
    /** A calibration's mean course length. */
    meanLength: (months: string) => string;
    /** A calibration's completion share within some months. */
    completedWithin: (sharePct: string, months: number) => string;
  };
  /** Name used for "the baseline" in text. */
  baselineWord: string;
  /** The horizon in words. */
  horizon: (months: number) => string;
  /** The plain-language sentence of one scenario. */
  sentence: (p: SentenceParts) => string;
  /** Note shown when occupancy is absent. */
  noOccupancy: string;
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
  locale: 'en-GB',
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
  runLine: (r, seed, h, lv) => `${r.toLocaleString('en-GB')} simulated replicates, seed "${seed}", horizon ${h} months; intervals are ${lv} % percentile intervals over replicates.`,
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
  costEffectCaption: (b) => `Each dot is one replicate: change in municipal net cost against change in success rate, compared with ${b}. Dots left of 0 succeed less; dots below 0 cost less.`,
  fanCaption: (s) => `Citizens in each state month by month in ${s}: median, 50 % band and interval band.`,
  steeringCaption: (s, iv) => `Portfolio steering in ${s}: the share in ${iv} after each quarterly review, one faint line per replicate, the mean in bold.`,
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
    capacity: (p, w, f) => `capacity ${p}; when full ${w === 'queue' ? 'wait' : 'get'} ${f ?? 'no intervention'}${w === 'queue' ? ' meanwhile' : ''}`,
    calendar: 'Reform calendar',
    fromDate: 'from',
    steering: (iv, step, every, lo, hi, rules) => `portfolio steering of ${iv}: at most ±${step} points every ${every} months, share ${lo}–${hi}; ${rules}`,
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
      p.successDirection === 'unclear' ? `no clear difference from ${p.baseline} (${p.successDiff} points)` : `${p.successDiff} points ${p.successDirection === 'up' ? 'more' : 'fewer'} than ${p.baseline}`;
    const money = (what: string, v: string, d?: Direction) => (d === 'unclear' ? `${what} about the same (${v} mio. DKK)` : `${what} ${v} mio. DKK ${d === 'up' ? 'higher' : 'lower'}`);
    return (
      `${p.scenario}: ${p.success} % have succeeded after ${p.horizon}, ${succ}; ` +
      `${money('transfers', p.transfers, p.transfersDirection)}, ${money('intervention cost', p.intervention, p.interventionDirection)}` +
      (p.netCost !== undefined ? `; ${money("the municipality's net cost", p.netCost, p.netCostDirection)}` : '') +
      '.'
    );
  },
  noOccupancy: 'Month-by-month state counts were not collected for this run.',
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
};

const DA: ReportLabels = {
  locale: 'da-DK',
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
  runLine: (r, seed, h, lv) => `${r.toLocaleString('da-DK')} simulerede gentagelser, seed "${seed}", horisont ${h} måneder; intervallerne er ${lv} %-percentilintervaller over gentagelserne.`,
  summaryHeading: 'Kort fortalt',
  comparisonHeading: 'Scenarierne sammenlignet',
  comparisonNote: (lv) => `Gennemsnit over gentagelserne med ${lv} %-interval i parentes.`,
  differencesHeading: 'Forskelle fra udgangspunktet',
  differencesNote: (b, lv) =>
    `Parrede forskelle scenarie − ${b}, gentagelse for gentagelse (alle scenarier møder de samme simulerede borgere): gennemsnit og ${lv} %-interval. Et interval, der ikke rummer 0, er en klar forskel.`,
  probBetter: 'andel gentagelser bedre',
  plotsHeading: 'Figurer',
  distributionCaption: (m) => `Fordelingen af ${m} over gentagelserne; båndet viser intervallet, stregen gennemsnittet.`,
  differencesCaption: (m, b) => `${m}: forskel fra ${b} med interval.`,
  costEffectCaption: (b) => `Hvert punkt er én gentagelse: ændring i kommunal nettoudgift mod ændring i succesandel, sammenlignet med ${b}. Punkter til venstre for 0 har færre i succes; punkter under 0 koster mindre.`,
  fanCaption: (s) => `Borgere i hver tilstand måned for måned i ${s}: median, 50 %-bånd og intervalbånd.`,
  steeringCaption: (s, iv) => `Porteføljestyring i ${s}: andelen i ${iv} efter hver kvartalsvise vurdering, en svag linje pr. replikat, gennemsnittet med fed.`,
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
    capacity: (p, w, f) => `kapacitet ${p}; når fuld ${w === 'queue' ? 'venter borgeren med' : 'får borgeren'} ${f ?? 'ingen indsats'}`,
    calendar: 'Reformkalender',
    fromDate: 'fra',
    steering: (iv, step, every, lo, hi, rules) => `porteføljestyring af ${iv}: højst ±${step} procentpoint hver ${every}. måned, andel ${lo}–${hi}; ${rules}`,
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
      p.successDirection === 'unclear' ? `ingen klar forskel fra ${p.baseline} (${p.successDiff} procentpoint)` : `${p.successDiff} procentpoint ${p.successDirection === 'up' ? 'flere' : 'færre'} end ${p.baseline}`;
    const money = (what: string, v: string, d?: Direction) => (d === 'unclear' ? `${what} omtrent uændret (${v} mio. kr.)` : `${what} ${v} mio. kr. ${d === 'up' ? 'højere' : 'lavere'}`);
    return (
      `${p.scenario}: ${p.success} % er i succes efter ${p.horizon}, ${succ}; ` +
      `${money('overførsler', p.transfers, p.transfersDirection)}, ${money('indsatsudgift', p.intervention, p.interventionDirection)}` +
      (p.netCost !== undefined ? `; ${money('kommunens nettoudgift', p.netCost, p.netCostDirection)}` : '') +
      '.'
    );
  },
  noOccupancy: 'Antal borgere pr. tilstand måned for måned blev ikke opgjort i denne kørsel.',
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

/**
 * Format a number with `digits` decimals in the language's style (Danish: decimal comma);
 * a minus is the typographic "−", and a value that rounds to zero loses its sign.
 *
 * @example
 * ```ts
 * formatNumber(1234.5, 1, 'da'); // "1.234,5"
 * ```
 */
export function formatNumber(x: number, digits: number, lang: ReportLanguage): string {
  const text = new Intl.NumberFormat(LABELS[lang].locale, { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(x);
  return /^-[0.,]+$/.test(text) ? text.slice(1) : text.replace('-', '−');
}

/**
 * Decimals that keep an interval readable: whole numbers for wide intervals, more
 * decimals only when the ends would otherwise print alike, or when an interval around 0
 * would print an end as 0.
 */
export function rangeDigits(lo: number, hi: number): number {
  const width = Math.abs(hi - lo);
  const size = Math.max(Math.abs(lo), Math.abs(hi));
  if (size === 0) return 0;
  let d = width >= 2 || size >= 100 ? 0 : width >= 0.2 || size >= 10 ? 1 : 2;
  if (lo < 0 && hi > 0) {
    const near = Math.min(-lo, hi);
    if (near < 1) d = Math.max(d, near >= 0.1 ? 1 : 2);
  }
  return d;
}

/**
 * An interval as text: "24–29" for non-negative ends, words between negative or mixed
 * ends ("−4 to −2", "−1 to +2" read better than runs of dashes).
 *
 * @example
 * ```ts
 * formatRange(24.2, 28.9, 'en');  // "24–29"
 * formatRange(-1.2, 2.4, 'da');   // "−1 til +2"
 * formatRange(-0.2, 6.1, 'en');   // "−0.2 to +6.1"
 * ```
 */
export function formatRange(lo: number, hi: number, lang: ReportLanguage, digits = rangeDigits(lo, hi)): string {
  const a = formatNumber(lo, digits, lang);
  const b = formatNumber(hi, digits, lang);
  if (a === b) return a;
  if (lo >= 0 || a === '0' || /^[0.,]+$/.test(a)) return `${a}–${b}`;
  const to = lang === 'da' ? 'til' : 'to';
  return `${a} ${to} ${hi > 0 && !/^[0.,]+$/.test(b) ? '+' : ''}${b}`;
}
