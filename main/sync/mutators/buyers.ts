import { z } from 'zod';
import { isValidDiscount, MAX_DISCOUNT_BP } from '../../domain/buyers.ts';
import { MutationRefused, mutator, type MutationTx } from './mutator.ts';

const Terms = z.strictObject({
  pricelistId: z.string().min(1).max(64),
  discountBp: z.number().int().min(0).max(MAX_DISCOUNT_BP),
  language: z.enum(['en', 'ja']),
});

async function requirePricelist(tx: MutationTx, pricelistId: string): Promise<void> {
  const pricelist = await tx.db
    .selectFrom('pricelists')
    .select('id')
    .where('id', '=', pricelistId)
    .executeTakeFirst();
  if (!pricelist) {
    throw new MutationRefused(
      'not_found',
      'The pricelist chosen for this buyer no longer exists. Choose another pricelist and send the change again.',
    );
  }
}

function requireValidDiscount(discountBp: number): void {
  if (!isValidDiscount(discountBp)) {
    throw new MutationRefused('invalid_input', 'A discount is from 0 % to 100 %.');
  }
}

export const createBuyer = mutator({
  name: 'buyer.create.v1',
  args: z.strictObject({
    id: z.uuid(),
    name: z.string().trim().min(1).max(200),
    kind: z.enum(['customer_owned', 'offline']),
    countryCode: z.string().regex(/^[A-Z]{2}$/),
    terms: Terms,
  }),
  subject: (args) => `buyer:${args.id}`,
  summary: (args) => `Create buyer “${args.name}”`,
  async apply(tx, args, context) {
    const existing = await tx.db
      .selectFrom('buyers')
      .select('id')
      .where('id', '=', args.id)
      .executeTakeFirst();
    if (existing) {
      throw new MutationRefused(
        'conflict',
        'A buyer with this identifier already exists on the hub.',
      );
    }
    requireValidDiscount(args.terms.discountBp);
    await requirePricelist(tx, args.terms.pricelistId);
    await tx.put('buyers', {
      id: args.id,
      name: args.name,
      kind: args.kind,
      country_code: args.countryCode,
      pricelist_id: args.terms.pricelistId,
      discount_bp: args.terms.discountBp,
      language: args.terms.language,
      updated_at: context.now,
    });
  },
});

export const updateBuyerTerms = mutator({
  name: 'buyer.updateTerms.v1',
  args: z.strictObject({ buyerId: z.string().min(1).max(64), terms: Terms }),
  subject: (args) => `buyer:${args.buyerId}`,
  summary: () => 'Change trading terms',
  async apply(tx, args, context) {
    const buyer = await tx.db
      .selectFrom('buyers')
      .selectAll()
      .where('id', '=', args.buyerId)
      .executeTakeFirst();
    if (!buyer) {
      throw new MutationRefused('not_found', 'This buyer no longer exists on the hub.');
    }
    requireValidDiscount(args.terms.discountBp);
    await requirePricelist(tx, args.terms.pricelistId);
    await tx.put('buyers', {
      ...buyer,
      pricelist_id: args.terms.pricelistId,
      discount_bp: args.terms.discountBp,
      language: args.terms.language,
      updated_at: context.now,
    });
  },
});
