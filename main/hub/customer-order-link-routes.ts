import type { FastifyInstance, FastifyRequest } from 'fastify';
import { can } from '../domain/permissions.ts';
import { hubDb, type StoreDb } from '../store/database.ts';
import type { AuthenticatedDevice } from './auth/accounts.ts';
import type { HubMail } from './mail/hub-mail.ts';
import { registerSealedTokenRoute } from './sealed-token-route.ts';

/**
 * Staff routes for customer order links beyond sync. The link's token: any device of
 * someone who may manage the link copies its address, not only the one that made it,
 * so the hub opens the token it keeps sealed under its key.
 */
export function registerCustomerOrderLinkRoutes(
  app: FastifyInstance,
  deps: { db: StoreDb; mail: HubMail | null },
  device: (request: FastifyRequest) => Promise<AuthenticatedDevice>,
): void {
  registerSealedTokenRoute(app, {
    path: '/api/customer-order-links',
    summary: "A customer order link's token, for its maker's or an admin's devices",
    tag: 'customer order links',
    what: 'This customer order link',
    mail: deps.mail,
    device,
    async sealedToken(id, asker) {
      const link = await hubDb(deps.db)
        .selectFrom('customer_order_links as l')
        .leftJoin('customer_order_link_secrets as s', 's.link_id', 'l.id')
        .select(['l.created_by', 's.token_sealed'])
        .where('l.id', '=', id)
        .executeTakeFirst();
      const mayManage =
        link &&
        (link.created_by === asker.userId || can(asker.role, 'manageEveryCustomerOrderLink'));
      return mayManage ? link : undefined;
    },
  });
}
