import { create } from 'zustand';
import type { StaffRole } from '../../../main/domain/model.ts';
import { can, type StaffAction } from '../../../main/domain/permissions.ts';

export type View =
  | 'catalog'
  | 'buyers'
  | 'selections'
  | 'orders'
  | 'links'
  | 'dtc'
  | 'catalogs'
  | 'lookbooks'
  | 'devices'
  | 'settings'
  | 'audit';

/**
 * The sections in the header's order, each with what a person must be allowed to do
 * (any one of) to see it; none for the sections every rep works in.
 */
const SECTIONS: readonly { view: View; forWhoMay: readonly StaffAction[] }[] = [
  { view: 'catalog', forWhoMay: [] },
  { view: 'selections', forWhoMay: [] },
  { view: 'orders', forWhoMay: [] },
  { view: 'buyers', forWhoMay: [] },
  // Reps manage the customer order links they made; admins every link.
  { view: 'links', forWhoMay: [] },
  // Direct to consumer: admins and reps alike serve DTC customers (issue 14).
  { view: 'dtc', forWhoMay: [] },
  { view: 'catalogs', forWhoMay: ['manageCatalogs'] },
  { view: 'lookbooks', forWhoMay: [] },
  { view: 'devices', forWhoMay: ['manageDevices', 'unlockAccounts'] },
  {
    view: 'settings',
    forWhoMay: [
      'changeShareLinkSettings',
      'changeHubAddress',
      'configureMail',
      'configureShipping',
      'configureDtc',
    ],
  },
  { view: 'audit', forWhoMay: ['readApiLogs'] },
];

/** The sections a role is shown: only what it may use. */
export function viewsFor(role: StaffRole): View[] {
  return SECTIONS.filter(
    ({ forWhoMay }) => forWhoMay.length === 0 || forWhoMay.some((action) => can(role, action)),
  ).map(({ view }) => view);
}

interface NavigationStore {
  view: View;
  go: (view: View) => void;
}

/** Which part of the showroom fills the page under the header. */
export const useNavigationStore = create<NavigationStore>()((set) => ({
  view: 'catalog',
  go(view) {
    set({ view });
  },
}));
