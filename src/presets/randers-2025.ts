/**
 * Preset `randers-2025`: Randers Kommune, Beskæftigelsesudvalget 2025, item 92, "the
 * future effort for vulnerable unemployed". Data plus comments: every number is a named
 * assumption in {@link RANDERS_ASSUMPTIONS} with where it comes from, and
 * {@link randersModel} rebuilds the model with any of them overridden.
 *
 * Calibration: the baseline rows are today's operation ("basisdrift"), calibrated so the
 * `today` scenario reproduces the committee paper's Jobindsats tables 3–4: of completed courses,
 * 30.3 % (kontanthjælp) and 10.6 % (ressourceforløb) end in job, education or flex job;
 * 11.3 % and 4.4 % reach paid hours. Today's two efforts (FSM and the cross-disciplinary
 * effort) therefore carry no relative effect. The scenarios' efforts are relative effects
 * on those rows, chosen to match the committee paper's stated expectations (success today >
 * scenario 2 > scenario 1; duration scenario 1 > scenario 2 > today; cost scenario 2 >
 * scenario 1).
 *
 * Policies that move: FSM has 17 caseworkers × 35 places (595, enough for today's 588);
 * `today-steered` is today's operation with the committee paper's portfolio steering — the share of
 * kontanthjælp citizens in FSM reviewed every quarter and moved by at most ±5 points,
 * on capacity (places standing empty), progression (exits in the last quarter) and
 * economy (spending against today's quarterly budget). The reform calendar is data: no new
 * ressourceforløb from 2026-02 (the preset's population is closed, so nobody new would
 * start one anyway), an optional effect of the new afklaringsret from 2027-01, and from
 * 2029-02-01 the remaining ressourceforløb citizens move to kontanthjælp rules — after the
 * 36-month horizon, so it acts only when `horizonMonths` reaches past January 2029.
 * @module
 */
import type { InterventionSpec, Model } from '../model/types.js';
import type { ModelInput, Uncertain, UncertainNumber } from '../params/input.js';
import { paramRef } from '../params/input.js';
import { CASEWORKER_ANNUAL_COST, DK_RATES } from './rates.js';

