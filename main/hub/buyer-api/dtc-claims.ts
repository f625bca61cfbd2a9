import { v7 as uuidv7 } from 'uuid';
import { z } from 'zod';
import {
  MAX_DTC_LINE_QUANTITY,
  type DtcLinkOptions,
  type DtcSelectionLine,
} from '../../domain/dtc.ts';
import { paymentMethodsOffered } from '../../domain/order-states.ts';
import { DTC_CLAIM_LIMIT, minutesToWait } from '../../domain/rate-limit.ts';
import { hubDb, type StoreDb } from '../../store/database.ts';
import type { DtcBasket } from '../../../preload/contract/buyer-api/index.ts';
import { countUnknownToken, reserve } from '../auth/limits.ts';
import { newToken, tokenHash } from '../auth/tokens.ts';
import { anonymousAuditRow } from '../audit.ts';
import { HubRefusal } from '../errors.ts';
import type { ChangeNotifier } from '../../store/change-notices.ts';
import type { BuyerApiHandlers } from './handler-table.ts';
import { inTransaction } from '../../store/transactions.ts';

/**
 * Claiming a DTC checkout link (dtc-shareable-order-link.txt): "When you access the link
 * Centra checks if the link has been used for a purchase yet. If not, a copy of the order
 * is created for the user that clicked the link. But if a purchase was made before the
 * second user clicked the link, the user won't get anything at all inside their basket."
 * A claim is counted against the address before anything is looked up; the link is found
 * by its token's SHA-256 and must name the basket it came with, so a tampered, cut-off or
 * another brand's link answers as any link that is not valid. The copy and the link's
 * count are written in one transaction, guarded by the link not being used.
 */

export interface DtcClaimDependencies {
  db: StoreDb;
  clock: () => Date;
  /** Told after a claim, so desktops pull the link's count. */
  changes: ChangeNotifier;
}

/** The claim's lines as kept: the selection's lines when claimed. */
const ClaimLines = z.array(
  z.object({
    skuId: z.string(),
    quantity: z.number().int().min(1).max(MAX_DTC_LINE_QUANTITY),
    specialPriceMinor: z.number().int().nonnegative().nullable(),
  }),
);

/** A claim as the hub reads it back by its token. */
export interface DtcClaimRow {
  id: string;
  linkId: string;
  selectionId: string;
  customerId: string;
  marketId: string;
  pricelistId: string;
  currency: string;
  lines: DtcSelectionLine[];
  options: DtcLinkOptions;
  orderId: string | null;
  /** The link was killed by the brand: nothing more is sold through it. */
  linkKilled: boolean;
}

export const dtcLinkNotValid = () =>
  new HubRefusal(
    404,
    'link_expired',
    'This checkout link is not valid. Ask the brand for a new one if you were sent it.',
  );

/**
 * The claim a claim token names, or `link_expired` after counting the unknown token
 * against the address (claim tokens are 256-bit: the count only keeps a noisy client
 * from costing lookups; a real token is never refused for it).
 */
export async function claimOf(
  deps: Pick<DtcClaimDependencies, 'db' | 'clock'>,
  claimToken: string,
  address: string,
): Promise<DtcClaimRow> {
  const row = await hubDb(deps.db)
    .selectFrom('dtc_claims as c')
    .innerJoin('dtc_links as l', 'l.id', 'c.link_id')
    .innerJoin('dtc_selections as s', 's.id', 'c.selection_id')
    .innerJoin('pricelists as p', 'p.id', 'c.pricelist_id')
    .select([
      'c.id',
      'c.link_id',
      'c.selection_id',
      's.customer_id',
      'c.market_id',
      'c.pricelist_id',
      'p.currency',
      'c.lines',
      'c.lock_quantities',
      'c.ignore_shipping',
      'c.ignore_tax',
      'c.order_id',
      'l.killed_at',
    ])
    .where('c.token_hash', '=', tokenHash(claimToken))
    .executeTakeFirst();
  if (!row) {
    await inTransaction(deps.db, (trx) =>
      countUnknownToken(
        trx,
        `dtc-claim-token@${address}`,
        deps.clock(),
        'Too many checkout links that are not valid were tried from here. Try again later.',
      ),
    );
    throw dtcLinkNotValid();
  }
  return {
    id: row.id,
    linkId: row.link_id,
    selectionId: row.selection_id,
    customerId: row.customer_id,
    marketId: row.market_id,
    pricelistId: row.pricelist_id,
    currency: row.currency,
    lines: ClaimLines.parse(JSON.parse(row.lines)),
    options: {
      lockQuantities: row.lock_quantities === 1,
      ignoreShipping: row.ignore_shipping === 1,
      ignoreTax: row.ignore_tax === 1,
    },
    orderId: row.order_id,
    linkKilled: row.killed_at !== null,
  };
}

