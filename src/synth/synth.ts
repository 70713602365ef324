/**
 * Synthetic registers: a monthly panel drawn from a known model, so tests, notebooks and new
 * users have realistic data without personal data. Every citizen of one scenario (the first
 * by default) is followed month by month on the compiled model's rows — their group's
 * intervention, readiness class, calendar period and duration band — exactly as the engine
 * moves them: in a state for the month, then to the row's destination at its end. Inflow
 * arrives as the model says. Uncertain numbers are held at their means.
 * @module
 */
import { compileModel } from '../compile/compile.js';
import { KIND_BENEFIT } from '../compile/compiled.js';
import { ForlobInputError } from '../model/errors.js';
import { monthSerial } from '../model/dates.js';
import type { Panel, PanelColumn, StateMap } from '../fit/panel.js';
import { planUncertainty } from '../evidence/plan.js';
import type { ModelInput } from '../params/input.js';
import { citizenStream, replicateKeys } from '../random/streams.js';

/** Options of {@link synthPanel}. */
export interface SynthOptions {
  /** Months of panel (default the model's horizon); it becomes the simulated horizon. */
  months?: number;
  /** Seed, any string (default `1`). */
  seed?: string;
  /** The scenario whose allocation the citizens follow (default the first). */
  scenario?: string;
  /** Calendar month of the panel's first month (default the model's `start`, else `2020-01`). */
  start?: string;
  /**
   * Covariate columns made from the citizens' groups: column name → group id → value. A
   * `group` column holding each citizen's group id is always written.
   */
  columns?: Readonly<Record<string, Readonly<Record<string, string>>>>;
}

/** The state map of a model: each state's id as its one code (so a synthetic panel maps to itself). */
export function identityStateMap(model: ModelInput): StateMap {
  return {
    states: model.states.map((s) => ({
      id: s.id,
      kind: s.kind,
      codes: [s.id],
      ...(typeof s.monthlyTransfer === 'number' ? { monthlyTransfer: s.monthlyTransfer } : {}),
      ...(s.label !== undefined ? { label: s.label } : {}),
    })),
  };
}

/**
 * Draw a monthly panel from `model`. Citizens of the initial groups are in the panel from
 * its first month, those of the inflow from their arrival; everyone stays to the end.
 *
 * @example
 * ```ts
 * const panel = synthPanel(model, { months: 48, seed: '7' });
 * for (const chunk of panelToCSV(panel)) process.stdout.write(chunk);
 * ```
 */
export function synthPanel(model: ModelInput, options: SynthOptions = {}, map?: StateMap): Panel {
  const months = options.months ?? (typeof model.horizonMonths === 'number' ? model.horizonMonths : 0);
  const start = options.start ?? (typeof model.start === 'string' ? model.start : '2020-01');
  const plan = planUncertainty({ ...model, horizonMonths: months });
  const cm = compileModel(plan.point);
  const scenarioIndex =
    options.scenario === undefined ? 0 : plan.point.scenarios.findIndex((s) => s.id === options.scenario);
  if (scenarioIndex < 0)
    throw new ForlobInputError([
      {
        path: 'options.scenario',
        message: `unknown scenario "${options.scenario}" (expected one of ${plan.point.scenarios.map((s) => s.id).join(', ')})`,
      },
    ]);
  const stateMap = map ?? identityStateMap(plan.point as ModelInput);
  const stateOf = plan.point.states.map((s) => {
    const i = stateMap.states.findIndex((m) => m.id === s.id);
    if (i < 0) throw new ForlobInputError([{ path: 'states', message: `state "${s.id}" is not in the state map` }]);
    return i;
  });
  const baseGroup = cm.groupIds.map((g) => g.replace(/:inflow$/, ''));
  const groupNames = [...new Set(baseGroup)];
  const colNames = ['group', ...Object.keys(options.columns ?? {}).filter((c) => c !== 'group')];
  const columns: PanelColumn[] = colNames.map((name) => {
    const values = name === 'group' ? groupNames : groupNames.map((g) => options.columns?.[name]?.[g] ?? '');
    const levels = [...new Set(values)];
    return { name, levels, codes: new Int32Array(0) };
  });
  const levelOf = colNames.map((name, k) => {
    const byGroup = new Map(
      groupNames.map((g) => [
        g,
        columns[k].levels.indexOf(name === 'group' ? g : (options.columns?.[name]?.[g] ?? '')),
      ]),
    );
    return baseGroup.map((g) => byGroup.get(g)!);
  });

  const [k1, k2] = replicateKeys(options.seed ?? '1', 0);
  const { S, NP, NB, H, bandStart, clockBenefit, kind, leave, cum, lastDest } = cm;
  const rows = cm.scenarios[scenarioIndex].cohorts.reduce((n, c) => n + c.count * (H - c.start), 0);
  const citizen = new Int32Array(rows);
  const month = new Int32Array(rows);
  const state = new Int32Array(rows);
  const codes = colNames.map(() => new Int32Array(rows));
  let r = 0;
  let next = 0;
  for (const c of cm.scenarios[scenarioIndex].cohorts) {
    for (let i = 0; i < c.count; i++) {
      const rng = citizenStream(k1, k2, c.firstCitizen + i);
      const id = next++;
      let s = cm.groupInitial[c.group];
      let ds = cm.groupInitialDuration[c.group];
      let cb = cm.groupPrior[c.group];
      for (let t = c.start; t < H; t++) {
        citizen[r] = id;
        month[r] = t;
        state[r] = stateOf[s];
        for (let k = 0; k < codes.length; k++) codes[k][r] = levelOf[k][c.group];
        r++;
        let b = 0;
        const clock = clockBenefit ? cb : ds;
        while (b + 1 < NB && clock >= bandStart[b + 1]) b++;
        const row = ((c.rowArm * S + s) * NP + (NP > 1 ? cm.periodOf[t] : 0)) * NB + b;
        if (kind[s] === KIND_BENEFIT) cb++;
        const u = rng();
        if (u < leave[row]) {
          // Given a move, u is uniform on [0, leave): read against the cumulative destinations.
          let d = 0;
          while (d < S && u >= cum[row * S + d]) d++;
          s = d === S ? lastDest[row] : d;
          ds = 0;
        } else ds++;
      }
    }
  }
  for (let k = 0; k < codes.length; k++) columns[k].codes = codes[k];
  // Rows are in citizen order already, each citizen's months ascending.
  return {
    firstMonth: monthSerial(start, 'options.start'),
    months: H,
    states: stateMap.states,
    citizens: next,
    citizen,
    month,
    state,
    columns,
  };
}
