import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { can } from '../domain/permissions.ts';
import { HubErrorBody } from '../../preload/contract/hub-errors.ts';
import { hubDb, type StoreDb } from '../store/database.ts';
import type { AuthenticatedDevice } from './auth/accounts.ts';
import { HubRefusal } from './errors.ts';
import type { HubMail } from './mail/hub-mail.ts';

const errors = { 401: HubErrorBody, 403: HubErrorBody, 404: HubErrorBody, 426: HubErrorBody };

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
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.get(
    '/api/customer-order-links/:id/token',
    {
      schema: {
        summary: "A customer order link's token, for its maker's or an admin's devices",
        tags: ['customer order links'],
        params: z.strictObject({ id: z.string().min(1).max(64) }),
        response: { 200: z.object({ token: z.string() }), ...errors },
      },
    },
    async (request, reply) => {
      const asker = await device(request);
      const link = await hubDb(deps.db)
        .selectFrom('customer_order_links as l')
        .leftJoin('customer_order_link_secrets as s', 's.link_id', 'l.id')
        .select(['l.created_by', 's.token_sealed'])
        .where('l.id', '=', request.params.id)
        .executeTakeFirst();
      const mayManage =
        link &&
        (link.created_by === asker.userId || can(asker.role, 'manageEveryCustomerOrderLink'));
      if (!mayManage) {
        throw new HubRefusal(404, 'not_found', 'This customer order link does not exist.');
      }
      const token =
        link.token_sealed && deps.mail
          ? deps.mail.secrets.open(link.token_sealed, 'link token')
          : null;
      if (token === null) {
        throw new HubRefusal(
          404,
          'not_found',
          "The hub cannot give this link's address: copy it on the computer that made the link.",
        );
      }
      void reply.header('cache-control', 'no-store');
      return { token };
    },
  );
}
