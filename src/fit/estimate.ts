/**
 * From a monthly register panel to a forlob model: the current rates estimated from the
 * citizens' observed months, with their uncertainty carried as distributions.
 *
 * **Counting.** Every citizen-month with an observed next month is one month at risk
 * (exposure) in its state, class and duration band; the next month's state is its outcome
 * (an event when it differs). A citizen's last month in the panel has no next month: it is
 * right-censored and counts nowhere. A gap (a month missing between two rows) censors the
 * month before it, and the duration after a gap is unknown. With monthly data the
 * occurrence/exposure rate of a destination is exactly the monthly probability the engine
 * uses (each citizen-month is one multinomial trial), so no conversion is needed.
 *
 * **Duration.** Months in the current state (the `state` clock), or months on benefit so far
 * (the `benefit` clock, `clock: 'benefit'`: every month in a benefit-kind state, across
 * spells off benefit; only newcomers' counts are known exactly). A spell already running at
 * the panel's first month (or after a gap) has an unknown length: its months count in a band
 * only once the months seen already place it in the last band; citizens who first appear
 * after the first month start their first spell then.
 *
 * **Rows.** Without covariates each class's row from a state is a Dirichlet over
 * the destinations seen and staying, α = count + ½ (Jeffreys): the draws keep every row
 * summing to 1 with staying. With duration bands the model holds the row of the reference
 * band (the one with the most months at risk) and the other bands as `duration` hazard
 * ratios against it, one per band and from-state (the model scales every exit of a row
 * alike). With one class these are one multivariate lognormal per from-state (`rows/<state>`:
 * the destinations, then `band <start>`) in which every band's rates carry only the
 * posterior of that band's own counts, Dirichlet(counts + ½), independent of the other
 * bands' (see `bandedRow`); drawing the row and the ratios apart would count the reference
 * band's uncertainty twice. With several classes the ratios come from a Poisson regression
 * of all exits on class and band with log exposure as offset, as a multivariate lognormal
 * beside each class's Dirichlet row: there the reference band's uncertainty is still
 * counted twice in the other bands (the ratios are shared by the classes' rows). With covariates every destination gets such a regression (main
 * effects of band and of each class column); the reference class's rate and every class's
 * risk ratio are a linear map of the coefficients, so they form one multivariate
 * lognormal per from-state and destination.
 *
 * **Population.** Groups are the stock at the panel's last month by state, class and
 * months in the state (each month apart below the last band, the last band together); month 0 of the model is that month. Inflow is the citizens first seen
 * after the panel's first month, per month, by first state and class, a Gamma(n + ½, 1/T)
 * rate. Classes other than the reference hold their rows through an intervention
 * `rates/<class>` allocated to all of the class (scenario `fitted`), so `--by group` splits
 * the results by class. The model holds only counts and rates: no citizen's id.
 * @module
 */
import { ForlobInputError } from '../model/errors.js';
import { formatMonth } from '../model/dates.js';
import type { ModelInput, UncertainNumber } from '../params/input.js';
import type { JointDistribution } from '../params/joint.js';
import type { Panel } from './panel.js';
import { poissonRegression } from './poisson.js';

/** Options of {@link fitModel}. */
export interface FitOptions {
  /** Duration band starts in months of the clock, ascending from 0 (default `[0]`: no duration dependence). */
  bands?: readonly number[];
  /**
   * The bands' clock: `state` (default), months since entering the current state; `benefit`,
   * months on benefit so far (every month in a benefit-kind state counts, before and after
   * spells off benefit), the model's `duration.clock` of the same name.
   */
  clock?: 'state' | 'benefit';
  /** Panel columns whose classes split the population (default: the map's group column, if any). */
  classes?: readonly string[];
  /** Fit rates by Poisson regression on these class columns (main effects) rather than per class. */
  regression?: boolean;
  /** Months the fitted model simulates (default 36). */
  horizonMonths?: number;
  /** The fitted model's name. */
  name?: string;
  /** Use the panel only up to this month index (inclusive; default its last): for back-tests. */
  untilMonth?: number;
}

