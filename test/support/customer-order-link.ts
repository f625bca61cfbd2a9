import { hashPassword } from '../../main/hub/auth/passwords.ts';
import { newToken, tokenHash } from '../../main/hub/auth/tokens.ts';
import { hubDb, type StoreDb } from '../../main/store/database.ts';

/**
 * A customer order link written straight into a hub store, as if an admin had created
 * it on a desktop and it had synced: the brand's catalogs (or those given), optionally
 * a passcode, release and expiry. Answers the link's id and token.
 */
export async function insertCustomerOrderLink(
  db: StoreDb,
  options: {
    catalogIds?: readonly string[];
    passcode?: string;
    releaseAt?: string | null;
    expiresAt?: string | null;
    viewOnly?: boolean;
    lookbookIds?: readonly string[];
  } = {},
): Promise<{ id: string; token: string }> {
  const hub = hubDb(db);
  const token = newToken();
  const id = `test-link-${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;
  const creator = await hub.selectFrom('staff_users').select('id').executeTakeFirstOrThrow();
  const catalogIds =
    options.catalogIds ??
    (await hub.selectFrom('catalogs').select('id').orderBy('name').execute()).map((c) => c.id);
  const now = new Date().toISOString();
  await hub
    .insertInto('customer_order_links')
    .values({
      id,
      token_hash: tokenHash(token),
      name: 'Test link',
      view_only: options.viewOnly ? 1 : 0,
      release_at: options.releaseAt ?? null,
      expires_at: options.expiresAt ?? null,
      passcode_enabled: options.passcode === undefined ? 0 : 1,
      catalog_ids: JSON.stringify(catalogIds),
      payment_methods: JSON.stringify(['outside_app']),
      lookbook_ids: JSON.stringify(options.lookbookIds ?? []),
      video: null,
      created_by: creator.id,
      created_at: now,
      updated_at: now,
      disabled_at: null,
      disabled_by: null,
      last_opened_at: null,
    })
    .execute();
  await hub
    .insertInto('customer_order_link_secrets')
    .values({
      link_id: id,
      token_sealed: null,
      passcode_hash: options.passcode === undefined ? null : await hashPassword(options.passcode),
    })
    .execute();
  return { id, token };
}

/**
 * A buyer person who belongs to two or more buyers, given `password`: who logs in to a
 * link with a user account and chooses a buyer. Their buyers in name order, with the
 * currency of each one's pricelist.
 */
export async function personOfSeveralBuyers(db: StoreDb, password: string) {
  const hub = hubDb(db);
  const person = await hub
    .selectFrom('buyer_memberships as m')
    .innerJoin('buyer_users as u', 'u.id', 'm.buyer_user_id')
    .select(['u.id', 'u.email'])
    .groupBy(['u.id', 'u.email'])
    .having((eb) => eb.fn.countAll(), '>=', 2)
    .executeTakeFirstOrThrow();
  await hub
    .updateTable('buyer_users')
    .set({ password_hash: await hashPassword(password) })
    .where('id', '=', person.id)
    .execute();
  const buyers = await hub
    .selectFrom('buyer_memberships as m')
    .innerJoin('buyers as b', 'b.id', 'm.buyer_id')
    .innerJoin('pricelists as p', 'p.id', 'b.pricelist_id')
    .select(['b.id', 'b.name', 'p.currency', 'b.discount_bp'])
    .where('m.buyer_user_id', '=', person.id)
    .orderBy('b.name')
    .execute();
  return { email: person.email, buyers };
}
