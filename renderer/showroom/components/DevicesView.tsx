import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { CREDENTIAL_LIMITS, PASSWORD_LIMITS } from '../../../main/domain/rate-limit.ts';
import type { Device } from '../../../preload/contract/index.ts';
import { formatDate, relativeTime } from '../format.ts';
import { trunkshow } from '../api.ts';
import { useNow } from '../hooks/useNow.ts';
import { useOperation } from '../hooks/useOperation.ts';
import { useDevicesStore } from '../state/devices.ts';
import { Dialog } from './Dialog.tsx';
import { StatePanel } from './StatePanel.tsx';
import './DevicesView.css';

/** Every computer signed in to the brand's hub, and the way to shut one out (admins). */
export function DevicesView() {
  const { t } = useTranslation();
  const list = useDevicesStore((state) => state.list);
  const load = useDevicesStore((state) => state.load);

  useEffect(() => {
    void load();
  }, [load]);

  const devices = list.devices;
  const retry = (
    <button type="button" className="button button--primary" onClick={() => void load()}>
      {t('tryAgain')}
    </button>
  );

  return (
    <section className="devices" aria-labelledby="devices-title">
      <div className="view-head devices__head">
        <div className="view-head__title">
          <h2 id="devices-title">{t('devices.title')}</h2>
          <p className="devices__lead">{t('devices.lead')}</p>
        </div>
      </div>
      {list.status === 'failed' && devices ? (
        <div className="banner banner--error devices__banner" role="alert">
          <span>
            {t('devices.failed')} {list.problem.message}
          </span>
          <button type="button" className="button button--quiet" onClick={() => void load()}>
            {t('tryAgain')}
          </button>
        </div>
      ) : null}
      {devices === null ? (
        list.status === 'failed' ? (
          <StatePanel
            tone="error"
            icon="error"
            title={t('devices.failed')}
            lead={list.problem.message || t('unexpected')}
            action={retry}
          />
        ) : (
          <div className="devices__loading" role="status">
            <span className="spinner" aria-hidden="true" />
            <span className="visually-hidden">{t('loading')}</span>
          </div>
        )
      ) : devices.length === 0 ? (
        <StatePanel icon="box" title={t('devices.empty')} />
      ) : (
        <div className="devices__scroller">
          <DeviceTable devices={devices} busy={list.status === 'loading'} />
          <LockedAccounts />
        </div>
      )}
    </section>
  );
}

/**
 * Accounts locked after too many failed sign-ins or log-ins in a row, from anywhere, and
 * buyers' customer order link sign-ins and link passcodes locked at their lifetime cap:
 * nobody can use them until an admin unlocks them here.
 */