/** Every assumption of the Randers preset; override any of them with {@link randersModel}. */
export const RANDERS_ASSUMPTIONS = {
  /** 36 months: the committee's "within 3 years". */
  horizonMonths: 36,
  /** First month (assumption: the new effort starts with budget year 2026). */
  start: '2026-01',
  /** Committee paper table 1 (Jobindsats, June 2025): aktivitetsparate on kontanthjælp over 30. */
  khCount: 980,
  /** Committee paper table 1: citizens in ressourceforløb over 30. */
  rfCount: 363,
  /** Kontanthjælp per month: the 2024 rate without children (bm.dk); the July 2025 rates were not found. */
  khTransfer: DK_RATES.kontanthjaelpOver30NoChildren.monthly,
  /** Ressourceforløbsydelse per month, without children (bm.dk 2024). */
  rfTransfer: DK_RATES.ressourceforloebNoChildren.monthly,
  /** Benefit paid in a paid-hours month, as a share of the full rate (assumption: earnings offset part of it). */
  paidHoursTransferShare: 0.6,
  /** Flex-job subsidy per month: assumed 60 % of the 2025 maximum (20,670), paid by the municipality with refusion. */
  flexSubsidy: Math.round(0.6 * DK_RATES.flexjobSubsidyMax.monthly),
  /** Months already on support at the start (assumption: aktivitetsparate are long-term recipients, past week 52). */
  khPriorMonths: 36,
  /** Months already on support for ressourceforløb (assumption). */
  rfPriorMonths: 60,
  /** Committee paper tables 3–4: completed kontanthjælp courses ending in job / education / flex job. */
  khShares: { job: 0.216, edu: 0.067, flex: 0.02 } as Record<string, number>,
  /** Committee paper tables 3–4: the same for ressourceforløb. */
  rfShares: { job: 0.006, edu: 0.006, flex: 0.094 } as Record<string, number>,
  /** Committee paper tables 3–4: paid hours (lønnede timer), read as the share ever in paid hours within the horizon. */
  khPaidHours: 0.113,
  /** Committee paper tables 3–4, ressourceforløb. */
  rfPaidHours: 0.044,
  /** Mean months until a kontanthjælp course ends (assumption; no public figure in the committee paper). */
  khMeanMonths: 30,
  /** Mean months until a ressourceforløb ends (assumption: courses run 1–5 years). */
  rfMeanMonths: 36,
  /** Monthly probability that paid hours stop (back to full benefit) (assumption). */
  paidHoursEnd: 0.15,
  /** Monthly probability that paid hours become a job (kontanthjælp) or flex job (ressourceforløb) (assumption). */
  paidHoursToJob: 0.03,
  /** Annual cost of a caseworker, DKK (assumption, domain.md). */
  caseworkerCost: CASEWORKER_ANNUAL_COST.amount,
  /** FSM caseload today: about 35 citizens per caseworker (committee paper). */
  fsmCaseload: 35,
  /** Cross-disciplinary effort caseload today (assumption). */
  tvaerCaseload: 40,
  /** Scenario 1, FSM with about 2 conversations a year: caseload (assumption). */
  fsm2Caseload: 50,
  /** Scenario 1, basis with about 2 conversations a year, no job effort: caseload (assumption). */
  basisCaseload: 100,
  /** Scenario 2, FSM with 4 conversations a year: caseload (assumption). */
  fsm4Caseload: 40,
  /** Scenario 2, 4 conversations and coordination with social/health services: caseload (assumption). */
  koord4Caseload: 60,
  /** Hazard ratio (median) on exits to success for FSM with 2 conversations (committee paper: "small rise in success for the 20 %"). */
  fsm2Effect: 1.05,
  /** Hazard ratio on exits to success and paid hours for basis (committee paper: "a fall for the 80 %"). */
  basisEffect: 0.75,
  /** Hazard ratio for FSM with 4 conversations (committee paper: better than scenario 1, below today). */
  fsm4Effect: 0.95,
  /** Hazard ratio for 4 conversations with coordination (assumption, between basis and FSM). */
  koord4Effect: 0.85,
  /**
   * Uncertainty of every assumed scenario effect: the log-scale sd of a lognormal around
   * the value above (0.1 gives a 95 % interval of about ×/÷ 1.22; an assumption — no
   * effect study of these efforts exists). 0 makes the effects fixed numbers.
   */
  effectSigma: 0.1,
  /** Annual discount rate for money (0: committee budgets are nominal). */
  discountRate: 0,
  /** Premium per paid-hours month for the municipality (the coming scheme; amount not yet known). */
  premiumPerPaidHoursMonth: 0,
  /** FSM caseworkers (17 × 35 ≈ 595 places: today's 588 fit; assumption from the committee paper's caseload). */
  fsmCaseworkers: 17,
  /** Portfolio steering (committee paper): the largest change of the FSM share per quarter. */
  steeringStep: 0.05,
  /** Lowest FSM share steering may reach (assumption: the legal minimum scenario's 20 %). */
  steeringMinShare: 0.2,
  /** Highest FSM share steering may reach (assumption). */
  steeringMaxShare: 0.8,
  /** Capacity: add FSM while more than this share of its places stand empty (assumption). */
  steeringFreeCapacity: 0.05,
  /** Progression: cut FSM when fewer than this share of the kontanthjælp stock left benefit last quarter (assumption). */
  steeringMinExitRate: 0.05,
  /** Economy: the quarterly budget for all efforts, as a share of today's spending in the first quarter (assumption: 1, no growth). */
  steeringBudgetShare: 1,
  /** Hazard ratio on exits to "other exit" (e.g. førtidspension) from 2027-01 under the new afklaringsret (not quantified in the committee paper: 1 = no change). */
  afklaringsretEffect: 1,
};

