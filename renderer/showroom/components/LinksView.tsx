import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  CustomerOrderLinkDetail,
  CustomerOrderLinkSummary,
} from '../../../preload/contract/index.ts';
import { Money } from '../../ui/Money.tsx';
import { errorMessage, trunkshow } from '../api.ts';
import { useOperation } from '../hooks/useOperation.ts';
import { formatDateTime } from '../local-time.ts';
import { CustomerOrderLinkForm } from './CustomerOrderLinkForm.tsx';
import { ConfirmDialog, Dialog } from './Dialog.tsx';
import { copyAddress, CopyableAddress, LinkQrCode, NewLinkPanel } from './LinkAddress.tsx';
import { OpenLinkAsBuyerDialog } from './OpenAsBuyer.tsx';
import { StatePanel } from './StatePanel.tsx';
import './SectionTabs.css';
import './LinksView.css';

const TAB_ID = 'links-tab-customer-order-links';
const PANEL_ID = 'links-panel-customer-order-links';

/**
 * "Links": the kinds of links a brand sends buyers, one tab each. Today the one tab is
 * "Customer Order Links"; every staff member sees it (a rep their own links, an admin
 * every link).
 */
export function LinksView() {
  const { t } = useTranslation();
  return (
    <section className="links" aria-labelledby="links-title">
      <div className="view-head links__head">
        <div className="view-head__title">
          <h2 id="links-title">{t('links.title')}</h2>
        </div>
      </div>
      <div className="section-tabs" role="tablist" aria-label={t('links.tabs')}>
        <button
          type="button"
          role="tab"
          id={TAB_ID}
          className="section-tab"
          aria-selected="true"
          aria-controls={PANEL_ID}
        >
          {t('links.customerOrderLinks')}
        </button>
      </div>
      <div className="section-panel" role="tabpanel" id={PANEL_ID} aria-labelledby={TAB_ID}>
        <CustomerOrderLinks />
      </div>
    </section>
  );
}

type Page =
  { kind: 'list' } | { kind: 'create' } | { kind: 'edit'; detail: CustomerOrderLinkDetail };

/** What a link's address is wanted for: a link's share dialog, after copying failed or not. */
interface Sharing {
  link: CustomerOrderLinkSummary;
  url: string;
  copyFailed: boolean;
}

