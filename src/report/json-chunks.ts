/**
 * JSON text in pieces: exactly the bytes of `JSON.stringify(value, null, 2)`, produced as
 * chunks of about a megabyte, so a document longer than the longest string a JavaScript
 * engine can hold (about 512 MB in V8: a run kept with `--keep-replicates`) can still be
 * written to a file or stdout.
 * @module
 */

/** Arrays shorter than this are serialised in one call. */
const SMALL_ARRAY = 256;
/** Chunks are handed out once about this many characters have gathered. */
const CHUNK = 1 << 20;

/** Elements of a long array serialised together when they are all numbers, null or booleans. */
const BATCH = 4096;

function scalars(v: unknown[], from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const x = v[i];
    if (x !== null && typeof x !== 'number' && typeof x !== 'boolean') return false;
  }
  return true;
}

function isPlainObject(v: object): boolean {
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

/**
 * The JSON text of `value` as `JSON.stringify(value, null, indent)` writes it, in chunks
 * whose concatenation is byte-identical to it (plain objects and long arrays are walked
 * here, everything else is serialised by JSON.stringify itself). A `value` that
 * serialises to nothing (undefined, a function) gives no chunks.
 */
export function* jsonChunks(value: unknown, indent = 2): Generator<string> {
  const gap = ' '.repeat(Math.max(0, Math.min(10, indent)));
  let parts: string[] = [];
  let size = 0;
  const stack = new Set<object>();

  // Each piece is pushed to `parts`; the generator hands them out between values.
  const push = (s: string) => {
    parts.push(s);
    size += s.length;
  };
  const take = (): string => {
    const s = parts.join('');
    parts = [];
    size = 0;
    return s;
  };

  /** Objects and long arrays are walked here; anything else is one JSON.stringify. */
  const walked = (v: unknown): v is object =>
    v !== null &&
    typeof v === 'object' &&
    typeof (v as { toJSON?: unknown }).toJSON !== 'function' &&
    (Array.isArray(v) ? v.length >= SMALL_ARRAY : isPlainObject(v));
  /** The text of a value not walked, at nesting `pad`; undefined when it serialises to nothing. */
  const leaf = (v: unknown, pad: string): string | undefined => {
    const text = JSON.stringify(v, null, gap);
    // A nested value is the top-level text indented once more per line (JSON strings hold no raw newlines).
    return text !== undefined && pad && gap ? text.replaceAll('\n', `\n${pad}`) : text;
  };

  function* walk(v: object, pad: string): Generator<string> {
    if (stack.has(v)) throw new TypeError('Converting circular structure to JSON');
    stack.add(v);
    const inner = pad + gap;
    const open = gap ? `\n${inner}` : '';
    const sep = gap ? `,\n${inner}` : ',';
    const close = gap ? `\n${pad}` : '';
    if (Array.isArray(v)) {
      push('[');
      for (let i = 0; i < v.length; ) {
        const end = Math.min(v.length, i + BATCH);
        if (scalars(v, i, end)) {
          // A run of numbers (the kept replicate rows): one JSON.stringify of the slice,
          // its brackets cut off, is exactly the elements with their separators.
          const text = leaf(v.slice(i, end), pad)!;
          push(i === 0 ? '' : ',');
          push(text.slice(1, text.length - 1 - close.length));
          i = end;
        } else {
          push(i === 0 ? open : sep);
          const x: unknown = v[i++];
          if (walked(x)) yield* walk(x, inner);
          else push(leaf(x, inner) ?? 'null');
        }
        if (size >= CHUNK) yield take();
      }
      push(v.length ? `${close}]` : ']');
    } else {
      push('{');
      let first = true;
      for (const key of Object.keys(v)) {
        const x = (v as Record<string, unknown>)[key];
        const text = walked(x) ? undefined : leaf(x, inner);
        if (text === undefined && !walked(x)) continue; // undefined, functions and symbols are left out
        push(`${first ? open : sep}${JSON.stringify(key)}:${gap ? ' ' : ''}`);
        first = false;
        if (text === undefined) yield* walk(x as object, inner);
        else push(text);
        if (size >= CHUNK) yield take();
      }
      push(first ? '}' : `${close}}`);
    }
    stack.delete(v);
  }

  if (walked(value)) yield* walk(value, '');
  else {
    const text = leaf(value, '');
    if (text !== undefined) push(text);
  }
  if (size) yield take();
}

/** A JSON output file or stdout: {@link jsonChunks} with 2-space indent, then a newline. */
export function* jsonDocument(value: unknown): Generator<string> {
  yield* jsonChunks(value, 2);
  yield '\n';
}