/** Events and exposure of one class, from-state and duration band. */
export interface RateCell {
  /** Class label ("" with no classes). */
  class: string;
  /** From-state id. */
  from: string;
  /** Band index. */
  band: number;
  /** Citizen-months at risk. */
  exposure: number;
  /** Moves by destination state id (staying left out). */
  events: Record<string, number>;
}

/** One fitted coefficient. */
export interface Coefficient {
  /** `(intercept)`, `band <start>`, or `<column>=<level>`. */
  name: string;
  /** Estimate (log scale). */
  estimate: number;
  /** Standard error. */
  se: number;
}

/** One Poisson regression: a from-state's moves to one destination (or all its exits). */
export interface Regression {
  /** From-state id. */
  from: string;
  /** Destination state id, or `(any exit)` for the duration model. */
  to: string;
  /** The coefficients, log scale. */
  coefficients: Coefficient[];
}

/** The part of the panel used. */
export interface PanelSpan {
  /** Citizens seen. */
  citizens: number;
  /** Months used. */
  months: number;
  /** First month, `YYYY-MM`. */
  first: string;
  /** Last month used, `YYYY-MM`: month 0 of the fitted model. */
  last: string;
}

/** What was estimated, beside the model: the counts, the regressions and any warnings. */
export interface FitEstimates {
  /** Occurrence/exposure per class, from-state and band. */
  cells: RateCell[];
  /** The Poisson regressions: per from-state and destination (`to` = `"(any exit)"` for the duration model). */
  regressions: Regression[];
  /** Citizens, months and rows used. */
  panel: PanelSpan;
  /** Things the user should know (a band without exits, smoothing used). */
  warnings: string[];
}

/** The fitted model and its estimates. */
export interface FitResult {
  /** An ordinary model file, uncertain numbers as distributions. */
  model: ModelInput;
  /** The estimates behind it. */
  estimates: FitEstimates;
}

const PRIOR = 0.5;
const STAY = '(stay)';
const REFERENCE = '(reference)';

/**
 * Fit a model to a panel.
 *
 * @example
 * ```ts
 * const { panel } = readPanel(csv, map);
 * const { model } = fitModel(panel, { bands: [0, 6, 12] });
 * const result = await simulate(model, { replicates: 1000 });
 * ```
 */