function CustomerOrderLinks() {
  const { t, i18n } = useTranslation();
  // Pulled changes (a link gone live, opens counted at the hub) show as they arrive.
  const overview = useOperation('customerOrderLinks.list', {}, { followSync: true });
  const [page, setPage] = useState<Page>({ kind: 'list' });
  const [created, setCreated] = useState<{ id: string; url: string } | null>(null);
  const [notice, setNotice] = useState<{ kind: 'info' | 'error'; text: string } | null>(null);
  const [sharing, setSharing] = useState<Sharing | null>(null);
  const [disabling, setDisabling] = useState<CustomerOrderLinkSummary | null>(null);
  const [openingAs, setOpeningAs] = useState<CustomerOrderLinkSummary | null>(null);
  const [copiedId, setCopiedId] = useState<string | null>(null);
  const data = overview.data;

  // The link as the operation answered, shown at once (the next sync's reload agrees).
  const show = (link: CustomerOrderLinkSummary) => {
    if (!data) return;
    const at = data.links.findIndex((listed) => listed.id === link.id);
    overview.setData({
      ...data,
      links:
        at === -1
          ? [link, ...data.links]
          : data.links.map((listed, i) => (i === at ? link : listed)),
    });
  };

  const failed = (failure: unknown) =>
    setNotice({ kind: 'error', text: errorMessage(failure, t('unexpected')) });

  const addressOf = (link: CustomerOrderLinkSummary) =>
    trunkshow().invoke('customerOrderLinks.address', { id: link.id });

  const copy = async (link: CustomerOrderLinkSummary) => {
    try {
      const { url } = await addressOf(link);
      if ((await copyAddress(url)) === 'copied') {
        setCopiedId(link.id);
        setNotice({ kind: 'info', text: t('links.copied', { name: link.name }) });
      } else {
        // The computer refused the clipboard: the address is shown, selected, to copy by hand.
        setSharing({ link, url, copyFailed: true });
      }
    } catch (failure) {
      failed(failure);
    }
  };

  const share = async (link: CustomerOrderLinkSummary) => {
    try {
      setSharing({ link, ...(await addressOf(link)), copyFailed: false });
    } catch (failure) {
      failed(failure);
    }
  };

  const edit = async (link: CustomerOrderLinkSummary) => {
    try {
      const detail = await trunkshow().invoke('customerOrderLinks.get', { id: link.id });
      setNotice(null);
      setCreated(null);
      setPage({ kind: 'edit', detail });
    } catch (failure) {
      failed(failure);
    }
  };

  const setDisabled = async (link: CustomerOrderLinkSummary, disabled: boolean) => {
    try {
      show(await trunkshow().invoke('customerOrderLinks.setDisabled', { id: link.id, disabled }));
      setCreated(null);
      setNotice({
        kind: 'info',
        text: t(disabled ? 'links.disabled' : 'links.enabled', { name: link.name }),
      });
    } catch (failure) {
      failed(failure);
    }
  };

  // "Copied" on a row's button lasts a moment, then the button reads as before.
  useEffect(() => {
    if (copiedId === null) return;
    const timer = window.setTimeout(() => setCopiedId(null), 4000);
    return () => window.clearTimeout(timer);
  }, [copiedId]);

  if (data === null) {
    return overview.problem ? (
      <StatePanel tone="error" icon="error" title={t('links.failed')} lead={overview.problem} />
    ) : (
      <div className="links__loading" role="status">
        <span className="spinner" aria-hidden="true" />
      </div>
    );
  }

  if (page.kind !== 'list') {
    const back = () => setPage({ kind: 'list' });
    // Keyed by page: the form starts at its top, not where the list was scrolled to.
    return (
      <div className="links__scroller" key={page.kind}>
        <CustomerOrderLinkForm
          detail={page.kind === 'edit' ? page.detail : null}
          choices={data.choices}
          onCancel={back}
          onCreated={({ link, url }) => {
            setCreated({ id: link.id, url });
            setNotice({ kind: 'info', text: t('links.created', { name: link.name }) });
            show(link);
            back();
          }}
          onSaved={(link) => {
            setNotice({ kind: 'info', text: t('links.saved', { name: link.name }) });
            show(link);
            back();
          }}
        />
      </div>
    );
  }

  const createdLink = created ? data.links.find((link) => link.id === created.id) : undefined;

  return (
    <div className="links__scroller" key="list">
      <div className="links__bar">
        <p className="links__lead">{t('links.lead')}</p>
        <button
          type="button"
          className="button button--primary"
          onClick={() => {
            setNotice(null);
            setCreated(null);
            setPage({ kind: 'create' });
          }}
        >
          {t('links.create')}
        </button>
      </div>
      {notice ? (
        <p className={`notice notice--${notice.kind} links__notice`} role="status">
          {notice.text}
        </p>
      ) : null}
      {created && createdLink ? (
        <div className="links__created">
          <NewLinkPanel
            label={createdLink.name}
            heading={t('links.createdHeading')}
            url={created.url}
            subject={createdLink.name}
            copyLabel={t('links.copy')}
            note={stateNote(createdLink, t, i18n.language)}
          />
        </div>
      ) : null}
      {data.links.length === 0 ? (
        <StatePanel icon="box" title={t('links.none')} lead={t('links.noneLead')} />
      ) : (
        <table className="data-table links-table">
          <caption className="visually-hidden">{t('links.customerOrderLinks')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('links.columns.name')}</th>
              <th scope="col">{t('links.columns.catalogs')}</th>
              <th scope="col">{t('links.columns.viewOnly')}</th>
              <th scope="col">{t('links.columns.releaseAt')}</th>
              <th scope="col">{t('links.columns.expiresAt')}</th>
              <th scope="col">{t('links.columns.passcode')}</th>
              <th scope="col">{t('links.columns.state')}</th>
              <th scope="col" className="links-table__number">
                {t('links.columns.opens')}
              </th>
              <th scope="col" className="links-table__number">
                {t('links.columns.orders')}
              </th>
              <th scope="col">
                <span className="visually-hidden">{t('links.columns.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {data.links.map((link) => (
              <tr key={link.id}>
                <th scope="row" className="links-table__name">
                  {link.name}
                  {link.waitingToSync && link.state !== 'waiting' ? (
                    <span className="badge badge--waiting">{t('links.changeWaiting')}</span>
                  ) : null}
                </th>
                <td>{link.catalogs.map((catalog) => catalog.name).join(', ')}</td>
                <td>{link.viewOnly ? t('links.yes') : t('links.no')}</td>
                <td>
                  <When iso={link.releaseAt} none={t('links.noDate')} />
                </td>
                <td>
                  <When iso={link.expiresAt} none={t('links.noDate')} />
                </td>
                <td>{link.passcodeEnabled ? t('links.on') : t('links.off')}</td>
                <td>
                  <span className={`badge links-state links-state--${link.state}`}>
                    {t(`links.states.${link.state}`)}
                  </span>
                  {link.state === 'waiting' ? (
                    <span className="links-table__state-note">{t('links.goesLiveOnSync')}</span>
                  ) : null}
                </td>
                <td className="links-table__number">
                  {new Intl.NumberFormat(i18n.language).format(link.opens)}
                </td>
                <td className="links-table__number">
                  {new Intl.NumberFormat(i18n.language).format(link.orders)}
                  {link.orderTotals.map((total) => (
                    <span key={total.currency} className="links-table__state-note">
                      <Money value={total} language={i18n.language} />
                    </span>
                  ))}
                </td>
                <td className="links-table__actions">
                  <div className="links-table__buttons">
                    <button
                      type="button"
                      className="button button--quiet"
                      aria-label={t('links.copyLabel', { name: link.name })}
                      onClick={() => void copy(link)}
                    >
                      {copiedId === link.id ? t('share.copied') : t('links.copy')}
                    </button>
                    <button
                      type="button"
                      className="button button--quiet"
                      aria-label={t('links.editLabel', { name: link.name })}
                      onClick={() => void edit(link)}
                    >
                      {t('links.edit')}
                    </button>
                    <button
                      type="button"
                      className="button button--quiet"
                      aria-label={t('links.shareLabel', { name: link.name })}
                      onClick={() => void share(link)}
                    >
                      {t('links.share')}
                    </button>
                    {link.state === 'live' ? (
                      <button
                        type="button"
                        className="button button--quiet"
                        aria-label={t('openAs.rowActionLabel', { name: link.name })}
                        onClick={() => setOpeningAs(link)}
                      >
                        {t('openAs.rowAction')}
                      </button>
                    ) : null}
                    {link.state === 'disabled' ? (
                      <button
                        type="button"
                        className="button button--quiet"
                        aria-label={t('links.enableLabel', { name: link.name })}
                        onClick={() => void setDisabled(link, false)}
                      >
                        {t('links.enable')}
                      </button>
                    ) : (
                      <button
                        type="button"
                        className="button button--quiet links-table__disable"
                        aria-label={t('links.disableLabel', { name: link.name })}
                        onClick={() => setDisabling(link)}
                      >
                        {t('links.disable')}
                      </button>
                    )}
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {openingAs ? (
        <OpenLinkAsBuyerDialog
          link={openingAs}
          onOpened={(buyer) =>
            setNotice({
              kind: 'info',
              text: t('openAs.opened', { link: openingAs.name, buyer: buyer.name }),
            })
          }
          onClose={() => setOpeningAs(null)}
        />
      ) : null}
      {sharing ? (
        <Dialog
          open
          title={sharing.link.name}
          onClose={() => setSharing(null)}
          actions={
            <button type="button" className="button" onClick={() => setSharing(null)}>
              {t('close')}
            </button>
          }
        >
          {sharing.copyFailed ? (
            <p className="notice notice--warning" role="status">
              {t('share.copyFailed')}
            </p>
          ) : null}
          <CopyableAddress
            url={sharing.url}
            subject={sharing.link.name}
            copyLabel={t('links.copy')}
            autoFocus
          />
          <p>{stateNote(sharing.link, t, i18n.language)}</p>
          <LinkQrCode url={sharing.url} />
        </Dialog>
      ) : null}
      <ConfirmDialog
        open={disabling !== null}
        title={t('links.disableTitle', { name: disabling?.name ?? '' })}
        lead={t('links.disableLead')}
        keepLabel={t('links.keep')}
        confirmLabel={t('links.disable')}
        onKeep={() => setDisabling(null)}
        onConfirm={() => {
          const link = disabling!;
          setDisabling(null);
          void setDisabled(link, true);
        }}
      />
    </div>
  );
}

/** A date over its time, in the computer's zone, so the list's columns stay narrow. */
function When({ iso, none }: { iso: string | null; none: string }) {
  const { i18n } = useTranslation();
  if (iso === null) return none;
  const at = new Date(iso);
  const format = (options: Intl.DateTimeFormatOptions) =>
    new Intl.DateTimeFormat(i18n.language, options).format(at);
  return (
    <time className="links-table__when" dateTime={iso}>
      <span>{format({ dateStyle: 'medium' })}</span>
      <span>{format({ timeStyle: 'short' })}</span>
    </time>
  );
}

/** Where a link stands, in a sentence: waiting to sync, scheduled (from when), live, expired, disabled. */
function stateNote(
  link: CustomerOrderLinkSummary,
  t: ReturnType<typeof useTranslation>['t'],
  language: string,
): string {
  switch (link.state) {
    case 'waiting':
      return t('links.waitingNote');
    case 'scheduled':
      return t('links.scheduledNote', { date: formatDateTime(link.releaseAt, language) ?? '' });
    case 'live':
      return t('links.liveNote');
    case 'expired':
      return t('links.expiredNote');
    case 'disabled':
      return t('links.disabledNote');
  }
}
