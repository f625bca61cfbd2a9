import { updatePublicAddress } from './brand.ts';
import { removeBuyerAddress, saveBuyerAddress, setBuyerContactEmail } from './buyer-addresses.ts';
import { removeCatalog, saveCatalog, setCatalogStyles } from './catalogs.ts';
import {
  createCustomerOrderLink,
  saveCustomerOrderLink,
  setCustomerOrderLinkDisabled,
} from './customer-order-links.ts';
import { createDtcCustomer, saveDtcCustomer } from './dtc-customers.ts';
import { createDtcLink, killDtcLink } from './dtc-links.ts';
import { createDtcSelection, saveDtcSelection } from './dtc-selections.ts';
import {
  removeTaxRate,
  setDtcLinkTemplate,
  setMarketPricesIncludeTax,
  setTaxRate,
} from './dtc-settings.ts';
import { createBuyer, decideTermsProposal, proposeBuyerTerms, updateBuyerTerms } from './buyers.ts';
import { removeLookbook, saveLookbook } from './lookbooks.ts';
import type { Mutator } from './mutator.ts';
import {
  removeShippingRateGroup,
  saveShippingRateGroup,
  setDefaultShippingRateGroup,
} from './shipping-rates.ts';
import { cancelOrder, completeCheckout, confirmOrder } from './orders.ts';
import { completeCheckoutWithDetails } from './order-checkout.ts';
import { placeBoothOrder } from './order-placement.ts';
import {
  addSelectionUnits,
  createSelection,
  deleteSelection,
  duplicateSelection,
  setSelectionQuantities,
  updateSelection,
} from './selections.ts';
import {
  generateShareLink,
  revokeShareLink,
  terminateAllShareLinks,
  updateShareLinkSettings,
} from './share-links.ts';

/**
 * Every mutation this release knows, by versioned name. The hub announces this list;
 * a desktop whose mutations are missing from a hub's list is told to update, and a
 * push naming one the hub does not know changes nothing.
 */
export const MUTATORS: ReadonlyMap<string, Mutator<unknown>> = new Map(
  (
    [
      createBuyer,
      updateBuyerTerms,
      proposeBuyerTerms,
      decideTermsProposal,
      saveBuyerAddress,
      removeBuyerAddress,
      setBuyerContactEmail,
      createSelection,
      updateSelection,
      setSelectionQuantities,
      addSelectionUnits,
      duplicateSelection,
      deleteSelection,
      updateShareLinkSettings,
      generateShareLink,
      revokeShareLink,
      terminateAllShareLinks,
      createCustomerOrderLink,
      saveCustomerOrderLink,
      setCustomerOrderLinkDisabled,
      completeCheckout,
      completeCheckoutWithDetails,
      confirmOrder,
      cancelOrder,
      updatePublicAddress,
      saveShippingRateGroup,
      removeShippingRateGroup,
      setDefaultShippingRateGroup,
      placeBoothOrder,
      saveCatalog,
      setCatalogStyles,
      removeCatalog,
      saveLookbook,
      removeLookbook,
      createDtcCustomer,
      saveDtcCustomer,
      createDtcSelection,
      saveDtcSelection,
      createDtcLink,
      killDtcLink,
      setTaxRate,
      removeTaxRate,
      setMarketPricesIncludeTax,
      setDtcLinkTemplate,
    ] as Mutator<never>[]
  ).map((entry) => [entry.name, entry as unknown as Mutator<unknown>]),
);

export function mutatorNamed(name: string): Mutator<unknown> | undefined {
  return MUTATORS.get(name);
}
