import type { StaffActor } from './order-states.ts';
import { mayActForBuyer } from './permissions.ts';

/**
 * Inviting a person to a buyer (a store): the brand sends a one-time link by email; the
 * person sets a password with it and from then on logs in with "Login with User Account".
 * The rules of an invitation, in one place, for the hub, its API contract and the pages.
 */

/** How long an invitation's link works, fixed when it is sent (or sent again). */
export const INVITATION_VALID_DAYS = 7;

const DAY_MS = 86_400_000;

export function invitationExpiry(sentAt: Date): Date {
  return new Date(sentAt.getTime() + INVITATION_VALID_DAYS * DAY_MS);
}

/** A password a person sets: long enough to resist guessing, short enough to hash cheaply. */
export const BUYER_PASSWORD = { minLength: 10, maxLength: 200 } as const;

/** A person's name and email as the brand types them when inviting. */
export const INVITEE_LIMITS = { nameMaxLength: 120, emailMaxLength: 320 } as const;

export type PasswordProblem = 'too_short' | 'too_long' | 'mismatch';

/** What is wrong with a new password and its confirmation, or null; the page and the hub agree. */
export function passwordProblem(password: string, confirmation: string): PasswordProblem | null {
  return passwordLengthProblem(password) ?? (password !== confirmation ? 'mismatch' : null);
}

/** Whether a password's length is wrong, counted in characters as a person counts them. */
export function passwordLengthProblem(password: string): 'too_short' | 'too_long' | null {
  const length = [...password].length;
  if (length < BUYER_PASSWORD.minLength) return 'too_short';
  if (length > BUYER_PASSWORD.maxLength) return 'too_long';
  return null;
}

export interface InvitationFacts {
  expiresAt: string;
  acceptedAt: string | null;
  revokedAt: string | null;
}

/**
 * - pending: the link works;
 * - accepted: used once, never again;
 * - revoked: the brand took it back;
 * - expired: its 7 days are over.
 */
export type InvitationState = 'pending' | 'accepted' | 'revoked' | 'expired';

export function invitationState(invitation: InvitationFacts, now: Date): InvitationState {
  if (invitation.acceptedAt !== null) return 'accepted';
  if (invitation.revokedAt !== null) return 'revoked';
  if (now.getTime() >= Date.parse(invitation.expiresAt)) return 'expired';
  return 'pending';
}

/** Only a pending invitation sets a password; every other one reads alike to the visitor. */
export function invitationUsable(invitation: InvitationFacts, now: Date): boolean {
  return invitationState(invitation, now) === 'pending';
}

/** The page an invitation's link opens; the token rides in the fragment, never sent to the hub by a GET. */
export function invitationLink(publicOrigin: string, token: string): string {
  return `${publicOrigin.replace(/\/+$/, '')}/invite#${token}`;
}

/**
 * Whether a staff member may invite and remove the people of a buyer: an admin for any
 * buyer, a rep for their own (`buyerRepIds`: the owners of its selections).
 */
export function mayManagePeople(actor: StaffActor, buyerRepIds: readonly string[]): boolean {
  return mayActForBuyer(actor, buyerRepIds, 'managePeopleOfAnyBuyer');
}
