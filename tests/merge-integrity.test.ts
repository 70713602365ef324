/**
 * Merge integrity (issue 13, item 3): every kept array is checked for presence, length,
 * type and range, every option that changes results must agree, specs compare with their
 * keys sorted, and each part's content hash (`kept.hash`) is verified.
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { simulate } from '../src/run/simulate.js';
import { mergeRuns, type RunPart } from '../src/summary/merge.js';
import { resultToJSON } from '../src/report/json.js';
import { keptReplicates } from '../src/summary/kept.js';
import { Sha256 } from '../src/summary/sha256.js';
import { canonicalJSON, KEPT_ARRAYS } from '../src/summary/kept-hash.js';
import type { SimulateOptions } from '../src/model/options.js';
import { cli, ROOT, tempDir } from './helpers.js';
import type { ModelInput } from '../src/params/input.js';

// Capacity (queue), steering (shares), a ledger (monthly, yearly), arms and two uncertain
// parameters (chance): every kept array.
const steering = JSON.parse(readFileSync(join(ROOT, 'examples', 'steering.json'), 'utf8'));
const model = {
  ...steering,
  horizonMonths: 24,
  groups: [{ ...steering.groups[0], size: 150, inflow: { perMonth: 4 } }],
  parameters: { khJob: { dist: 'beta', alpha: 12, beta: 988 }, khOut: { dist: 'beta', alpha: 8, beta: 992 } },
  transitions: { kh: { job: { param: 'khJob' }, edu: 0.004, out: { param: 'khOut' } } },
};
const base: SimulateOptions = { replicates: 6, seed: 'integrity', willingnessToPay: 50_000 };

type Part = RunPart & Record<string, unknown>;
async function part(range: [number, number], opts: SimulateOptions = {}, spec: unknown = model): Promise<Part> {
  const r = await simulate(spec as ModelInput, { ...base, ...opts, replicateRange: range });
  return JSON.parse(JSON.stringify({ ...resultToJSON(r), kept: keptReplicates(r, spec) }));
}
const clone = <T>(x: T): T => JSON.parse(JSON.stringify(x));
const json = (r: Parameters<typeof resultToJSON>[0]) => JSON.stringify(resultToJSON(r));
const merge = (a: Part, b: Part) => () => mergeRuns([a, b], ['a.json', 'b.json']);

let whole: string;
let A: Part;
let B: Part;

beforeAll(async () => {
  whole = json(await simulate(model, base));
  [A, B] = await Promise.all([part([0, 2]), part([2, 6])]);
}, 120_000);

describe('sha256', () => {
  it('matches node:crypto for every padding case and incremental updates', () => {
    for (const n of [0, 1, 3, 55, 56, 57, 63, 64, 65, 119, 120, 128, 1000, 65_537]) {
      const bytes = Uint8Array.from({ length: n }, (_, i) => (i * 131 + 17) & 255);
      const h = new Sha256();
      for (let i = 0; i < n; i += 37) h.update(bytes.subarray(i, i + 37));
      expect(h.hex(), `length ${n}`).toBe(createHash('sha256').update(bytes).digest('hex'));
    }
    expect(new Sha256().update('forlob – Ærø').hex()).toBe(
      createHash('sha256').update('forlob – Ærø', 'utf8').digest('hex'),
    );
  });
});

describe('an honest split', () => {
  it('keeps every array and a hash, and merges byte for byte to the whole run, in any order', () => {
    for (const f of ['values', 'arms', 'monthly', 'yearly', 'queue', 'shares', 'chance'])
      expect(A.kept[f as 'values'], f).toBeDefined();
    expect(A.kept.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(json(mergeRuns([clone(B), clone(A)]))).toBe(whole);
  });

  it('merges parts whose model has its keys in another order, unless the order changes the draws', async () => {
    const reverse = (v: object) => Object.fromEntries(Object.entries(v).reverse());
    // Keys of the model and of each state in another order: the same run.
    const reordered = { ...reverse(model), states: model.states.map(reverse) };
    expect(JSON.stringify(reordered)).not.toBe(JSON.stringify(model));
    expect(canonicalJSON(reordered)).toBe(canonicalJSON(model));
    const b = await part([2, 6], {}, reordered);
    expect(json(mergeRuns([clone(A), b]))).toBe(whole);
    // A part file whose model a tool rewrote with sorted keys still verifies and merges.
    const sorted = clone(B);
    sorted.kept.spec = JSON.parse(canonicalJSON(model)!);
    expect(json(mergeRuns([clone(A), sorted]))).toBe(whole);
    // Destinations in another order compile to the same model: the same run.
    const destinations = await part(
      [2, 6],
      {},
      { ...model, transitions: { kh: { out: { param: 'khOut' }, edu: 0.004, job: { param: 'khJob' } } } },
    );
    expect(json(mergeRuns([clone(A), destinations]))).toBe(whole);
    // Parameters in another order are drawn in another order: not rows of the same run.
    const drawn = await part([2, 6], {}, { ...model, parameters: reverse(model.parameters) });
    expect(
      json(mergeRuns([await part([0, 2], {}, { ...model, parameters: reverse(model.parameters) }), clone(drawn)])),
    ).not.toBe(whole);
    expect(merge(clone(A), drawn)).toThrow(
      /b\.json\.kept\.spec: expected the same model as a\.json: it has the same content with keys in an order that changes the simulation/,
    );
  });

  it('accepts parts without a hash (kept by older versions) after every other check', () => {
    const a = clone(A);
    const b = clone(B);
    delete a.kept.hash;
    delete b.kept.hash;
    expect(json(mergeRuns([a, b]))).toBe(whole);
    b.kept.values[0] = -0.5;
    expect(merge(a, b)).toThrow(/b\.json\.kept\.values\[0\]: expected a share in \[0, 1\] \(successRate\), got -0\.5/);
  });
});

describe('tampered parts are refused with the path', () => {
  const tampered = (edit: (p: Part) => void, dropHash = false) => {
    const b = clone(B);
    edit(b);
    if (dropHash) delete b.kept.hash;
    return merge(clone(A), b);
  };

  it('an edited value breaks the hash', () => {
    expect(tampered((p) => (p.kept.values[2] = (p.kept.values[2] as number) * 1.01))).toThrow(
      /b\.json\.kept\.hash: the rows or settings do not match the hash: the file was edited or damaged/,
    );
    expect(tampered((p) => (p.kept.monthly![3] += 1))).toThrow(/b\.json\.kept\.hash: the rows or settings/);
    expect(tampered((p) => (p.seed = 'other'))).toThrow(
      /b\.json\.seed: expected "integrity" as in a\.json, got "other"/,
    );
    // A forged hash is refused too.
    expect(tampered((p) => (p.kept.hash = '0'.repeat(64)))).toThrow(
      /b\.json\.kept\.hash: the rows or settings do not match/,
    );
    expect(tampered((p) => (p.kept.hash = 'abc'))).toThrow(/b\.json\.kept\.hash: expected a SHA-256 in 64 hex digits/);
  });

  it('1e308, negative shares, strings and nulls', () => {
    expect(tampered((p) => (p.kept.values[0] = 1e308))).toThrow(
      /b\.json\.kept\.values\[0\]: expected a share in \[0, 1\] \(successRate\), got 1e\+308/,
    );
    expect(tampered((p) => (p.kept.values[2] = -1))).toThrow(
      /b\.json\.kept\.values\[2\]: expected a finite number >= 0 \(transferCost\)/,
    );
    const s = B.kept.shares!.findIndex((x) => x !== null);
    expect(tampered((p) => (p.kept.shares![s] = -0.2), true)).toThrow(
      new RegExp(`b\\.json\\.kept\\.shares\\[${s}\\]: expected a share in \\[0, 1\\] or null, got -0\\.2`),
    );
    expect(tampered((p) => ((p.kept.values as unknown[])[1] = '0.5'), true)).toThrow(
      /b\.json\.kept\.values\[1\]: expected a finite number >= 0 \(benefitMonths\), got "0\.5"/,
    );
    expect(tampered((p) => (p.kept.values = p.kept.values.map(() => null)), true)).toThrow(
      /b\.json\.kept\.values\[0\]: expected a share in \[0, 1\] \(successRate, never undefined\), got null/,
    );
    expect(tampered((p) => ((p.kept.monthly as unknown[])[0] = null), true)).toThrow(
      /b\.json\.kept\.monthly\[0\]: expected a finite number \(municipal cost in a month, never null\), got null/,
    );
    expect(tampered((p) => (p.kept.queue![1] = 2.5), true)).toThrow(
      /b\.json\.kept\.queue\[1\]: expected a whole number >= 0/,
    );
    expect(tampered((p) => (p.kept.queue![1] = -3), true)).toThrow(/b\.json\.kept\.queue\[1\]/);
    expect(tampered((p) => (p.kept.yearly![7] = 2), true)).toThrow(
      /b\.json\.kept\.yearly\[7\]: expected a share in \[0, 1\] \(successRate\), got 2/,
    );
    expect(tampered((p) => (p.kept.chance![0] = null), true)).toThrow(/b\.json\.kept\.chance\[0\]/);
    // An arm cell is either a whole row of nulls (no citizens, steered) or a row of numbers.
    const arms = B.kept.arms!;
    const i = arms.findIndex((x) => x !== null);
    expect(tampered((p) => (p.kept.arms![i] = null), true)).toThrow(
      new RegExp(`b\\.json\\.kept\\.arms\\[${i}\\]: expected .*null only where the cell's whole row is null`),
    );
  });

  it('arrays missing, of the wrong length or not arrays', () => {
    const mlen = B.kept.monthly!.length;
    expect(tampered((p) => delete p.kept.monthly, true)).toThrow(
      new RegExp(`b\\.json\\.kept\\.monthly: expected ${mlen} values for replicates 2–5, got nothing`),
    );
    for (const f of ['yearly', 'queue', 'shares', 'chance', 'arms'] as const)
      expect(
        tampered((p) => delete p.kept[f], true),
        f,
      ).toThrow(new RegExp(`b\\.json\\.kept\\.${f}: expected \\d+ values`));
    const n = B.kept.values.length;
    expect(tampered((p) => p.kept.values.pop(), true)).toThrow(
      new RegExp(`b\\.json\\.kept\\.values: expected ${n} values for replicates 2–5, got ${n - 1}`),
    );
    expect(tampered((p) => p.kept.queue!.push(0), true)).toThrow(
      /b\.json\.kept\.queue: expected \d+ values for replicates 2–5, got \d+/,
    );
    expect(tampered((p) => ((p.kept as unknown as Record<string, unknown>).yearly = { length: 3 }), true)).toThrow(
      /b\.json\.kept\.yearly: expected an array/,
    );
  });

  it('ranges swapped, out of bounds or not whole numbers', () => {
    expect(tampered((p) => ([p.kept.from, p.kept.to] = [p.kept.to, p.kept.from]), true)).toThrow(
      /b\.json\.kept\.to: expected a whole number > from \(6\), got 2/,
    );
    expect(tampered((p) => (p.kept.to = 7), true)).toThrow(
      /b\.json\.kept\.to: expected at most replicates \(6\), got 7/,
    );
    expect(tampered((p) => (p.kept.from = -1), true)).toThrow(
      /b\.json\.kept\.from: expected a whole number >= 0, got -1/,
    );
    expect(tampered((p) => (p.kept.from = 2.5), true)).toThrow(/b\.json\.kept\.from/);
    expect(tampered((p) => (p.replicates = 7), true)).toThrow(/b\.json\.replicates: expected 6 as in a\.json, got 7/);
  });
});

describe('parts run with other settings are refused', () => {
  const other = async (opts: SimulateOptions, pattern: RegExp) => {
    const b = await part([2, 6], opts);
    expect(merge(clone(A), b)).toThrow(pattern);
  };
  it('--wtp, --wtp-range, --evppi-groups, --level, --baseline', async () => {
    await other(
      { willingnessToPay: 60_000 },
      /b\.json\.decision\.willingnessToPay: expected 50000 as in a\.json, got 60000 \(--wtp\)/,
    );
    await other(
      { willingnessToPayRange: { min: 0, max: 100_000, step: 25_000 } },
      /b\.json\.decision\.ceac: expected .* \(the willingness-to-pay grid of --wtp-range\)/,
    );
    await other(
      { evppiGroups: [['khJob', 'khOut']] },
      /b\.json\.decision\.evppi: expected \[\] as in a\.json, got \[\["khJob","khOut"\]\] \(the groups of --evppi-groups\)/,
    );
    await other({ level: 0.9 }, /b\.json\.level: expected 0\.95 as in a\.json, got 0\.9/);
    await other({ baseline: 'fsm-40' }, /b\.json\.baseline: expected "today" as in a\.json, got "fsm-40"/);
  }, 120_000);

  it('another model', async () => {
    const b = await part([2, 6], {}, { ...model, horizonMonths: 23 });
    expect(merge(clone(A), b)).toThrow(/b\.json\.kept\.spec: expected the same model as a\.json/);
  }, 60_000);
});

describe('forlob merge', () => {
  it('refuses a tampered part with exit 2, the path, and no output', () => {
    const dir = tempDir();
    const files = [A, B].map((p, i) => {
      const f = join(dir, `p${i}.json`);
      writeFileSync(f, JSON.stringify(p));
      return f;
    });
    const ok = cli(['merge', files[0], files[1]]);
    expect(ok.code).toBe(0);
    expect(JSON.stringify(JSON.parse(ok.stdout))).toBe(JSON.stringify(JSON.parse(whole)));
    const bad = clone(B);
    bad.kept.values[4] = 0;
    writeFileSync(files[1], JSON.stringify(bad));
    const r = cli(['merge', files[0], files[1]]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(
      `${files[1]}.kept.hash: the rows or settings do not match the hash: the file was edited or damaged`,
    );
  }, 60_000);
});

describe('shards carry what they were run with (issue 17)', () => {
  const version = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version as string;
  const sortKeys = (v: unknown): unknown =>
    Array.isArray(v)
      ? v.map(sortKeys)
      : v && typeof v === 'object'
        ? Object.fromEntries(
            Object.keys(v)
              .sort()
              .map((k) => [k, sortKeys((v as Record<string, unknown>)[k])]),
          )
        : v;
  const sha = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
  // kept.hash as summary/kept-hash.ts documents it, written out again with node:crypto.
  const reference = (p: Part, withVersion: boolean) => {
    const d = p.decision as {
      willingnessToPay?: number;
      ceac?: { wtp: number }[];
      perspective?: string;
      effect?: string;
    };
    const settings = {
      spec: p.kept.spec,
      seed: p.seed,
      replicates: p.replicates,
      level: p.level,
      baseline: p.baseline,
      willingnessToPay: d?.willingnessToPay,
      grid: (d?.ceac ?? []).map((c) => c.wtp),
      evppiGroups: [],
      from: p.kept.from,
      to: p.kept.to,
      ...(withVersion ? { forlob: p.kept.forlob, perspective: d?.perspective, effect: d?.effect } : {}),
    };
    const h = createHash('sha256').update(`forlob-kept-v1\n${JSON.stringify(sortKeys(settings))}\n`, 'utf8');
    for (const name of KEPT_ARRAYS) {
      const xs = p.kept[name];
      if (!xs) continue;
      h.update(`${name}:${xs.length}\n`, 'utf8');
      const buf = Buffer.alloc(8 * xs.length);
      xs.forEach((v, i) => {
        if (v === null) buf.fill(0xff, 8 * i, 8 * i + 8);
        else buf.writeDoubleLE(v === 0 ? 0 : v, 8 * i);
      });
      h.update(buf);
    }
    return h.digest('hex');
  };
  // A well-formed part as another run would write it: edited, then hashed anew.
  const rehashed = (p: Part) => {
    p.kept.hash = reference(p, p.kept.forlob !== undefined);
    return p;
  };

  it("state the forlob version and the model's SHA-256, both covered by kept.hash", () => {
    expect(A.kept.forlob).toBe(version);
    expect(A.kept.modelHash).toBe(sha(JSON.stringify(sortKeys(model))));
    expect(B.kept.modelHash).toBe(A.kept.modelHash);
    expect(A.kept.hash).toBe(reference(A, true));
    expect(A.kept.hash).not.toBe(reference(A, false));
  });

  it('parts kept before the version was stated still verify and merge', () => {
    const old = (p: Part) => {
      const q = clone(p);
      delete q.kept.forlob;
      delete q.kept.modelHash;
      q.kept.hash = reference(q, false);
      return q;
    };
    expect(json(mergeRuns([old(A), old(B)]))).toBe(whole);
  });

  it('refuses parts of another forlob version, or one without a version among parts with one', () => {
    const b = clone(B);
    b.kept.forlob = '0.0.9';
    expect(merge(clone(A), rehashed(b))).toThrow(
      new RegExp(
        `b\\.json\\.kept\\.forlob: expected "${version.replace(/\./g, '\\.')}" as in a\\.json, got "0\\.0\\.9" \\(the forlob version that ran it\\)`,
      ),
    );
    const old = clone(B);
    delete old.kept.forlob;
    expect(merge(clone(A), rehashed(old))).toThrow(
      /b\.json\.kept\.forlob: expected "[^"]+" as in a\.json, got nothing/,
    );
    expect(merge(clone(A), rehashed(Object.assign(clone(B), { kept: { ...B.kept, forlob: 7 } })))).toThrow(
      /b\.json\.kept\.forlob: expected a version string, got 7/,
    );
  });

  it('refuses a model hash that does not match the model, and names both hashes for another model', async () => {
    const b = clone(B);
    b.kept.modelHash = 'f'.repeat(64);
    expect(merge(clone(A), b)).toThrow(
      new RegExp(
        `b\\.json\\.kept\\.modelHash: expected the SHA-256 of kept\\.spec \\(${A.kept.modelHash!.slice(0, 12)}…\\), got "f+…: the file was edited or damaged`,
      ),
    );
    const other = { ...model, horizonMonths: 23 };
    const c = await part([2, 6], {}, other);
    expect(c.kept.modelHash).toBe(sha(JSON.stringify(sortKeys(other))));
    expect(merge(clone(A), c)).toThrow(
      new RegExp(
        `b\\.json\\.kept\\.spec: expected the same model as a\\.json \\(model SHA-256 ${A.kept.modelHash!.slice(0, 12)}…\\), got another \\(${c.kept.modelHash!.slice(0, 12)}…\\)`,
      ),
    );
  }, 60_000);

  it('refuses parts run with another --perspective or --effect', async () => {
    const state = await part([2, 6], { perspective: 'state' });
    expect((state.decision as { perspective?: string }).perspective).toBe('state');
    expect(state.kept.hash).toBe(reference(state, true));
    expect(merge(clone(A), state)).toThrow(
      /b\.json\.decision\.perspective: expected nothing as in a\.json, got "state" \(--perspective\)/,
    );
    // The perspective is hashed: a part edited to another perspective is refused too.
    const edited = clone(state);
    delete (edited.decision as { perspective?: string }).perspective;
    expect(merge(clone(A), edited)).toThrow(/b\.json\.kept\.hash: the rows or settings do not match the hash/);
    const effect = clone(B);
    (effect.decision as { effect?: string }).effect = 'qaly';
    expect(merge(clone(A), rehashed(effect))).toThrow(
      /b\.json\.decision\.effect: expected nothing as in a\.json, got "qaly" \(--effect\)/,
    );
  }, 60_000);

  it('forlob merge names the shard file and the field', () => {
    const dir = tempDir();
    const b = clone(B);
    b.kept.forlob = '0.0.9';
    const files = [A, rehashed(b)].map((p, i) => {
      const f = join(dir, `part-${i}.json`);
      writeFileSync(f, JSON.stringify(p));
      return f;
    });
    const r = cli(['merge', ...files]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`${files[1]}.kept.forlob: expected "${version}" as in ${files[0]}, got "0.0.9"`);
  }, 60_000);
});
