import type { z } from 'zod';
import { catalogOperations } from './catalog.ts';
import type { Operation } from './operation.ts';

export * from './catalog.ts';
export * from './errors.ts';

/** Every operation the renderer can ask of the main side, declared once. */
export const contract = {
  ...catalogOperations,
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