export function fitModel(panel: Panel, options: FitOptions = {}): FitResult {
  const bands = [...(options.bands ?? [0])];
  if (bands[0] !== 0 || bands.some((b, i) => !Number.isInteger(b) || (i > 0 && b <= bands[i - 1])))
    throw new ForlobInputError([
      { path: 'bands', message: `expected whole months ascending from 0, got ${bands.join(',')}` },
    ]);
  const NB = bands.length;
  const S = panel.states.length;
  const ids = panel.states.map((s) => s.id);
  const T = Math.min(panel.months, (options.untilMonth ?? panel.months - 1) + 1);
  if (T < 2) throw new ForlobInputError([{ path: 'panel', message: 'expected at least two months to fit' }]);

  // Classes: the mixed-radix combination of the class columns' levels.
  const classNames = options.classes ?? [];
  const cols = classNames.map((name) => {
    const c = panel.columns.find((x) => x.name === name);
    if (!c)
      throw new ForlobInputError([
        {
          path: 'classes',
          message: `no column "${name}" in the panel (it has ${panel.columns.map((x) => x.name).join(', ') || 'none'})`,
        },
      ]);
    return c;
  });
  const C = cols.reduce((n, c) => n * c.levels.length, 1);
  const classLevels = (k: number) => {
    const out: number[] = [];
    for (let j = cols.length - 1; j >= 0; j--) {
      out.unshift(k % cols[j].levels.length);
      k = Math.floor(k / cols[j].levels.length);
    }
    return out;
  };
  const classLabel = (k: number) =>
    classLevels(k)
      .map((l, j) => cols[j].levels[l])
      .join('/');
  const classOf = (r: number) => {
    let k = 0;
    for (const c of cols) k = k * c.levels.length + c.codes[r];
    return k;
  };
  const bandOf = (ds: number) => {
    let b = 0;
    while (b + 1 < NB && ds >= bands[b + 1]) b++;
    return b;
  };

  // Occurrence/exposure per (class, from, band) and destination; the stock at the last month; inflow.
  const E = new Float64Array(C * S * NB);
  const N = new Float64Array(C * S * NB * S);
  const stock = new Map<number, number[]>();
  const inflow = new Float64Array(S * C);
  const { citizen, month, state } = panel;
  const n = citizen.length;
  const onBenefitClock = options.clock === 'benefit';
  const isBenefit = panel.states.map((st) => st.kind === 'benefit');
  let ds = 0;
  let known = false;
  let used = 0;
  let citizensSeen = 0;
  for (let r = 0; r < n; r++) {
    if (month[r] >= T) continue;
    const first = r === 0 || citizen[r] !== citizen[r - 1];
    if (first) {
      citizensSeen++;
      known = month[r] > 0;
      ds = 0;
      if (month[r] > 0) inflow[state[r] * C + classOf(r)]++;
    }
    used++;
    const s = state[r];
    const hasNext = r + 1 < n && citizen[r + 1] === citizen[r] && month[r + 1] < T;
    if (month[r] === T - 1) {
      const b = known ? bandOf(ds) : NB > 1 && ds >= bands[NB - 1] ? NB - 1 : bandOf(ds);
      const key = (s * C + classOf(r)) * NB + b;
      const list = stock.get(key);
      if (list) list.push(ds);
      else stock.set(key, [ds]);
    }
    if (!hasNext) continue;
    if (month[r + 1] === month[r] + 1) {
      const b = known || NB === 1 ? bandOf(ds) : ds >= bands[NB - 1] ? NB - 1 : -1;
      if (b >= 0) {
        const cell = (classOf(r) * S + s) * NB + b;
        E[cell]++;
        N[cell * S + state[r + 1]]++;
      }
      if (onBenefitClock) {
        // Months on benefit keep counting across spells off benefit. Only a newcomer's count is
        // known: a citizen already there in the first month may have months on benefit before.
        if (isBenefit[s]) ds++;
      } else if (state[r + 1] === s) ds++;
      else {
        ds = 0;
        known = true;
      }
    } else {
      // A gap: what happened in the missing months is unknown, so is the duration after it
      // (months on benefit before the gap still count: the clock is at least that).
      if (!onBenefitClock) ds = 0;
      known = false;
    }
  }

  const warnings: string[] = [];
  const cells: RateCell[] = [];
  for (let c = 0; c < C; c++)
    for (let s = 0; s < S; s++)
      for (let b = 0; b < NB; b++) {
        const cell = (c * S + s) * NB + b;
        if (E[cell] === 0) continue;
        const events: Record<string, number> = {};
        for (let d = 0; d < S; d++) if (d !== s && N[cell * S + d] > 0) events[ids[d]] = N[cell * S + d];
        cells.push({ class: classLabel(c), from: ids[s], band: b, exposure: E[cell], events });
      }

  // Design of the class columns as main effects: one indicator per non-reference level.
  const classDesign = (c: number) => {
    const lv = classLevels(c);
    const x: number[] = [];
    cols.forEach((col, j) => {
      for (let l = 1; l < col.levels.length; l++) x.push(lv[j] === l ? 1 : 0);
    });
    return x;
  };
  const classTerms = cols.flatMap((col) => col.levels.slice(1).map((l) => `${col.name}=${l}`));
  const regressions: FitEstimates['regressions'] = [];

  /** A Poisson regression of y(c, b) over the cells of from-state s; smoothed by ½ per cell when a term has no events. */
  const regress = (s: number, ref: number, y: (cell: number) => number, to: string) => {
    const others = bands.map((_, b) => b).filter((b) => b !== ref);
    const X: number[][] = [];
    const ys: number[] = [];
    const off: number[] = [];
    for (let c = 0; c < C; c++)
      for (let b = 0; b < NB; b++) {
        const cell = (c * S + s) * NB + b;
        if (E[cell] === 0) continue;
        X.push([1, ...others.map((o) => (b === o ? 1 : 0)), ...classDesign(c)]);
        ys.push(y(cell));
        off.push(Math.log(E[cell]));
      }
    const names = ['(intercept)', ...others.map((b) => `band ${bands[b]}`), ...classTerms];
    // Drop terms no cell carries (a level or band never seen from this state) and terms the
    // others already determine (a class seen only in one band): they stay at 0, aliased.
    const keep = independentColumns(X);
    names.forEach((name, j) => {
      if (!keep[j] && X.some((row) => row[j] !== 0))
        warnings.push(`${ids[s]} → ${to}: term ${name} is determined by the others in these data (left at 0)`);
    });
    const Xk = X.map((row) => row.filter((_, j) => keep[j]));
    let fit: ReturnType<typeof poissonRegression>;
    try {
      fit = poissonRegression(Xk, ys, off);
      if (!fit.converged) throw new RangeError('not converged');
    } catch {
      warnings.push(
        `${ids[s]} → ${to}: some band or class has no events; every cell got ½ event (a Jeffreys-like smoothing) so the regression has an estimate`,
      );
      fit = poissonRegression(
        Xk,
        ys.map((v) => v + 0.5),
        off,
      );
    }
    const full = {
      coef: new Array<number>(names.length).fill(0),
      cov: names.map(() => new Array<number>(names.length).fill(0)),
    };
    const idx = names.map((_, j) => keep.slice(0, j).filter(Boolean).length);
    names.forEach((_, j) => {
      if (!keep[j]) return;
      full.coef[j] = fit.coef[idx[j]];
      names.forEach((__, k) => {
        if (keep[k]) full.cov[j][k] = fit.cov[idx[j]][idx[k]];
      });
    });
    regressions.push({
      from: ids[s],
      to,
      coefficients: names.flatMap((name, j) =>
        keep[j] ? [{ name, estimate: full.coef[j], se: Math.sqrt(full.cov[j][j]) }] : [],
      ),
    });
    return full;
  };

  const parameters: Record<string, UncertainNumber | JointDistribution> = {};
  const transitions: Record<string, Record<string, UncertainNumber>> = {};
  const classRows: Record<string, Record<string, Record<string, UncertainNumber>>> = {};
  const classEffects: Record<string, Record<string, Record<string, { riskRatio: UncertainNumber }>>> = {};
  const hazardRatios: Record<string, UncertainNumber[]> = {};
  const sum = (f: (c: number) => number, classes: number[]) => classes.reduce((t, c) => t + f(c), 0);
  const allClasses = Array.from({ length: C }, (_, c) => c);

  /**
   * One class, duration bands: the row of the reference band and the other bands' hazard
   * ratios as one multivariate lognormal, so that each band's rates carry only that band's
   * own uncertainty. Each band's counts have their own posterior, independent of the other
   * bands': Dirichlet(counts + ½) (Jeffreys). The model writes a band's rates as the
   * reference row times a hazard ratio; drawing the ratio's uncertainty (which holds the
   * reference band's as well) independently of the row's would count the reference band's
   * uncertainty twice in every other band and tie the bands' rates together — the back-test's
   * intervals came out too wide (98 % for 95 %, bench/RESULTS.md). Here: log p_d of the
   * reference row have the Dirichlet's exact log-moments, E = ψ(α_d) − ψ(α₀), Cov =
   * ψ′(α_d)·δ − ψ′(α₀); band b's exit probability q_b is Beta(exits + ½·k, stays + ½) (the
   * Dirichlet of its own counts aggregated over the k destinations); and log HR_b = log h(q_b)
   * − log h(q_ref), h(q) = −log(1 − q), by the delta method, which carries the covariance
   * −g·Var(log q_ref) with every log p_d (q_ref = Σ p_d, and the shares among exits are
   * independent of q_ref). Null when a draw of the row could sum to more than 1 (exit
   * probabilities near 1 from few months): then the Dirichlet and separate ratios are used.
   */
  const bandedRow = (s: number, ref: number, dests: number[]) => {
    const cellOf = (b: number) => s * NB + b;
    const seen = dests.filter((d) => N[cellOf(ref) * S + d] > 0);
    if (seen.length === 0) return null;
    const e = E[cellOf(ref)];
    const counts = seen.map((d) => N[cellOf(ref) * S + d]);
    const alpha = [...counts.map((x) => x + PRIOR), e - counts.reduce((t, x) => t + x, 0) + PRIOR];
    const a0 = alpha.reduce((t, x) => t + x, 0);
    const A = a0 - alpha[alpha.length - 1];
    const K = seen.length;
    const logQ = (a: number, total: number) => ({
      mean: digamma(a) - digamma(total),
      v: trigamma(a) - trigamma(total),
    });
    // d log h / d log q = q / ((1 − q)·h(q)): about 1 + q/2 for monthly exit probabilities;
    // near q = 1 it explodes, so it is taken at q ≤ ½ at most (as the regression's ratios are).
    const g = (q: number) => {
      const qd = Math.min(q, 0.5);
      return qd > 0 ? qd / ((1 - qd) * -Math.log(1 - qd)) : 1;
    };
    const logH = (q: number) => Math.log(-Math.log(1 - Math.min(q, 0.999)));
    const r = logQ(A, a0);
    const qRef = Math.exp(r.mean);
    const gRef = g(qRef);
    const others = bands.map((_, b) => b).filter((b) => b !== ref && E[cellOf(b)] > 0);
    const mean = seen.map((_, k) => digamma(alpha[k]) - digamma(a0));
    const comps = [...seen.map((d) => ids[d]), ...others.map((b) => `band ${bands[b]}`)];
    const P = comps.length;
    const cov = Array.from({ length: P }, () => new Array<number>(P).fill(0));
    for (let j = 0; j < K; j++)
      for (let k = 0; k < K; k++) cov[j][k] = (j === k ? trigamma(alpha[j]) : 0) - trigamma(a0);
    const own: number[] = [];
    others.forEach((b, i) => {
      const x = dests.reduce((t, d) => t + N[cellOf(b) * S + d], 0);
      const qb = logQ(x + PRIOR * K, E[cellOf(b)] + PRIOR * (K + 1));
      const q = Math.exp(qb.mean);
      mean.push(logH(q) - logH(qRef));
      own.push(g(q) ** 2 * qb.v);
      for (let k = 0; k < K; k++) cov[K + i][k] = cov[k][K + i] = -gRef * r.v;
    });
    for (let i = 0; i < others.length; i++)
      for (let j = 0; j < others.length; j++) cov[K + i][K + j] = gRef ** 2 * r.v + (i === j ? own[i] : 0);

    // A draw of the row must not sum past 1: five standard deviations of every component.
    if (seen.reduce((t, _, k) => t + Math.exp(mean[k] + 5 * Math.sqrt(cov[k][k])), 0) >= 1) return null;
    const dist: JointDistribution = {
      dist: 'mvnormal',
      components: comps,
      mean,
      covariance: cov,
      log: true,
      label: `monthly moves from ${ids[s]} in the band from ${bands[ref]} months, and the hazard ratios of the other bands against it`,
      source: `fitted: ${e} citizen-months at risk in the reference band; each band's counts Dirichlet(counts + ½)`,
    };
    return { dist, seen, others };
  };

  for (let s = 0; s < S; s++) {
    // The reference band, whose row the model holds and the other bands scale: the one with
    // the most months at risk (a state whose spells mostly ran before the panel began has
    // few in band 0, and a row of zeros there could not be scaled).
    const atRisk = bands.map((_, b) => sum((c) => E[(c * S + s) * NB + b], allClasses));
    const ref = atRisk.indexOf(Math.max(...atRisk));
    if (atRisk[ref] === 0) continue;
    const exposure0 = (c: number) => E[(c * S + s) * NB + ref];
    const events0 = (c: number, d: number) => N[((c * S + s) * NB + ref) * S + d];
    const pooledE = sum(exposure0, allClasses);
    const dests = ids
      .map((_, d) => d)
      .filter((d) => d !== s && sum((c) => sumBands(N, c, s, d, S, NB), allClasses) > 0);
    if (dests.length === 0) continue;

    const joint = !options.regression && C === 1 && NB > 1 ? bandedRow(s, ref, dests) : null;
    if (joint) {
      const name = `rows/${ids[s]}`;
      parameters[name] = joint.dist;
      transitions[ids[s]] = Object.fromEntries(joint.seen.map((d) => [ids[d], { param: name, component: ids[d] }]));
      // A band without months at risk has no estimate; it keeps the reference band's rates.
      hazardRatios[ids[s]] = bands.map((b, i) =>
        joint.others.includes(i) ? { param: name, component: `band ${b}` } : 1,
      );
    } else if (!options.regression) {
      // A Dirichlet per class (and one pooled, for the baseline), from the reference band.
      const dirichlet = (classes: number[], name: string): Record<string, UncertainNumber> | null => {
        const e = sum(exposure0, classes);
        if (e === 0) return null;
        const seen = dests.filter((d) => sum((c) => events0(c, d), classes) > 0);
        if (seen.length === 0) return {};
        const counts = seen.map((d) => sum((c) => events0(c, d), classes));
        const stay = e - counts.reduce((t, x) => t + x, 0);
        parameters[name] = {
          dist: 'dirichlet',
          components: [...seen.map((d) => ids[d]), STAY],
          alpha: [...counts.map((x) => x + PRIOR), stay + PRIOR],
          label: `monthly moves from ${ids[s]}${classes.length === 1 && C > 1 ? ` (${classLabel(classes[0])})` : ''}`,
          source: `fitted: ${e} citizen-months at risk`,
        };
        return Object.fromEntries(seen.map((d) => [ids[d], { param: name, component: ids[d] }]));
      };
      const pooled = dirichlet(allClasses, `rows/${ids[s]}`);
      if (pooled) transitions[ids[s]] = pooled;
      if (C > 1)
        for (let c = 0; c < C; c++) {
          const row = dirichlet([c], `rows/${ids[s]}/${classLabel(c)}`);
          if (row) entry(classRows, classLabel(c))[ids[s]] = row;
        }
    } else {
      for (const d of dests) {
        const fit = regress(s, ref, (cell) => N[cell * S + d], ids[d]);
        // Components: the reference class's rate in the reference band, then each other class's risk ratio.
        const p = fit.coef.length;
        const rowsA: number[][] = [];
        const comps: string[] = [REFERENCE];
        const e0 = new Array<number>(p).fill(0);
        e0[0] = 1;
        rowsA.push(e0);
        for (let c = 1; c < C; c++) {
          comps.push(classLabel(c));
          rowsA.push([0, ...bands.slice(1).map(() => 0), ...classDesign(c)]);
        }
        const mean = rowsA.map((a) => a.reduce((t, x, j) => t + x * fit.coef[j], 0));
        const cov = rowsA.map((a) => rowsA.map((b) => quad(a, fit.cov, b)));
        const name = `rates/${ids[s]}/${ids[d]}`;
        parameters[name] = {
          dist: 'mvnormal',
          components: comps,
          mean,
          covariance: cov,
          log: true,
          label: `monthly rate ${ids[s]} → ${ids[d]}: reference class, and each class's risk ratio`,
          source: 'fitted: Poisson regression with log exposure as offset',
        };
        entry(transitions, ids[s])[ids[d]] = { param: name, component: REFERENCE };
        for (let c = 1; c < C; c++)
          entry(entry(classEffects, classLabel(c)), ids[s])[ids[d]] = {
            riskRatio: { param: name, component: classLabel(c) },
          };
      }
    }

    if (NB > 1 && joint) {
      // The model takes its ratios from the joint row; the regression is reported beside it.
      regress(s, ref, (cell) => dests.reduce((t, d) => t + N[cell * S + d], 0), '(any exit)');
    } else if (NB > 1) {
      // Duration: all exits on class and band; risk ratios of the bands turned into the
      // engine's hazard ratios at the pooled exit probability of the reference band.
      const fit = regress(s, ref, (cell) => dests.reduce((t, d) => t + N[cell * S + d], 0), '(any exit)');
      const p0 = Math.min(
        0.999,
        dests.reduce((t, d) => t + sum((c) => events0(c, d), allClasses), 0) / Math.max(1, pooledE),
      );
      const h0 = -Math.log(1 - p0);
      const others = bands.map((_, b) => b).filter((b) => b !== ref);
      const comps = others.map((b) => String(bands[b]));
      const mean: number[] = [];
      const g: number[] = [];
      for (let k = 1; k <= others.length; k++) {
        const q = Math.min(0.999, Math.exp(fit.coef[k]) * p0);
        const h = -Math.log(1 - q);
        mean.push(h0 > 0 ? Math.log(h / h0) : fit.coef[k]);
        // d log h / d β: the hazard ratio's spread from the risk ratio's (delta method). It
        // is about 1 + q/2 for the usual monthly exit probabilities; near q = 1 (a band of a
        // few months, all of them exits) it explodes, so it is taken at q ≤ ½ at most.
        const qd = Math.min(q, 0.5);
        g.push(qd > 0 ? qd / ((1 - qd) * -Math.log(1 - qd)) : 1);
      }
      const cov = comps.map((_, i) => comps.map((__, j) => g[i] * g[j] * fit.cov[i + 1][j + 1]));
      const name = `duration/${ids[s]}`;
      parameters[name] = {
        dist: 'mvnormal',
        components: comps,
        mean,
        covariance: cov,
        log: true,
        label: `hazard ratio of leaving ${ids[s]} by months in the state: bands from ${comps.join(', ')} against the band from ${bands[ref]}`,
        source: 'fitted: Poisson regression of all exits on class and band with log exposure as offset',
      };
      hazardRatios[ids[s]] = bands.map((b, i) => (i === ref ? 1 : { param: name, component: String(b) }));
    }
  }

  // Groups: the stock at the last month by state, class and months in the state — each
  // month apart below the last band, so the model moves them into the next band when the
  // data would; the last band as one group. Inflow joins the group at 0 months.
  const groups: NonNullable<ModelInput['groups']> = [];
  const classOfGroup = new Map<string, number>();
  const months = T - 1;
  const lastBand = NB > 1 ? bands[NB - 1] : 0;
  for (let s = 0; s < S; s++)
    for (let c = 0; c < C; c++) {
      const durations: number[] = [];
      for (let b = 0; b < NB; b++) durations.push(...(stock.get((s * C + c) * NB + b) ?? []));
      const arrivals = inflow[s * C + c];
      const bySpell = new Map<number, number>();
      for (const d of durations) {
        const key = NB > 1 ? Math.min(d, lastBand) : 0;
        bySpell.set(key, (bySpell.get(key) ?? 0) + 1);
      }
      if (arrivals > 0 && !bySpell.has(0)) bySpell.set(0, 0);
      for (const d of [...bySpell.keys()].sort((x, y) => x - y)) {
        const id = [
          ids[s],
          ...(C > 1 ? [classLabel(c)] : []),
          ...(NB > 1 ? [`d${d}${d === lastBand ? '+' : ''}`] : []),
        ].join('/');
        classOfGroup.set(id, c);
        groups.push({
          id,
          size: bySpell.get(d)!,
          initialState: ids[s],
          ...(d > 0 ? (onBenefitClock ? { priorBenefitMonths: d } : { initialDurationMonths: d }) : {}),
          ...(cols.length
            ? { classes: Object.fromEntries(cols.map((col, j) => [col.name, col.levels[classLevels(c)[j]]])) }
            : {}),
          ...(arrivals > 0 && d === 0
            ? {
                inflow: {
                  perMonth: {
                    dist: 'gamma',
                    shape: arrivals + PRIOR,
                    scale: 1 / months,
                    label: `newcomers a month into ${ids[s]}${C > 1 ? ` (${classLabel(c)})` : ''}`,
                    source: `fitted: ${arrivals} citizens first seen in ${months} months`,
                  },
                },
              }
            : {}),
        });
      }
    }
  if (groups.length === 0)
    throw new ForlobInputError([{ path: 'panel', message: 'no citizen in the last month to start from' }]);

  const interventions: NonNullable<ModelInput['interventions']> = [];
  const allocation: Record<string, Record<string, number>> = {};
  if (C > 1)
    for (let c = 0; c < C; c++) {
      const label = classLabel(c);
      const rows = classRows[label];
      const effects = classEffects[label];
      if (!rows && !effects) continue;
      const id = `rates/${label}`;
      interventions.push({
        id,
        label: `the fitted rates of class ${label}`,
        ...(rows ? { transitions: rows } : {}),
        ...(effects ? { effects } : {}),
      });
      for (const g of groups) if (classOfGroup.get(g.id) === c) allocation[g.id] = { [id]: 1 };
    }

  const first = formatMonth(panel.firstMonth);
  const last = formatMonth(panel.firstMonth + T - 1);
  const model: ModelInput = {
    name: options.name ?? `Fitted to a register panel, ${first} to ${last}`,
    description: `Rates estimated from ${citizensSeen} citizens' months ${first} to ${last} (${used} citizen-months); month 0 is ${last}, the stock then. Only counts and rates: no citizen's data.`,
    horizonMonths: options.horizonMonths ?? 36,
    start: last,
    states: panel.states.map((s) => ({
      id: s.id,
      kind: s.kind,
      ...(s.monthlyTransfer !== undefined ? { monthlyTransfer: s.monthlyTransfer } : {}),
      ...(s.label !== undefined ? { label: s.label } : {}),
    })),
    ...(Object.keys(parameters).length ? { parameters } : {}),
    transitions,
    ...(NB > 1 && Object.keys(hazardRatios).length
      ? { duration: { clock: onBenefitClock ? ('benefit' as const) : ('state' as const), bands, hazardRatios } }
      : {}),
    groups,
    ...(interventions.length ? { interventions } : {}),
    scenarios: [{ id: 'fitted', label: 'the fitted rates', ...(interventions.length ? { allocation } : {}) }],
  };
  return {
    model,
    estimates: {
      cells,
      regressions,
      panel: { citizens: citizensSeen, months: T, first, last },
      warnings,
    },
  };
}

