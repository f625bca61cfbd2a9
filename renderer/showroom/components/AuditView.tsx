import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AUDIT_KINDS, type AuditKind, type AuditLine } from '../../../preload/contract/index.ts';
import { useOperation } from '../hooks/useOperation.ts';
import './OrdersView.css';

/**
 * "API Logs": the hub's record of who did what, when and from which device: links
 * generated (with their selection and expiry), revoked, opened, terminated, orders,
 * settings and sign-ins. Read from the hub, so it needs the hub reachable.
 */
export function AuditView() {
  const { t, i18n } = useTranslation();
  const [kind, setKind] = useState<AuditKind>('shareLinks');
  const { data: entries, problem } = useOperation('audit.list', { kind });

  const when = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });
  return (
    <section className="orders" aria-labelledby="audit-title">
      <h2 id="audit-title">{t('audit.title')}</h2>
      <label className="audit__filter">
        <span>{t('audit.kind')}</span>
        <select
          className="field__control"
          value={kind}
          onChange={(event) => setKind(event.target.value as AuditKind)}
        >
          {AUDIT_KINDS.map((option) => (
            <option key={option} value={option}>
              {t(`audit.kinds.${option}`)}
            </option>
          ))}
        </select>
      </label>
      {problem ? (
        <p className="notice notice--error" role="alert">
          {problem}
        </p>
      ) : null}
      {entries && entries.length === 0 ? <p>{t('audit.empty')}</p> : null}
      {entries && entries.length > 0 ? (
        <table className="orders__table">
          <thead>
            <tr>
              <th scope="col">{t('audit.when')}</th>
              <th scope="col">{t('audit.who')}</th>
              <th scope="col">{t('audit.what')}</th>
              <th scope="col">{t('audit.selection')}</th>
              <th scope="col">{t('audit.expires')}</th>
              <th scope="col">{t('audit.details')}</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((entry) => (
              <tr key={entry.id}>
                <td>{when.format(new Date(entry.at))}</td>
                <td>
                  {entry.actor ??
                    (entry.actorKind === 'anonymous' ? t('audit.anonymous') : t('audit.system'))}
                  {entry.device ? <span className="orders__sub">{entry.device}</span> : null}
                </td>
                <td>{t(`audit.actions.${entry.action}`, { defaultValue: entry.action })}</td>
                <td>{entry.selection ?? ''}</td>
                <td>{entry.expiresAt ? when.format(new Date(entry.expiresAt)) : ''}</td>
                <td>
                  <AuditDetails entry={entry} format={(at) => when.format(new Date(at))} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}

/** What else an entry says: a link's opens in the hour, when an offline link was made, whose account. */
function AuditDetails({ entry, format }: { entry: AuditLine; format: (at: string) => string }) {
  const { t } = useTranslation();
  if (entry.opens) {
    return t('audit.opens', {
      count: entry.opens.count,
      from: format(entry.opens.firstAt),
      to: format(entry.opens.lastAt),
    });
  }
  if (entry.generatedAt && entry.generatedAt !== entry.at) {
    return t('audit.generatedOffline', {
      generated: format(entry.generatedAt),
      received: format(entry.at),
    });
  }
  if (entry.account) return entry.account;
  // A link opened as a buyer: for whom, through which link.
  const { buyerName, linkName } = entry.details;
  if (typeof buyerName === 'string' && typeof linkName === 'string') {
    return t('audit.forBuyer', { buyer: buyerName, link: linkName });
  }
  return null;
}
