import { create } from 'zustand';

export type View =
  'catalog' | 'buyers' | 'selections' | 'orders' | 'devices' | 'settings' | 'audit';

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
