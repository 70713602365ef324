/**
 * The lockstep engine: the whole population of one scenario advanced month by month, for
 * what the per-citizen engine (`per-citizen.ts`) cannot see — the population's state. It
 * runs scenarios with portfolio steering (a rule reviewed every quarter that moves
 * citizens into or out of the active intervention) and capacities that change over time
 * (first come, first served across all groups, places counted month by month).
 *
 * Every citizen keeps its own random stream and draws in the same order as in the
 * per-citizen engine, through the same kernel (`kernel.ts`): a geometric stay, then a
 * destination. So a scenario whose steering never moves anybody, with no capacity
 * binding, gives every citizen the same path in both engines (integer counts equal; money
 * sums equal up to the order of floating-point additions). A stay is cut where the
 * citizen's rows change mid-stay (admission from a queue, a move by the steering); by
 * memorylessness the rest is drawn afresh. A model with many calendar steps
 * (`cm.invertPeriods`) draws its stays across them, as the per-citizen engine does.
 *
 * population.ts holds the citizens' state, capacity.ts the places and queues, review.ts
 * the steering's bookkeeping and review, loop.ts the month loop, stays.ts the stay
 * lengths looked up by draw. Where the month loop is hot it keeps marked inline copies of
 * its own close() and open() and of the kernel's functions, as the per-citizen engine
 * does (bench/RESULTS.md, issue 17 item 3).
 * @module
 */
import type { CompiledModel, CompiledScenario } from '../../compile/compile.js';
import type { SteeringRuleFn } from '../../model/steering-rule.js';
import { type Accumulator, settlePeriods, stayThresholds, type Tracks } from '../kernel.js';
import { type Capacity, createCapacity } from './capacity.js';
import { type Lockstep, runMonths } from './loop.js';
import { arrivalsOf, createPopulation, type Population } from './population.js';
import { createSteering, type SteeringRun } from './review.js';
import { stayTables } from './stays.js';

export type { SteeringRuleFn, SteeringState } from '../../model/steering-rule.js';

/**
 * Run one scenario of one replicate month by month, adding into `acc` and `tracks`
 * exactly as the per-citizen engine does. With steering, `shares[shareOffset + t]`
 * receives the share in force in month t; `custom` is the scenario's custom steering
 * rule, told the `replicate` number.
 */
export function simulateScenarioLockstep(
  cm: CompiledModel,
  sc: CompiledScenario,
  k1: number,
  k2: number,
  acc: Accumulator,
  tracks: Tracks | null,
  shares: Float64Array | null = null,
  shareOffset = 0,
  custom: SteeringRuleFn | null = null,
  replicate = 0,
): void {
  // The arrays of the previous call, unless it is still running (a custom rule that runs a
  // simulation of its own): one run goes through many scenarios and replicates.
  const mine = spare;
  spare = null;
  const pop = createPopulation(cm, sc, mine?.pop ?? null);
  const cap = createCapacity(cm, pop, acc, tracks, mine?.cap ?? null);
  const steer = createSteering(cm, sc, pop.N, k1, k2, custom, replicate, mine?.steer ?? null);
  const L: Lockstep = {
    cm,
    sc,
    k1,
    k2,
    acc,
    tracks,
    pop,
    cap,
    steer,
    arrivals: arrivalsOf(cm, sc),
    thr: stayThresholds(cm),
    tables: stayTables(cm),
    shares,
    shareOffset,
  };
  runMonths(L);
  settlePeriods(cm, acc);
  spare = { pop, cap, steer: steer ?? mine?.steer ?? null };
}

/** The arrays a finished call leaves for the next (null while a call runs). */
let spare: { pop: Population; cap: Capacity; steer: SteeringRun | null } | null = null;
