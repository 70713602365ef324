/**
 * A model in words, for the people who read a report rather than a model file: a parameter
 * reference reads as its name and distribution ("fsm2Effect: lognormal, median 1.43
 * (95 % 1.1–1.8)"), `@success` as "exits to success (job, education, flex job)", a
 * calendar step's changes as sentences, and every label in the report's language (a
 * model's `translations`). The HTML, text and xlsx reports and the plots share it.
 * @module
 */
import type { Distribution } from '../params/distribution.js';
import { distQuantile } from '../params/distribution.js';
import type { ModelInput } from '../params/input.js';
import { isJointShape, jointMarginal, type JointDistribution } from '../params/joint.js';
import type { ReportLanguage } from './language.js';
import { formatNumber, formatRange } from './numbers.js';

/** The kinds of things a model labels, as `translations` groups them. */
export type LabelKind = 'states' | 'groups' | 'interventions' | 'scenarios';

/** Names of the distribution families in each language. */
const FAMILIES: Record<ReportLanguage, Record<Distribution['dist'], string>> = {
  en: {
    beta: 'beta',
    gamma: 'gamma',
    lognormal: 'lognormal',
    normal: 'normal',
    uniform: 'uniform',
    triangular: 'triangular',
  },
  da: {
    beta: 'beta',
    gamma: 'gamma',
    lognormal: 'lognormal',
    normal: 'normal',
    uniform: 'ligefordelt',
    triangular: 'trekantfordelt',
  },
};

/** The words of this module in each language. */
const WORDS = {
  en: {
    median: 'median',
    parameter: 'parameter',
    evidence: 'evidence',
    kinds: { '@success': 'exits to success', '@exit': 'other exits', '@benefit': 'benefit states' },
    any: 'every destination',
    noInterventions: 'no interventions',
    noChanges: 'no changes',
    baselineRows: 'baseline',
    transfer: (state: string, v: string) => `monthly transfer in ${state} ${v} DKK`,
    cost: (v: string) => `monthly cost ${v} DKK`,
    unavailable: 'closed to new citizens',
    available: 'open to new citizens',
    capacity: (v: string) => `capacity ${v}`,
    places: 'places',
    caseworkers: 'caseworkers',
    caseload: 'caseload',
    perCycle: { month: 'a month', year: 'a year' },
    perCycleBenefit: { month: 'a month on benefit', year: 'a year on benefit' },
    once: 'once at the start',
    perMove: 'per move',
    noFlows: 'no amounts',
    noEffects: 'no effects',
    payers: { municipality: 'municipality', state: 'state', region: 'region', society: 'society' } as Record<
      string,
      string
    >,
    // English keeps the signal names the model file uses.
    signals: {} as Record<string, string>,
  },
  da: {
    median: 'median',
    parameter: 'parameter',
    evidence: 'evidens',
    kinds: { '@success': 'afgang til succes', '@exit': 'anden afgang', '@benefit': 'ydelsestilstande' },
    any: 'alle udgange',
    noInterventions: 'ingen indsatser',
    noChanges: 'ingen ændringer',
    baselineRows: 'udgangspunkt',
    transfer: (state: string, v: string) => `månedlig ydelse i ${state} ${v} kr.`,
    cost: (v: string) => `månedlig udgift ${v} kr.`,
    unavailable: 'lukket for nye borgere',
    available: 'åben for nye borgere',
    capacity: (v: string) => `kapacitet ${v}`,
    places: 'pladser',
    caseworkers: 'sagsbehandlere',
    caseload: 'sagstal',
    perCycle: { month: 'om måneden', year: 'om året' },
    perCycleBenefit: { month: 'pr. måned på ydelse', year: 'pr. år på ydelse' },
    once: 'én gang ved start',
    perMove: 'pr. overgang',
    noFlows: 'ingen beløb',
    noEffects: 'ingen effekter',
    payers: { municipality: 'kommunen', state: 'staten', region: 'regionen', society: 'samfundet' } as Record<
      string,
      string
    >,
    signals: {
      freeCapacity: 'ledig kapacitet',
      queue: 'venteliste',
      exits: 'afgange',
      exitRate: 'afgangsrate',
      spending: 'forbrug i forhold til budget',
      share: 'andel',
    } as Record<string, string>,
  },
} as const;

