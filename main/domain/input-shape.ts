/**
 * What any input must be before its schema is even asked: text that is valid Unicode
 * (a lone surrogate cannot be stored, encoded into an address or sent on) without NUL, and
 * nesting no deeper than any operation needs (a deeply nested value overflows the
 * stack of whatever copies or walks it). One rule for every door: the desktop's
 * operations and the hub's requests.
 */
export const MAX_INPUT_DEPTH = 32;

export type InputShapeProblem = 'too_deep' | 'not_unicode' | 'nul_character';

export const INPUT_SHAPE_MESSAGES: Record<InputShapeProblem, string> = {
  too_deep: 'The request is nested too deeply to be read.',
  not_unicode: 'The request holds text that is not valid Unicode.',
  nul_character: 'The request holds text with a NUL character, which no field takes.',
};

/** No field takes it, and PostgreSQL cannot store it in text at all. */
const NUL = '\u0000';

function textProblem(text: string): InputShapeProblem | null {
  if (!text.isWellFormed()) return 'not_unicode';
  return text.includes(NUL) ? 'nul_character' : null;
}

/** Walks the value without recursion, so no input can overflow the walk itself. */
export function inputShapeProblem(
  value: unknown,
  maxDepth: number = MAX_INPUT_DEPTH,
): InputShapeProblem | null {
  const pending: { value: unknown; depth: number }[] = [{ value, depth: 0 }];
  while (pending.length > 0) {
    const { value: next, depth } = pending.pop()!;
    if (typeof next === 'string') {
      const problem = textProblem(next);
      if (problem) return problem;
      continue;
    }
    if (!isJsonContainer(next)) continue;
    if (depth >= maxDepth) return 'too_deep';
    if (Array.isArray(next)) {
      for (const item of next as unknown[]) pending.push({ value: item, depth: depth + 1 });
      continue;
    }
    for (const [key, item] of Object.entries(next)) {
      const problem = textProblem(key);
      if (problem) return problem;
      pending.push({ value: item, depth: depth + 1 });
    }
  }
  return null;
}

/** Arrays and plain objects, as JSON makes them; bytes, streams and the like are not walked. */
function isJsonContainer(value: unknown): value is object {
  if (Array.isArray(value)) return true;
  if (typeof value !== 'object' || value === null) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}
