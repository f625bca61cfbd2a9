import { sql, type SqlBool } from 'kysely';
import { EMPTY_ADDRESS, type AddressFields } from '../../domain/addresses.ts';
import {
  confirmationFileStem,
  orderConfirmationDocument,
  type ConfirmationDocument,
  type ConfirmationFacts,
} from '../../domain/order-confirmation.ts';
import type { StoreDb } from '../../store/database.ts';
import type { ExportedFile } from '../../../preload/contract/selections.ts';
import { safeFileName } from './file-name.ts';
import { orderConfirmationPdf, type ConfirmationPdfOptions } from './order-confirmation-pdf.ts';

/**
 * Reads an order's confirmation from a store: the hub's (to mail it) or a desktop's
 * replica (to save it, offline too). Both hold the same tables for orders, buyers, the
 * catalog and staff, so one query serves both. Null when the order is not there.
 * `withLines: false` leaves the lines out, for the mail's text, which needs only totals.
 */
export async function readConfirmationFacts(
  db: StoreDb,
  orderId: string,
  { withLines = true }: { withLines?: boolean } = {},
): Promise<ConfirmationFacts | null> {
  // A wholesale order's buyer and selection; a DTC order's customer and DTC selection.
  const order = await db
    .selectFrom('orders as o')
    .leftJoin('buyers as b', 'b.id', 'o.buyer_id')
    .leftJoin('dtc_customers as dc', 'dc.id', 'o.dtc_customer_id')
    .leftJoin('selections as s', 's.id', 'o.selection_id')
    .leftJoin('dtc_selections as ds', 'ds.id', 'o.selection_id')
    .leftJoin('pricelists as p', (join) =>
      join.on(sql<SqlBool>`p.id = coalesce(b.pricelist_id, ds.pricelist_id)`),
    )
    .leftJoin('staff_users as u', (join) =>
      join.on(sql<SqlBool>`u.id = coalesce(s.owner_id, ds.owner_id)`),
    )
    .select([
      'o.id',
      'o.number',
      'o.status',
      'o.source',
      'o.created_at',
      'o.currency',
      'o.units',
      'o.subtotal_minor',
      'o.discount_minor',
      'o.shipping_minor',
      'o.tax_minor',
      'o.tax_included',
      'o.total_minor',
      'o.ship_to',
      'o.bill_to',
      'o.ship_start',
      'o.cancel_date',
      'o.po_number',
      'o.payment_method',
      'o.shipping_rate_name',
      'o.note',
      'o.approved_by',
      'o.contact_name',
      'o.contact_email',
      'o.contact_phone',
      'b.name as buyer_name',
      'b.language',
      'b.country_code',
      'b.contact_email as buyer_email',
      'b.discount_bp',
      'dc.first_name as customer_first_name',
      'dc.last_name as customer_last_name',
      'dc.email as customer_email',
      'dc.country_code as customer_country',
      'p.name as pricelist_name',
      'u.name as rep_name',
      'u.email as rep_email',
    ])
    .where('o.id', '=', orderId)
    .executeTakeFirst();
  if (!order) return null;
  const [brand, lines] = await Promise.all([
    db.selectFrom('brand_settings').select('name').executeTakeFirst(),
    withLines
      ? db
          .selectFrom('order_lines as l')
          .innerJoin('skus as k', 'k.id', 'l.sku_id')
          .innerJoin('products as p', 'p.id', 'k.product_id')
          .innerJoin('colorways as c', 'c.id', 'k.colorway_id')
          .select([
            'p.style_number',
            'p.name as style_name',
            'c.code',
            'c.name as colorway_name',
            'c.color_hex',
            'c.position as colorway_position',
            'k.size',
            'k.position as size_position',
            'l.quantity',
            'l.unit_price_minor',
          ])
          .where('l.order_id', '=', orderId)
          .execute()
      : [],
  ]);
  return {
    order: {
      id: order.id,
      number: order.number,
      status: order.status,
      source: order.source,
      createdAt: order.created_at,
      currency: order.currency,
      units: order.units,
      subtotalMinor: order.subtotal_minor,
      discountMinor: order.discount_minor,
      shippingMinor: order.shipping_minor,
      tax:
        order.tax_minor > 0
          ? { amountMinor: order.tax_minor, included: order.tax_included === 1 }
          : null,
      totalMinor: order.total_minor,
      shipTo: snapshot(order.ship_to),
      billTo: snapshot(order.bill_to),
      shipStart: order.ship_start,
      cancelDate: order.cancel_date,
      poNumber: order.po_number,
      paymentMethod: order.payment_method,
      shippingRateName: order.shipping_rate_name,
      note: order.note,
      approvedBy: order.approved_by,
      contact: { name: order.contact_name, email: order.contact_email, phone: order.contact_phone },
    },
    brandName: brand?.name ?? '',
    buyer: {
      name:
        order.buyer_name ??
        [order.customer_first_name, order.customer_last_name].filter(Boolean).join(' '),
      // A DTC customer keeps no language: the brand's first (English) until it does.
      language: order.language ?? 'en',
      country: order.country_code ?? order.customer_country ?? '',
      contactEmail: order.buyer_email ?? order.customer_email ?? '',
      pricelistName: order.pricelist_name,
      discountBasisPoints: order.discount_bp ?? 0,
    },
    rep:
      order.rep_name !== null && order.rep_email !== null
        ? { name: order.rep_name, email: order.rep_email }
        : null,
    lines: lines.map((line) => ({
      styleNumber: line.style_number,
      styleName: line.style_name,
      colorwayCode: line.code,
      colorwayName: line.colorway_name,
      colorHex: line.color_hex,
      colorwayPosition: line.colorway_position,
      size: line.size,
      sizePosition: line.size_position,
      quantity: line.quantity,
      unitPriceMinor: line.unit_price_minor,
    })),
  };
}

/** The order's address snapshot (JSON the order service wrote), or null. */
function snapshot(json: string | null): AddressFields | null {
  if (json === null) return null;
  try {
    const fields = JSON.parse(json) as Partial<AddressFields> | null;
    return fields && { ...EMPTY_ADDRESS, ...fields };
  } catch {
    return null;
  }
}

/** The order's confirmation document, or null when the order is not in this store. */
export async function readConfirmationDocument(
  db: StoreDb,
  orderId: string,
): Promise<ConfirmationDocument | null> {
  const facts = await readConfirmationFacts(db, orderId);
  return facts && orderConfirmationDocument(facts);
}

/** The confirmation as a PDF file, named for a save dialog and a mail attachment alike. */
export async function confirmationFile(
  document: ConfirmationDocument,
  options: ConfirmationPdfOptions = {},
): Promise<ExportedFile> {
  return {
    fileName: safeFileName(confirmationFileStem(document), 'pdf'),
    contentType: 'application/pdf',
    bytes: await orderConfirmationPdf(document, options),
  };
}