/** Decimals that show a number to about three significant digits. */
function significant(x: number): number {
  if (x === 0 || !Number.isFinite(x)) return 0;
  return Math.min(6, Math.max(0, 2 - Math.floor(Math.log10(Math.abs(x)))));
}

/**
 * A distribution in words: its family, median and central 95 % range.
 *
 * @example
 * ```ts
 * distributionWords({ dist: 'lognormal', mu: 0.3577, sigma: 0.1236 }, 'en');
 * // "lognormal, median 1.43 (95 % 1.1–1.8)"
 * ```
 */
export function distributionWords(d: Distribution, lang: ReportLanguage): string {
  const median = distQuantile(d, 0.5);
  const lo = distQuantile(d, 0.025);
  const hi = distQuantile(d, 0.975);
  // Two significant digits: a median of 0.75 or 1.4, not 0.750.
  const digits = median === 0 ? 0 : Math.max(0, 1 - Math.floor(Math.log10(Math.abs(median))));
  return `${FAMILIES[lang][d.dist]}, ${WORDS[lang].median} ${formatNumber(median, Math.min(digits + (Math.abs(median) >= 1 ? 1 : 0), 6), lang)} (95 % ${formatRange(lo, hi, lang)})`;
}

/**
 * How a report names the parts of one model in one language: labels from the model (or
 * its `translations` for the language), values and targets in words.
 */
export interface ModelWords {
  /** The language. */
  lang: ReportLanguage;
  /** The label of a state, group, intervention or scenario in the language, or undefined when it has none. */
  label(kind: LabelKind, id: string): string | undefined;
  /** The label from the model's `translations` for the language only (undefined without one). */
  translated(kind: LabelKind, id: string): string | undefined;
  /** The label, or the id when there is none. */
  name(kind: LabelKind, id: string): string;
  /** The model's name in the language. */
  modelName: string;
  /** The model's description in the language, if any. */
  description: string | undefined;
  /** A source text of an intervention or scenario in the language. */
  source(kind: 'interventions' | 'scenarios', id: string): string | undefined;
  /** A named parameter's source in the language, when the translation gives one (else the model's own text is used). */
  parameterSource(name: string): string | undefined;
  /** A calendar step's label in the language. */
  calendarLabel(from: unknown): string | undefined;
  /**
   * A model value: a number formatted (`digits` decimals unless whole), a distribution in
   * words, a parameter reference as its name and distribution.
   */
  value(x: unknown, digits?: number): string;
  /** A destination key in words: a state id as is, `@success` etc. as a phrase listing the states. */
  target(key: string): string;
  /** Transition rows in words ("kh → exits to success (…) 0.03, out 0.01"). */
  rows(rows: Record<string, Record<string, unknown>> | undefined): string;
  /** Relative effects in words ("kh → exits to success (…) HR fsm2Effect: lognormal, …"). */
  effects(effects: Record<string, Record<string, Record<string, unknown>>> | undefined): string;
  /** A calendar step's changes (everything but `from` and `label`) in words. */
  changes(step: Record<string, unknown>): string;
  /**
   * Account entries in words ("taxes, state: −4,055 DKK a month"): `when` says what an
   * amount is booked for — a cycle in the state, a cycle held (on benefit unless the entry
   * says `always`), a start, a move.
   */
  flows(flows: readonly Record<string, unknown>[] | undefined, when: 'cycle' | 'held' | 'start' | 'move'): string;
  /** A payer's name in the language (`municipality` → "kommunen"). */
  payer(id: string): string;
  /** An account's name in the language: the translation's, else its label, else its id. */
  account(id: string): string;
  /** A steering signal in words (English: its name in the model file). */
  signal(name: string): string;
}

/** The parts of a model's `translations` entry for one language that this module reads. */
interface Translation {
  name?: string;
  description?: string;
  states?: Record<string, string>;
  groups?: Record<string, string>;
  interventions?: Record<string, string>;
  scenarios?: Record<string, string>;
  interventionSources?: Record<string, string>;
  scenarioSources?: Record<string, string>;
  parameterSources?: Record<string, string>;
  calendar?: Record<string, string>;
  accounts?: Record<string, string>;
}

