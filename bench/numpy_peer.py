#!/usr/bin/python3
"""The numpy peer: the straightforward vectorised implementation a Python analyst would
write for forlob's model semantics, to put forlob's speed in context.

One uniform per citizen-month, next state by comparing it with the cumulative transition
row of the citizen's (arm, state). Replicates run side by side as rows of a
(replicates, citizens) state array, in chunks so memory stays bounded.

Semantics (as forlob): in month t = 0..H-1 a citizen in s_t accrues the transfer of s_t
and, if s_t is a benefit state, its intervention's monthly cost; it moves at the end of
the month; success means kind(s_H) == 'success'. Allocation: largest remainder of
share x size per group, the remainder gets no intervention (arm 0, baseline rows).

  /usr/bin/python3 bench/numpy_peer.py model.json --replicates 200 [--chunk 25] [--seed 1]

Prints JSON: seconds, citizen-months, citizen-months per second, and per scenario the
mean (and standard deviation over replicates) of each metric, for comparing with forlob,
and its exact expectation computed from the transition matrices.
"""
import argparse
import json
import math
import resource
import time

import numpy as np


def largest_remainder(size, shares):
    """Counts per share plus the unallocated rest, as forlob's largestRemainder."""
    rest = max(0.0, 1.0 - sum(shares))
    quotas = [round(s * size * 1e9) / 1e9 for s in list(shares) + [rest]]
    counts = [math.floor(q) for q in quotas]
    left = size - sum(counts)
    order = sorted(range(len(quotas)), key=lambda i: (-(quotas[i] - math.floor(quotas[i])), i))
    for i in order[:left]:
        counts[i] += 1
    return counts


def compile_model(model):
    states = [s['id'] for s in model['states']]
    S = len(states)
    idx = {s: i for i, s in enumerate(states)}
    ivs = model.get('interventions', [])
    A = len(ivs) + 1

    def fill(P, a, rows):
        for frm, row in (rows or {}).items():
            P[a, idx[frm], :] = 0.0
            for to, p in row.items():
                P[a, idx[frm], idx[to]] = p

    # P[arm, from, to], arm 0 = baseline; an intervention replaces whole rows.
    P = np.zeros((A, S, S))
    fill(P, 0, model.get('transitions'))
    for a, iv in enumerate(ivs, start=1):
        P[a] = P[0]
        fill(P, a, iv.get('transitions'))
    P[:, np.arange(S), np.arange(S)] = 0.0
    P[:, np.arange(S), np.arange(S)] = 1.0 - P.sum(-1)  # staying is the rest of the row
    cum = np.cumsum(P, axis=-1)

    kind = np.array([s['kind'] for s in model['states']])
    return {
        'S': S, 'A': A, 'H': model['horizonMonths'], 'P': P, 'cum': cum,
        'benefit': kind == 'benefit', 'success': kind == 'success',
        'transfer': np.array([s.get('monthlyTransfer', 0.0) for s in model['states']], dtype=float),
        'arm_cost': np.array([0.0] + [iv.get('monthlyCost', 0.0) for iv in ivs]),
        'iv_index': {iv['id']: a for a, iv in enumerate(ivs, start=1)},
        'idx': idx,
    }


def scenario_arrays(model, cm, scenario):
    """Per citizen: initial state and arm."""
    init, arm = [], []
    for g in model['groups']:
        alloc = (scenario.get('allocation') or {}).get(g['id'], {})
        counts = largest_remainder(g['size'], list(alloc.values()))
        arms = [cm['iv_index'][iv] for iv in alloc] + [0]
        for a, n in zip(arms, counts):
            arm += [a] * n
        init += [cm['idx'][g['initialState']]] * g['size']
    return np.array(init, dtype=np.int64), np.array(arm, dtype=np.int64)


