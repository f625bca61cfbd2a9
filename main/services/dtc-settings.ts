import { sql } from 'kysely';
import { checkDtcLinkTemplate } from '../domain/dtc.ts';
import { readTaxRate } from '../domain/tax-rates.ts';
import {
  OperationError,
  type DtcLinkTemplateView,
  type MarketsTax,
  type TaxRateInput,
  type TaxRates,
} from '../../preload/contract/index.ts';
import { replicaDb } from '../store/database.ts';
import {
  removeTaxRate,
  setDtcLinkTemplate,
  setMarketPricesIncludeTax,
  setTaxRate,
} from '../sync/mutators/dtc-settings.ts';
import { changeLocally, type LocalChangeServices } from './local-change.ts';
import { linkAddress, waitingFor, type ShareLinkServices } from './share-links.ts';

/**
 * Settings of direct-to-consumer checkout on the desktop, offline-first like every
 * setting: read from the replica, changed through the outbox, each saying while it waits
 * for the hub. The domain's problems come back at their fields with their codes.
 */

const DOING = 'set up direct-to-consumer checkout';

export async function taxRates(services: LocalChangeServices): Promise<TaxRates> {
  const rows = await replicaDb(services.db)
    .selectFrom('tax_rates as r')
    .select([
      'r.country_code',
      'r.rate_bp',
      waitingFor(sql<string>`'taxRate:' || r.country_code`).as('waiting'),
    ])
    .orderBy('r.country_code')
    .execute();
  return {
    rates: rows.map((row) => ({
      countryCode: row.country_code,
      rateBp: row.rate_bp,
      waitingToSync: Boolean(row.waiting),
    })),
  };
}

export async function setTaxRateLocally(
  services: LocalChangeServices,
  input: TaxRateInput,
): Promise<TaxRates> {
  const read = readTaxRate(input);
  if (!read.ok) {
    const issues = read.problems.map(({ field, code, params }) => ({
      path: field,
      message: `This tax rate is not valid (${code}).`,
      code,
      params,
    }));
    throw new OperationError('invalid_input', issues[0]!.message, issues);
  }
  await changeLocally(
    services,
    setTaxRate,
    { countryCode: read.countryCode, rateBp: read.rateBp },
    { field: 'rate', doing: DOING },
  );
  return taxRates(services);
}

export async function removeTaxRateLocally(
  services: LocalChangeServices,
  countryCode: string,
): Promise<TaxRates> {
  const known = await replicaDb(services.db)
    .selectFrom('tax_rates')
    .select('country_code')
    .where('country_code', '=', countryCode)
    .executeTakeFirst();
  if (!known) throw new OperationError('not_found', 'This country has no tax rate.');
  await changeLocally(
    services,
    removeTaxRate,
    { countryCode },
    { field: 'countryCode', doing: DOING },
  );
  return taxRates(services);
}

export async function marketsTax(services: LocalChangeServices): Promise<MarketsTax> {
  const db = replicaDb(services.db);
  const [markets, countries] = await Promise.all([
    db
      .selectFrom('markets as m')
      .innerJoin('pricelists as p', 'p.id', 'm.pricelist_id')
      .select([
        'm.id',
        'm.name',
        'm.prices_include_tax',
        'p.name as pricelist_name',
        'p.currency',
        waitingFor(sql<string>`'market:' || m.id`).as('waiting'),
      ])
      .orderBy('m.name')
      .orderBy('m.id')
      .execute(),
    db
      .selectFrom('market_countries')
      .select(['market_id', 'country_code'])
      .orderBy('country_code')
      .execute(),
  ]);
  return {
    markets: markets.map((market) => ({
      id: market.id,
      name: market.name,
      currency: market.currency,
      pricelistName: market.pricelist_name,
      countryCodes: countries
        .filter((country) => country.market_id === market.id)
        .map((country) => country.country_code),
      pricesIncludeTax: Boolean(market.prices_include_tax),
      waitingToSync: Boolean(market.waiting),
    })),
  };
}

export async function setPricesIncludeTaxLocally(
  services: LocalChangeServices,
  input: { marketId: string; pricesIncludeTax: boolean },
): Promise<MarketsTax> {
  await changeLocally(services, setMarketPricesIncludeTax, input, {
    field: 'pricesIncludeTax',
    doing: DOING,
  });
  return marketsTax(services);
}

export async function dtcLinkTemplate(services: ShareLinkServices): Promise<DtcLinkTemplateView> {
  const [row, address] = await Promise.all([
    replicaDb(services.db)
      .selectFrom('brand_settings')
      .select([
        'dtc_link_template',
        waitingFor(sql<string>`'brand:dtc-link-template'`).as('waiting'),
      ])
      .executeTakeFirst(),
    linkAddress(services),
  ]);
  return {
    template: row?.dtc_link_template ?? null,
    checkoutOrigin: address.bases[0]!,
    waitingToSync: Boolean(row?.waiting),
  };
}

/** Sets the template as typed; blank clears it, and each of the domain's refusals comes back at `template`. */
export async function setDtcLinkTemplateLocally(
  services: ShareLinkServices,
  typed: string,
): Promise<DtcLinkTemplateView> {
  const checked = checkDtcLinkTemplate(typed);
  if (!checked.ok) {
    const message = `This checkout link template is not valid (${checked.code}).`;
    throw new OperationError('invalid_input', message, [
      { path: 'template', message, code: checked.code, params: checked.params },
    ]);
  }
  await changeLocally(
    services,
    setDtcLinkTemplate,
    { template: checked.template },
    { field: 'template', doing: DOING },
  );
  return dtcLinkTemplate(services);
}