/**
 * The words of a model in a language. English reads the model's own labels; another
 * language reads `model.translations[lang]` first and falls back to the model's labels.
 *
 * @example
 * ```ts
 * const w = modelWords(presets['randers-2025'].model, 'da');
 * w.target('@success'); // "afgang til succes (ordinært job, uddannelse, fleksjob)"
 * ```
 */
export function modelWords(model: ModelInput, lang: ReportLanguage): ModelWords {
  const W = WORDS[lang];
  const t = ((model as { translations?: Record<string, Translation | undefined> }).translations?.[lang] ??
    {}) as Translation;
  const own: Record<LabelKind, Map<string, string | undefined>> = {
    states: new Map(model.states.map((s) => [s.id, s.label])),
    groups: new Map(model.groups.map((g) => [g.id, g.label])),
    interventions: new Map((model.interventions ?? []).map((i) => [i.id, i.label])),
    scenarios: new Map(model.scenarios.map((s) => [s.id, s.label])),
  };
  const label = (kind: LabelKind, id: string) => t[kind]?.[id] ?? own[kind].get(id);
  const name = (kind: LabelKind, id: string) => label(kind, id) ?? id;
  const parameters = (model.parameters ?? {}) as Record<string, unknown>;

  const value = (x: unknown, digits = 0): string => {
    if (x === undefined || x === null) return '';
    if (typeof x === 'number') return formatNumber(x, Number.isInteger(x) ? 0 : digits, lang);
    if (typeof x === 'string' || typeof x === 'boolean') return String(x);
    const o = x as Record<string, unknown>;
    if (typeof o.dist === 'string') return distributionWords(o as unknown as Distribution, lang);
    if (typeof o.param === 'string') {
      const p = parameters[o.param];
      // A component of a joint distribution is worded by its marginal.
      if (isJointShape(p) && typeof o.component === 'string') {
        const joint = p as JointDistribution;
        const k = joint.components.indexOf(o.component);
        const marginal = k >= 0 ? jointMarginal(joint, k) : null;
        return `${o.param} ${o.component} (${marginal ? distributionWords(marginal, lang) : W.parameter})`;
      }
      // A parameter that is itself a reference is worded through it (a cycle is refused by validation).
      return p === undefined ? `${W.parameter} ${o.param}` : `${o.param} (${value(p, 2)})`;
    }
    if (typeof o.evidence === 'string') return `${W.evidence} ${o.evidence}`;
    return Object.entries(o)
      .map(([k, v]) => `${k} ${value(v, digits)}`)
      .join(', ');
  };

  const target = (key: string): string => {
    if (key === '*') return W.any;
    const kind = ({ '@success': 'success', '@exit': 'exit', '@benefit': 'benefit' } as const)[
      key as '@success' | '@exit' | '@benefit'
    ];
    if (!kind) return key;
    const members = model.states.filter((s) => s.kind === kind).map((s) => name('states', s.id));
    return `${W.kinds[key as keyof typeof W.kinds]}${members.length ? ` (${members.join(', ')})` : ''}`;
  };

  const rowsWords = (rows: Record<string, Record<string, unknown>>): string =>
    Object.entries(rows)
      .map(
        ([from, to]) =>
          `${from} → ${Object.entries(to)
            .map(([k, p]) => `${target(k)} ${value(p, significant(typeof p === 'number' ? p : 1))}`)
            .join(', ')}`,
      )
      .join('; ');

  const interventionChange = (id: string, c: Record<string, unknown>): string => {
    const parts: string[] = [];
    if (c.transitions) parts.push(rowsWords(c.transitions as Record<string, Record<string, unknown>>));
    if (c.effects)
      parts.push(effectsWords(c.effects as Record<string, Record<string, Record<string, unknown>>>) || W.noEffects);
    if (c.monthlyCost !== undefined) parts.push(W.cost(value(c.monthlyCost)));
    if (c.flows) parts.push(flowsWords(c.flows as Record<string, unknown>[], 'held') || W.noFlows);
    if (c.available !== undefined) parts.push(c.available ? W.available : W.unavailable);
    if (c.capacity) {
      const cap = c.capacity as Record<string, unknown>;
      const keys = ['places', 'caseworkers', 'caseload'] as const;
      parts.push(
        W.capacity(
          keys
            .filter((k) => cap[k] !== undefined)
            .map((k) => `${W[k]} ${value(cap[k])}`)
            .join(', '),
        ),
      );
    }
    return `${name('interventions', id)}: ${parts.join('; ') || W.noChanges}`;
  };

  const effectsWords = (effects: Record<string, Record<string, Record<string, unknown>>>): string => {
    const short: Record<string, string> = { hazardRatio: 'HR', oddsRatio: 'OR', riskRatio: 'RR' };
    return Object.entries(effects)
      .map(
        ([from, to]) =>
          `${from} → ${Object.entries(to)
            .map(
              ([k, e]) =>
                `${target(k)} ${Object.entries(e)
                  .map(([kind, v]) => `${short[kind] ?? kind} ${value(v, 2)}`)
                  .join(' ')}`,
            )
            .join(', ')}`,
      )
      .join('; ');
  };

  const changes = (step: Record<string, unknown>): string => {
    const parts: string[] = [];
    if (step.transitions)
      parts.push(`${W.baselineRows}: ${rowsWords(step.transitions as Record<string, Record<string, unknown>>)}`);
    for (const [state, c] of Object.entries((step.states ?? {}) as Record<string, Record<string, unknown>>)) {
      if (c.monthlyTransfer !== undefined) parts.push(W.transfer(state, value(c.monthlyTransfer)));
      if (c.flows) parts.push(`${state}: ${flowsWords(c.flows as Record<string, unknown>[], 'cycle') || W.noFlows}`);
    }
    if (step.interventions) {
      const ivs = Object.entries(step.interventions as Record<string, Record<string, unknown>>);
      parts.push(ivs.length ? ivs.map(([id, c]) => interventionChange(id, c)).join('; ') : W.noInterventions);
    }
    return parts.join('; ') || W.noChanges;
  };

  const accounts = ((model as { accounts?: Record<string, { unit?: string; kind?: string }> }).accounts ??
    {}) as Record<string, { unit?: string; kind?: string; label?: string }>;
  const cycle = (model as { cycle?: 'month' | 'year' }).cycle ?? 'month';
  const payer = (id: string) => W.payers[id] ?? id;
  const flowsWords = (
    flows: readonly Record<string, unknown>[] | undefined,
    when: 'cycle' | 'held' | 'start' | 'move',
  ): string =>
    (flows ?? [])
      .map((f) => {
        const acc = accounts[String(f.account)] ?? {};
        const unit = acc.unit ?? (acc.kind === 'effect' ? String(f.account) : lang === 'da' ? 'kr.' : 'DKK');
        const per =
          when === 'start'
            ? W.once
            : when === 'move'
              ? W.perMove
              : when === 'held' && f.while !== 'always'
                ? W.perCycleBenefit[cycle]
                : W.perCycle[cycle];
        const who =
          f.payer !== undefined
            ? `, ${payer(String(f.payer))}`
            : acc.kind === 'effect'
              ? ''
              : `, ${payer('municipality')}`;
        const moved = when === 'move' ? ` (${f.from} → ${f.to})` : '';
        return `${t.accounts?.[String(f.account)] ?? f.label ?? acc.label ?? f.account}${who}${moved}: ${value(f.amount, 2)} ${unit} ${per}`;
      })
      .join('; ');

  return {
    lang,
    label,
    translated: (kind, id) => t[kind]?.[id],
    name,
    modelName: t.name ?? model.name,
    description: t.description ?? model.description,
    source: (kind, id) =>
      (kind === 'interventions' ? t.interventionSources : t.scenarioSources)?.[id] ??
      (kind === 'interventions'
        ? model.interventions?.find((i) => i.id === id)
        : model.scenarios.find((s) => s.id === id)
      )?.source,
    parameterSource: (name) => t.parameterSources?.[name],
    calendarLabel: (from) => t.calendar?.[String(from)] ?? model.calendar?.find((c) => c.from === from)?.label,
    value,
    target,
    rows: (rows) => (rows ? rowsWords(rows) : ''),
    effects: (effects) => (effects ? effectsWords(effects) : ''),
    changes,
    flows: flowsWords,
    payer,
    account: (id) => t.accounts?.[id] ?? accounts[id]?.label ?? id,
    signal: (s) => W.signals[s] ?? s,
  };
}
