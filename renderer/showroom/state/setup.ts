import { create } from 'zustand';
import { problemOf, trunkshow, type Problem } from '../api.ts';
import { useSessionStore } from './session.ts';
import { useSignInStore } from './signIn.ts';

export interface SetupDraft {
  brandName: string;
  adminName: string;
  email: string;
  password: string;
}

interface SetupStore {
  draft: SetupDraft;
  /** Which of the two ways out is under way. */
  busy: 'setup' | 'demo' | null;
  problem: Problem | null;
  change: (patch: Partial<SetupDraft>) => void;
  /** Set up the built-in hub's brand and first admin; signs in as that admin. */
  submit: () => Promise<void>;
  /** Fill the built-in hub with the demo brand, then offer its accounts on the sign-in form. */
  exploreDemo: () => Promise<void>;
}

const EMPTY: SetupDraft = { brandName: '', adminName: '', email: '', password: '' };

export const useSetupStore = create<SetupStore>()((set, get) => ({
  draft: EMPTY,
  busy: null,
  problem: null,

  change(patch) {
    set((state) => ({ draft: { ...state.draft, ...patch } }));
  },

  async submit() {
    if (get().busy) return;
    set({ busy: 'setup', problem: null });
    try {
      const session = await trunkshow().invoke('session.setup', get().draft);
      set({ busy: null, draft: EMPTY });
      useSessionStore.getState().accept(session);
    } catch (error) {
      set({ busy: null, problem: problemOf(error, '') });
    }
  },

  async exploreDemo() {
    if (get().busy) return;
    set({ busy: 'demo', problem: null });
    try {
      const intro = await trunkshow().invoke('session.setupDemo', {});
      set({ busy: null });
      useSignInStore.getState().showIntroduction(intro);
    } catch (error) {
      set({ busy: null, problem: problemOf(error, '') });
    }
  },
}));
