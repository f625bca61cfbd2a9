import { z } from 'zod';
import {
  CATALOG_ADDRESS_FIELDS,
  catalogProblems,
  catalogRemovalProblem,
  catalogStyleProblems,
  MAX_CATALOG_NAME,
  MAX_CATALOG_RATE_GROUPS,
  MAX_CATALOG_SEASON,
  MAX_STYLES_PER_CATALOG,
  normalizedPaymentMethods,
} from '../../domain/catalogs.ts';
import { CATALOG_STATUSES } from '../../domain/model.ts';
import { PAYMENT_METHODS } from '../../domain/order-states.ts';
import { MutationRefused, mutator, requirePermission, type MutationContext } from './mutator.ts';

const Id = z.string().min(1).max(64);
const FORBIDDEN = 'Only an admin can make and change catalogs.';

function requireCatalogAdmin(context: MutationContext): void {
  requirePermission(context, 'manageCatalogs', FORBIDDEN);
}

/** A catalog as it travels; the domain's catalogProblems decides the rest (dates, limits). */
export const CatalogArgs = z.strictObject({
  id: Id,
  name: z.string().max(MAX_CATALOG_NAME * 2),
  season: z.string().max(MAX_CATALOG_SEASON * 2),
  status: z.enum(CATALOG_STATUSES),
  publicationAt: z.string().max(40).nullable(),
  orderDeadlineAt: z.string().max(40).nullable(),
  addressField: z.enum(CATALOG_ADDRESS_FIELDS),
  paymentMethods: z.array(z.enum(PAYMENT_METHODS)).max(PAYMENT_METHODS.length * 2),
  shippingRateGroupIds: z.array(Id).max(MAX_CATALOG_RATE_GROUPS * 2),
});
export type CatalogArgs = z.infer<typeof CatalogArgs>;

export const saveCatalog = mutator({
  name: 'catalog.save.v1',
  args: CatalogArgs,
  subject: (args) => `catalog:${args.id}`,
  summary: (args) => `Save the catalog ${args.name.trim()}`,
  async apply(tx, args, context) {
    requireCatalogAdmin(context);
    const problem = catalogProblems(args)[0];
    if (problem) {
      throw new MutationRefused('invalid_input', `This catalog is not valid (${problem.code}).`);
    }
    const name = args.name.trim();
    const sameName = await tx.db
      .selectFrom('catalogs')
      .select('id')
      .where('name', '=', name)
      .where('id', '!=', args.id)
      .executeTakeFirst();
    if (sameName) {
      throw new MutationRefused('conflict', `Another catalog is already named ${name}.`);
    }
    const groupIds = [...new Set(args.shippingRateGroupIds)];
    if (groupIds.length > 0) {
      const groups = await tx.db
        .selectFrom('shipping_rate_groups')
        .select('id')
        .where('id', 'in', groupIds)
        .execute();
      if (groups.length !== groupIds.length) {
        throw new MutationRefused('not_found', 'A shipping rate group no longer exists.');
      }
    }
    await tx.put('catalogs', {
      id: args.id,
      name,
      season: args.season.trim(),
      status: args.status,
      publication_at: args.publicationAt,
      order_deadline_at: args.orderDeadlineAt,
      address_field: args.addressField,
      payment_methods: JSON.stringify(normalizedPaymentMethods(args.paymentMethods)),
      shipping_rate_group_ids: JSON.stringify(groupIds),
    });
  },
});

export const setCatalogStyles = mutator({
  name: 'catalog.setStyles.v1',
  args: z.strictObject({
    id: Id,
    productIds: z.array(Id).max(MAX_STYLES_PER_CATALOG),
  }),
  subject: (args) => `catalog:${args.id}`,
  summary: (args) => `Set the ${args.productIds.length} styles of a catalog`,
  auditArgs: (args) => ({ id: args.id, styles: args.productIds.length }),
  async apply(tx, args, context) {
    requireCatalogAdmin(context);
    const problem = catalogStyleProblems(args.productIds)[0];
    if (problem) {
      throw new MutationRefused('invalid_input', `These styles are not valid (${problem.code}).`);
    }
    const catalog = await tx.db
      .selectFrom('catalogs')
      .select('id')
      .where('id', '=', args.id)
      .executeTakeFirst();
    if (!catalog) throw new MutationRefused('not_found', 'This catalog no longer exists.');
    const wanted = new Set(args.productIds);
    let known = 0;
    // SQLite bounds a statement's parameters; 500 ids a query stays far under it.
    for (let start = 0; start < args.productIds.length; start += 500) {
      const rows = await tx.db
        .selectFrom('products')
        .select((eb) => eb.fn.countAll<number>().as('count'))
        .where('id', 'in', args.productIds.slice(start, start + 500))
        .executeTakeFirstOrThrow();
      known += Number(rows.count);
    }
    if (known !== wanted.size) {
      throw new MutationRefused('not_found', 'A style of this catalog no longer exists.');
    }
    const current = await tx.db
      .selectFrom('catalog_products')
      .select(['product_id', 'position'])
      .where('catalog_id', '=', args.id)
      .execute();
    for (const row of current) {
      if (!wanted.has(row.product_id)) {
        await tx.delete('catalog_products', { catalog_id: args.id, product_id: row.product_id });
      }
    }
    const positionOf = new Map(current.map((row) => [row.product_id, row.position]));
    const changed = args.productIds
      .map((productId, position) => ({ catalog_id: args.id, product_id: productId, position }))
      .filter((row) => positionOf.get(row.product_id) !== row.position);
    if (changed.length > 0) await tx.putAll('catalog_products', changed);
  },
});

export const removeCatalog = mutator({
  name: 'catalog.remove.v1',
  args: z.strictObject({ id: Id }),
  subject: (args) => `catalog:${args.id}`,
  summary: () => 'Remove a catalog',
  async apply(tx, args, context) {
    requireCatalogAdmin(context);
    const styles = await tx.db
      .selectFrom('catalog_products')
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .where('catalog_id', '=', args.id)
      .executeTakeFirstOrThrow();
    const problem = catalogRemovalProblem(Number(styles.count));
    if (problem) {
      throw new MutationRefused(
        'conflict',
        `This catalog still holds ${Number(styles.count)} styles; take them out first (${problem.code}).`,
      );
    }
    await tx.delete('catalogs', { id: args.id });
  },
});
