import { sql } from 'kysely';
import { z } from 'zod';
import {
  customerEmailKey,
  dtcCustomerProblems,
  normalizedDtcCustomer,
} from '../../domain/dtc-customers.ts';
import { DtcCustomerInput } from '../../../preload/contract/dtc.ts';
import { MutationRefused, mutator, type MutationContext, type MutationTx } from './mutator.ts';

/**
 * DTC customers, served by every staff member (the spec: admins and reps alike). Both
 * sides judge the card with the domain's rules and refuse an email another customer
 * has; on the hub that check and the write are one transaction, and the column is
 * unique besides.
 */
export function dtcCustomerSubject(customerId: string): string {
  return `dtc-customer:${customerId}`;
}

async function checkedCard(
  tx: MutationTx,
  customerId: string,
  card: DtcCustomerInput,
): Promise<ReturnType<typeof normalizedDtcCustomer>> {
  const problem = dtcCustomerProblems(card)[0];
  if (problem) {
    throw new MutationRefused(
      'invalid_input',
      `This customer is not valid (${problem.field}: ${problem.code}).`,
    );
  }
  const clean = normalizedDtcCustomer(card);
  const market = await tx.db
    .selectFrom('markets')
    .select('id')
    .where('id', '=', clean.marketId)
    .executeTakeFirst();
  if (!market) throw new MutationRefused('not_found', 'This market no longer exists.');
  const other = await tx.db
    .selectFrom('dtc_customers')
    .select('id')
    .where(sql<string>`lower(email)`, '=', customerEmailKey(clean.email))
    .where('id', '!=', customerId)
    .executeTakeFirst();
  if (other) {
    throw new MutationRefused(
      'customer_email_taken',
      `Another customer already has the email ${clean.email}.`,
    );
  }
  return clean;
}

function cardColumns(card: ReturnType<typeof normalizedDtcCustomer>) {
  return {
    first_name: card.firstName,
    last_name: card.lastName,
    email: card.email,
    phone: card.phone,
    country_code: card.countryCode,
    market_id: card.marketId,
    addresses: JSON.stringify(card.addresses),
  };
}

export const createDtcCustomer = mutator({
  name: 'dtcCustomer.create.v1',
  args: z.strictObject({ id: z.uuid(), card: DtcCustomerInput }),
  subject: (args) => dtcCustomerSubject(args.id),
  summary: (args) =>
    `Create the customer ${args.card.firstName.trim()} ${args.card.lastName.trim()}`,
  async apply(tx, args, context: MutationContext) {
    const taken = await tx.db
      .selectFrom('dtc_customers')
      .select('id')
      .where('id', '=', args.id)
      .executeTakeFirst();
    if (taken) throw new MutationRefused('conflict', 'This customer was already created.');
    const card = await checkedCard(tx, args.id, args.card);
    await tx.put('dtc_customers', {
      id: args.id,
      ...cardColumns(card),
      created_by: context.userId,
      created_at: context.now,
      updated_at: context.now,
    });
  },
});

export const saveDtcCustomer = mutator({
  name: 'dtcCustomer.save.v1',
  args: z.strictObject({ id: z.string().min(1).max(64), card: DtcCustomerInput }),
  subject: (args) => dtcCustomerSubject(args.id),
  summary: (args) => `Save the customer ${args.card.firstName.trim()} ${args.card.lastName.trim()}`,
  async apply(tx, args, context) {
    const current = await tx.db
      .selectFrom('dtc_customers')
      .selectAll()
      .where('id', '=', args.id)
      .executeTakeFirst();
    if (!current) throw new MutationRefused('not_found', 'This customer no longer exists.');
    const card = await checkedCard(tx, args.id, args.card);
    await tx.put('dtc_customers', { ...current, ...cardColumns(card), updated_at: context.now });
  },
});
