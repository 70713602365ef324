/**
 * Stay lengths looked up instead of computed, for the lockstep engine. A stay on row r
 * lasts k = 1 + floor(log(1 − n / 2³²) / logStay[r]) months for a 32-bit draw n
 * (kernel.stayLength), and k only grows with n: it steps up exactly at the thresholds
 * kernel.stayThreshold finds. So a table of k by the draw's top {@link BITS} bits gives k
 * for every draw in a slot that no threshold splits, without a logarithm; a split slot
 * (one in twenty on a row leaving 3 % a month) says 0 and the engine takes the
 * logarithm as before. The logarithm was the lockstep engine's largest single cost
 * (bench/RESULTS.md, issue 17 item 3).
 * @module
 */
import type { CompiledModel } from '../../compile/compile.js';
import { stayThreshold } from '../kernel.js';

/** Top bits of the draw that pick a slot. */
const BITS = 12;
/** A draw n falls in slot n >>> SHIFT. */
export const SHIFT = 32 - BITS;
/** A slot saying CAP: the stay lasts CAP months or more. */
export const CAP = 255;
/** Draws on a row before its table is built: a table costs about as much as a few hundred logarithms. */
const BUILD_AFTER = 256;
/** At most this many tables per compiled model (4 kB each). */
const MAX_TABLES = 1024;

/** A compiled model's tables, built row by row once a row has been drawn on often enough. */
export interface StayTables {
  /** table[r]: k by slot for row r (0: split slot), or null while not built. */
  table: (Uint8Array | null)[];
  /** Draws on each row whose table is not built yet. */
  uses: Int32Array;
  /** Tables built. */
  built: number;
}

const cache = new WeakMap<CompiledModel, StayTables>();

/** The tables of `cm`, kept per compiled model so that a run's replicates share them. */
export function stayTables(cm: CompiledModel): StayTables {
  let t = cache.get(cm);
  if (t === undefined) {
    const rows = cm.stay.length;
    t = { table: new Array<Uint8Array | null>(rows).fill(null), uses: new Int32Array(rows), built: 0 };
    cache.set(cm, t);
  }
  return t;
}

/**
 * Count a draw on row r, whose table is not built, and build it when the row has been
 * drawn on often enough.
 */
export function countDraw(cm: CompiledModel, tables: StayTables, r: number): void {
  if (++tables.uses[r] === BUILD_AFTER && tables.built < MAX_TABLES) {
    tables.table[r] = buildTable(cm, r);
    tables.built++;
  }
}

/**
 * Row r's table: for slot q, holding the draws a = q · 2^SHIFT … b = a + 2^SHIFT − 1, the
 * stay length every one of them gives (CAP: CAP or more), or 0 when a threshold falls in
 * (a, b], so that the draws of the slot give different lengths.
 */
export function buildTable(cm: CompiledModel, r: number): Uint8Array {
  // th[j]: the smallest draw whose stay lasts longer than j months (2³² if none).
  const th = new Float64Array(CAP);
  for (let j = 1; j < CAP; j++) th[j] = stayThreshold(cm, r, j);
  const table = new Uint8Array(1 << BITS);
  const width = 2 ** SHIFT;
  let j = 1;
  for (let q = 0; q < table.length; q++) {
    const a = q * width;
    // The stay of draw a lasts j months: it outlasts the j − 1 months whose thresholds are ≤ a.
    while (j < CAP && th[j] <= a) j++;
    table[q] = j < CAP && th[j] <= a + width - 1 ? 0 : j;
  }
  return table;
}
