import { useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  brandCodeProblems,
  BUYER_CODE,
  offlineLogInProblems,
  OFFLINE_LOG_IN_PASSWORD,
  PASSCODE,
  type CredentialProblem,
} from '../../../main/domain/buyer-credentials.ts';
import type { BuyerCredentials } from '../../../preload/contract/index.ts';
import { errorMessage, trunkshow } from '../api.ts';
import { useOperation } from '../hooks/useOperation.ts';
import { Field } from '../../ui/Field.tsx';
import { ConfirmDialog } from './Dialog.tsx';
import './BuyerSignIn.css';
import { InlineEditorActions } from './InlineEditorActions.tsx';

/**
 * The "Customer order link sign-in" section of a buyer's dialog: for an offline buyer,
 * the email and password the brand sets for "Login with Offline Buyer"; for every buyer,
 * the unique code and passcode for "Login with Brand-Specific Credentials". Kept by the
 * hub alone, so it needs the hub and says so. A password or passcode is typed in a
 * password field and never shown back; left empty when changing, it stays as it is.
 * Like People, it sits inside the dialog's form: plain buttons, Enter saves the editor.
 */
export function BuyerSignIn({ buyerId }: { buyerId: string }) {
  const { t } = useTranslation();
  const state = useOperation('buyerCredentials.get', { buyerId });
  const [notice, setNotice] = useState<string | null>(null);
  const data = state.data;
  const changed = (answer: BuyerCredentials, message: string) => {
    state.setData(answer);
    setNotice(message);
  };
  return (
    <section className="addresses" aria-labelledby="sign-in-title">
      <h3 id="sign-in-title" className="buyer-form__section-title">
        {t('buyers.signIn.title')}
      </h3>
      <p className="buyer-form__note">{t('buyers.signIn.lead')}</p>
      {state.problem ? (
        <p className="notice notice--error" role="alert">
          {state.problem}
        </p>
      ) : null}
      {notice ? (
        <p className="notice notice--success" role="status">
          {notice}
        </p>
      ) : null}
      {data?.offlineBuyer ? (
        <CredentialCard
          kind="offline"
          buyerId={buyerId}
          set={data.offlineLogIn && { ...data.offlineLogIn, identifier: data.offlineLogIn.email }}
          onChanged={changed}
          onStart={() => setNotice(null)}
        />
      ) : null}
      {data ? (
        <CredentialCard
          kind="code"
          buyerId={buyerId}
          set={data.brandCode && { ...data.brandCode, identifier: data.brandCode.code }}
          onChanged={changed}
          onStart={() => setNotice(null)}
        />
      ) : null}
    </section>
  );
}

type Kind = 'offline' | 'code';

/** What differs between the two kinds: the rule, the fields and the operations. */
const KINDS = {
  offline: {
    identifierType: 'email',
    minSecret: OFFLINE_LOG_IN_PASSWORD.minLength,
    problems: (identifier: string, secret: string, secretSet: boolean) =>
      offlineLogInProblems({
        buyerKind: 'offline',
        email: identifier,
        password: secret,
        passwordSet: secretSet,
      }),
    save: (buyerId: string, identifier: string, secret: string) =>
      trunkshow().invoke('buyerCredentials.setOfflineLogIn', {
        buyerId,
        email: identifier,
        ...(secret ? { password: secret } : {}),
      }),
    clear: (buyerId: string) =>
      trunkshow().invoke('buyerCredentials.clearOfflineLogIn', { buyerId }),
    fields: { identifier: 'email', secret: 'password' },
  },
  code: {
    identifierType: 'text',
    minSecret: PASSCODE.minLength,
    problems: (identifier: string, secret: string, secretSet: boolean) =>
      brandCodeProblems({ code: identifier, passcode: secret, passcodeSet: secretSet }),
    save: (buyerId: string, identifier: string, secret: string) =>
      trunkshow().invoke('buyerCredentials.setBrandCode', {
        buyerId,
        code: identifier,
        ...(secret ? { passcode: secret } : {}),
      }),
    clear: (buyerId: string) => trunkshow().invoke('buyerCredentials.clearBrandCode', { buyerId }),
    fields: { identifier: 'code', secret: 'passcode' },
  },
} as const;

interface SetCredential {
  identifier: string;
  setAt: string;
  setBy: string | null;
  locked: boolean;
}

