/**
 * Resolution: every way the format lets a user state transition probabilities
 * (absolute rows, calibration targets, relative effects, duration bands) becomes one
 * numeric off-diagonal matrix per arm and duration band.
 * @module
 */
import { type CalibratedRow, type CalibrationTargets, calibrateRow } from '../calibrate/calibrate.js';
import type { NormalisedModel } from '../model/normalise.js';
import type { StateKind } from '../model/types.js';
import { applyHazardRatios, applyOddsRatio, checkRowSum } from './effects.js';

/** Resolved rows: p[((a·S + s)·NB + b)·S + d] is the monthly probability s → d. */
export interface ResolvedRows {
  /** Number of duration bands (1 without duration dependence). */
  NB: number;
  /** Off-diagonal probabilities per arm, state, band and destination. */
  p: Float64Array;
}

/**
 * Calibrated rows already computed, by calibration entry and what else a row depends on:
 * the period models of one compile share the entries their steps leave alone, so a
 * calendar calibrates each once rather than once per period.
 */
export type CalibrationCache = Map<object, Map<string, CalibratedRow>>;

/**
 * The model's baseline rows after calibration, as an S × S matrix (row-major); `cache`
 * shares calibrated rows between the period models of one compile.
 */
export function baselineMatrix(model: NormalisedModel, cache: CalibrationCache = new Map()): Float64Array {
  const ids = model.states.map((s) => s.id);
  const S = ids.length;
  const idx = new Map(ids.map((id, i) => [id, i]));
  const base = new Float64Array(S * S);
  for (const [from, row] of Object.entries(model.transitions)) {
    for (const [to, p] of Object.entries(row)) base[idx.get(from)! * S + idx.get(to)!] = p;
  }
  for (const [from, c] of Object.entries(model.calibration)) {
    const f = idx.get(from)!;
    const shares: Record<string, number> = { ...c.completedShares };
    const rest = 1 - Object.values(shares).reduce((a, b) => a + b, 0);
    if (c.otherExit && rest > 0) shares[c.otherExit] = (shares[c.otherExit] ?? 0) + rest;
    let paidHours: CalibrationTargets['paidHours'];
    if (c.paidHours) {
      const ph = idx.get(c.paidHours.state)!;
      const exits: Record<string, number> = {};
      ids.forEach((to, d) => {
        if (d !== f && base[ph * S + d] > 0) exits[to] = base[ph * S + d];
      });
      paidHours = { ...c.paidHours, backProbability: base[ph * S + f], exits };
    }
    let seen = cache.get(c);
    if (seen === undefined) {
      seen = new Map();
      cache.set(c, seen);
    }
    const key = `${from}\0${JSON.stringify(paidHours ?? null)}`;
    let row = seen.get(key);
    if (row === undefined) {
      row = calibrateRow(
        { shares, meanMonths: c.meanMonths, completion: c.completion, observedMonths: c.observedMonths, paidHours },
        `calibration.${from}`,
      );
      seen.set(key, row);
    }
    base.fill(0, f * S, f * S + S);
    for (const [to, p] of Object.entries(row)) base[f * S + idx.get(to)!] = p;
  }
  return base;
}

function destinations(key: string, ids: string[], kinds: StateKind[], from: number): number[] {
  if (key === '*') return ids.map((_, d) => d).filter((d) => d !== from);
  if (key.startsWith('@'))
    return kinds.map((k, d) => (k === key.slice(1) && d !== from ? d : -1)).filter((d) => d >= 0);
  return [ids.indexOf(key)];
}

/**
 * Resolve every arm's rows per duration band. Arm 0 is "no intervention". `cache` as in
 * {@link baselineMatrix}.
 */
export function resolveRows(model: NormalisedModel, cache: CalibrationCache = new Map()): ResolvedRows {
  const ids = model.states.map((s) => s.id);
  const kinds = model.states.map((s) => s.kind);
  const S = ids.length;
  const ivs = model.interventions;
  const A = ivs.length + 1;
  const NB = model.duration?.bands.length ?? 1;
  const base = baselineMatrix(model, cache);
  const p = new Float64Array(A * S * NB * S);
  const row = new Float64Array(S);
  const hr = new Float64Array(S);
  for (let a = 0; a < A; a++) {
    const iv = a > 0 ? ivs[a - 1] : undefined;
    for (let s = 0; s < S; s++) {
      row.set(base.subarray(s * S, s * S + S));
      const own = iv?.transitions?.[ids[s]];
      if (own) {
        row.fill(0);
        for (const [to, q] of Object.entries(own)) row[ids.indexOf(to)] = q;
      }
      const effects = iv?.effects?.[ids[s]];
      if (effects) {
        hr.fill(1);
        let anyHr = false;
        for (const [key, e] of Object.entries(effects)) {
          if (e.hazardRatio === undefined) continue;
          for (const d of destinations(key, ids, kinds, s)) hr[d] *= e.hazardRatio;
          anyHr = true;
        }
        if (anyHr) applyHazardRatios(row, hr);
        for (const [key, e] of Object.entries(effects)) {
          for (const d of destinations(key, ids, kinds, s)) {
            if (e.oddsRatio !== undefined) row[d] = applyOddsRatio(row[d], e.oddsRatio);
            if (e.riskRatio !== undefined) row[d] *= e.riskRatio;
          }
        }
        checkRowSum(row, `interventions[${a - 1}].effects.${ids[s]}`);
      }
      const bandHr = model.duration?.hazardRatios[ids[s]];
      for (let b = 0; b < NB; b++) {
        const out = p.subarray(((a * S + s) * NB + b) * S, ((a * S + s) * NB + b + 1) * S);
        out.set(row);
        if (bandHr && bandHr[b] !== 1) {
          hr.fill(bandHr[b]);
          applyHazardRatios(out, hr);
        }
      }
    }
  }
  return { NB, p };
}