/**
 * Which columns of X to keep so the kept ones are linearly independent: each in turn is kept
 * when its part orthogonal to the columns kept before it is not (nearly) zero — a Cholesky
 * of XᵀX that skips zero pivots.
 */
function independentColumns(X: readonly (readonly number[])[]): boolean[] {
  const p = X.length ? X[0].length : 0;
  const G = Array.from({ length: p }, (_, j) =>
    Array.from({ length: p }, (__, k) => X.reduce((t, row) => t + row[j] * row[k], 0)),
  );
  const L = Array.from({ length: p }, () => new Array<number>(p).fill(0));
  const keep = new Array<boolean>(p).fill(false);
  for (let j = 0; j < p; j++) {
    let d = G[j][j];
    for (let k = 0; k < j; k++) if (keep[k]) d -= L[j][k] * L[j][k];
    if (!(d > 1e-9 * Math.max(1, G[j][j]))) continue;
    keep[j] = true;
    const ljj = Math.sqrt(d);
    L[j][j] = ljj;
    for (let i = j + 1; i < p; i++) {
      let t = G[i][j];
      for (let k = 0; k < j; k++) if (keep[k]) t -= L[i][k] * L[j][k];
      L[i][j] = t / ljj;
    }
  }
  return keep;
}

/** The object at `key` of `record`, made empty when missing. */
function entry<T>(record: Record<string, Record<string, T>>, key: string): Record<string, T> {
  if (!Object.hasOwn(record, key)) record[key] = {};
  return record[key];
}

