import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { HubErrorBody } from '../../preload/contract/hub-errors.ts';
import type { AuthenticatedDevice } from './auth/accounts.ts';
import { HubRefusal } from './errors.ts';
import type { HubMail } from './mail/hub-mail.ts';

const errors = { 401: HubErrorBody, 403: HubErrorBody, 404: HubErrorBody, 426: HubErrorBody };

/**
 * `GET <path>/:id/token`: a link's token for any device of someone who may see the link,
 * not only the device that made it. The hub keeps each link's token sealed under its
 * key; `sealedToken` answers it for the asker, or undefined when the asker may not see
 * the link (the same 404 as a link that does not exist).
 */
export function registerSealedTokenRoute(
  app: FastifyInstance,
  options: {
    path: string;
    summary: string;
    tag: string;
    /** "This customer order link", "This checkout link". */
    what: string;
    mail: HubMail | null;
    device: (request: FastifyRequest) => Promise<AuthenticatedDevice>;
    sealedToken: (
      id: string,
      asker: AuthenticatedDevice,
    ) => Promise<{ token_sealed: string | null } | undefined>;
  },
): void {
  app.withTypeProvider<ZodTypeProvider>().get(
    `${options.path}/:id/token`,
    {
      schema: {
        summary: options.summary,
        tags: [options.tag],
        params: z.strictObject({ id: z.string().min(1).max(64) }),
        response: { 200: z.object({ token: z.string() }), ...errors },
      },
    },
    async (request, reply) => {
      const asker = await options.device(request);
      const link = await options.sealedToken(request.params.id, asker);
      if (!link) throw new HubRefusal(404, 'not_found', `${options.what} does not exist.`);
      const token =
        link.token_sealed && options.mail
          ? options.mail.secrets.open(link.token_sealed, 'link token')
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
