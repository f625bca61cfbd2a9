import type { ParsedInputOf } from '../../preload/contract/index.ts';

/** Enough of a stack to find the component and the line; the rest repeats React's own frames. */
const STACK_LINES = 15;
const MESSAGE_CHARS = 1_000;

/**
 * An error that stopped part of the showroom's window, written to the main side's log
 * (the services worker's standard error, beside operations that failed): the window has
 * no log of its own that a person could send us.
 */
export function logWindowError(input: ParsedInputOf<'app.reportError'>): Promise<null> {
  const stack = input.stack
    .split('\n')
    .filter((line) => line.trim() !== '')
    .slice(0, STACK_LINES);
  console.error(
    [
      `The showroom's ${input.part} failed: ${input.message.slice(0, MESSAGE_CHARS)}`,
      ...stack,
    ].join('\n'),
  );
  return Promise.resolve(null);
}
