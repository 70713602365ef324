/**
 * Preset `gladsaxe-2026`: Gladsaxe Kommune, Beskæftigelses- og Integrationsudvalget,
 * item 9: economic prioritisation after the 2025 reforms — a pool of up to 10 mio. DKK a
 * year (budget 2026–2029), two decisions in one: 7 mio. keeps 10–13 caseworkers for
 * citizens far from the labour market (lower caseloads, room for efforts such as IPS), 3
 * mio. keeps 4–6 for the smaller part of the ~2,000 dagpenge and sygedagpenge recipients
 * who need help ("short, but outreaching contact").
 *
 * Scenarios: `without-pool` (both dismissed), `far-only` (7 mio.), `near-only` (3 mio.) and
 * `with-pool` (both, 10 mio.); the first is the baseline, so each scenario's payback says
 * whether that part of the pool pays for itself, and with what probability.
 *
 * Groups follow the committee paper's counts: about 800 on kontanthjælp, 550 of them
 * aktivitetsparate — of whom the 250 in IPS (an assumption: IPS participants counted among
 * the aktivitetsparate) — and 250 jobparate; the paper's "890 long-term unemployed" are not
 * all on kontanthjælp (the rest are among the dagpenge recipients). The 2,000 on dagpenge or
 * sygedagpenge are split into those in their first month on support and those a few months
 * in, the split that reproduces the paper's own sensitivity figures ({@link extensionCost}).
 *
 * Baseline rows are today's staffing, calibrated to assumed observed figures. Effects, all
 * uncertain: IPS for the 250 from the evidence library's Danish trial (`ips-dk-inklusion`),
 * lost while the pool's caseworkers are dismissed; the near pool's contact from the Danish
 * "Quickly back to work" experiment (`quickly-back-to-work-2008`) scaled down to a short
 * contact; the far group's loss of low caseloads an assumption (no Danish effect study of
 * caseloads was found). The pools are capacities: the far pool's caseworkers × caseload
 * places for the other kontanthjælp recipients (13 caseworkers in 2026, one fewer each
 * January to 10 in 2029, `farStaffPlan`), the near pool's 4–6 caseworkers × caseload places
 * for those who need help; the rest wait on the reduced effort until a place frees.
 *
 * The population is open: new recipients arrive every month (`inflow`), so the pool's
 * effect reaches the whole stream of recipients over 2026–2029. The committee paper's
 * "14 days longer for every recipient" (≈ 4.7 + 3.8 mio. DKK a year) is the cost of a
 * closed stock; `closedStock: true` (the preset `gladsaxe-2026-closed`) runs that reading:
 * today's recipients only, nobody new.
 * @module
 */
import { getEvidence } from '../evidence/index.js';
import { planUncertainty } from '../evidence/plan.js';
import { normalise } from '../model/normalise.js';
import { ladderOf, municipalShares } from '../model/refusion.js';
import type { Model } from '../model/types.js';
import type { Distribution, LognormalDist } from '../params/distribution.js';
import type { ModelInput } from '../params/input.js';
import { paramRef } from '../params/input.js';
import {
  DK_FINANCE_ACCOUNTS,
  DK_FINANCE_ACCOUNTS_DA,
  DK_FINANCE_PARAMETERS,
  DK_FINANCE_PARAMETER_SOURCES_DA,
  jobTaxFlows,
} from './finance.js';
import { DK_RATES } from './rates.js';

