/**
 * A register panel: one row per citizen and month with the citizen's status, read from CSV
 * (or an Arrow table) with arquero, its raw status codes mapped to model states by a state
 * map. Held as flat arrays sorted by citizen and month; the citizens' ids are replaced by
 * their index at once, so nothing downstream can carry an id into a model.
 *
 * Weekly panels (a `week` column, `YYYY-Www`, ISO weeks as DREAM has them) become monthly:
 * each day of a week takes the week's status, and a month takes the status held on most of
 * its days (a tie goes to the status held later in the month). A month with no week is a
 * gap.
 * @module
 */
import { fromArrow, fromCSV, type ColumnTable } from 'arquero';
import { z } from 'zod';
import { ForlobInputError, formatPath, type Problem } from '../model/errors.js';
import { formatMonth } from '../model/dates.js';
import { issueToProblems } from '../model/validate.js';

/** One model state of a state map: its raw codes and what the fitted model says about it. */
export interface MapState {
  /** The model state's id. */
  id: string;
  /** `benefit`, `success` or `exit`. */
  kind: 'benefit' | 'success' | 'exit';
  /**
   * The raw status codes of the panel meaning this state. `""` (an empty status) is a code
   * like any other: DREAM leaves the status empty in a week without public support.
   */
  codes: string[];
  /** DKK per month in the state (kept in the fitted model). */
  monthlyTransfer?: number;
  /** Human-readable label. */
  label?: string;
}

/** The state map (`--states MAP`): raw status codes → model states, and optionally the panel's group column. */
export interface StateMap {
  /** Optional JSON Schema reference for editors. */
  $schema?: string;
  /** Free text: where the codes come from. */
  description?: string;
  /** The model states, in the order the fitted model lists them. */
  states: MapState[];
  /** A column of the panel whose values split the population into groups. */
  group?: string;
}

const mapStateSchema = z.strictObject({
  id: z.string().min(1, 'expected a non-empty id'),
  kind: z.enum(['benefit', 'success', 'exit']),
  codes: z.array(z.string()).min(1, 'expected at least one code'),
  monthlyTransfer: z.number().min(0, 'expected a number >= 0').optional(),
  label: z.string().optional(),
});

/** Zod schema of {@link StateMap} (its shape; {@link parseStateMap} checks ids and codes are unique). */
export const stateMapSchema: z.ZodType<StateMap> = z.strictObject({
  $schema: z.string().optional(),
  description: z.string().optional(),
  states: z.array(mapStateSchema).min(1, 'expected at least one state'),
  group: z.string().min(1).optional(),
});

/**
 * Check a state map: its shape, unique state ids, and codes that name one state only.
 *
 * @example
 * ```ts
 * parseStateMap({ states: [{ id: 'kh', kind: 'benefit', codes: ['KH', '731'] }, { id: 'job', kind: 'success', codes: ['JOB'] }] });
 * ```
 */
export function parseStateMap(raw: unknown): StateMap {
  const parsed = stateMapSchema.safeParse(raw);
  if (!parsed.success)
    throw new ForlobInputError(
      parsed.error.issues.flatMap((i) => issueToProblems(i, raw)),
      'invalid state map',
    );
  const problems: Problem[] = [];
  const ids = new Set<string>();
  const codeOf = new Map<string, string>();
  parsed.data.states.forEach((s, i) => {
    if (ids.has(s.id))
      problems.push({ path: formatPath(['states', i, 'id']), message: `duplicate state id "${s.id}"` });
    ids.add(s.id);
    s.codes.forEach((c, j) => {
      const other = codeOf.get(c);
      if (other !== undefined)
        problems.push({
          path: formatPath(['states', i, 'codes', j]),
          message: `code "${c}" already means state "${other}"`,
        });
      codeOf.set(c, s.id);
    });
  });
  if (problems.length) throw new ForlobInputError(problems, 'invalid state map');
  return parsed.data;
}

/** A categorical column of the panel: its levels and each row's level index. */
export interface PanelColumn {
  /** Column name. */
  name: string;
  /** The distinct values, in order of first appearance. */
  levels: string[];
  /** codes[row]: index into `levels`. */
  codes: Int32Array;
}

/**
 * A monthly panel as flat arrays, rows sorted by citizen then month. Citizens are numbered
 * 0 … `citizens` − 1 in order of first appearance; their ids are not kept.
 */
