import { describe, expect, it } from 'vitest';
import { distributionWords, modelWords } from '../src/format/model-words.js';
import { presets } from '../src/presets/index.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './helpers.js';

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

describe('account entries in words', () => {
  const hiv = JSON.parse(readFileSync(join(ROOT, 'examples', 'hiv-chancellor-1997.json'), 'utf8'));
  it('names the account, the payer, the amount with its unit and what it is booked for, in English and Danish', () => {
    const en = modelWords(hiv, 'en');
    expect(en.flows(hiv.states[0].flows, 'cycle')).toBe(
      'direct medical and community care, nhs: 2,756 GBP a year; zidovudine and lamivudine, nhs: 2,278 GBP a year; life years: 1 LY a year',
    );
    expect(en.flows(hiv.interventions[0].flows, 'held')).toBe(
      'zidovudine and lamivudine, nhs: 2,086.50 GBP a year on benefit',
    );
    expect(en.changes(hiv.calendar[0])).toBe('lamivudine added for two years: no effects; no amounts');
    const da = modelWords(hiv, 'da');
    expect(da.flows([{ account: 'taxes', payer: 'state', amount: -4055 }], 'cycle')).toBe(
      'taxes, staten: −4.055 kr. om året',
    );
    expect(da.flows([{ account: 'start', amount: 5000 }], 'start')).toBe(
      'start, kommunen: 5.000 kr. én gang ved start',
    );
  });
});
