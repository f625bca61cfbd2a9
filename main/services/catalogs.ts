import { parse } from 'csv-parse/sync';
import { sql } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import {
  catalogProblems,
  catalogRemovalProblem,
  catalogStyleProblems,
  styleNumberColumn,
} from '../domain/catalogs.ts';
import type { PaymentMethod } from '../domain/order-states.ts';
import {
  OperationError,
  type CatalogInput,
  type CatalogStyle,
  type CatalogStylesFromCsv,
  type CatalogsOverview,
  type FieldIssue,
} from '../../preload/contract/index.ts';
import { replicaDb } from '../store/database.ts';
import { removeCatalog, saveCatalog, setCatalogStyles } from '../sync/mutators/catalogs.ts';
import { changeLocally, type LocalChangeServices } from './local-change.ts';

const DOING = 'change catalogs';

/** The brand's catalogs as the replica holds them, each saying whether it waits to sync. */
export async function catalogsOverview(services: LocalChangeServices): Promise<CatalogsOverview> {
  const db = replicaDb(services.db);
  const [rows, groups] = await Promise.all([
    db
      .selectFrom('catalogs as c')
      .select((eb) => [
        'c.id',
        'c.name',
        'c.season',
        'c.status',
        'c.publication_at',
        'c.order_deadline_at',
        'c.address_field',
        'c.payment_methods',
        'c.shipping_rate_group_ids',
        eb
          .selectFrom('catalog_products as cp')
          .select((inner) => inner.fn.countAll<number>().as('n'))
          .whereRef('cp.catalog_id', '=', 'c.id')
          .as('style_count'),
        eb
          .exists(
            eb
              .selectFrom('outbox')
              .select('outbox.seq')
              .where('outbox.subject', '=', sql<string>`'catalog:' || c.id`),
          )
          .as('waiting'),
      ])
      .orderBy('c.name')
      .orderBy('c.id')
      .execute(),
    db.selectFrom('shipping_rate_groups').select(['id', 'name']).orderBy('name').execute(),
  ]);
  return {
    catalogs: rows.map((row) => ({
      id: row.id,
      name: row.name,
      season: row.season,
      status: row.status,
      publicationAt: row.publication_at,
      orderDeadlineAt: row.order_deadline_at,
      addressField: row.address_field,
      paymentMethods: JSON.parse(row.payment_methods) as PaymentMethod[],
      shippingRateGroupIds: JSON.parse(row.shipping_rate_group_ids) as string[],
      styleCount: Number(row.style_count ?? 0),
      waitingToSync: Boolean(row.waiting),
    })),
    rateGroups: groups,
  };
}

/** The domain's problems as the form's field issues, nothing saved while one is wrong. */
function refuseProblems(problems: ReturnType<typeof catalogProblems>): void {
  if (problems.length === 0) return;
  const issues: FieldIssue[] = problems.map(({ field, code, params }) => ({
    path: field,
    message: `This catalog is not valid (${code}).`,
    code,
    params,
  }));
  throw new OperationError('invalid_input', issues[0]!.message, issues);
}

export async function saveCatalogLocally(
  services: LocalChangeServices,
  input: CatalogInput,
): Promise<{ id: string; overview: CatalogsOverview }> {
  const problems = catalogProblems(input);
  const name = input.name.trim();
  const taken = await replicaDb(services.db)
    .selectFrom('catalogs')
    .select('id')
    .where('name', '=', name)
    .where('id', '!=', input.id ?? '')
    .executeTakeFirst();
  if (taken && name !== '') {
    problems.push({ field: 'name', code: 'catalog_name_taken', params: { name } });
  }
  refuseProblems(problems);
  const id = input.id ?? uuidv7();
  await changeLocally(services, saveCatalog, { ...input, id }, { field: 'name', doing: DOING });
  return { id, overview: await catalogsOverview(services) };
}

export async function catalogStyles(
  services: LocalChangeServices,
  id: string,
): Promise<CatalogStyle[]> {
  return replicaDb(services.db)
    .selectFrom('catalog_products as cp')
    .innerJoin('products as p', 'p.id', 'cp.product_id')
    .select(['p.id', 'p.style_number as styleNumber', 'p.name'])
    .where('cp.catalog_id', '=', id)
    .orderBy('cp.position')
    .execute();
}

export async function setCatalogStylesLocally(
  services: LocalChangeServices,
  input: { id: string; productIds: string[] },
): Promise<CatalogsOverview> {
  refuseProblems(catalogStyleProblems(input.productIds));
  await changeLocally(services, setCatalogStyles, input, { field: 'styles', doing: DOING });
  return catalogsOverview(services);
}

export async function removeCatalogLocally(
  services: LocalChangeServices,
  id: string,
): Promise<CatalogsOverview> {
  const styles = await catalogStyles(services, id);
  const problem = catalogRemovalProblem(styles.length);
  if (problem) refuseProblems([problem]);
  await changeLocally(services, removeCatalog, { id }, { field: 'id', doing: DOING });
  return catalogsOverview(services);
}

/**
 * The styles a CSV names in its style number column, in the file's order and each once,
 * and the style numbers the brand has no style for, by line (as a spreadsheet numbers
 * them, the header being line 1). Nothing is saved: the dialog adds them to the list.
 */
export async function catalogStylesFromCsv(
  services: LocalChangeServices,
  content: string,
): Promise<CatalogStylesFromCsv> {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(content, {
      bom: true,
      info: true,
      skip_empty_lines: true,
      relax_column_count: true,
    }) as unknown as typeof records;
  } catch (error) {
    throw new OperationError('invalid_input', 'This is not readable CSV.', [
      { path: 'content', message: String(error), code: 'csv_unreadable', params: {} },
    ]);
  }
  const [header, ...body] = records;
  const column = header ? styleNumberColumn(header.record) : null;
  if (column === null) {
    throw new OperationError('invalid_input', 'This CSV has no style number column.', [
      {
        path: 'content',
        message: 'No style number column.',
        code: 'csv_no_style_number',
        params: {},
      },
    ]);
  }
  const wanted = body
    .map(({ record, info }) => ({ line: info.lines, styleNumber: (record[column] ?? '').trim() }))
    .filter((entry) => entry.styleNumber !== '');
  const numbers = [...new Set(wanted.map((entry) => entry.styleNumber))];
  const found = new Map<string, CatalogStyle>();
  const db = replicaDb(services.db);
  for (let start = 0; start < numbers.length; start += 500) {
    const rows = await db
      .selectFrom('products')
      .select(['id', 'style_number as styleNumber', 'name'])
      .where('style_number', 'in', numbers.slice(start, start + 500))
      .execute();
    for (const row of rows) found.set(row.styleNumber, row);
  }
  const styles = new Map<string, CatalogStyle>();
  const unknown: CatalogStylesFromCsv['unknown'] = [];
  for (const entry of wanted) {
    const style = found.get(entry.styleNumber);
    if (style) styles.set(style.id, style);
    else unknown.push(entry);
  }
  return { styles: [...styles.values()], unknown };
}
