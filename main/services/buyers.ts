import { sql } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import {
  OperationError,
  type BuyerListItem,
  type BuyerPage,
  type SyncRefusal,
} from '../../preload/contract/index.ts';
import type {
  BuyerCreateInput,
  BuyerUpdateTermsInput,
  BuyerListInput,
} from '../../preload/contract/index.ts';
import { containsPattern } from '../domain/catalog-search.ts';
import { basisPointsToPercent, percentToBasisPoints } from '../domain/buyers.ts';
import { replicaDb, type StoreDb } from '../store/database.ts';
import { createBuyer, updateBuyerTerms } from '../sync/mutators/buyers.ts';
import { changeLocally, type LocalChangeServices } from './local-change.ts';
import type { z } from 'zod';
import { listRefusals } from './sync.ts';

/**
 * Buyers on the desktop: read from the replica, changed through mutations that apply
 * at once and reach the hub on the next sync.
 */
export type BuyerServices = LocalChangeServices;

function buyersQuery(db: StoreDb) {
  return replicaDb(db)
    .selectFrom('buyers')
    .leftJoin('pricelists', 'pricelists.id', 'buyers.pricelist_id')
    .select((eb) => [
      'buyers.id',
      'buyers.name',
      'buyers.kind',
      'buyers.country_code',
      'buyers.pricelist_id',
      'buyers.discount_bp',
      'buyers.language',
      'pricelists.name as pricelist_name',
      'pricelists.currency',
      eb
        .exists(
          eb
            .selectFrom('outbox')
            .select('outbox.seq')
            .where('outbox.subject', '=', sql<string>`'buyer:' || buyers.id`),
        )
        .as('waiting'),
    ]);
}

type BuyerRow = Awaited<ReturnType<ReturnType<typeof buyersQuery>['executeTakeFirstOrThrow']>>;

function toItem(row: BuyerRow): BuyerListItem {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    countryCode: row.country_code,
    pricelistId: row.pricelist_id,
    pricelistName: row.pricelist_name,
    currency: row.currency,
    discountPercent: basisPointsToPercent(row.discount_bp),
    language: row.language,
    waitingToSync: Boolean(row.waiting),
  };
}

export async function listBuyers(
  services: BuyerServices,
  input: z.output<typeof BuyerListInput>,
): Promise<BuyerPage> {
  const query = input.query.trim();
  let filtered = buyersQuery(services.db);
  let counted = replicaDb(services.db)
    .selectFrom('buyers')
    .select((eb) => eb.fn.countAll<number>().as('n'));
  if (query) {
    // The pattern escapes % and _ with a backslash, which LIKE honours only when told.
    const nameMatches = sql<boolean>`lower(buyers.name) like ${containsPattern(query.toLowerCase())} escape '\\'`;
    filtered = filtered.where(nameMatches);
    counted = counted.where(nameMatches);
  }
  const [rows, total, refusals] = await Promise.all([
    filtered
      .orderBy('buyers.name')
      .orderBy('buyers.id')
      .offset(input.offset)
      .limit(input.limit)
      .execute(),
    counted.executeTakeFirstOrThrow(),
    listRefusals(services.db, 'buyer:'),
  ]);
  return {
    query: input.query,
    total: Number(total.n),
    offset: input.offset,
    items: rows.map(toItem),
    refusals: refusals.map(asEditableRefusal),
  };
}

async function readBuyer(services: BuyerServices, id: string): Promise<BuyerListItem> {
  const row = await buyersQuery(services.db).where('buyers.id', '=', id).executeTakeFirst();
  if (!row) throw new OperationError('not_found', 'This buyer no longer exists.');
  return toItem(row);
}

export async function createBuyerLocally(
  services: BuyerServices,
  input: z.output<typeof BuyerCreateInput>,
): Promise<BuyerListItem> {
  const id = uuidv7();
  await changeLocally(
    services,
    createBuyer,
    {
      id,
      name: input.name,
      kind: input.kind,
      countryCode: input.countryCode,
      terms: {
        pricelistId: input.terms.pricelistId,
        discountBp: percentToBasisPoints(input.terms.discountPercent),
        language: input.terms.language,
      },
    },
    { field: 'terms.pricelistId', doing: 'change buyers' },
  );
  return readBuyer(services, id);
}

export async function updateBuyerTermsLocally(
  services: BuyerServices,
  input: z.output<typeof BuyerUpdateTermsInput>,
): Promise<BuyerListItem> {
  await changeLocally(
    services,
    updateBuyerTerms,
    {
      buyerId: input.buyerId,
      terms: {
        pricelistId: input.terms.pricelistId,
        discountBp: percentToBasisPoints(input.terms.discountPercent),
        language: input.terms.language,
      },
    },
    { field: 'terms.pricelistId', doing: 'change buyers' },
  );
  return readBuyer(services, input.buyerId);
}

interface StoredTerms {
  pricelistId: string;
  discountBp: number;
  language: 'en' | 'ja';
}

/** A refused buyer change with its arguments as the forms take them, to correct and send again. */
function asEditableRefusal(refusal: SyncRefusal): SyncRefusal {
  const args = refusal.args as { terms?: StoredTerms } & Record<string, unknown>;
  if (!args.terms) return refusal;
  const { discountBp, ...terms } = args.terms;
  const { id: _id, ...rest } = args;
  return {
    ...refusal,
    args: { ...rest, terms: { ...terms, discountPercent: basisPointsToPercent(discountBp) } },
  };
}
