import { z } from 'zod';
import { checkDtcLinkTemplate, MAX_DTC_LINK_TEMPLATE, MAX_TAX_RATE_BP } from '../../domain/dtc.ts';
import { COUNTRY_CODE_PATTERN } from '../../domain/shipping-rates.ts';
import { taxCountryProblem } from '../../domain/tax-rates.ts';
import { brandSettings } from './brand.ts';
import { MutationRefused, mutator, requirePermission, type MutationContext } from './mutator.ts';

/**
 * The admin's settings of direct-to-consumer checkout: a tax rate per country, whether
 * each market's retail prices include tax, and the brand's checkout link template. The
 * args bound the shape; the domain's rules are checked in apply, so a rule a newer hub
 * reads differently refuses one change instead of stopping the whole push.
 */

const Country = z.string().regex(COUNTRY_CODE_PATTERN);

function requireConfigureDtc(context: MutationContext): void {
  requirePermission(
    context,
    'configureDtc',
    'Only an admin can set up direct-to-consumer checkout.',
  );
}

export const setTaxRate = mutator({
  name: 'taxRate.set.v1',
  args: z.strictObject({
    countryCode: Country,
    rateBp: z.number().int().min(0).max(MAX_TAX_RATE_BP),
  }),
  subject: (args) => `taxRate:${args.countryCode}`,
  summary: (args) => `Set the tax rate of ${args.countryCode} to ${args.rateBp / 100} %`,
  async apply(tx, args, context) {
    requireConfigureDtc(context);
    const problem = taxCountryProblem(args.countryCode);
    if (problem) {
      throw new MutationRefused('invalid_input', `This country is not known (${problem.code}).`);
    }
    await tx.put('tax_rates', {
      country_code: args.countryCode,
      rate_bp: args.rateBp,
      updated_at: context.now,
    });
  },
});

export const removeTaxRate = mutator({
  name: 'taxRate.remove.v1',
  args: z.strictObject({ countryCode: Country }),
  subject: (args) => `taxRate:${args.countryCode}`,
  summary: (args) => `Remove the tax rate of ${args.countryCode}`,
  async apply(tx, args, context) {
    requireConfigureDtc(context);
    // Orders keep the rate each line was sold at, not the country's row.
    await tx.delete('tax_rates', { country_code: args.countryCode });
  },
});

export const setMarketPricesIncludeTax = mutator({
  name: 'market.setPricesIncludeTax.v1',
  args: z.strictObject({ marketId: z.string().min(1).max(64), pricesIncludeTax: z.boolean() }),
  subject: (args) => `market:${args.marketId}`,
  summary: (args) =>
    args.pricesIncludeTax
      ? 'Say a market’s retail prices include tax'
      : 'Say a market’s retail prices exclude tax',
  async apply(tx, args, context) {
    requireConfigureDtc(context);
    const market = await tx.db
      .selectFrom('markets')
      .selectAll()
      .where('id', '=', args.marketId)
      .executeTakeFirst();
    if (!market) throw new MutationRefused('not_found', 'This market no longer exists.');
    await tx.put('markets', { ...market, prices_include_tax: args.pricesIncludeTax ? 1 : 0 });
  },
});

export const setDtcLinkTemplate = mutator({
  name: 'brand.setDtcLinkTemplate.v1',
  // Null: links lead to the hub's own checkout page.
  args: z.strictObject({ template: z.string().max(MAX_DTC_LINK_TEMPLATE).nullable() }),
  subject: () => 'brand:dtc-link-template',
  summary: (args) =>
    args.template
      ? `Set the checkout link template to ${args.template}`
      : 'Clear the checkout link template',
  async apply(tx, args, context) {
    requireConfigureDtc(context);
    const checked = checkDtcLinkTemplate(args.template ?? '');
    if (!checked.ok) {
      throw new MutationRefused(
        'invalid_input',
        `This checkout link template is not valid (${checked.code}).`,
      );
    }
    const settings = await brandSettings(tx);
    await tx.put('brand_settings', {
      ...settings,
      dtc_link_template: checked.template,
      updated_at: context.now,
    });
  },
});