/** Every assumption of the Gladsaxe preset; override any of them with {@link gladsaxeModel}. */
export const GLADSAXE_ASSUMPTIONS = {
  /** Budget years 2026–2029. */
  horizonMonths: 48,
  /** First month: budget year 2026 (committee paper: budget 2026–2029). */
  start: '2026-01',
  /** Committee paper: the 250 in IPS, counted here among the aktivitetsparate on kontanthjælp (assumption). */
  ipsCount: 250,
  /** Committee paper: about 550 aktivitetsparate on kontanthjælp, less the 250 in IPS. */
  khActivityCount: 300,
  /** Committee paper: about 800 on kontanthjælp, less the 550 aktivitetsparate: jobparate. */
  khJobReadyCount: 250,
  /** Dagpenge recipients in their first month on support (assumption; with the next, 1,100 on dagpenge). */
  dpNewCount: 450,
  /** Dagpenge recipients a few months into their spell (assumption). */
  dpCount: 650,
  /** Sygedagpenge recipients in their first month on support (assumption; with the next, 900 — 2,000 in all, as the committee paper says). */
  sdpNewCount: 340,
  /** Sygedagpenge recipients a few months in (assumption). */
  sdpCount: 560,
  /**
   * New dagpenge recipients a month (assumption: the stock of 1,100 renewed over a mean
   * spell of 5 months gives about 220; they arrive in their first month on support).
   */
  dpInflow: 220,
  /** New sygedagpenge recipients a month (assumption: 900 over a mean spell of 4 months). */
  sdpInflow: 225,
  /** New aktivitetsparate on kontanthjælp a month (assumption: 300 over a mean course of 30 months). */
  khActivityInflow: 10,
  /** New jobparate on kontanthjælp a month (assumption: 250 over a mean course of 9 months). */
  khJobReadyInflow: 28,
  /** Only today's recipients, nobody new: the committee paper's closed-stock reading of its 14-day figures. */
  closedStock: false,
  /** Months on support of the "few months in" recipients (assumption: week 13, the ladder's 40 % band). */
  nearPriorMonths: 3,
  /** Months on support of the aktivitetsparate (assumption: past week 52). */
  farPriorMonths: 36,
  /** Months on support of the jobparate on kontanthjælp (assumption: a year). */
  jobReadyPriorMonths: 12,
  /** Kontanthjælp over 30 without children (bm.dk 2024). */
  khTransfer: DK_RATES.kontanthjaelpOver30NoChildren.monthly,
  /** Dagpenge maximum, full-time insured (bm.dk 2025). */
  dpTransfer: DK_RATES.dagpengeFullTime.monthly,
  /** Sygedagpenge maximum, 4,695 DKK a week (bm.dk 2024). */
  sdpTransfer: DK_RATES.sygedagpenge.monthly,
  /** Share of the benefit still paid in a paid-hours month (assumption). */
  paidHoursTransferShare: 0.6,
  /** Flex-job subsidy per month (assumption: 60 % of the 2025 maximum). */
  flexSubsidy: Math.round(0.6 * DK_RATES.flexjobSubsidyMax.monthly),
  /** Completed courses of aktivitetsparate ending in job / education / flex (assumption: Randers' kontanthjælp figures). */
  farShares: { job: 0.216, edu: 0.067, flex: 0.02 } as Record<string, number>,
  /** Completed courses of aktivitetsparate ending in førtidspension (assumption, as in Randers: 10 %). */
  farFpShare: 0.1,
  /** Share ever in paid hours (assumption: Randers' 11.3 %). */
  farPaidHours: 0.113,
  /** Mean months until an aktivitetsparat citizen's course ends (assumption). */
  farMeanMonths: 30,
  /** Completed courses of jobparate on kontanthjælp ending in job / education (assumption). */
  jobReadyShares: { job: 0.45, edu: 0.1 } as Record<string, number>,
  /** Mean months until a jobparat citizen's course ends (assumption). */
  jobReadyMeanMonths: 9,
  /** Dagpenge spells ending in job / education (assumption). */
  dpShares: { job: 0.85, edu: 0.03 } as Record<string, number>,
  /** Mean dagpenge spell, months (assumption). */
  dpMeanMonths: 5,
  /** Sygedagpenge spells ending in return to work / flex job (assumption). */
  sdpShares: { job: 0.8, flex: 0.03 } as Record<string, number>,
  /** Mean sygedagpenge spell, months (assumption). */
  sdpMeanMonths: 4,
  /** Paid hours stop / become a job, per month (assumption). */
  paidHoursEnd: 0.15,
  /** @see paidHoursEnd */
  paidHoursToJob: 0.03,
  /** Caseworkers the far-from-the-labour-market pool keeps at the start (committee paper: 10–13; assumption: 13 in 2026). */
  farCaseworkers: 13,
  /**
   * Later staffing of that pool, caseworkers from each date (assumption: one fewer a year
   * as the reform's cut grows from 9.5 to 26.2 mio. DKK, within the committee paper's 10–13).
   * `{}` keeps the staff constant.
   */
  farStaffPlan: { '2027-01': 12, '2028-01': 11, '2029-01': 10 } as Record<string, number>,
  /** Kontanthjælp recipients (outside IPS) per far-pool caseworker (assumption: 13 × 50 = 650 places for 550 today and newcomers). */
  farCaseload: 50,
  /** Caseworkers the near pool keeps (committee paper: 4–6). */
  nearCaseworkers: 5,
  /** Recipients per near-pool caseworker at a time (assumption: short, outreaching contact; 5 × 60 = 300 places). */
  nearCaseload: 60,
  /**
   * Share of dagpenge and sygedagpenge spells that need the near pool's help (committee
   * paper: "a smaller part"; assumption: a fifth).
   */
  nearNeedShare: 0.2,
  /** Pool for citizens far from the labour market, DKK a year (committee paper). */
  farPool: 7_000_000,
  /** Pool for citizens close to the labour market, DKK a year (committee paper). */
  nearPool: 3_000_000,
  /**
   * Without the far pool: median hazard ratio on the kontanthjælp recipients' exits to
   * success and paid hours (assumption; no Danish effect study of caseloads was found — a
   * German pilot, Hainmueller et al. 2016, found that lower caseloads shortened
   * unemployment; the committee paper cites CUBB on standstill deepening marginalisation).
   */
  farEffectWithoutPool: 0.85,
  /**
   * Share of the "Quickly back to work" effect the near pool's short contact delivers
   * (assumption: half; that programme was intensive and compulsory).
   */
  nearExposure: 0.5,
  /**
   * Without the near pool: median hazard ratio on the exits of those who need help;
   * `undefined` derives it from the evidence: exp(−`nearExposure` × ln 1.30) ≈ 0.88.
   */
  nearEffectWithoutPool: undefined as number | undefined,
  /**
   * Transfer uncertainty of every effect: the log-scale sd added (in quadrature) to the
   * evidence's own, as no study of these pools exists. 0 makes every effect a fixed number
   * (IPS too: its median).
   */
  effectSigma: 0.2,
  /** Annual discount rate (0: nominal budgets). */
  discountRate: 0,
  /** Førtidspension per month, single (bm.dk 2024), on the refusion ladder like the benefits (law § 3, § 5). */
  fpTransfer: DK_RATES.foertidspensionSingle.monthly,
};

