import { create } from 'zustand';
import type {
  DemoAccount,
  HubChoice,
  HubIntroduction,
  Session,
} from '../../../preload/contract/index.ts';
import { problemOf, trunkshow, type Problem } from '../api.ts';
import { useSessionStore } from './session.ts';

export type HubKind = HubChoice['kind'];

type Introduction =
  /** Another hub with no address typed yet. */
  | { status: 'idle' }
  | { status: 'loading'; hubKey: string }
  | { status: 'ready'; hubKey: string; intro: HubIntroduction }
  | { status: 'failed'; hubKey: string; problem: Problem };

interface SignInStore {
  hubKind: HubKind;
  /** The other hub's address as typed. */
  url: string;
  email: string;
  password: string;
  intro: Introduction;
  signingIn: boolean;
  problem: Problem | null;
  /** The signed-out session the form was last prepared from. */
  preparedFrom: Session | null;
  /** False until the first hub asked after preparing has answered, to show a splash, not a flash. */
  settled: boolean;

  /** Start the form from where the signed-out session says, and ask that hub who it is. */
  prepare: (session: Session) => void;
  chooseHub: (kind: HubKind) => void;
  setUrl: (url: string) => void;
  /** The address was left or submitted: ask the hub who it is. */
  commitUrl: () => void;
  /** Ask the chosen hub again (after a failure). */
  introduce: () => void;
  setEmail: (email: string) => void;
  setPassword: (password: string) => void;
  fillDemoAccount: (account: DemoAccount) => void;
  /** Show what the hub said about itself, e.g. after the demo brand was set up. */
  showIntroduction: (intro: HubIntroduction) => void;
  signIn: () => Promise<void>;
}

let latestIntro = 0;

function hubOf(kind: HubKind, url: string): HubChoice {
  return kind === 'embedded' ? { kind: 'embedded' } : { kind: 'remote', url: url.trim() };
}

function hubKeyOf(hub: HubChoice): string {
  return hub.kind === 'embedded' ? 'embedded' : `remote:${hub.url}`;
}

export const useSignInStore = create<SignInStore>()((set, get) => {
  async function introduce(hub: HubChoice): Promise<void> {
    const hubKey = hubKeyOf(hub);
    const asked = ++latestIntro;
    set({ intro: { status: 'loading', hubKey } });
    try {
      const intro = await trunkshow().invoke('session.introduceHub', { hub });
      if (asked === latestIntro) set({ intro: { status: 'ready', hubKey, intro }, settled: true });
    } catch (error) {
      if (asked === latestIntro) {
        set({
          intro: { status: 'failed', hubKey, problem: problemOf(error, '') },
          settled: true,
        });
      }
    }
  }

  return {
    hubKind: 'embedded',
    url: '',
    email: '',
    password: '',
    intro: { status: 'idle' },
    signingIn: false,
    problem: null,
    preparedFrom: null,
    settled: false,

    prepare(session) {
      if (session.state !== 'signed_out' || get().preparedFrom === session) return;
      const { hub } = session;
      set({
        preparedFrom: session,
        hubKind: hub.kind,
        url: hub.kind === 'remote' ? hub.url : get().url,
        password: '',
        signingIn: false,
        problem: null,
        settled: false,
      });
      void introduce(hub);
    },

    chooseHub(kind) {
      if (kind === get().hubKind) return;
      set({ hubKind: kind, problem: null, settled: true });
      if (kind === 'embedded' || get().url.trim() !== '') {
        void introduce(hubOf(kind, get().url));
      } else {
        latestIntro++;
        set({ intro: { status: 'idle' } });
      }
    },

    setUrl(url) {
      set({ url });
    },

    commitUrl() {
      const { hubKind, url, intro } = get();
      if (hubKind !== 'remote') return;
      const hub = hubOf(hubKind, url);
      if (hub.kind === 'remote' && hub.url === '') {
        latestIntro++;
        set({ intro: { status: 'idle' } });
        return;
      }
      if (intro.status !== 'idle' && intro.hubKey === hubKeyOf(hub) && intro.status !== 'failed') {
        return;
      }
      void introduce(hub);
    },

    introduce() {
      const { hubKind, url } = get();
      void introduce(hubOf(hubKind, url));
    },

    setEmail(email) {
      set({ email });
    },

    setPassword(password) {
      set({ password });
    },

    fillDemoAccount(account) {
      set({ email: account.email, password: account.password, problem: null });
    },

    showIntroduction(intro) {
      latestIntro++;
      set({
        settled: true,
        hubKind: intro.embedded ? 'embedded' : 'remote',
        intro: {
          status: 'ready',
          hubKey: intro.embedded ? 'embedded' : `remote:${intro.url}`,
          intro,
        },
      });
    },

    async signIn() {
      const { hubKind, url, email, password, signingIn } = get();
      if (signingIn) return;
      set({ signingIn: true, problem: null });
      try {
        const session = await trunkshow().invoke('session.signIn', {
          hub: hubOf(hubKind, url),
          email,
          password,
        });
        set({ signingIn: false, password: '' });
        useSessionStore.getState().accept(session);
      } catch (error) {
        set({ signingIn: false, problem: problemOf(error, '') });
      }
    },
  };
});
