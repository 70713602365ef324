/**
 * The workbook's words in Danish and English: sheet names, column heads, section titles,
 * notes and the few values that are words (yes/no, "total", units, payers). The English
 * words are the workbook's original ones, so an English workbook reads as before.
 * @module
 */
import type { MetricName } from '../engine/reduce/metrics.js';
import type { ReportLanguage } from '../format/language.js';

/** Everything the workbook writes as words, in one language. */
export interface WorkbookWords {
  sheets: {
    assumptions: string;
    scenarios: string;
    comparisons: string;
    decision: string;
    arms: string;
    yearly: string;
    accounts: string;
    payback: string;
    queue: string;
    steering: string;
  };
  col: {
    scenario: string;
    baseline: string;
    group: string;
    intervention: string;
    citizens: string;
    metric: string;
    description: string;
    unit: string;
    mean: string;
    sd: string;
    mcse: string;
    meanDifference: string;
    probBetter: string;
    basis: string;
    year: string;
    payer: string;
    item: string;
    account: string;
    month: string;
    date: string;
    replicate: string;
    label: string;
    source: string;
    note: string;
    from: string;
    to: string;
  };
  /** Interval ends: "lo (2.5 %)", "hi (97.5 %)" given the formatted percentages. */
  lo: (pct: string) => string;
  hi: (pct: string) => string;
  total: string;
  none: string;
  yes: string;
  no: string;
  units: { DKK: string; share: string; months: string; number: string };
  basis: Record<string, string>;
  payers: Record<string, string>;
  assumptions: {
    title: (model: string) => string;
    modelAndRun: string;
    run: {
      model: string;
      description: string;
      horizon: string;
      replicates: string;
      seed: string;
      level: string;
      baseline: string;
    };
    states: string;
    state: string;
    kind: string;
    monthlyTransfer: string;
    paidHours: string;
    reimbursed: string;
    transitions: string;
    probability: string;
    calibrated: string;
    calibratedNote: (shares: string, rest: string | null, length: string, paid: [string, string] | null) => string;
    meanCourse: (months: string) => string;
    endedWithin: (pct: string, months: string) => string;
    groups: string;
    initialState: string;
    priorMonths: string;
    interventions: string;
    monthlyCost: string;
    staffing: string;
    totalMonthlyCost: string;
    changes: string;
    capacity: string;
    staffingText: (annual: string, caseload: string, conversations: string | null, perConversation: string) => string;
    capacityText: (
      places: string | null,
      caseworkers: string,
      caseload: string,
      whenFull: string,
      fallback: string,
    ) => string;
    whenFull: Record<string, string>;
    scenarios: string;
    fixedMonthlyCost: string;
    calendar: string;
    steering: string;
    groupsCol: string;
    everyMonths: string;
    maxStep: string;
    bounds: string;
    budget: string;
    rules: string;
    allocatedGroups: string;
    customRule: (name: string) => string;
    parameters: string;
    parameter: string;
    distribution: string;
    fixed: string;
  };
  scenarios: { totalNote: string };
  comparisons: { seeDecision: string };
  decision: {
    reading: string;
    inWords: string;
    quadrant: string;
    icer: string;
    icerLo: (lo: string) => string;
    icerHi: (hi: string) => string;
    interval: string;
    mcseIcer: string;
    deltaCost: string;
    mcseDeltaCost: string;
    deltaEffect: string;
    mcseDeltaEffect: string;
    shareNE: string;
    shareNW: string;
    shareSE: string;
    shareSW: string;
    dominant: string;
    dominated: string;
    replicates: string;
    undefinedInterval: string;
    noParameterMovesIt: string;
    readings: Record<string, string>;
    quadrants: Record<string, string>;
    at: (wtp: string) => string;
    wtp: string;
    evpi: string;
    method: string;
    methods: { none: string; regression: string };
    parameterDraws: string;
    probabilityBestOf: (scenario: string) => string;
    probabilityBestPerMetric: string;
    evppiTitle: (wtp: string) => string;
    parameters: string;
    evppi: string;
    evppiSe: string;
    evppiShare: string;
    ceacTitle: string;
    probabilityBest: (scenario: string) => string;
    evpiColumn: string;
  };
  arms: {
    notes: [string, string, string];
    againstBaseline: string;
    citizensScenario: string;
    citizensBaseline: string;
    countsDiffer: string;
  };
  yearly: { againstBaseline: string; wholeHorizon: string; items: Record<string, string> };
  queue: { waiting: string };
  steering: { share: string; perReplicate: (scenario: string) => string; month: (m: string) => string };
  payback: {
    payback: string;
    status: string;
    statuses: Record<string, string>;
    meanCurveMonth: string;
    median: string;
    monthLo: (lo: string) => string;
    monthHi: (hi: string) => string;
    probWithin: string;
    probNoOutlay: string;
    medianDate: string;
    net: string;
  };
  /** Metric descriptions for the "description" column; a metric without one falls back to the English. */
  metricDescriptions: Partial<Record<MetricName, string>>;
}

