import { useId, useState, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_DECLINE_REASON } from '../../../main/domain/buyers.ts';
import type { BuyerListItem, TermsProposal } from '../../../preload/contract/index.ts';
import { formatDate } from '../format.ts';
import { useTermsProposalsStore } from '../state/buyerTermsProposals.ts';
import { Field } from '../../ui/Field.tsx';

interface Terms {
  pricelistName: string | null;
  currency: string | null;
  discountPercent: number;
  language: 'en' | 'ja';
}

/** "Europe EUR (EUR) · 12.5 % · 日本語": a buyer's terms on one line. */
function TermsLine({ terms }: { terms: Terms }) {
  const { t } = useTranslation();
  return (
    <p className="terms-line">
      {t('buyers.proposals.terms', {
        pricelist:
          terms.pricelistName === null
            ? t('buyers.noPricelist')
            : t('pricelist.option', { name: terms.pricelistName, currency: terms.currency }),
        discount: t('buyers.discount', { value: terms.discountPercent }),
        language: t(`language.${terms.language}`),
      })}
    </p>
  );
}

/** The buyer's terms as they stand, above what a rep proposes instead. */
export function CurrentTerms({ buyer }: { buyer: BuyerListItem }) {
  const { t } = useTranslation();
  return (
    <div className="current-terms">
      <p className="current-terms__label">{t('buyers.proposals.current')}</p>
      <TermsLine terms={buyer} />
    </div>
  );
}

/** Where a proposal stands: waiting, or who decided what, and why a decline. */
function ProposalState({ proposal }: { proposal: TermsProposal }) {
  const { t, i18n } = useTranslation();
  const decided = {
    name: proposal.decidedBy?.name ?? '',
    date: proposal.decidedAt ? formatDate(proposal.decidedAt, i18n.language) : '',
  };
  return (
    <div className="proposal__state">
      {proposal.status === 'pending' ? (
        <span className="badge badge--pending">{t('buyers.proposals.pending')}</span>
      ) : proposal.status === 'approved' ? (
        <span className="badge badge--approved">{t('buyers.proposals.approved', decided)}</span>
      ) : (
        <span className="badge badge--refused">{t('buyers.proposals.declined', decided)}</span>
      )}
      {proposal.waitingToSync ? (
        <span className="badge badge--waiting">{t('buyers.waiting')}</span>
      ) : null}
    </div>
  );
}

/** The rep's latest proposal for this buyer and where it stands. */
export function YourProposal({ proposal }: { proposal: TermsProposal }) {
  const { t, i18n } = useTranslation();
  const whoId = useId();
  return (
    <section className="proposal" aria-labelledby={whoId}>
      <p id={whoId} className="proposal__who">
        {t('buyers.proposals.yours', { date: formatDate(proposal.createdAt, i18n.language) })}
      </p>
      <TermsLine terms={proposal.terms} />
      {proposal.note ? (
        <p className="proposal__note">{t('buyers.proposals.quoted', { text: proposal.note })}</p>
      ) : null}
      <ProposalState proposal={proposal} />
      {proposal.status === 'declined' && proposal.declineReason ? (
        <p className="proposal__reason">
          {t('buyers.proposals.quoted', { text: proposal.declineReason })}
        </p>
      ) : null}
    </section>
  );
}

/**
 * Proposals waiting for this admin's decision, each with Approve and Decline, and what
 * became of the one decided last.
 */
