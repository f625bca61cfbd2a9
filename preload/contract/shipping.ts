import { z } from 'zod';
import {
  MAX_RATE_GROUP_NAME,
  MAX_RATES_PER_GROUP,
  type ShippingRate,
} from '../../main/domain/shipping-rates.ts';
import { operation } from './operation.ts';

const id = z.string().min(1).max(64);

/** A shipping rate group as Settings lists it. */
export interface ShippingRateGroupView {
  id: string;
  name: string;
  rates: ShippingRate[];
  /** Saved on this computer, not yet on the hub. */
  waitingToSync: boolean;
}

/** The brand's shipping rate groups and which one applies when nothing else is set. */
export interface ShippingSetup {
  groups: ShippingRateGroupView[];
  defaultGroupId: string | null;
}

/**
 * A group as the Settings card sends it, amounts already in minor units. The domain's
 * rateGroupProblems judges it (names, countries, currencies, amounts, duplicates) and
 * answers each problem at `name` or `rates.<row>.<field>`; this only bounds the input.
 */
export const ShippingRateGroupInput = z.strictObject({
  /** Absent for a new group. */
  id: id.optional(),
  name: z.string().max(MAX_RATE_GROUP_NAME * 2),
  rates: z
    .array(
      z.strictObject({
        country: z.string().max(8),
        currency: z.string().max(8),
        amountMinor: z.number().int(),
        freeFromMinor: z.number().int().nullable(),
      }),
    )
    .max(MAX_RATES_PER_GROUP),
});
export type ShippingRateGroupInput = z.infer<typeof ShippingRateGroupInput>;

export const shippingOperations = {
  'shipping.groups': operation<ShippingSetup>()({
    input: z.strictObject({}),
    summary: "The brand's shipping rate groups with their rates, and the default group",
  }),
  'shipping.saveGroup': operation<ShippingSetup>()({
    input: ShippingRateGroupInput,
    summary: 'Add or change a shipping rate group (admins)',
  }),
  'shipping.removeGroup': operation<ShippingSetup>()({
    input: z.strictObject({ id }),
    summary: 'Remove a shipping rate group; orders keep the rate they were charged (admins)',
  }),
  'shipping.setDefault': operation<ShippingSetup>()({
    input: z.strictObject({ groupId: id.nullable() }),
    summary: 'Choose the group that applies when no link or catalog sets one (admins)',
  }),
};
