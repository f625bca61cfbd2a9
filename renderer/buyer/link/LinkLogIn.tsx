import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  LINK_LOG_IN_METHODS,
  type LinkLogInMethod,
} from '../../../main/domain/customer-order-links.ts';
import type { CustomerLinkView } from '../../../preload/contract/buyer-api/index.ts';
import { Problem } from '../PageStatus.tsx';
import { LinkContacts } from './LinkContacts.tsx';
import { chooseLinkBuyer, logInToLink, passLinkPasscode, type StepAnswer } from './link-api.ts';

type Contacts = Extract<CustomerLinkView, { screen: 'logIn' }>['contacts'];

/** A refusal of a step in the visitor's words: a wrong secret says only that it was wrong. */
function useRefusalText() {
  const { t } = useTranslation();
  return (code: Extract<StepAnswer, { ok: false }>['code']) => {
    switch (code) {
      case 'wrong_credentials':
        return t('link.wrong');
      case 'rate_limited':
        return t('account.tooManyTries');
      case 'account_locked':
      case 'credential_locked':
        return t('link.locked');
      case 'link_expired':
        return t('link.gone');
      default:
        return t('account.logInFailed');
    }
  };
}

/** Sends a step and hands its next screen on, or says why not; busy meanwhile. */
function useStep(onNext: (view: CustomerLinkView) => void) {
  const { t } = useTranslation();
  const refusalText = useRefusalText();
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const send = (asked: Promise<StepAnswer>) => {
    setBusy(true);
    setProblem(null);
    asked.then(
      (answer) => {
        setBusy(false);
        if (answer.ok) onNext(answer.view);
        else setProblem(refusalText(answer.code));
      },
      () => {
        setBusy(false);
        setProblem(t('unreachable'));
      },
    );
  };
  return { problem, busy, send };
}

export function PasscodeForm({
  token,
  titleId,
  onPassed,
}: {
  token: string;
  titleId: string;
  onPassed: (view: CustomerLinkView) => void;
}) {
  const { t } = useTranslation();
  const [passcode, setPasscode] = useState('');
  const { problem, busy, send } = useStep(onPassed);
  return (
    <form
      className="checkout link-form"
      onSubmit={(event) => {
        event.preventDefault();
        send(passLinkPasscode(token, passcode));
      }}
    >
      <h1 id={titleId}>{t('link.passcodeTitle')}</h1>
      <p>{t('link.passcodeLead')}</p>
      <label className="checkout__field">
        <span>{t('link.passcode')}</span>
        <input
          type="password"
          required
          autoComplete="off"
          value={passcode}
          onChange={(event) => setPasscode(event.target.value)}
        />
      </label>
      {problem ? <Problem message={problem} /> : null}
      <div className="checkout__actions">
        <button type="submit" className="button button--primary" disabled={busy}>
          {t('link.enter')}
        </button>
      </div>
    </form>
  );
}

const METHOD_LABEL_KEYS = {
  userAccount: 'link.methodUserAccount',
  offlineBuyer: 'link.methodOfflineBuyer',
  brandCredentials: 'link.methodBrandCredentials',
} as const satisfies Record<LinkLogInMethod, string>;

/**
 * The three ways in, as tabs: "Login with User Account", "Login with Offline Buyer",
 * "Login with Brand-Specific Credentials". The first two take an email and password; the
 * last the buyer's unique code and passcode.
 */
export function LogInForm({
  token,
  contacts,
  onLoggedIn,
}: {
  token: string;
  contacts: Contacts;
  onLoggedIn: (view: CustomerLinkView) => void;
}) {
  const { t } = useTranslation();
  const ids = useId();
  const [method, setMethod] = useState<LinkLogInMethod>('userAccount');
  const [identifier, setIdentifier] = useState('');
  const [secret, setSecret] = useState('');
  const { problem, busy, send } = useStep(onLoggedIn);
  const byCode = method === 'brandCredentials';
  const choose = (chosen: LinkLogInMethod) => {
    setMethod(chosen);
    setSecret('');
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    send(logInToLink({ token, method, identifier, secret }));
  };
  return (
    <section className="link-login" aria-labelledby={`${ids}-title`}>
      <h1 id={`${ids}-title`}>{t('link.logInTitle')}</h1>
      <div className="link-tabs" role="tablist" aria-label={t('link.logInMethods')}>
        {LINK_LOG_IN_METHODS.map((each, index) => (
          <button
            key={each}
            id={`${ids}-tab-${each}`}
            type="button"
            role="tab"
            className="link-tabs__tab"
            aria-selected={each === method}
            aria-controls={`${ids}-panel`}
            tabIndex={each === method ? 0 : -1}
            onClick={() => choose(each)}
            onKeyDown={(event) => {
              const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
              if (step === 0) return;
              const chosen =
                LINK_LOG_IN_METHODS[
                  (index + step + LINK_LOG_IN_METHODS.length) % LINK_LOG_IN_METHODS.length
                ]!;
              choose(chosen);
              document.getElementById(`${ids}-tab-${chosen}`)?.focus();
            }}
          >
            {t(METHOD_LABEL_KEYS[each])}
          </button>
        ))}
      </div>
      <form
        id={`${ids}-panel`}
        role="tabpanel"
        aria-labelledby={`${ids}-tab-${method}`}
        className="checkout link-form"
        onSubmit={submit}
      >
        <p>{t(`link.methodLead_${method}`)}</p>
        <label className="checkout__field">
          <span>{byCode ? t('link.uniqueCode') : t('shared.email')}</span>
          <input
            type={byCode ? 'text' : 'email'}
            required
            autoComplete={byCode ? 'off' : 'username'}
            autoCapitalize={byCode ? 'characters' : 'none'}
            value={identifier}
            onChange={(event) => setIdentifier(event.target.value)}
          />
        </label>
        <label className="checkout__field">
          <span>{byCode ? t('link.passcode') : t('account.password')}</span>
          <input
            type="password"
            required
            autoComplete={byCode ? 'off' : 'current-password'}
            value={secret}
            onChange={(event) => setSecret(event.target.value)}
          />
        </label>
        {problem ? <Problem message={problem} /> : null}
        <div className="checkout__actions">
          <button type="submit" className="button button--primary" disabled={busy}>
            {t('shared.logIn')}
          </button>
        </div>
      </form>
      <LinkContacts contacts={contacts} />
    </section>
  );
}

/** "The user selects a buyer from the buyer organizations they belong to." */
export function ChooseBuyer({
  token,
  person,
  buyers,
  onChosen,
}: {
  token: string;
  person: string;
  buyers: { id: string; name: string }[];
  onChosen: (view: CustomerLinkView) => void;
}) {
  const { t } = useTranslation();
  const { problem, busy, send } = useStep(onChosen);
  return (
    <section className="checkout link-form" aria-labelledby="choose-buyer-title">
      <h1 id="choose-buyer-title">{t('link.chooseBuyerTitle')}</h1>
      <p>{t('link.chooseBuyerLead', { person })}</p>
      <ul className="link-buyers">
        {buyers.map((buyer) => (
          <li key={buyer.id}>
            <button
              type="button"
              className="button"
              disabled={busy}
              onClick={() => send(chooseLinkBuyer(token, buyer.id))}
            >
              {buyer.name}
            </button>
          </li>
        ))}
      </ul>
      {problem ? <Problem message={problem} /> : null}
    </section>
  );
}
