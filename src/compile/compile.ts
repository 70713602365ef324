/**
 * Compilation: a validated model becomes flat typed arrays the engine can run without
 * touching JSON. An "arm" is one intervention (arm 0 = no intervention); every arm has a
 * full set of rows per duration band, so the hot loop never asks whether a row was
 * overridden. Money tables (discount factors, the refusion ladder by month on support)
 * are precomputed here so the engine only adds.
 * @module
 */
import { allocateGroup, largestRemainder } from '../model/allocation.js';
import { monthSerial, yearOfSerial } from '../model/dates.js';
import { normalise } from '../model/normalise.js';
import type { Model } from '../model/types.js';
import { municipalShares, REFUSION_DK_2016 } from '../model/refusion.js';
import { periods } from './calendar.js';
import { resolveRows } from './resolve.js';
import { applyHazardRatios } from './effects.js';
import { assign, classHazardRatios } from './targeting.js';
import { compileSteering, type CompiledSteering } from './steering.js';

/** State kinds as small integers for the hot loop. */
export const KIND_BENEFIT = 0;
/** @see KIND_BENEFIT */
export const KIND_SUCCESS = 1;
/** @see KIND_BENEFIT */
export const KIND_EXIT = 2;

/** One block of citizens sharing group and arm within a scenario. */
export interface Cohort {
  group: number;
  arm: number;
  count: number;
  /** Index of the cohort's first citizen in the population; the key of its random streams. */
  firstCitizen: number;
  /** Month the cohort enters (0 for the initial population, later for inflow). */
  start: number;
  /** Index of the cohort's rows: arm · K + readiness class. */
  rowArm: number;
}

/** A scenario as the engine sees it. */
export interface CompiledScenario {
  id: string;
  cohorts: Cohort[];
  /** counts[g * A + a]: citizens of group g holding arm a. */
  counts: Int32Array;
  /** Fixed cost per month, DKK. */
  fixedMonthlyCost: number;
  /** Portfolio steering, if the scenario has it. */
  steering?: CompiledSteering;
  /**
   * Whether the scenario runs on the synchronous engine (`engine/synchronous.ts`): with
   * steering, or with a capacity that changes over time on an arm it uses.
   */
  synchronous: boolean;
}

/** The model as flat arrays; see the module comment. Row index r = (a·S + s)·NB + b. */
export interface CompiledModel {
  H: number;
  /** Number of states. */
  S: number;
  /** Number of arms: interventions + 1. */
  A: number;
  /** Number of readiness classes (1 without readiness). */
  K: number;
  /** Number of groups. */
  G: number;
  /** Number of duration bands. */
  NB: number;
  /** Number of calendar periods (1 without a calendar). */
  NP: number;
  /** periodOf[t]: the calendar period of month t. */
  periodOf: Int32Array;
  /** periodEnd[p]: first month after period p. */
  periodEnd: Int32Array;
  /** True when bands follow cumulative months on benefit, false for months in the state. */
  clockBenefit: boolean;
  /** bandStart[b]: first clock value of band b; bandStart[NB] = a large sentinel. */
  bandStart: Int32Array;
  kind: Uint8Array;
  paidHours: Uint8Array;
  reimbursed: Uint8Array;
  /** transfer[p · S + s]: monthly transfer of state s in period p. */
  transfer: Float64Array;
  /** armCost[p · A + a]: monthly cost of arm a in period p while its holder is in a benefit state. */
  armCost: Float64Array;
  /** stay[r]: probability of staying a month; r = ((a · S + s) · NP + p) · NB + b. */
  stay: Float64Array;
  /** logStay[r] = log(stay[r]), for geometric waiting times. */
  logStay: Float64Array;
  /** leave[r] = 1 − stay[r]. */
  leave: Float64Array;
  /** cum[r·S + d]: cumulative probability of leaving for states 0…d. */
  cum: Float64Array;
  /** lastDest[r]: the last destination with positive probability (guards rounding). */
  lastDest: Int32Array;
  /** Group ids: the model's groups, then one `<id>:inflow` group per group with inflow. */
  groupIds: string[];
  groupSize: Int32Array;
  groupInitial: Int32Array;
  groupPrior: Int32Array;
  groupInitialDuration: Int32Array;
  /** discPrefix[t] = Σ_{j<t} δ^j: discounted months from 0 to t. */
  discPrefix: Float64Array;
  /** discPow[t] = δ^t for t ≤ H. */
  discPow: Float64Array;
  /** discInv[c] = δ^−c for clock values c. */
  discInv: Float64Array;
  /** municipal[c]: the municipality's share of a transfer in the c-th month on support. */
  municipal: Float64Array;
  /** munPrefix[c] = Σ_{j<c} δ^j · municipal[j]. */
  munPrefix: Float64Array;
  /** Premium income per month in a paid-hours state. */
  premium: number;
  /** capPlaces[a]: places of arm a, −1 for no limit. */
  capPlaces: Int32Array;
  /** capFallback[a]: the arm those waiting for (or turned away from) arm a hold. */
  capFallback: Int32Array;
  /** capQueue[a]: 1 when those turned away wait for a place, 0 when they keep the fallback. */
  capQueue: Uint8Array;
  /** Whether any arm has a capacity. */
  hasCapacity: boolean;
  /** capAt[p · A + a]: places of arm a in calendar period p (−1 for no limit). */
  capAt: Int32Array;
  /** Whether some arm's places change over the calendar. */
  capVaries: boolean;
  /** armOpen[p · A + a]: 1 when newcomers can get arm a in calendar period p. */
  armOpen: Uint8Array;
  /**
   * Whether money needs more than plain months: discounting or a refusion ladder. Without
   * either, discounted and net months equal months and the engine skips them.
   */
  moneyDetail: boolean;
  /** Whether there is a refusion ladder (net transfers differ from gross). */
  hasLadder: boolean;
  /** From this month on support the municipal share no longer changes. */
  constFrom: number;
  /** yearOf[t]: index of month t's year in {@link CompiledModel.years}. */
  yearOf: Int32Array;
  /** Year labels: calendar years with a `start` date, else "year 1", "year 2", …. */
  years: string[];
  /** End (exclusive) of each year in months. */
  yearEnd: Int32Array;
  scenarios: CompiledScenario[];
  /** Total citizens in the population. */
  N: number;
}

