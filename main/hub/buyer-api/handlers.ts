import { readHubStatus } from '../status.ts';
import { buyerHandlers, signedInBuyers, type BuyerDependencies } from './buyers.ts';
import { checkoutHandler, shippingOptionsHandler, type CheckoutDependencies } from './checkout.ts';
import { customerLinkVisitors } from './customer-link-visits.ts';
import {
  customerLinkCheckoutHandlers,
  type LinkCheckoutDependencies,
} from './customer-link-checkout.ts';
import { customerLinkHandlers } from './customer-links.ts';
import { dtcClaimHandlers } from './dtc-claims.ts';
import { dtcPurchaseHandlers } from './dtc-purchase.ts';
import type { BuyerApiCallers, BuyerApiHandlers } from './handler-table.ts';
import { invitationHandlers } from './invitations.ts';
import { linkHolders, type LinkHolderDependencies } from './link-holders.ts';
import { linkTicketHandlers } from './link-tickets.ts';
import { shareLinkHandlers, type ShareLinkDependencies } from './share-links.ts';

export type BuyerApiDependencies = BuyerDependencies &
  CheckoutDependencies &
  LinkCheckoutDependencies &
  LinkHolderDependencies &
  ShareLinkDependencies & {
    startedAt: Date;
    /** The release /api/health reports. */
    version: string;
  };

/** The buyer API's handler table, and how its callers are known, for registerBuyerApi. */
export function createBuyerApi(deps: BuyerApiDependencies): {
  handlers: BuyerApiHandlers;
  callers: BuyerApiCallers;
} {
  return {
    handlers: {
      'hub.health': () =>
        readHubStatus(deps.db, {
          startedAt: deps.startedAt,
          now: deps.clock(),
          version: deps.version,
        }),
      ...shareLinkHandlers(deps),
      'shareLink.checkout': checkoutHandler(deps),
      'shareLink.shippingOptions': shippingOptionsHandler(deps),
      ...buyerHandlers(deps),
      ...invitationHandlers(deps),
      ...customerLinkHandlers(deps),
      ...linkTicketHandlers(deps),
      ...customerLinkCheckoutHandlers(deps),
      ...dtcClaimHandlers(deps),
      ...dtcPurchaseHandlers(deps),
    },
    callers: {
      linkHolder: linkHolders(deps),
      buyer: signedInBuyers(deps),
      customerLink: customerLinkVisitors(deps),
    },
  };
}