def simulate_chunk(cm, init, arm, R, rng):
    """R replicates of one scenario; returns per-replicate metric arrays."""
    H, S = cm['H'], cm['S']
    N = init.size
    state = np.broadcast_to(init, (R, N)).copy()
    cost_if_benefit = cm['arm_cost'][arm]                 # (N,)
    benefit_months = np.zeros(R)
    transfers = np.zeros(R)
    iv_cost = np.zeros(R)
    for _ in range(H):
        on_benefit = cm['benefit'][state]                 # (R, N) bool
        benefit_months += on_benefit.sum(1)
        transfers += cm['transfer'][state].sum(1)
        iv_cost += (on_benefit * cost_if_benefit).sum(1)
        u = rng.random((R, N))                            # one uniform per citizen-month
        rows = cm['cum'][arm, state]                      # (R, N, S) cumulative rows
        state = (u[:, :, None] >= rows).sum(-1)           # first d with u < cum[d]
        np.minimum(state, S - 1, out=state)               # guard rounding: cum[-1] may be 1 - 1e-16
    success = cm['success'][state].sum(1) / N
    return {'successRate': success, 'benefitMonths': benefit_months / N,
            'transferCost': transfers, 'interventionCost': iv_cost}


def exact_means(cm, init, arm):
    """The exact expected metrics, by propagating the state distribution of every arm
    month by month (no randomness): the yardstick both Monte Carlo engines should hit."""
    D = np.zeros((cm['A'], cm['S']))                      # expected citizens by arm, state
    np.add.at(D, (arm, init), 1.0)
    N = init.size
    benefit_months = transfers = iv_cost = 0.0
    for _ in range(cm['H']):
        on_benefit = D[:, cm['benefit']].sum(1)           # (A,)
        benefit_months += on_benefit.sum()
        transfers += (D @ cm['transfer']).sum()
        iv_cost += (on_benefit * cm['arm_cost']).sum()
        D = np.einsum('as,ast->at', D, cm['P'])
    return {'successRate': D[:, cm['success']].sum() / N, 'benefitMonths': benefit_months / N,
            'transferCost': transfers, 'interventionCost': iv_cost}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('model')
    ap.add_argument('--replicates', type=int, default=200)
    # Throughput is flat for chunks of 1 to 50 replicates (27-30 M citizen-months/s on the
    # reference model); 25 keeps the (chunk, citizens, states) temporaries near 15 MB.
    ap.add_argument('--chunk', type=int, default=25, help='replicates simulated side by side')
    ap.add_argument('--seed', type=int, default=1)
    args = ap.parse_args()

    with open(args.model) as f:
        model = json.load(f)
    cm = compile_model(model)
    rng = np.random.default_rng(args.seed)
    N = sum(g['size'] for g in model['groups'])

    t0 = time.perf_counter()
    c0 = time.process_time()
    scenarios = []
    for sc in model['scenarios']:
        init, arm = scenario_arrays(model, cm, sc)
        parts = []
        for start in range(0, args.replicates, args.chunk):
            parts.append(simulate_chunk(cm, init, arm, min(args.chunk, args.replicates - start), rng))
        metrics = {}
        for name in parts[0]:
            v = np.concatenate([p[name] for p in parts])
            metrics[name] = {'mean': float(v.mean()), 'sd': float(v.std(ddof=1)) if v.size > 1 else 0.0}
        scenarios.append({'id': sc['id'], 'metrics': metrics, 'exact': exact_means(cm, init, arm)})
    seconds = time.perf_counter() - t0
    cpu = time.process_time() - c0

    cm_total = args.replicates * N * cm['H'] * len(model['scenarios'])
    print(json.dumps({
        'implementation': 'numpy ' + np.__version__,
        'replicates': args.replicates, 'chunk': args.chunk,
        'citizens': N, 'months': cm['H'], 'scenarios': len(model['scenarios']),
        'seconds': seconds, 'cpuSeconds': cpu,
        'citizenMonths': cm_total,
        'citizenMonthsPerSecond': cm_total / seconds,
        'citizenMonthsPerCpuSecond': cm_total / cpu,
        'peakRssMB': resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        'results': scenarios,
    }, indent=2))


if __name__ == '__main__':
    main()
