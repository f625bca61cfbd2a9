import type { z } from 'zod';

/**
 * One operation the renderer can ask of the main side: its input schema (checked at
 * every boundary) and, as a type only, what it answers.
 */
export interface Operation<Input extends z.ZodType, Output> {
  readonly input: Input;
  readonly summary: string;
  /** Never set: carries the output type. */
  readonly output?: Output;
}

export function operation<Output>() {
  return <Input extends z.ZodType>(definition: {
    input: Input;
    summary: string;
  }): Operation<Input, Output> => definition;
}
