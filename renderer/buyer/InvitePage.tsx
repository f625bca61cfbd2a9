import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  BUYER_PASSWORD,
  passwordProblem,
  type PasswordProblem,
} from '../../main/domain/buyer-invitations.ts';
import { SELECTIONS_PAGE } from './addresses.ts';
import { acceptInvitation, type InvitationAnswer } from './api.ts';
import { forgetInvitationToken } from './invitation-token.ts';
import { Problem } from './PageStatus.tsx';

/**
 * An invitation link's page: who invited the person to which buyer, and a new password
 * (typed twice) that logs them in. The link works once; a link that does not work says
 * one and the same thing whatever the reason.
 */
export function InvitePage({ token, answer }: { token: string | null; answer: InvitationAnswer }) {
  const { t } = useTranslation();
  const [password, setPassword] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [shown, setShown] = useState<PasswordProblem | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [dead, setDead] = useState(answer.kind === 'dead');
  const [busy, setBusy] = useState(false);

  if (dead || answer.kind === 'dead' || !token) {
    return (
      <section className="checkout" aria-labelledby="invite-title">
        <h1 id="invite-title">{t('invite.deadTitle')}</h1>
        <p role="alert">{t('invite.dead')}</p>
      </section>
    );
  }
  const { invitation } = answer;
  const passwordMessage =
    shown === 'too_short'
      ? t('invite.tooShort', { min: BUYER_PASSWORD.minLength })
      : shown === 'too_long'
        ? t('invite.tooLong', { max: BUYER_PASSWORD.maxLength })
        : null;
  const confirmMessage = shown === 'mismatch' ? t('invite.mismatch') : null;

  return (
    <form
      className="checkout"
      aria-labelledby="invite-title"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        const found = passwordProblem(password, confirmation);
        setShown(found);
        if (found) {
          const invalid = found === 'mismatch' ? 'invite-confirm' : 'invite-password';
          document.getElementById(invalid)?.focus();
          return;
        }
        setBusy(true);
        setProblem(null);
        void acceptInvitation(token, password).then(
          (failure) => {
            setBusy(false);
            if (failure === null) {
              forgetInvitationToken();
              window.location.assign(SELECTIONS_PAGE);
            } else if (failure === 'link_expired') {
              forgetInvitationToken();
              setDead(true);
            } else {
              setProblem(
                failure === 'rate_limited' ? t('account.tooManyTries') : t('invite.failed'),
              );
            }
          },
          () => {
            setBusy(false);
            setProblem(t('unreachable'));
          },
        );
      }}
    >
      <h1 id="invite-title">{t('invite.title')}</h1>
      <p>
        {t('invite.lead', {
          inviter: invitation.invitedBy,
          brand: invitation.brand,
          buyer: invitation.buyer,
        })}
      </p>
      <div className="checkout__field">
        <label htmlFor="invite-email">{t('shared.email')}</label>
        <input
          id="invite-email"
          type="email"
          autoComplete="username"
          value={invitation.email}
          readOnly
        />
      </div>
      <NewPasswordField
        id="invite-password"
        label={t('invite.newPassword')}
        value={password}
        onChange={setPassword}
        problem={passwordMessage}
        hint={t('invite.hint', { min: BUYER_PASSWORD.minLength })}
      />
      <NewPasswordField
        id="invite-confirm"
        label={t('invite.confirm')}
        value={confirmation}
        onChange={setConfirmation}
        problem={confirmMessage}
      />
      {problem ? <Problem message={problem} /> : null}
      <div className="checkout__actions">
        <button type="submit" className="button button--primary" disabled={busy}>
          {t('invite.submit')}
        </button>
      </div>
    </form>
  );
}

/** A new password's field, its problem (or its hint) said at the field. */
function NewPasswordField({
  id,
  label,
  value,
  onChange,
  problem,
  hint,
}: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  problem: string | null;
  hint?: string;
}) {
  const said = problem ? `${id}-problem` : hint ? `${id}-hint` : undefined;
  return (
    <div className="checkout__field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="password"
        autoComplete="new-password"
        required
        maxLength={BUYER_PASSWORD.maxLength}
        aria-invalid={problem ? true : undefined}
        aria-describedby={said}
        value={value}
        onChange={(event) => onChange(event.target.value)}
      />
      {problem ? (
        <p id={said} className="checkout__problem">
          {problem}
        </p>
      ) : hint ? (
        <p id={said} className="checkout__hint">
          {hint}
        </p>
      ) : null}
    </div>
  );
}