const EN: WorkbookWords = {
  sheets: {
    assumptions: 'Assumptions',
    scenarios: 'Scenarios',
    comparisons: 'Comparisons',
    decision: 'Decision',
    arms: 'Arms',
    yearly: 'Yearly budget',
    accounts: 'Accounts',
    payback: 'Payback',
    queue: 'Queue',
    steering: 'Steering',
  },
  col: {
    scenario: 'scenario',
    baseline: 'baseline',
    group: 'group',
    intervention: 'intervention',
    citizens: 'citizens',
    metric: 'metric',
    description: 'description',
    unit: 'unit',
    mean: 'mean',
    sd: 'sd',
    mcse: 'Monte Carlo error of the mean',
    meanDifference: 'mean difference',
    probBetter: 'probability better',
    basis: 'basis',
    year: 'year',
    payer: 'payer',
    item: 'item',
    account: 'account',
    month: 'month',
    date: 'date',
    replicate: 'replicate',
    label: 'label',
    source: 'source',
    note: 'note',
    from: 'from',
    to: 'to',
  },
  lo: (p) => `lo (${p} %)`,
  hi: (p) => `hi (${p} %)`,
  total: 'total',
  none: '(none)',
  yes: 'yes',
  no: 'no',
  units: { DKK: 'DKK', share: '%', months: 'months', number: '' },
  basis: {},
  payers: {},
  assumptions: {
    title: (m) => `${m}: assumptions and run`,
    modelAndRun: 'Model and run',
    run: {
      model: 'model',
      description: 'description',
      horizon: 'horizon, months',
      replicates: 'replicates',
      seed: 'random seed',
      level: 'interval level',
      baseline: 'baseline scenario',
    },
    states: 'States',
    state: 'state',
    kind: 'kind',
    monthlyTransfer: 'monthly transfer, DKK',
    paidHours: 'paid hours',
    reimbursed: 'reimbursed (refusion)',
    transitions: 'Monthly transitions (baseline)',
    probability: 'monthly probability',
    calibrated: '(calibrated)',
    calibratedNote: (shares, rest, length, paid) =>
      `completed courses: ${shares}${rest ? `, rest → ${rest}` : ''}; ${length}${paid ? `; ever in paid hours (${paid[0]}) ${paid[1]} %` : ''}`,
    meanCourse: (m) => `mean course ${m} months`,
    endedWithin: (p, m) => `${p} % ended within ${m} months`,
    groups: 'Groups',
    initialState: 'initial state',
    priorMonths: 'months on support before start',
    interventions: 'Interventions',
    monthlyCost: 'monthly cost, DKK',
    staffing: 'staffing',
    totalMonthlyCost: 'total monthly cost per citizen on benefit, DKK',
    changes: 'transitions and effects',
    capacity: 'capacity',
    staffingText: (a, c, n, k) =>
      `${a} DKK per caseworker-year, caseload ${c}${n ? `, ${n} conversations a year at ${k} DKK` : ''}`,
    capacityText: (p, w, c, when, fb) =>
      `${p !== null ? `${p} places` : `${w} caseworkers × ${c}`}; when full: ${when} on ${fb}`,
    whenFull: {},
    scenarios: 'Scenarios and allocations',
    fixedMonthlyCost: 'fixed monthly cost, DKK',
    calendar: 'Reform calendar',
    steering: 'Portfolio steering',
    groupsCol: 'groups',
    everyMonths: 'review every, months',
    maxStep: 'largest step',
    bounds: 'share bounds',
    budget: 'budget per review, DKK',
    rules: 'rules',
    allocatedGroups: '(allocated groups)',
    customRule: (n) => `custom rule "${n}"`,
    parameters: 'Uncertain parameters',
    parameter: 'parameter',
    distribution: 'distribution',
    fixed: 'fixed',
  },
  scenarios: { totalNote: '' },
  comparisons: {
    seeDecision:
      'Cost per extra success (ICER), the acceptability curve and the value of information: see the Decision sheet',
  },
  decision: {
    reading: 'reading',
    inWords: 'in words',
    quadrant:
      'quadrant of the mean (NE: more successes, higher cost; SW: fewer, lower; SE: more, lower; NW: fewer, higher)',
    icer: 'ICER, DKK per extra success (ratio of means; a cost or saving per success only as the reading says)',
    icerLo: (lo) => `ICER ${lo} over parameter draws`,
    icerHi: (hi) => `ICER ${hi} over parameter draws`,
    interval: 'interval',
    mcseIcer: 'Monte Carlo error of the ICER, DKK',
    deltaCost: 'extra municipal cost, DKK',
    mcseDeltaCost: 'Monte Carlo error of the extra cost, DKK',
    deltaEffect: 'extra successes, citizens',
    mcseDeltaEffect: 'Monte Carlo error of the extra successes',
    shareNE: 'share of parameter draws NE',
    shareNW: 'share NW',
    shareSE: 'share SE',
    shareSW: 'share SW',
    dominant: 'dominant (SE, clearly)',
    dominated: 'dominated (NW, clearly)',
    replicates: 'replicates',
    undefinedInterval: 'undefined — see the CEAC',
    noParameterMovesIt: 'no uncertain parameter moves it',
    readings: {},
    quadrants: {},
    at: (w) =>
      `Decision at ${w} DKK per extra success (net benefit = successes × willingness to pay − municipal net cost)`,
    wtp: 'willingness to pay per extra success, DKK',
    evpi: 'expected value of perfect information (EVPI), DKK',
    method: 'expected outcomes given the parameters',
    methods: { none: 'none: no uncertain parameter', regression: 'regression' },
    parameterDraws: 'parameter draws',
    probabilityBestOf: (s) => `probability of the highest expected net benefit: ${s}`,
    probabilityBestPerMetric: 'Probability over parameter draws of the best expected outcome, per metric',
    evppiTitle: (w) =>
      `Expected value of partial perfect information (EVPPI) at ${w} DKK per extra success: what knowing exactly these parameters before choosing is worth`,
    parameters: 'parameter(s)',
    evppi: 'EVPPI, DKK',
    evppiSe: 'standard error, DKK',
    evppiShare: 'share of the EVPI',
    ceacTitle:
      'Cost-effectiveness acceptability curve (CEAC): probability over parameter draws of the highest expected net benefit, and the EVPI, per willingness to pay',
    probabilityBest: (s) => `probability best: ${s}`,
    evpiColumn: 'EVPI, DKK',
  },
  arms: {
    notes: [
      'basis "allocated": the row is exactly the citizens allocated to the arm, over their whole course. Money is the arm\'s total; the scenario\'s fixed monthly cost belongs to no arm.',
      'basis "capacity": the scenario allocates an intervention with a capacity; months and money of citizens waiting for a place (or sent to the fallback when it is full) are booked in the fallback arm.',
      'A steered scenario has no arm rows: steering moves citizens between arms during the run.',
    ],
    againstBaseline: 'Against the baseline (paired differences, arms in both scenarios)',
    citizensScenario: 'citizens (scenario)',
    citizensBaseline: 'citizens (baseline)',
    countsDiffer:
      'When the citizen counts differ, the arm holds partly different citizens in the two scenarios (citizens are handed out in order within a group), and its difference mixes who is in the arm with what the arm does.',
  },
  yearly: { againstBaseline: 'Against the baseline (paired differences)', wholeHorizon: 'total', items: {} },
  queue: { waiting: 'citizens waiting (mean)' },
  steering: {
    share: 'share (mean)',
    perReplicate: (s) => `${s}: share per replicate (rows) after each review (columns)`,
    month: (m) => `month ${m}`,
  },
  payback: {
    payback: 'payback',
    status: 'status (mean curve)',
    statuses: {},
    meanCurveMonth: 'payback month of the mean curve',
    median: 'payback month (median)',
    monthLo: (lo) => `payback month ${lo}`,
    monthHi: (hi) => `payback month ${hi}`,
    probWithin: 'probability of being cumulatively no dearer than the baseline by the horizon (paid back or no outlay)',
    probNoOutlay: 'probability of no outlay',
    medianDate: 'median payback date',
    net: 'cumulative municipal net result at the horizon, DKK (negative: saves)',
  },
  metricDescriptions: {},
};