/** One way to log in: what is set (never the secret), and setting, changing or removing it. */
function CredentialCard({
  kind,
  buyerId,
  set,
  onChanged,
  onStart,
}: {
  kind: Kind;
  buyerId: string;
  set: SetCredential | null;
  onChanged: (answer: BuyerCredentials, message: string) => void;
  onStart: () => void;
}) {
  const { t, i18n } = useTranslation();
  const rules = KINDS[kind];
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState({ identifier: '', secret: '' });
  const [fields, setFields] = useState<{ identifier?: string; secret?: string }>({});
  const [failed, setFailed] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [removing, setRemoving] = useState(false);
  const words = (key: string, params: Record<string, unknown> = {}) =>
    t(`buyers.signIn.${kind}.${key}`, params);
  const date = (iso: string) =>
    new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' }).format(
      new Date(iso),
    );

  /** Each problem at its field, in the rep's words; the first per field. */
  const atFields = (problems: readonly Pick<CredentialProblem, 'field' | 'code' | 'params'>[]) => {
    const found: { identifier?: string; secret?: string } = {};
    for (const problem of problems) {
      const field = problem.field === rules.fields.identifier ? 'identifier' : 'secret';
      found[field] ??= t(`buyers.signIn.problems.${problem.code}`, {
        defaultValue: t('unexpected'),
        ...problem.params,
      });
    }
    return found;
  };

  const open = () => {
    onStart();
    setDraft({ identifier: set?.identifier ?? '', secret: '' });
    setFields({});
    setFailed(null);
    setEditing(true);
  };

  const save = async () => {
    const problems = rules.problems(draft.identifier, draft.secret, set !== null);
    setFields(atFields(problems));
    setFailed(null);
    if (problems.length > 0) return;
    setBusy(true);
    try {
      const answer = await rules.save(buyerId, draft.identifier, draft.secret);
      setEditing(false);
      setDraft({ identifier: '', secret: '' });
      onChanged(answer, words('saved'));
    } catch (error) {
      const issues =
        (error as { issues?: { path: string; code?: string; params?: object }[] }).issues ?? [];
      const known = issues.flatMap((issue) =>
        issue.code
          ? [
              {
                field: issue.path as CredentialProblem['field'],
                code: issue.code as CredentialProblem['code'],
                params: (issue.params ?? {}) as CredentialProblem['params'],
              },
            ]
          : [],
      );
      setFields(atFields(known));
      setFailed(known.length > 0 ? null : errorMessage(error, t('unexpected')));
    } finally {
      setBusy(false);
    }
  };

  const onEnter = (event: KeyboardEvent) => {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    void save();
  };

  const titleId = `sign-in-${kind}-title`;
  return (
    <div className="sign-in-method" role="group" aria-labelledby={titleId}>
      <h4 id={titleId} className="sign-in-method__title">
        {words('title')}
      </h4>
      {set ? (
        <div className="address-card">
          <div className="address-card__text">
            <strong>{set.identifier}</strong>
            <span>{words('secretSet')}</span>
            <span>
              {set.setBy
                ? t('buyers.signIn.setBy', { name: set.setBy, date: date(set.setAt) })
                : t('buyers.signIn.setAt', { date: date(set.setAt) })}
            </span>
          </div>
          {editing ? null : (
            <div className="address-card__actions">
              <button
                type="button"
                className="button button--quiet"
                aria-label={words('changeLabel')}
                onClick={open}
              >
                {t('buyers.signIn.change')}
              </button>
              <button
                type="button"
                className="button button--quiet"
                aria-label={words('removeLabel')}
                onClick={() => {
                  onStart();
                  setRemoving(true);
                }}
              >
                {t('buyers.signIn.remove')}
              </button>
            </div>
          )}
        </div>
      ) : (
        <p className="buyer-form__note">{words('none')}</p>
      )}
      {set?.locked ? <p className="notice notice--error">{t('buyers.signIn.locked')}</p> : null}
      {failed ? (
        <p className="notice notice--error" role="alert">
          {failed}
        </p>
      ) : null}
      {editing ? (
        <div className="addresses__editor" role="group" aria-label={words('editor')}>
          <Field
            label={words('identifier')}
            hint={kind === 'code' ? t('buyers.signIn.code.hint', BUYER_CODE) : undefined}
            error={fields.identifier}
          >
            {(control) => (
              <input
                {...control}
                className="field__control"
                type={rules.identifierType}
                value={draft.identifier}
                autoComplete="off"
                spellCheck={false}
                onKeyDown={onEnter}
                onChange={(event) => setDraft({ ...draft, identifier: event.target.value })}
              />
            )}
          </Field>
          <Field
            label={words('secret')}
            hint={set ? words('keepHint') : t('buyers.signIn.secretHint', { min: rules.minSecret })}
            error={fields.secret}
          >
            {(control) => (
              <input
                {...control}
                className="field__control"
                type="password"
                value={draft.secret}
                autoComplete="new-password"
                onKeyDown={onEnter}
                onChange={(event) => setDraft({ ...draft, secret: event.target.value })}
              />
            )}
          </Field>
          <InlineEditorActions
            saveLabel={words('save')}
            busy={busy}
            onCancel={() => setEditing(false)}
            onSave={() => void save()}
          />
        </div>
      ) : set ? null : (
        <button type="button" className="button" onClick={open}>
          {words('set')}
        </button>
      )}
      <ConfirmDialog
        open={removing}
        title={words('removeTitle')}
        lead={words('removeLead')}
        keepLabel={t('buyers.signIn.keep')}
        confirmLabel={t('buyers.signIn.remove')}
        onKeep={() => setRemoving(false)}
        onConfirm={() => {
          setRemoving(false);
          rules.clear(buyerId).then(
            (answer) => onChanged(answer, words('removed')),
            (error: unknown) => setFailed(errorMessage(error, t('unexpected'))),
          );
        }}
      />
    </div>
  );
}
