import { sql } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import {
  lookbookProblemPath,
  lookbookProblems,
  type LookbookProblem,
} from '../domain/lookbooks.ts';
import {
  OperationError,
  type FieldIssue,
  type LookbookDetail,
  type LookbookInput,
  type LookbookStyle,
  type LookbookSummary,
} from '../../preload/contract/index.ts';
import { replicaDb } from '../store/database.ts';
import { removeLookbook, saveLookbook } from '../sync/mutators/lookbooks.ts';
import { changeLocally, type LocalChangeServices } from './local-change.ts';

const DOING = 'change lookbooks';

/** The brand's lookbooks as the replica holds them, each saying whether it waits to sync. */
export async function lookbooksOverview(services: LocalChangeServices): Promise<LookbookSummary[]> {
  const rows = await replicaDb(services.db)
    .selectFrom('lookbooks as l')
    .select((eb) => [
      'l.id',
      'l.name',
      'l.status',
      eb
        .selectFrom('lookbook_pages as p')
        .select((inner) => inner.fn.countAll<number>().as('n'))
        .whereRef('p.lookbook_id', '=', 'l.id')
        .as('pages'),
      sql<number>`(select count(distinct s.value) from lookbook_pages p, json_each(p.product_ids) s
        where p.lookbook_id = l.id)`.as('styles'),
      eb
        .selectFrom('lookbook_pages as p')
        .select('p.picture_id')
        .whereRef('p.lookbook_id', '=', 'l.id')
        .orderBy('p.position')
        .limit(1)
        .as('cover'),
      eb
        .exists(
          eb
            .selectFrom('outbox')
            .select('outbox.seq')
            .where('outbox.subject', '=', sql<string>`'lookbook:' || l.id`),
        )
        .as('waiting'),
    ])
    .orderBy('l.name')
    .orderBy('l.id')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    status: row.status,
    pages: Number(row.pages ?? 0),
    styles: Number(row.styles ?? 0),
    coverPictureId: row.cover ?? null,
    waitingToSync: Boolean(row.waiting),
  }));
}

/** A lookbook with its pages in order and each page's styles with a picture to offer. */
export async function openLookbook(
  services: LocalChangeServices,
  id: string,
): Promise<LookbookDetail> {
  const db = replicaDb(services.db);
  const lookbook = await db
    .selectFrom('lookbooks')
    .select(['id', 'name', 'status'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!lookbook) throw new OperationError('not_found', 'There is no such lookbook.');
  const pages = await db
    .selectFrom('lookbook_pages')
    .select(['picture_id', 'caption', 'product_ids'])
    .where('lookbook_id', '=', id)
    .orderBy('position')
    .execute();
  const productIds = pages.map((page) => JSON.parse(page.product_ids) as string[]);
  const styles = await lookbookStyles(services, [...new Set(productIds.flat())]);
  return {
    ...lookbook,
    pages: pages.map((page, index) => ({
      pictureId: page.picture_id,
      caption: page.caption,
      // A style removed from the catalog since is left out, as it can no longer be linked.
      styles: productIds[index]!.flatMap((productId) => styles.get(productId) ?? []),
    })),
  };
}

/** Styles by product id, each with its first colourway's picture. */
async function lookbookStyles(
  services: LocalChangeServices,
  productIds: readonly string[],
): Promise<Map<string, LookbookStyle>> {
  const found = new Map<string, LookbookStyle>();
  const db = replicaDb(services.db);
  for (let start = 0; start < productIds.length; start += 500) {
    const rows = await db
      .selectFrom('products as p')
      .select((eb) => [
        'p.id',
        'p.style_number as styleNumber',
        'p.name',
        eb
          .selectFrom('colorways as c')
          .select('c.picture_id')
          .whereRef('c.product_id', '=', 'p.id')
          .where('c.picture_id', 'is not', null)
          .orderBy('c.position')
          .limit(1)
          .as('pictureId'),
      ])
      .where('p.id', 'in', productIds.slice(start, start + 500))
      .execute();
    for (const row of rows) found.set(row.id, { ...row, pictureId: row.pictureId ?? null });
  }
  return found;
}

/** The domain's problems as the form's field issues (`pages.1.caption`), nothing saved. */
function refuseProblems(problems: readonly LookbookProblem[]): void {
  if (problems.length === 0) return;
  const issues: FieldIssue[] = problems.map((problem) => ({
    path: lookbookProblemPath(problem),
    message: `This lookbook is not valid (${problem.code}).`,
    code: problem.code,
    params: problem.params,
  }));
  throw new OperationError('invalid_input', issues[0]!.message, issues);
}

export async function saveLookbookLocally(
  services: LocalChangeServices,
  input: LookbookInput,
): Promise<{ id: string; lookbooks: LookbookSummary[] }> {
  const problems = lookbookProblems(input);
  const name = input.name.trim();
  const taken = await replicaDb(services.db)
    .selectFrom('lookbooks')
    .select('id')
    .where('name', '=', name)
    .where('id', '!=', input.id ?? '')
    .executeTakeFirst();
  if (taken && name !== '') {
    problems.push({ field: 'name', code: 'lookbook_name_taken', params: { name } });
  }
  refuseProblems(problems);
  const id = input.id ?? uuidv7();
  const pages = input.pages.map((page) => ({ ...page, pictureId: page.pictureId! }));
  await changeLocally(
    services,
    saveLookbook,
    { id, name: input.name, status: input.status, pages },
    { field: 'name', doing: DOING },
  );
  return { id, lookbooks: await lookbooksOverview(services) };
}

export async function removeLookbookLocally(
  services: LocalChangeServices,
  id: string,
): Promise<LookbookSummary[]> {
  await changeLocally(services, removeLookbook, { id }, { field: 'id', doing: DOING });
  return lookbooksOverview(services);
}
