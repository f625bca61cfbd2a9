import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSetupStore } from '../state/setup.ts';
import { useSignInStore } from '../state/signIn.ts';
import { Field } from '../../ui/Field.tsx';
import './Auth.css';

const FIELD_PATHS = ['brandName', 'adminName', 'email', 'password'];

/** The first start of a new built-in hub: name the brand and its first admin, or try the demo. */
export function SetupScreen() {
  const { t } = useTranslation();
  const { draft, busy, problem, change, submit, exploreDemo } = useSetupStore();
  const chooseHub = useSignInStore((state) => state.chooseHub);
  const fields = problem?.fields ?? {};
  const fieldShown = FIELD_PATHS.some((path) => fields[path] !== undefined);
  const alert = problem && !(problem.code === 'invalid_input' && fieldShown) ? problem : null;

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void submit();
  };

  return (
    <main className="auth">
      <div className="auth__layout">
        <section className="auth__card" aria-labelledby="setup-title" aria-busy={busy !== null}>
          <p className="auth__app">{t('appName')}</p>
          <h1 id="setup-title" className="auth__title">
            {t('setup.title')}
          </h1>
          <p className="auth__lead">{t('setup.lead')}</p>

          <form className="auth__form" onSubmit={onSubmit} noValidate>
            <Field label={t('setup.brandName')} error={fields.brandName}>
              {(control) => (
                <input
                  {...control}
                  className="field__control"
                  autoComplete="organization"
                  value={draft.brandName}
                  onChange={(event) => change({ brandName: event.target.value })}
                  autoFocus
                />
              )}
            </Field>
            <Field label={t('setup.adminName')} error={fields.adminName}>
              {(control) => (
                <input
                  {...control}
                  className="field__control"
                  autoComplete="name"
                  value={draft.adminName}
                  onChange={(event) => change({ adminName: event.target.value })}
                />
              )}
            </Field>
            <Field label={t('setup.email')} error={fields.email}>
              {(control) => (
                <input
                  {...control}
                  className="field__control"
                  type="email"
                  autoComplete="username"
                  spellCheck={false}
                  value={draft.email}
                  onChange={(event) => change({ email: event.target.value })}
                />
              )}
            </Field>
            <Field
              label={t('setup.password')}
              hint={t('setup.passwordHint')}
              error={fields.password}
            >
              {(control) => (
                <input
                  {...control}
                  className="field__control"
                  type="password"
                  autoComplete="new-password"
                  value={draft.password}
                  onChange={(event) => change({ password: event.target.value })}
                />
              )}
            </Field>

            {alert ? (
              <p className="notice notice--error" role="alert">
                {alert.message || t('unexpected')}
              </p>
            ) : null}

            <button
              type="submit"
              className="button button--primary button--large auth__submit"
              aria-disabled={busy !== null}
            >
              {busy === 'setup' ? <span className="spinner" aria-hidden="true" /> : null}
              {t('setup.submit')}
            </button>
          </form>

          <p className="auth__or">
            <span>{t('setup.or')}</span>
          </p>

          <div className="auth__alternative">
            <p className="auth__lead">{t('setup.demoLead')}</p>
            <button
              type="button"
              className="button button--quiet button--large auth__submit"
              aria-disabled={busy !== null}
              onClick={() => void exploreDemo()}
            >
              {busy === 'demo' ? <span className="spinner" aria-hidden="true" /> : null}
              {t('setup.demo')}
            </button>
            <p className="auth__note" role="status">
              {busy === 'demo' ? t('setup.demoProgress') : ''}
            </p>
            <button
              type="button"
              className="auth__link"
              disabled={busy !== null}
              onClick={() => chooseHub('remote')}
            >
              {t('setup.otherHub')}
            </button>
          </div>
        </section>
      </div>
    </main>
  );
}
