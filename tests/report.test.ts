/**
 * The HTML report: rendered for a preset in both languages, then opened in headless
 * Chromium, which must show the plots and the summary without a console error or a single
 * request beyond the file itself (the report is self-contained).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportCommand } from '../src/cli/report.js';
import { ForlobInputError } from '../src/model/errors.js';
import type { ModelSpec } from '../src/model/types.js';
import { presets } from '../src/presets/index.js';
import { renderReport } from '../src/report/html.js';
import { icerParts, LABELS, paybackPhrase } from '../src/format/i18n.js';
import { formatNumber } from '../src/format/numbers.js';
import { citeEvidence } from '../src/evidence/index.js';
import { getPreset } from '../src/presets/index.js';
import { gladsaxeModel, gladsaxeTranslations } from '../src/presets/gladsaxe-2026.js';
import { simulate } from '../src/run/simulate.js';
import type { SimulationResult } from '../src/summary/types.js';
import { ICERS, withDecision } from './decision-fixture.js';
import { tempDir } from './helpers.js';

const CHROMIUM = '/usr/bin/chromium';
const model = presets['randers-2025'].model;
const dir = tempDir();
let result: SimulationResult;
const html: Record<'da' | 'en', string> = { da: '', en: '' };

beforeAll(async () => {
  result = await simulate(model, { replicates: 60, seed: 'report', occupancy: true });
  html.en = await renderReport(result, model, { lang: 'en' });
  html.da = await renderReport(result, model, { lang: 'da' });
});

describe('renderReport', () => {
  it('is one self-contained file: no scripts, no links, no external resources', () => {
    for (const page of Object.values(html)) {
      expect(page.startsWith('<!DOCTYPE html>')).toBe(true);
      expect(page).not.toMatch(/<script|<link|<img|<iframe|src=|@import|url\((?!#)/i);
    }
  });

  it('writes the assumptions, both tables and one summary line per scenario', () => {
    for (const page of Object.values(html)) {
      for (const id of ['kh', 'rf', 'fsm', 'tvaer', 'today', 'scenario-1', 'scenario-2', 'today-steered'])
        expect(page).toContain(`>${id}<`);
      expect(page.match(/<li data-scenario=/g)).toHaveLength(4);
      expect(page).toContain('data-metric="successRate"');
    }
    expect(html.en).toContain('<html lang="en">');
    expect(html.da).toContain('<html lang="da">');
  });

  it('states the policies that move: capacity, the reform calendar and the steering rule', () => {
    expect(html.en).toContain('capacity 17 × 35; when full wait tvaer meanwhile');
    expect(html.en).toContain('<h3>Reform calendar</h3>');
    expect(html.en).toContain(
      'portfolio steering of fsm: at most ±5 points every 3 months, share 20 %–80 %; freeCapacity &gt; 0.05: +5, queue &gt; 10: −5, exitRate &gt; 0.1: +5, exitRate &lt; 0.07: −5, spending &gt; 1: −5',
    );
    expect(html.da).toContain('<h3>Reformkalender</h3>');
    expect(html.da).toContain('porteføljestyring af fsm: højst ±5 procentpoint hver 3. måned');
    // The steered share is a figure of its own.
    expect(html.en).toContain('Portfolio steering in today-steered: the share in fsm after each quarterly review');
  });

  it('copes with one scenario, no interventions and no occupancy series', async () => {
    const one: ModelSpec = {
      name: 'One',
      horizonMonths: 18,
      states: [
        { id: 'kh', kind: 'benefit', monthlyTransfer: 12500 },
        { id: 'job', kind: 'success' },
      ],
      transitions: { kh: { job: 0.02 } },
      groups: [{ id: 'kh', size: 100, initialState: 'kh' }],
      scenarios: [{ id: 'today' }],
    };
    const page = await renderReport(await simulate(one, { replicates: 10 }), one, { lang: 'da' });
    expect(page).not.toContain('id="differences"');
    expect(page.match(/<figure>/g)).toHaveLength(1);
    expect(page).toContain('today: ');
    expect(page).toContain('efter 18 måneder');
  });

  it("states each scenario's payback in words, with its definition, in both languages", () => {
    for (const [lang, heading, never, none] of [
      ['en', 'Payback', 'never within the horizon', 'saves from the start (no outlay)'],
      ['da', 'Tilbagebetalingstid', 'tjener sig ikke hjem inden for horisonten', 'sparer fra start (intet udlæg)'],
    ] as const) {
      const page = html[lang];
      expect(page).toContain(`<section id="payback">\n<h2>${heading}</h2>`);
      expect(page.match(/<li data-payback=/g)).toHaveLength(result.payback!.length);
      for (const p of result.payback!) {
        const li = page.match(new RegExp(`<li data-payback="${p.scenario}">([^<]*)</li>`))![1];
        expect(li).toContain(
          `: ${p.status === 'never' ? never : p.status === 'no-outlay' ? none : paybackPhrase(p, lang)}; `,
        );
      }
    }
    // The legal minimum spends less than today from the first month in every replicate.
    expect(result.payback![0]).toMatchObject({
      scenario: 'scenario-1',
      status: 'no-outlay',
      probNoOutlay: 1,
      medianMonth: null,
    });
  });

  it('is the same for the same result', async () => {
    expect(await renderReport(result, model, { lang: 'en' })).toBe(html.en);
  });
});

describe('the decision section', () => {
  const words = (lang: 'en' | 'da') =>
    Object.fromEntries(
      Object.entries(ICERS).map(([k, i]) => [
        k,
        LABELS[lang].decision.icer(icerParts(i, 'scenario-x', 'today', 0.95, lang)),
      ]),
    ) as Record<keyof typeof ICERS, string>;

  it('words each ICER by its quadrant, the dominance words only when the flags say so', () => {
    const en = words('en');
    expect(en.costs).toBe(
      'scenario-x against today: costs 250,000 DKK per extra success (95 % interval over parameter draws 200,000–320,000 DKK; Monte Carlo error ±4,000 DKK); parameter draws by quadrant: NE 90 %, NW 2 %, SE 8 %, SW 0 %.',
    );
    expect(en.saves).toContain(
      'saves 180,000 DKK per success forgone (95 % interval over parameter draws 150,000–210,000 DKK',
    );
    expect(en.undefinedInterval).toContain(
      'costs 400,000 DKK per extra success (interval undefined — see the CEAC; Monte Carlo error ±30,000 DKK); parameter draws by quadrant: NE 55 %, NW 40 %',
    );
    expect(en.noEffect).toBe(
      'scenario-x against today: the difference in successes (+0.5 ± 0.8) is within Monte Carlo error of 0, so no cost per success can be given; costs 2.0 mio. DKK more.',
    );
    expect(en.fixed).toBe(
      'scenario-x against today: costs 250,000 DKK per extra success (no uncertain parameter moves it; Monte Carlo error ±4,000 DKK).',
    );
    expect(en.dominated).toBe(
      'scenario-x against today: dominated — fewer successes at higher cost in 99 % of parameter draws.',
    );
    expect(en.dominant).toBe(
      'scenario-x against today: dominant — more successes at lower cost in 100 % of parameter draws.',
    );
    expect(en.seNotDominant).toContain(
      'more successes at lower cost on average (SE quadrant), but not clearly so; parameter draws by quadrant: NE 30 %, NW 5 %, SE 60 %, SW 5 %',
    );
    for (const k of ['costs', 'saves', 'undefinedInterval', 'noEffect', 'fixed', 'seNotDominant'] as const)
      expect(en[k]).not.toMatch(/dominant|dominated/);
    for (const k of ['costs', 'saves', 'undefinedInterval', 'fixed', 'dominated', 'dominant', 'seNotDominant'] as const)
      expect(en[k]).not.toContain('within Monte Carlo error');

    const da = words('da');
    expect(da.costs).toContain(
      'scenario-x mod today: koster 250.000 kr. pr. ekstra borger i succes (95 %-interval over parameterudtræk 200.000–320.000 kr.',
    );
    expect(da.saves).toContain('sparer 180.000 kr. pr. borger færre i succes');
    expect(da.undefinedInterval).toContain('intervallet er udefineret — se accept-kurven (CEAC)');
    expect(da.noEffect).toContain('(+0,5 ± 0,8) ligger inden for Monte Carlo-fejlen af 0');
    expect(da.dominated).toBe(
      'scenario-x mod today: domineret — færre i succes til højere udgift i 99 % af parameterudtrækkene.',
    );
    expect(da.dominant).toContain(': dominerende — flere i succes til lavere udgift');
    expect(da.seNotDominant).toContain(
      'i gennemsnit flere i succes til lavere udgift (SØ-kvadranten), men ikke entydigt; parameterudtræk pr. kvadrant: NØ 30 %, NV 5 %, SØ 60 %, SV 5 %',
    );
    for (const k of ['costs', 'saves', 'undefinedInterval', 'noEffect', 'fixed', 'seNotDominant'] as const)
      expect(da[k]).not.toMatch(/dominer/);
  });

  it('shows the ICERs, the CEAC, the EVPI curve and the EVPPI table and figure in both languages', async () => {
    const hand = withDecision(result);
    const en = await renderReport(hand, model, { lang: 'en' });
    const section = en.slice(
      en.indexOf('<section id="decision">'),
      en.indexOf('</section>', en.indexOf('<section id="decision">')),
    );
    expect(section).toContain('<h2>Decision</h2>');
    expect(section.match(/<li data-icer=/g)).toHaveLength(hand.comparisons.length);
    expect(section).toContain('data-quadrant="SW"');
    expect(section).toContain('scenario-1 against today: costs 250,000 DKK per extra success');
    expect(section).toContain('scenario-2 against today: saves 180,000 DKK per success forgone');
    expect(section).toContain(
      'today-steered against today: costs 400,000 DKK per extra success (interval undefined — see the CEAC',
    );
    expect(section).toContain('a regression over 100 parameter draws');
    // Two curves and the EVPPI bars.
    expect(section.match(/<figure><svg/g)).toHaveLength(3);
    expect(section).toContain(
      'At a willingness to pay of 500,000 DKK per extra success, today most often has the highest expected net benefit (70 % of parameter draws); the expected value of perfect information (EVPI) is 2.50 mio. DKK.',
    );
    expect(section).toContain('The dashed line marks the run&#39;s willingness to pay, 500,000 DKK.');
    // The EVPPI table: largest first, parameters joined by " + ", mio. DKK and se.
    expect(section).toContain('<tr><th scope="row">fsm2Effect + basisEffect</th><td>2.10</td><td>0.30</td></tr>');
    expect(section.indexOf('fsm2Effect + basisEffect</th>')).toBeLessThan(section.indexOf('>basisEffect</th>'));
    // Every figure's ids are its own.
    const ids = [...en.matchAll(/\bid="([^"]+)"/g)].map((m) => m[1]);
    expect(new Set(ids).size).toBe(ids.length);

    const da = await renderReport(hand, model, { lang: 'da' });
    for (const w of [
      'betalingsvilje',
      'accept-kurve (CEAC)',
      'værdi af perfekt information (EVPI)',
      'værdi af delvis perfekt information (EVPPI)',
      'dominerende',
      'domineret',
    ])
      expect(da.toLowerCase()).toContain(w.toLowerCase());
    expect(da).toContain('<tr><th scope="row">fsm2Effect + basisEffect</th><td>2,10</td><td>0,30</td></tr>');
  });

  it('leaves out what the result lacks', async () => {
    const none = {
      ...withDecision(result),
      decision: { ...withDecision(result).decision, method: 'none' as const, evppi: [], ceac: [] },
    };
    const page = await renderReport(none, model, { lang: 'en' });
    expect(page).toContain('No parameter of the model is uncertain');
    const section = page.slice(
      page.indexOf('<section id="decision">'),
      page.indexOf('</section>', page.indexOf('<section id="decision">')),
    );
    expect(section).not.toContain('<figure>');
    expect(section).not.toContain('EVPPI');
  });
});

describe('the yearly budget section', () => {
  const section = (page: string) => page.match(/<section id="yearly">[\s\S]*?<\/section>/)?.[0] ?? '';
  const table = (page: string, cls: string, payer: string) =>
    section(page).match(new RegExp(`<table class="numbers ${cls}" data-payer="${payer}">[\\s\\S]*?</table>`))?.[0] ??
    '';

  it('has one table per payer, years × items down and scenarios across, and the differences per payer', () => {
    const years = [...new Set((result.yearly ?? []).map((l) => l.year))];
    expect(years.length).toBeGreaterThan(1);
    // Premium income is left out when it is 0 throughout (the model has no premium).
    const premium = (result.yearly ?? []).some((l) => l.item === 'premiumIncome' && (l.mean !== 0 || l.hi !== 0));
    const items = { municipality: premium ? 4 : 3, state: 1, total: 1 };
    for (const page of Object.values(html)) {
      for (const [payer, k] of Object.entries(items)) {
        const own = table(page, 'yearly', payer);
        expect(own.match(/<tr data-year=/g)).toHaveLength(years.length * k);
        expect(own.match(/<td data-scenario=/g)).toHaveLength(years.length * k * result.scenarios.length);
        const diff = table(page, 'yearly-differences', payer);
        expect(diff.match(/<tr data-year=/g)).toHaveLength(years.length * k);
      }
      expect(section(page)).not.toContain('data-item="successRate"');
    }
    expect(section(html.en)).toContain('<h3>Municipality</h3>');
    expect(section(html.da)).toContain('<h3>Kommunen</h3>');
    expect(section(html.da)).toContain('hele horisonten');
  });

  it('shows a payer and an item it does not know by name, after the known ones', async () => {
    const extra = (result.yearly ?? [])
      .filter((l) => l.item === 'municipalCost')
      .map((l) => ({ ...l, payer: 'region', item: 'healthCost', mean: 1e6, lo: 5e5, hi: 2e6 }));
    const more = { ...result, yearly: [...(result.yearly ?? []), ...extra] } as unknown as SimulationResult;
    const page = await renderReport(more, model, { lang: 'da' });
    const region = table(page, 'yearly', 'region');
    expect(section(page)).toContain('<h3>Regionen</h3>');
    expect(region.match(/<tr data-year=/g)).toHaveLength(new Set(extra.map((l) => l.year)).size);
    expect(region).toContain('data-item="healthCost"');
    expect(region).toContain('1,0 <span class="ci">(0,5–2,0)</span>');
    // Unknown payers come after the known ones.
    const order = [...section(page).matchAll(/data-payer="(\w+)"/g)].map((m) => m[1]);
    expect([...new Set(order)]).toEqual(['municipality', 'state', 'total', 'region']);
  });

  it("shows the result's yearly municipal cost, Danish-formatted under --lang da", () => {
    const line = (result.yearly ?? []).find((l) => l.item === 'municipalCost' && l.scenario === 'today');
    if (!line) throw new Error('no yearly municipal cost');
    const mio = line.mean / 1e6;
    const digits = Math.abs(mio) >= 1000 ? 0 : Math.abs(mio) >= 1 ? 1 : 2;
    const row = (page: string) =>
      table(page, 'yearly', 'municipality').match(
        new RegExp(`<tr data-year="${line.year}" data-item="municipalCost">[\\s\\S]*?</tr>`),
      )?.[0] ?? '';
    const first = (page: string) => row(page).match(/<td data-scenario="today">([^<]*) <span/)?.[1];
    expect(first(html.da)).toBe(formatNumber(mio, digits, 'da'));
    expect(first(html.en)).toBe(formatNumber(mio, digits, 'en'));
    expect(first(html.da)).toMatch(/^-?[\d.]+,\d+$/);
  });
});

describe('the uncertain parameters section', () => {
  const section = (page: string) => page.match(/<section id="parameters">[\s\S]*?<\/section>/)?.[0] ?? '';
  const escHtml = (x: string) =>
    x.replace(
      /[&<>"']/g,
      (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string,
    );

  const rowsOf = (page: string) => section(page).match(/<tr data-parameter="[^"]+"/g) ?? [];

  it('lists each uncertain parameter with its distribution in words, mean and source, in both languages', () => {
    for (const page of Object.values(html)) {
      const rows = section(page).match(/<tr data-parameter="[^"]+"/g) ?? [];
      expect(rows.map((r) => r.slice(20, -1))).toEqual(Object.keys(model.parameters!));
    }
    // Ten effects and the three public-finance amounts (job tax to municipality and state, region spill-over).
    expect(rowsOf(html.en)).toHaveLength(13);
    expect(section(html.en)).toContain('<td>lognormal, median 1.04 (95 % 0.8–1.3)</td><td class="number">1.05</td>');
    expect(section(html.en)).toContain('no effect study of FSM exists');
    expect(section(html.da)).toContain('<td>lognormal, median 1,04 (95 % 0,8–1,3)</td><td class="number">1,05</td>');
    expect(section(html.da)).toContain('<th scope="col">Middelværdi</th>');
    // Every scenario, today's operation too, draws uncertain effects: no scenario is listed as drawing none.
    expect(section(html.en)).not.toContain('<p class="none" data-scenario=');
  });

  it("takes a parameter's source from the model's translation", async () => {
    const translated = getPreset('randers-2025', { translations: true });
    const page = section(await renderReport(result, translated, { lang: 'da' }));
    expect(page).toContain('ingen effektstudie findes (udvalgsbilagets scenarie 1)');
    expect(page).not.toContain('no effect study');
  });

  it('says so when every effect is fixed', { timeout: 120_000 }, async () => {
    // Gladsaxe with its effects fixed at their medians (the preset's effects are uncertain) and
    // its job-tax amounts fixed at their modes.
    const fixed = gladsaxeModel({ effectSigma: 0, closedStock: true });
    const parameters = Object.fromEntries(
      Object.entries(fixed.parameters ?? {}).map(([k, v]) => [
        k,
        typeof v === 'object' && v !== null && 'mode' in v ? (v as { mode: number }).mode : v,
      ]),
    );
    const gladsaxe = { ...fixed, parameters, translations: gladsaxeTranslations() };
    const r = await simulate(gladsaxe, { replicates: 10, seed: 'fixed' });
    expect(section(await renderReport(r, gladsaxe, { lang: 'en' }))).toContain(
      '<p class="none">No uncertain parameters: every effect is fixed.</p>',
    );
    expect(section(await renderReport(r, gladsaxe, { lang: 'da' }))).toContain(
      '<p class="none">Ingen usikre parametre: alle effekter er faste.</p>',
    );
  });

  it("cites an evidence entry's source", { timeout: 120_000 }, async () => {
    const cited = structuredClone(model) as unknown as { parameters: Record<string, unknown> };
    cited.parameters.fsm2Effect = { evidence: 'ips-dk-inklusion' };
    const m = cited as unknown as typeof model;
    const r = await simulate(m, { replicates: 10, seed: 'cited' });
    const page = section(await renderReport(r, m, { lang: 'en' }));
    expect(page).toContain(escHtml(citeEvidence('ips-dk-inklusion')));
  });
});

describe('forlob report', () => {
  it('writes the file given by --out and nothing to stdout', async () => {
    const out = join(dir, 'report.html');
    const text = await reportCommand([
      'randers-2025',
      '--replicates',
      '20',
      '--seed',
      '3',
      '--workers',
      '1',
      '--lang',
      'da',
      '--out',
      out,
      '--quiet',
    ]);
    expect(text).toBe('');
    expect(readFileSync(out, 'utf8')).toContain('Kort fortalt');
  });

  it('rejects bad flags as input errors naming the flag', async () => {
    await expect(reportCommand(['randers-2025', '--lang', 'fr'])).rejects.toThrow(ForlobInputError);
    await expect(reportCommand(['randers-2025', '--lang', 'fr'])).rejects.toMatchObject({
      problems: [{ path: '--lang' }],
    });
    await expect(reportCommand(['randers-2025', '--baseline', 'nope'])).rejects.toMatchObject({
      problems: [{ path: '--baseline' }],
    });
    await expect(reportCommand([])).rejects.toMatchObject({ problems: [{ path: 'arguments' }] });
  });
});

const hasChromium = existsSync(CHROMIUM);
describe.skipIf(!hasChromium)(
  `in headless Chromium${hasChromium ? '' : ` (skipped: ${CHROMIUM} is absent; apt-get install chromium)`}`,
  () => {
    let browser: Browser;
    beforeAll(async () => {
      browser = await chromium.launch({
        executablePath: CHROMIUM,
        args: [
          '--headless',
          '--no-sandbox',
          '--disable-gpu',
          '--disable-quic',
          '--no-first-run',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
        ],
      });
    });
    afterAll(async () => {
      await browser?.close();
    });

    const expected = {
      en: { heading: 'In brief', sentence: /today \(basisdrift\): \d+–\d+ % have succeeded after 3 years/ },
      da: { heading: 'Kort fortalt', sentence: /today \(basisdrift\): \d+–\d+ % er i succes efter 3 år/ },
    };

    for (const lang of ['en', 'da'] as const) {
      it(`shows the ${lang} report with its plots and summary and no errors`, async () => {
        const file = join(dir, `report-${lang}.html`);
        writeFileSync(file, html[lang]);
        const page = await browser.newPage();
        const errors: string[] = [];
        const requests: string[] = [];
        page.on('console', (m) => {
          if (m.type() === 'error') errors.push(m.text());
        });
        page.on('pageerror', (e) => errors.push(e.message));
        page.on('request', (r) => requests.push(r.url()));
        await page.goto(`file://${file}`, { waitUntil: 'load' });

        expect(errors).toEqual([]);
        expect(requests).toEqual([`file://${file}`]);
        expect(await page.getAttribute('html', 'lang')).toBe(lang);
        // Distribution, two difference plots, the cost-effect plane, the steered share and a fan
        // chart per scenario; the CEAC, the EVPI curve and the EVPPI when the result has them.
        // (No EVPPI figure when the EVPI is 0: every EVPPI is 0 and a line says so.)
        const evppiFigure = result.decision.evppi?.length && result.decision.evpi > 0;
        const ceac = result.decision.ceac ?? [];
        const decisionFigures = (ceac.length ? 1 : 0) + (ceac.some((p) => p.evpi > 0) ? 1 : 0) + (evppiFigure ? 1 : 0);
        const svgs = page.locator('figure > svg');
        expect(await svgs.count()).toBe(5 + 4 + decisionFigures);
        for (let i = 0; i < 9 + decisionFigures; i++) {
          const box = await svgs.nth(i).boundingBox();
          expect(box && box.width > 100 && box.height > 50).toBe(true);
          expect(await svgs.nth(i).locator('path, rect, line').count()).toBeGreaterThan(5);
        }
        expect(await page.locator('#summary h2').textContent()).toBe(expected[lang].heading);
        const lines = await page.locator('#summary li').allTextContents();
        expect(lines).toHaveLength(4);
        expect(lines[0]).toMatch(expected[lang].sentence);
        expect(await page.locator('#comparison table tbody tr').count()).toBeGreaterThanOrEqual(7);
        await page.close();
      });
    }
  },
);

describe('the per-arm section', () => {
  const section = (page: string) => page.match(/<section id="arms">[\s\S]*?<\/section>/)?.[0] ?? '';
  const tables = (page: string, scenario: string) =>
    section(page).match(
      new RegExp(`<table class="numbers arms" data-scenario="${scenario}">[\\s\\S]*?</table>`, 'g'),
    ) ?? [];

  it("shows each scenario's arms with the result's numbers, and says why a steered scenario has none", () => {
    const withArms = result.scenarios.filter((s) => s.arms.length);
    expect(withArms.length).toBeGreaterThan(1);
    for (const [lang, page] of Object.entries(html) as ['da' | 'en', string][]) {
      for (const s of withArms) {
        const shown = tables(page, s.id).join('\n');
        expect(tables(page, s.id)).toHaveLength(Math.ceil(s.arms.length / 4));
        for (const a of s.arms) {
          const count = formatNumber(a.count, 0, lang);
          expect(shown).toContain(`${a.group}/${a.intervention ?? (lang === 'da' ? 'ingen' : 'none')} (${count} `);
          // The success rate in per cent with one decimal, as the comparison table shows it.
          expect(shown).toContain(
            `${formatNumber(100 * (a.metrics.successRate.mean as number), 1, lang)} <span class="ci">`,
          );
        }
      }
      const steered = result.scenarios.find((s) => !s.arms.length) as SimulationResult['scenarios'][number];
      expect(section(page)).toContain(`<p class="note" data-scenario="${steered.id}">`);
    }
    expect(section(html.da)).toContain('<h2>Pr. indsats</h2>');
  });

  it('puts at most four arms side by side', async () => {
    const s = result.scenarios.find((x) => x.arms.length) as SimulationResult['scenarios'][number];
    // A shallow copy: the result's tables are objects with methods, which structuredClone drops.
    const arms = Array.from({ length: 9 }, (_, i) => ({ ...s.arms[i % s.arms.length], group: `g${i}` }));
    const many = { ...result, scenarios: result.scenarios.map((x) => (x.id === s.id ? { ...x, arms } : x)) };
    const page = await renderReport(many, model, { lang: 'en' });
    const shown = tables(page, s.id);
    expect(shown).toHaveLength(3);
    expect(shown.map((t) => (t.match(/<th scope="col">g\d\//g) ?? []).length)).toEqual([4, 4, 1]);
  });
});
