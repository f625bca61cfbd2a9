/**
 * English for "Open as <buyer>": a staff member opens a customer order link in the
 * browser logged in as a buyer, to operate the cart and place the order for them.
 * Carried by en.ts under `openAs`.
 */
export const enOpenAs = {
  rowAction: 'Open as a buyer…',
  rowActionLabel: 'Open {{name}} as a buyer',
  pickBuyerTitle: 'Open “{{link}}” as a buyer',
  pickBuyerLead:
    'The link opens in your browser logged in as the buyer, so you can fill the cart and place the order for them. It is recorded as done by you for the buyer.',
  searchBuyers: 'Search buyers',
  buyers: 'Buyers',
  noBuyers: 'No buyer matches.',
  open: 'Open as {{buyer}}',
  openPlain: 'Open as the buyer',
  cancel: 'Cancel',
  pickLinkTitle: 'Open a link as {{buyer}}',
  pickLinkLead:
    'Choose one of the live customer order links. It opens in your browser logged in as {{buyer}}; it is recorded as done by you for the buyer.',
  links: 'Live links',
  noLinks: 'No customer order link is live. Create one under Links first.',
  opened: '{{link}} opened in your browser as {{buyer}}.',
  needsHub:
    'Opening a link as a buyer needs the hub, which cannot be reached now. You can place the order for the buyer here in the showroom instead.',
  loading: 'Loading…',
  notYourBuyer:
    '{{buyer}} is not one of your buyers: a rep opens links only as the buyers they keep selections for. Ask an admin.',
};
