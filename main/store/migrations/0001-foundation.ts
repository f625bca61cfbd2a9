import { sql, type Kysely } from 'kysely';

/**
 * The brand, its staff, its catalog (styles, colorways, SKUs, pictures), prices,
 * markets, stock, catalogs, lookbooks, buyers and DTC customers, and the audit log.
 * Forward only: a later change is a new migration, never an edit of this one.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('brand_settings')
    .addColumn('id', 'integer', (c) => c.primaryKey().check(sql`id = 1`))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('default_pricelist_id', 'text')
    .addColumn('default_language', 'text', (c) => c.notNull().defaultTo('en'))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('staff_users')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('email', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull().check(sql`role in ('admin', 'rep')`))
    .addColumn('password_hash', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('media')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('content_type', 'text', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull().unique())
    .addColumn('bytes', 'blob', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('size_scales')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull().unique())
    .addColumn('sizes', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('products')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('style_number', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('season', 'text', (c) => c.notNull())
    .addColumn('size_scale_id', 'text', (c) => c.notNull().references('size_scales.id'))
    .addColumn('search_text', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('products_category').on('products').column('category').execute();
  await db.schema.createIndex('products_season').on('products').column('season').execute();

  await db.schema
    .createTable('colorways')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('product_id', 'text', (c) =>
      c.notNull().references('products.id').onDelete('cascade'),
    )
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('color_hex', 'text', (c) => c.notNull())
    .addColumn('picture_id', 'text', (c) => c.references('media.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addUniqueConstraint('colorways_product_code', ['product_id', 'code'])
    .execute();

  await db.schema
    .createTable('skus')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('product_id', 'text', (c) =>
      c.notNull().references('products.id').onDelete('cascade'),
    )
    .addColumn('colorway_id', 'text', (c) =>
      c.notNull().references('colorways.id').onDelete('cascade'),
    )
    .addColumn('size', 'text', (c) => c.notNull())
    .addColumn('barcode', 'text', (c) => c.unique())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addUniqueConstraint('skus_colorway_size', ['colorway_id', 'size'])
    .execute();
  await db.schema.createIndex('skus_product').on('skus').column('product_id').execute();

  await db.schema
    .createTable('pricelists')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull().unique())
    .addColumn('currency', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('prices')
    .addColumn('pricelist_id', 'text', (c) =>
      c.notNull().references('pricelists.id').onDelete('cascade'),
    )
    .addColumn('sku_id', 'text', (c) => c.notNull().references('skus.id').onDelete('cascade'))
    .addColumn('wholesale_minor', 'integer', (c) => c.notNull().check(sql`wholesale_minor >= 0`))
    .addColumn('retail_minor', 'integer', (c) => c.notNull().check(sql`retail_minor >= 0`))
    .addPrimaryKeyConstraint('prices_pk', ['pricelist_id', 'sku_id'])
    .execute();
  await db.schema.createIndex('prices_sku').on('prices').column('sku_id').execute();

  await db.schema
    .createTable('markets')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull().unique())
    .addColumn('pricelist_id', 'text', (c) => c.notNull().references('pricelists.id'))
    .execute();
  await db.schema
    .createTable('market_countries')
    .addColumn('country_code', 'text', (c) => c.primaryKey())
    .addColumn('market_id', 'text', (c) => c.notNull().references('markets.id').onDelete('cascade'))
    .execute();

  await db.schema
    .createTable('warehouses')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull().unique())
    .execute();
  await db.schema
    .createTable('stock')
    .addColumn('warehouse_id', 'text', (c) =>
      c.notNull().references('warehouses.id').onDelete('cascade'),
    )
    .addColumn('sku_id', 'text', (c) => c.notNull().references('skus.id').onDelete('cascade'))
    .addColumn('quantity', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('stock_pk', ['sku_id', 'warehouse_id'])
    .execute();

  await db.schema
    .createTable('catalogs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull().unique())
    .addColumn('status', 'text', (c) =>
      c.notNull().check(sql`status in ('Open', 'Limited', 'Closed')`),
    )
    .addColumn('publication_at', 'text')
    .addColumn('order_deadline_at', 'text')
    .execute();
  await db.schema
    .createTable('catalog_products')
    .addColumn('catalog_id', 'text', (c) =>
      c.notNull().references('catalogs.id').onDelete('cascade'),
    )
    .addColumn('product_id', 'text', (c) =>
      c.notNull().references('products.id').onDelete('cascade'),
    )
    .addColumn('position', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('catalog_products_pk', ['catalog_id', 'product_id'])
    .execute();
  await db.schema
    .createIndex('catalog_products_product')
    .on('catalog_products')
    .column('product_id')
    .execute();

  await db.schema
    .createTable('lookbooks')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull().unique())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('Public', 'Draft')`))
    .execute();
  await db.schema
    .createTable('lookbook_pages')
    .addColumn('lookbook_id', 'text', (c) =>
      c.notNull().references('lookbooks.id').onDelete('cascade'),
    )
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('picture_id', 'text', (c) => c.notNull().references('media.id'))
    .addColumn('caption', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('product_ids', 'text', (c) => c.notNull().defaultTo('[]'))
    .addPrimaryKeyConstraint('lookbook_pages_pk', ['lookbook_id', 'position'])
    .execute();

  await db.schema
    .createTable('buyers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('customer_owned', 'offline')`))
    .addColumn('country_code', 'text', (c) => c.notNull())
    .addColumn('pricelist_id', 'text', (c) => c.notNull().references('pricelists.id'))
    .addColumn('discount_bp', 'integer', (c) =>
      c
        .notNull()
        .defaultTo(0)
        .check(sql`discount_bp between 0 and 10000`),
    )
    .addColumn('language', 'text', (c) => c.notNull().check(sql`language in ('en', 'ja')`))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('buyers_name').on('buyers').column('name').execute();

  await db.schema
    .createTable('buyer_users')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('email', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('password_hash', 'text')
    .execute();
  await db.schema
    .createTable('buyer_memberships')
    .addColumn('buyer_user_id', 'text', (c) =>
      c.notNull().references('buyer_users.id').onDelete('cascade'),
    )
    .addColumn('buyer_id', 'text', (c) => c.notNull().references('buyers.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('buyer_memberships_pk', ['buyer_user_id', 'buyer_id'])
    .execute();
  await db.schema
    .createIndex('buyer_memberships_buyer')
    .on('buyer_memberships')
    .column('buyer_id')
    .execute();

  await db.schema
    .createTable('dtc_customers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('email', 'text', (c) => c.notNull().unique())
    .addColumn('first_name', 'text', (c) => c.notNull())
    .addColumn('last_name', 'text', (c) => c.notNull())
    .addColumn('market_id', 'text', (c) => c.notNull().references('markets.id'))
    .execute();

  await db.schema
    .createTable('audit_log')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor_kind', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('device', 'text')
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('subject', 'text')
    .addColumn('details', 'text', (c) => c.notNull().defaultTo('{}'))
    .execute();
  await db.schema.createIndex('audit_log_at').on('audit_log').column('at').execute();
}