/** The assumptions' type, for overrides. */
export type GladsaxeAssumptions = typeof GLADSAXE_ASSUMPTIONS;

/** The effects' parameter names. */
export type GladsaxeEffect = 'ipsEffect' | 'farEffectWithoutPool' | 'nearEffectWithoutPool';

const IPS_EVIDENCE = 'ips-dk-inklusion';
const NEAR_EVIDENCE = 'quickly-back-to-work-2008';

const EFFECT_SOURCES: Record<GladsaxeEffect, string> = {
  ipsEffect: 'evidence: IPS, Danish randomised trial (ips-dk-inklusion), for the 250 in IPS while the pool keeps them',
  farEffectWithoutPool:
    'assumption: no Danish effect study of caseloads exists (a German pilot, Hainmueller et al. 2016, found lower caseloads shorten unemployment); wide',
  nearEffectWithoutPool:
    'evidence: Quickly back to work (quickly-back-to-work-2008), half its effect lost without the short contact; no study of the near pool exists',
};

const EFFECT_SOURCES_DA: Record<GladsaxeEffect, string> = {
  ipsEffect: 'evidens: IPS, dansk lodtrækningsforsøg (ips-dk-inklusion), for de 250 i IPS, mens puljen bevarer dem',
  farEffectWithoutPool:
    'antagelse: der findes ingen dansk effektstudie af sagstal (et tysk forsøg, Hainmueller m.fl. 2016, fandt at lavere sagstal forkorter ledigheden); bred',
  nearEffectWithoutPool:
    'evidens: Hurtigt i gang (quickly-back-to-work-2008), halvdelen af effekten mistes uden den korte kontakt; ingen studie af puljen findes',
};

/**
 * The preset's uncertain effects, each a distribution: IPS as the evidence library has it,
 * the other two lognormals around their medians, widened by `effectSigma`.
 *
 * @example
 * ```ts
 * gladsaxeEffects().nearEffectWithoutPool; // lognormal, median ≈ 0.88
 * ```
 */
