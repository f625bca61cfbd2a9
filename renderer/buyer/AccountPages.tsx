import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { accountSelection, buyerSignIn, type AccountSelection } from './api.ts';
import { Selection } from './SharedSelectionPage.tsx';

/** Where to go after logging in: only a page of these buyer pages, never elsewhere. */
function nextPage(): string {
  const next = new URLSearchParams(window.location.search).get('next') ?? '/';
  return /^\/selections\/[\w-]+$/.test(next) ? next : '/';
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
      {problem ? (
        <p className="notice notice--error" role="alert">
          {problem}
        </p>
      ) : null}
      <div className="checkout__actions">
        <button type="submit" className="button button--primary" disabled={busy}>
          {t('shared.logIn')}
        </button>
      </div>
      <p>{t('account.help')}</p>
    </form>
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
        if (answer.kind === 'login') {
          window.location.assign(`/login?next=${encodeURIComponent(window.location.pathname)}`);
          return;
        }
        setState(answer);
      },
      () => {
        if (!controller.signal.aborted) setState({ kind: 'failed' });
      },
    );
    return () => controller.abort();
  }, [id]);
  if (state.kind === 'open') return <Selection selection={state.selection} token={null} />;
  if (state.kind === 'missing') {
    return (
      <p className="notice notice--error" role="alert">
        {state.message}
      </p>
    );
  }
  if (state.kind === 'failed') {
    return (
      <p className="notice notice--error" role="alert">
        {t('unreachable')}
      </p>
    );
  }
  return (
    <p className="status" role="status">
      {t('loading')}
    </p>
  );
}
