import type { BuyerPeople, InviteOutcome } from '../../preload/contract/index.ts';
import type { InvitePersonInput } from '../../preload/contract/buyer-people.ts';
import { askHub } from './mail.ts';
import type { DesktopSession } from './session.ts';

/**
 * The people of a buyer who log in to the buyer pages: kept by the hub alone (accounts,
 * invitations and sessions never reach a desktop), so each is asked of it, online.
 */
export const buyerPeople = (session: DesktopSession, buyerId: string): Promise<BuyerPeople> =>
  askHub(session, "Seeing the buyer's people", (client, token) =>
    client.buyerPeople(token, buyerId),
  );

export const invitePerson = (
  session: DesktopSession,
  input: InvitePersonInput,
): Promise<InviteOutcome> =>
  askHub(session, 'Inviting a person', (client, token) => client.invitePerson(token, input));

export const resendInvitation = (
  session: DesktopSession,
  invitationId: string,
): Promise<BuyerPeople> =>
  askHub(session, 'Sending the invitation again', (client, token) =>
    client.resendInvitation(token, invitationId),
  );

export const revokeInvitation = (
  session: DesktopSession,
  invitationId: string,
): Promise<BuyerPeople> =>
  askHub(session, 'Revoking the invitation', (client, token) =>
    client.revokeInvitation(token, invitationId),
  );

export const removePerson = (
  session: DesktopSession,
  buyerId: string,
  userId: string,
): Promise<BuyerPeople> =>
  askHub(session, 'Removing the person', (client, token) =>
    client.removePerson(token, buyerId, userId),
  );
