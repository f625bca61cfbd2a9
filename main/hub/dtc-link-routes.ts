import type { FastifyInstance, FastifyRequest } from 'fastify';
import { can } from '../domain/permissions.ts';
import { hubDb, type StoreDb } from '../store/database.ts';
import type { AuthenticatedDevice } from './auth/accounts.ts';
import type { HubMail } from './mail/hub-mail.ts';
import { registerSealedTokenRoute } from './sealed-token-route.ts';

/**
 * A DTC checkout link's token, for any device of someone who sees the link (the
 * selection's maker; an admin every one, as the change feed sends them), not only the
 * device that made it: the hub opens the token it keeps sealed under its key.
 */
export function registerDtcLinkRoutes(
  app: FastifyInstance,
  deps: { db: StoreDb; mail: HubMail | null },
  device: (request: FastifyRequest) => Promise<AuthenticatedDevice>,
): void {
  registerSealedTokenRoute(app, {
    path: '/api/dtc-links',
    summary: "A DTC checkout link's token, for the devices of those who see the link",
    tag: 'dtc links',
    what: 'This checkout link',
    mail: deps.mail,
    device,
    async sealedToken(id, asker) {
      const link = await hubDb(deps.db)
        .selectFrom('dtc_links as l')
        .innerJoin('dtc_selections as s', 's.id', 'l.selection_id')
        .leftJoin('dtc_link_secrets as secret', 'secret.link_id', 'l.id')
        .select(['s.owner_id', 'secret.token_sealed'])
        .where('l.id', '=', id)
        .executeTakeFirst();
      const maySee =
        link && (link.owner_id === asker.userId || can(asker.role, 'seeEverySelection'));
      return maySee ? link : undefined;
    },
  });
}