export interface Panel {
  /** Serial number (year · 12 + month − 1) of the panel's first month. */
  firstMonth: number;
  /** Number of calendar months from the first to the last month. */
  months: number;
  /** The model states, in the map's order. */
  states: MapState[];
  /** Number of citizens. */
  citizens: number;
  /** citizen[row]: the citizen's number. */
  citizen: Int32Array;
  /** month[row]: month index from `firstMonth`. */
  month: Int32Array;
  /** state[row]: index into `states`. */
  state: Int32Array;
  /** Categorical columns kept (the map's group column and the covariates). */
  columns: PanelColumn[];
}

/** One dropped row, or the first rows of a kind, with its line in the file. */
export interface BadRow {
  /** Line in the CSV file (the header is line 1), or row number + 1 for Arrow. */
  line: number;
  /** What was wrong and what was expected. */
  message: string;
}

/** What reading a panel did: rows read and kept, rows dropped by reason. */
export interface PanelReport {
  /** Data rows in the file. */
  rows: number;
  /** Rows kept (after weekly aggregation: citizen-months). */
  kept: number;
  /** Whether the panel was weekly (aggregated to months by the status held most of the month). */
  weekly: boolean;
  /** Rows dropped (with `dropBad`) by reason: unknown code, duplicate, out of order, missing id, bad date, missing value. */
  dropped: Record<string, number>;
  /** The first dropped rows (at most 20), for the user to look at. */
  examples: BadRow[];
}

/** A panel as read, with what reading it did. */
export interface PanelRead {
  /** The panel. */
  panel: Panel;
  /** Rows read, kept and dropped. */
  report: PanelReport;
}

/** Options of {@link readPanel}. */
export interface ReadPanelOptions {
  /** Categorical columns to keep beside the map's group column (covariates). */
  columns?: readonly string[];
  /** Drop bad rows and count them in the report instead of failing on the first. */
  dropBad?: boolean;
}

const WEEK = /^(\d{4})-W(\d{2})$/;
const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** Days from 1970-01-01 to the Monday of ISO week `w` of `year`, or NaN for a week the year lacks. */
function isoWeekMonday(year: number, w: number): number {
  const jan4 = Date.UTC(year, 0, 4) / 86_400_000;
  const dow = (new Date(jan4 * 86_400_000).getUTCDay() + 6) % 7;
  const monday = jan4 - dow + (w - 1) * 7;
  // A year has week 53 only when its 28 December falls in it.
  const lastWeek = Math.floor((Date.UTC(year, 11, 28) / 86_400_000 - (jan4 - dow)) / 7) + 1;
  return w >= 1 && w <= lastWeek ? monday : NaN;
}

/**
 * Read a panel from CSV text (columns `id`, `month` or `week`, `status`, and any others).
 * Every value is read as text. A bad row — a missing id, a date that is not `YYYY-MM` (or
 * `YYYY-Www`), a status code the map lacks, a second row for the same citizen and month, a
 * month earlier than the citizen's previous row, an empty covariate — is an error naming its
 * line and what was expected, or with `dropBad` is dropped and counted.
 *
 * @example
 * ```ts
 * const { panel, report } = readPanel('id,month,status\na,2024-01,KH\na,2024-02,JOB\n', map);
 * ```
 */
export function readPanel(csv: string, map: StateMap, options: ReadPanelOptions = {}): PanelRead {
  let table: PanelTable;
  try {
    table = csv.includes('"') ? fromCSV(csv, { autoType: false, parse: internAll(csv) }) : plainCSV(csv);
  } catch (e) {
    if (e instanceof ForlobInputError) throw e;
    throw new ForlobInputError([{ path: 'panel', message: `malformed CSV: ${(e as Error).message}` }]);
  }
  return panelFromTable(table, map, options);
}

/**
 * Read a panel from Arrow IPC bytes (the same columns as {@link readPanel}; values are read
 * as text).
 */
export function readPanelArrow(bytes: Uint8Array, map: StateMap, options: ReadPanelOptions = {}): PanelRead {
  let table: ColumnTable;
  try {
    table = fromArrow(bytes);
  } catch (e) {
    throw new ForlobInputError([{ path: 'panel', message: `malformed Arrow file: ${(e as Error).message}` }]);
  }
  return panelFromTable(table, map, options);
}

/** What {@link panelFromTable} reads of a table: an arquero table, or anything with these three methods. */
export type PanelTable = Pick<ColumnTable, 'columnNames' | 'numRows' | 'getter'>;