function LockedAccounts() {
  const { t, i18n } = useTranslation();
  const { data: locked, problem, act } = useOperation('accounts.locked', {});
  const language = i18n.language;

  return (
    <section className="locked-accounts" aria-labelledby="locked-accounts-title">
      <h3 id="locked-accounts-title">{t('devices.locked.title')}</h3>
      <p className="devices__lead">
        {t('devices.locked.lead', {
          count: PASSWORD_LIMITS.consecutiveFailures,
          lifetime: CREDENTIAL_LIMITS.lifetimeFailures,
        })}
      </p>
      {problem ? (
        <p className="notice notice--error" role="alert">
          {problem}
        </p>
      ) : null}
      {locked && locked.length === 0 ? (
        <p className="locked-accounts__none">{t('devices.locked.none')}</p>
      ) : null}
      {locked && locked.length > 0 ? (
        <table className="data-table devices-table" aria-labelledby="locked-accounts-title">
          <thead>
            <tr>
              <th scope="col">{t('devices.column.person')}</th>
              <th scope="col">{t('devices.locked.kind')}</th>
              <th scope="col">{t('devices.locked.since')}</th>
              <th scope="col">{t('devices.locked.failures')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('devices.column.action')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {locked.map((account) => (
              <tr key={account.account}>
                <td>
                  <span className="devices-table__person">{account.name}</span>
                  <span className="devices-table__email">
                    {account.kind === 'link' ? t('devices.locked.link') : account.identifier}
                  </span>
                </td>
                <td>{t(`devices.locked.kinds.${account.kind}`)}</td>
                <td>
                  <time dateTime={account.lockedAt}>{formatDate(account.lockedAt, language)}</time>
                </td>
                <td>{account.failures}</td>
                <td className="devices-table__action">
                  <button
                    type="button"
                    className="button button--quiet"
                    aria-label={t('devices.locked.unlockLabel', {
                      person: account.kind === 'link' ? account.identifier : account.name,
                    })}
                    onClick={() =>
                      void act(() =>
                        trunkshow().invoke('accounts.unlock', { account: account.account }),
                      )
                    }
                  >
                    {t('devices.locked.unlock')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}

function DeviceTable({ devices, busy }: { devices: readonly Device[]; busy: boolean }) {
  const { t, i18n } = useTranslation();
  const askRevoke = useDevicesStore((state) => state.askRevoke);
  const now = useNow(30_000);
  const language = i18n.language;

  return (
    <>
      <table className="data-table devices-table" aria-labelledby="devices-title" aria-busy={busy}>
        <thead>
          <tr>
            <th scope="col">{t('devices.column.person')}</th>
            <th scope="col">{t('devices.column.device')}</th>
            <th scope="col">{t('devices.column.signedIn')}</th>
            <th scope="col">{t('devices.column.lastSeen')}</th>
            <th scope="col">{t('devices.column.status')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('devices.column.action')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {devices.map((device) => (
            <tr key={device.id} className={device.revokedAt ? 'devices-table__revoked' : undefined}>
              <td>
                <span className="devices-table__person">{device.userName}</span>
                <span className="devices-table__email">{device.userEmail}</span>
              </td>
              <td>
                <span className="devices-table__device">{device.name}</span>
                {device.current ? (
                  <span className="badge badge--this">{t('devices.thisDevice')}</span>
                ) : null}
              </td>
              <td>
                <time dateTime={device.createdAt}>{formatDate(device.createdAt, language)}</time>
              </td>
              <td>
                {device.lastSeenAt ? (
                  <time
                    dateTime={device.lastSeenAt}
                    title={formatDate(device.lastSeenAt, language)}
                  >
                    {relativeTime(device.lastSeenAt, now, language)}
                  </time>
                ) : (
                  t('devices.never')
                )}
              </td>
              <td>
                {device.revokedAt ? (
                  <span className="device-status device-status--revoked">
                    {t('devices.revoked', { date: formatDate(device.revokedAt, language) })}
                  </span>
                ) : (
                  <span className="device-status device-status--active">{t('devices.active')}</span>
                )}
              </td>
              <td className="devices-table__action">
                {/* This device signs out instead: revoking it would lock its admin out. */}
                {device.revokedAt || device.current ? null : (
                  <button
                    type="button"
                    className="button button--quiet"
                    aria-label={t('devices.revokeLabel', {
                      device: device.name,
                      person: device.userName,
                    })}
                    onClick={() => askRevoke(device)}
                  >
                    {t('devices.revoke')}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

/** "Revoke <device> of <person>?" — and, when the hub cannot be reached, why not. */
export function RevokeDialog() {
  const { t } = useTranslation();
  const confirm = useDevicesStore((state) => state.confirm);
  const cancel = useDevicesStore((state) => state.cancelRevoke);
  const revoke = useDevicesStore((state) => state.revoke);
  const revoking = confirm?.revoking ?? false;
  const names = confirm ? { device: confirm.device.name, person: confirm.device.userName } : null;

  return (
    <Dialog
      open={confirm !== null}
      size="small"
      title={t('devices.confirmTitle')}
      busy={revoking}
      onClose={cancel}
      lead={names ? <p>{t('devices.confirm', names)}</p> : undefined}
      actions={
        <>
          <button type="button" className="button button--quiet" data-autofocus onClick={cancel}>
            {t('cancel')}
          </button>
          <button
            type="button"
            className="button button--danger"
            aria-disabled={revoking}
            onClick={() => void revoke()}
          >
            {revoking ? <span className="spinner" aria-hidden="true" /> : null}
            {confirm?.problem ? t('tryAgain') : t('devices.revoke')}
          </button>
        </>
      }
    >
      {confirm?.problem ? (
        <p className="notice notice--error" role="alert">
          {t('devices.revokeFailed')} {confirm.problem.message}
        </p>
      ) : null}
    </Dialog>
  );
}
