import type { z } from 'zod';
import { appOperations } from './app.ts';
import { auditOperations } from './audit.ts';
import { buyerOperations } from './buyers.ts';
import { buyerPeopleOperations } from './buyer-people.ts';
import { buyerCredentialsOperations } from './buyer-credentials.ts';
import { catalogOperations } from './catalog.ts';
import { catalogsOperations } from './catalogs.ts';
import { customerOrderLinkOperations } from './customer-order-links.ts';
import { devicesOperations } from './devices.ts';
import { dtcOperations } from './dtc.ts';
import { dtcSettingsOperations } from './dtc-settings.ts';
import { lookbooksOperations } from './lookbooks.ts';
import { mailOperations } from './mail.ts';
import { mediaOperations } from './media.ts';
import { orderOperations } from './orders.ts';
import { orderConfirmationOperations } from './order-confirmation.ts';
import { orderCheckoutOperations } from './order-checkout.ts';
import { orderPlacementOperations } from './order-placement.ts';
import { paymentOperations } from './payments.ts';
import { selectionOperations } from './selections.ts';
import { sessionOperations } from './session.ts';
import { shareLinkOperations } from './share-links.ts';
import { shippingOperations } from './shipping.ts';
import { syncOperations } from './sync.ts';
import type { Operation } from './operation.ts';

export * from './app.ts';
export * from './audit.ts';
export * from './buyers.ts';
export * from './buyer-people.ts';
export * from './buyer-credentials.ts';
export * from './catalog.ts';
export * from './catalogs.ts';
export * from './customer-order-links.ts';
export * from './devices.ts';
export * from './dtc.ts';
export * from './dtc-settings.ts';
export * from './lookbooks.ts';
export * from './mail.ts';
export * from './media.ts';
export * from './orders.ts';
export * from './order-confirmation.ts';
export * from './order-checkout.ts';
export * from './order-placement.ts';
export * from './payments.ts';
export * from './selections.ts';
export * from './session.ts';
export * from './share-links.ts';
export * from './shipping.ts';
export * from './sync.ts';
export * from './errors.ts';

/** Every operation the renderer can ask of the main side, declared once. */
export const contract = {
  ...catalogOperations,
  ...sessionOperations,
  ...syncOperations,
  ...buyerOperations,
  ...buyerPeopleOperations,
  ...buyerCredentialsOperations,
  ...devicesOperations,
  ...mailOperations,
  ...selectionOperations,
  ...shareLinkOperations,
  ...orderOperations,
  ...orderConfirmationOperations,
  ...orderCheckoutOperations,
  ...shippingOperations,
  ...orderPlacementOperations,
  ...auditOperations,
  ...catalogsOperations,
  ...customerOrderLinkOperations,
  ...lookbooksOperations,
  ...mediaOperations,
  ...paymentOperations,
  ...dtcOperations,
  ...dtcSettingsOperations,
  ...appOperations,
} as const;

export type Contract = typeof contract;
export type OperationName = keyof Contract;
export type InputOf<Name extends OperationName> = z.input<Contract[Name]['input']>;
export type ParsedInputOf<Name extends OperationName> = z.output<Contract[Name]['input']>;
export type OutputOf<Name extends OperationName> =
  Contract[Name] extends Operation<z.ZodType, infer Output> ? Output : never;

export function isOperationName(name: string): name is OperationName {
  return Object.hasOwn(contract, name);
}

export interface ChosenFile {
  name: string;
  content: string;
}

/**
 * What the renderer sees as `window.trunkshow`: Electron's preload provides it over
 * IPC, the browser shell's bridge over loopback HTTP.
 */
export interface TrunkshowApi {
  invoke<Name extends OperationName>(name: Name, input: InputOf<Name>): Promise<OutputOf<Name>>;
  /** Lets the person pick CSV files: the system dialog in Electron, a file input in a browser. */
  chooseCsvFiles(): Promise<ChosenFile[]>;
  readonly shell: 'electron' | 'browser';
}