export function gladsaxeEffects(
  overrides: Partial<GladsaxeAssumptions> = {},
): Record<GladsaxeEffect, number | Distribution> {
  const a = { ...GLADSAXE_ASSUMPTIONS, ...overrides };
  const ips = getEvidence(IPS_EVIDENCE).effect as LognormalDist;
  const near = getEvidence(NEAR_EVIDENCE).effect as LognormalDist;
  const lognormal = (median: number, sigma: number, source: string): number | Distribution =>
    a.effectSigma > 0 ? { dist: 'lognormal', mu: Math.log(median), sigma, source } : median;
  return {
    ipsEffect: lognormal(Math.exp(ips.mu), ips.sigma, EFFECT_SOURCES.ipsEffect),
    farEffectWithoutPool: lognormal(a.farEffectWithoutPool, a.effectSigma, EFFECT_SOURCES.farEffectWithoutPool),
    nearEffectWithoutPool: lognormal(
      a.nearEffectWithoutPool ?? Math.exp(-a.nearExposure * near.mu),
      Math.hypot(a.nearExposure * near.sigma, a.effectSigma),
      EFFECT_SOURCES.nearEffectWithoutPool,
    ),
  };
}

/**
 * The Gladsaxe model with any assumption overridden.
 *
 * @example
 * ```ts
 * const r = await simulate(gladsaxeModel({ farEffectWithoutPool: 0.9 }), { replicates: 500 });
 * const closed = gladsaxeModel({ closedStock: true }); // the committee paper's closed-stock reading
 * ```
 */
