import { z } from 'zod';
import { CREDENTIAL_LOG_IN_REFUSALS } from '../../main/domain/buyer-credentials.ts';
import { SIGN_IN_TICKET_REFUSALS } from '../../main/domain/link-sign-in-tickets.ts';
import { DTC_CHECKOUT_REFUSALS } from '../../main/domain/dtc-checkout.ts';
import { MEDIA_REFUSALS } from '../../main/domain/media.ts';
import { DELIVERY_WINDOW_REFUSALS, PO_NUMBER_REFUSALS } from '../../main/domain/delivery-window.ts';
import { ORDER_STATE_REFUSALS, PAYMENT_REFUSALS } from '../../main/domain/order-states.ts';
import { ORDER_TOTALS_REFUSALS } from '../../main/domain/order-totals.ts';
import { STOCK_REFUSALS } from '../../main/domain/stock.ts';

/**
 * Every refusal the hub answers has one shape, `{ error: { code, message } }`, with a
 * message a person can read. Anything the client sent wrong is a 4xx; a 500 means a
 * defect in the hub and says nothing about its internals.
 */
export const HUB_ERROR_CODES = [
  'invalid_json',
  'invalid_input',
  'payload_too_large',
  'unsupported_media_type',
  'not_found',
  'unauthorized',
  'forbidden',
  'conflict',
  'rate_limited',
  /** An account locked after too many failed attempts in a row, until an admin unlocks it. */
  'account_locked',
  /** A wrong secret, or a credential or link passcode locked at its lifetime cap (buyer-credentials.ts). */
  ...CREDENTIAL_LOG_IN_REFUSALS,
  'update_required',
  'device_revoked',
  'wrong_device',
  'out_of_order',
  'unknown_mutation',
  /** A share link that is unknown, expired, revoked or switched off: one answer for all. */
  'link_expired',
  /** A ticket to open a customer order link as a buyer that does not work (link-sign-in-tickets.ts). */
  ...SIGN_IN_TICKET_REFUSALS,
  /** A buyer ordering a style whose catalogs' order deadline has passed. */
  'deadline_passed',
  // The order rules' refusals, under the names their domain modules give them.
  ...STOCK_REFUSALS,
  ...ORDER_STATE_REFUSALS,
  ...PAYMENT_REFUSALS,
  ...ORDER_TOTALS_REFUSALS,
  ...DELIVERY_WINDOW_REFUSALS,
  // A DTC checkout link's basket that cannot be bought as asked (main/domain/dtc-checkout.ts).
  ...DTC_CHECKOUT_REFUSALS,
  ...PO_NUMBER_REFUSALS,
  // An upload refused by what it holds (main/domain/media.ts).
  ...MEDIA_REFUSALS,
  'unavailable',
  'internal',
] as const;
export type HubErrorCode = (typeof HUB_ERROR_CODES)[number];

/** A refused request's problem at one field: where, its code, and a rule's parameters (`{ min: 8 }`). */
export const HubIssue = z.object({
  path: z.string(),
  code: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});
export type HubIssue = z.infer<typeof HubIssue>;

export const HubErrorBody = z
  .object({
    error: z.object({
      code: z.enum(HUB_ERROR_CODES),
      message: z.string(),
      /** With out_of_order: the seq the hub expects next. */
      expectedSeq: z.number().int().optional(),
      /** With rate_limited: when to try again. */
      retryAfterSeconds: z.number().int().optional(),
      /**
       * With invalid_input from a schema: each problem's field (a dotted path within the
       * part named in the message, such as `email`) and its code (`too_small`,
       * `too_big`, `invalid_format`, …), for a page to say it at the field in its own words.
       */
      issues: z.array(HubIssue).optional(),
      /**
       * A rule's refusal: the code's parameters (deadline_passed: the styles), for the page
       * to say it in its own words.
       */
      params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
      /**
       * Every refusal of the same kind at once, each with its parameters, e.g. one
       * `insufficient_stock` per short size ("Only 3 left in M").
       */
      refusals: z
        .array(
          z.object({
            code: z.string(),
            params: z.record(z.string(), z.union([z.string(), z.number()])),
          }),
        )
        .optional(),
    }),
  })
  .meta({ id: 'HubError', description: 'Why the hub refused or could not answer a request.' });
export type HubErrorBody = z.infer<typeof HubErrorBody>;
