import { z } from 'zod';
import {
  LINK_LOG_IN_METHODS,
  LINK_STYLES_PAGE,
} from '../../../main/domain/customer-order-links.ts';
import { LANGUAGES } from '../../../main/domain/model.ts';
import { MAX_PO_NUMBER } from '../../../main/domain/delivery-window.ts';
import { MAX_ORDER_LINES } from '../../../main/domain/order-totals.ts';
import { PAYMENT_METHODS } from '../../../main/domain/order-states.ts';
import { MAX_QUANTITY } from '../../../main/domain/selections.ts';
import { CATALOG_ADDRESS_FIELDS } from '../../../main/domain/catalogs.ts';
import { AddressInput } from '../buyers.ts';
import { checkoutContactFields } from './checkout-contact.ts';
import { CheckoutAnswer, ShippingOptions } from './checkout-schemas.ts';

/**
 * The inputs and outputs of the customer order links' buyer API
 * (customer-link-routes.ts). Nothing here carries the link's name or description: the
 * spec keeps them for the brand ("it is not displayed to buyers").
 */

const id = z.string().min(1).max(64);
/** Any text a link's address held: a malformed token is one more link that does not open. */
const LinkToken = z.string().max(2048);
const withToken = { token: LinkToken };
const amount = z.number().int().nonnegative();
const Money = z.object({ amountMinor: amount, currency: z.string() });
const Refusal = z.object({
  code: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
});

/** The passcode and expired screens' background: nothing, a picture, or a player's embed address. */
const Background = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('empty') }),
  z.object({ kind: z.literal('image'), pictureId: z.string() }),
  z.object({ kind: z.literal('video'), url: z.string() }),
]);

const Contact = z.object({
  firstName: z.string(),
  lastName: z.string(),
  email: z.string(),
  phone: z.string(),
  note: z.string(),
});

const Video = z
  .discriminatedUnion('kind', [
    z.object({ kind: z.literal('embed'), url: z.string() }),
    z.object({ kind: z.literal('file'), mediaId: z.string() }),
  ])
  .nullable();

const Lookbook = z.object({
  id: z.string(),
  name: z.string(),
  pages: z.array(
    z.object({ pictureId: z.string(), caption: z.string(), styleIds: z.array(z.string()) }),
  ),
});

const brand = z.string().describe("The brand's name.");

const StyleCard = z.object({
  id: z.string(),
  styleNumber: z.string(),
  name: z.string(),
  category: z.string(),
  pictureId: z.string().nullable(),
  colorways: z.array(z.object({ code: z.string(), name: z.string(), colorHex: z.string() })),
  colorwayCount: z.number().int(),
  /** The lowest wholesale price of its SKUs at the buyer's pricelist, less the buyer's discount. */
  price: Money.nullable(),
});

export const CustomerLinkStyles = z
  .object({
    total: z.number().int().nonnegative(),
    offset: z.number().int().nonnegative(),
    items: z.array(StyleCard),
  })
  .meta({ id: 'CustomerLinkStyles' });
export type CustomerLinkStyles = z.infer<typeof CustomerLinkStyles>;

export const CustomerLinkView = z
  .discriminatedUnion('screen', [
    z.object({
      screen: z.literal('scheduled'),
      brand,
      opensAt: z.string(),
      background: Background,
    }),
    z.object({ screen: z.literal('expired'), brand, background: Background }),
    z.object({ screen: z.literal('passcode'), brand, background: Background }),
    z.object({
      screen: z.literal('logIn'),
      brand,
      contacts: z.array(Contact),
    }),
    z.object({
      screen: z.literal('chooseBuyer'),
      brand,
      contacts: z.array(Contact),
      person: z.string(),
      buyers: z.array(z.object({ id: z.string(), name: z.string() })),
    }),
    z.object({
      screen: z.literal('catalog'),
      brand,
      contacts: z.array(Contact),
      buyer: z.object({
        /** The buyer's own id: the page keeps its cart per buyer. */
        id: z.string(),
        name: z.string(),
        currency: z.string(),
        language: z.enum(LANGUAGES),
        /** The buyer's discount in basis points, already in every price shown. */
        discountBp: z.number().int(),
      }),
      /** Who is logged in: how, the person's name (a user account), the brand's staff member acting for the buyer ("Open as"). */
      loggedIn: z.object({
        method: z.enum(LINK_LOG_IN_METHODS),
        person: z.string().nullable(),
        onBehalfOf: z.string().nullable(),
        /** The person belongs to several buyers and may choose another. */
        mayChooseBuyer: z.boolean(),
      }),
      viewOnly: z.boolean(),
      /** The link's checkout settings, which win over its catalogs': the address field and the ways to pay. */
      addressField: z.enum(CATALOG_ADDRESS_FIELDS),
      paymentMethods: z.array(z.enum(PAYMENT_METHODS)),
      /** The link's catalogs the buyer may browse, with when ordering ends. */
      catalogs: z.array(
        z.object({
          id: z.string(),
          name: z.string(),
          orderDeadlineAt: z.string().nullable(),
          /** Null while it may be ordered from; else why not (deadline_passed). */
          orderRefusal: Refusal.nullable(),
        }),
      ),
      /** The link's catalogs not shown now, and why (catalog_closed, not_published), for the page to say. */
      unavailable: z.array(Refusal),
      video: Video,
      lookbooks: z.array(Lookbook),
      /**
       * The first page of styles (every catalog the buyer may browse, no search), which
       * the page draws with the catalogs instead of asking for it afterwards.
       */
      firstStyles: CustomerLinkStyles,
    }),
  ])
  .meta({ id: 'CustomerLinkView' });
