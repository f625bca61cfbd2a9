import { z } from 'zod';
import { mayLinkDtcSelection } from '../../domain/dtc-selections.ts';
import { tokenHash as hashOf } from '../../hub/auth/tokens.ts';
import { MutationRefused, mutator } from './mutator.ts';
import { dtcSelectionSubject, editableDtcSelection } from './dtc-selections.ts';

const Id = z.string().min(1).max(64);

/** Under the selection's subject, so the selection shows what waits or was refused of its links. */
export function dtcLinkSubject(selectionId: string, linkId: string): string {
  return `${dtcSelectionSubject(selectionId)}:link:${linkId}`;
}
/** A link token: 32 random bytes, base64url (main/hub/auth/tokens.ts). */
const Token = z.string().regex(/^[\w-]{43}$/);

/**
 * One-time checkout links, as customer order links are made: the desktop draws the token
 * and keeps it beside its replica, the synced row holds only its SHA-256, and on the hub
 * `applyOnHub` keeps the token sealed under the hub's key (`dtc_link_secrets`) so another
 * staff device can copy the link. The token is a secret argument: never audited, never
 * kept with a refusal. A link is a request: the hub refuses one for a selection a
 * purchase deleted or one without lines, as the desktop's view of it may be stale.
 */
export const createDtcLink = mutator({
  name: 'dtcLink.create.v1',
  args: z.strictObject({
    id: z.uuid(),
    selectionId: Id,
    token: Token,
    lockQuantities: z.boolean(),
    ignoreShipping: z.boolean(),
    ignoreTax: z.boolean(),
  }),
  secretArgs: ['token'],
  subject: (args) => dtcLinkSubject(args.selectionId, args.id),
  summary: () => 'Make a checkout link',
  async apply(tx, args, context) {
    const selection = await editableDtcSelection(tx, args.selectionId, context);
    const lines = await tx.db
      .selectFrom('dtc_selection_lines')
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .where('selection_id', '=', selection.id)
      .executeTakeFirstOrThrow();
    const may = mayLinkDtcSelection({
      deletedAt: selection.deleted_at,
      lineCount: Number(lines.count),
    });
    if (!may.ok) {
      throw new MutationRefused(
        may.code,
        may.code === 'selection_deleted'
          ? 'This selection was bought through one of its links; make a new selection.'
          : 'Add products to the selection and save it before making a link.',
      );
    }
    const hash = hashOf(args.token);
    const taken = await tx.db
      .selectFrom('dtc_links')
      .select('id')
      .where((eb) => eb.or([eb('id', '=', args.id), eb('token_hash', '=', hash)]))
      .executeTakeFirst();
    if (taken) throw new MutationRefused('conflict', 'This link was already made.');
    await tx.put('dtc_links', {
      id: args.id,
      selection_id: selection.id,
      token_hash: hash,
      lock_quantities: args.lockQuantities ? 1 : 0,
      ignore_shipping: args.ignoreShipping ? 1 : 0,
      ignore_tax: args.ignoreTax ? 1 : 0,
      created_by: context.userId,
      created_at: context.now,
      claim_count: 0,
      purchased_at: null,
      purchase_order_id: null,
      killed_at: null,
      killed_by: null,
    });
  },
  async applyOnHub(_trx, args, context) {
    await createDtcLink.apply(context.tx, args, context);
    const sealed = context.secrets?.seal(args.token, 'link token') ?? null;
    await context.hub
      .insertInto('dtc_link_secrets')
      .values({ link_id: args.id, token_sealed: sealed })
      .execute();
  },
});

/** A staff member kills a link no one has bought through: it stops working at once. */
export const killDtcLink = mutator({
  name: 'dtcLink.kill.v1',
  args: z.strictObject({ id: Id, selectionId: Id }),
  subject: (args) => dtcLinkSubject(args.selectionId, args.id),
  summary: () => 'Kill a checkout link',
  async apply(tx, args, context) {
    const link = await tx.db
      .selectFrom('dtc_links')
      .selectAll()
      .where('id', '=', args.id)
      .executeTakeFirst();
    if (!link || link.selection_id !== args.selectionId) {
      throw new MutationRefused('not_found', 'This checkout link no longer exists.');
    }
    await editableDtcSelection(tx, link.selection_id, context);
    if (link.purchased_at !== null) {
      throw new MutationRefused('conflict', 'Someone already bought through this link.');
    }
    if (link.killed_at !== null) return;
    await tx.put('dtc_links', { ...link, killed_at: context.now, killed_by: context.userId });
  },
});
