import type { Selectable } from 'kysely';
import { z } from 'zod';
import { dtcSelectionProblems } from '../../domain/dtc-selections.ts';
import { MAX_DTC_SELECTION_NAME } from '../../domain/dtc.ts';
import { can } from '../../domain/permissions.ts';
import type { StoreSchema } from '../../store/schema.ts';
import { DtcSelectionLineInput } from '../../../preload/contract/dtc.ts';
import { MutationRefused, mutator, type MutationContext, type MutationTx } from './mutator.ts';

const Id = z.string().min(1).max(64);

export function dtcSelectionSubject(selectionId: string): string {
  return `dtc-selection:${selectionId}`;
}

type DtcSelectionRow = Selectable<StoreSchema['dtc_selections']>;

/**
 * The DTC selection, if it exists and the person may change it: its maker, or whoever
 * may change any selection (admins), as with wholesale selections.
 */
export async function editableDtcSelection(
  tx: MutationTx,
  selectionId: string,
  context: MutationContext,
): Promise<DtcSelectionRow> {
  const selection = await tx.db
    .selectFrom('dtc_selections')
    .selectAll()
    .where('id', '=', selectionId)
    .executeTakeFirst();
  if (!selection) throw new MutationRefused('not_found', 'This selection no longer exists.');
  if (selection.owner_id !== context.userId && !can(context.role, 'changeAnySelection')) {
    throw new MutationRefused(
      'forbidden',
      'Only the person who made this selection, or an admin, can change it.',
    );
  }
  return selection;
}

export const createDtcSelection = mutator({
  name: 'dtcSelection.create.v1',
  args: z.strictObject({
    id: z.uuid(),
    customerId: Id,
    marketId: Id,
    name: z.string().trim().min(1).max(MAX_DTC_SELECTION_NAME),
  }),
  subject: (args) => dtcSelectionSubject(args.id),
  summary: (args) => `Create the selection ${args.name.trim()}`,
  async apply(tx, args, context) {
    const taken = await tx.db
      .selectFrom('dtc_selections')
      .select('id')
      .where('id', '=', args.id)
      .executeTakeFirst();
    if (taken) throw new MutationRefused('conflict', 'This selection was already created.');
    const customer = await tx.db
      .selectFrom('dtc_customers')
      .select('id')
      .where('id', '=', args.customerId)
      .executeTakeFirst();
    if (!customer) throw new MutationRefused('not_found', 'This customer no longer exists.');
    // The market's pricelist is fixed here: a later change of the market's pricelist
    // does not reprice a basket already made for a customer.
    const market = await tx.db
      .selectFrom('markets')
      .select('pricelist_id')
      .where('id', '=', args.marketId)
      .executeTakeFirst();
    if (!market) throw new MutationRefused('not_found', 'This market no longer exists.');
    await tx.put('dtc_selections', {
      id: args.id,
      customer_id: args.customerId,
      owner_id: context.userId,
      market_id: args.marketId,
      pricelist_id: market.pricelist_id,
      name: args.name,
      created_at: context.now,
      updated_at: context.now,
      deleted_at: null,
      deleted_by_order_id: null,
    });
  },
});

/**
 * The spec's "Save": the name and the whole set of lines at once. Lines not sent are
 * removed; every SKU must still exist with a retail price on the selection's pricelist.
 * A selection a purchase deleted is kept as it was bought.
 */
export const saveDtcSelection = mutator({
  name: 'dtcSelection.save.v1',
  args: z.strictObject({
    id: Id,
    name: z.string().max(MAX_DTC_SELECTION_NAME * 2),
    lines: z.array(DtcSelectionLineInput),
  }),
  subject: (args) => dtcSelectionSubject(args.id),
  summary: (args) => `Save the selection ${args.name.trim()}`,
  async apply(tx, args, context) {
    const selection = await editableDtcSelection(tx, args.id, context);
    if (selection.deleted_at !== null) {
      throw new MutationRefused(
        'selection_deleted',
        'This selection was bought through its link and can no longer change.',
      );
    }
    const problem = dtcSelectionProblems(args)[0];
    if (problem) {
      throw new MutationRefused(
        'invalid_input',
        `This selection is not valid (${problem.field}: ${problem.code}).`,
      );
    }
    const skuIds = args.lines.map((line) => line.skuId);
    if (skuIds.length > 0) {
      const priced = await tx.db
        .selectFrom('skus as s')
        .innerJoin('prices as p', (join) =>
          join.onRef('p.sku_id', '=', 's.id').on('p.pricelist_id', '=', selection.pricelist_id),
        )
        .select('s.id')
        .where('s.id', 'in', skuIds)
        .execute();
      if (priced.length !== skuIds.length) {
        throw new MutationRefused(
          'not_found',
          'One of these sizes is no longer sold in this market. Remove it from the selection.',
        );
      }
    }
    const current = await tx.db
      .selectFrom('dtc_selection_lines')
      .selectAll()
      .where('selection_id', '=', args.id)
      .execute();
    const kept = new Map(current.map((line) => [line.sku_id, line]));
    const wanted = new Set(skuIds);
    for (const line of current) {
      if (!wanted.has(line.sku_id)) {
        await tx.delete('dtc_selection_lines', { selection_id: args.id, sku_id: line.sku_id });
      }
    }
    const changed = args.lines.filter((line) => {
      const before = kept.get(line.skuId);
      return (
        !before ||
        before.quantity !== line.quantity ||
        before.special_price_minor !== line.specialPriceMinor
      );
    });
    if (changed.length > 0) {
      await tx.putAll(
        'dtc_selection_lines',
        changed.map((line) => ({
          selection_id: args.id,
          sku_id: line.skuId,
          quantity: line.quantity,
          special_price_minor: line.specialPriceMinor,
          added_at: kept.get(line.skuId)?.added_at ?? context.now,
        })),
      );
    }
    await tx.put('dtc_selections', {
      ...selection,
      name: args.name.trim(),
      updated_at: context.now,
    });
  },
});
