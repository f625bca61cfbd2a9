import { z } from 'zod';
import { BUYER_PASSWORD, passwordLengthProblem } from '../../../main/domain/buyer-invitations.ts';
import { MAX_PO_NUMBER } from '../../../main/domain/delivery-window.ts';
import { PAYMENT_METHODS } from '../../../main/domain/order-states.ts';
import { AddressInput } from '../buyers.ts';
import { BuyerSelection, BuyerSelectionList, SharedSelection } from '../share-links.ts';
import { checkoutContactFields } from './checkout-contact.ts';
import { CheckoutAnswer, ShippingOptions } from './checkout-schemas.ts';
import { customerLinkSchemas } from './customer-link-schemas.ts';
import { dtcSchemas } from './dtc-schemas.ts';
import type { BuyerOperationName, BuyerRoutes } from './routes.ts';

/**
 * Each buyer API operation's input and output, as zod schemas: the hub validates input
 * and serializes output with them and writes its OpenAPI document from them; the buyer
 * pages take their types. An input is one object of fields, whatever part of the request
 * each travels in (routes.ts says which).
 */

const id = z.string().min(1).max(64);

/**
 * A share token as the buyer page sends it. Any text a link's address held is taken: a
 * malformed or cut-off token is one more link that does not open, and gets the same
 * answer as the others.
 */
const ShareToken = z.string().max(2048);

export const HubHealth = z
  .object({
    status: z.literal('ok'),
    version: z.string().describe('The hub release (package.json version).'),
    schemaVersion: z.string().describe('The last store migration this hub runs.'),
    brand: z.string().nullable().describe('The brand name, or null before one is set up.'),
    uptimeSeconds: z.number().int().nonnegative(),
  })
  .meta({ id: 'Health' });
export type HubHealth = z.infer<typeof HubHealth>;

export const CheckoutRequest = z.strictObject({
  token: ShareToken,
  /** Made by the page once per checkout, so a retry never places a second order. */
  orderId: z.uuid(),
  ...checkoutContactFields,
  /** Complete the checkout now (prepayment); otherwise request it. */
  complete: z.boolean().default(false),
  /**
   * The styles the page showed past their order deadline, which the buyer orders
   * without: any other style past its deadline refuses the checkout (deadline_passed),
   * so a deadline passing while the page was open never drops a line unseen.
   */
  leaveOut: z.array(id).max(2000).default([]),
  /**
   * Where the goods go; required to complete a checkout when shipping applies (the
   * customer-order-links spec's "Forced Display of Address Input Fields"). The hub
   * judges each field (main/domain/addresses.ts) and answers problems at `shipTo.<field>`.
   */
  shipTo: AddressInput.nullable().default(null),
  /** Where the invoice goes, when not to the ship-to address. */
  billTo: AddressInput.nullable().default(null),
  /**
   * The shipping rate group the buyer chose among shareLink.shippingOptions; the hub
   * resolves its rate for the address's country and the order's currency again and
   * charges what it finds, never an amount from the page.
   */
  shippingGroupId: id.nullable().default(null),
  paymentMethod: z.enum(PAYMENT_METHODS).nullable().default(null),
  poNumber: z.string().max(MAX_PO_NUMBER).default(''),
});

export const ShippingOptionsRequest = z.strictObject({
  token: ShareToken,
  /** ISO 3166-1 alpha-2 of the ship-to address; '' before one is chosen. */
  country: z.string().max(2).default(''),
});

export const DemoBuyerAccount = z.object({
  email: z.string(),
  password: z.string(),
  name: z.string(),
  /** The store (buyer) the person buys for. */
  store: z.string(),
});
export type DemoBuyerAccount = z.infer<typeof DemoBuyerAccount>;

/** What an invitation link shows before the password is set. */
export const Invitation = z
  .object({
    name: z.string(),
    email: z.string(),
    buyer: z.string(),
    brand: z.string(),
    /** The staff member who sent it. */
    invitedBy: z.string(),
    expiresAt: z.string(),
  })
  .meta({ id: 'Invitation' });
export type Invitation = z.infer<typeof Invitation>;

const nothing = z.strictObject({});

/** An operation's schemas; no output for answers that are not JSON (pictures, none). */
type SchemasOf<Route extends BuyerRoutes[BuyerOperationName]> = Route['answer'] extends
  'picture' | 'none'
  ? { input: z.ZodObject }
  : { input: z.ZodObject; output: z.ZodType };

export const buyerSchemas = {
  'hub.health': { input: nothing, output: HubHealth },
  'shareLink.open': { input: z.strictObject({ token: ShareToken }), output: SharedSelection },
  'shareLink.checkout': { input: CheckoutRequest, output: CheckoutAnswer },
  'shareLink.shippingOptions': { input: ShippingOptionsRequest, output: ShippingOptions },
  'shareLink.picture': { input: z.strictObject({ id, token: ShareToken }) },
  'buyer.signIn': {
    input: z.strictObject({
      email: z.string().trim().toLowerCase().max(320),
      password: z.string().max(500),
    }),
    output: z.object({ name: z.string() }),
  },
  'buyer.signOut': { input: nothing },
  'buyer.demoAccounts': {
    input: nothing,
    output: z.object({ accounts: z.array(DemoBuyerAccount).nullable() }),
  },
  'buyer.selections': { input: nothing, output: BuyerSelectionList },
  'buyer.selection': { input: z.strictObject({ id }), output: BuyerSelection },
  'buyer.picture': { input: z.strictObject({ id }) },
  'buyer.invitation': { input: z.strictObject({ token: ShareToken }), output: Invitation },
  'buyer.acceptInvitation': {
    input: z.strictObject({
      token: ShareToken,
      // The page's rule, in characters; the max bounds the bytes before the rule reads them.
      password: z
        .string()
        .max(BUYER_PASSWORD.maxLength * 2)
        .refine((password) => passwordLengthProblem(password) === null, {
          message: `From ${BUYER_PASSWORD.minLength} to ${BUYER_PASSWORD.maxLength} characters`,
        }),
    }),
    output: z.object({ name: z.string() }),
  },
  ...customerLinkSchemas,
  ...dtcSchemas,
} satisfies { [Name in BuyerOperationName]: SchemasOf<BuyerRoutes[Name]> };
