/**
 * Duplicate keys in JSON text. `JSON.parse` keeps the last of two equal keys without a
 * word, so `{"size": 980, "size": 98}` would run with 98 and nobody the wiser; a model
 * file is scanned for them once it parses. The scan is iterative (no recursion, however
 * deep the nesting) and reads keys as JSON does, escapes included.
 * @module
 */
import { formatPath, type Problem } from './errors.js';

interface Frame {
  /** Keys seen so far (an object), or null (an array). */
  keys: Set<string> | null;
  /** The current key of an object. */
  key: string;
  /** The current index of an array. */
  index: number;
  /** The next string in this object is a key. */
  expectKey: boolean;
}

/**
 * Every duplicate key in `text`, which must already be valid JSON (parse it first), with
 * the path of the repeated key; at most `limit` of them.
 *
 * @example
 * ```ts
 * duplicateKeys('{"groups": [{"id": "a", "size": 1, "size": 2}]}');
 * // [{ path: 'groups[0].size', message: 'duplicate key "size" …' }]
 * ```
 */
export function duplicateKeys(text: string, limit = 20): Problem[] {
  const out: Problem[] = [];
  const stack: Frame[] = [];
  const n = text.length;
  let i = 0;
  const here = (): PropertyKey[] => stack.slice(0, -1).map((f) => (f.keys ? f.key : f.index));
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 0x7b /* { */ || c === 0x5b /* [ */) {
      stack.push({ keys: c === 0x7b ? new Set() : null, key: '', index: 0, expectKey: c === 0x7b });
      i++;
    } else if (c === 0x7d /* } */ || c === 0x5d /* ] */) {
      stack.pop();
      i++;
    } else if (c === 0x2c /* , */) {
      const top = stack[stack.length - 1];
      if (top?.keys) top.expectKey = true;
      else if (top) top.index++;
      i++;
    } else if (c === 0x22 /* " */) {
      let j = i + 1;
      let escaped = false;
      for (;;) {
        const d = text.charCodeAt(j);
        if (d === 0x22 || Number.isNaN(d)) break;
        if (d === 0x5c /* \ */) {
          escaped = true;
          j += 2;
        } else j++;
      }
      const top = stack[stack.length - 1];
      if (top?.keys && top.expectKey) {
        const key = escaped ? (JSON.parse(text.slice(i, j + 1)) as string) : text.slice(i + 1, j);
        top.expectKey = false;
        top.key = key;
        if (top.keys.has(key)) {
          out.push({
            path: formatPath([...here(), key]),
            message: `duplicate key ${JSON.stringify(key)} (JSON keeps only the last one: give each key once)`,
          });
          if (out.length >= limit) return out;
        }
        top.keys.add(key);
      }
      i = j + 1;
    } else i++;
  }
  return out;
}
