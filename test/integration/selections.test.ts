import { describe, expect, it } from 'vitest';
import { SelectionCreateInput, SelectionSetQuantitiesInput } from '../../preload/contract/index.ts';
import { createBuyerLocally, updateBuyerTermsLocally } from '../../main/services/buyers.ts';
import {
  createSelectionLocally,
  deleteSelectionLocally,
  duplicateSelectionLocally,
  listSelections,
  openSelection,
  scanIntoSelection,
  setQuantitiesLocally,
  updateSelectionLocally,
} from '../../main/services/selections.ts';
import type { StoreDb } from '../../main/store/database.ts';
import { useDemoHub } from '../support/demo-hub.ts';
import { servicesOf, type TestDesktop } from '../support/desktop.ts';

const JONAS = 'jonas@nordlys-atelier.example';
const LUCA = 'luca@nordlys-atelier.example';
const MAJA = 'maja@nordlys-atelier.example';

const demo = useDemoHub('trunkshow-selections-');
const desktop = (email = JONAS) => demo.desktop(email);
const services = servicesOf;

/** A buyer on the EUR pricelist, made by the rep at the booth; an admin gives the discount. */
async function euroBuyer(d: TestDesktop, discountPercent = 0) {
  const pricelist = await d.store.db
    .selectFrom('pricelists')
    .select('id')
    .where('currency', '=', 'EUR')
    .executeTakeFirstOrThrow();
  const buyer = await createBuyerLocally(services(d), {
    name: `Boutique ${Math.random().toString(36).slice(2, 8)}`,
    kind: 'offline',
    countryCode: 'SE',
    terms: { pricelistId: pricelist.id, discountPercent: 0, language: 'en' },
  });
  if (discountPercent === 0) return buyer;
  await d.engine.syncNow();
  const admin = await desktop(MAJA);
  await updateBuyerTermsLocally(services(admin), {
    buyerId: buyer.id,
    terms: { pricelistId: pricelist.id, discountPercent, language: 'en' },
  });
  await admin.engine.syncNow();
  await d.engine.syncNow();
  return { ...buyer, discountPercent };
}

/** A colourway's SKUs in size order with their wholesale price on a pricelist. */
async function sizeRun(db: StoreDb, pricelistId: string, offset = 0) {
  const colorway = await db
    .selectFrom('colorways')
    .select('id')
    .orderBy('id')
    .offset(offset)
    .limit(1)
    .executeTakeFirstOrThrow();
  return db
    .selectFrom('skus as s')
    .innerJoin('prices as p', (join) =>
      join.onRef('p.sku_id', '=', 's.id').on('p.pricelist_id', '=', pricelistId),
    )
    .select(['s.id', 's.barcode', 'p.wholesale_minor'])
    .where('s.colorway_id', '=', colorway.id)
    .orderBy('s.position')
    .execute();
}

async function hubRows(
  table: 'selections' | 'selection_lines',
  selectionColumn: string,
  id: string,
) {
  return demo.hub.store.db
    .selectFrom(table)
    .selectAll()
    .where(selectionColumn as 'id', '=', id)
    .execute();
}

