/**
 * Why a rule said no, as a code and its parameters, never an English sentence: the
 * showroom and the buyer pages translate the code (English and Japanese) and put the
 * parameters in, so a Japanese buyer never reads words written on the main side.
 * Parameters are plain strings and numbers so they cross every door (sync, the hub's
 * API, a stored refusal) unchanged.
 */
export type RefusalParams = Readonly<Record<string, string | number>>;

export interface Refusal<Code extends string = string> {
  readonly code: Code;
  readonly params: RefusalParams;
}

/** A rule's answer: what it allows, or why not. `ok` tells them apart, as parseAmount's answer does. */
export type Decided<Value, Code extends string = string> =
  ({ readonly ok: true } & Value) | ({ readonly ok: false } & Refusal<Code>);

export function refuse<Code extends string>(
  code: Code,
  params: RefusalParams = {},
): { readonly ok: false } & Refusal<Code> {
  return { ok: false, code, params };
}