/** The assumptions' type, for overrides. */
export type RandersAssumptions = typeof RANDERS_ASSUMPTIONS;

function effort(
  id: string,
  label: string,
  caseload: number,
  caseworkerCost: number,
  effect: number | string,
  source: string,
): Uncertain<InterventionSpec> {
  const hr = { hazardRatio: typeof effect === 'string' ? paramRef(effect) : effect };
  return {
    id,
    label,
    source,
    staffing: { annualCostPerCaseworker: caseworkerCost, caseload },
    ...(effect === 1 ? {} : { effects: { kh: { '@success': hr, 'kh-ph': hr }, rf: { '@success': hr, 'rf-ph': hr } } }),
  };
}

/**
 * The Randers model with any assumption overridden.
 *
 * @example
 * ```ts
 * const pessimistic = randersModel({ basisEffect: 0.6 });
 * const result = await simulate(pessimistic, { replicates: 500 });
 * ```
 */
export function randersModel(overrides: Partial<RandersAssumptions> = {}): ModelInput {
  const a = { ...RANDERS_ASSUMPTIONS, ...overrides };
  // Each scenario effect is a named parameter, so sensitivity and break-even can address it.
  const effect = (value: number, source: string): UncertainNumber =>
    a.effectSigma > 0 ? { dist: 'lognormal', mu: Math.log(value), sigma: a.effectSigma, source } : value;
  const efforts = [
    effort(
      'fsm',
      'Flere skal med (today, 7–8 conversations a year)',
      a.fsmCaseload,
      a.caseworkerCost,
      1,
      "seed: caseload about 35; today's operation is the calibration baseline",
    ),
    effort(
      'tvaer',
      'cross-disciplinary effort (today)',
      a.tvaerCaseload,
      a.caseworkerCost,
      1,
      'seed: 40 % of kontanthjælp and all ressourceforløb today',
    ),
    effort(
      'fsm-2',
      'FSM with about 2 conversations a year',
      a.fsm2Caseload,
      a.caseworkerCost,
      'fsm2Effect',
      'seed scenario 1',
    ),
    effort(
      'basis',
      'basis: about 2 conversations a year, advice and coordination, no job effort',
      a.basisCaseload,
      a.caseworkerCost,
      'basisEffect',
      'seed scenario 1',
    ),
    effort(
      'fsm-4',
      'FSM with 4 conversations a year',
      a.fsm4Caseload,
      a.caseworkerCost,
      'fsm4Effect',
      'seed scenario 2',
    ),
    effort(
      'koord-4',
      '4 conversations a year and coordination with social and health services',
      a.koord4Caseload,
      a.caseworkerCost,
      'koord4Effect',
      'seed scenario 2',
    ),
  ];
  efforts[0].capacity = { caseworkers: a.fsmCaseworkers, caseload: a.fsmCaseload, fallback: 'tvaer' };
  // Today's spending in a quarter at full caseloads: 588 in FSM, 755 in the cross-disciplinary effort.
  const perMonth = (caseload: number) => a.caseworkerCost / caseload / 12;
  const budget = Math.round(
    a.steeringBudgetShare * 3 * (588 * perMonth(a.fsmCaseload) + 755 * perMonth(a.tvaerCaseload)),
  );
  // The afklaringsret acts on every effort's rows from 2027-01 (only when quantified).
  const afklaring =
    a.afklaringsretEffect === 1
      ? {}
      : {
          interventions: Object.fromEntries(
            efforts.map((iv) => {
              const out = { hazardRatio: a.afklaringsretEffect };
              const e = iv.effects ?? {};
              return [iv.id, { effects: { ...e, kh: { ...(e.kh ?? {}), out }, rf: { ...(e.rf ?? {}), out } } }];
            }),
          ),
        };
  return {
    name: 'Randers 2025: the future effort for vulnerable unemployed',
    description:
      'Randers Kommune, Beskæftigelsesudvalget 2025, item 92. 980 aktivitetsparate on kontanthjælp and 363 in ressourceforløb over 30 (Jobindsats, June 2025). ' +
      'today: FSM for 588, cross-disciplinary effort for 755; scenario 1 (legal minimum): FSM for 269, basis for 1,074; scenario 2 (higher job focus): FSM with 4 conversations for 805, coordination for 538.',
    horizonMonths: a.horizonMonths,
    start: a.start,
    states: [
      { id: 'kh', kind: 'benefit', monthlyTransfer: a.khTransfer, label: 'kontanthjælp, aktivitetsparat' },
      {
        id: 'kh-ph',
        kind: 'benefit',
        monthlyTransfer: Math.round(a.khTransfer * a.paidHoursTransferShare),
        paidHours: true,
        label: 'kontanthjælp with paid hours',
      },
      { id: 'rf', kind: 'benefit', monthlyTransfer: a.rfTransfer, label: 'ressourceforløb' },
      {
        id: 'rf-ph',
        kind: 'benefit',
        monthlyTransfer: Math.round(a.rfTransfer * a.paidHoursTransferShare),
        paidHours: true,
        label: 'ressourceforløb with paid hours',
      },
      { id: 'job', kind: 'success', label: 'ordinary employment' },
      { id: 'edu', kind: 'success', label: 'education' },
      {
        id: 'flex',
        kind: 'success',
        monthlyTransfer: a.flexSubsidy,
        reimbursed: true,
        label: 'flex job (wage subsidy)',
      },
      { id: 'out', kind: 'exit', label: 'other exit (e.g. førtidspension, moved)' },
    ],
    transitions: {
      'kh-ph': { kh: a.paidHoursEnd, job: a.paidHoursToJob },
      'rf-ph': { rf: a.paidHoursEnd, flex: a.paidHoursToJob },
    },
    parameters: {
      fsm2Effect: effect(
        a.fsm2Effect,
        'assumption: seed scenario 1 expects a small rise in success for the 20 % with FSM',
      ),
      basisEffect: effect(
        a.basisEffect,
        'assumption: seed scenario 1 expects a fall in success for the 80 % with basis',
      ),
      fsm4Effect: effect(a.fsm4Effect, 'assumption: seed scenario 2 expects success above scenario 1, below today'),
      koord4Effect: effect(a.koord4Effect, 'assumption: between basis and FSM'),
    },
    calibration: {
      kh: {
        completedShares: a.khShares,
        otherExit: 'out',
        meanMonths: a.khMeanMonths,
        paidHours: { state: 'kh-ph', everShare: a.khPaidHours },
      },
      rf: {
        completedShares: a.rfShares,
        otherExit: 'out',
        meanMonths: a.rfMeanMonths,
        paidHours: { state: 'rf-ph', everShare: a.rfPaidHours },
      },
    },
    groups: [
      {
        id: 'kh',
        size: a.khCount,
        initialState: 'kh',
        priorBenefitMonths: a.khPriorMonths,
        label: 'kontanthjælp, aktivitetsparat',
      },
      { id: 'rf', size: a.rfCount, initialState: 'rf', priorBenefitMonths: a.rfPriorMonths, label: 'ressourceforløb' },
    ],
    interventions: efforts,
    scenarios: [
      {
        id: 'today',
        label: 'today (basisdrift)',
        allocation: { kh: { fsm: { count: 588 }, tvaer: { count: 392 } }, rf: { tvaer: { count: 363 } } },
        source: 'seed table 7: 588 FSM, 755 cross-disciplinary',
      },
      {
        id: 'scenario-1',
        label: 'legal minimum',
        allocation: {
          kh: { 'fsm-2': { count: 196 }, basis: { count: 784 } },
          rf: { 'fsm-2': { count: 73 }, basis: { count: 290 } },
        },
        source: 'seed table 7: 269 FSM, 1,074 basis (20 % / 80 % of each group)',
      },
      {
        id: 'scenario-2',
        label: 'higher job focus',
        allocation: {
          kh: { 'fsm-4': { count: 588 }, 'koord-4': { count: 392 } },
          rf: { 'fsm-4': { count: 217 }, 'koord-4': { count: 146 } },
        },
        source: 'seed table 7: 805 FSM, 538 coordination (60 % / 40 % of each group)',
      },
      {
        id: 'today-steered',
        label: 'today with portfolio steering (±5 points a quarter)',
        allocation: { kh: { fsm: { count: 588 }, tvaer: { count: 392 } }, rf: { tvaer: { count: 363 } } },
        steering: {
          intervention: 'fsm',
          groups: ['kh'],
          otherwise: 'tvaer',
          everyMonths: 3,
          maxStep: a.steeringStep,
          minShare: a.steeringMinShare,
          maxShare: a.steeringMaxShare,
          budget,
          rules: [
            { signal: 'freeCapacity', above: a.steeringFreeCapacity, change: a.steeringStep },
            { signal: 'exitRate', below: a.steeringMinExitRate, change: -a.steeringStep },
            { signal: 'spending', above: 1, change: -a.steeringStep },
          ],
        },
        source:
          'seed: "portfolio steering: adjust the share with an active job effort by ±5 percentage points per quarter, based on capacity, progression and economy"',
      },
    ],
    calendar: [
      { from: '2026-02', label: 'no new ressourceforløb (running courses continue)', interventions: {} },
      { from: '2027-01', label: 'new rules on the right to clarification (afklaringsret)', ...afklaring },
      {
        // January 2029 is the last month of ressourceforløb: from February on, kontanthjælp rules.
        from: '2029-01',
        label: 'the last ressourceforløb end by 2029-02-01: the rest move to kontanthjælp rules',
        transitions: { rf: { kh: 1 }, 'rf-ph': { 'kh-ph': 1 } },
      },
    ],
    costs: { refusion: 'dk-2016', discountRate: a.discountRate, premiumPerPaidHoursMonth: a.premiumPerPaidHoursMonth },
  };
}

