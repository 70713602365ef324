/** One thing wrong with an input, located by its path (e.g. `groups[0].size`). */
export interface Problem {
  /** Dotted path of the offending field, `(root)` for the whole input. */
  path: string;
  /** What was expected there. */
  message: string;
}

/**
 * The error forlob throws for bad input: a model that fails validation, bad options, an
 * unreadable file. It carries every problem found, each naming the field by its path.
 *
 * @example
 * ```ts
 * try { validateModel(json) } catch (e) {
 *   if (e instanceof ForlobInputError) for (const p of e.problems) console.log(p.path, p.message);
 * }
 * ```
 */
export class ForlobInputError extends Error {
  /** Every problem found, in input order. */
  readonly problems: Problem[];
  constructor(problems: Problem[], context?: string) {
    const lines = problems.map((p) => `${p.path}: ${p.message}`);
    super((context ? `${context}: ` : '') + lines.join('; '));
    this.name = 'ForlobInputError';
    this.problems = problems;
  }

  /**
   * `e instanceof ForlobInputError` holds for an error from any copy of this class: the ESM
   * and the CommonJS build, `forlob` and `forlob/node` (each loaded copy defines the class
   * once; the mark they share is a registered symbol). A subclass tests as usual.
   */
  static [Symbol.hasInstance](value: unknown): boolean {
    if (this !== ForlobInputError) return Function.prototype[Symbol.hasInstance].call(this, value);
    return (
      typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[FORLOB_INPUT_ERROR] === true
    );
  }
}

/** The mark every ForlobInputError carries, the same symbol in every copy of forlob. */
const FORLOB_INPUT_ERROR = Symbol.for('forlob.ForlobInputError');
Object.defineProperty(ForlobInputError.prototype, FORLOB_INPUT_ERROR, { value: true });

/** Format a path array the way users write it: `states[2].kind`, `transitions.kh.job`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const k of path) {
    if (typeof k === 'number') out += `[${k}]`;
    else out += out === '' ? String(k) : `.${String(k)}`;
  }
  return out === '' ? '(root)' : out;
}