/** A getter per column of the header of `csv`, each making equal values share one string. */
function internAll(csv: string): Record<string, (v: string) => string> {
  const header = csv
    .slice(0, Math.max(0, csv.search(/\r?\n/)))
    .split(',')
    .map((h) => h.trim().replace(/^"|"$/g, ''));
  return Object.fromEntries(header.map((h) => [h, interner()]));
}

/** A function returning one shared string for equal values: a panel repeats its months, codes and covariates millions of times. */
function interner(): (v: string) => string {
  const seen = new Map<string, string>();
  return (v) => {
    const hit = seen.get(v);
    if (hit !== undefined) return hit;
    seen.set(v, v);
    return v;
  };
}

/**
 * CSV without quotes, read line by line into columns of shared strings. Arquero's reader
 * (used for quoted CSV) builds every row's strings before its columns, which for a 3 M-row
 * panel needs about 2 GB; this needs the text and one reference per value.
 */
function plainCSV(csv: string): PanelTable {
  let pos = 0;
  const nextLine = (): string | null => {
    if (pos >= csv.length) return null;
    let end = csv.indexOf('\n', pos);
    if (end < 0) end = csv.length;
    let line = csv.slice(pos, end);
    pos = end + 1;
    if (line.endsWith('\r')) line = line.slice(0, -1);
    return line;
  };
  const names = (nextLine() ?? '').split(',').map((h) => h.trim());
  const columns = names.map(() => [] as string[]);
  const intern = names.map(() => interner());
  let line = nextLine();
  for (let row = 2; line !== null; line = nextLine(), row++) {
    if (line === '') continue;
    const fields = line.split(',');
    if (fields.length !== names.length)
      throw new ForlobInputError([
        {
          path: `panel line ${row}`,
          message: `${fields.length} fields, expected ${names.length} (${names.join(', ')})`,
        },
      ]);
    for (let k = 0; k < names.length; k++) columns[k].push(intern[k](fields[k]));
  }
  return {
    columnNames: () => names,
    numRows: () => columns[0]?.length ?? 0,
    getter: (name: string) => {
      const col = columns[names.indexOf(name)];
      return (i: number) => col[i];
    },
  } as unknown as PanelTable;
}