const DA: WorkbookWords = {
  sheets: {
    assumptions: 'Forudsætninger',
    scenarios: 'Scenarier',
    comparisons: 'Sammenligninger',
    decision: 'Beslutning',
    arms: 'Pr. indsats',
    yearly: 'Budget pr. år',
    accounts: 'Konti',
    payback: 'Tilbagebetaling',
    queue: 'Venteliste',
    steering: 'Styring',
  },
  col: {
    scenario: 'scenarie',
    baseline: 'udgangspunkt',
    group: 'målgruppe',
    intervention: 'indsats',
    citizens: 'borgere',
    metric: 'mål',
    description: 'beskrivelse',
    unit: 'enhed',
    mean: 'gennemsnit',
    sd: 'standardafvigelse',
    mcse: 'Monte Carlo-fejl på gennemsnittet',
    meanDifference: 'gennemsnitlig forskel',
    probBetter: 'sandsynlighed for bedre',
    basis: 'opgørelse',
    year: 'år',
    payer: 'betaler',
    item: 'post',
    account: 'konto',
    month: 'måned',
    date: 'dato',
    replicate: 'gentagelse',
    label: 'betegnelse',
    source: 'kilde',
    note: 'bemærkning',
    from: 'fra',
    to: 'til',
  },
  lo: (p) => `nedre (${p} %)`,
  hi: (p) => `øvre (${p} %)`,
  total: 'i alt',
  none: '(ingen)',
  yes: 'ja',
  no: 'nej',
  units: { DKK: 'kr.', share: '%', months: 'måneder', number: '' },
  basis: { allocated: 'tildelt', capacity: 'kapacitet' },
  payers: { municipality: 'kommunen', state: 'staten', total: 'i alt', outcome: 'udfald', region: 'regionen' },
  assumptions: {
    title: (m) => `${m}: forudsætninger og kørsel`,
    modelAndRun: 'Model og kørsel',
    run: {
      model: 'model',
      description: 'beskrivelse',
      horizon: 'horisont, måneder',
      replicates: 'gentagelser',
      seed: 'startværdi for tilfældige tal',
      level: 'intervalniveau',
      baseline: 'udgangspunkt (scenarie)',
    },
    states: 'Tilstande',
    state: 'tilstand',
    kind: 'type',
    monthlyTransfer: 'månedlig ydelse, kr.',
    paidHours: 'løntimer',
    reimbursed: 'statsrefusion',
    transitions: 'Månedlige overgange (udgangspunkt)',
    probability: 'månedlig sandsynlighed',
    calibrated: '(kalibreret)',
    calibratedNote: (shares, rest, length, paid) =>
      `afsluttede forløb: ${shares}${rest ? `, resten → ${rest}` : ''}; ${length}${paid ? `; nogensinde i løntimer (${paid[0]}) ${paid[1]} %` : ''}`,
    meanCourse: (m) => `gennemsnitligt forløb ${m} måneder`,
    endedWithin: (p, m) => `${p} % afsluttet inden for ${m} måneder`,
    groups: 'Målgrupper',
    initialState: 'starter i',
    priorMonths: 'måneder på ydelse før start',
    interventions: 'Indsatser',
    monthlyCost: 'månedlig udgift, kr.',
    staffing: 'bemanding',
    totalMonthlyCost: 'samlet månedlig udgift pr. borger på ydelse, kr.',
    changes: 'overgange og effekter',
    capacity: 'kapacitet',
    staffingText: (a, c, n, k) =>
      `${a} kr. pr. sagsbehandlerårsværk, sagstal ${c}${n ? `, ${n} samtaler om året à ${k} kr.` : ''}`,
    capacityText: (p, w, c, when, fb) =>
      `${p !== null ? `${p} pladser` : `${w} sagsbehandlere × ${c}`}; når fuld: ${when} ${fb}`,
    whenFull: { queue: 'venter med', fallback: 'får' },
    scenarios: 'Scenarier og fordeling',
    fixedMonthlyCost: 'fast udgift pr. måned, kr.',
    calendar: 'Reformkalender',
    steering: 'Porteføljestyring',
    groupsCol: 'målgrupper',
    everyMonths: 'vurdering hver, måneder',
    maxStep: 'største skridt',
    bounds: 'grænser for andelen',
    budget: 'budget pr. vurdering, kr.',
    rules: 'regler',
    allocatedGroups: '(tildelte målgrupper)',
    customRule: (n) => `egen regel "${n}"`,
    parameters: 'Usikre parametre',
    parameter: 'parameter',
    distribution: 'fordeling',
    fixed: 'fast',
  },
  scenarios: { totalNote: '' },
  comparisons: {
    seeDecision:
      'Udgift pr. ekstra borger i succes (ICER), accept-kurven og værdien af information: se arket Beslutning',
  },
  decision: {
    reading: 'aflæsning',
    inWords: 'i ord',
    quadrant:
      'gennemsnittets kvadrant (NØ: flere i succes, højere udgift; SV: færre, lavere; SØ: flere, lavere; NV: færre, højere)',
    icer: 'ICER, kr. pr. ekstra borger i succes (forhold mellem gennemsnit; en udgift eller besparelse pr. borger kun som aflæsningen siger)',
    icerLo: (lo) => `ICER ${lo} over parameterudtræk`,
    icerHi: (hi) => `ICER ${hi} over parameterudtræk`,
    interval: 'interval',
    mcseIcer: 'Monte Carlo-fejl på ICER, kr.',
    deltaCost: 'kommunal merudgift, kr.',
    mcseDeltaCost: 'Monte Carlo-fejl på merudgiften, kr.',
    deltaEffect: 'ekstra borgere i succes',
    mcseDeltaEffect: 'Monte Carlo-fejl på ekstra borgere i succes',
    shareNE: 'andel parameterudtræk NØ',
    shareNW: 'andel NV',
    shareSE: 'andel SØ',
    shareSW: 'andel SV',
    dominant: 'dominerende (klart SØ)',
    dominated: 'domineret (klart NV)',
    replicates: 'gentagelser',
    undefinedInterval: 'udefineret — se accept-kurven (CEAC)',
    noParameterMovesIt: 'ingen usikker parameter flytter det',
    readings: {
      identical: 'som udgangspunktet',
      'no-detectable-effect': 'ingen påviselig effekt',
      dominant: 'dominerende',
      dominated: 'domineret',
      'costs-per-success': 'udgift pr. ekstra i succes',
      'saves-per-success-forgone': 'besparelse pr. færre i succes',
      mixed: 'blandet',
    },
    quadrants: { NE: 'NØ', NW: 'NV', SE: 'SØ', SW: 'SV' },
    at: (w) =>
      `Beslutning ved ${w} kr. pr. ekstra borger i succes (nettogevinst = antal i succes × betalingsvilje − kommunal nettoudgift)`,
    wtp: 'betalingsvilje pr. ekstra borger i succes, kr.',
    evpi: 'værdi af perfekt information (EVPI), kr.',
    method: 'forventede udfald givet parametrene',
    methods: { none: 'ingen: ingen usikker parameter', regression: 'regression' },
    parameterDraws: 'parameterudtræk',
    probabilityBestOf: (s) => `sandsynlighed for den højeste forventede nettogevinst: ${s}`,
    probabilityBestPerMetric: 'Sandsynlighed over parameterudtræk for det bedste forventede udfald, pr. mål',
    evppiTitle: (w) =>
      `Værdi af delvis perfekt information (EVPPI) ved ${w} kr. pr. ekstra borger i succes: hvad det er værd at kende netop disse parametre, før man vælger`,
    parameters: 'parameter(e)',
    evppi: 'EVPPI, kr.',
    evppiSe: 'standardfejl, kr.',
    evppiShare: 'andel af EVPI',
    ceacTitle:
      'Accept-kurve (CEAC): sandsynlighed over parameterudtræk for den højeste forventede nettogevinst, og EVPI, pr. betalingsvilje',
    probabilityBest: (s) => `sandsynlighed bedst: ${s}`,
    evpiColumn: 'EVPI, kr.',
  },
  arms: {
    notes: [
      'opgørelse "tildelt": rækken er præcis de borgere, der er tildelt indsatsen, over hele deres forløb. Beløb er indsatsgruppens samlede; scenariets faste månedlige udgift hører ikke til nogen indsatsgruppe.',
      'opgørelse "kapacitet": scenariet tildeler en indsats med en kapacitet; måneder og beløb for borgere, der venter på en plads (eller henvises til alternativet, når den er fuld), bogføres på alternativets gruppe.',
      'Et styret scenarie har ingen rækker pr. indsats: styringen flytter borgere mellem indsatserne undervejs.',
    ],
    againstBaseline: 'Mod udgangspunktet (parrede forskelle, indsatsgrupper i begge scenarier)',
    citizensScenario: 'borgere (scenarie)',
    citizensBaseline: 'borgere (udgangspunkt)',
    countsDiffer:
      'Når antallet af borgere er forskelligt, rummer indsatsgruppen delvis forskellige borgere i de to scenarier (borgerne fordeles i rækkefølge inden for en målgruppe), og forskellen blander, hvem der er i gruppen, med hvad indsatsen gør.',
  },
  yearly: {
    againstBaseline: 'Mod udgangspunktet (parrede forskelle)',
    wholeHorizon: 'hele horisonten',
    items: {
      transferCost: 'overførsler (brutto)',
      stateReimbursement: 'statsrefusion',
      netTransferCost: 'overførsler, kommunal netto',
      interventionCost: 'indsatsudgift',
      premiumIncome: 'præmieindtægt',
      municipalCost: 'kommunal nettoudgift',
      successRate: 'andel i succes',
      benefitMonths: 'måneder på ydelse',
    },
  },
  queue: { waiting: 'borgere på venteliste (gennemsnit)' },
  steering: {
    share: 'andel (gennemsnit)',
    perReplicate: (s) => `${s}: andel pr. gentagelse (rækker) efter hver vurdering (kolonner)`,
    month: (m) => `måned ${m}`,
  },
  payback: {
    payback: 'tilbagebetalingstid',
    status: 'status (gennemsnitskurven)',
    statuses: {
      'pays-back': 'tjener sig hjem',
      never: 'aldrig inden for horisonten',
      'no-outlay': 'intet udlæg',
    },
    meanCurveMonth: 'tilbagebetalingsmåned for gennemsnitskurven',
    median: 'tilbagebetalingsmåned (median)',
    monthLo: (lo) => `tilbagebetalingsmåned ${lo}`,
    monthHi: (hi) => `tilbagebetalingsmåned ${hi}`,
    probWithin:
      'sandsynlighed for samlet at have kostet højst det samme som udgangspunktet ved horisonten (tjent hjem eller intet udlæg)',
    probNoOutlay: 'sandsynlighed for intet udlæg',
    medianDate: 'tilbagebetalingsdato (median)',
    net: 'kommunens akkumulerede nettoresultat ved horisonten, kr. (negativt: besparelse)',
  },
  metricDescriptions: {
    successRate: 'andel i en succestilstand ved horisonten',
    benefitMonths: 'måneder på ydelse pr. borger inden for horisonten',
    transferCost: 'overførsler, kr. (brutto, tilbagediskonteret hvis en rente er sat)',
    interventionCost: 'indsatsudgift, kr.',
    netTransferCost: 'overførsler efter statens refusion (kommunens andel), kr.',
    paidHoursRate: 'andel nogensinde i løntimer inden for horisonten',
    completedSuccessShare: 'af borgere, hvis ydelsesforløb sluttede inden for horisonten, andelen der endte i succes',
    premiumIncome: 'præmieindtægt for måneder med løntimer, kr.',
    municipalCost: 'kommunens udgift: overførsler netto + indsatsudgift − præmieindtægt, kr.',
    monthsToExitQ1:
      'måneder til en fjerdedel af dem, der starter på ydelse, har forladt den første gang (Kaplan–Meier; udefineret, hvis det ikke nås inden for horisonten)',
    monthsToExitMedian: 'måneder til halvdelen af dem, der starter på ydelse, har forladt den første gang',
    monthsToExitQ3: 'måneder til tre fjerdedele af dem, der starter på ydelse, har forladt den første gang',
    onBenefitAt12: 'andel af dem, der starter på ydelse, hvis første forløb ikke er slut efter 12 måneder',
    onBenefitAt24: 'det samme efter 24 måneder',
    onBenefitAt36: 'det samme efter 36 måneder',
    waitingMonths: 'måneder på venteliste til en fuld indsats pr. borger',
  },
};

/** The workbook's words per language. */
export const WORKBOOK_WORDS: Readonly<Record<ReportLanguage, WorkbookWords>> = { en: EN, da: DA };
