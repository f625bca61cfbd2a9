import { z } from 'zod';
import {
  MAX_QUANTITY,
  MAX_SELECTION_LINES,
  MAX_SELECTION_NAME,
  MAX_SELECTION_NOTES,
} from '../../domain/selections.ts';
import type { Selectable } from 'kysely';
import { can } from '../../domain/permissions.ts';
import type { StoreSchema } from '../../store/schema.ts';
import { guardKeys } from '../../store/transactions.ts';
import { MutationRefused, mutator, type MutationContext, type MutationTx } from './mutator.ts';

const id = z.string().min(1).max(64);
const name = z.string().trim().min(1).max(MAX_SELECTION_NAME);
const notes = z.string().max(MAX_SELECTION_NOTES);

type SelectionRow = Selectable<StoreSchema['selections']>;

/**
 * What guards a selection's checks: every change to a selection (its row and its lines)
 * holds it, so each reads what the one before it wrote, on any hub instance. Anything
 * else that writes an existing selection's row or lines must hold it too: these changes
 * rewrite the whole row they read, and would undo a write they did not wait for.
 */
function selectionKey(selectionId: string): string {
  return `selection:${selectionId}`;
}

/**
 * The selection, if it exists and the person may change it: its rep, or an admin. Held
 * (selectionKey) until the change commits.
 */
export async function editableSelection(
  tx: MutationTx,
  selectionId: string,
  context: MutationContext,
): Promise<SelectionRow> {
  await guardKeys(tx.db, [selectionKey(selectionId)]);
  const selection = await tx.db
    .selectFrom('selections')
    .selectAll()
    .where('id', '=', selectionId)
    .executeTakeFirst();
  if (!selection) {
    throw new MutationRefused('not_found', 'This selection no longer exists; it was deleted.');
  }
  if (selection.owner_id !== context.userId && !can(context.role, 'changeAnySelection')) {
    throw new MutationRefused(
      'forbidden',
      'Only the rep who made this selection, or an admin, can change it.',
    );
  }
  return selection;
}

async function touch(tx: MutationTx, selection: SelectionRow, context: MutationContext) {
  await tx.put('selections', { ...selection, updated_at: context.now });
}

/**
 * Refuses SKUs the buyer cannot order: gone from the catalog, or without a price on the
 * buyer's pricelist. Removing a line never needs this, so an unsold line can always go.
 */
async function requireSold(
  tx: MutationTx,
  selection: SelectionRow,
  skuIds: readonly string[],
): Promise<void> {
  if (skuIds.length === 0) return;
  const buyer = await tx.db
    .selectFrom('buyers')
    .select('pricelist_id')
    .where('id', '=', selection.buyer_id)
    .executeTakeFirstOrThrow();
  const found = await tx.db
    .selectFrom('skus as s')
    .innerJoin('products as p', 'p.id', 's.product_id')
    .innerJoin('colorways as c', 'c.id', 's.colorway_id')
    .leftJoin('prices as pr', (join) =>
      join.onRef('pr.sku_id', '=', 's.id').on('pr.pricelist_id', '=', buyer.pricelist_id),
    )
    .select(['s.id', 's.size', 'p.style_number', 'c.name as colour', 'pr.wholesale_minor'])
    .where('s.id', 'in', skuIds)
    .execute();
  const byId = new Map(found.map((row) => [row.id, row]));
  for (const skuId of skuIds) {
    const sku = byId.get(skuId);
    if (!sku) {
      throw new MutationRefused(
        'not_found',
        'One of these sizes is no longer in the catalog. Remove it from the selection.',
      );
    }
    if (sku.wholesale_minor === null) {
      throw new MutationRefused(
        'invalid_input',
        `${sku.style_number} ${sku.colour} in size ${sku.size} is no longer sold on this buyer's pricelist.`,
      );
    }
  }
}