export function dtcClaimHandlers(
  deps: DtcClaimDependencies,
): Pick<BuyerApiHandlers, 'dtc.claim' | 'dtc.basket'> {
  const { db } = deps;
  return {
    async 'dtc.claim'(visitor, { basket, hash }) {
      const now = deps.clock();
      const at = now.toISOString();
      const claimToken = newToken();
      const outcome = await inTransaction(db, async (trx) => {
        // Counted before any work, and kept whatever the link turns out to be: only a
        // refusal below rolls back, and nothing below refuses.
        const wait = await reserve(
          trx,
          [{ key: `dtc-claim@${visitor.address}`, limit: DTC_CLAIM_LIMIT }],
          now,
        );
        if (wait > 0) return { wait };
        const hub = hubDb(trx);
        const link = await hub
          .selectFrom('dtc_links as l')
          .innerJoin('dtc_selections as s', 's.id', 'l.selection_id')
          .select([
            'l.id',
            'l.selection_id',
            'l.lock_quantities',
            'l.ignore_shipping',
            'l.ignore_tax',
            's.market_id',
            's.pricelist_id',
          ])
          .where('l.token_hash', '=', tokenHash(hash))
          .executeTakeFirst();
        if (!link || link.id !== basket) return 'not valid' as const;
        // The guarded write is the claim: a link bought or killed meanwhile counts nothing.
        const counted = await hub
          .updateTable('dtc_links')
          .set((eb) => ({ claim_count: eb('claim_count', '+', 1) }))
          .where('id', '=', link.id)
          .where('purchased_at', 'is', null)
          .where('killed_at', 'is', null)
          .returning('id')
          .executeTakeFirst();
        if (!counted) return 'used' as const;
        const lines = await hub
          .selectFrom('dtc_selection_lines')
          .select(['sku_id', 'quantity', 'special_price_minor'])
          .where('selection_id', '=', link.selection_id)
          .orderBy('added_at')
          .orderBy('sku_id')
          .execute();
        const claimId = uuidv7();
        await hub
          .insertInto('dtc_claims')
          .values({
            id: claimId,
            link_id: link.id,
            token_hash: tokenHash(claimToken),
            selection_id: link.selection_id,
            market_id: link.market_id,
            pricelist_id: link.pricelist_id,
            lines: JSON.stringify(
              lines.map((line) => ({
                skuId: line.sku_id,
                quantity: line.quantity,
                specialPriceMinor: line.special_price_minor,
              })),
            ),
            lock_quantities: link.lock_quantities,
            ignore_shipping: link.ignore_shipping,
            ignore_tax: link.ignore_tax,
            claimed_at: at,
          })
          .execute();
        await hub
          .insertInto('audit_log')
          .values(
            anonymousAuditRow({
              at,
              action: 'dtcLink.claimed',
              subject: `dtc-link:${link.id}`,
              details: { claimId, address: visitor.address },
            }),
          )
          .execute();
        return 'claimed' as const;
      });
      if (typeof outcome === 'object') throw claimsLimited(outcome.wait);
      if (outcome === 'not valid') {
        await inTransaction(db, (trx) =>
          countUnknownToken(
            trx,
            `dtc-link@${visitor.address}`,
            now,
            'Too many checkout links that are not valid were tried from here. Try again later.',
          ),
        );
        throw dtcLinkNotValid();
      }
      if (outcome === 'used') return { outcome, brand: await brandName(db), lines: [] };
      deps.changes.notify();
      const claim = await claimOf(deps, claimToken, visitor.address);
      return { outcome, claimToken, basket: await readDtcBasket(db, claim, basket) };
    },

    async 'dtc.basket'(visitor, { claimToken }) {
      const claim = await claimOf(deps, claimToken, visitor.address);
      return readDtcBasket(db, claim, claim.linkId);
    },
  };
}