/**
 * The preset's words in Danish, for reports and plots in Danish (`--lang da`): a model's
 * `translations`. Kept beside the model rather than in it, so the model (which a run with
 * kept replicates echoes) stays as it was; `presets['randers-2025'].translations` holds it.
 */
export const randersTranslations: NonNullable<Model['translations']> = {
  // The model's own sources say "seed" for the committee paper; they stay, as runs with kept
  // replicates echo the model (pinned by the output hashes), and reports read these instead.
  en: {
    interventionSources: {
      fsm: "committee paper: caseload about 35; today's operation is the calibration baseline",
      tvaer: 'committee paper: 40 % of kontanthjælp and all ressourceforløb today',
      'fsm-2': 'committee paper, scenario 1',
      basis: 'committee paper, scenario 1',
      'fsm-4': 'committee paper, scenario 2',
      'koord-4': 'committee paper, scenario 2',
    },
    scenarioSources: {
      today: 'committee paper, table 7: 588 FSM, 755 cross-disciplinary',
      'scenario-1': 'committee paper, table 7: 269 FSM, 1,074 basis (20 % / 80 % of each group)',
      'scenario-2': 'committee paper, table 7: 805 FSM, 538 coordination (60 % / 40 % of each group)',
      'today-steered':
        'committee paper: "portfolio steering: adjust the share with an active job effort by ±5 percentage points per quarter, based on capacity, progression and economy"',
    },
  },
  da: {
    name: 'Randers 2025: den fremtidige indsats for udsatte ledige',
    description:
      'Randers Kommune, Beskæftigelsesudvalget 2025, punkt 92. 980 aktivitetsparate kontanthjælpsmodtagere og 363 i ressourceforløb over 30 år (Jobindsats, juni 2025). ' +
      'I dag: FSM for 588, tværfaglig indsats for 755; scenarie 1 (lovens minimum): FSM for 269, basis for 1.074; scenarie 2 (højere jobfokus): FSM med 4 samtaler for 805, koordinering for 538.',
    states: {
      kh: 'kontanthjælp, aktivitetsparat',
      'kh-ph': 'kontanthjælp med løntimer',
      rf: 'ressourceforløb',
      'rf-ph': 'ressourceforløb med løntimer',
      job: 'ordinært job',
      edu: 'uddannelse',
      flex: 'fleksjob (løntilskud)',
      out: 'anden afgang (fx førtidspension, fraflytning)',
    },
    groups: { kh: 'kontanthjælp, aktivitetsparat', rf: 'ressourceforløb' },
    interventions: {
      fsm: 'Flere skal med (i dag, 7–8 samtaler om året)',
      tvaer: 'tværfaglig indsats (i dag)',
      'fsm-2': 'FSM med ca. 2 samtaler om året',
      basis: 'basis: ca. 2 samtaler om året, rådgivning og koordinering, ingen jobindsats',
      'fsm-4': 'FSM med 4 samtaler om året',
      'koord-4': '4 samtaler om året og koordinering med social- og sundhedsområdet',
    },
    scenarios: {
      today: 'i dag (basisdrift)',
      'scenario-1': 'scenarie 1: lovens minimum',
      'scenario-2': 'scenarie 2: højere jobfokus',
      'today-steered': 'i dag med porteføljestyring (±5 procentpoint i kvartalet)',
    },
    interventionSources: {
      fsm: 'udvalgsbilaget: sagstal ca. 35; dagens drift er kalibreringens udgangspunkt',
      tvaer: 'udvalgsbilaget: 40 % af kontanthjælpsmodtagerne og alle i ressourceforløb i dag',
      'fsm-2': 'udvalgsbilaget, scenarie 1',
      basis: 'udvalgsbilaget, scenarie 1',
      'fsm-4': 'udvalgsbilaget, scenarie 2',
      'koord-4': 'udvalgsbilaget, scenarie 2',
    },
    scenarioSources: {
      today: 'udvalgsbilaget, tabel 7: 588 FSM, 755 tværfaglig',
      'scenario-1': 'udvalgsbilaget, tabel 7: 269 FSM, 1.074 basis (20 % / 80 % af hver gruppe)',
      'scenario-2': 'udvalgsbilaget, tabel 7: 805 FSM, 538 koordinering (60 % / 40 % af hver gruppe)',
      'today-steered':
        'udvalgsbilaget: "porteføljestyring: andelen med en aktiv jobindsats justeres med ±5 procentpoint pr. kvartal ud fra kapacitet, progression og økonomi"',
    },
    parameterSources: {
      fsm2Effect: 'antagelse: udvalgsbilagets scenarie 1 venter en lille stigning i succes for de 20 % med FSM',
      basisEffect: 'antagelse: udvalgsbilagets scenarie 1 venter et fald i succes for de 80 % med basis',
      fsm4Effect: 'antagelse: udvalgsbilagets scenarie 2 venter succes over scenarie 1, under i dag',
      koord4Effect: 'antagelse: mellem basis og FSM',
    },
    calendar: {
      '2026-02': 'ingen nye ressourceforløb (igangværende forløb fortsætter)',
      '2027-01': 'nye regler om afklaringsret',
      '2029-01': 'de sidste ressourceforløb slutter senest 2029-02-01: resten overgår til kontanthjælpsreglerne',
    },
  },
};

/** The Randers model with the default assumptions. */
export const randers2025: ModelInput = randersModel();
