import { z } from 'zod';
import {
  BUYER_CODE,
  OFFLINE_LOG_IN_EMAIL,
  OFFLINE_LOG_IN_PASSWORD,
  PASSCODE,
} from '../../main/domain/buyer-credentials.ts';
import { operation } from './operation.ts';

/**
 * The credentials the brand sets for a buyer to log in to customer order links with
 * (main/domain/buyer-credentials.ts): kept and checked only by the hub, so desktops ask
 * it, online; the same shapes travel from the hub to the desktop and on to the renderer.
 * What is typed is bounded here only against abuse: the domain's rules judge it and say
 * what is wrong at the field, with a code and its parameters.
 */

const id = z.string().min(1).max(64);
/** Far beyond any rule's maximum, so a too-long entry is judged by the rule, at its field. */
const typed = (max: number) => z.string().max(max * 4);

export const BuyerCredentialsRef = z.strictObject({ buyerId: id });

export const SetOfflineLogInInput = z.strictObject({
  buyerId: id,
  email: typed(OFFLINE_LOG_IN_EMAIL.maxLength),
  /** Absent or empty keeps the password already set. */
  password: typed(OFFLINE_LOG_IN_PASSWORD.maxLength).optional(),
});
export type SetOfflineLogInInput = z.input<typeof SetOfflineLogInInput>;

export const SetBrandCodeInput = z.strictObject({
  buyerId: id,
  code: typed(BUYER_CODE.maxLength),
  /** Absent or empty keeps the passcode already set. */
  passcode: typed(PASSCODE.maxLength).optional(),
});
export type SetBrandCodeInput = z.input<typeof SetBrandCodeInput>;

/** A credential that is set: who set it and when, and whether failures locked it. Never its secret. */
const SetCredential = z.object({
  setAt: z.string(),
  /** The staff member's name; null if they are no longer on the hub. */
  setBy: z.string().nullable(),
  /** Locked after its lifetime cap of failed log-ins, until an admin unlocks it under Devices. */
  locked: z.boolean(),
});

export const BuyerCredentials = z.object({
  buyerId: z.string(),
  /** Only an offline buyer logs in with an email and password the brand sets. */
  offlineBuyer: z.boolean(),
  /** "Login with Offline Buyer": the email (its password is set with it). */
  offlineLogIn: SetCredential.extend({ email: z.string() }).nullable(),
  /** "Login with Brand-Specific Credentials": the unique code (its passcode is set with it). */
  brandCode: SetCredential.extend({ code: z.string() }).nullable(),
});
export type BuyerCredentials = z.infer<typeof BuyerCredentials>;

export const buyerCredentialsOperations = {
  'buyerCredentials.get': operation<BuyerCredentials>()({
    input: BuyerCredentialsRef,
    summary: "A buyer's customer order link sign-in: what is set, never a secret (online)",
  }),
  'buyerCredentials.setOfflineLogIn': operation<BuyerCredentials>()({
    input: SetOfflineLogInInput,
    summary: "Set or change an offline buyer's email and password for customer order links",
  }),
  'buyerCredentials.clearOfflineLogIn': operation<BuyerCredentials>()({
    input: BuyerCredentialsRef,
    summary: "Remove an offline buyer's email and password: it no longer logs in with them",
  }),
  'buyerCredentials.setBrandCode': operation<BuyerCredentials>()({
    input: SetBrandCodeInput,
    summary: "Set or change a buyer's brand-specific unique code and passcode",
  }),
  'buyerCredentials.clearBrandCode': operation<BuyerCredentials>()({
    input: BuyerCredentialsRef,
    summary: "Remove a buyer's unique code and passcode: nobody logs in with them",
  }),
};
