import { z } from 'zod';
import { isCurrencyCode } from '../../domain/money.ts';
import {
  COUNTRY_CODE_PATTERN,
  MAX_RATE_GROUP_NAME,
  MAX_RATES_PER_GROUP,
  rateGroupProblems,
  type ShippingRate,
} from '../../domain/shipping-rates.ts';
import { brandSettings } from './brand.ts';
import { MutationRefused, mutator, requirePermission } from './mutator.ts';

const GroupId = z.string().min(1).max(64);

/** A rate as it travels; the domain's rateGroupProblems decides the rest (duplicates, amounts). */
const Rate = z.strictObject({
  country: z.string().regex(COUNTRY_CODE_PATTERN),
  currency: z.string().refine(isCurrencyCode, 'an ISO 4217 currency'),
  amountMinor: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER),
  freeFromMinor: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER).nullable(),
}) satisfies z.ZodType<ShippingRate>;

export const saveShippingRateGroup = mutator({
  name: 'shippingRateGroup.save.v1',
  args: z.strictObject({
    id: GroupId,
    name: z.string().max(MAX_RATE_GROUP_NAME * 2),
    rates: z.array(Rate).max(MAX_RATES_PER_GROUP),
  }),
  subject: (args) => `shippingRateGroup:${args.id}`,
  summary: (args) => `Save the shipping rate group ${args.name.trim()}`,
  async apply(tx, args, context) {
    requirePermission(context, 'configureShipping', 'Only an admin can set up shipping rates.');
    const problem = rateGroupProblems(args)[0];
    if (problem) {
      throw new MutationRefused(
        'invalid_input',
        `This shipping rate group is not valid (${problem.code}).`,
      );
    }
    const earlier = await tx.db
      .selectFrom('shipping_rate_groups')
      .select('created_at')
      .where('id', '=', args.id)
      .executeTakeFirst();
    await tx.put('shipping_rate_groups', {
      id: args.id,
      name: args.name.trim(),
      rates: JSON.stringify(args.rates),
      created_at: earlier?.created_at ?? context.now,
      updated_at: context.now,
    });
  },
});

export const removeShippingRateGroup = mutator({
  name: 'shippingRateGroup.remove.v1',
  args: z.strictObject({ id: GroupId }),
  subject: (args) => `shippingRateGroup:${args.id}`,
  summary: () => 'Remove a shipping rate group',
  async apply(tx, args, context) {
    requirePermission(context, 'configureShipping', 'Only an admin can set up shipping rates.');
    // Placed orders keep the rate they were charged (its name and amount), not the group.
    const settings = await brandSettings(tx);
    if (settings.default_shipping_rate_group_id === args.id) {
      await tx.put('brand_settings', {
        ...settings,
        default_shipping_rate_group_id: null,
        updated_at: context.now,
      });
    }
    await tx.delete('shipping_rate_groups', { id: args.id });
  },
});

export const setDefaultShippingRateGroup = mutator({
  name: 'brand.setDefaultShippingRateGroup.v1',
  args: z.strictObject({ groupId: GroupId.nullable() }),
  subject: () => 'brand:default-shipping',
  summary: () => 'Set the default shipping rate group',
  async apply(tx, args, context) {
    requirePermission(context, 'configureShipping', 'Only an admin can set up shipping rates.');
    const settings = await brandSettings(tx);
    if (args.groupId !== null) {
      const group = await tx.db
        .selectFrom('shipping_rate_groups')
        .select('id')
        .where('id', '=', args.groupId)
        .executeTakeFirst();
      if (!group)
        throw new MutationRefused('not_found', 'This shipping rate group no longer exists.');
    }
    await tx.put('brand_settings', {
      ...settings,
      default_shipping_rate_group_id: args.groupId,
      updated_at: context.now,
    });
  },
});