/** A panel from an arquero table of its rows (see {@link readPanel}). */
export function panelFromTable(table: PanelTable, map: StateMap, options: ReadPanelOptions = {}): PanelRead {
  const names = table.columnNames();
  const need = (c: string) => {
    if (!names.includes(c))
      throw new ForlobInputError([
        { path: 'panel', message: `missing column "${c}" (the panel has ${names.join(', ') || 'no columns'})` },
      ]);
  };
  need('id');
  need('status');
  const weekly = !names.includes('month') && names.includes('week');
  if (!weekly) need('month');
  const keep = [...new Set([...(map.group !== undefined ? [map.group] : []), ...(options.columns ?? [])])];
  for (const c of keep) need(c);

  const n = table.numRows();
  const text = (name: string) => {
    const col = table.getter(name);
    return (i: number): string => {
      const v = col(i);
      return v === null || v === undefined ? '' : String(v).trim();
    };
  };
  const idOf = text('id');
  const dateOf = text(weekly ? 'week' : 'month');
  const statusOf = text('status');
  const colOf = keep.map(text);
  const code = new Map<string, number>();
  map.states.forEach((s, i) => {
    for (const c of s.codes) code.set(c, i);
  });

  const dropped: Record<string, number> = {};
  const examples: BadRow[] = [];
  const bad = (i: number, kind: string, message: string) => {
    const line = i + 2;
    if (!options.dropBad) throw new ForlobInputError([{ path: `panel line ${line}`, message }], 'invalid panel');
    dropped[kind] = (dropped[kind] ?? 0) + 1;
    if (examples.length < 20) examples.push({ line, message });
  };

  // Pass 1: check each row and turn it into (citizen, unit, state, columns).
  const citizenIndex = new Map<string, number>();
  const lastUnit: number[] = [];
  const lastLine: number[] = [];
  const rowCitizen = new Int32Array(n);
  const rowUnit = new Int32Array(n);
  const rowState = new Int32Array(n);
  const levelMaps = keep.map(() => new Map<string, number>());
  const rowCols = keep.map(() => new Int32Array(n));
  const codesList = [...code.keys()];
  // A panel has few distinct dates: each is read once.
  const unitOf = new Map<string, number>();
  const values: string[] = new Array(keep.length);
  let kept = 0;
  let sorted = true;
  for (let i = 0; i < n; i++) {
    const id = idOf(i);
    if (id === '') {
      bad(i, 'missing id', 'missing id (expected a citizen id in column "id")');
      continue;
    }
    const date = dateOf(i);
    let unit = unitOf.get(date);
    if (unit === undefined) {
      if (weekly) {
        const m = WEEK.exec(date);
        unit = m ? isoWeekMonday(Number(m[1]), Number(m[2])) : NaN;
      } else {
        const m = MONTH.exec(date);
        unit = m ? Number(m[1]) * 12 + Number(m[2]) - 1 : NaN;
      }
      unitOf.set(date, unit);
    }
    if (Number.isNaN(unit)) {
      bad(
        i,
        'bad date',
        weekly
          ? `week ${JSON.stringify(date)} (expected an ISO week YYYY-Www that the year has)`
          : `month ${JSON.stringify(date)} (expected YYYY-MM)`,
      );
      continue;
    }
    const st = code.get(statusOf(i));
    if (st === undefined) {
      const shown = codesList.length > 12 ? `${codesList.slice(0, 12).join(', ')}, …` : codesList.join(', ');
      bad(
        i,
        'unknown code',
        `unknown status code ${JSON.stringify(statusOf(i))} (expected one of the map's codes: ${shown})`,
      );
      continue;
    }
    let empty = -1;
    for (let k = 0; k < keep.length; k++) {
      values[k] = colOf[k](i);
      if (values[k] === '' && empty < 0) empty = k;
    }
    if (empty >= 0) {
      bad(i, 'missing value', `missing value in column "${keep[empty]}"`);
      continue;
    }
    let c = citizenIndex.get(id);
    if (c !== undefined) {
      const unitWord = weekly ? 'week' : 'month';
      if (unit === lastUnit[c]) {
        bad(
          i,
          'duplicate',
          `a second row for the same citizen and ${unitWord} (the first on line ${lastLine[c]}; expected one row per citizen and ${unitWord})`,
        );
        continue;
      }
      if (unit < lastUnit[c]) {
        bad(
          i,
          'out of order',
          `${unitWord} ${date} comes after a later ${unitWord} of the same citizen (line ${lastLine[c]}; expected each citizen's rows in ascending ${unitWord} order)`,
        );
        continue;
      }
    } else {
      c = citizenIndex.size;
      citizenIndex.set(id, c);
    }
    lastUnit[c] = unit;
    lastLine[c] = i + 2;
    if (kept > 0 && (c < rowCitizen[kept - 1] || (c === rowCitizen[kept - 1] && unit < rowUnit[kept - 1])))
      sorted = false;
    rowCitizen[kept] = c;
    rowUnit[kept] = unit;
    rowState[kept] = st;
    for (let k = 0; k < keep.length; k++) {
      let lv = levelMaps[k].get(values[k]);
      if (lv === undefined) {
        lv = levelMaps[k].size;
        levelMaps[k].set(values[k], lv);
      }
      rowCols[k][kept] = lv;
    }
    kept++;
  }
  const citizens = citizenIndex.size;
  citizenIndex.clear();
  if (kept === 0)
    throw new ForlobInputError([{ path: 'panel', message: 'no rows to fit (expected at least one good row)' }]);

  // Sort by citizen, then date (a file sorted that way, the usual case, needs no sort).
  const order = Int32Array.from({ length: kept }, (_, r) => r);
  if (!sorted) order.sort((a, b) => rowCitizen[a] - rowCitizen[b] || rowUnit[a] - rowUnit[b]);

  let out: {
    citizen: ArrayLike<number>;
    month: ArrayLike<number>;
    state: ArrayLike<number>;
    cols: ArrayLike<number>[];
  };
  if (!weekly) {
    const pick = (a: Int32Array) => (sorted ? a.subarray(0, kept) : Int32Array.from(order, (r) => a[r]));
    out = { citizen: pick(rowCitizen), month: pick(rowUnit), state: pick(rowState), cols: rowCols.map(pick) };
  } else out = weeksToMonths(order, rowCitizen, rowUnit, rowState, rowCols, map.states.length);

  let first = Infinity;
  let last = -Infinity;
  for (let r = 0; r < out.month.length; r++) {
    const m = out.month[r];
    if (m < first) first = m;
    if (m > last) last = m;
  }
  const panel: Panel = {
    firstMonth: first,
    months: last - first + 1,
    states: map.states,
    citizens,
    citizen: Int32Array.from(out.citizen),
    month: Int32Array.from(out.month, (m) => m - first),
    state: Int32Array.from(out.state),
    columns: keep.map((name, k) => ({ name, levels: [...levelMaps[k].keys()], codes: Int32Array.from(out.cols[k]) })),
  };
  return {
    panel,
    report: {
      rows: n,
      kept: panel.citizen.length,
      weekly,
      dropped,
      examples,
    },
  };
}

