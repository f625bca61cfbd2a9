import { v7 as uuidv7 } from 'uuid';
import type { z } from 'zod';
import {
  OperationError,
  type BuyerAddress,
  type BuyerAddressBook,
  type BuyerSaveAddressInput,
  type FieldIssue,
} from '../../preload/contract/index.ts';
import { addressProblems, contactEmailProblem, type AddressProblem } from '../domain/addresses.ts';
import { replicaDb } from '../store/database.ts';
import {
  BILL_TO_TAKEN,
  otherBillTo,
  removeBuyerAddress,
  saveBuyerAddress,
  setBuyerContactEmail,
} from '../sync/mutators/buyer-addresses.ts';
import { changeLocally, type LocalChangeServices } from './local-change.ts';

/**
 * A buyer's addresses and contact email on the desktop: read from the replica, changed
 * through mutations that apply at once and reach the hub on the next sync. Input the
 * domain refuses is answered per field with a code before anything is queued.
 */
export async function readAddressBook(
  services: LocalChangeServices,
  buyerId: string,
): Promise<BuyerAddressBook> {
  const db = replicaDb(services.db);
  const buyer = await db
    .selectFrom('buyers')
    .select('contact_email')
    .where('id', '=', buyerId)
    .executeTakeFirst();
  if (!buyer) throw new OperationError('not_found', 'This buyer no longer exists.');
  const rows = await db
    .selectFrom('buyer_addresses')
    .selectAll()
    .where('buyer_id', '=', buyerId)
    .orderBy('position')
    .orderBy('id')
    .execute();
  const addresses: BuyerAddress[] = rows.map((row) => ({
    id: row.id,
    kind: row.kind,
    name: row.name,
    line1: row.line1,
    line2: row.line2,
    postalCode: row.postal_code,
    city: row.city,
    region: row.region,
    country: row.country,
    phone: row.phone,
  }));
  return {
    buyerId,
    contactEmail: buyer.contact_email,
    shipTo: addresses.filter((address) => address.kind === 'ship_to'),
    billTo: addresses.find((address) => address.kind === 'bill_to') ?? null,
  };
}

function issue(path: string, problem: AddressProblem, message: string): FieldIssue {
  return 'params' in problem
    ? { path, message, code: problem.code, params: problem.params }
    : { path, message, code: problem.code };
}

export async function saveAddressLocally(
  services: LocalChangeServices,
  input: z.output<typeof BuyerSaveAddressInput>,
): Promise<BuyerAddressBook> {
  const problems = Object.entries(addressProblems(input.address));
  if (problems.length > 0) {
    throw new OperationError(
      'invalid_input',
      'Check the address: some fields are missing or too long.',
      problems.map(([field, problem]) =>
        issue(`address.${field}`, problem, `${field}: ${problem.code}`),
      ),
    );
  }
  const id = input.id ?? uuidv7();
  if (input.kind === 'bill_to' && (await otherBillTo(services.db, input.buyerId, id))) {
    throw new OperationError('conflict', BILL_TO_TAKEN, [
      { path: 'kind', message: BILL_TO_TAKEN, code: 'bill_to_taken' },
    ]);
  }
  await changeLocally(
    services,
    saveBuyerAddress,
    { id, buyerId: input.buyerId, kind: input.kind, address: input.address },
    { field: 'address', doing: 'change buyers' },
  );
  return readAddressBook(services, input.buyerId);
}

export async function removeAddressLocally(
  services: LocalChangeServices,
  input: { buyerId: string; id: string },
): Promise<BuyerAddressBook> {
  await changeLocally(services, removeBuyerAddress, input, {
    field: 'id',
    doing: 'change buyers',
  });
  return readAddressBook(services, input.buyerId);
}

export async function setContactEmailLocally(
  services: LocalChangeServices,
  input: { buyerId: string; email: string },
): Promise<BuyerAddressBook> {
  const problem = contactEmailProblem(input.email);
  if (problem) {
    throw new OperationError('invalid_input', 'Check the contact email.', [
      issue('email', problem, `email: ${problem.code}`),
    ]);
  }
  await changeLocally(services, setBuyerContactEmail, input, {
    field: 'email',
    doing: 'change buyers',
  });
  return readAddressBook(services, input.buyerId);
}
