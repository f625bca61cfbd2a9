import { z } from 'zod';
import {
  ADDRESS_KINDS,
  addressProblems,
  contactEmailProblem,
  normalizedAddress,
  type AddressFields,
  type AddressProblems,
} from '../../domain/addresses.ts';
import type { StoreDb } from '../../store/database.ts';
import { guardKeys } from '../../store/transactions.ts';
import { existingBuyer } from './buyers.ts';
import { MutationRefused, mutator, type MutationTx } from './mutator.ts';

/**
 * A buyer's addresses and contact email. Every rep and admin works with every buyer,
 * so no permission beyond being signed in is asked (as for creating a buyer). The
 * arguments take any string: a field too long or a country unknown is the domain's to
 * judge and refuse with its code, not a malformed push that would hold the outbox up.
 */
const id = z.string().min(1).max(64);

/** An address as mutations carry it; the domain judges its fields. */
export const Address = z.strictObject({
  name: z.string(),
  line1: z.string(),
  line2: z.string(),
  postalCode: z.string(),
  city: z.string(),
  region: z.string(),
  country: z.string(),
  phone: z.string(),
});

/** The problems as the refusal's reason words them: `city: required; country: country_unknown`. */
function describe(problems: AddressProblems): string {
  return Object.entries(problems)
    .map(([field, problem]) => `${field}: ${problem.code}`)
    .join('; ');
}

/**
 * The buyer's bill-to address other than `exceptId`, if any: a buyer has one at most.
 * The desktop's service asks it too, to refuse at the field before queuing anything.
 */
export async function otherBillTo(
  db: StoreDb,
  buyerId: string,
  exceptId: string,
): Promise<string | null> {
  const row = await db
    .selectFrom('buyer_addresses')
    .select('id')
    .where('buyer_id', '=', buyerId)
    .where('kind', '=', 'bill_to')
    .where('id', '!=', exceptId)
    .executeTakeFirst();
  return row?.id ?? null;
}

/**
 * What guards a change to a buyer's addresses: the buyer's (one bill-to, the next
 * position) and the address's own (an identifier is one buyer's), held to commit. Only
 * these changes write addresses, so they need not queue behind the hub's check lock.
 */
function guardAddresses(tx: MutationTx, buyerId: string, addressId: string): Promise<void> {
  return guardKeys(tx.db, [`buyer-addresses:${buyerId}`, `buyer-address:${addressId}`]);
}

export const BILL_TO_TAKEN =
  'This buyer already has a bill-to address. Edit that one, or remove it first.';

export const saveBuyerAddress = mutator({
  name: 'buyer.saveAddress.v1',
  guarded: true,
  args: z.strictObject({
    id: z.uuid(),
    buyerId: id,
    kind: z.enum(ADDRESS_KINDS),
    address: Address,
  }),
  subject: (args) => `buyer:${args.buyerId}`,
  summary: (args) => (args.kind === 'bill_to' ? 'Save bill-to address' : 'Save ship-to address'),
  async apply(tx, args, context) {
    await guardAddresses(tx, args.buyerId, args.id);
    await existingBuyer(tx, args.buyerId);
    const problems = addressProblems(args.address);
    if (Object.keys(problems).length > 0) {
      throw new MutationRefused(
        'invalid_input',
        `The address is not complete: ${describe(problems)}`,
      );
    }
    const existing = await tx.db
      .selectFrom('buyer_addresses')
      .select(['buyer_id', 'position'])
      .where('id', '=', args.id)
      .executeTakeFirst();
    if (existing && existing.buyer_id !== args.buyerId) {
      throw new MutationRefused('conflict', 'This address belongs to another buyer.');
    }
    if (args.kind === 'bill_to' && (await otherBillTo(tx.db, args.buyerId, args.id))) {
      throw new MutationRefused('conflict', BILL_TO_TAKEN);
    }
    const last = await tx.db
      .selectFrom('buyer_addresses')
      .select((eb) => eb.fn.max('position').as('position'))
      .where('buyer_id', '=', args.buyerId)
      .executeTakeFirst();
    const clean: AddressFields = normalizedAddress(args.address);
    await tx.put('buyer_addresses', {
      id: args.id,
      buyer_id: args.buyerId,
      kind: args.kind,
      name: clean.name,
      line1: clean.line1,
      line2: clean.line2,
      postal_code: clean.postalCode,
      city: clean.city,
      region: clean.region,
      country: clean.country,
      phone: clean.phone,
      position: existing?.position ?? Number(last?.position ?? -1) + 1,
      updated_at: context.now,
    });
  },
});

export const removeBuyerAddress = mutator({
  name: 'buyer.removeAddress.v1',
  guarded: true,
  args: z.strictObject({ id, buyerId: id }),
  subject: (args) => `buyer:${args.buyerId}`,
  summary: () => 'Remove an address',
  async apply(tx, args) {
    await guardAddresses(tx, args.buyerId, args.id);
    const existing = await tx.db
      .selectFrom('buyer_addresses')
      .select('id')
      .where('id', '=', args.id)
      .where('buyer_id', '=', args.buyerId)
      .executeTakeFirst();
    // Removed already (by someone else, or by this change sent twice): nothing to do.
    if (!existing) return;
    await tx.delete('buyer_addresses', { id: args.id });
  },
});

export const setBuyerContactEmail = mutator({
  name: 'buyer.setContactEmail.v1',
  args: z.strictObject({ buyerId: id, email: z.string() }),
  subject: (args) => `buyer:${args.buyerId}`,
  summary: () => 'Change the contact email',
  async apply(tx, args, context) {
    const buyer = await existingBuyer(tx, args.buyerId);
    const problem = contactEmailProblem(args.email);
    if (problem) {
      throw new MutationRefused('invalid_input', `The contact email is not valid: ${problem.code}`);
    }
    await tx.put('buyers', { ...buyer, contact_email: args.email.trim(), updated_at: context.now });
  },
});
