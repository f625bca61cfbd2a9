import { z } from 'zod';
import {
  LOOKBOOK_STATUSES,
  lookbookProblems,
  MAX_LOOKBOOK_CAPTION,
  MAX_LOOKBOOK_NAME,
  MAX_LOOKBOOK_PAGES,
  MAX_STYLES_PER_PAGE,
} from '../../domain/lookbooks.ts';
import { MutationRefused, mutator, requirePermission, type MutationTx } from './mutator.ts';

const Id = z.string().min(1).max(64);
const FORBIDDEN = 'Only an admin can make and change lookbooks.';

/** A page as it travels; the domain's lookbookProblems judges the limits. */
const LookbookPageArgs = z.strictObject({
  pictureId: Id,
  caption: z.string().max(MAX_LOOKBOOK_CAPTION * 2),
  productIds: z.array(Id).max(MAX_STYLES_PER_PAGE * 2),
});

/** A whole lookbook with its pages in order: saving it replaces the pages it had. */
export const LookbookArgs = z.strictObject({
  id: Id,
  name: z.string().max(MAX_LOOKBOOK_NAME * 2),
  status: z.enum(LOOKBOOK_STATUSES),
  pages: z.array(LookbookPageArgs).max(MAX_LOOKBOOK_PAGES * 2),
});
export type LookbookArgs = z.infer<typeof LookbookArgs>;

/** How many of these ids a table holds, a few hundred at a time (SQLite bounds parameters). */
async function countKnown(
  tx: MutationTx,
  table: 'media' | 'products',
  ids: readonly string[],
): Promise<number> {
  let known = 0;
  for (let start = 0; start < ids.length; start += 500) {
    const row = await tx.db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .where('id', 'in', ids.slice(start, start + 500))
      .executeTakeFirstOrThrow();
    known += Number(row.count);
  }
  return known;
}

export const saveLookbook = mutator({
  name: 'lookbook.save.v1',
  args: LookbookArgs,
  subject: (args) => `lookbook:${args.id}`,
  summary: (args) => `Save the lookbook ${args.name.trim()}`,
  auditArgs: (args) => ({
    id: args.id,
    name: args.name.trim(),
    status: args.status,
    pages: args.pages.length,
  }),
  async apply(tx, args, context) {
    requirePermission(context, 'manageLookbooks', FORBIDDEN);
    const problem = lookbookProblems(args)[0];
    if (problem) {
      throw new MutationRefused('invalid_input', `This lookbook is not valid (${problem.code}).`);
    }
    const name = args.name.trim();
    const sameName = await tx.db
      .selectFrom('lookbooks')
      .select('id')
      .where('name', '=', name)
      .where('id', '!=', args.id)
      .executeTakeFirst();
    if (sameName) {
      throw new MutationRefused('conflict', `Another lookbook is already named ${name}.`);
    }
    const pictureIds = [...new Set(args.pages.map((page) => page.pictureId))];
    if ((await countKnown(tx, 'media', pictureIds)) !== pictureIds.length) {
      throw new MutationRefused('not_found', 'A picture of this lookbook no longer exists.');
    }
    const productIds = [...new Set(args.pages.flatMap((page) => page.productIds))];
    if ((await countKnown(tx, 'products', productIds)) !== productIds.length) {
      throw new MutationRefused('not_found', 'A style linked from this lookbook no longer exists.');
    }
    await tx.put('lookbooks', { id: args.id, name, status: args.status });
    const before = await tx.db
      .selectFrom('lookbook_pages')
      .select('position')
      .where('lookbook_id', '=', args.id)
      .where('position', '>=', args.pages.length)
      .execute();
    for (const { position } of before) {
      await tx.delete('lookbook_pages', { lookbook_id: args.id, position });
    }
    await tx.putAll(
      'lookbook_pages',
      args.pages.map((page, position) => ({
        lookbook_id: args.id,
        position,
        picture_id: page.pictureId,
        caption: page.caption.trim(),
        product_ids: JSON.stringify(page.productIds),
      })),
    );
  },
});

export const removeLookbook = mutator({
  name: 'lookbook.remove.v1',
  args: z.strictObject({ id: Id }),
  subject: (args) => `lookbook:${args.id}`,
  summary: () => 'Remove a lookbook',
  async apply(tx, args, context) {
    requirePermission(context, 'manageLookbooks', FORBIDDEN);
    const pages = await tx.db
      .selectFrom('lookbook_pages')
      .select('position')
      .where('lookbook_id', '=', args.id)
      .execute();
    // The pages go first, each through the change log, so every desktop drops them too.
    for (const { position } of pages) {
      await tx.delete('lookbook_pages', { lookbook_id: args.id, position });
    }
    await tx.delete('lookbooks', { id: args.id });
  },
});
