import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BuyerSelectionList } from '../../preload/contract/index.ts';
import {
  accountSelection,
  accountSelections,
  buyerSignIn,
  buyerSignOut,
  demoBuyerAccounts,
  type AccountSelection,
  type DemoBuyerAccount,
} from './api.ts';
import { Selection } from './SharedSelectionPage.tsx';
import { Loading, Problem } from './PageStatus.tsx';

/** Where to go after logging in: only a page of these buyer pages, never elsewhere. */
function nextPage(): string {
  const next = new URLSearchParams(window.location.search).get('next') ?? '';
  return /^\/selections\/[\w-]+$/.test(next) ? next : SELECTIONS_PAGE;
}

export const SELECTIONS_PAGE = '/selections';

const toLogin = () =>
  window.location.assign(`/login?next=${encodeURIComponent(window.location.pathname)}`);

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
              () => window.location.assign('/login'),
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

/** The buyer login: email and password; the brand creates buyer accounts. */
export function LoginPage() {
  const { t } = useTranslation();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <form
      className="checkout"
      aria-labelledby="login-title"
      onSubmit={(event) => {
        event.preventDefault();
        setBusy(true);
        void buyerSignIn(email, password).then(
          (failure) => {
            setBusy(false);
            if (failure === null) window.location.assign(nextPage());
            else setProblem(failure);
          },
          () => {
            setBusy(false);
            setProblem(t('unreachable'));
          },
        );
      }}
    >
      <h1 id="login-title">{t('account.title')}</h1>
      <label className="checkout__field">
        <span>{t('shared.email')}</span>
        <input
          type="email"
          required
          autoComplete="username"
          value={email}
          onChange={(event) => setEmail(event.target.value)}
        />
      </label>
      <label className="checkout__field">
        <span>{t('account.password')}</span>
        <input
          type="password"
          required
          autoComplete="current-password"
          value={password}
          onChange={(event) => setPassword(event.target.value)}
        />
      </label>
      {problem ? <Problem message={problem} /> : null}
      <div className="checkout__actions">
        <button type="submit" className="button button--primary" disabled={busy}>
          {t('shared.logIn')}
        </button>
      </div>
      <p>{t('account.help')}</p>
      <DemoBuyers
        onUse={(account) => {
          setEmail(account.email);
          setPassword(account.password);
        }}
      />
    </form>
  );
}

/** On the demo brand's hub only: its buyer logins, one tap to fill the form. */
function DemoBuyers({ onUse }: { onUse: (account: DemoBuyerAccount) => void }) {
  const { t } = useTranslation();
  const [accounts, setAccounts] = useState<DemoBuyerAccount[] | null>(null);
  useEffect(() => {
    const controller = new AbortController();
    demoBuyerAccounts(controller.signal).then(setAccounts, () => undefined);
    return () => controller.abort();
  }, []);
  if (!accounts?.length) return null;
  return (
    <section className="demo-buyers" aria-labelledby="demo-buyers-title">
      <h2 id="demo-buyers-title">{t('account.demoTitle')}</h2>
      <p>{t('account.demoLead', { password: accounts[0]!.password })}</p>
      <ul>
        {accounts.map((account) => (
          <li key={account.email}>
            <button type="button" className="button" onClick={() => onUse(account)}>
              {t('account.demoUse', { name: account.name, store: account.store })}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** A selection at its ordinary address, for a logged-in buyer with access. */
export function AccountSelectionPage({ id }: { id: string }) {
  const [state, setState] = useState<AccountSelection | { kind: 'loading' } | { kind: 'failed' }>({
    kind: 'loading',
  });
  useEffect(() => {
    const controller = new AbortController();
    accountSelection(id, controller.signal).then(
      (answer) => {
        if (answer.kind === 'login') toLogin();
        else setState(answer);
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
        <Selection selection={state.selection} token={null} />
      </>
    );
  }
  if (state.kind === 'missing') {
    return (
      <>
        <AccountBar person={null} atList={false} />
        <Problem message={state.message} />
      </>
    );
  }
  if (state.kind === 'failed') {
    return <Problem />;
  }
  return <Loading />;
}
