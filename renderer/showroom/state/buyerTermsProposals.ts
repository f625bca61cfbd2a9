import { create } from 'zustand';
import type { TermsProposal } from '../../../preload/contract/index.ts';
import { errorMessage, trunkshow } from '../api.ts';
import { useBuyerFormStore } from './buyerForm.ts';
import { useBuyersStore } from './buyers.ts';

/** The trading terms proposed for the buyer whose terms are open, and decisions on them. */
interface TermsProposalsStore {
  buyerId: string | null;
  /** Newest first; null until the first answer for this buyer. */
  items: readonly TermsProposal[] | null;
  /** Why they could not be loaded. */
  problem: string | null;
  /** The proposal a decision is being made on. */
  deciding: string | null;
  /** Why the last decision was not taken. */
  decisionProblem: string | null;
  /** The proposal decided last here, to say what became of it. */
  decided: TermsProposal | null;
  /** Ask for the buyer's proposals (on opening, and again whenever the data changed). */
  load: (buyerId: string) => Promise<void>;
  /** An admin approves (the terms become the buyer's) or declines, with a reason. */
  decide: (
    proposal: TermsProposal,
    decision: { decision: 'approve' } | { decision: 'decline'; reason: string },
  ) => Promise<boolean>;
  clear: () => void;
}

/** Bumped by each load and clear: an answer for an earlier question is dropped. */
let asked = 0;

/** Nothing known yet of a buyer's proposals. */
const UNKNOWN = {
  items: null,
  problem: null,
  deciding: null,
  decisionProblem: null,
  decided: null,
} as const;

export const useTermsProposalsStore = create<TermsProposalsStore>()((set, get) => ({
  buyerId: null,
  ...UNKNOWN,

  async load(buyerId) {
    const question = ++asked;
    if (get().buyerId !== buyerId) {
      set({ buyerId, ...UNKNOWN });
    }
    try {
      const items = await trunkshow().invoke('buyers.termsProposals', { buyerId });
      if (question === asked) set({ items, problem: null });
    } catch (error) {
      if (question === asked) set({ problem: errorMessage(error, '') });
    }
  },

  async decide(proposal, decision) {
    if (get().deciding !== null) return false;
    set({ deciding: proposal.id, decisionProblem: null, decided: null });
    try {
      const decided = await trunkshow().invoke('buyers.decideTermsProposal', {
        proposalId: proposal.id,
        ...decision,
      });
      if (decided.status === 'approved') useBuyerFormStore.getState().termsApproved(decided);
      set({ deciding: null, decided });
    } catch (error) {
      set({ deciding: null, decisionProblem: errorMessage(error, '') });
      return false;
    }
    useBuyersStore.getState().refresh();
    await get().load(proposal.buyerId);
    return true;
  },

  clear() {
    asked++;
    set({ buyerId: null, ...UNKNOWN });
  },
}));
