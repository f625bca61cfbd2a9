import { describe, expect, it } from 'vitest';
import { inputShapeProblem, MAX_INPUT_DEPTH } from '../../../main/domain/input-shape.ts';

function nested(depth: number): unknown {
  let value: unknown = 1;
  for (let i = 0; i < depth; i++) value = [value];
  return value;
}

describe('the shape every input must have', () => {
  it('takes ordinary operation input', () => {
    expect(
      inputShapeProblem({ selectionId: 'a', cells: [{ skuId: 'x', quantity: 2 }] }),
    ).toBeNull();
    expect(inputShapeProblem({ name: 'Café — 東京 🧥' })).toBeNull();
    expect(inputShapeProblem(null)).toBeNull();
  });

  it('refuses text with a lone surrogate, in a value or in a key', () => {
    expect(inputShapeProblem({ selectionId: '\ud800abc' })).toBe('not_unicode');
    expect(inputShapeProblem({ ['\udc00']: 1 })).toBe('not_unicode');
    expect(inputShapeProblem([['ok', '\ud83d']])).toBe('not_unicode');
  });

  it('refuses text with a NUL character, in a value or in a key', () => {
    expect(inputShapeProblem({ name: 'Coat\u0000' })).toBe('nul_character');
    expect(inputShapeProblem({ ['a\u0000b']: 1 })).toBe('nul_character');
    expect(inputShapeProblem({ note: 'line one\nline two\t' })).toBeNull();
  });

  it('refuses nesting deeper than any operation needs, however deep, without overflowing', () => {
    expect(inputShapeProblem(nested(MAX_INPUT_DEPTH))).toBeNull();
    expect(inputShapeProblem(nested(MAX_INPUT_DEPTH + 1))).toBe('too_deep');
    expect(inputShapeProblem(JSON.parse(`${'['.repeat(100_000)}${']'.repeat(100_000)}`))).toBe(
      'too_deep',
    );
  });
});