/** Moves from s to d of class c over all bands. */
function sumBands(N: Float64Array, c: number, s: number, d: number, S: number, NB: number): number {
  let t = 0;
  for (let b = 0; b < NB; b++) t += N[((c * S + s) * NB + b) * S + d];
  return t;
}

/** ψ(x), the digamma function, for x > 0: recurrence up to 6, then the asymptotic series. */
function digamma(x: number): number {
  let r = 0;
  for (; x < 6; x++) r -= 1 / x;
  const f = 1 / (x * x);
  return r + Math.log(x) - 0.5 / x - f * (1 / 12 - f * (1 / 120 - f * (1 / 252 - f * (1 / 240 - f / 132))));
}

/** ψ′(x), the trigamma function, for x > 0: recurrence up to 6, then the asymptotic series. */
function trigamma(x: number): number {
  let r = 0;
  for (; x < 6; x++) r += 1 / (x * x);
  const f = 1 / (x * x);
  return r + 1 / x + f / 2 + (f / x) * (1 / 6 - f * (1 / 30 - f * (1 / 42 - f / 30)));
}

/** aᵀ M b. */
function quad(a: readonly number[], M: readonly (readonly number[])[], b: readonly number[]): number {
  let t = 0;
  for (let i = 0; i < a.length; i++) {
    if (a[i] === 0) continue;
    for (let j = 0; j < b.length; j++) t += a[i] * M[i][j] * b[j];
  }
  return t;
}
