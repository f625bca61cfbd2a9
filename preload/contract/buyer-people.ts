import { z } from 'zod';
import { INVITEE_LIMITS } from '../../main/domain/buyer-invitations.ts';
import { operation } from './operation.ts';

/**
 * The people of a buyer (a store) who log in to the buyer pages, as the brand manages
 * them: kept only by the hub (desktops ask it, online), so the same shapes travel from
 * the hub to the desktop (checked by main/sync/hub-client.ts) and on to the renderer.
 */

const id = z.string().min(1).max(64);

export const InvitePersonInput = z.strictObject({
  buyerId: id,
  name: z.string().trim().min(1).max(INVITEE_LIMITS.nameMaxLength),
  email: z.email().trim().toLowerCase().max(INVITEE_LIMITS.emailMaxLength),
});
export type InvitePersonInput = z.input<typeof InvitePersonInput>;

export const BuyerPeople = z.object({
  /** People with an account who belong to the buyer. */
  members: z.array(z.object({ userId: z.string(), name: z.string(), email: z.string() })),
  /** Invitations not yet accepted nor revoked; an expired one stays until resent or revoked. */
  invitations: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      email: z.string(),
      sentAt: z.string(),
      expiresAt: z.string(),
      state: z.enum(['pending', 'expired']),
    }),
  ),
});
export type BuyerPeople = z.infer<typeof BuyerPeople>;

/** invited: a link to set a password went out; added: the account existed and was told. */
export const InviteOutcome = z.object({
  outcome: z.enum(['invited', 'added']),
  people: BuyerPeople,
});
export type InviteOutcome = z.infer<typeof InviteOutcome>;

export const BuyerPeopleQuery = z.strictObject({ buyerId: id });
export const InvitationRef = z.strictObject({ invitationId: id });
export const MemberRef = z.strictObject({ buyerId: id, userId: id });

export const buyerPeopleOperations = {
  'buyerPeople.list': operation<BuyerPeople>()({
    input: BuyerPeopleQuery,
    summary: "A buyer's people who log in to the buyer pages, and its open invitations (online)",
  }),
  'buyerPeople.invite': operation<InviteOutcome>()({
    input: InvitePersonInput,
    summary: 'Invite a person to a buyer by email: a link to set a password, valid 7 days',
  }),
  'buyerPeople.resend': operation<BuyerPeople>()({
    input: InvitationRef,
    summary: 'Send an invitation again with a new link, valid 7 days from now',
  }),
  'buyerPeople.revoke': operation<BuyerPeople>()({
    input: InvitationRef,
    summary: 'Revoke an invitation: its link stops working',
  }),
  'buyerPeople.remove': operation<BuyerPeople>()({
    input: MemberRef,
    summary: "Remove a person from a buyer: their access to the buyer's pages ends",
  }),
};
