import { z } from 'zod';
import { parsePublicAddress } from '../../domain/hub-address.ts';
import { MutationRefused, mutator, requirePermission, type MutationTx } from './mutator.ts';

/** The brand's one settings row; a hub without a brand refuses every setting. */
export async function brandSettings(tx: MutationTx) {
  const settings = await tx.db.selectFrom('brand_settings').selectAll().executeTakeFirst();
  if (!settings) throw new MutationRefused('not_found', 'This hub has no brand set up yet.');
  return settings;
}

/** The public address as it travels: an origin the domain's rule accepts, or null for none. */
const PublicAddress = z
  .string()
  .max(400)
  .nullable()
  .superRefine((value, context) => {
    if (value === null) return;
    const parsed = parsePublicAddress(value);
    if (!parsed.ok) context.addIssue({ code: 'custom', message: parsed.reason });
    else if (parsed.origin !== value) {
      context.addIssue({ code: 'custom', message: 'Send the address as its origin' });
    }
  });

export const updatePublicAddress = mutator({
  name: 'brand.updatePublicAddress.v1',
  args: z.strictObject({ publicUrl: PublicAddress }),
  subject: () => 'brand:public-address',
  summary: (args) =>
    args.publicUrl ? `Set the public address to ${args.publicUrl}` : 'Clear the public address',
  async apply(tx, args, context) {
    requirePermission(context, 'changeHubAddress', 'Only an admin can change the public address.');
    const settings = await brandSettings(tx);
    await tx.put('brand_settings', {
      ...settings,
      public_url: args.publicUrl,
      updated_at: context.now,
    });
  },
});
