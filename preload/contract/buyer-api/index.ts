import type { z } from 'zod';
import type { HubErrorBody } from '../hub-errors.ts';
import type { BuyerOperationName, BuyerRoutes, COMMON_REFUSALS } from './routes.ts';
import type { buyerSchemas } from './schemas.ts';

/**
 * The hub's buyer-facing API, declared once: what the buyer pages may ask of the hub that
 * serves them. Each operation has a route (routes.ts) and schemas (schemas.ts), under the
 * same name; the hub mounts one handler per operation (main/hub/buyer-api/), and the
 * buyer pages call it through renderer/buyer/call.ts.
 */
export { buyerRoutes, type BuyerOperationName, type BuyerRoute } from './routes.ts';
export * from './schemas.ts';
export * from './customer-link-schemas.ts';
export * from './checkout-schemas.ts';
export * from './dtc-schemas.ts';

type Schemas = typeof buyerSchemas;

/** What a caller sends: defaults not yet applied. */
export type BuyerInputOf<Name extends BuyerOperationName> = z.input<Schemas[Name]['input']>;
/** What a handler receives: validated, defaults applied. */
export type BuyerParsedInputOf<Name extends BuyerOperationName> = z.output<Schemas[Name]['input']>;
/** The JSON an operation answers with when it succeeds; never for pictures and no-content answers. */
export type BuyerOutputOf<Name extends BuyerOperationName> = Schemas[Name] extends {
  output: infer Output extends z.ZodType;
}
  ? z.output<Output>
  : never;

export type AnswerKindOf<Name extends BuyerOperationName> = BuyerRoutes[Name]['answer'];

/** The codes an operation may refuse with. */
export type RefusalOf<Name extends BuyerOperationName> =
  (keyof BuyerRoutes[Name]['refusals'] & string) | keyof typeof COMMON_REFUSALS;

/** A refusal as the hub sends it, its code narrowed to the operation's. */
export type BuyerRefusal<Name extends BuyerOperationName> = Omit<HubErrorBody['error'], 'code'> & {
  code: RefusalOf<Name>;
};

/** Operations whose caller holds a share link: their input carries its token. */
type LinkHolderOperation = {
  [Name in BuyerOperationName]: BuyerRoutes[Name]['caller'] extends 'linkHolder' ? Name : never;
}[BuyerOperationName];

// A link holder is known by the token in its input: an operation for link holders without
// one fails the build here.
type Holds<Condition extends true> = Condition;
type _LinkHoldersSendTokens = Holds<
  {
    [Name in LinkHolderOperation]: BuyerParsedInputOf<Name> extends { token: string }
      ? true
      : false;
  }[LinkHolderOperation]
>;
