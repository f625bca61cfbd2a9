import { sql } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import {
  OperationError,
  type BuyerListItem,
  type BuyerPage,
  type SyncRefusal,
  type TermsProposal,
} from '../../preload/contract/index.ts';
import type {
  BuyerCreateInput,
  BuyerTerms,
  BuyerDecideTermsProposalInput,
  BuyerListInput,
  BuyerProposeTermsInput,
  BuyerUpdateTermsInput,
} from '../../preload/contract/index.ts';
import { containsPattern } from '../domain/catalog-search.ts';
import { basisPointsToPercent, percentToBasisPoints } from '../domain/buyers.ts';
import { replicaDb, type StoreDb } from '../store/database.ts';
import {
  createBuyer,
  decideTermsProposal,
  proposeBuyerTerms,
  updateBuyerTerms,
} from '../sync/mutators/buyers.ts';
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
      eb
        .selectFrom('trading_terms_proposals as p')
        .select((inner) => inner.fn.countAll<number>().as('n'))
        .whereRef('p.buyer_id', '=', 'buyers.id')
        .where('p.status', '=', 'pending')
        .as('pending_proposals'),
    ]);
}

/** Buyers with proposed terms waiting for a decision, as a condition on `buyers`. */
const hasPendingProposal = sql<boolean>`exists (select 1 from trading_terms_proposals p
  where p.buyer_id = buyers.id and p.status = 'pending')`;

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
    pendingProposals: Number(row.pending_proposals ?? 0),
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
  if (input.proposals) {
    filtered = filtered.where(hasPendingProposal);
    counted = counted.where(hasPendingProposal);
  }
  const [rows, total, refusals, pending] = await Promise.all([
    filtered
      .orderBy('buyers.name')
      .orderBy('buyers.id')
      .offset(input.offset)
      .limit(input.limit)
      .execute(),
    counted.executeTakeFirstOrThrow(),
    listRefusals(services.db, 'buyer:'),
    services.db
      .selectFrom('trading_terms_proposals')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('status', '=', 'pending')
      .executeTakeFirstOrThrow(),
  ]);
  return {
    query: input.query,
    total: Number(total.n),
    offset: input.offset,
    items: rows.map(toItem),
    refusals: refusals.map(asEditableRefusal),
    pendingProposals: Number(pending.n),
  };
}

async function readBuyer(services: BuyerServices, id: string): Promise<BuyerListItem> {
  const row = await buyersQuery(services.db).where('buyers.id', '=', id).executeTakeFirst();
  if (!row) throw new OperationError('not_found', 'This buyer no longer exists.');
  return toItem(row);
}

/** Terms as the forms give them (a discount in percent), as mutations carry them. */
function storedTerms(terms: z.output<typeof BuyerTerms>) {
  return {
    pricelistId: terms.pricelistId,
    discountBp: percentToBasisPoints(terms.discountPercent),
    language: terms.language,
  };
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
      terms: storedTerms(input.terms),
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
      terms: storedTerms(input.terms),
    },
    { field: 'terms.pricelistId', doing: 'change buyers' },
  );
  return readBuyer(services, input.buyerId);
}

function proposalsQuery(db: StoreDb) {
  return replicaDb(db)
    .selectFrom('trading_terms_proposals as p')
    .innerJoin('staff_users as proposer', 'proposer.id', 'p.proposed_by')
    .leftJoin('staff_users as decider', 'decider.id', 'p.decided_by')
    .leftJoin('pricelists as pl', 'pl.id', 'p.pricelist_id')
    .select((eb) => [
      'p.id',
      'p.buyer_id',
      'p.proposed_by',
      'proposer.name as proposer_name',
      'p.pricelist_id',
      'pl.name as pricelist_name',
      'pl.currency',
      'p.discount_bp',
      'p.language',
      'p.note',
      'p.status',
      'p.decided_by',
      'decider.name as decider_name',
      'p.decided_at',
      'p.decline_reason',
      'p.created_at',
      // The proposal, or a decision on it, still in this device's outbox.
      eb
        .exists(
          eb
            .selectFrom('outbox')
            .select('outbox.seq')
            .where('outbox.subject', '=', sql<string>`'buyer:' || p.buyer_id`)
            .where(
              sql<boolean>`coalesce(json_extract(outbox.args, '$.proposalId'), json_extract(outbox.args, '$.id')) = p.id`,
            ),
        )
        .as('waiting'),
    ]);
}

type ProposalRow = Awaited<
  ReturnType<ReturnType<typeof proposalsQuery>['executeTakeFirstOrThrow']>
>;

function toProposal(row: ProposalRow): TermsProposal {
  return {
    id: row.id,
    buyerId: row.buyer_id,
    proposedBy: { id: row.proposed_by, name: row.proposer_name },
    terms: {
      pricelistId: row.pricelist_id,
      pricelistName: row.pricelist_name,
      currency: row.currency,
      discountPercent: basisPointsToPercent(row.discount_bp),
      language: row.language,
    },
    note: row.note,
    status: row.status,
    decidedBy:
      row.decided_by === null
        ? null
        : { id: row.decided_by, name: row.decider_name ?? row.decided_by },
    decidedAt: row.decided_at,
    declineReason: row.decline_reason,
    createdAt: row.created_at,
    waitingToSync: Boolean(row.waiting),
  };
}

/** The most a buyer's dialog shows: the pending ones and the last decisions. */
const PROPOSALS_SHOWN = 20;

/** What this person sees of the terms proposed for a buyer (a rep: their own), newest first. */
export async function listTermsProposals(
  services: BuyerServices,
  buyerId: string,
): Promise<TermsProposal[]> {
  const rows = await proposalsQuery(services.db)
    .where('p.buyer_id', '=', buyerId)
    .orderBy('p.created_at', 'desc')
    .orderBy('p.id', 'desc')
    .limit(PROPOSALS_SHOWN)
    .execute();
  return rows.map(toProposal);
}

async function readProposal(services: BuyerServices, id: string): Promise<TermsProposal> {
  const row = await proposalsQuery(services.db).where('p.id', '=', id).executeTakeFirst();
  if (!row)
    throw new OperationError('not_found', 'This proposal of trading terms no longer exists.');
  return toProposal(row);
}

export async function proposeTermsLocally(
  services: BuyerServices,
  input: z.output<typeof BuyerProposeTermsInput>,
): Promise<TermsProposal> {
  const id = uuidv7();
  await changeLocally(
    services,
    proposeBuyerTerms,
    {
      id,
      buyerId: input.buyerId,
      terms: storedTerms(input.terms),
      note: input.note,
    },
    { field: 'terms.pricelistId', doing: 'propose trading terms' },
  );
  return readProposal(services, id);
}

export async function decideTermsProposalLocally(
  services: BuyerServices,
  input: z.output<typeof BuyerDecideTermsProposalInput>,
): Promise<TermsProposal> {
  const { buyerId } = await readProposal(services, input.proposalId);
  await changeLocally(
    services,
    decideTermsProposal,
    input.decision === 'approve'
      ? { proposalId: input.proposalId, buyerId, decision: 'approve' }
      : { proposalId: input.proposalId, buyerId, decision: 'decline', reason: input.reason },
    { field: 'proposalId', doing: 'decide on proposed trading terms' },
  );
  return readProposal(services, input.proposalId);
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
