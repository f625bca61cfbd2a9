import { useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { InvitePersonInput, type BuyerPeople as People } from '../../../preload/contract/index.ts';
import { errorMessage, trunkshow } from '../api.ts';
import { useOperation } from '../hooks/useOperation.ts';
import { Field } from '../../ui/Field.tsx';
import { ConfirmDialog } from './Dialog.tsx';
import { InlineEditorActions } from './InlineEditorActions.tsx';

/**
 * The People section of a buyer's dialog: who logs in to the buyer pages for this buyer
 * (active) and who was invited (invited, expires …, or expired), with invite, send again,
 * revoke and remove. Kept by the hub alone, so it needs the hub (online) and says so.
 * It sits inside the dialog's form: its buttons are plain buttons, and Enter in the
 * invitation's fields sends the invitation, not the dialog.
 */
export function BuyerPeople({ buyerId }: { buyerId: string }) {
  const { t, i18n } = useTranslation();
  const people = useOperation('buyerPeople.list', { buyerId });
  const [inviting, setInviting] = useState(false);
  const [draft, setDraft] = useState({ name: '', email: '' });
  const [fields, setFields] = useState<{ name?: string; email?: string }>({});
  const [sent, setSent] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [removing, setRemoving] = useState<{ userId: string; name: string } | null>(null);
  const date = (iso: string) =>
    new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' }).format(
      new Date(iso),
    );

  const act = (action: () => Promise<People>, done: string | null = null) =>
    people.act(async () => {
      setSent(null);
      people.setData(await action());
      setSent(done);
    });

  const invite = async () => {
    const parsed = InvitePersonInput.safeParse({ buyerId, ...draft });
    if (!parsed.success) {
      const paths = new Set(parsed.error.issues.map((issue) => issue.path[0]));
      setFields({
        name: paths.has('name') ? t('buyers.people.nameNeeded') : undefined,
        email: paths.has('email') ? t('buyers.people.emailNeeded') : undefined,
      });
      return;
    }
    setFields({});
    setBusy(true);
    try {
      const answer = await trunkshow().invoke('buyerPeople.invite', parsed.data);
      people.setData(answer.people);
      setSent(
        t(answer.outcome === 'added' ? 'buyers.people.added' : 'buyers.people.invited', {
          email: parsed.data.email,
        }),
      );
      setDraft({ name: '', email: '' });
      setInviting(false);
    } catch (error) {
      setSent(null);
      setFields({ email: errorMessage(error, t('unexpected')) });
    } finally {
      setBusy(false);
    }
  };
  const onEnter = (event: KeyboardEvent) => {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    void invite();
  };

  const data = people.data;
  return (
    <section className="addresses" aria-labelledby="people-title">
      <h3 id="people-title" className="buyer-form__section-title">
        {t('buyers.people.title')}
      </h3>
      <p className="buyer-form__note">{t('buyers.people.lead')}</p>
      {people.problem ? (
        <p className="notice notice--error" role="alert">
          {people.problem}
        </p>
      ) : null}
      {sent ? (
        <p className="notice notice--success" role="status">
          {sent}
        </p>
      ) : null}
      {data && data.members.length + data.invitations.length === 0 ? (
        <p className="buyer-form__note">{t('buyers.people.none')}</p>
      ) : null}
      {data ? (
        <ul className="addresses__list" aria-label={t('buyers.people.title')}>
          {data.members.map((member) => (
            <PersonRow
              key={member.userId}
              person={member}
              state={t('buyers.people.active')}
              actions={[
                {
                  label: t('buyers.people.remove'),
                  describe: t('buyers.people.removeWho', { name: member.name }),
                  run: () => Promise.resolve(setRemoving(member)),
                },
              ]}
            />
          ))}
          {data.invitations.map((invitation) => (
            <PersonRow
              key={invitation.id}
              person={invitation}
              state={
                invitation.state === 'pending'
                  ? t('buyers.people.invitedUntil', { date: date(invitation.expiresAt) })
                  : t('buyers.people.expired')
              }
              actions={[
                {
                  label: t('buyers.people.resend'),
                  describe: t('buyers.people.resendWho', { name: invitation.name }),
                  run: () =>
                    act(
                      () =>
                        trunkshow().invoke('buyerPeople.resend', { invitationId: invitation.id }),
                      t('buyers.people.invited', { email: invitation.email }),
                    ),
                },
                {
                  label: t('buyers.people.revoke'),
                  describe: t('buyers.people.revokeWho', { name: invitation.name }),
                  run: () =>
                    act(() =>
                      trunkshow().invoke('buyerPeople.revoke', { invitationId: invitation.id }),
                    ),
                },
              ]}
            />
          ))}
        </ul>
      ) : null}
      <ConfirmDialog
        open={removing !== null}
        title={t('buyers.people.removeTitle', { name: removing?.name ?? '' })}
        lead={t('buyers.people.removeLead')}
        keepLabel={t('buyers.people.keep')}
        confirmLabel={t('buyers.people.remove')}
        onKeep={() => setRemoving(null)}
        onConfirm={() => {
          const person = removing;
          setRemoving(null);
          if (person) {
            void act(() =>
              trunkshow().invoke('buyerPeople.remove', { buyerId, userId: person.userId }),
            );
          }
        }}
      />
      {inviting ? (
        <div className="addresses__editor" role="group" aria-label={t('buyers.people.invite')}>
          {(['name', 'email'] as const).map((key) => (
            <Field key={key} label={t(`buyers.people.${key}`)} error={fields[key]}>
              {(control) => (
                <input
                  {...control}
                  className="field__control"
                  type={key === 'email' ? 'email' : 'text'}
                  value={draft[key]}
                  autoComplete="off"
                  onKeyDown={onEnter}
                  onChange={(event) => setDraft({ ...draft, [key]: event.target.value })}
                />
              )}
            </Field>
          ))}
          <InlineEditorActions
            saveLabel={t('buyers.people.send')}
            busy={busy}
            onCancel={() => setInviting(false)}
            onSave={() => void invite()}
          />
        </div>
      ) : (
        <button type="button" className="button" onClick={() => setInviting(true)}>
          {t('buyers.people.invite')}
        </button>
      )}
    </section>
  );
}

/** One person or invitation: who, their state, and what the brand can do about it. */
function PersonRow({
  person,
  state,
  actions,
}: {
  person: { name: string; email: string };
  state: string;
  actions: { label: string; describe: string; run: () => Promise<void> }[];
}) {
  return (
    <li className="address-card">
      <div className="address-card__text">
        <strong>{person.name}</strong> {person.email}
        <br />
        {state}
      </div>
      <div className="address-card__actions">
        {actions.map((action) => (
          <button
            key={action.label}
            type="button"
            className="button button--quiet"
            aria-label={action.describe}
            onClick={() => void action.run()}
          >
            {action.label}
          </button>
        ))}
      </div>
    </li>
  );
}
