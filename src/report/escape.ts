/**
 * Hostile text made harmless where it reaches a terminal or a file: one helper for every
 * place that prints an id, a label, a file name or an error message. Control characters
 * (C0, DEL, C1: escape sequences that clear the screen, OSC 8 links, a newline that fakes
 * a second error line) and the invisible bidirectional and line-separator marks are shown
 * as escapes (`\x1b`, `\n`, `\u202e`) instead of being passed through; CSV cells that a
 * spreadsheet would read as a formula (`=`, `+`, `-`, `@`, a leading tab or carriage
 * return) get a leading `'`. JSON output needs none of this (JSON.stringify escapes C0)
 * and keeps ids as given, so merge and consumers see the model's own text.
 * @module
 */

/** Characters shown as escapes: C0 controls, DEL, C1 controls, bidi marks and overrides, U+2028/2029. */
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
const TEST = new RegExp(UNSAFE.source);

const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

function escapeChar(c: string): string {
  const named = NAMED[c];
  if (named) return named;
  const code = c.charCodeAt(0);
  return code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/**
 * `text` safe to print on a terminal or in a one-line-per-record file: every control
 * character, bidi mark and line separator written as a visible escape (`\x1b`, `\n`,
 * `\u202e`). Text without them is returned unchanged.
 */
export function printable(text: string): string {
  return TEST.test(text) ? text.replace(UNSAFE, escapeChar) : text;
}

/** Whether `v` is a plain object (not an arquero table, typed array or other instance). */
function isPlain(v: object): boolean {
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

/**
 * A copy of `value` with {@link printable} applied to every string, in plain objects and
 * arrays, keys included (so lookups by id keep working on the copy). Other objects (tables,
 * typed arrays) are kept as they are; parts without such text are shared, not copied.
 */
export function printableDeep<T>(value: T): T {
  return deep(value, new Map()) as T;
}

function deep(value: unknown, seen: Map<object, unknown>): unknown {
  if (typeof value === 'string') return printable(value);
  if (value === null || typeof value !== 'object') return value;
  if (seen.has(value)) return seen.get(value);
  if (Array.isArray(value)) {
    seen.set(value, value);
    let out: unknown[] | undefined;
    for (let i = 0; i < value.length; i++) {
      const v = value[i];
      const e = deep(v, seen);
      if (e !== v) {
        out ??= value.slice();
        out[i] = e;
      }
    }
    if (out) seen.set(value, out);
    return out ?? value;
  }
  if (!isPlain(value)) return value;
  seen.set(value, value);
  let changed = false;
  const entries = Object.entries(value).map(([k, v]) => {
    const key = printable(k);
    const e = deep(v, seen);
    if (key !== k || e !== v) changed = true;
    return [key, e] as const;
  });
  if (!changed) return value;
  const out = Object.fromEntries(entries);
  seen.set(value, out);
  return out;
}

/** A first character that makes a spreadsheet read a cell as a formula (OWASP's list). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A text cell for CSV: {@link printable}, and a leading `'` when a spreadsheet would read
 * it as a formula (`=HYPERLINK(…)`, `+1+1`, `-2+3`, `@SUM(…)`, a leading tab). Numbers are
 * not text cells and are never changed.
 */
export function csvText(text: string): string {
  const safe = printable(text);
  return FORMULA_START.test(text) ? `'${safe}` : safe;
}

/** Escape text for HTML element content and attribute values. */
export function escapeHtml(s: string): string {
  return s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string,
  );
}
