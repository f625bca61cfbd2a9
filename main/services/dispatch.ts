import type { z } from 'zod';
import {
  contract,
  isOperationName,
  OperationError,
  type OperationErrorData,
  type OperationName,
  type OutputOf,
  type ParsedInputOf,
} from '../../preload/contract/index.ts';
import { INPUT_SHAPE_MESSAGES, inputShapeProblem } from '../domain/input-shape.ts';
import type { Actor } from './actor.ts';

/** The single implementation of every contract operation, each a function of (actor, input). */
export type HandlerTable = {
  [Name in OperationName]: (actor: Actor, input: ParsedInputOf<Name>) => Promise<OutputOf<Name>>;
};

export type DispatchResult =
  { ok: true; value: unknown } | { ok: false; error: OperationErrorData };

export interface DispatchOptions {
  /** Told about failures that are not the caller's fault; never about the input. */
  onInternalError?: (name: string, error: unknown) => void;
}

/**
 * The one door into the handler table: unknown names and invalid input are refused
 * with a readable message before any handler runs, so bad input changes nothing.
 */
export async function dispatch(
  handlers: HandlerTable,
  name: string,
  actor: Actor,
  rawInput: unknown,
  options: DispatchOptions = {},
): Promise<DispatchResult> {
  if (!isOperationName(name)) {
    return { ok: false, error: { code: 'not_found', message: `There is no operation "${name}".` } };
  }
  const shapeRefusal = refuseMisshapenInput(rawInput);
  if (shapeRefusal) return shapeRefusal;
  const parsed = contract[name].input.safeParse(rawInput ?? {});
  if (!parsed.success) {
    return { ok: false, error: invalidInput(parsed.error) };
  }
  try {
    const handler = handlers[name] as (actor: Actor, input: unknown) => Promise<unknown>;
    return { ok: true, value: await handler(actor, parsed.data) };
  } catch (error) {
    if (error instanceof OperationError) return { ok: false, error: error.toData() };
    options.onInternalError?.(name, error);
    return {
      ok: false,
      error: {
        code: 'internal',
        message: 'Something went wrong on our side. Nothing was changed.',
      },
    };
  }
}

/**
 * Input no schema should be asked about (see main/domain/input-shape.ts), refused in
 * words; also checked before input is copied to the services worker, which a deeply
 * nested value would overflow.
 */
export function refuseMisshapenInput(input: unknown): DispatchResult | null {
  const problem = inputShapeProblem(input);
  return problem
    ? { ok: false, error: { code: 'invalid_input', message: INPUT_SHAPE_MESSAGES[problem] } }
    : null;
}

function invalidInput(error: z.ZodError): OperationErrorData {
  const issues = error.issues.map((issue) => ({
    path: issue.path.map(String).join('.'),
    message: issue.message,
  }));
  const first = issues[0];
  const message = first
    ? `Invalid input: ${first.path ? `${first.path}: ` : ''}${first.message}`
    : 'Invalid input';
  return { code: 'invalid_input', message, issues };
}
