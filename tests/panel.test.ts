/**
 * Reading a register panel (fit/panel.ts): the state map's checks, bad rows named by line
 * and what was expected (or dropped and counted), weekly rows aggregated to months by the
 * status held most of the month, and the example DREAM-like map.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseStateMap, readPanel, type StateMap } from '../src/fit/panel.js';
import { problemsOf, ROOT } from './helpers.js';

const map: StateMap = {
  states: [
    { id: 'kh', kind: 'benefit', codes: ['KH', '731'] },
    { id: 'job', kind: 'success', codes: ['', 'JOB'] },
  ],
};

describe('state map', () => {
  it('refuses a code meaning two states and a duplicate id', () => {
    expect(
      problemsOf(() =>
        parseStateMap({
          states: [
            { id: 'kh', kind: 'benefit', codes: ['KH'] },
            { id: 'kh', kind: 'success', codes: ['KH'] },
          ],
        }),
      ),
    ).toEqual([
      { path: 'states[1].id', message: 'duplicate state id "kh"' },
      { path: 'states[1].codes[0]', message: 'code "KH" already means state "kh"' },
    ]);
    expect(problemsOf(() => parseStateMap({ states: [{ id: 'kh', kind: 'benefit' }] }))[0].path).toBe(
      'states[0].codes',
    );
  });
  it('reads the example DREAM-like map', () => {
    const m = parseStateMap(JSON.parse(readFileSync(join(ROOT, 'examples', 'maps', 'dream-states.json'), 'utf8')));
    expect(m.states.find((s) => s.codes.includes('731'))?.id).toBe('kh');
  });
});

describe('readPanel', () => {
  it('maps codes to states and numbers citizens in order of appearance, sorted by citizen and month', () => {
    const { panel } = readPanel('id,month,status\nb,2024-02,731\na,2024-01,KH\nb,2024-03,\na,2024-02,JOB\n', map);
    expect(panel.firstMonth).toBe(2024 * 12);
    expect(panel.months).toBe(3);
    expect([...panel.citizen]).toEqual([0, 0, 1, 1]);
    expect([...panel.month]).toEqual([1, 2, 0, 1]);
    expect([...panel.state]).toEqual([0, 1, 0, 1]);
  });
  const bad: [string, string, string][] = [
    ['id,month,status\na,2024-01,KH\na,2024-02,XX\n', 'panel line 3', 'unknown status code "XX"'],
    [
      'id,month,status\na,2024-01,KH\na,2024-01,JOB\n',
      'panel line 3',
      'a second row for the same citizen and month (the first on line 2',
    ],
    [
      'id,month,status\na,2024-02,KH\na,2024-01,JOB\n',
      'panel line 3',
      'month 2024-01 comes after a later month of the same citizen (line 2',
    ],
    ['id,month,status\na,2024-01,KH\n,2024-02,JOB\n', 'panel line 3', 'missing id'],
    ['id,month,status\na,2024-13,KH\n', 'panel line 2', 'month "2024-13" (expected YYYY-MM)'],
  ];
  it.each(bad)('names the line of a bad row: %#', (csv, path, message) => {
    const [p] = problemsOf(() => readPanel(csv, map));
    expect(p.path).toBe(path);
    expect(p.message).toContain(message);
  });
  it('names a missing column and a missing covariate value', () => {
    expect(problemsOf(() => readPanel('id,status\na,KH\n', map))[0].message).toContain('missing column "month"');
    const [p] = problemsOf(() =>
      readPanel('id,month,status,sex\na,2024-01,KH,f\na,2024-02,KH,\n', map, { columns: ['sex'] }),
    );
    expect(p).toEqual({ path: 'panel line 3', message: 'missing value in column "sex"' });
  });
  it('with dropBad drops bad rows and counts them by reason', () => {
    const csv = 'id,month,status\na,2024-01,KH\na,2024-01,JOB\na,2024-02,XX\n,2024-02,KH\nb,2024-02,KH\nb,2024-01,KH\n';
    const { panel, report } = readPanel(csv, map, { dropBad: true });
    expect(report).toMatchObject({
      rows: 6,
      kept: 2,
      dropped: { duplicate: 1, 'unknown code': 1, 'missing id': 1, 'out of order': 1 },
    });
    expect(report.examples.map((e) => e.line)).toEqual([3, 4, 5, 7]);
    expect(panel.citizens).toBe(2);
  });
  it('aggregates weeks to months by the status held on most days', () => {
    // 2024-W01 starts Monday 1 January. January: W01–W02 KH (14 days), W03–W05 JOB (14 + 3 days).
    // February: W05's other 4 days JOB, W06–W09 KH (5–29 February: 25 days).
    const status = ['KH', 'KH', 'JOB', 'JOB', 'JOB', 'KH', 'KH', 'KH', 'KH'];
    const rows = ['id,week,status', ...status.map((s, w) => `a,2024-W${String(w + 1).padStart(2, '0')},${s}`)];
    const { panel, report } = readPanel(`${rows.join('\n')}\n`, map);
    expect(report.weekly).toBe(true);
    // W09 runs 26 February – 3 March: March gets 3 KH days.
    expect([...panel.month]).toEqual([0, 1, 2]);
    expect([...panel.state]).toEqual([1, 0, 0]);
    expect(problemsOf(() => readPanel('id,week,status\na,2023-W53,KH\n', map))[0].message).toContain(
      'expected an ISO week YYYY-Www that the year has',
    );
  });
});

describe('quoted and plain CSV', () => {
  it('reads the same panel either way', () => {
    const plain = 'id,month,status,sex\na,2024-01,KH,f\na,2024-02,,f\nb,2024-01,731,m\n';
    const quoted = 'id,month,status,sex\n"a",2024-01,KH,f\na,2024-02,"",f\nb,2024-01,731,"m"\n';
    const p = readPanel(plain, map, { columns: ['sex'] }).panel;
    const q = readPanel(quoted, map, { columns: ['sex'] }).panel;
    expect(q).toEqual(p);
    expect([...p.state]).toEqual([0, 1, 0]);
  });
  it('names a line with the wrong number of fields', () => {
    expect(problemsOf(() => readPanel('id,month,status\na,2024-01\n', map))[0]).toEqual({
      path: 'panel line 2',
      message: '2 fields, expected 3 (id, month, status)',
    });
  });
});
