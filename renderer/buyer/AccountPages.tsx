import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BuyerSelectionList } from '../../preload/contract/index.ts';
import { LOGIN_PAGE, SELECTIONS_PAGE } from './addresses.ts';
import { accountSelection, accountSelections, buyerSignOut, type AccountSelection } from './api.ts';
import { speakTermsLanguage } from './i18n.ts';
import { Loading, Problem } from './PageStatus.tsx';
import { SelectionSheet } from './SelectionSheet.tsx';

const toLogin = () =>
  window.location.assign(`${LOGIN_PAGE}?next=${encodeURIComponent(window.location.pathname)}`);

/** Above every page of a logged-in buyer: back to their selections, and Log out. */
function AccountBar({ person, atList }: { person: string | null; atList: boolean }) {
  const { t } = useTranslation();
  const [problem, setProblem] = useState<string | null>(null);
  return (
    <div className="account-bar">
      <p>{person ? t('account.loggedInAs', { person }) : null}</p>
      <div className="account-bar__actions">
        {atList ? null : (
          <a className="button" href={SELECTIONS_PAGE}>
            {t('account.yourSelections')}
          </a>
        )}
        <button
          type="button"
          className="button"
          onClick={() =>
            void buyerSignOut().then(
              () => window.location.assign(LOGIN_PAGE),
              () => setProblem(t('unreachable')),
            )
          }
        >
          {t('account.logOut')}
        </button>
      </div>
      {problem ? <Problem message={problem} /> : null}
    </div>
  );
}

/** The selections of the buyer's stores, newest first: where a login leads. */
export function AccountSelectionsPage() {
  const { t, i18n } = useTranslation();
  const [state, setState] = useState<
    { kind: 'loading' } | { kind: 'failed' } | { kind: 'open'; list: BuyerSelectionList }
  >({ kind: 'loading' });
  useEffect(() => {
    const controller = new AbortController();
    accountSelections(controller.signal).then(
      (answer) => (answer.kind === 'login' ? toLogin() : setState(answer)),
      () => {
        if (!controller.signal.aborted) setState({ kind: 'failed' });
      },
    );
    return () => controller.abort();
  }, []);
  if (state.kind === 'loading') {
    return <Loading />;
  }
  if (state.kind === 'failed') {
    return <Problem />;
  }
  const { person, selections } = state.list;
  const date = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium' });
  return (
    <article aria-labelledby="selections-title">
      <AccountBar person={person} atList />
      <h1 id="selections-title" className="landing__title">
        {t('account.selectionsTitle')}
      </h1>
      {selections.length === 0 ? (
        <p className="landing__lead">{t('account.noSelections')}</p>
      ) : (
        <ul className="account-list">
          {selections.map((selection) => (
            <li key={selection.id}>
              <a href={`${SELECTIONS_PAGE}/${selection.id}`}>
                <span className="account-list__name">{selection.name}</span>
                <span className="account-list__meta">
                  {t('account.selectionMeta', {
                    buyer: selection.buyer,
                    units: t('shared.units', { count: selection.units }),
                    date: date.format(new Date(selection.updatedAt)),
                  })}
                </span>
              </a>
            </li>
          ))}
        </ul>
      )}
    </article>
  );
}

/** A selection at its ordinary address, for a logged-in buyer with access. */
export function AccountSelectionPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const [state, setState] = useState<AccountSelection | { kind: 'loading' } | { kind: 'failed' }>({
    kind: 'loading',
  });
  useEffect(() => {
    const controller = new AbortController();
    accountSelection(id, controller.signal).then(
      (answer) => {
        if (answer.kind === 'login') return toLogin();
        if (answer.kind === 'open') speakTermsLanguage(answer.selection.language);
        setState(answer);
      },
      () => {
        if (!controller.signal.aborted) setState({ kind: 'failed' });
      },
    );
    return () => controller.abort();
  }, [id]);
  if (state.kind === 'open') {
    return (
      <>
        <AccountBar person={null} atList={false} />
        <SelectionSheet selection={state.selection} token={null} />
      </>
    );
  }
  if (state.kind === 'missing') {
    return (
      <>
        <AccountBar person={null} atList={false} />
        <Problem message={t('account.notShared')} />
      </>
    );
  }
  if (state.kind === 'failed') {
    return <Problem />;
  }
  return <Loading />;
}