/** Too many claims from one address: when to try again. */
function claimsLimited(wait: number): HubRefusal {
  const minutes = minutesToWait(wait);
  return new HubRefusal(
    429,
    'rate_limited',
    `Too many checkout links were opened from here. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`,
    { retryAfterSeconds: Math.ceil(wait / 1000) },
  );
}

async function brandName(db: StoreDb): Promise<string> {
  const brand = await db.selectFrom('brand_settings').select('name').executeTakeFirst();
  return brand?.name ?? '';
}

/** The claimed basket as a page or storefront shows it: its lines with the products' names and prices. */
export async function readDtcBasket(
  db: StoreDb,
  claim: DtcClaimRow,
  basket: string,
): Promise<DtcBasket> {
  const skuIds = claim.lines.map((line) => line.skuId);
  const [brand, selection, countries, market, products, order, bought] = await Promise.all([
    db.selectFrom('brand_settings').select(['name', 'stripe_card_enabled']).executeTakeFirst(),
    db
      .selectFrom('dtc_selections')
      .select('name')
      .where('id', '=', claim.selectionId)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('market_countries')
      .select('country_code')
      .where('market_id', '=', claim.marketId)
      .orderBy('country_code')
      .execute(),
    db
      .selectFrom('markets')
      .select('prices_include_tax')
      .where('id', '=', claim.marketId)
      .executeTakeFirstOrThrow(),
    skuIds.length === 0
      ? []
      : db
          .selectFrom('skus as k')
          .innerJoin('products as p', 'p.id', 'k.product_id')
          .innerJoin('colorways as c', 'c.id', 'k.colorway_id')
          .leftJoin('prices as pr', (join) =>
            join.onRef('pr.sku_id', '=', 'k.id').on('pr.pricelist_id', '=', claim.pricelistId),
          )
          .select([
            'k.id',
            'k.size',
            'p.style_number',
            'p.name as style_name',
            'c.name as colorway',
            'pr.retail_minor',
          ])
          .where('k.id', 'in', skuIds)
          .execute(),
    claim.orderId === null
      ? null
      : db
          .selectFrom('orders')
          .select(['id', 'number'])
          .where('id', '=', claim.orderId)
          .executeTakeFirst(),
    claim.orderId === null
      ? []
      : db
          .selectFrom('order_lines')
          .select(['sku_id', 'quantity'])
          .where('order_id', '=', claim.orderId)
          .execute(),
  ]);
  const bySku = new Map(products.map((row) => [row.id, row]));
  const boughtBySku = new Map(bought.map((line) => [line.sku_id, line.quantity]));
  return {
    brand: brand?.name ?? '',
    basket,
    name: selection.name,
    currency: claim.currency,
    countries: countries.map((row) => row.country_code),
    options: claim.options,
    pricesIncludeTax: market.prices_include_tax === 1,
    paymentMethods: paymentMethodsOffered({
      stripeCardEnabled: brand?.stripe_card_enabled === 1,
      cardFlow: true,
    }),
    lines: claim.lines.flatMap((line) => {
      const product = bySku.get(line.skuId);
      if (!product) return [];
      return [
        {
          skuId: line.skuId,
          styleNumber: product.style_number,
          styleName: product.style_name,
          colorway: product.colorway,
          size: product.size,
          savedQuantity: line.quantity,
          maxQuantity: claim.options.lockQuantities ? line.quantity : MAX_DTC_LINE_QUANTITY,
          retailMinor: product.retail_minor,
          specialPriceMinor: line.specialPriceMinor,
        },
      ];
    }),
    purchased: order
      ? {
          orderId: order.id,
          number: order.number,
          // A purchase buys only the basket's products: named as the basket names them,
          // in its order.
          lines: claim.lines.flatMap(({ skuId }) => {
            const product = bySku.get(skuId);
            const quantity = boughtBySku.get(skuId);
            if (!product || quantity === undefined) return [];
            const { style_name: styleName, colorway, size } = product;
            return [{ skuId, styleName, colorway, size, quantity }];
          }),
        }
      : null,
  };
}
