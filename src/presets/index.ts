/**
 * The built-in presets: the cases of the committee papers as ready-to-run models.
 * @module
 */
import type { Model } from '../model/types.js';
import type { ModelInput } from '../params/input.js';
import { gladsaxe2026, gladsaxe2026Closed, gladsaxeTranslations } from './gladsaxe-2026.js';
import { randers2025, randersTranslations } from './randers-2025.js';

/** A built-in model with a one-line description. */
export interface Preset {
  /** The id used on the command line (`forlob run <id>`). */
  id: string;
  /** One line saying what the preset is. */
  summary: string;
  /** The model, as a model file would hold it. */
  model: ModelInput;
  /**
   * The model's words in other languages (a model's `translations`), kept beside it so the
   * model's results stay as they were; a Danish report reads them with
   * `{ ...preset.model, translations: preset.translations }` (the CLI does this).
   */
  translations?: Model['translations'];
}

/**
 * Every built-in preset by id.
 *
 * @example
 * ```ts
 * import { presets, simulate } from 'forlob';
 * const result = await simulate(presets['randers-2025'].model, { replicates: 200 });
 * ```
 */
export const presets: Readonly<Record<string, Preset>> = {
  'randers-2025': {
    id: 'randers-2025',
    summary:
      'Randers 2025: 1,343 vulnerable unemployed — today vs. legal minimum vs. higher job focus, and today with portfolio steering (36 months)',
    model: randers2025,
    translations: randersTranslations,
  },
  'gladsaxe-2026': {
    id: 'gladsaxe-2026',
    summary:
      'Gladsaxe 2026: does each part of the 10 mio. DKK caseworker pool pay for itself? ~800 on kontanthjælp (250 in IPS) + 2,000 on dagpenge/sygedagpenge and newcomers (48 months)',
    model: gladsaxe2026,
    translations: gladsaxeTranslations(),
  },
  'gladsaxe-2026-closed': {
    id: 'gladsaxe-2026-closed',
    summary:
      "Gladsaxe 2026 read as the committee paper's closed stock: today's recipients only, nobody new (48 months)",
    model: gladsaxe2026Closed,
    translations: gladsaxeTranslations({ closedStock: true }),
  },
};

/**
 * A deep copy of a preset's model, safe to edit; throws if the id is unknown. With
 * `{ translations: true }` the copy carries the preset's translations (for reports).
 */
export function getPreset(id: string, options: { translations?: boolean } = {}): ModelInput {
  const p = presets[id];
  if (!p) throw new Error(`unknown preset "${id}"`);
  const model = structuredClone(p.model);
  return options.translations && p.translations ? { ...model, translations: structuredClone(p.translations) } : model;
}
