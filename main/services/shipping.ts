import { sql } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { rateGroupProblems, type ShippingRate } from '../domain/shipping-rates.ts';
import {
  OperationError,
  type FieldIssue,
  type ShippingRateGroupInput,
  type ShippingSetup,
} from '../../preload/contract/index.ts';
import { replicaDb } from '../store/database.ts';
import {
  removeShippingRateGroup,
  saveShippingRateGroup,
  setDefaultShippingRateGroup,
} from '../sync/mutators/shipping-rates.ts';
import { changeLocally, type LocalChangeServices } from './local-change.ts';

const DOING = 'set up shipping rates';

/** The brand's shipping rate groups as the replica holds them, each saying whether it waits to sync. */
export async function shippingSetup(services: LocalChangeServices): Promise<ShippingSetup> {
  const db = replicaDb(services.db);
  const [rows, settings] = await Promise.all([
    db
      .selectFrom('shipping_rate_groups as g')
      .select((eb) => [
        'g.id',
        'g.name',
        'g.rates',
        eb
          .exists(
            eb
              .selectFrom('outbox')
              .select('outbox.seq')
              .where('outbox.subject', '=', sql<string>`'shippingRateGroup:' || g.id`),
          )
          .as('waiting'),
      ])
      .orderBy('g.name')
      .orderBy('g.id')
      .execute(),
    db.selectFrom('brand_settings').select('default_shipping_rate_group_id').executeTakeFirst(),
  ]);
  return {
    groups: rows.map((row) => ({
      id: row.id,
      name: row.name,
      rates: JSON.parse(row.rates) as ShippingRate[],
      waitingToSync: Boolean(row.waiting),
    })),
    defaultGroupId: settings?.default_shipping_rate_group_id ?? null,
  };
}

/**
 * Saves a group, new or changed. The domain's problems come back at their fields
 * (`name`, `rates.<row>.country`, …) with their codes, for Settings to say in the
 * admin's language; nothing is saved while one is wrong.
 */
export async function saveShippingRateGroupLocally(
  services: LocalChangeServices,
  input: ShippingRateGroupInput,
): Promise<ShippingSetup> {
  const problems = rateGroupProblems(input);
  if (problems.length > 0) {
    const issues: FieldIssue[] = problems.map(({ code, params }) => ({
      path:
        'index' in params
          ? `rates.${params.index}.${RATE_FIELD[code] ?? 'country'}`
          : (PATH[code] ?? 'name'),
      message: `This shipping rate group is not valid (${code}).`,
      code,
      params,
    }));
    throw new OperationError('invalid_input', issues[0]!.message, issues);
  }
  const args = { id: input.id ?? uuidv7(), name: input.name, rates: input.rates };
  await changeLocally(services, saveShippingRateGroup, args, { field: 'name', doing: DOING });
  return shippingSetup(services);
}

/** Which field of a rate's row each problem concerns. */
const RATE_FIELD: Readonly<Record<string, string>> = {
  rate_country_invalid: 'country',
  rate_currency_invalid: 'currency',
  rate_amount_invalid: 'amount',
  rate_duplicate: 'country',
};
const PATH: Readonly<Record<string, string>> = {
  rate_group_name_required: 'name',
  rate_group_name_too_long: 'name',
  too_many_rates: 'rates',
};

export async function removeShippingRateGroupLocally(
  services: LocalChangeServices,
  id: string,
): Promise<ShippingSetup> {
  await changeLocally(services, removeShippingRateGroup, { id }, { field: 'id', doing: DOING });
  return shippingSetup(services);
}

export async function setDefaultShippingRateGroupLocally(
  services: LocalChangeServices,
  groupId: string | null,
): Promise<ShippingSetup> {
  await changeLocally(
    services,
    setDefaultShippingRateGroup,
    { groupId },
    { field: 'groupId', doing: DOING },
  );
  return shippingSetup(services);
}
