import type { Migration } from 'kysely/migration';
import * as foundation from './0001-foundation.ts';
import * as hubSync from './0002-hub-sync.ts';
import * as replicaSync from './0002-replica-sync.ts';
import * as hubSelections from './0003-hub-selections.ts';
import * as selections from './0003-selections.ts';
import * as hubShareLinks from './0005-hub-share-links.ts';
import * as shareLinks from './0005-share-links.ts';
import * as hubOrders from './0006-hub-orders.ts';
import * as orders from './0006-orders.ts';
import * as buyerSessions from './0007-buyer-sessions.ts';
import * as hubTermsProposals from './0008-hub-terms-proposals.ts';
import * as termsProposals from './0008-terms-proposals.ts';
import * as hubLimits from './0009-hub-limits.ts';
import * as publicAddress from './0010-public-address.ts';
import * as hubBuyerAddresses from './0011-hub-buyer-addresses.ts';
import * as buyerAddresses from './0011-buyer-addresses.ts';
import * as mailOutbox from './0012-mail-outbox.ts';
import * as hubOrderPipeline from './0013-hub-orders.ts';
import * as orderPipeline from './0013-orders.ts';
import * as mailRenderings from './0014-mail-renderings.ts';
import * as hubOrderHistory from './0015-hub-order-history.ts';
import * as orderHistory from './0015-order-history.ts';
import * as hubShippingRates from './0017-hub-shipping-rates.ts';
import * as shippingRates from './0017-shipping-rates.ts';
import * as catalogFilters from './0004-catalog-filters.ts';
import * as hubStockHeld from './0018-hub-stock-held.ts';
import * as stockHeld from './0018-stock-held.ts';
import * as catalogSettings from './0019-catalog-settings.ts';
import * as hubBuyerInvitations from './0020-hub-buyer-invitations.ts';
import * as hubCustomerOrderLinks from './0021-hub-customer-order-links.ts';
import * as replicaCustomerOrderLinks from './0021-replica-customer-order-links.ts';
import * as hubMediaUploads from './0022-hub-media-uploads.ts';
import * as mediaUploads from './0022-media-uploads.ts';
import * as hubBuyerCredentials from './0023-hub-buyer-credentials.ts';
import * as customerLinkSessions from './0024-customer-link-sessions.ts';
import * as ordersThroughLinks from './0025-orders-through-links.ts';
import * as hubStripeCardPayments from './0026-hub-stripe-card-payments.ts';
import * as stripeCardSwitch from './0026-stripe-card-switch.ts';
import * as linkSignInTickets from './0027-link-sign-in-tickets.ts';
import * as hubDtc from './0028-hub-dtc.ts';
import * as replicaDtc from './0028-replica-dtc.ts';
import * as dtcOrders from './0029-dtc-orders.ts';
import * as hubDtcOrders from './0029-hub-dtc-orders.ts';

/**
 * Every migration of each kind of store, in the order it runs. The hub (source of
 * truth) and the desktop's replica share the brand's tables and differ in their sync
 * bookkeeping. Names sort in run order and never change once released.
 */
export type StoreKind = 'hub' | 'replica';

export const migrationsByKind: Readonly<Record<StoreKind, Readonly<Record<string, Migration>>>> = {
  hub: {
    '0001-foundation': foundation,
    '0002-hub-sync': hubSync,
    '0003-selections': hubSelections,
    '0004-catalog-filters': catalogFilters,
    '0005-share-links': hubShareLinks,
    '0006-orders': hubOrders,
    '0007-buyer-sessions': buyerSessions,
    '0008-terms-proposals': hubTermsProposals,
    '0009-limits': hubLimits,
    '0010-public-address': publicAddress,
    '0011-buyer-addresses': hubBuyerAddresses,
    '0012-mail-outbox': mailOutbox,
    '0013-orders': hubOrderPipeline,
    '0014-mail-renderings': mailRenderings,
    '0015-order-history': hubOrderHistory,
    '0017-shipping-rates': hubShippingRates,
    '0018-stock-held': hubStockHeld,
    '0019-catalog-settings': catalogSettings,
    '0020-buyer-invitations': hubBuyerInvitations,
    '0021-customer-order-links': hubCustomerOrderLinks,
    '0022-media-uploads': hubMediaUploads,
    '0023-buyer-credentials': hubBuyerCredentials,
    '0024-customer-link-sessions': customerLinkSessions,
    '0025-orders-through-links': ordersThroughLinks,
    '0026-stripe-card-payments': hubStripeCardPayments,
    '0027-link-sign-in-tickets': linkSignInTickets,
    '0028-dtc': hubDtc,
    '0029-dtc-orders': hubDtcOrders,
  },
  replica: {
    '0001-foundation': foundation,
    '0002-replica-sync': replicaSync,
    '0003-selections': selections,
    '0004-catalog-filters': catalogFilters,
    '0005-share-links': shareLinks,
    '0006-orders': orders,
    '0008-terms-proposals': termsProposals,
    '0010-public-address': publicAddress,
    '0011-buyer-addresses': buyerAddresses,
    '0013-orders': orderPipeline,
    '0015-order-history': orderHistory,
    '0017-shipping-rates': shippingRates,
    '0018-stock-held': stockHeld,
    '0019-catalog-settings': catalogSettings,
    '0021-customer-order-links': replicaCustomerOrderLinks,
    '0022-media-uploads': mediaUploads,
    '0025-orders-through-links': ordersThroughLinks,
    '0026-stripe-card-payments': stripeCardSwitch,
    '0028-dtc': replicaDtc,
    '0029-dtc-orders': dtcOrders,
  },
};
