/**
 * `forlob/presets`: the built-in models as data — the Randers 2025 and Gladsaxe 2026 cases
 * (ready to run through {@link presets}, or rebuilt with other assumptions by
 * {@link randersModel} and {@link gladsaxeModel}) — and the Danish rates they use, each
 * with its year and source. Browser-safe like `forlob`, which also exports `presets` and
 * `getPreset`.
 *
 * @example
 * ```ts
 * import { simulate } from 'forlob';
 * import { randersModel, randersEffectMedians } from 'forlob/presets';
 * const bolder = randersModel({ fsm4Effect: randersEffectMedians().fsm4Effect.median * 1.2 });
 * const result = await simulate(bolder, { replicates: 200 });
 * ```
 * @module
 */
export { presets, getPreset, type Preset } from './presets/index.js';
export {
  randersModel,
  randersEffectMedians,
  RANDERS_ASSUMPTIONS,
  type RandersAssumptions,
  type RandersEffect,
  type RandersEffectPrior,
} from './presets/randers-2025.js';
export {
  gladsaxeModel,
  gladsaxeEffects,
  GLADSAXE_ASSUMPTIONS,
  extensionCost,
  type GladsaxeAssumptions,
  type GladsaxeEffect,
} from './presets/gladsaxe-2026.js';
export {
  DK_RATES,
  REFUSION_DK,
  REFUSION_DK_2016,
  CASEWORKER_ANNUAL_COST,
  type Rate,
  type DkRateName,
  type Sourced,
  type Amount,
} from './presets/rates.js';
