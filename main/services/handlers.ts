import type { StoreDb } from '../store/database.ts';
import type { BuiltInHubControl } from './built-in-hub.ts';
import { importThroughHub } from './catalog-import.ts';
import type { SyncEngine } from '../sync/engine.ts';
import {
  readAddressBook,
  removeAddressLocally,
  saveAddressLocally,
  setContactEmailLocally,
} from './buyer-addresses.ts';
import {
  createBuyerLocally,
  decideTermsProposalLocally,
  listBuyers,
  listTermsProposals,
  proposeTermsLocally,
  updateBuyerTermsLocally,
} from './buyers.ts';
import {
  brandSummary,
  catalogFilterChoices,
  mediaFile,
  openStyle,
  searchCatalog,
} from './catalog.ts';
import {
  listDevices,
  listLockedAccounts,
  readAudit,
  revokeDevice,
  unlockAccount,
} from './devices.ts';
import type { HandlerTable } from './dispatch.ts';
import * as dtcSettings from './dtc-settings.ts';
import {
  buyerPeople,
  invitePerson,
  removePerson,
  resendInvitation,
  revokeInvitation,
} from './buyer-people.ts';
import * as credentials from './buyer-credentials.ts';
import {
  clearMailSettings,
  mailHistory,
  mailSettings,
  saveMailSettings,
  sendTestMail,
} from './mail.ts';
import {
  choosablePaymentMethods,
  clearStripeSettings,
  saveStripeSettings,
  stripeSettings,
} from './payments.ts';
import { hubError, type DesktopSession } from './session.ts';
import {
  createSelectionLocally,
  deleteSelectionLocally,
  duplicateSelectionLocally,
  exportSelection,
  listSelections,
  openSelection,
  scanIntoSelection,
  setQuantitiesLocally,
  updateSelectionLocally,
} from './selections.ts';
import {
  generateShareLinkLocally,
  hubNetwork,
  listShareLinks,
  publicAddress,
  updatePublicAddressLocally,
  revokeShareLinkLocally,
  shareLinkSettings,
  terminateAllShareLinksLocally,
  updateShareLinkSettingsLocally,
} from './share-links.ts';
import {
  createCustomerOrderLinkLocally,
  customerOrderLinkAddress,
  customerOrderLinkDetail,
  customerOrderLinksOverview,
  openCustomerOrderLinkAsBuyer,
  saveCustomerOrderLinkLocally,
  setCustomerOrderLinkDisabledLocally,
} from './customer-order-links.ts';
import {
  createDtcCustomerLocally,
  dtcCustomerDetail,
  dtcMarkets,
  listDtcCustomers,
  saveDtcCustomerLocally,
} from './dtc-customers.ts';
import { createDtcLinkLocally, dtcLinkAddressOf, killDtcLinkLocally } from './dtc-links.ts';
import {
  createDtcSelectionLocally,
  dtcOrders,
  openDtcSelection,
  saveDtcSelectionLocally,
  scanForDtcSelection,
} from './dtc-selections.ts';
import {
  cancelOrderLocally,
  confirmOrderLocally,
  listOrders,
  orderDetail,
  orderFilterChoices,
} from './orders.ts';
import { ordersCsv } from './export/orders-csv.ts';
import { orderConfirmationPdf, orderMailDraft } from './order-confirmation.ts';
import {
  checkoutNeeds,
  checkoutShippingRates,
  completeCheckoutWithDetailsLocally,
} from './order-checkout.ts';
import {
  removeShippingRateGroupLocally,
  saveShippingRateGroupLocally,
  setDefaultShippingRateGroupLocally,
  shippingSetup,
} from './shipping.ts';
import { placementDraft, placeOrderLocally, shippingChoice } from './order-placement.ts';
import { dismissRefusal, listRefusals } from './sync.ts';
import {
  catalogStyles,
  catalogStylesFromCsv,
  catalogsOverview,
  removeCatalogLocally,
  saveCatalogLocally,
  setCatalogStylesLocally,
} from './catalogs.ts';
import {
  lookbooksOverview,
  openLookbook,
  removeLookbookLocally,
  saveLookbookLocally,
} from './lookbooks.ts';
import { listMedia, uploadMedia } from './media.ts';
import { logWindowError } from './window-errors.ts';