describe('a selection', () => {
  it('is built on the desktop, totalled at the buyer’s prices and terms, and reaches the hub', async () => {
    const d = await desktop();
    const buyer = await euroBuyer(d, 12.5);
    const selection = await createSelectionLocally(
      services(d),
      SelectionCreateInput.parse({
        buyerId: buyer.id,
        name: 'Spring order',
        notes: 'Deliver before March',
      }),
    );
    expect(selection).toMatchObject({
      name: 'Spring order',
      notes: 'Deliver before March',
      lines: [],
      buyer: { id: buyer.id, currency: 'EUR', discountPercent: 12.5 },
      owner: { name: 'Jonas Berg' },
      totals: { units: 0, total: { amountMinor: 0, currency: 'EUR' } },
      waitingToSync: true,
    });

    const run = await sizeRun(d.store.db, buyer.pricelistId);
    const [first, second] = run;
    const filled = await setQuantitiesLocally(services(d), {
      selectionId: selection.id,
      lines: [
        { skuId: first!.id, quantity: 3 },
        { skuId: second!.id, quantity: 2 },
      ],
    });
    const subtotal = 3 * first!.wholesale_minor + 2 * second!.wholesale_minor;
    const discount = Math.floor((subtotal * 1250 + 5000) / 10000);
    expect(filled.lines).toHaveLength(1);
    expect(filled.lines[0]!.cells.map((cell) => cell.quantity)).toEqual(
      run.map((_, index) => (index === 0 ? 3 : index === 1 ? 2 : 0)),
    );
    expect(filled.totals).toEqual({
      units: 5,
      subtotal: { amountMinor: subtotal, currency: 'EUR' },
      discountPercent: 12.5,
      discount: { amountMinor: discount, currency: 'EUR' },
      total: { amountMinor: subtotal - discount, currency: 'EUR' },
    });

    await d.engine.syncNow();
    expect(await hubRows('selections', 'id', selection.id)).toEqual([
      expect.objectContaining({ name: 'Spring order', owner_id: expect.any(String) }),
    ]);
    expect(
      (await hubRows('selection_lines', 'selection_id', selection.id)).map((l) => l.quantity),
    ).toEqual(expect.arrayContaining([3, 2]));
    expect((await openSelection(services(d), selection.id)).waitingToSync).toBe(false);
  });

  it('takes one unit per scan, and another for the next scan of the same barcode', async () => {
    const d = await desktop();
    const buyer = await euroBuyer(d);
    const { id } = await createSelectionLocally(
      services(d),
      SelectionCreateInput.parse({ buyerId: buyer.id }),
    );
    const [sku] = await sizeRun(d.store.db, buyer.pricelistId, 1);
    const once = await scanIntoSelection(services(d), { selectionId: id, code: sku!.barcode! });
    expect(once.added).toMatchObject({ quantity: 1 });
    const twice = await scanIntoSelection(services(d), { selectionId: id, code: sku!.barcode! });
    expect(twice.added).toMatchObject({ quantity: 2 });
    expect(twice.selection.totals.units).toBe(2);

    await expect(
      scanIntoSelection(services(d), { selectionId: id, code: '0000000000000' }),
    ).rejects.toMatchObject({
      code: 'not_found',
      issues: [{ path: 'code', message: 'No size in the catalog has the barcode 0000000000000.' }],
    });
  });

  it('refuses quantities that are negative, not whole, too large or for a size not sold, saving nothing', async () => {
    const bad = (quantity: unknown) =>
      SelectionSetQuantitiesInput.safeParse({ selectionId: 's', lines: [{ skuId: 'k', quantity }] })
        .error?.issues[0]?.message;
    expect(bad(-1)).toBe('A quantity cannot be negative');
    expect(bad(1.5)).toBe('Type a whole number of units');
    expect(bad('3')).toBe('Type a whole number of units');
    expect(bad(10_000)).toBe('At most 9,999 units per size');

    const d = await desktop();
    const buyer = await euroBuyer(d);
    const { id } = await createSelectionLocally(
      services(d),
      SelectionCreateInput.parse({ buyerId: buyer.id }),
    );
    const [sku] = await sizeRun(d.store.db, buyer.pricelistId, 2);
    await d.store.db
      .deleteFrom('prices')
      .where('sku_id', '=', sku!.id)
      .where('pricelist_id', '=', buyer.pricelistId)
      .execute();
    const pending = (await d.engine.status()).pending;
    await expect(
      setQuantitiesLocally(services(d), {
        selectionId: id,
        lines: [{ skuId: sku!.id, quantity: 1 }],
      }),
    ).rejects.toMatchObject({
      code: 'invalid_input',
      message: expect.stringMatching(/no longer sold on this buyer's pricelist/),
    });
    expect((await d.engine.status()).pending).toBe(pending);
    expect((await openSelection(services(d), id)).lines).toEqual([]);
  });

  it('is renamed, annotated, duplicated with its lines and deleted, everywhere after sync', async () => {
    const d = await desktop();
    const buyer = await euroBuyer(d);
    const { id } = await createSelectionLocally(
      services(d),
      SelectionCreateInput.parse({ buyerId: buyer.id, name: 'Resort' }),
    );
    const [sku] = await sizeRun(d.store.db, buyer.pricelistId, 3);
    await setQuantitiesLocally(services(d), {
      selectionId: id,
      lines: [{ skuId: sku!.id, quantity: 4 }],
    });
    await updateSelectionLocally(services(d), {
      selectionId: id,
      name: 'Resort 27',
      notes: 'Ship in May',
    });
    const copy = await duplicateSelectionLocally(services(d), id);
    expect(copy).toMatchObject({
      name: 'Copy of Resort 27',
      notes: 'Ship in May',
      totals: { units: 4 },
    });
    const again = await duplicateSelectionLocally(services(d), id);
    expect(again.name).toBe('Copy of Resort 27 (2)');
    await d.engine.syncNow();
    expect(await hubRows('selection_lines', 'selection_id', copy.id)).toHaveLength(1);

    await deleteSelectionLocally(services(d), id);
    expect(
      (await listSelections(services(d), { buyerId: buyer.id, query: '' })).items.map(
        (s) => s.name,
      ),
    ).toEqual(expect.arrayContaining(['Copy of Resort 27', 'Copy of Resort 27 (2)']));
    await d.engine.syncNow();
    expect(await hubRows('selections', 'id', id)).toEqual([]);
    expect(await hubRows('selection_lines', 'selection_id', id)).toEqual([]);
    expect(await hubRows('selection_lines', 'selection_id', copy.id)).toHaveLength(1);
  });
});

describe('selections across reps', () => {
  it('reach their rep and the admins, not other reps; an admin’s scan adds to the rep’s', async () => {
    const jonas = await desktop(JONAS);
    const buyer = await euroBuyer(jonas);
    const { id } = await createSelectionLocally(
      services(jonas),
      SelectionCreateInput.parse({
        buyerId: buyer.id,
        name: 'Shared',
      }),
    );
    const [sku] = await sizeRun(jonas.store.db, buyer.pricelistId, 4);
    await scanIntoSelection(services(jonas), { selectionId: id, code: sku!.barcode! });
    await jonas.engine.syncNow();

    const luca = await desktop(LUCA);
    const maja = await desktop(MAJA);
    expect(await listSelections(services(luca), { query: '' })).toEqual({ items: [], owners: [] });
    const seenByAdmin = await listSelections(services(maja), { owner: 'mine', query: '' });
    expect(seenByAdmin.items.map((s) => s.id)).not.toContain(id);
    const all = await listSelections(services(maja), { query: 'shared' });
    expect(all.owners).toEqual([expect.objectContaining({ name: 'Jonas Berg' })]);
    expect(all.items).toEqual([
      expect.objectContaining({ id, owner: expect.objectContaining({ name: 'Jonas Berg' }) }),
    ]);

    // Both scan once more while apart: the hub adds them up, it does not keep only one.
    await scanIntoSelection(services(maja), { selectionId: id, code: sku!.barcode! });
    await scanIntoSelection(services(jonas), { selectionId: id, code: sku!.barcode! });
    await maja.engine.syncNow();
    await jonas.engine.syncNow();
    await maja.engine.syncNow();
    for (const d of [jonas, maja]) {
      expect((await openSelection(services(d), id)).totals.units).toBe(3);
    }
  });
});
