import { LINK_EXPIRED_MESSAGE, shareLinkStatus } from '../../domain/share-links.ts';
import { hubDb, type StoreDb } from '../../store/database.ts';
import { selectionHead, type SelectionHeadRow } from '../../store/selection-queries.ts';
import { countUnknownToken } from '../auth/limits.ts';
import { tokenHash } from '../auth/tokens.ts';
import { HubRefusal } from '../errors.ts';
import { answerKey, dataVersion, type SharedSelectionCache } from '../shared-selections.ts';
import type { LinkHolder, Visitor } from './handler-table.ts';

export interface LinkHolderDependencies {
  db: StoreDb;
  clock: () => Date;
  sharedSelections: SharedSelectionCache;
}

/** The one answer for every link that does not open: unknown, expired, revoked, switched off. */
export const linkExpired = () => new HubRefusal(404, 'link_expired', LINK_EXPIRED_MESSAGE);

/**
 * Who holds a share link: the link a token names, if it is live now, with the brand's
 * settings, all read in one query beside the data version. Tokens that name no link are
 * counted per address and refused after a few dozen in 15 minutes; a real link always
 * opens, whatever others tried from the same address.
 */
export function linkHolders(deps: LinkHolderDependencies) {
  const { db, clock } = deps;

  return async (token: string, visitor: Visitor): Promise<LinkHolder> => {
    const now = clock();
    const hub = hubDb(db);
    const found = await hub
      .selectFrom('share_links')
      .select(['id', 'selection_id', 'expires_at', 'revoked_at'])
      .select(dataVersion().as('data_version'))
      .where('token_hash', '=', tokenHash(token))
      .executeTakeFirst();
    if (!found) {
      await countUnknownToken(
        db,
        `share-token@${visitor.address}`,
        now,
        'Too many links that do not open were tried from here. Try again later.',
      );
      throw linkExpired();
    }
    const version = found.data_version ?? 0;
    // The brand's settings and its catalogs' dates change only with the data version.
    const { settings, catalogs } = await deps.sharedSelections.brand(version, async () => {
      const [settings, catalogs] = await Promise.all([
        hub.selectFrom('brand_settings').selectAll().executeTakeFirst(),
        hub
          .selectFrom('catalogs')
          .select([
            'name',
            'status',
            'publication_at as publicationAt',
            'order_deadline_at as orderDeadlineAt',
          ])
          .execute(),
      ]);
      return { settings, catalogs };
    });
    const status = shareLinkStatus(
      { expiresAt: found.expires_at, revokedAt: found.revoked_at },
      now,
      Boolean(settings?.share_links_enabled),
    );
    if (status !== 'live') throw linkExpired();
    return {
      kind: 'linkHolder',
      address: visitor.address,
      link: { id: found.id, selectionId: found.selection_id, expiresAt: found.expires_at },
      brand: {
        name: settings?.name ?? '',
        prepaymentCheckout: Boolean(settings?.prepayment_checkout),
      },
      answerKey: answerKey(version, catalogs, now),
      at: now,
    };
  };
}

/** The selection a live link opens; a link whose selection is gone does not open either. */
export async function sharedSelectionHead(
  db: StoreDb,
  holder: LinkHolder,
): Promise<SelectionHeadRow> {
  const head = await selectionHead(db, holder.link.selectionId);
  if (!head) throw linkExpired();
  return head;
}