/** What the desktop's handlers work with: the replica, the sync engine and the session. */
export interface DesktopServices {
  db: StoreDb;
  session: DesktopSession;
  engine: SyncEngine;
  clock: () => Date;
  /** The built-in hub the host runs, or null when this desktop has none. */
  builtInHub: BuiltInHubControl | null;
}

/** The one implementation of the contract, mounted on every transport. */
export function createHandlers(services: DesktopServices): HandlerTable {
  const { db, session, engine, clock } = services;
  return {
    'brand.summary': () => brandSummary(db),
    'catalog.search': (_actor, input) => searchCatalog(db, input),
    'catalog.filters': () => catalogFilterChoices(db),
    'catalog.importCsv': async (_actor, input) => {
      // The catalog belongs to the hub: the import runs there and arrives by sync.
      const hub = session.hub('Importing the catalog');
      try {
        const report = await importThroughHub(input.files, (file) =>
          hub.client.importCatalogFile(hub.token, file),
        );
        await engine.syncNow();
        return report;
      } catch (error) {
        throw hubError(error, 'Importing the catalog');
      }
    },
    'catalog.openStyle': (_actor, input) => openStyle(db, input),
    'media.get': (_actor, input) => mediaFile(db, input.id),

    'session.get': () => session.get(),
    'session.introduceHub': (_actor, input) => session.introduceHub(input.hub),
    'session.setup': (_actor, input) => session.setup(input),
    'session.setupDemo': () => session.setupDemo(),
    'session.signIn': (_actor, input) => session.signIn(input),
    'session.signOut': (_actor, input) => session.signOut(input),

    'sync.status': () => engine.status(),
    'sync.now': async () => {
      await engine.syncNow();
      return engine.status();
    },
    'sync.refusals': (_actor, input) => listRefusals(db, input.subject),
    'sync.dismissRefusal': async (_actor, input) => {
      await dismissRefusal(db, input.seq, clock());
      engine.dataChanged();
      return engine.status();
    },

    'buyers.list': (_actor, input) => listBuyers(services, input),
    'buyers.create': (_actor, input) => createBuyerLocally(services, input),
    'buyers.updateTerms': (_actor, input) => updateBuyerTermsLocally(services, input),
    'buyers.termsProposals': (_actor, input) => listTermsProposals(services, input.buyerId),
    'buyers.proposeTerms': (_actor, input) => proposeTermsLocally(services, input),
    'buyers.decideTermsProposal': (_actor, input) => decideTermsProposalLocally(services, input),
    'buyers.addresses': (_actor, input) => readAddressBook(services, input.buyerId),
    'buyers.saveAddress': (_actor, input) => saveAddressLocally(services, input),
    'buyers.removeAddress': (_actor, input) => removeAddressLocally(services, input),
    'buyers.setContactEmail': (_actor, input) => setContactEmailLocally(services, input),

    'selections.list': (_actor, input) => listSelections(services, input),
    'selections.open': (_actor, input) => openSelection(services, input.selectionId),
    'selections.create': (_actor, input) => createSelectionLocally(services, input),
    'selections.update': (_actor, input) => updateSelectionLocally(services, input),
    'selections.setQuantities': (_actor, input) => setQuantitiesLocally(services, input),
    'selections.scan': (_actor, input) => scanIntoSelection(services, input),
    'selections.duplicate': (_actor, input) =>
      duplicateSelectionLocally(services, input.selectionId),
    'selections.delete': (_actor, input) => deleteSelectionLocally(services, input.selectionId),

    'selections.export': (_actor, input) => exportSelection(services, input),

    'brand.shareLinkSettings': () => shareLinkSettings(services),
    'brand.updateShareLinkSettings': (_actor, input) =>
      updateShareLinkSettingsLocally(services, input),
    'shareLinks.list': (_actor, input) => listShareLinks(services, input.selectionId),
    'shareLinks.generate': (_actor, input) => generateShareLinkLocally(services, input.selectionId),
    'shareLinks.revoke': (_actor, input) => revokeShareLinkLocally(services, input.linkId),
    'shareLinks.terminateAll': () => terminateAllShareLinksLocally(services),
    'customerOrderLinks.list': () => customerOrderLinksOverview(services),
    'customerOrderLinks.get': (_actor, input) => customerOrderLinkDetail(services, input.id),
    'customerOrderLinks.create': (_actor, input) => createCustomerOrderLinkLocally(services, input),
    'customerOrderLinks.save': (_actor, input) => saveCustomerOrderLinkLocally(services, input),
    'customerOrderLinks.setDisabled': (_actor, input) =>
      setCustomerOrderLinkDisabledLocally(services, input),
    'customerOrderLinks.address': (_actor, input) => customerOrderLinkAddress(services, input.id),
    'customerOrderLinks.openAsBuyer': (_actor, input) =>
      openCustomerOrderLinkAsBuyer(services, input),

    'dtc.markets': () => dtcMarkets(services),
    'dtc.customers.list': (_actor, input) => listDtcCustomers(db, input.query),
    'dtc.customers.get': (_actor, input) => dtcCustomerDetail(services, input.id),
    'dtc.customers.create': (_actor, input) => createDtcCustomerLocally(services, input.card),
    'dtc.customers.save': (_actor, input) => saveDtcCustomerLocally(services, input),
    'dtc.orders.list': () => dtcOrders(services),
    'dtc.selections.create': (_actor, input) => createDtcSelectionLocally(services, input),
    'dtc.selections.open': (_actor, input) => openDtcSelection(services, input.id),
    'dtc.selections.save': (_actor, input) => saveDtcSelectionLocally(services, input),
    'dtc.selections.scan': (_actor, input) => scanForDtcSelection(services, input),
    'dtc.links.create': (_actor, input) => createDtcLinkLocally(services, input),
    'dtc.links.kill': (_actor, input) => killDtcLinkLocally(services, input.id),
    'dtc.links.address': (_actor, input) => dtcLinkAddressOf(services, input.id),
    'brand.publicAddress': () => publicAddress(services),
    'brand.updatePublicAddress': (_actor, input) => updatePublicAddressLocally(services, input),
    'hub.network': () => hubNetwork(services),
    'hub.serveOnNetwork': (_actor, input) => hubNetwork(services, input.on),

    'orders.list': (_actor, input) => listOrders(db, input),
    'orders.filterChoices': () => orderFilterChoices(db),
    'orders.detail': (_actor, input) => orderDetail(db, session.account(), input.orderId),
    'orders.confirm': (_actor, input) => confirmOrderLocally(services, input.orderId),
    'orders.cancel': (_actor, input) => cancelOrderLocally(services, input),
    'orders.exportCsv': (_actor, input) => ordersCsv(db, input.filters, clock()),

    'orders.confirmationPdf': (_actor, input) => orderConfirmationPdf(services, input.orderId),
    'orders.mailDraft': (_actor, input) => orderMailDraft(services, input.orderId),
    'orderCheckout.needs': (_actor, input) => checkoutNeeds(services, input.orderId),
    'orderCheckout.shippingRates': (_actor, input) =>
      checkoutShippingRates(services, input.orderId, input.country),
    'orderCheckout.complete': (_actor, input) =>
      completeCheckoutWithDetailsLocally(services, input),

    'shipping.groups': () => shippingSetup(services),
    'shipping.saveGroup': (_actor, input) => saveShippingRateGroupLocally(services, input),
    'shipping.removeGroup': (_actor, input) => removeShippingRateGroupLocally(services, input.id),
    'shipping.setDefault': (_actor, input) =>
      setDefaultShippingRateGroupLocally(services, input.groupId),

    'orders.placementDraft': (_actor, input) => placementDraft(services, input.selectionId),
    'orders.shippingOptions': (_actor, input) => shippingChoice(services, input),
    'orders.place': (_actor, input) => placeOrderLocally(services, input),

    'audit.list': (_actor, input) => readAudit(session, input, db),

    'catalogs.list': () => catalogsOverview(services),
    'catalogs.save': (_actor, input) => saveCatalogLocally(services, input),
    'catalogs.styles': (_actor, input) => catalogStyles(services, input.id),
    'catalogs.setStyles': (_actor, input) => setCatalogStylesLocally(services, input),
    'catalogs.stylesFromCsv': (_actor, input) => catalogStylesFromCsv(services, input.content),
    'catalogs.remove': (_actor, input) => removeCatalogLocally(services, input.id),
    'lookbooks.list': () => lookbooksOverview(services),
    'lookbooks.open': (_actor, input) => openLookbook(services, input.id),
    'lookbooks.save': (_actor, input) => saveLookbookLocally(services, input),
    'lookbooks.remove': (_actor, input) => removeLookbookLocally(services, input.id),
    'media.list': (_actor, input) => listMedia(db, input.kind),
    'media.upload': (_actor, input) => uploadMedia(services, input),

    'devices.list': () => listDevices(session),
    'devices.revoke': (_actor, input) => revokeDevice(session, input.deviceId),
    'accounts.locked': () => listLockedAccounts(session),
    'accounts.unlock': (_actor, input) => unlockAccount(session, input.account),

    'mail.settings': () => mailSettings(session),
    'mail.saveSettings': (_actor, input) => saveMailSettings(session, input),
    'mail.clearSettings': () => clearMailSettings(session),
    'mail.sendTest': (_actor, input) => sendTestMail(session, input.to),
    'mail.history': (_actor, input) => mailHistory(session, input.entity),
    'payments.choosable': () => choosablePaymentMethods(services.db),
    'payments.stripeSettings': () => stripeSettings(session),
    'payments.saveStripeSettings': (_actor, input) => saveStripeSettings(session, input),
    'payments.clearStripeSettings': () => clearStripeSettings(session),
    'buyerPeople.list': (_actor, input) => buyerPeople(session, input.buyerId),
    'buyerPeople.invite': (_actor, input) => invitePerson(session, input),
    'buyerPeople.resend': (_actor, input) => resendInvitation(session, input.invitationId),
    'buyerPeople.revoke': (_actor, input) => revokeInvitation(session, input.invitationId),
    'buyerPeople.remove': (_actor, input) => removePerson(session, input.buyerId, input.userId),
    'buyerCredentials.get': (_actor, input) => credentials.buyerCredentials(session, input.buyerId),
    'buyerCredentials.setOfflineLogIn': (_actor, input) =>
      credentials.setOfflineLogIn(session, input),
    'buyerCredentials.clearOfflineLogIn': (_actor, input) =>
      credentials.clearOfflineLogIn(session, input.buyerId),
    'buyerCredentials.setBrandCode': (_actor, input) => credentials.setBrandCode(session, input),
    'buyerCredentials.clearBrandCode': (_actor, input) =>
      credentials.clearBrandCode(session, input.buyerId),

    'dtcSettings.taxRates': () => dtcSettings.taxRates(services),
    'dtcSettings.setTaxRate': (_actor, input) => dtcSettings.setTaxRateLocally(services, input),
    'dtcSettings.removeTaxRate': (_actor, input) =>
      dtcSettings.removeTaxRateLocally(services, input.countryCode),
    'dtcSettings.markets': () => dtcSettings.marketsTax(services),
    'dtcSettings.setPricesIncludeTax': (_actor, input) =>
      dtcSettings.setPricesIncludeTaxLocally(services, input),
    'dtcSettings.linkTemplate': () => dtcSettings.dtcLinkTemplate(services),
    'dtcSettings.setLinkTemplate': (_actor, input) =>
      dtcSettings.setDtcLinkTemplateLocally(services, input.template),

    'app.reportError': (_actor, input) => logWindowError(input),
  };
}
