import { hubDb, type StoreDb } from '../store/database.ts';
import { auditRow } from './audit.ts';
import { inTransaction } from '../store/transactions.ts';

/**
 * `--public-url` of a standalone hub: written into the brand's settings when the hub
 * starts (and when its brand is set up), where an admin could also have set it, so it
 * reaches every desktop by sync like any setting. The command line wins at each start.
 */
export async function applyPublicAddress(db: StoreDb, origin: string, now: Date): Promise<void> {
  await inTransaction(db, async (trx) => {
    const changed = await hubDb(trx)
      .updateTable('brand_settings')
      .set({ public_url: origin, updated_at: now.toISOString() })
      .where((eb) => eb.or([eb('public_url', 'is', null), eb('public_url', '!=', origin)]))
      .executeTakeFirst();
    if (Number(changed.numUpdatedRows) === 0) return;
    await hubDb(trx)
      .insertInto('audit_log')
      .values(
        auditRow({
          at: now.toISOString(),
          actor: { kind: 'system' },
          action: 'brand.publicAddress.fromCommandLine',
          subject: 'brand:public-address',
          details: { publicUrl: origin },
        }),
      )
      .execute();
  });
}
