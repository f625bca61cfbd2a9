import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  BuyerCredentials,
  BuyerCredentialsRef,
  SetBrandCodeInput,
  SetOfflineLogInInput,
} from '../../preload/contract/buyer-credentials.ts';
import { HubErrorBody } from '../../preload/contract/hub-errors.ts';
import type { AuthenticatedDevice } from './auth/accounts.ts';
import {
  clearCredential,
  readBuyerCredentials,
  setBrandCode,
  setOfflineLogIn,
  type CredentialChangeDependencies,
} from './buyer-credentials.ts';

const errors = {
  400: HubErrorBody,
  401: HubErrorBody,
  403: HubErrorBody,
  404: HubErrorBody,
  426: HubErrorBody,
  429: HubErrorBody,
  503: HubErrorBody,
};

/**
 * Staff routes for a buyer's customer order link sign-in (buyer-credentials.ts decides
 * who may): each checks the device and calls one service. No answer carries a secret
 * or its hash.
 */
export function registerBuyerCredentialsRoutes(
  app: FastifyInstance,
  deps: CredentialChangeDependencies,
  device: (request: FastifyRequest) => Promise<AuthenticatedDevice>,
): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['buyer credentials'];
  const response = { 200: BuyerCredentials, ...errors };

  api.get(
    '/api/buyer-credentials',
    {
      schema: {
        summary: "A buyer's customer order link sign-in: what is set, never a secret",
        tags,
        querystring: BuyerCredentialsRef,
        response,
      },
    },
    async (request) => readBuyerCredentials(deps.db, await device(request), request.query.buyerId),
  );

  api.post(
    '/api/buyer-credentials/offline',
    {
      schema: {
        summary: "Set or change an offline buyer's email and password for customer order links",
        tags,
        body: SetOfflineLogInInput,
        response,
      },
    },
    async (request) => setOfflineLogIn(deps, await device(request), request.ip, request.body),
  );

  api.post(
    '/api/buyer-credentials/code',
    {
      schema: {
        summary: "Set or change a buyer's brand-specific unique code and passcode",
        tags,
        body: SetBrandCodeInput,
        response,
      },
    },
    async (request) => setBrandCode(deps, await device(request), request.ip, request.body),
  );

  const clearing = [
    ['offline', 'offline_email', "Remove an offline buyer's email and password"],
    ['code', 'brand_code', "Remove a buyer's unique code and passcode"],
  ] as const;
  for (const [path, kind, summary] of clearing) {
    api.post(
      `/api/buyer-credentials/${path}/clear`,
      { schema: { summary, tags, body: BuyerCredentialsRef, response } },
      async (request) =>
        clearCredential(deps.db, await device(request), request.body.buyerId, kind, deps.clock()),
    );
  }
}
