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
 * the steering's bookkeeping and review, loop.ts the month loop.
 * @module
 */
import type { CompiledModel, CompiledScenario } from '../../compile/compile.js';
import type { SteeringRuleFn } from '../../model/steering-rule.js';
import { type Accumulator, createSpan, settlePeriods, type Tracks } from '../kernel.js';
import { createCapacity } from './capacity.js';
import { type Lockstep, runMonths } from './loop.js';
import { arrivalsOf, createPopulation } from './population.js';
import { createSteering } from './review.js';

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
  const pop = createPopulation(cm, sc);
  const L: Lockstep = {
    cm,
    sc,
    k1,
    k2,
    acc,
    tracks,
    pop,
    cap: createCapacity(cm, pop, acc, tracks),
    steer: createSteering(cm, sc, pop.N, k1, k2, custom, replicate),
    arrivals: arrivalsOf(cm, sc),
    span: createSpan(),
    shares,
    shareOffset,
  };
  runMonths(L);
  settlePeriods(cm, acc);
}
