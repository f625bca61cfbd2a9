import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  SmtpSettingsInput,
  TestMailInput,
  type MailSettings,
  type TestMailOutcome,
} from '../../../preload/contract/index.ts';
import { SMTP_SECURITIES, type SmtpSecurity } from '../../../main/domain/mail.ts';
import { errorMessage, problemOf, trunkshow } from '../api.ts';
import { Field } from '../../ui/Field.tsx';
import { useOperation } from '../hooks/useOperation.ts';
import { SettingsFormFooter, TextField, SettingsCard } from './SettingsFormParts.tsx';

/** The port each security usually goes with, offered when the security changes. */
const USUAL_PORT: Readonly<Record<SmtpSecurity, number>> = { tls: 465, starttls: 587, none: 25 };

type FieldName = 'host' | 'port' | 'user' | 'password' | 'fromAddress';
const FIELDS: readonly FieldName[] = ['host', 'port', 'user', 'password', 'fromAddress'];

/**
 * "Email": the SMTP server the hub sends order confirmations through. The hub alone keeps
 * it: the password is typed here and sent once, never shown again (only that one is set).
 */
export function EmailSettingsCard() {
  const { t } = useTranslation();
  const settings = useOperation('mail.settings', {});
  if (settings.problem) {
    return <SettingsCard title={t('settings.email.title')} problem={settings.problem} />;
  }
  if (!settings.data) return null;
  return <EmailSettingsForm saved={settings.data} onSaved={settings.setData} />;
}