async function lineCount(tx: MutationTx, selectionId: string): Promise<number> {
  const row = await tx.db
    .selectFrom('selection_lines')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('selection_id', '=', selectionId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

function requireRoom(lines: number): void {
  if (lines > MAX_SELECTION_LINES) {
    throw new MutationRefused(
      'invalid_input',
      `A selection holds at most ${MAX_SELECTION_LINES.toLocaleString('en')} sizes. Start another selection for the rest.`,
    );
  }
}

export const createSelection = mutator({
  name: 'selection.create.v1',
  guarded: true,
  args: z.strictObject({ id: z.uuid(), buyerId: id, name, notes }),
  subject: (args) => `selection:${args.id}`,
  summary: (args) => `Create selection “${args.name}”`,
  async apply(tx, args, context) {
    await guardKeys(tx.db, [selectionKey(args.id)]);
    const existing = await tx.db
      .selectFrom('selections')
      .select('id')
      .where('id', '=', args.id)
      .executeTakeFirst();
    if (existing) {
      throw new MutationRefused('conflict', 'A selection with this identifier already exists.');
    }
    const buyer = await tx.db
      .selectFrom('buyers')
      .select('id')
      .where('id', '=', args.buyerId)
      .executeTakeFirst();
    if (!buyer) throw new MutationRefused('not_found', 'This buyer no longer exists on the hub.');
    await tx.put('selections', {
      id: args.id,
      buyer_id: args.buyerId,
      owner_id: context.userId,
      name: args.name,
      notes: args.notes,
      created_at: context.now,
      updated_at: context.now,
    });
  },
});

export const updateSelection = mutator({
  name: 'selection.update.v1',
  guarded: true,
  args: z.strictObject({ selectionId: id, name, notes }),
  subject: (args) => `selection:${args.selectionId}`,
  summary: (args) => `Rename or change notes of “${args.name}”`,
  async apply(tx, args, context) {
    const selection = await editableSelection(tx, args.selectionId, context);
    await tx.put('selections', {
      ...selection,
      name: args.name,
      notes: args.notes,
      updated_at: context.now,
    });
  },
});

export const setSelectionQuantities = mutator({
  name: 'selection.setQuantities.v1',
  guarded: true,
  args: z.strictObject({
    selectionId: id,
    lines: z
      .array(z.strictObject({ skuId: id, quantity: z.number().int().min(0).max(MAX_QUANTITY) }))
      .min(1)
      .max(500)
      .refine((lines) => new Set(lines.map((line) => line.skuId)).size === lines.length, {
        message: 'A size appears twice',
      }),
  }),
  subject: (args) => `selection:${args.selectionId}`,
  summary: (args) => {
    const units = args.lines.reduce((sum, line) => sum + line.quantity, 0);
    return units === 0
      ? `Remove ${args.lines.length} size${args.lines.length === 1 ? '' : 's'}`
      : `Set quantities of ${args.lines.length} size${args.lines.length === 1 ? '' : 's'} (${units} units)`;
  },
  async apply(tx, args, context) {
    const selection = await editableSelection(tx, args.selectionId, context);
    await requireSold(
      tx,
      selection,
      args.lines.filter((line) => line.quantity > 0).map((line) => line.skuId),
    );
    const existing = await tx.db
      .selectFrom('selection_lines')
      .selectAll()
      .where('selection_id', '=', selection.id)
      .where(
        'sku_id',
        'in',
        args.lines.map((line) => line.skuId),
      )
      .execute();
    const current = new Map(existing.map((line) => [line.sku_id, line]));
    let added = 0;
    for (const line of args.lines) {
      const before = current.get(line.skuId);
      if (line.quantity === 0) {
        if (before)
          await tx.delete('selection_lines', { selection_id: selection.id, sku_id: line.skuId });
        continue;
      }
      if (!before) added++;
      await tx.put('selection_lines', {
        selection_id: selection.id,
        sku_id: line.skuId,
        quantity: line.quantity,
        added_at: before?.added_at ?? context.now,
      });
    }
    if (added > 0) requireRoom(await lineCount(tx, selection.id));
    await touch(tx, selection, context);
  },
});

export const addSelectionUnits = mutator({
  name: 'selection.addUnits.v1',
  guarded: true,
  args: z.strictObject({
    selectionId: id,
    skuId: id,
    units: z.number().int().min(1).max(MAX_QUANTITY),
  }),
  subject: (args) => `selection:${args.selectionId}`,
  summary: (args) => `Add ${args.units} scanned unit${args.units === 1 ? '' : 's'}`,
  async apply(tx, args, context) {
    const selection = await editableSelection(tx, args.selectionId, context);
    await requireSold(tx, selection, [args.skuId]);
    const before = await tx.db
      .selectFrom('selection_lines')
      .selectAll()
      .where('selection_id', '=', selection.id)
      .where('sku_id', '=', args.skuId)
      .executeTakeFirst();
    const quantity = (before?.quantity ?? 0) + args.units;
    if (quantity > MAX_QUANTITY) {
      throw new MutationRefused(
        'invalid_input',
        `At most ${MAX_QUANTITY.toLocaleString('en')} units per size; this size already has ${before?.quantity ?? 0}.`,
      );
    }
    await tx.put('selection_lines', {
      selection_id: selection.id,
      sku_id: args.skuId,
      quantity,
      added_at: before?.added_at ?? context.now,
    });
    if (!before) requireRoom(await lineCount(tx, selection.id));
    await touch(tx, selection, context);
  },
});

export const duplicateSelection = mutator({
  name: 'selection.duplicate.v1',
  guarded: true,
  args: z.strictObject({ sourceId: id, id: z.uuid(), name }),
  subject: (args) => `selection:${args.id}`,
  summary: (args) => `Duplicate as “${args.name}”`,
  async apply(tx, args, context) {
    await guardKeys(tx.db, [selectionKey(args.sourceId), selectionKey(args.id)]);
    const source = await editableSelection(tx, args.sourceId, context);
    const taken = await tx.db
      .selectFrom('selections')
      .select('id')
      .where('id', '=', args.id)
      .executeTakeFirst();
    if (taken) {
      throw new MutationRefused('conflict', 'A selection with this identifier already exists.');
    }
    await tx.put('selections', {
      ...source,
      id: args.id,
      owner_id: context.userId,
      name: args.name,
      created_at: context.now,
      updated_at: context.now,
    });
    const lines = await tx.db
      .selectFrom('selection_lines')
      .selectAll()
      .where('selection_id', '=', source.id)
      .execute();
    for (const line of lines) await tx.put('selection_lines', { ...line, selection_id: args.id });
  },
});

export const deleteSelection = mutator({
  name: 'selection.delete.v1',
  guarded: true,
  args: z.strictObject({ selectionId: id }),
  subject: (args) => `selection:${args.selectionId}`,
  summary: () => 'Delete selection',
  async apply(tx, args, context) {
    const selection = await editableSelection(tx, args.selectionId, context);
    // Line by line, not by cascade: the replica notes each row it removes, to restore
    // it should the hub refuse the deletion.
    const lines = await tx.db
      .selectFrom('selection_lines')
      .select('sku_id')
      .where('selection_id', '=', selection.id)
      .execute();
    for (const line of lines) {
      await tx.delete('selection_lines', { selection_id: selection.id, sku_id: line.sku_id });
    }
    await tx.delete('selections', { id: selection.id });
  },
});
