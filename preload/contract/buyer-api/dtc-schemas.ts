import { z } from 'zod';
import { MAX_DTC_LINE_QUANTITY, MAX_DTC_SELECTION_LINES } from '../../../main/domain/dtc.ts';
import { PAYMENT_METHODS } from '../../../main/domain/order-states.ts';
import { AddressInput } from '../buyers.ts';
import { checkoutContactFields } from './checkout-contact.ts';
import { CheckoutAnswer } from './checkout-schemas.ts';

/**
 * The inputs and outputs of the DTC checkout links' buyer API (dtc-routes.ts). Prices,
 * special prices and quantities saved come from the hub only: a basket sent by a client
 * carries SKUs and the units wanted, never a price.
 */

const id = z.string().min(1).max(64);
const amount = z.number().int().nonnegative();
/**
 * Any text a link's or storefront's address held: a malformed, cut-off or made-up value
 * is one more link that is not valid, and gets the same answer as the others.
 */
const Secret = z.string().max(2048);
const withClaim = { claimToken: Secret };

const EXAMPLE_BASKET = '019a7d5e-3c1b-7f00-8a4e-2b6f0c9d1e23';
const EXAMPLE_HASH = 'q3Xh1vJd0mYF6kq7ZB9sVt2cN4pR8wLe5aUiOgHjKx0';
const EXAMPLE_CLAIM = 'Vb8tJ2nQm4Lr6Yw0Ze9Xc1Ka3Ps5Dh7Fg2Uj4Ti6Rk8';
const EXAMPLE_SKU = 'sku-0042-BLK-M';

const Refusal = z.object({
  code: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
});

export const DtcLinkOptionsOutput = z.object({
  /** Only the saved SKUs, each at most its saved quantity. */
  lockQuantities: z.boolean(),
  ignoreShipping: z.boolean(),
  ignoreTax: z.boolean(),
});

/** A product of a bought basket, as its order holds it. */
export const DtcBoughtLine = z.object({
  skuId: z.string(),
  styleName: z.string(),
  colorway: z.string(),
  size: z.string(),
  quantity: z.number().int().positive(),
});
export type DtcBoughtLine = z.infer<typeof DtcBoughtLine>;

export const DtcBasket = z
  .object({
    brand: z.string(),
    /** The link's public id, `%basket%`. */
    basket: z.string(),
    /** The selection's name, as the brand saved it. */
    name: z.string(),
    /** The pricelist's currency: every amount is in it. */
    currency: z.string(),
    /** The countries the market ships to (ISO 3166-1 alpha-2); empty: the market names none. */
    countries: z.array(z.string()),
    options: DtcLinkOptionsOutput,
    /** Whether the retail prices include tax (the market's); tax is then the part of them that is tax. */
    pricesIncludeTax: z.boolean(),
    paymentMethods: z.array(z.enum(PAYMENT_METHODS)),
    lines: z.array(
      z.object({
        skuId: z.string(),
        styleNumber: z.string(),
        styleName: z.string(),
        colorway: z.string(),
        size: z.string(),
        savedQuantity: z.number().int().positive(),
        /** The most units the customer may ask for: the saved quantity when locked. */
        maxQuantity: z.number().int().positive(),
        /** The pricelist's retail price; null when it has none (only the special price's units can be bought). */
        retailMinor: amount.nullable(),
        /** Holds for at most the saved quantity; null: retail. */
        specialPriceMinor: amount.nullable(),
      }),
    ),
    /** The order this claim was bought with, and what it holds; null until then. */
    purchased: z
      .object({
        orderId: z.string(),
        number: z.string().nullable(),
        lines: z.array(DtcBoughtLine),
      })
      .nullable(),
  })
  .meta({ id: 'DtcBasket' });
export type DtcBasket = z.infer<typeof DtcBasket>;