export function gladsaxeModel(overrides: Partial<GladsaxeAssumptions> = {}): ModelInput {
  const a = { ...GLADSAXE_ASSUMPTIONS, ...overrides };
  const hr = (name: GladsaxeEffect) => ({ hazardRatio: paramRef(name) });
  const inflow = (perMonth: number, priorBenefitMonths?: number) =>
    !a.closedStock && perMonth > 0
      ? { inflow: { perMonth, ...(priorBenefitMonths ? { priorBenefitMonths } : {}) } }
      : {};
  const nearGroups = ['dp-new', 'dp', 'sdp-new', 'sdp'];
  const far = (withPool: boolean) => ({
    ips: { [withPool ? 'ips' : 'far-reduced']: 1 },
    'kh-ap': { [withPool ? 'far-pool' : 'far-reduced']: 1 },
    'kh-jp': { [withPool ? 'far-pool' : 'far-reduced']: 1 },
  });
  const near = (withPool: boolean) =>
    Object.fromEntries(nearGroups.map((g) => [g, { [withPool ? 'near-pool' : 'near-reduced']: a.nearNeedShare }]));
  return {
    name: a.closedStock
      ? "Gladsaxe 2026, closed stock: the 10 mio. DKK pool for today's recipients only"
      : 'Gladsaxe 2026: the 10 mio. DKK pool after the reforms',
    description:
      'Gladsaxe Kommune, Beskæftigelses- og Integrationsudvalget, item 9 (budget 2026–2029). 7 mio. DKK a year keeps 10–13 caseworkers for citizens far from the labour market ' +
      '(about 800 on kontanthjælp, 250 of them in IPS); 3 mio. DKK keeps 4–6 for the smaller part of about 2,000 dagpenge and sygedagpenge recipients who need help. ' +
      'Does each part of the pool pay for itself? Every effect is uncertain: IPS from the Danish trial, the near pool from the Quickly back to work experiment scaled down, the far pool an assumption' +
      (a.closedStock ? '. Closed stock: nobody new arrives.' : '.'),
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
      { id: 'khj', kind: 'benefit', monthlyTransfer: a.khTransfer, label: 'kontanthjælp, jobparat' },
      { id: 'dp', kind: 'benefit', monthlyTransfer: a.dpTransfer, label: 'dagpenge' },
      { id: 'sdp', kind: 'benefit', monthlyTransfer: a.sdpTransfer, label: 'sygedagpenge' },
      { id: 'job', kind: 'success', label: 'ordinary employment', flows: jobTaxFlows() },
      { id: 'edu', kind: 'success', label: 'education' },
      {
        id: 'flex',
        kind: 'success',
        monthlyTransfer: a.flexSubsidy,
        reimbursed: true,
        label: 'flex job (wage subsidy)',
      },
      // Paid for life and refunded on the ladder like the benefits (the paper names the risk of early førtidspension).
      {
        id: 'fp',
        kind: 'exit',
        monthlyTransfer: a.fpTransfer,
        reimbursed: true,
        label: 'førtidspension (disability pension)',
      },
      { id: 'out', kind: 'exit', label: 'other exit' },
    ],
    transitions: { 'kh-ph': { kh: a.paidHoursEnd, job: a.paidHoursToJob } },
    parameters: {
      ...gladsaxeEffects(a),
      jobTaxMunicipality: DK_FINANCE_PARAMETERS.jobTaxMunicipality,
      jobTaxState: DK_FINANCE_PARAMETERS.jobTaxState,
    },
    calibration: {
      kh: {
        completedShares: { ...a.farShares, fp: a.farFpShare },
        otherExit: 'out',
        meanMonths: a.farMeanMonths,
        paidHours: { state: 'kh-ph', everShare: a.farPaidHours },
      },
      khj: { completedShares: a.jobReadyShares, otherExit: 'out', meanMonths: a.jobReadyMeanMonths },
      dp: { completedShares: a.dpShares, otherExit: 'out', meanMonths: a.dpMeanMonths },
      sdp: { completedShares: a.sdpShares, otherExit: 'out', meanMonths: a.sdpMeanMonths },
    },
    groups: [
      {
        id: 'ips',
        size: a.ipsCount,
        initialState: 'kh',
        priorBenefitMonths: a.farPriorMonths,
        label: 'aktivitetsparate in IPS',
      },
      {
        id: 'kh-ap',
        size: a.khActivityCount,
        initialState: 'kh',
        priorBenefitMonths: a.farPriorMonths,
        label: 'other aktivitetsparate on kontanthjælp',
        ...inflow(a.khActivityInflow, 12),
      },
      {
        id: 'kh-jp',
        size: a.khJobReadyCount,
        initialState: 'khj',
        priorBenefitMonths: a.jobReadyPriorMonths,
        label: 'jobparate on kontanthjælp',
        ...inflow(a.khJobReadyInflow),
      },
      { id: 'dp-new', size: a.dpNewCount, initialState: 'dp', label: 'dagpenge, first month', ...inflow(a.dpInflow) },
      {
        id: 'dp',
        size: a.dpCount,
        initialState: 'dp',
        priorBenefitMonths: a.nearPriorMonths,
        label: 'dagpenge, a few months in',
      },
      {
        id: 'sdp-new',
        size: a.sdpNewCount,
        initialState: 'sdp',
        label: 'sygedagpenge, first month',
        ...inflow(a.sdpInflow),
      },
      {
        id: 'sdp',
        size: a.sdpCount,
        initialState: 'sdp',
        priorBenefitMonths: a.nearPriorMonths,
        label: 'sygedagpenge, a few months in',
      },
    ],
    interventions: [
      // The caseworkers every scenario keeps cost the same in all and are left out; the
      // decisions are about the pools, carried as the scenarios' fixed costs.
      {
        id: 'far-reduced',
        label: 'far from the labour market, without the pool: higher caseloads, no IPS',
        effects: {
          kh: { '@success': hr('farEffectWithoutPool'), 'kh-ph': hr('farEffectWithoutPool') },
          khj: { '@success': hr('farEffectWithoutPool') },
        },
      },
      {
        id: 'near-reduced',
        label: 'close to the labour market, needing help, without the pool: no contact',
        effects: { dp: { '*': hr('nearEffectWithoutPool') }, sdp: { '*': hr('nearEffectWithoutPool') } },
      },
      // The pools' caseworkers: today's effort (the calibration baseline) for as many as
      // their caseloads allow; the rest wait on the reduced effort until a place frees.
      {
        id: 'far-pool',
        label: 'far from the labour market, with the pool: low caseloads',
        capacity: { caseworkers: a.farCaseworkers, caseload: a.farCaseload, fallback: 'far-reduced' },
      },
      {
        id: 'ips',
        label: 'IPS (Individual Placement and Support), kept by the pool',
        effects: { kh: { '@success': hr('ipsEffect'), 'kh-ph': hr('ipsEffect') } },
      },
      {
        id: 'near-pool',
        label: 'close to the labour market, needing help, with the pool: short, outreaching contact',
        capacity: { caseworkers: a.nearCaseworkers, caseload: a.nearCaseload, fallback: 'near-reduced' },
      },
    ],
    scenarios: [
      {
        id: 'without-pool',
        label: 'without the pool (10–13 + 4–6 caseworkers dismissed)',
        allocation: { ...far(false), ...near(false) },
      },
      {
        id: 'far-only',
        label: 'far pool only (7 mio. DKK a year)',
        allocation: { ...far(true), ...near(false) },
        fixedMonthlyCost: a.farPool / 12,
        source: 'committee paper: 7 mio. DKK a year keeps 10–13 caseworkers for citizens far from the labour market',
      },
      {
        id: 'near-only',
        label: 'near pool only (3 mio. DKK a year)',
        allocation: { ...far(false), ...near(true) },
        fixedMonthlyCost: a.nearPool / 12,
        source: 'committee paper: 3 mio. DKK a year keeps 4–6 caseworkers for citizens close to the labour market',
      },
      {
        id: 'with-pool',
        label: 'with the pool (7 + 3 mio. DKK a year)',
        allocation: { ...far(true), ...near(true) },
        fixedMonthlyCost: (a.farPool + a.nearPool) / 12,
        source: 'committee paper: up to 10 mio. DKK a year, budget 2026–2029',
      },
    ],
    costs: { refusion: 'dk', discountRate: a.discountRate },
    accounts: DK_FINANCE_ACCOUNTS,
    // Staff changes change the pool's places (the caseload stays).
    calendar: Object.entries(a.farStaffPlan).map(([from, caseworkers]) => ({
      from,
      label: `${caseworkers} caseworkers in the far pool`,
      interventions: { 'far-pool': { capacity: { caseworkers } } },
    })),
  };
}

