import {
  customerOrderLinkState,
  linkPaymentMethods,
  type LinkBackground,
  type LinkContact,
  type LinkVideo,
} from '../../domain/customer-order-links.ts';
import { paymentMethodsOffered } from '../../domain/order-states.ts';
import { hubDb, type StoreDb } from '../../store/database.ts';
import { countUnknownToken } from '../auth/limits.ts';
import { newToken, tokenHash } from '../auth/tokens.ts';
import type { LinkVisit, LinkVisitor, SessionGrant, Visitor } from './handler-table.ts';
import { linkExpired } from './link-holders.ts';

/**
 * Who visits a customer order link, and their visits. A visit is a cookie per browser
 * whose SHA-256 the hub keeps (customer_link_sessions, 0024) with what it has passed:
 * the passcode, the log-in, the buyer chosen. It lasts as long as a buyer session.
 */
export const LINK_VISIT_HOURS = 12;

/**
 * The link a token names and the visit the cookie names. A token naming no link is
 * counted against the address; a disabled link answers as an unknown one does (the
 * spec tells apart only a link not yet released and an expired one).
 */
export function customerLinkVisitors(deps: { db: StoreDb; clock: () => Date }) {
  return async (token: string, visitor: Visitor): Promise<LinkVisitor> => {
    const now = deps.clock();
    const hub = hubDb(deps.db);
    const link = await hub
      .selectFrom('customer_order_links as l')
      .leftJoin('brand_settings as b', (join) => join.on((eb) => eb.lit(true)))
      .select([
        'l.id',
        'l.name',
        'l.created_by',
        'l.view_only',
        'l.offline_buyer_transition',
        'l.address_field',
        'l.payment_methods',
        'l.shipping_rate_group_ids',
        'l.passcode_enabled',
        'l.release_at',
        'l.expires_at',
        'l.disabled_at',
        'l.catalog_ids',
        'l.lookbook_ids',
        'l.background',
        'l.video',
        'l.contacts',
        'b.name as brand',
        'b.stripe_card_enabled',
      ])
      .where('l.token_hash', '=', tokenHash(token))
      .executeTakeFirst();
    if (!link) {
      await countUnknownToken(
        deps.db,
        `link-token@${visitor.address}`,
        now,
        'Too many links that do not open were tried from here. Try again later.',
      );
      throw linkExpired();
    }
    const state = customerOrderLinkState(
      { releaseAt: link.release_at, expiresAt: link.expires_at, disabledAt: link.disabled_at },
      now,
    );
    if (state === 'disabled') throw linkExpired();
    return {
      kind: 'linkVisitor',
      address: visitor.address,
      origin: visitor.origin,
      link: {
        id: link.id,
        name: link.name,
        createdBy: link.created_by,
        viewOnly: link.view_only === 1,
        offlineBuyerTransition: link.offline_buyer_transition === 1,
        addressField: link.address_field,
        // The card only while the brand's add-on is on, whatever the link was saved with.
        paymentMethods: paymentMethodsOffered(
          { stripeCardEnabled: link.stripe_card_enabled === 1, cardFlow: true },
          linkPaymentMethods(JSON.parse(link.payment_methods) as string[]),
        ),
        shippingRateGroupIds: JSON.parse(link.shipping_rate_group_ids) as string[],
        passcodeEnabled: link.passcode_enabled === 1,
        releaseAt: link.release_at,
        catalogIds: JSON.parse(link.catalog_ids) as string[],
        lookbookIds: JSON.parse(link.lookbook_ids) as string[],
        background: JSON.parse(link.background) as LinkBackground,
        video: link.video ? (JSON.parse(link.video) as LinkVideo) : null,
        contacts: JSON.parse(link.contacts) as LinkContact[],
      },
      state,
      brand: link.brand ?? '',
      visit: visitor.linkVisit ? await visitOf(deps.db, visitor.linkVisit, link.id, now) : null,
      at: now,
    };
  };
}

async function visitOf(
  db: StoreDb,
  cookie: string,
  linkId: string,
  now: Date,
): Promise<LinkVisit | null> {
  const hash = tokenHash(cookie);
  const row = await hubDb(db)
    .selectFrom('customer_link_sessions')
    .selectAll()
    .where('token_hash', '=', hash)
    .where('link_id', '=', linkId)
    .where('expires_at', '>', now.toISOString())
    .executeTakeFirst();
  if (!row) return null;
  return {
    tokenHash: hash,
    passcodePassed: row.passcode_passed_at !== null,
    method: row.method,
    buyerUserId: row.buyer_user_id,
    buyerId: row.buyer_id,
    onBehalfOf: row.on_behalf_of,
    onBehalfDevice: row.on_behalf_device,
  };
}

/** What a step of the visit records; absent fields stay as they were. */
export type VisitChange = Partial<{
  passcodePassedAt: string;
  method: LinkVisit['method'];
  buyerUserId: string | null;
  buyerId: string | null;
  onBehalfOf: string | null;
  onBehalfDevice: string | null;
}>;

/**
 * Records a step of the visit: on the visit the cookie names, or on a new one whose
 * cookie the answer sets (null: the cookie stays as it is). A log-in starts a new visit,
 * so a cookie known before it (a shared computer's) never carries the buyer afterwards.
 */
export async function recordVisit(
  db: StoreDb,
  actor: LinkVisitor,
  change: VisitChange,
  options: { fresh?: boolean } = {},
): Promise<SessionGrant | null> {
  const hub = hubDb(db);
  const columns = {
    ...(change.passcodePassedAt !== undefined
      ? { passcode_passed_at: change.passcodePassedAt }
      : {}),
    ...(change.method !== undefined ? { method: change.method } : {}),
    ...(change.buyerUserId !== undefined ? { buyer_user_id: change.buyerUserId } : {}),
    ...(change.buyerId !== undefined ? { buyer_id: change.buyerId } : {}),
    ...(change.onBehalfOf !== undefined ? { on_behalf_of: change.onBehalfOf } : {}),
    ...(change.onBehalfDevice !== undefined ? { on_behalf_device: change.onBehalfDevice } : {}),
  };
  if (actor.visit && !options.fresh) {
    await hub
      .updateTable('customer_link_sessions')
      .set(columns)
      .where('token_hash', '=', actor.visit.tokenHash)
      .execute();
    return null;
  }
  const token = newToken();
  const expires = new Date(actor.at.getTime() + LINK_VISIT_HOURS * 3_600_000);
  if (actor.visit) {
    await hub
      .deleteFrom('customer_link_sessions')
      .where('token_hash', '=', actor.visit.tokenHash)
      .execute();
  }
  await hub
    .insertInto('customer_link_sessions')
    .values({
      token_hash: tokenHash(token),
      link_id: actor.link.id,
      passcode_passed_at: actor.visit?.passcodePassed ? actor.at.toISOString() : null,
      method: null,
      buyer_user_id: null,
      buyer_id: null,
      on_behalf_of: null,
      on_behalf_device: null,
      created_at: actor.at.toISOString(),
      expires_at: expires.toISOString(),
      ...columns,
    })
    .execute();
  return { token, expires };
}
