import { readSelectionSheet } from '../../services/selection-sheet.ts';
import type { StoreDb } from '../../store/database.ts';
import { pictureInSelections, selectionHead } from '../../store/selection-queries.ts';
import type { ShareOpenLog } from '../share-opens.ts';
import type { SharedSelectionCache } from '../shared-selections.ts';
import { preparedJson, type BuyerApiHandlers } from './handler-table.ts';
import { linkExpired, sharedSelectionHead } from './link-holders.ts';
import { pictureAnswer } from './pictures.ts';

export interface ShareLinkDependencies {
  db: StoreDb;
  opens: ShareOpenLog;
  sharedSelections: SharedSelectionCache;
}

/** What a share link's holder sees: the selection, read-only, and its pictures. */
export function shareLinkHandlers(
  deps: ShareLinkDependencies,
): Pick<BuyerApiHandlers, 'shareLink.open' | 'shareLink.picture'> {
  const { db } = deps;
  return {
    async 'shareLink.open'(holder, _input, { encoding }) {
      const { link, brand } = holder;
      const body = await deps.sharedSelections.answer(
        link.id,
        holder.answerKey,
        encoding,
        async () => {
          const head = await selectionHead(db, link.selectionId);
          if (!head) return null;
          const sheet = await readSelectionSheet(db, head, { now: holder.at, for: 'buyer' });
          return preparedJson('shareLink.open', {
            brand: brand.name,
            name: head.name,
            notes: head.notes,
            buyer: head.buyer_name,
            language: head.language,
            expiresAt: link.expiresAt,
            prepaymentCheckout: brand.prepaymentCheckout,
            lines: sheet.lines,
            totals: sheet.totals,
          });
        },
      );
      if (body === null) throw linkExpired();
      deps.opens.record({ linkId: link.id, at: holder.at.toISOString() });
      return { body, encoding };
    },

    async 'shareLink.picture'(holder, { id }) {
      await sharedSelectionHead(db, holder);
      const picture = await pictureInSelections(db, id, { selectionId: holder.link.selectionId });
      return pictureAnswer(picture, 'This selection has no such picture.');
    },
  };
}
