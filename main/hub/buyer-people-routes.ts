import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  BuyerPeople,
  BuyerPeopleQuery,
  InvitationRef,
  InviteOutcome,
  InvitePersonInput,
  MemberRef,
} from '../../preload/contract/buyer-people.ts';
import { HubErrorBody } from '../../preload/contract/hub-errors.ts';
import type { StoreDb } from '../store/database.ts';
import type { AuthenticatedDevice } from './auth/accounts.ts';
import { HubRefusal } from './errors.ts';
import type { HubMail } from './mail/hub-mail.ts';
import { sealMailText } from './mail/sealed-text.ts';
import {
  invitePerson,
  listBuyerPeople,
  removePerson,
  resendInvitation,
  revokeInvitation,
  type SealText,
} from './buyer-people.ts';

/** The hub's own address as the device reached it. */
const hubOrigin = (request: FastifyRequest) => `${request.protocol}://${request.host}`;

const errors = {
  400: HubErrorBody,
  401: HubErrorBody,
  403: HubErrorBody,
  404: HubErrorBody,
  409: HubErrorBody,
  426: HubErrorBody,
};

/**
 * Staff routes for the people of a buyer (buyer-people.ts decides who may): each checks
 * the device, calls one service, and wakes the mail sender after a change that mailed.
 */
export function registerBuyerPeopleRoutes(
  app: FastifyInstance,
  deps: { db: StoreDb; clock: () => Date; mail: HubMail | null },
  device: (request: FastifyRequest) => Promise<AuthenticatedDevice>,
): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const { db, clock, mail } = deps;
  /** How an invitation's text is sealed; a hub that sends no mail cannot invite anyone. */
  const sealer = (): SealText => {
    if (!mail) {
      throw new HubRefusal(409, 'conflict', 'This hub sends no mail, so it cannot invite anyone.');
    }
    return (text) => sealMailText(mail.secrets, text);
  };
  const mailWritten = () => mail?.sender.wake();
  const tags = ['buyer people'];

  api.get(
    '/api/buyer-people',
    {
      schema: {
        summary: "A buyer's people and open invitations (admins; reps for their own buyers)",
        tags,
        querystring: BuyerPeopleQuery,
        response: { 200: BuyerPeople, ...errors },
      },
    },
    async (request) => listBuyerPeople(db, await device(request), request.query.buyerId, clock()),
  );

  api.post(
    '/api/buyer-people/invite',
    {
      schema: {
        summary: 'Invite a person to a buyer by email; an existing account is added and told',
        tags,
        body: InvitePersonInput,
        response: { 200: InviteOutcome, ...errors },
      },
    },
    async (request) => {
      const answer = await invitePerson(
        db,
        await device(request),
        request.body,
        hubOrigin(request),
        sealer(),
        clock(),
      );
      mailWritten();
      return answer;
    },
  );

  api.post(
    '/api/buyer-people/resend',
    {
      schema: {
        summary: 'Send an invitation again with a new link, valid 7 days from now',
        tags,
        body: InvitationRef,
        response: { 200: BuyerPeople, ...errors },
      },
    },
    async (request) => {
      const answer = await resendInvitation(
        db,
        await device(request),
        request.body.invitationId,
        hubOrigin(request),
        sealer(),
        clock(),
      );
      mailWritten();
      return answer;
    },
  );

  api.post(
    '/api/buyer-people/revoke',
    {
      schema: {
        summary: 'Revoke an open invitation: its link stops working',
        tags,
        body: InvitationRef,
        response: { 200: BuyerPeople, ...errors },
      },
    },
    async (request) =>
      revokeInvitation(db, await device(request), request.body.invitationId, clock()),
  );

  api.post(
    '/api/buyer-people/remove',
    {
      schema: {
        summary: 'Remove a person from a buyer: their access to it ends at once',
        tags,
        body: MemberRef,
        response: { 200: BuyerPeople, ...errors },
      },
    },
    async (request) =>
      removePerson(db, await device(request), request.body.buyerId, request.body.userId, clock()),
  );
}