/**
 * The preset's words in Danish, for reports and plots in Danish (`--lang da`): a model's
 * `translations`, for the model with these assumptions. Kept beside the model rather than
 * in it, so the model (which a run with kept replicates echoes) stays as it was;
 * `presets['gladsaxe-2026'].translations` holds the default's.
 */
export function gladsaxeTranslations(overrides: Partial<GladsaxeAssumptions> = {}): NonNullable<Model['translations']> {
  const a = { ...GLADSAXE_ASSUMPTIONS, ...overrides };
  const calendar = Object.fromEntries(
    Object.entries(a.farStaffPlan).map(([from, n]) => [
      from,
      `${n} sagsbehandlere i puljen for de langt fra arbejdsmarkedet`,
    ]),
  );
  return {
    da: {
      ...GLADSAXE_DA,
      ...(a.closedStock
        ? {
            name: 'Gladsaxe 2026, lukket bestand: puljen på 10 mio. kr. kun for nuværende modtagere',
            description: `${GLADSAXE_DA.description} Lukket bestand: ingen nye kommer til.`,
          }
        : {}),
      calendar,
    },
  };
}

const GLADSAXE_DA = {
  name: 'Gladsaxe 2026: puljen på 10 mio. kr. efter reformerne',
  description:
    'Gladsaxe Kommune, Beskæftigelses- og Integrationsudvalget, punkt 9 (budget 2026–2029). 7 mio. kr. om året bevarer 10–13 sagsbehandlere til borgere langt fra arbejdsmarkedet ' +
    '(ca. 800 på kontanthjælp, heraf 250 i IPS); 3 mio. kr. bevarer 4–6 til den mindre del af ca. 2.000 dagpenge- og sygedagpengemodtagere, der har brug for hjælp. ' +
    'Betaler hver del af puljen sig selv? Alle effekter er usikre: IPS fra det danske forsøg, puljen tæt på arbejdsmarkedet fra forsøget Hurtigt i gang nedskaleret, puljen langt fra arbejdsmarkedet en antagelse.',
  accounts: DK_FINANCE_ACCOUNTS_DA,
  states: {
    kh: 'kontanthjælp, aktivitetsparat',
    'kh-ph': 'kontanthjælp med løntimer',
    khj: 'kontanthjælp, jobparat',
    dp: 'dagpenge',
    sdp: 'sygedagpenge',
    job: 'ordinært job',
    edu: 'uddannelse',
    flex: 'fleksjob (løntilskud)',
    fp: 'førtidspension',
    out: 'anden afgang',
  },
  groups: {
    ips: 'aktivitetsparate i IPS',
    'kh-ap': 'øvrige aktivitetsparate på kontanthjælp',
    'kh-jp': 'jobparate på kontanthjælp',
    'dp-new': 'dagpenge, første måned',
    dp: 'dagpenge, nogle måneder inde',
    'sdp-new': 'sygedagpenge, første måned',
    sdp: 'sygedagpenge, nogle måneder inde',
  },
  interventions: {
    'far-reduced': 'langt fra arbejdsmarkedet, uden puljen: højere sagstal, ingen IPS',
    'near-reduced': 'tæt på arbejdsmarkedet, med behov for hjælp, uden puljen: ingen kontakt',
    'far-pool': 'langt fra arbejdsmarkedet, med puljen: lave sagstal',
    ips: 'IPS (individuelt planlagt job med støtte), bevaret af puljen',
    'near-pool': 'tæt på arbejdsmarkedet, med behov for hjælp, med puljen: kort, men opsøgende kontakt',
  },
  scenarios: {
    'without-pool': 'uden puljen (10–13 + 4–6 sagsbehandlere afskediget)',
    'far-only': 'kun puljen langt fra arbejdsmarkedet (7 mio. kr. om året)',
    'near-only': 'kun puljen tæt på arbejdsmarkedet (3 mio. kr. om året)',
    'with-pool': 'med puljen (7 + 3 mio. kr. om året)',
  },
  scenarioSources: {
    'far-only':
      'sagsfremstillingen: 7 mio. kr. om året bevarer 10–13 sagsbehandlere til borgere langt fra arbejdsmarkedet',
    'near-only': 'sagsfremstillingen: 3 mio. kr. om året bevarer 4–6 sagsbehandlere til borgere tæt på arbejdsmarkedet',
    'with-pool': 'sagsfremstillingen: op til 10 mio. kr. om året, budget 2026–2029',
  },
  parameterSources: {
    ...EFFECT_SOURCES_DA,
    jobTaxMunicipality: DK_FINANCE_PARAMETER_SOURCES_DA.jobTaxMunicipality,
    jobTaxState: DK_FINANCE_PARAMETER_SOURCES_DA.jobTaxState,
  },
};

