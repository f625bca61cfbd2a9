import type { StoreDb } from '../../store/database.ts';
import type { MailAttachment } from './outbox.ts';

/**
 * Draws one attachment at send time from what the spec names (the part after its kind:
 * an order's id). Null when that thing is not in the store.
 */
export type MailRenderer = (db: StoreDb, id: string) => Promise<MailAttachment | null>;

/** The renderers a sender has, by the kind a spec starts with (`order_confirmation`). */
export type MailRenderers = Readonly<Record<string, MailRenderer>>;

/** A spec as the outbox keeps it: `<kind>:<id>`. */
export function renderingSpec(kind: string, id: string): string {
  return `${kind}:${id}`;
}

/**
 * The attachments a mail's specs stand for, in their order. Throws when a spec has no
 * renderer or names nothing: the sender records that as the mail's failure and tries
 * again later, so a mail never goes out without the document it promises.
 */
export async function renderAttachments(
  db: StoreDb,
  renderers: MailRenderers,
  specs: readonly string[],
): Promise<MailAttachment[]> {
  const files: MailAttachment[] = [];
  for (const spec of specs) {
    const split = spec.indexOf(':');
    const kind = split < 0 ? spec : spec.slice(0, split);
    const render = Object.hasOwn(renderers, kind) ? renderers[kind] : undefined;
    if (!render) throw new Error(`No renderer for the attachment "${spec}".`);
    const file = await render(db, spec.slice(split + 1));
    if (!file) throw new Error(`The attachment "${spec}" names nothing in the store.`);
    files.push(file);
  }
  return files;
}
