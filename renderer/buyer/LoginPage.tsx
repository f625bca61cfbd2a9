import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { accountSelectionId, SELECTIONS_PAGE } from './addresses.ts';
import type { DemoBuyerAccount } from '../../preload/contract/buyer-api/index.ts';
import { buyerSignIn } from './api.ts';
import { Problem } from './PageStatus.tsx';

/** Where to go after logging in: only a page of these buyer pages, never elsewhere. */
function nextPage(): string {
  const next = new URLSearchParams(window.location.search).get('next') ?? '';
  return accountSelectionId(next) ? next : SELECTIONS_PAGE;
}

/** The buyer login: email and password; the brand creates buyer accounts. */
export function LoginPage({ demoAccounts }: { demoAccounts: DemoBuyerAccount[] | null }) {
  const { t } = useTranslation();
  const refusalText = (code: string) =>
    code === 'unauthorized'
      ? t('account.wrongPassword')
      : code === 'rate_limited'
        ? t('account.tooManyTries')
        : t('account.logInFailed');
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
            else setProblem(refusalText(failure));
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
        accounts={demoAccounts}
        onUse={(account) => {
          setEmail(account.email);
          setPassword(account.password);
        }}
      />
    </form>
  );
}

/** On the demo brand's hub only: its buyer logins, one tap to fill the form. */
function DemoBuyers({
  accounts,
  onUse,
}: {
  accounts: DemoBuyerAccount[] | null;
  onUse: (account: DemoBuyerAccount) => void;
}) {
  const { t } = useTranslation();
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
