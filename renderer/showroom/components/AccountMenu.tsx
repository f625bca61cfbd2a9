import { useCallback, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SignedInUser } from '../../../preload/contract/index.ts';
import { useDismiss } from '../hooks/useDismiss.ts';
import { useSessionStore } from '../state/session.ts';
import { Dialog } from './Dialog.tsx';
import './AccountMenu.css';

function initials(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const letters = words.length > 1 ? [words[0], words[words.length - 1]] : words;
  return letters
    .map((word) => Array.from(word ?? '')[0] ?? '')
    .join('')
    .toUpperCase();
}

/** Who is signed in, to which hub, and the way out. */
export function AccountMenu({ user }: { user: SignedInUser }) {
  const { t } = useTranslation();
  const state = useSessionStore((store) => store.state);
  const signOut = useSessionStore((store) => store.signOut);
  const signOutNow = useSessionStore((store) => store.signOutNow);
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const panel = useRef<HTMLDivElement>(null);
  const panelId = useId();
  const titleId = useId();
  const close = useCallback(() => setOpen(false), []);
  useDismiss(open, panel, button, close);
  const session =
    state.status === 'ready' && state.session.state === 'signed_in' ? state.session : null;
  const signingOut = signOut.status === 'signing_out' && !signOut.discarding;

  return (
    <div className="account">
      <button
        ref={button}
        type="button"
        className="account__button"
        aria-expanded={open}
        aria-controls={open ? panelId : undefined}
        aria-haspopup="dialog"
        onClick={() => setOpen((was) => !was)}
      >
        <span className="account__avatar" aria-hidden="true">
          {initials(user.name)}
        </span>
        <span className="account__who">
          <span className="account__name">{user.name}</span>
          <span className="account__role">{t(`role.${user.role}`)}</span>
        </span>
        <svg className="account__chevron" viewBox="0 0 12 12" aria-hidden="true" focusable="false">
          <path d="m3 4.5 3 3 3-3" />
        </svg>
      </button>
      {open ? (
        <div
          id={panelId}
          ref={panel}
          className="account__panel"
          role="dialog"
          aria-labelledby={titleId}
        >
          <h2 id={titleId} className="visually-hidden">
            {t('account.title')}
          </h2>
          <div className="account__card">
            <p className="account__panel-name">{user.name}</p>
            <p className="account__panel-email">{user.email}</p>
            <span className="tag">{t(`role.${user.role}`)}</span>
          </div>
          {session ? (
            <dl className="account__hub">
              <dt>{t('account.hub')}</dt>
              <dd>
                {session.hub.kind === 'embedded' ? (
                  <span className="account__hub-kind">{t('account.embeddedHub')}</span>
                ) : null}
                <span className="account__hub-url">{session.hubUrl}</span>
              </dd>
            </dl>
          ) : null}
          {signOut.status === 'failed' ? (
            <p className="notice notice--error account__problem" role="alert">
              {t('account.signOutFailed')} {signOut.message}
            </p>
          ) : null}
          <button
            type="button"
            className="button button--quiet account__sign-out"
            aria-disabled={signingOut}
            // The panel opens with focus on its only control, so Escape and Tab work at once.
            autoFocus
            onClick={() => {
              if (!signingOut) void signOutNow(false);
            }}
          >
            {signingOut ? <span className="spinner" aria-hidden="true" /> : null}
            {t('account.signOut')}
          </button>
        </div>
      ) : null}
    </div>
  );
}

/** Signing out while changes wait to sync: keep working, or lose them knowingly. */
export function SignOutDialog() {
  const { t } = useTranslation();
  const signOut = useSessionStore((store) => store.signOut);
  const signOutNow = useSessionStore((store) => store.signOutNow);
  const keepWorking = useSessionStore((store) => store.keepWorking);
  const discarding = signOut.status === 'signing_out' && signOut.discarding;
  const open = signOut.status === 'confirm' || discarding;
  const message = signOut.status === 'confirm' ? signOut.message : '';

  return (
    <Dialog
      open={open}
      size="small"
      title={t('account.confirmTitle')}
      busy={discarding}
      onClose={() => {
        if (!discarding) keepWorking();
      }}
      lead={
        <>
          {message ? <p>{message}</p> : null}
          <p>{t('account.confirmLead')}</p>
        </>
      }
      actions={
        <>
          <button
            type="button"
            className="button button--quiet"
            data-autofocus
            onClick={() => {
              if (!discarding) keepWorking();
            }}
          >
            {t('account.keepWorking')}
          </button>
          <button
            type="button"
            className="button button--danger"
            aria-disabled={discarding}
            onClick={() => {
              if (!discarding) void signOutNow(true);
            }}
          >
            {discarding ? <span className="spinner" aria-hidden="true" /> : null}
            {t('account.discard')}
          </button>
        </>
      }
    />
  );
}