/**
 * Weekly rows (sorted by citizen and week) to monthly ones: every day of a week takes its
 * status; a month takes the status with the most days, a tie going to the later status;
 * covariates take the value of the month's last week.
 */
function weeksToMonths(
  order: Int32Array,
  rowCitizen: Int32Array,
  rowUnit: Int32Array,
  rowState: Int32Array,
  rowCols: Int32Array[],
  S: number,
): { citizen: number[]; month: number[]; state: number[]; cols: number[][] } {
  const out = {
    citizen: [] as number[],
    month: [] as number[],
    state: [] as number[],
    cols: rowCols.map(() => [] as number[]),
  };
  const days = new Float64Array(S);
  const lastDay = new Float64Array(S);
  let cur = -1;
  let curMonth = -1;
  let cols: number[] = [];
  const flush = () => {
    if (cur < 0) return;
    let best = -1;
    for (let s = 0; s < S; s++)
      if (days[s] > 0 && (best < 0 || days[s] > days[best] || (days[s] === days[best] && lastDay[s] > lastDay[best])))
        best = s;
    out.citizen.push(cur);
    out.month.push(curMonth);
    out.state.push(best);
    for (let k = 0; k < cols.length; k++) out.cols[k].push(cols[k]);
    days.fill(0);
    lastDay.fill(0);
  };
  for (const r of order) {
    for (let d = 0; d < 7; d++) {
      const day = rowUnit[r] + d;
      const date = new Date(day * 86_400_000);
      const month = date.getUTCFullYear() * 12 + date.getUTCMonth();
      if (rowCitizen[r] !== cur || month !== curMonth) {
        flush();
        cur = rowCitizen[r];
        curMonth = month;
      }
      days[rowState[r]]++;
      lastDay[rowState[r]] = day;
      cols = rowCols.map((col) => col[r]);
    }
  }
  flush();
  return out;
}

/** Options of {@link panelToCSV}. */
export interface PanelCSVOptions {
  /** Write each state's first raw code rather than its id. */
  codes?: boolean;
  /** Prefix of the synthetic citizen ids (default `p`). */
  idPrefix?: string;
}

/**
 * A panel as CSV text in chunks (`id,month,status` and its columns), ids made up from the
 * citizen numbers (`p000001`), one chunk per 10,000 rows so a large panel never needs one
 * huge string.
 */
export function* panelToCSV(panel: Panel, options: PanelCSVOptions = {}): Generator<string> {
  const prefix = options.idPrefix ?? 'p';
  const width = Math.max(6, String(panel.citizens).length);
  const status = panel.states.map((s) => csvField(options.codes ? s.codes[0] : s.id));
  const levels = panel.columns.map((c) => c.levels.map(csvField));
  const monthText = Array.from({ length: panel.months }, (_, t) => formatMonth(panel.firstMonth + t));
  yield `${['id', 'month', 'status', ...panel.columns.map((c) => csvField(c.name))].join(',')}\n`;
  let chunk: string[] = [];
  for (let r = 0; r < panel.citizen.length; r++) {
    let line = `${prefix}${String(panel.citizen[r] + 1).padStart(width, '0')},${monthText[panel.month[r]]},${status[panel.state[r]]}`;
    for (let k = 0; k < levels.length; k++) line += `,${levels[k][panel.columns[k].codes[r]]}`;
    chunk.push(line);
    if (chunk.length === 10_000) {
      yield `${chunk.join('\n')}\n`;
      chunk = [];
    }
  }
  if (chunk.length) yield `${chunk.join('\n')}\n`;
}

/** A CSV field, quoted when it holds a comma, quote or line break. */
function csvField(v: string): string {
  return /[",\n\r]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v;
}
