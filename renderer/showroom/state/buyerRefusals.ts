import type { TFunction } from 'i18next';
import type { SyncRefusal } from '../../../preload/contract/index.ts';

type Code = SyncRefusal['code'];

/**
 * Refusals of trading terms changes that the showroom words in the person's language,
 * by the change and the hub's refusal code (keys under buyers.refused). Others show the
 * hub's own words.
 */
const REASONS: Readonly<Record<string, Partial<Record<Code, string>>>> = {
  'buyer.create.v1': { forbidden: 'buyers.refused.discount' },
  'buyer.updateTerms.v1': { forbidden: 'buyers.refused.changeTerms' },
  'buyer.proposeTerms.v1': {
    conflict: 'buyers.refused.alreadyProposed',
    not_found: 'buyers.refused.proposalGone',
  },
  'buyer.saveAddress.v1': {
    conflict: 'buyers.refused.billToTaken',
    invalid_input: 'buyers.refused.addressInvalid',
  },
  'buyer.setContactEmail.v1': { invalid_input: 'buyers.refused.emailInvalid' },
  'buyer.decideTermsProposal.v1': {
    forbidden: 'buyers.refused.decide',
    conflict: 'buyers.refused.decided',
    not_found: 'buyers.refused.decisionGone',
  },
};

/** Why the hub refused, in the person's language where the showroom words it. */
export function refusalReason(
  t: TFunction,
  refusal: Pick<SyncRefusal, 'mutation' | 'code' | 'reason'>,
): string {
  const key = REASONS[refusal.mutation]?.[refusal.code];
  return key ? t(key) : refusal.reason;
}

/** What the refused change was, in the person's language where the showroom words it. */
export function refusalSummary(
  t: TFunction,
  refusal: Pick<SyncRefusal, 'mutation' | 'args' | 'summary'>,
): string {
  if (refusal.mutation === 'buyer.proposeTerms.v1') return t('buyers.refused.summary.propose');
  if (refusal.mutation !== 'buyer.decideTermsProposal.v1') return refusal.summary;
  const { decision } = (refusal.args ?? {}) as { decision?: unknown };
  return t(
    decision === 'approve' ? 'buyers.refused.summary.approve' : 'buyers.refused.summary.decline',
  );
}