export type CustomerLinkView = z.infer<typeof CustomerLinkView>;

export const CustomerLinkStyle = z
  .object({
    id: z.string(),
    styleNumber: z.string(),
    name: z.string(),
    description: z.string(),
    sizes: z.array(z.string()),
    catalogs: z.array(z.string()),
    /** Null while it may be ordered; else why not (deadline_passed, with the catalog). */
    orderRefusal: Refusal.nullable(),
    colorways: z.array(
      z.object({
        code: z.string(),
        name: z.string(),
        colorHex: z.string(),
        pictureId: z.string().nullable(),
        skus: z.array(
          z.object({
            id: z.string(),
            size: z.string(),
            /** The buyer's price: the pricelist's less the buyer's discount. */
            price: Money.nullable(),
            /** The pricelist's price, which an order's discount applies to once, on the subtotal. */
            listPriceMinor: z.number().int().nonnegative().nullable(),
            /** Units the buyer may still order; null where the buyer's market keeps no stock. */
            available: z.number().int().nonnegative().nullable(),
          }),
        ),
      }),
    ),
  })
  .meta({ id: 'CustomerLinkStyle' });
export type CustomerLinkStyle = z.infer<typeof CustomerLinkStyle>;

/**
 * A log-in by one of the three methods: `identifier` is the email (a user account, an
 * offline buyer) or the buyer's unique code (brand-specific credentials), `secret` the
 * password or the passcode. One object so every method is limited and answered alike.
 */
const LogIn = z.strictObject({
  ...withToken,
  method: z.enum(LINK_LOG_IN_METHODS),
  identifier: z.string().trim().max(320),
  secret: z.string().max(500),
});

/** The cart as the page sends it: each SKU once, its quantity; the hub prices it. */
const CartLines = z
  .array(z.strictObject({ skuId: id, quantity: z.number().int().min(1).max(MAX_QUANTITY) }))
  .min(1)
  .max(MAX_ORDER_LINES);

export const LinkCheckoutRequest = z.strictObject({
  ...withToken,
  /** Made by the page once per checkout, so a retry never places a second order. */
  orderId: z.uuid(),
  lines: CartLines,
  ...checkoutContactFields,
  shipTo: AddressInput.nullable().default(null),
  billTo: AddressInput.nullable().default(null),
  shippingGroupId: id.nullable().default(null),
  paymentMethod: z.enum(PAYMENT_METHODS),
  poNumber: z.string().max(MAX_PO_NUMBER).default(''),
});

export const customerLinkSchemas = {
  'customerLink.open': { input: z.strictObject(withToken), output: CustomerLinkView },
  'customerLink.passcode': {
    input: z.strictObject({ ...withToken, passcode: z.string().max(500) }),
    output: CustomerLinkView,
  },
  'customerLink.logIn': { input: LogIn, output: CustomerLinkView },
  'customerLink.redeemTicket': {
    input: z.strictObject({ ...withToken, ticket: z.string().max(256) }),
    output: CustomerLinkView,
  },
  'customerLink.chooseBuyer': {
    input: z.strictObject({ ...withToken, buyerId: id }),
    output: CustomerLinkView,
  },
  'customerLink.logOut': { input: z.strictObject(withToken) },
  'customerLink.styles': {
    input: z.strictObject({
      ...withToken,
      query: z.string().max(200).default(''),
      catalogId: id.nullable().default(null),
      offset: z.number().int().min(0).max(100_000).default(0),
      limit: z.number().int().min(1).max(60).default(LINK_STYLES_PAGE),
    }),
    output: CustomerLinkStyles,
  },
  'customerLink.style': {
    input: z.strictObject({ ...withToken, styleId: id }),
    output: CustomerLinkStyle,
  },
  'customerLink.shippingOptions': {
    input: z.strictObject({
      ...withToken,
      /** ISO 3166-1 alpha-2 of the ship-to address; '' before one is chosen. */
      country: z.string().max(2).default(''),
      /** The cart's SKUs: their catalogs' rate groups stand in when the link's have none for the country. */
      skuIds: z.array(id).max(MAX_ORDER_LINES).default([]),
    }),
    output: ShippingOptions,
  },
  'customerLink.checkout': { input: LinkCheckoutRequest, output: CheckoutAnswer },
  'customerLink.picture': { input: z.strictObject({ id, ...withToken }) },
} as const;