function EmailSettingsForm({
  saved,
  onSaved,
}: {
  saved: MailSettings;
  onSaved: (settings: MailSettings) => void;
}) {
  const { t } = useTranslation();
  const [host, setHost] = useState(saved.smtp?.host ?? '');
  const [port, setPort] = useState(String(saved.smtp?.port ?? USUAL_PORT.starttls));
  const [security, setSecurity] = useState<SmtpSecurity>(saved.smtp?.security ?? 'starttls');
  const [user, setUser] = useState(saved.smtp?.user ?? '');
  const [password, setPassword] = useState('');
  const [fromAddress, setFromAddress] = useState(saved.smtp?.fromAddress ?? '');
  const [testTo, setTestTo] = useState('');
  const [errors, setErrors] = useState<Partial<Record<FieldName | 'testTo', string>>>({});
  const [notice, setNotice] = useState<{ kind: 'info' | 'error'; text: string } | null>(null);
  const [outcome, setOutcome] = useState<TestMailOutcome | null>(null);
  const [busy, setBusy] = useState(false);

  const problemAt = (field: FieldName) => t(`settings.email.problems.${field}`);

  const save = async () => {
    const parsed = SmtpSettingsInput.safeParse({
      host,
      port: Number(port),
      security,
      user,
      ...(password ? { password } : {}),
      fromAddress,
    });
    if (!parsed.success) {
      const found: Partial<Record<FieldName, string>> = {};
      for (const issue of parsed.error.issues) {
        const field = issue.path[0] as FieldName;
        if (FIELDS.includes(field)) found[field] ??= problemAt(field);
      }
      setErrors(found);
      setNotice(null);
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      const next = await trunkshow().invoke('mail.saveSettings', parsed.data);
      onSaved(next);
      setPassword('');
      setNotice({ kind: 'info', text: t('settings.email.saved') });
    } catch (failure) {
      const found = problemOf(failure, t('unexpected'));
      const atFields: Partial<Record<FieldName, string>> = {};
      for (const field of FIELDS) if (found.fields[field]) atFields[field] = problemAt(field);
      setErrors(atFields);
      setNotice(Object.keys(atFields).length > 0 ? null : { kind: 'error', text: found.message });
    } finally {
      setBusy(false);
    }
  };

  const clear = async () => {
    setBusy(true);
    try {
      onSaved(await trunkshow().invoke('mail.clearSettings', {}));
      setPassword('');
      setNotice({ kind: 'info', text: t('settings.email.cleared') });
    } catch (failure) {
      setNotice({ kind: 'error', text: errorMessage(failure, t('unexpected')) });
    } finally {
      setBusy(false);
    }
  };

  const sendTest = async () => {
    const parsed = TestMailInput.safeParse({ to: testTo.trim() });
    if (!parsed.success) {
      setErrors((current) => ({ ...current, testTo: t('settings.email.problems.fromAddress') }));
      return;
    }
    setErrors((current) => ({ ...current, testTo: undefined }));
    setOutcome(null);
    setBusy(true);
    try {
      setOutcome(await trunkshow().invoke('mail.sendTest', parsed.data));
      onSaved(await trunkshow().invoke('mail.settings', {}));
    } catch (failure) {
      setNotice({ kind: 'error', text: errorMessage(failure, t('unexpected')) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <SettingsCard
      title={t('settings.email.title')}
      lead={t('settings.email.lead')}
      busy={busy}
      onSubmit={() => void save()}
    >
      {saved.lastProblem && !outcome ? (
        <p className="notice notice--warning" role="status">
          {t('settings.email.lastProblem', {
            problem: t(`settings.email.outcome.${saved.lastProblem.code}`),
          })}
          {saved.lastProblem.message ? (
            <span className="settings__detail">{saved.lastProblem.message}</span>
          ) : null}
        </p>
      ) : null}
      {saved.waiting > 0 ? (
        <p className="settings__hint-line">
          {t('settings.email.waiting', { count: saved.waiting })}
        </p>
      ) : null}
      <div className="settings__row">
        <TextField
          label={t('settings.email.host')}
          error={errors.host}
          className="settings__grow"
          value={host}
          onChange={setHost}
          input={{ placeholder: 'smtp.example.com' }}
        />
        <TextField
          label={t('settings.email.port')}
          error={errors.port}
          className="settings__port"
          value={port}
          onChange={setPort}
          input={{ inputMode: 'numeric' }}
        />
      </div>
      <Field label={t('settings.email.security')} hint={t('settings.email.securityHint')}>
        {(control) => (
          <select
            {...control}
            className="field__control"
            value={security}
            onChange={(event) => {
              const next = event.target.value as SmtpSecurity;
              if (port === String(USUAL_PORT[security])) setPort(String(USUAL_PORT[next]));
              setSecurity(next);
            }}
          >
            {SMTP_SECURITIES.map((value) => (
              <option key={value} value={value}>
                {t(`settings.email.securities.${value}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <div className="settings__row">
        <TextField
          label={t('settings.email.user')}
          error={errors.user}
          className="settings__grow"
          value={user}
          onChange={setUser}
        />
        <TextField
          label={t('settings.email.password')}
          error={errors.password}
          hint={saved.smtp?.passwordSet ? t('settings.email.passwordSet') : undefined}
          className="settings__grow"
          value={password}
          onChange={setPassword}
          input={{
            type: 'password',
            autoComplete: 'new-password',
            placeholder: saved.smtp?.passwordSet ? '••••••••' : '',
          }}
        />
      </div>
      <TextField
        label={t('settings.email.fromAddress')}
        error={errors.fromAddress}
        hint={t('settings.email.fromHint')}
        value={fromAddress}
        onChange={setFromAddress}
        input={{ type: 'email', placeholder: 'orders@brand.com' }}
      />
      <SettingsFormFooter
        notice={notice}
        busy={busy}
        saveLabel={t('settings.email.save')}
        clear={saved.smtp ? { label: t('settings.email.clear'), run: clear } : null}
      />
      {saved.smtp ? (
        <div className="settings__test">
          <TextField
            label={t('settings.email.testTo')}
            error={errors.testTo}
            className="settings__grow"
            value={testTo}
            onChange={setTestTo}
            input={{ type: 'email', placeholder: 'you@brand.com' }}
          />
          <button type="button" className="button" disabled={busy} onClick={() => void sendTest()}>
            {busy ? t('settings.email.testing') : t('settings.email.test')}
          </button>
        </div>
      ) : null}
      {outcome ? (
        <p
          className={`notice ${outcome.sent ? 'notice--info' : 'notice--error'}`}
          role={outcome.sent ? 'status' : 'alert'}
        >
          {outcome.sent
            ? t('settings.email.testSent', { to: testTo.trim() })
            : t(`settings.email.outcome.${outcome.code}`)}
          {!outcome.sent && outcome.message ? (
            <span className="settings__detail">{outcome.message}</span>
          ) : null}
        </p>
      ) : null}
    </SettingsCard>
  );
}
