import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { customerOrderLinkState } from '../domain/customer-order-links.ts';
import { SIGN_IN_TICKET_LIFETIME_MS } from '../domain/link-sign-in-tickets.ts';
import { can, mayActForBuyer } from '../domain/permissions.ts';
import { LinkSignInTicket } from '../../preload/contract/customer-order-links.ts';
import { HubErrorBody } from '../../preload/contract/hub-errors.ts';
import { hubDb, type StoreDb } from '../store/database.ts';
import type { AuthenticatedDevice } from './auth/accounts.ts';
import { newToken, tokenHash } from './auth/tokens.ts';
import { auditRow } from './audit.ts';
import { buyerRepIds } from './buyer-access.ts';
import { HubRefusal } from './errors.ts';
import { inTransaction } from '../store/transactions.ts';

/**
 * "Open as <buyer>" (main/domain/link-sign-in-tickets.ts), the staff side: a one-time,
 * short-lived ticket to open a live customer order link logged in as a buyer. Allowed
 * to whoever manages the link (its maker, an admin) and may act for the buyer (an
 * admin for any, a rep for their own): the same people who may set that buyer's
 * brand-specific credentials and so could log in with them. The hub keeps the ticket's
 * SHA-256 only and never writes the ticket anywhere else.
 */
export async function issueSignInTicket(
  db: StoreDb,
  asker: AuthenticatedDevice,
  input: { linkId: string; buyerId: string },
  now: Date,
): Promise<LinkSignInTicket> {
  const hub = hubDb(db);
  const [link, buyer] = await Promise.all([
    hub
      .selectFrom('customer_order_links')
      .select(['id', 'name', 'created_by', 'release_at', 'expires_at', 'disabled_at'])
      .where('id', '=', input.linkId)
      .executeTakeFirst(),
    hub
      .selectFrom('buyers')
      .select(['id', 'name'])
      .where('id', '=', input.buyerId)
      .executeTakeFirst(),
  ]);
  if (
    !link ||
    (link.created_by !== asker.userId && !can(asker.role, 'manageEveryCustomerOrderLink'))
  ) {
    throw new HubRefusal(404, 'not_found', 'This customer order link does not exist.');
  }
  if (!buyer) throw new HubRefusal(404, 'not_found', 'There is no such buyer on this hub.');
  if (!mayActForBuyer(asker, await buyerRepIds(db, buyer.id), 'manageCredentialsOfAnyBuyer')) {
    throw new HubRefusal(
      403,
      'forbidden',
      "Only an admin or the buyer's own rep can open a link as this buyer.",
    );
  }
  const state = customerOrderLinkState(
    { releaseAt: link.release_at, expiresAt: link.expires_at, disabledAt: link.disabled_at },
    now,
  );
  if (state !== 'live') {
    throw new HubRefusal(409, 'conflict', 'Only a live link can be opened as a buyer.');
  }
  const ticket = newToken();
  const expiresAt = new Date(now.getTime() + SIGN_IN_TICKET_LIFETIME_MS).toISOString();
  await inTransaction(db, async (trx) => {
    const tx = hubDb(trx);
    // Tickets past their time are worth nothing: each new one clears them away.
    await tx
      .deleteFrom('customer_link_sign_in_tickets')
      .where('expires_at', '<=', now.toISOString())
      .execute();
    await tx
      .insertInto('customer_link_sign_in_tickets')
      .values({
        ticket_hash: tokenHash(ticket),
        link_id: link.id,
        buyer_id: buyer.id,
        staff_user_id: asker.userId,
        device_id: asker.id,
        created_at: now.toISOString(),
        expires_at: expiresAt,
        used_at: null,
      })
      .execute();
    await tx
      .insertInto('audit_log')
      .values(
        auditRow({
          at: now.toISOString(),
          actor: { kind: 'staff', userId: asker.userId, device: asker.id },
          action: 'customerLink.sign_in_ticket',
          subject: `customer-order-link:${link.id}`,
          details: {
            linkId: link.id,
            linkName: link.name,
            buyerId: buyer.id,
            buyerName: buyer.name,
            ticketExpiresAt: expiresAt,
          },
        }),
      )
      .execute();
  });
  return { ticket, expiresAt };
}

const errors = {
  401: HubErrorBody,
  403: HubErrorBody,
  404: HubErrorBody,
  409: HubErrorBody,
  426: HubErrorBody,
};

export function registerSignInTicketRoutes(
  app: FastifyInstance,
  deps: { db: StoreDb; clock: () => Date },
  device: (request: FastifyRequest) => Promise<AuthenticatedDevice>,
): void {
  app.withTypeProvider<ZodTypeProvider>().post(
    '/api/customer-order-links/:id/sign-in-tickets',
    {
      schema: {
        summary:
          'A one-time, short-lived ticket to open a live customer order link as a buyer, on the brand’s behalf',
        tags: ['customer order links'],
        params: z.strictObject({ id: z.string().min(1).max(64) }),
        body: z.strictObject({ buyerId: z.string().min(1).max(64) }),
        response: { 200: LinkSignInTicket, ...errors },
      },
    },
    async (request, reply) => {
      const answer = await issueSignInTicket(
        deps.db,
        await device(request),
        { linkId: request.params.id, buyerId: request.body.buyerId },
        deps.clock(),
      );
      void reply.header('cache-control', 'no-store');
      return answer;
    },
  );
}
