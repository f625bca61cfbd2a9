import { describe, expect, it } from 'vitest';
import { can, mayActForBuyer, type StaffAction } from '../../../main/domain/permissions.ts';

/** Every action, by the compiler: a new one fails the build until it is decided here. */
const EXPECTED: Record<StaffAction, { admin: boolean; rep: boolean }> = {
  changeTradingTerms: { admin: true, rep: false },
  decideTermsProposals: { admin: true, rep: false },
  changeShareLinkSettings: { admin: true, rep: false },
  terminateAllShareLinks: { admin: true, rep: false },
  changeHubAddress: { admin: true, rep: false },
  changeAnySelection: { admin: true, rep: false },
  seeEverySelection: { admin: true, rep: false },
  manageDevices: { admin: true, rep: false },
  unlockAccounts: { admin: true, rep: false },
  readApiLogs: { admin: true, rep: false },
  configureMail: { admin: true, rep: false },
  configureShipping: { admin: true, rep: false },
  managePeopleOfAnyBuyer: { admin: true, rep: false },
  manageEveryCustomerOrderLink: { admin: true, rep: false },
  manageCredentialsOfAnyBuyer: { admin: true, rep: false },
  importCatalog: { admin: true, rep: false },
  changeAnyOrder: { admin: true, rep: false },
  cancelAnyOrder: { admin: true, rep: false },
  manageCatalogs: { admin: true, rep: false },
  manageLookbooks: { admin: true, rep: false },
  uploadMedia: { admin: true, rep: false },
  configurePayments: { admin: true, rep: false },
  configureDtc: { admin: true, rep: false },
};

describe('what a staff role may do', () => {
  it.each(Object.entries(EXPECTED))('%s: %j', (action, expected) => {
    const staffAction = action as StaffAction;
    expect({ admin: can('admin', staffAction), rep: can('rep', staffAction) }).toEqual(expected);
  });
});

describe('acting for one buyer', () => {
  it('is open to the reps who own its selections, and to roles allowed for any buyer', () => {
    const rep = { userId: 'rep-1', role: 'rep' as const };
    const admin = { userId: 'admin-1', role: 'admin' as const };
    expect(mayActForBuyer(rep, ['rep-1'], 'manageCredentialsOfAnyBuyer')).toBe(true);
    expect(mayActForBuyer(rep, ['rep-2'], 'manageCredentialsOfAnyBuyer')).toBe(false);
    expect(mayActForBuyer(rep, [], 'manageCredentialsOfAnyBuyer')).toBe(false);
    expect(mayActForBuyer(admin, [], 'manageCredentialsOfAnyBuyer')).toBe(true);
  });
});