export function PendingProposals({ proposals }: { proposals: readonly TermsProposal[] }) {
  const { t } = useTranslation();
  const problem = useTermsProposalsStore((state) => state.decisionProblem);
  const decided = useTermsProposalsStore((state) => state.decided);
  return (
    <>
      {decided ? (
        <p className="notice notice--info" role="status">
          {decided.status === 'approved'
            ? t('buyers.proposals.approvedHere')
            : t('buyers.proposals.declinedHere', { name: decided.proposedBy.name })}
        </p>
      ) : null}
      {proposals.length > 0 ? (
        <section className="proposals" aria-labelledby="pending-proposals-title">
          <h3 id="pending-proposals-title" className="proposals__title">
            {t('buyers.proposals.pendingTitle', { count: proposals.length })}
          </h3>
          {proposals.map((proposal) => (
            <PendingProposal key={proposal.id} proposal={proposal} />
          ))}
        </section>
      ) : null}
      {problem !== null ? (
        <p className="notice notice--error" role="alert">
          {t('buyers.proposals.decideFailed')} {problem}
        </p>
      ) : null}
    </>
  );
}

function PendingProposal({ proposal }: { proposal: TermsProposal }) {
  const { t, i18n } = useTranslation();
  const deciding = useTermsProposalsStore((state) => state.deciding);
  const decide = useTermsProposalsStore((state) => state.decide);
  const [declining, setDeclining] = useState<string | null>(null);
  const busy = deciding !== null;
  const working = deciding === proposal.id;
  const decline = () => {
    if (declining === null) return;
    void decide(proposal, { decision: 'decline', reason: declining }).then((done) => {
      if (done) setDeclining(null);
    });
  };
  // Enter in the reason declines; it must not send the dialog's terms form.
  const onReasonKey = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key !== 'Enter' || event.nativeEvent.isComposing) return;
    event.preventDefault();
    decline();
  };
  const who = proposal.proposedBy.name;
  const whoId = useId();
  return (
    <article className="proposal" aria-labelledby={whoId}>
      <p id={whoId} className="proposal__who">
        {t('buyers.proposals.proposedBy', {
          name: who,
          date: formatDate(proposal.createdAt, i18n.language),
        })}
      </p>
      <TermsLine terms={proposal.terms} />
      {proposal.note ? (
        <p className="proposal__note">{t('buyers.proposals.quoted', { text: proposal.note })}</p>
      ) : null}
      {proposal.waitingToSync ? (
        <div className="proposal__state">
          <span className="badge badge--waiting">{t('buyers.waiting')}</span>
        </div>
      ) : null}
      {declining === null ? (
        <div className="proposal__actions">
          <DecisionButton
            tone="primary"
            working={working}
            onClick={() => void decide(proposal, { decision: 'approve' })}
          >
            {t('buyers.proposals.approve')}
          </DecisionButton>
          <button
            type="button"
            className="button"
            aria-disabled={busy}
            onClick={() => {
              if (!busy) setDeclining('');
            }}
          >
            {t('buyers.proposals.decline')}
          </button>
        </div>
      ) : (
        <div className="proposal__decline">
          <Field label={t('buyers.proposals.reason', { name: who })}>
            {(control) => (
              <input
                {...control}
                className="field__control"
                value={declining}
                maxLength={MAX_DECLINE_REASON}
                autoFocus
                onChange={(event) => setDeclining(event.target.value)}
                onKeyDown={onReasonKey}
              />
            )}
          </Field>
          <div className="proposal__actions">
            <DecisionButton tone="danger" working={working} onClick={decline}>
              {t('buyers.proposals.confirmDecline')}
            </DecisionButton>
            <button
              type="button"
              className="button button--quiet"
              onClick={() => setDeclining(null)}
            >
              {t('buyers.proposals.back')}
            </button>
          </div>
        </div>
      )}
    </article>
  );
}

/** Approve, or confirm a decline: shows the decision under way, and waits for it. */
function DecisionButton({
  tone,
  working,
  onClick,
  children,
}: {
  tone: 'primary' | 'danger';
  working: boolean;
  onClick: () => void;
  children: ReactNode;
}) {
  const busy = useTermsProposalsStore((state) => state.deciding !== null);
  return (
    <button
      type="button"
      className={`button button--${tone}`}
      aria-disabled={busy}
      onClick={() => {
        if (!busy) onClick();
      }}
    >
      {working ? <span className="spinner" aria-hidden="true" /> : null}
      {children}
    </button>
  );
}
