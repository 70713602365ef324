import { describe, expect, it } from 'vitest';
import { distributionWords, modelWords } from '../src/format/model-words.js';
import { presets } from '../src/presets/index.js';

describe('model in words', () => {
  it('words a distribution by family, median and 95 % range', () => {
    expect(distributionWords({ dist: 'lognormal', mu: Math.log(1.43), sigma: 0.12 }, 'en')).toBe(
      'lognormal, median 1.43 (95 % 1.1–1.8)',
    );
    expect(distributionWords({ dist: 'lognormal', mu: Math.log(1.43), sigma: 0.12 }, 'da')).toBe(
      'lognormal, median 1,43 (95 % 1,1–1,8)',
    );
  });

  it('words references, kinds of destination and calendar changes, never JSON', () => {
    const model = presets['randers-2025'].model;
    for (const lang of ['en', 'da'] as const) {
      const w = modelWords(model, lang);
      const effects = w.effects(model.interventions?.find((i) => i.id === 'fsm-2')?.effects as never);
      expect(effects).toMatch(/fsm2Effect \(lognormal, median/);
      expect(effects).not.toMatch(/[{}"@]/);
      for (const step of model.calendar ?? []) {
        const { from: _f, label: _l, ...changes } = step;
        expect(w.changes(changes)).not.toMatch(/[{}"]/);
      }
    }
    expect(modelWords(model, 'en').target('@success')).toMatch(/^exits to success \(/);
    expect(modelWords(model, 'da').target('@success')).toMatch(/^afgang til succes \(/);
    expect(modelWords(model, 'en').changes({ interventions: {} })).toBe('no interventions');
    expect(modelWords(model, 'da').changes({ interventions: {} })).toBe('ingen indsatser');
  });
});

describe('translations', () => {
  it('are validated: an unknown id is named by its path', async () => {
    const { validateModel } = await import('../src/model/validate.js');
    const model = {
      name: 'm',
      horizonMonths: 12,
      states: [
        { id: 'kh', kind: 'benefit' },
        { id: 'job', kind: 'success' },
      ],
      transitions: { kh: { job: 0.05 } },
      groups: [{ id: 'kh', size: 10, initialState: 'kh' }],
      scenarios: [{ id: 'a' }],
      translations: { da: { states: { kh: 'kontanthjælp' } } },
    };
    expect(validateModel(model).translations?.da?.states?.kh).toBe('kontanthjælp');
    const bad = { ...model, translations: { da: { states: { nope: 'x' } } } };
    expect(() => validateModel(bad)).toThrow(/translations\.da\.states\.nope: unknown state "nope"/);
    // Parameter sources name the parameters block.
    const withParam = {
      ...model,
      parameters: { e: 1 },
      translations: { da: { parameterSources: { e: 'antagelse' } } },
    };
    expect(modelWords(validateModel(withParam), 'da').parameterSource('e')).toBe('antagelse');
    const badParam = { ...withParam, translations: { da: { parameterSources: { f: 'x' } } } };
    expect(() => validateModel(badParam)).toThrow(/translations\.da\.parameterSources\.f: unknown parameter "f"/);
  });

  it('name the model in the language and fall back to its own labels', () => {
    const model = { ...presets['randers-2025'].model, translations: presets['randers-2025'].translations };
    const da = modelWords(model, 'da');
    expect(da.modelName).toMatch(/^Randers 2025: den fremtidige/);
    expect(da.name('scenarios', 'today')).toBe('i dag (basisdrift)');
    expect(modelWords(model, 'en').name('scenarios', 'today')).toBe('today (basisdrift)');
    expect(modelWords(model, 'en').translated('scenarios', 'today')).toBeUndefined();
  });
});
