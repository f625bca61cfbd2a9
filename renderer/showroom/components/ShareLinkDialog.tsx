import QRCode from 'qrcode';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { GeneratedShareLink, ShareLinkView } from '../../../preload/contract/index.ts';
import { trunkshow } from '../api.ts';
import { formatDate } from '../format.ts';
import { useOperation } from '../hooks/useOperation.ts';
import { Dialog } from './Dialog.tsx';
import './ShareLinkDialog.css';

/**
 * "Share Link", on every selection whatever the brand's setting. Off: the selection's
 * ordinary address, for buyers who sign in. On: Generate makes a unique link, shown
 * this once with its expiry, to copy, mail or scan at the booth; below, every link of
 * the selection with its state and opens, each revocable.
 */
export function ShareLinkDialog({
  selectionId,
  selectionName,
  onClose,
}: {
  selectionId: string;
  selectionName: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  // Pulled changes (a link gone live, opens counted at the hub) show as they arrive.
  const {
    data: shown,
    problem,
    act,
  } = useOperation('shareLinks.list', { selectionId }, { followSync: true });
  const [generated, setGenerated] = useState<GeneratedShareLink | null>(null);
  const [busy, setBusy] = useState(false);

  const generate = async () => {
    setBusy(true);
    await act(async () =>
      setGenerated(await trunkshow().invoke('shareLinks.generate', { selectionId })),
    );
    setBusy(false);
  };

  const revoke = (link: ShareLinkView) =>
    act(() => trunkshow().invoke('shareLinks.revoke', { linkId: link.id }));

  return (
    <Dialog
      open
      size="large"
      title={t('share.title')}
      onClose={onClose}
      busy={busy}
      actions={
        <button type="button" className="button" onClick={onClose} data-autofocus>
          {t('close')}
        </button>
      }
    >
      {problem ? (
        <p className="notice notice--error" role="alert">
          {problem}
        </p>
      ) : null}
      {!shown ? (
        <p>{t('loading')}</p>
      ) : !shown.enabled ? (
        <>
          <p>{t('share.disabledMessage')}</p>
          <CopyableAddress url={shown.ordinaryUrl} subject={selectionName} />
        </>
      ) : (
        <>
          <div className="share__generate">
            <p>{t('share.enabledLead', { count: shown.expiryDays })}</p>
            <button
              type="button"
              className="button button--primary"
              onClick={() => void generate()}
              aria-disabled={busy}
            >
              {t('share.generate')}
            </button>
          </div>
          {generated ? (
            <GeneratedLink
              url={generated.url}
              // The list is reloaded on every sync: the link as it stands now.
              link={shown.links.find((link) => link.id === generated.link.id) ?? generated.link}
              subject={selectionName}
            />
          ) : null}
          <LinkList links={shown.links} onRevoke={(link) => void revoke(link)} />
        </>
      )}
    </Dialog>
  );
}

function CopyableAddress({ url, subject }: { url: string; subject: string }) {
  const { t } = useTranslation();
  const [copy, setCopy] = useState<'idle' | 'copied' | 'failed'>('idle');
  const address = useRef<HTMLInputElement>(null);
  const mail = `mailto:?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(url)}`;
  return (
    <div className="share__address">
      <input
        ref={address}
        className="field__control share__url"
        readOnly
        value={url}
        aria-label={t('share.address')}
        aria-describedby={copy === 'failed' ? 'share-copy-failed' : undefined}
        onFocus={(event) => event.target.select()}
      />
      <button
        type="button"
        className="button button--quiet"
        onClick={() =>
          void navigator.clipboard.writeText(url).then(
            () => setCopy('copied'),
            () => {
              // Without clipboard access the address is selected, ready for the keyboard.
              address.current?.select();
              setCopy('failed');
            },
          )
        }
      >
        {copy === 'copied' ? t('share.copied') : t('share.copy')}
      </button>
      <a className="button button--quiet" href={mail}>
        {t('share.email')}
      </a>
      {copy === 'failed' ? (
        <p id="share-copy-failed" className="share__copy-failed" role="status">
          {t('share.copyFailed')}
        </p>
      ) : null}
    </div>
  );
}

function GeneratedLink({
  url,
  link,
  subject,
}: {
  url: string;
  link: ShareLinkView;
  subject: string;
}) {
  const { t, i18n } = useTranslation();
  const [qr, setQr] = useState<string | null>(null);
  useEffect(() => {
    let current = true;
    void QRCode.toString(url, { type: 'svg', margin: 1 }).then((svg) => {
      if (current) setQr(`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`);
    });
    return () => {
      current = false;
    };
  }, [url]);
  return (
    <section className="share__new" aria-label={t('share.newLink')}>
      <div className="share__new-text">
        <p className="share__once">{t('share.once')}</p>
        <CopyableAddress url={url} subject={subject} />
        <p>
          {link.state === 'waiting'
            ? t('share.goesLive', { date: formatDate(link.expiresAt, i18n.language) })
            : t('share.expires', { date: formatDate(link.expiresAt, i18n.language) })}
        </p>
      </div>
      {qr ? (
        <img className="share__qr" src={qr} alt={t('share.qr')} width={160} height={160} />
      ) : null}
    </section>
  );
}

function LinkList({
  links,
  onRevoke,
}: {
  links: ShareLinkView[];
  onRevoke: (link: ShareLinkView) => void;
}) {
  const { t, i18n } = useTranslation();
  if (links.length === 0) return <p className="share__none">{t('share.none')}</p>;
  return (
    <table className="share__links">
      <caption>{t('share.links')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('share.createdBy')}</th>
          <th scope="col">{t('share.createdAt')}</th>
          <th scope="col">{t('share.expiresAt')}</th>
          <th scope="col">{t('share.state')}</th>
          <th scope="col">{t('share.opens')}</th>
          <th scope="col">
            <span className="visually-hidden">{t('share.revoke')}</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {links.map((link) => (
          <tr key={link.id}>
            <td>{link.createdBy}</td>
            <td>{formatDate(link.createdAt, i18n.language)}</td>
            <td>{formatDate(link.expiresAt, i18n.language)}</td>
            <td>
              <span className={`badge share__state--${link.state}`}>
                {t(`share.states.${link.state}`)}
              </span>
            </td>
            <td>
              {link.openCount === 0
                ? t('share.neverOpened')
                : t('share.opened', {
                    count: link.openCount,
                    date: formatDate(link.lastOpenedAt ?? link.createdAt, i18n.language),
                  })}
            </td>
            <td>
              {link.state === 'live' || link.state === 'waiting' || link.state === 'disabled' ? (
                <button
                  type="button"
                  className="button button--quiet"
                  onClick={() => onRevoke(link)}
                >
                  {t('share.revoke')}
                </button>
              ) : null}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
