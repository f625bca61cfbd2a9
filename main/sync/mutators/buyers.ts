import { z } from 'zod';
import {
  isValidDiscount,
  MAX_DECLINE_REASON,
  MAX_DISCOUNT_BP,
  MAX_PROPOSAL_NOTE,
} from '../../domain/buyers.ts';
import { LANGUAGES } from '../../domain/model.ts';
import {
  MutationRefused,
  mutator,
  requirePermission,
  type MutationContext,
  type MutationTx,
} from './mutator.ts';

const id = z.string().min(1).max(64);

const Terms = z.strictObject({
  pricelistId: id,
  discountBp: z.number().int().min(0).max(MAX_DISCOUNT_BP),
  language: z.enum(LANGUAGES),
});
type Terms = z.output<typeof Terms>;

async function requirePricelist(
  tx: MutationTx,
  pricelistId: string,
  reason = 'The pricelist chosen for this buyer no longer exists. Choose another pricelist and send the change again.',
): Promise<void> {
  const pricelist = await tx.db
    .selectFrom('pricelists')
    .select('id')
    .where('id', '=', pricelistId)
    .executeTakeFirst();
  if (!pricelist) throw new MutationRefused('not_found', reason);
}

function requireValidDiscount(discountBp: number): void {
  if (!isValidDiscount(discountBp)) {
    throw new MutationRefused('invalid_input', 'A discount is from 0 % to 100 %.');
  }
}

/** The buyer a change is about, or the change is refused: it no longer exists. */
export async function existingBuyer(tx: MutationTx, buyerId: string) {
  const buyer = await tx.db
    .selectFrom('buyers')
    .selectAll()
    .where('id', '=', buyerId)
    .executeTakeFirst();
  if (!buyer) {
    throw new MutationRefused('not_found', 'This buyer no longer exists on the hub.');
  }
  return buyer;
}

type BuyerRow = Awaited<ReturnType<typeof existingBuyer>>;

async function setTerms(tx: MutationTx, buyer: BuyerRow, terms: Terms, context: MutationContext) {
  await tx.put('buyers', {
    ...buyer,
    pricelist_id: terms.pricelistId,
    discount_bp: terms.discountBp,
    language: terms.language,
    updated_at: context.now,
  });
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
    // A rep picks a new buyer's pricelist and language; a discount is an admin's to give.
    if (args.terms.discountBp !== 0) {
      requirePermission(
        context,
        'changeTradingTerms',
        'Only an admin can give a buyer a discount. Create the buyer without one, then propose the discount from the buyer’s trading terms.',
      );
    }
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
  args: z.strictObject({ buyerId: id, terms: Terms }),
  subject: (args) => `buyer:${args.buyerId}`,
  summary: () => 'Change trading terms',
  async apply(tx, args, context) {
    requirePermission(
      context,
      'changeTradingTerms',
      'Only an admin can change trading terms. Propose the new terms instead; an admin approves or declines them.',
    );
    const buyer = await existingBuyer(tx, args.buyerId);
    requireValidDiscount(args.terms.discountBp);
    await requirePricelist(tx, args.terms.pricelistId);
    await setTerms(tx, buyer, args.terms, context);
  },
});

export const proposeBuyerTerms = mutator({
  name: 'buyer.proposeTerms.v1',
  args: z.strictObject({
    id: z.uuid(),
    buyerId: id,
    terms: Terms,
    note: z.string().trim().max(MAX_PROPOSAL_NOTE),
  }),
  subject: (args) => `buyer:${args.buyerId}`,
  summary: () => 'Propose new trading terms',
  async apply(tx, args, context) {
    await existingBuyer(tx, args.buyerId);
    const taken = await tx.db
      .selectFrom('trading_terms_proposals')
      .select('id')
      .where('id', '=', args.id)
      .executeTakeFirst();
    if (taken) {
      throw new MutationRefused('conflict', 'This proposal was already sent.');
    }
    // One open question per rep and buyer: the admins decide it before the next.
    const waiting = await tx.db
      .selectFrom('trading_terms_proposals')
      .select('id')
      .where('buyer_id', '=', args.buyerId)
      .where('proposed_by', '=', context.userId)
      .where('status', '=', 'pending')
      .executeTakeFirst();
    if (waiting) {
      throw new MutationRefused(
        'conflict',
        'You already proposed new terms for this buyer; an admin has not decided on them yet.',
      );
    }
    requireValidDiscount(args.terms.discountBp);
    await requirePricelist(tx, args.terms.pricelistId);
    await tx.put('trading_terms_proposals', {
      id: args.id,
      buyer_id: args.buyerId,
      proposed_by: context.userId,
      pricelist_id: args.terms.pricelistId,
      discount_bp: args.terms.discountBp,
      language: args.terms.language,
      note: args.note,
      status: 'pending',
      decided_by: null,
      decided_at: null,
      decline_reason: '',
      created_at: context.now,
    });
  },
});

export const decideTermsProposal = mutator({
  name: 'buyer.decideTermsProposal.v1',
  args: z.discriminatedUnion('decision', [
    z.strictObject({ proposalId: id, buyerId: id, decision: z.literal('approve') }),
    z.strictObject({
      proposalId: id,
      buyerId: id,
      decision: z.literal('decline'),
      reason: z.string().trim().max(MAX_DECLINE_REASON),
    }),
  ]),
  subject: (args) => `buyer:${args.buyerId}`,
  summary: (args) =>
    args.decision === 'approve'
      ? 'Approve proposed trading terms'
      : 'Decline proposed trading terms',
  async apply(tx, args, context) {
    requirePermission(
      context,
      'decideTermsProposals',
      'Only an admin can approve or decline proposed trading terms.',
    );
    const proposal = await tx.db
      .selectFrom('trading_terms_proposals')
      .selectAll()
      .where('id', '=', args.proposalId)
      .where('buyer_id', '=', args.buyerId)
      .executeTakeFirst();
    if (!proposal) {
      throw new MutationRefused('not_found', 'This proposal of trading terms no longer exists.');
    }
    if (proposal.status !== 'pending') {
      throw new MutationRefused(
        'conflict',
        `This proposal was already ${proposal.status}; it can be decided only once.`,
      );
    }
    const decided = { ...proposal, decided_by: context.userId, decided_at: context.now };
    if (args.decision === 'decline') {
      await tx.put('trading_terms_proposals', {
        ...decided,
        status: 'declined',
        decline_reason: args.reason,
      });
      return;
    }
    const buyer = await existingBuyer(tx, proposal.buyer_id);
    await requirePricelist(
      tx,
      proposal.pricelist_id,
      'The proposed pricelist no longer exists. Decline the proposal, or set the buyer’s terms yourself.',
    );
    await setTerms(
      tx,
      buyer,
      {
        pricelistId: proposal.pricelist_id,
        discountBp: proposal.discount_bp,
        language: proposal.language,
      },
      context,
    );
    await tx.put('trading_terms_proposals', { ...decided, status: 'approved' });
  },
});