export const DtcClaim = z
  .discriminatedUnion('outcome', [
    /** A copy made for this customer: the claim token names it from now on. */
    z.object({ outcome: z.literal('claimed'), claimToken: z.string(), basket: DtcBasket }),
    /** The link was bought already (or killed by the brand): nothing in the basket. */
    z.object({ outcome: z.literal('used'), brand: z.string(), lines: z.array(z.never()) }),
  ])
  .meta({
    id: 'DtcClaim',
    examples: [
      {
        outcome: 'claimed',
        claimToken: EXAMPLE_CLAIM,
        basket: {
          brand: 'Nordlys Atelier',
          basket: EXAMPLE_BASKET,
          name: 'Autumn for Ms Berg',
          currency: 'EUR',
          countries: ['DE', 'FR', 'SE'],
          options: { lockQuantities: true, ignoreShipping: false, ignoreTax: false },
          pricesIncludeTax: true,
          paymentMethods: ['outside_app'],
          lines: [
            {
              skuId: EXAMPLE_SKU,
              styleNumber: 'NA-0042',
              styleName: 'Wool coat',
              colorway: 'Black',
              size: 'M',
              savedQuantity: 1,
              maxQuantity: 1,
              retailMinor: 49_000,
              specialPriceMinor: 39_000,
            },
          ],
          purchased: null,
        },
      },
      { outcome: 'used', brand: 'Nordlys Atelier', lines: [] },
    ],
  });
export type DtcClaim = z.infer<typeof DtcClaim>;

/** The basket as the customer wants it: each saved SKU once, whole units, 0 to drop it. */
const BasketLines = z
  .array(
    z.strictObject({
      skuId: id,
      quantity: z.number().int().min(0).max(MAX_DTC_LINE_QUANTITY),
    }),
  )
  .max(MAX_DTC_SELECTION_LINES);

/** ISO 3166-1 alpha-2 of where it ships. */
const Country = z
  .string()
  .regex(/^[A-Za-z]{2}$/)
  .toUpperCase();

export const DtcQuoteRequest = z
  .strictObject({
    ...withClaim,
    lines: BasketLines,
    /** Null before the customer says: no shipping or tax yet. */
    country: Country.nullable().default(null),
    /** Among the quote's shippingRates; null: the first. */
    shippingGroupId: id.nullable().default(null),
  })
  .meta({
    id: 'DtcQuoteRequest',
    examples: [
      { claimToken: EXAMPLE_CLAIM, lines: [{ skuId: EXAMPLE_SKU, quantity: 1 }], country: 'DE' },
    ],
  });

export const DtcQuote = z
  .object({
    currency: z.string(),
    lines: z.array(
      z.object({
        skuId: z.string(),
        quantity: z.number().int().positive(),
        /** Each unit's price; the retail price for a line raised above its special price's units. */
        unitPriceMinor: amount,
        /** Units at the special price, and that price. */
        specialQuantity: amount,
        specialPriceMinor: amount.nullable(),
        /** What the line costs: quantity × unit price, less the special price's saving on a raised line. */
        amountMinor: amount,
        taxRateBp: amount,
        taxMinor: amount,
      }),
    ),
    units: amount,
    subtotalMinor: amount,
    /** What special prices take off raised lines. */
    discountMinor: amount,
    taxMinor: amount,
    /** Whether taxMinor is inside the prices or added to the total. */
    taxIncluded: z.boolean(),
    /** The brand's rates to the country, the default first; none without a country or when shipping is ignored. */
    shippingRates: z.array(
      z.object({
        groupId: z.string(),
        name: z.string(),
        amountMinor: amount,
        freeFromMinor: amount.nullable(),
      }),
    ),
    /** The rate charged; null without one. */
    shippingGroupId: z.string().nullable(),
    shippingMinor: amount,
    totalMinor: amount,
    /** Why the basket cannot be bought as it stands (codes of main/domain/dtc-checkout.ts); empty when it can. */
    problems: z.array(Refusal),
  })
  .meta({
    id: 'DtcQuote',
    examples: [
      {
        currency: 'EUR',
        lines: [
          {
            skuId: EXAMPLE_SKU,
            quantity: 1,
            unitPriceMinor: 39_000,
            specialQuantity: 1,
            specialPriceMinor: 39_000,
            amountMinor: 39_000,
            taxRateBp: 1900,
            taxMinor: 6227,
          },
        ],
        units: 1,
        subtotalMinor: 39_000,
        discountMinor: 0,
        taxMinor: 6227,
        taxIncluded: true,
        shippingRates: [
          { groupId: 'standard', name: 'Standard', amountMinor: 900, freeFromMinor: 20_000 },
        ],
        shippingGroupId: 'standard',
        shippingMinor: 0,
        totalMinor: 39_000,
        problems: [],
      },
    ],
  });
