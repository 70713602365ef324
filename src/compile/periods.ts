/**
 * Calendar periods: a model with dated steps (its reform calendar) becomes one model per
 * period, each the model as it stands from that period's first month. Periods are the
 * compiler's business; the engine only sees rows that change at known months.
 * @module
 */
import type { NormalisedModel } from '../model/normalise.js';
import { stepMonth } from '../model/dates.js';

/** The periods of a model: first months (the first is 0), the model in force, and availability. */
export interface Periods {
  /** First month of each period, ascending, starting with 0. */
  starts: number[];
  /** The model as it stands in each period. */
  models: NormalisedModel[];
  /** unavailable[p]: interventions new citizens cannot get in period p. */
  unavailable: Set<string>[];
}

/** Split a model at its calendar steps. */
export function periods(model: NormalisedModel): Periods {
  const steps = model.calendar
    .map((step) => ({ step, month: stepMonth(model, step.from) }))
    .filter((s) => s.month < model.horizonMonths)
    .sort((a, b) => a.month - b.month);
  const starts = [0, ...new Set(steps.map((s) => s.month))];
  const models: NormalisedModel[] = [];
  const unavailable: Set<string>[] = [];
  let current: NormalisedModel = { ...model, calendar: [] };
  let closed = new Set<string>();
  const kept: number[] = [];
  for (const start of starts) {
    for (const { step, month } of steps) {
      if (month !== start) continue;
      // Copy on write rather than structuredClone per step: a model of monthly steps (a life
      // table) cloned its whole model per period, the most of the calendar's fixed cost.
      // Period models share what a step leaves alone; nothing downstream writes to them.
      current = { ...current };
      closed = new Set(closed);
      if (step.transitions) {
        current.transitions = { ...current.transitions, ...step.transitions };
        // A dated row for a calibrated state replaces the calibrated one.
        const calibrated = Object.keys(step.transitions).filter((from) => from in current.calibration);
        if (calibrated.length > 0) {
          current.calibration = { ...current.calibration };
          for (const from of calibrated) delete current.calibration[from];
        }
      }
      for (const [sid, change] of Object.entries(step.states ?? {})) {
        const i = current.states.findIndex((x) => x.id === sid);
        const st = { ...current.states[i] };
        current.states = current.states.slice();
        current.states[i] = st;
        if (change.monthlyTransfer !== undefined) st.monthlyTransfer = change.monthlyTransfer;
        if (change.flows) st.flows = change.flows;
      }
      for (const [ivId, change] of Object.entries(step.interventions ?? {})) {
        const i = current.interventions.findIndex((x) => x.id === ivId);
        const iv = { ...current.interventions[i] };
        current.interventions = current.interventions.slice();
        current.interventions[i] = iv;
        if (change.transitions) iv.transitions = { ...(iv.transitions ?? {}), ...change.transitions };
        if (change.effects) iv.effects = change.effects;
        if (change.flows) iv.flows = change.flows;
        if (change.monthlyCost !== undefined) {
          iv.monthlyCost = change.monthlyCost;
          delete iv.staffing;
        }
        if (change.capacity) {
          // Caseworkers without a caseload keep the old caseload, and vice versa.
          const cap = { ...iv.capacity!, ...change.capacity };
          if (change.capacity.places !== undefined) {
            delete cap.caseworkers;
            delete cap.caseload;
          } else delete cap.places;
          iv.capacity = cap;
        }
        if (change.available === false) closed.add(ivId);
        if (change.available === true) closed.delete(ivId);
      }
    }
    // A step that changes nothing makes no new period, so stays are not cut for nothing.
    const last = models.length - 1;
    if (last >= 0 && sameJSON(models[last], current) && [...unavailable[last]].join() === [...closed].join()) continue;
    models.push(current);
    unavailable.push(closed);
    kept.push(start);
  }
  return { starts: kept, models, unavailable };
}

/**
 * JSON.stringify(a) === JSON.stringify(b) for two period models, field by field: a field
 * a step left alone is the same object in both and is not written out (the whole model
 * written out twice per period was the rest of the calendar's fixed cost).
 */
function sameJSON(a: NormalisedModel, b: NormalisedModel): boolean {
  const keys = Object.keys(a);
  if (keys.join('\0') !== Object.keys(b).join('\0')) return JSON.stringify(a) === JSON.stringify(b);
  const x = a as unknown as Record<string, unknown>;
  const y = b as unknown as Record<string, unknown>;
  return keys.every((k) => x[k] === y[k] || JSON.stringify(x[k]) === JSON.stringify(y[k]));
}