/** The Gladsaxe model with the default assumptions. */
export const gladsaxe2026: ModelInput = gladsaxeModel();

/** The committee paper's closed-stock reading: today's recipients only, nobody new. */
export const gladsaxe2026Closed: ModelInput = gladsaxeModel({ closedStock: true });

/**
 * The yearly cost to the municipality if every citizen in `groups` stayed on benefit
 * `days` longer, at their current point on the refusion ladder: size × days / (365.25/12)
 * × monthly transfer of the initial state × the municipality's share in that month on
 * support. This is the committee paper's own sensitivity calculation ("14 days longer for every
 * dagpenge recipient ≈ 4.7 mio. DKK a year").
 *
 * @example
 * ```ts
 * extensionCost(gladsaxe2026, ['dp-new', 'dp'], 14); // ≈ 4.8 mio. DKK
 * ```
 */
export function extensionCost(input: ModelInput, groups: string[], days: number): number {
  // The point model: every uncertain number at its mean.
  const model = normalise(planUncertainty(input).point);
  const ladder = ladderOf(model.costs.refusion);
  let total = 0;
  for (const id of groups) {
    const g = model.groups.find((x) => x.id === id);
    if (!g) throw new Error(`unknown group "${id}"`);
    const state = model.states.find((s) => s.id === g.initialState)!;
    const prior = g.priorBenefitMonths;
    const share = ladder ? municipalShares(ladder, prior + 1)[prior] : 1;
    total += g.size * (days / (365.25 / 12)) * state.monthlyTransfer * share;
  }
  return total;
}