export type DtcQuote = z.infer<typeof DtcQuote>;

export const DtcPurchaseRequest = z
  .strictObject({
    ...withClaim,
    /** Made by the client once per purchase, so a retry never places a second order. */
    orderId: z.uuid(),
    lines: BasketLines,
    ...checkoutContactFields,
    /** Where the goods go; its country decides tax and shipping, within the market's countries. */
    shipTo: AddressInput,
    /** Where the invoice goes, when not to the ship-to address. */
    billTo: AddressInput.nullable().default(null),
    shippingGroupId: id.nullable().default(null),
    paymentMethod: z.enum(PAYMENT_METHODS),
  })
  .meta({
    id: 'DtcPurchaseRequest',
    examples: [
      {
        claimToken: EXAMPLE_CLAIM,
        orderId: '019a7d61-0b2e-7c3d-9f10-4a5b6c7d8e9f',
        lines: [{ skuId: EXAMPLE_SKU, quantity: 1 }],
        name: 'Ingrid Berg',
        email: 'ingrid.berg@example.com',
        phone: '+49 30 1234567',
        note: '',
        shipTo: {
          name: 'Ingrid Berg',
          line1: 'Torstraße 1',
          line2: '',
          postalCode: '10119',
          city: 'Berlin',
          region: '',
          country: 'DE',
          phone: '',
        },
        billTo: null,
        shippingGroupId: null,
        paymentMethod: 'outside_app',
      },
    ],
  });

/** What every buyer checkout answers, and the tax a DTC order carries. */
export const DtcOrderAnswer = CheckoutAnswer.extend({
  totals: CheckoutAnswer.shape.totals.extend({
    taxMinor: amount,
    /** Whether taxMinor is inside the goods' prices or added to the total. */
    taxIncluded: z.boolean(),
  }),
}).meta({
  id: 'DtcOrderAnswer',
  examples: [
    {
      orderId: '019a7d61-0b2e-7c3d-9f10-4a5b6c7d8e9f',
      number: 'SO-2026-00042',
      status: 'Order',
      totals: {
        currency: 'EUR',
        subtotalMinor: 39_000,
        discountMinor: 0,
        taxMinor: 6227,
        taxIncluded: true,
        shippingMinor: 0,
        totalMinor: 39_000,
      },
      shippingRateName: 'Standard',
    },
  ],
});
export type DtcOrderAnswer = z.infer<typeof DtcOrderAnswer>;

export const dtcSchemas = {
  'dtc.claim': {
    input: z
      .strictObject({
        /** The link's id as the address had it (`%basket%`). */
        basket: Secret,
        /** The link's token as the address had it (`%hash%`). */
        hash: Secret,
      })
      .meta({ id: 'DtcClaimRequest', examples: [{ basket: EXAMPLE_BASKET, hash: EXAMPLE_HASH }] }),
    output: DtcClaim,
  },
  'dtc.basket': {
    input: z
      .strictObject(withClaim)
      .meta({ id: 'DtcBasketRequest', examples: [{ claimToken: EXAMPLE_CLAIM }] }),
    output: DtcBasket,
  },
  'dtc.quote': { input: DtcQuoteRequest, output: DtcQuote },
  'dtc.purchase': { input: DtcPurchaseRequest, output: DtcOrderAnswer },
} as const;
