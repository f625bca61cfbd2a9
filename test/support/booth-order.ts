import { shippingChoice } from '../../main/services/order-placement.ts';
import { createSelectionLocally, setQuantitiesLocally } from '../../main/services/selections.ts';
import type { LocalChangeServices } from '../../main/services/local-change.ts';
import { PlaceBoothOrderInput } from '../../preload/contract/index.ts';

/** A complete ship-to and bill-to address in `country`, as a rep types it at the booth. */
export function boothAddress(country: string) {
  return {
    name: 'Riverside Store',
    line1: '1 Market Street',
    line2: '',
    postalCode: '',
    city: 'Riverside',
    region: '',
    country,
    phone: '',
  };
}

/**
 * The Place order dialog's answers for a selection, as the contract parses them: the
 * buyer's country as ship-to and bill-to, the first shipping rate offered there, an
 * open window, and styles past their deadline acknowledged.
 */
export async function boothOrderInput(
  services: LocalChangeServices,
  selectionId: string,
  buyer: { country_code: string; currency: string },
) {
  const shipping = await shippingChoice(services, {
    selectionId,
    country: buyer.country_code,
    currency: buyer.currency,
  });
  const address = boothAddress(buyer.country_code);
  return PlaceBoothOrderInput.parse({
    selectionId,
    shipTo: address,
    billTo: address,
    shipStart: '',
    cancelDate: '',
    poNumber: 'PO-TEST',
    paymentMethod: 'outside_app',
    shippingGroupId: shipping.ok ? shipping.rates[0]!.groupId : null,
    note: '',
    approvedBy: 'Riverside Buyer',
    acknowledgeDeadlines: true,
  });
}

/**
 * A new selection named `name` for the first buyer, of up to `sizes` sizes priced on the
 * buyer's pricelist (two units each), ready to be ordered.
 */
export async function boothSelection(services: LocalChangeServices, name: string, sizes: number) {
  const buyer = await services.db
    .selectFrom('buyers as b')
    .innerJoin('pricelists as p', 'p.id', 'b.pricelist_id')
    .select(['b.id', 'b.pricelist_id', 'b.country_code', 'p.currency'])
    .orderBy('b.id')
    .executeTakeFirstOrThrow();
  const skus = await services.db
    .selectFrom('skus as s')
    .innerJoin('prices as p', (join) =>
      join.onRef('p.sku_id', '=', 's.id').on('p.pricelist_id', '=', buyer.pricelist_id),
    )
    .select('s.id')
    .orderBy('s.colorway_id')
    .limit(sizes)
    .execute();
  const selection = await createSelectionLocally(services, { buyerId: buyer.id, name, notes: '' });
  await setQuantitiesLocally(services, {
    selectionId: selection.id,
    lines: skus.map((sku) => ({ skuId: sku.id, quantity: 2 })),
  });
  return { selectionId: selection.id, buyer, sizes: skus.length };
}