/** Which year each month falls in: calendar years from `start`, or 12-month blocks. */
export function calendar(
  start: string | undefined,
  H: number,
): { yearOf: Int32Array; years: string[]; yearEnd: Int32Array } {
  const yearOf = new Int32Array(H);
  const years: string[] = [];
  const ends: number[] = [];
  const first = start === undefined ? 0 : monthSerial(start, 'start');
  for (let t = 0; t < H; t++) {
    const label = start === undefined ? `year ${Math.floor(t / 12) + 1}` : String(yearOfSerial(first + t));
    if (years[years.length - 1] !== label) {
      if (years.length) ends.push(t);
      years.push(label);
    }
    yearOf[t] = years.length - 1;
  }
  ends.push(H);
  return { yearOf, years, yearEnd: Int32Array.from(ends) };
}

/** Places of a capacity: `places`, or caseworkers × caseload rounded down. */
function places(cap: { places?: number; caseworkers?: number; caseload?: number }): number {
  return cap.places ?? Math.floor((cap.caseworkers ?? 0) * (cap.caseload ?? 0) + 1e-9);
}

/** Compile a validated model. */
export function compileModel(input: Model): CompiledModel {
  const model = normalise(input);
  const S = model.states.length;
  const interventions = model.interventions;
  const A = interventions.length + 1;
  const H = model.horizonMonths;
  const stateIndex = new Map(model.states.map((s, i) => [s.id, i]));
  const kind = new Uint8Array(
    model.states.map((s) => (s.kind === 'benefit' ? KIND_BENEFIT : s.kind === 'success' ? KIND_SUCCESS : KIND_EXIT)),
  );
  const paidHours = new Uint8Array(model.states.map((s) => (s.paidHours ? 1 : 0)));
  const reimbursed = new Uint8Array(model.states.map((s) => (s.reimbursed ? 1 : 0)));
  const per = periods(model);
  const NP = per.starts.length;
  const periodOf = new Int32Array(H);
  const periodEnd = new Int32Array(NP);
  per.starts.forEach((start, k) => {
    periodEnd[k] = k + 1 < NP ? per.starts[k + 1] : H;
    for (let t = start; t < periodEnd[k]; t++) periodOf[t] = k;
  });
  const transfer = new Float64Array(per.models.flatMap((m) => m.states.map((s) => s.monthlyTransfer)));
  const armCost = new Float64Array(
    per.models.flatMap((m) => [
      0,
      ...m.interventions.map((iv) => {
        const st = iv.staffing;
        const staff = st
          ? st.annualCostPerCaseworker / st.caseload / 12 + (st.conversationsPerYear * st.costPerConversation) / 12
          : 0;
        return iv.monthlyCost + staff;
      }),
    ]),
  );

  // Rows per readiness class and period, laid out so that the row index is
  // r = (((a · K + c) · S + s) · NP + p) · NB + b.
  const resolved = per.models.map(resolveRows);
  const NB = resolved[0].NB;
  const classHr = classHazardRatios(model.readiness);
  const K = classHr.length;
  const successMask = new Float64Array(S);
  const p = new Float64Array(A * K * S * NP * NB * S);
  for (let a = 0; a < A; a++)
    for (let c = 0; c < K; c++)
      for (let s = 0; s < S; s++)
        for (let k = 0; k < NP; k++)
          for (let b = 0; b < NB; b++) {
            const from = ((a * S + s) * NB + b) * S;
            const to = ((((a * K + c) * S + s) * NP + k) * NB + b) * S;
            p.set(resolved[k].p.subarray(from, from + S), to);
            if (classHr[c] !== 1 && kind[s] === KIND_BENEFIT) {
              for (let d = 0; d < S; d++) successMask[d] = kind[d] === KIND_SUCCESS ? classHr[c] : 1;
              applyHazardRatios(p.subarray(to, to + S), successMask);
            }
          }
  const rows = A * K * S * NP * NB;
  const stay = new Float64Array(rows);
  const logStay = new Float64Array(rows);
  const leave = new Float64Array(rows);
  const cum = new Float64Array(rows * S);
  const lastDest = new Int32Array(rows);
  for (let r = 0; r < rows; r++) {
    let acc = 0;
    let last = -1;
    for (let d = 0; d < S; d++) {
      const q = p[r * S + d];
      if (q > 0) last = d;
      acc += q;
      cum[r * S + d] = acc;
    }
    const l = Math.min(1, acc);
    leave[r] = l;
    stay[r] = 1 - l;
    logStay[r] = Math.log(1 - l);
    lastDest[r] = last;
  }
  const bandStart = new Int32Array(NB + 1);
  for (const [i, b] of (model.duration?.bands ?? [0]).entries()) bandStart[i] = b;
  bandStart[NB] = 0x3fffffff;

  // Inflow: each group with arrivals gets a companion group, batches by month.
  const inflowOf = model.groups.filter((g) => g.inflow);
  const arrivals = inflowOf.map((g) => {
    const f = g.inflow!;
    const from = f.fromMonth;
    const to = f.toMonth;
    const perMonth = new Int32Array(H);
    for (let t = from; t <= to; t++)
      perMonth[t] = Math.floor(f.perMonth * (t - from + 1) + 1e-9) - Math.floor(f.perMonth * (t - from) + 1e-9);
    return perMonth;
  });
  const allGroups = [
    ...model.groups.map((g) => ({
      id: g.id,
      size: g.size,
      initial: g.initialState,
      prior: g.priorBenefitMonths,
      dur: g.initialDurationMonths,
    })),
    ...inflowOf.map((g, k) => ({
      id: `${g.id}:inflow`,
      size: arrivals[k].reduce((a, b) => a + b, 0),
      initial: g.initialState,
      prior: g.inflow!.priorBenefitMonths,
      dur: 0,
    })),
  ];
  const G = allGroups.length;
  const groupIds = allGroups.map((g) => g.id);
  const groupSize = new Int32Array(allGroups.map((g) => g.size));
  const groupInitial = new Int32Array(allGroups.map((g) => stateIndex.get(g.initial)!));
  const groupPrior = new Int32Array(allGroups.map((g) => g.prior));
  const groupInitialDuration = new Int32Array(allGroups.map((g) => g.dur));

  // Money tables over calendar months t ≤ H and support clock values c ≤ max prior + H.
  const C = Math.max(0, ...groupPrior) + H + 1;
  const rate = model.costs.discountRate;
  const delta = (1 + rate) ** (-1 / 12);
  const discPrefix = new Float64Array(H + 1);
  const discPow = new Float64Array(H + 1);
  for (let t = 0; t <= H; t++) {
    discPow[t] = delta ** t;
    if (t > 0) discPrefix[t] = discPrefix[t - 1] + discPow[t - 1];
  }
  const discInv = new Float64Array(C + 1).map((_, c) => delta ** -c);
  const ref = model.costs.refusion;
  const ladder = ref === 'dk-2016' ? REFUSION_DK_2016 : ref !== 'none' ? ref : undefined;
  const municipal = ladder ? municipalShares(ladder, C + 1) : new Float64Array(C + 1).fill(1);
  const munPrefix = new Float64Array(C + 1);
  for (let c = 1; c <= C; c++) munPrefix[c] = munPrefix[c - 1] + delta ** (c - 1) * municipal[c - 1];

  let constFrom = C;
  while (constFrom > 0 && municipal[constFrom - 1] === municipal[C]) constFrom--;

  const { yearOf, years, yearEnd } = calendar(model.start, H);

  const groupFirst: number[] = [];
  let N = 0;
  for (const g of allGroups) {
    groupFirst.push(N);
    N += g.size;
  }
  const ivIndex = new Map(interventions.map((iv, i) => [iv.id, i + 1]));

  const scenarios = model.scenarios.map((sc): CompiledScenario => {
    const cohorts: Cohort[] = [];
    const counts = new Int32Array(G * A);
    // Citizens keep their index (and so their random streams) in every scenario; which
    // of them hold which intervention is the targeting's business.
    const place = (gi: number, first: number, start: number, n: number, arms: number[], split: number[]) => {
      for (const run of assign(n, K, [...arms, 0], split, sc.targeting)) {
        counts[gi * A + run.arm] += run.count;
        if (run.count > 0)
          cohorts.push({
            group: gi,
            arm: run.arm,
            count: run.count,
            firstCitizen: first + run.first,
            start,
            rowArm: run.arm * K + run.cls,
          });
      }
    };
    model.groups.forEach((g, gi) => {
      const alloc = sc.allocation[g.id] ?? {};
      const arms = Object.keys(alloc).map((id) => ivIndex.get(id)!);
      place(gi, groupFirst[gi], 0, g.size, arms, allocateGroup(g.size, Object.values(alloc)));
    });
    inflowOf.forEach((g, k) => {
      const gi = model.groups.length + k;
      const alloc = sc.allocation[g.id] ?? {};
      const arms = Object.keys(alloc).map((id) => ivIndex.get(id)!);
      const shares = Object.values(alloc).map((v) => (typeof v === 'number' ? v : g.size > 0 ? v.count / g.size : 0));
      let first = groupFirst[gi];
      for (let t = 0; t < H; t++) {
        const n = arrivals[k][t];
        if (n === 0) continue;
        const split = largestRemainder(n, shares);
        // An intervention closed by the calendar takes no newcomers: they get none.
        const closed = per.unavailable[periodOf[t]];
        const ids = Object.keys(alloc);
        place(
          gi,
          first,
          t,
          n,
          arms.map((a, j) => (closed.has(ids[j]) ? 0 : a)),
          split,
        );
        first += n;
      }
    });
    return {
      id: sc.id,
      cohorts,
      counts,
      fixedMonthlyCost: sc.fixedMonthlyCost,
      steering: compileSteering(model, sc, groupIds, ivIndex, counts, A),
      synchronous: false,
    };
  });

  const capPlaces = new Int32Array(A).fill(-1);
  const capFallback = new Int32Array(A);
  const capQueue = new Uint8Array(A);
  interventions.forEach((iv, i) => {
    const cap = iv.capacity;
    if (!cap) return;
    capPlaces[i + 1] = places(cap);
    capFallback[i + 1] = cap.fallback ? ivIndex.get(cap.fallback)! : 0;
    capQueue[i + 1] = cap.whenFull === 'queue' ? 1 : 0;
  });
  const capAt = new Int32Array(NP * A).fill(-1);
  let capVaries = false;
  per.models.forEach((m, k) => {
    m.interventions.forEach((iv, i) => {
      if (!iv.capacity) return;
      capAt[k * A + i + 1] = places(iv.capacity);
      if (capAt[k * A + i + 1] !== capPlaces[i + 1]) capVaries = true;
    });
  });
  // The per-citizen engine serves places from a heap of fixed size; places that change
  // over time, and steering, need the whole population month by month.
  for (const sc of scenarios) {
    const uses = new Set(sc.cohorts.map((c) => c.arm));
    if (sc.steering) uses.add(sc.steering.active);
    sc.synchronous = sc.steering !== undefined || (capVaries && [...uses].some((a) => capPlaces[a] >= 0));
  }

  return {
    capPlaces,
    capFallback,
    capQueue,
    hasCapacity: capPlaces.some((x) => x >= 0),
    capAt,
    capVaries,
    armOpen: Uint8Array.from({ length: NP * A }, (_, i) =>
      i % A === 0 || !per.unavailable[Math.floor(i / A)].has(interventions[(i % A) - 1].id) ? 1 : 0,
    ),
    H,
    S,
    A,
    K,
    G,
    NB,
    NP,
    periodOf,
    periodEnd,
    clockBenefit: model.duration?.clock === 'benefit',
    bandStart,
    kind,
    paidHours,
    reimbursed,
    transfer,
    armCost,
    stay,
    logStay,
    leave,
    cum,
    lastDest,
    groupIds,
    groupSize,
    groupInitial,
    groupPrior,
    groupInitialDuration,
    discPrefix,
    discPow,
    discInv,
    municipal,
    munPrefix,
    premium: model.costs.premiumPerPaidHoursMonth,
    moneyDetail: rate > 0 || ladder !== undefined,
    hasLadder: ladder !== undefined,
    constFrom,
    yearOf,
    years,
    yearEnd,
    scenarios,
    N,
  };
}
