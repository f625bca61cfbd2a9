/**
 * English of a DTC checkout link's page (renderer/buyer/dtc/), loaded with that page
 * only: the other buyer pages never fetch it. The reference Japanese translates key for key.
 */
export const enDtc = {
  notValidTitle: 'This link is not valid',
  notValidLead:
    'Open the whole link from the message you were sent: a link that is cut short or changed does not open. If it still does not open, ask the brand for a new one.',
  usedTitle: 'This link was used',
  usedLead:
    'This link has already been used for a purchase, so your basket is empty. Ask {{brand}} if you would like to buy these products.',
  usedLeadNoBrand:
    'This link has already been used for a purchase, so your basket is empty. Ask the brand if you would like to buy these products.',
  title: 'Your basket',
  from: 'Put together for you by {{brand}}',
  locked: 'The quantities are set by the brand: you can lower them or remove a product.',
  open: 'You can change the quantities or remove a product.',
  pricesIncludeTax: 'Prices include tax.',
  pricesExcludeTax: 'Tax is added to the prices, by the country it ships to.',
  products: 'Products',
  size: 'Size {{size}}',
  styleNumber: 'Style {{number}}',
  quantity: 'Quantity',
  quantityOf: 'Quantity of {{style}}, {{colour}}, size {{size}}',
  quantityLocked: 'Quantity: {{count}}',
  unitPrice: 'Price',
  specialPrice: 'Special price',
  specialFor_one: 'Special price for {{count}} item; more at the regular price.',
  specialFor_other: 'Special price for up to {{count}} items; more at the regular price.',
  regularPrice: 'Regular price {{amount}}',
  remove: 'Remove',
  removed: 'Removed',
  putBack: 'Put back',
  lineName: '{{style}}, {{colour}}, size {{size}}',
  checkoutTitle: 'Delivery and payment',
  taxIncludedAmount: 'Included tax',
  countryFirst: 'Choose the country it ships to: tax and shipping follow it.',
  discount: 'Special prices',
  tax: 'Tax ({{rate}})',
  taxIncluded: 'Included tax ({{rate}})',
  taxNone: 'Tax',
  placeOrder: 'Place order',
  payByCard: 'Pay by card',
  sending: 'Placing your order…',
  confirmedTitle: 'Thank you for your order',
  confirmedLead: 'Your order is placed. A confirmation is on its way to {{email}}.',
  confirmedLeadNoEmail: 'Your order is placed. A confirmation is on its way by mail.',
  boughtLines: 'Your order',
  boughtQuantity_one: '{{count, number}} piece',
  boughtQuantity_other: '{{count, number}} pieces',
  boughtTitle: 'Your order is placed',
  boughtLead: 'This basket was bought from this browser. A confirmation is on its way by mail.',
  cardPaid: 'Thank you: your card payment is done. A confirmation is on its way by mail.',
  cardCancelled:
    'The card payment was not finished. Your order waits for its payment: pay now, or the brand will be in touch.',
  problem_basketEmpty: 'Your basket is empty: put back at least one product to order.',
  problem_quantity: 'Choose from 0 to {{max}}.',
  problem_quantityAboveSaved: 'You can buy at most {{max}} of this.',
  problem_noRetailPrice: 'Only {{max}} of this can be bought.',
  problem_countryNotInMarket:
    'This basket cannot be shipped to {{country}}. Choose another country.',
  problem_noShipping: 'We do not ship to {{country}}. Choose another country or ask the brand.',
  problem_tooLarge: 'This order is larger than one order can be. Lower the quantities.',
  problem_notInBasket: 'This product is no longer in the basket. Reload the page.',
  problem_claimPurchased: 'This basket was bought already. Reload the page to see your order.',
  problem_linkStopped: 'This link no longer works: the brand has stopped it. Nothing was ordered.',
  problem_onlyLeft: 'Only {{available}} left.',
  problem_noneLeft: 'None left.',
  problem_stockShort:
    'Some products are short of stock: lower their quantities. Nothing was ordered.',
  problem_cardNotOffered: 'The brand does not take card payments now. Choose another way to pay.',
  problem_check: 'Some details need a look: see the fields marked. Nothing was ordered.',
  problem_failed: 'The order could not be placed. Nothing was ordered: try again.',
};

/** Same keys as English, every value a string: a missing translation fails the type check. */
export type DtcMessages = { [Key in keyof typeof enDtc]: string };
