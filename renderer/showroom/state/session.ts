import { create } from 'zustand';
import type { Session } from '../../../preload/contract/index.ts';
import { errorMessage, problemOf, trunkshow } from '../api.ts';
import { useBrandStore } from './brand.ts';
import { useBuyerFormStore } from './buyerForm.ts';
import { useStyleStore } from './style.ts';
import { useBuyersStore } from './buyers.ts';
import { useCatalogStore } from './catalog.ts';
import { useDevicesStore } from './devices.ts';
import { useNavigationStore } from './navigation.ts';
import { useSyncStore } from './sync.ts';
import { useNewSelectionStore } from './newSelection.ts';
import { useSelectionStore } from './selection.ts';
import { useSelectionsStore } from './selections.ts';

type SessionState =
  | { status: 'loading' }
  | { status: 'failed'; message: string }
  | { status: 'ready'; session: Session };

type SignOutState =
  | { status: 'idle' }
  | { status: 'signing_out'; discarding: boolean }
  /** Changes still wait to sync: the rep chooses between keeping them and losing them. */
  | { status: 'confirm'; message: string; discarding: boolean }
  | { status: 'failed'; message: string };

interface SessionStore {
  state: SessionState;
  signOut: SignOutState;
  load: () => Promise<void>;
  /** Take the session an operation answered with (sign-in, setup, sign-out). */
  accept: (session: Session) => void;
  /** Sign out; with discard, changes still waiting to sync are lost. */
  signOutNow: (discardUnsynced: boolean) => Promise<void>;
  keepWorking: () => void;
}

let latestLoad = 0;

/**
 * Forgets what the views hold, so the one shown loads afresh: after signing in as someone
 * else, and when a view that failed is reloaded (what it held may be what broke it).
 */
export function forgetViewData(): void {
  useCatalogStore.getState().invalidate();
  useBuyersStore.getState().reset();
  useDevicesStore.getState().reset();
  useSelectionsStore.getState().reset();
  useSelectionStore.getState().reset();
}

/** What one signed-in person saw must not show for the next one, who may use another hub. */
function forgetSignedInData(): void {
  forgetViewData();
  useCatalogStore.getState().clear();
  useBrandStore.getState().reset();
  useBuyerFormStore.getState().close();
  useNewSelectionStore.getState().close();
  useNavigationStore.getState().go('catalog');
}

export const useSessionStore = create<SessionStore>()((set, get) => ({
  state: { status: 'loading' },
  signOut: { status: 'idle' },

  async load() {
    const load = ++latestLoad;
    try {
      const session = await trunkshow().invoke('session.get', {});
      if (load === latestLoad) get().accept(session);
    } catch (error) {
      if (load === latestLoad)
        set({ state: { status: 'failed', message: errorMessage(error, '') } });
    }
  },

  accept(session) {
    latestLoad++;
    const before = get().state;
    const wasSignedIn = before.status === 'ready' && before.session.state === 'signed_in';
    if (session.state === 'signed_in') {
      const sameUser =
        wasSignedIn &&
        before.session.state === 'signed_in' &&
        before.session.user.id === session.user.id &&
        before.session.hubUrl === session.hubUrl;
      if (!sameUser) forgetSignedInData();
      set({ state: { status: 'ready', session }, signOut: { status: 'idle' } });
      useSyncStore.getState().start();
    } else {
      useSyncStore.getState().stop();
      if (wasSignedIn) forgetSignedInData();
      set({ state: { status: 'ready', session }, signOut: { status: 'idle' } });
    }
  },

  async signOutNow(discardUnsynced) {
    if (get().signOut.status === 'signing_out') return;
    set({ signOut: { status: 'signing_out', discarding: discardUnsynced } });
    try {
      const session = await trunkshow().invoke('session.signOut', { discardUnsynced });
      get().accept(session);
    } catch (error) {
      const problem = problemOf(error, '');
      set({
        signOut:
          problem.code === 'conflict'
            ? { status: 'confirm', message: problem.message, discarding: false }
            : { status: 'failed', message: problem.message },
      });
    }
  },

  keepWorking() {
    set({ signOut: { status: 'idle' } });
  },
}));

// What the sync status says reaches the views: new data reloads them in place, and a
// revoked device is signed out (session.get then says why).
useSyncStore.subscribe((sync, before) => {
  const now = sync.status;
  if (!now) return;
  const previous = before.status;
  if (now.dataVersion !== previous?.dataVersion) {
    useCatalogStore.getState().refresh();
    void useBrandStore.getState().loadSummary();
    useBuyersStore.getState().refresh();
    void useStyleStore.getState().refresh();
    void useSelectionsStore.getState().load();
    void useSelectionStore.getState().refresh();
  } else if (now.refused !== previous.refused) {
    useBuyersStore.getState().refresh();
    void useSelectionStore.getState().refresh();
  }
  // Asked again on every poll while revoked, until the main side has signed the device out.
  if (now.connection === 'revoked') void useSessionStore.getState().load();
});
