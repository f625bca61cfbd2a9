import { useEffect, useRef, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { DemoAccount, Session } from '../../../preload/contract/index.ts';
import { useSignInStore, type HubKind } from '../state/signIn.ts';
import { ChoiceGroup, Field } from '../../ui/Field.tsx';
import { SetupScreen } from './SetupScreen.tsx';
import { Splash } from './Splash.tsx';
import './Auth.css';

/** Paths of the sign-in input that have a field of their own. */
const FIELD_PATHS = ['hub', 'hub.url', 'email', 'password'];

/**
 * Which hub, then email and password. The hub introduces itself first: its brand names
 * the form, a demo hub lists its accounts, and a new built-in hub asks to be set up.
 */
export function SignInScreen({ session }: { session: Extract<Session, { state: 'signed_out' }> }) {
  const { t } = useTranslation();
  const store = useSignInStore();
  const submit = useRef<HTMLButtonElement>(null);
  const { prepare, intro, hubKind, problem, signingIn } = store;

  useEffect(() => {
    prepare(session);
  }, [prepare, session]);

  const introduction = intro.status === 'ready' ? intro.intro : null;
  // The built-in hub's first answer decides between this form and setting it up: wait for
  // it rather than flash the form. (Another hub may be slow to answer: the form shows.)
  const waiting = store.preparedFrom !== session || !store.settled;
  if (waiting && session.hub.kind === 'embedded') return <Splash />;
  if (introduction?.setupNeeded && hubKind === 'embedded') return <SetupScreen />;

  const fields = problem?.fields ?? {};
  const introFields = intro.status === 'failed' ? intro.problem.fields : {};
  const addressError =
    fields['hub.url'] ?? fields.hub ?? introFields['hub.url'] ?? introFields.hub ?? undefined;
  const fieldShown = FIELD_PATHS.some((path) => fields[path] !== undefined);
  const alert = problem && !(problem.code === 'invalid_input' && fieldShown) ? problem : null;
  const demoAccounts = introduction?.demoAccounts ?? null;

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void store.signIn();
  };

  const pickAccount = (account: DemoAccount) => {
    store.fillDemoAccount(account);
    submit.current?.focus();
  };

  return (
    <main className="auth">
      <div className={`auth__layout${demoAccounts ? ' auth__layout--demo' : ''}`}>
        <section className="auth__card" aria-labelledby="sign-in-title">
          <p className="auth__app">{t('appName')}</p>
          <h1 id="sign-in-title" className="auth__title">
            {introduction?.brand
              ? t('signIn.titleBrand', { brand: introduction.brand })
              : t('signIn.title')}
          </h1>
          <p className="auth__lead">{t('signIn.lead')}</p>

          {session.reason ? (
            <div className="notice notice--warning auth__reason" role="alert">
              <strong>{t('signIn.signedOut')}</strong> {t('signIn.revoked')}
            </div>
          ) : null}

          <form className="auth__form" onSubmit={onSubmit} noValidate>
            <ChoiceGroup<HubKind>
              legend={t('signIn.hub')}
              name="hub"
              value={hubKind}
              onChange={store.chooseHub}
              options={[
                { value: 'embedded', label: t('signIn.hubEmbedded') },
                { value: 'remote', label: t('signIn.hubRemote') },
              ]}
            />
            {hubKind === 'remote' ? (
              <Field
                label={t('signIn.address')}
                hint={t('signIn.addressHint')}
                error={addressError}
              >
                {(control) => (
                  <input
                    {...control}
                    className="field__control"
                    type="url"
                    inputMode="url"
                    autoComplete="url"
                    spellCheck={false}
                    placeholder="https://"
                    value={store.url}
                    onChange={(event) => store.setUrl(event.target.value)}
                    onBlur={store.commitUrl}
                    onKeyDown={(event) => {
                      if (event.key === 'Enter' && !event.nativeEvent.isComposing) {
                        event.preventDefault();
                        store.commitUrl();
                      }
                    }}
                  />
                )}
              </Field>
            ) : null}

            <HubNotes />

            <Field label={t('signIn.email')} error={fields.email}>
              {(control) => (
                <input
                  {...control}
                  className="field__control"
                  type="email"
                  autoComplete="username"
                  spellCheck={false}
                  value={store.email}
                  onChange={(event) => store.setEmail(event.target.value)}
                />
              )}
            </Field>
            <Field label={t('signIn.password')} error={fields.password}>
              {(control) => (
                <input
                  {...control}
                  className="field__control"
                  type="password"
                  autoComplete="current-password"
                  value={store.password}
                  onChange={(event) => store.setPassword(event.target.value)}
                />
              )}
            </Field>

            {alert ? (
              <p className="notice notice--error" role="alert">
                {alert.message || t('unexpected')}
              </p>
            ) : null}

            <button
              ref={submit}
              type="submit"
              className="button button--primary button--large auth__submit"
              aria-disabled={signingIn}
            >
              {signingIn ? <span className="spinner" aria-hidden="true" /> : null}
              {t('signIn.submit')}
            </button>
            <p className="visually-hidden" role="status">
              {signingIn ? t('signIn.submitting') : ''}
            </p>
          </form>
        </section>

        {demoAccounts ? (
          <aside className="auth__card auth__demo" aria-labelledby="demo-accounts-title">
            <h2 id="demo-accounts-title" className="auth__subtitle">
              {t('signIn.demo.title')}
            </h2>
            <p className="auth__lead">{t('signIn.demo.lead')}</p>
            <ul className="demo-accounts">
              {demoAccounts.map((account) => (
                <li key={account.email} className="demo-account">
                  <div className="demo-account__who">
                    <span className="demo-account__name">{account.name}</span>
                    <span className="tag">{t(`role.${account.role}`)}</span>
                  </div>
                  <dl className="demo-account__login">
                    <dt>{t('signIn.demo.email')}</dt>
                    <dd>{account.email}</dd>
                    <dt>{t('signIn.demo.password')}</dt>
                    <dd>
                      <code>{account.password}</code>
                    </dd>
                  </dl>
                  <button
                    type="button"
                    className="button button--quiet demo-account__use"
                    aria-label={t('signIn.demo.useLabel', { name: account.name })}
                    onClick={() => pickAccount(account)}
                  >
                    {t('signIn.demo.use')}
                  </button>
                </li>
              ))}
            </ul>
          </aside>
        ) : null}
      </div>
    </main>
  );
}

/** What the chosen hub said, or that it is being asked. */
function HubNotes() {
  const { t } = useTranslation();
  const intro = useSignInStore((state) => state.intro);
  const hubKind = useSignInStore((state) => state.hubKind);
  const retry = useSignInStore((state) => state.introduce);

  if (intro.status === 'loading') {
    return (
      <p className="auth__note" role="status">
        <span className="spinner" aria-hidden="true" />
        {t('signIn.contacting')}
      </p>
    );
  }
  if (intro.status === 'failed') {
    const fieldOnly =
      intro.problem.code === 'invalid_input' &&
      (intro.problem.fields['hub.url'] !== undefined || intro.problem.fields.hub !== undefined);
    if (fieldOnly) return null;
    return (
      <div className="notice notice--error auth__hub-problem" role="alert">
        <span>{intro.problem.message || t('unexpected')}</span>
        <button type="button" className="button button--quiet" onClick={retry}>
          {t('tryAgain')}
        </button>
      </div>
    );
  }
  if (intro.status === 'ready' && intro.intro.setupNeeded && hubKind === 'remote') {
    return (
      <p className="notice notice--warning" role="status">
        {t('signIn.notSetUp')}
      </p>
    );
  }
  return null;
}
