import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  GeneratedShareLink,
  LinkAddress,
  ShareLinkView,
} from '../../../preload/contract/index.ts';
import { trunkshow } from '../api.ts';
import { formatDate } from '../format.ts';
import { useOperation } from '../hooks/useOperation.ts';
import { Dialog } from './Dialog.tsx';
import { CopyableAddress, NewLinkPanel } from './LinkAddress.tsx';
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
  // The rep may pick another of the computer's network addresses; links follow it.
  const [pickedBase, setPickedBase] = useState<string | null>(null);
  const bases = shown?.address.bases ?? [];
  const base = pickedBase && bases.includes(pickedBase) ? pickedBase : (bases[0] ?? null);

  const generate = async () => {
    setBusy(true);
    await act(async () =>
      setGenerated(await trunkshow().invoke('shareLinks.generate', { selectionId })),
    );
    setBusy(false);
  };

  const revoke = (link: ShareLinkView) =>
    act(() => trunkshow().invoke('shareLinks.revoke', { linkId: link.id }));

  // The switch moves at once and stays there until the dialog's data says the same (the
  // hub's answer, then the new addresses, arrive separately); a refusal puts it back.
  const [switching, setSwitching] = useState<boolean | null>(null);
  const serveOnNetwork = (on: boolean) => {
    setSwitching(on);
    return act(async () => {
      try {
        await trunkshow().invoke('hub.serveOnNetwork', { on });
      } catch (error) {
        setSwitching(null);
        throw error;
      }
    });
  };
  // Adjusted while rendering (React's way for state that follows props): once the data
  // says what the switch says, the data leads again.
  const served = shown?.address.serveOnNetwork;
  if (switching !== null && served === switching) setSwitching(null);
  const address = shown
    ? { ...shown.address, serveOnNetwork: switching ?? shown.address.serveOnNetwork }
    : null;

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
          <CopyableAddress url={rebase(shown.ordinaryUrl, base)} subject={selectionName} />
          <LinkReachNote
            address={address!}
            settling={switching !== null}
            base={base}
            onPickBase={setPickedBase}
            onServeOnNetwork={(on) => void serveOnNetwork(on)}
          />
          {shown.links.length > 0 ? (
            <>
              <p className="share__off-links">{t('share.offLinks')}</p>
              <LinkList links={shown.links} onRevoke={(link) => void revoke(link)} />
            </>
          ) : null}
        </>
      ) : (
        <>
          <LinkReachNote
            address={address!}
            settling={switching !== null}
            base={base}
            onPickBase={setPickedBase}
            onServeOnNetwork={(on) => void serveOnNetwork(on)}
          />
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
              url={rebase(generated.url, base)}
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

/** The same link at another of the hub's addresses: the path (and its token) stays. */
function rebase(url: string, base: string | null): string {
  if (!base) return url;
  const parsed = new URL(url);
  return `${base}${parsed.pathname}${parsed.search}`;
}

/**
 * Who can open the links: a phone on this computer's network, anyone at the brand's
 * public address, or (the built-in hub on loopback) this computer alone, with the switch
 * that serves buyers on the booth's network.
 */
function LinkReachNote({
  address,
  settling,
  base,
  onPickBase,
  onServeOnNetwork,
}: {
  address: LinkAddress;
  /** The switch just moved: what the links reach is known once the hub answers. */
  settling: boolean;
  base: string | null;
  onPickBase: (base: string) => void;
  onServeOnNetwork: (on: boolean) => void;
}) {
  const { t } = useTranslation();
  const note = settling
    ? null
    : address.reach === 'network'
      ? t('share.reach.network')
      : address.reach === 'thisComputer'
        ? address.serveOnNetwork
          ? t('share.reach.noNetwork')
          : t('share.reach.thisComputer')
        : address.reach === 'public'
          ? t('share.reach.public', { address: base ?? '' })
          : null;
  return (
    <div className={`share__reach share__reach--${address.reach}`}>
      {address.serveOnNetwork === null ? null : (
        <label className="share__switch">
          <input
            type="checkbox"
            role="switch"
            checked={address.serveOnNetwork}
            onChange={(event) => onServeOnNetwork(event.target.checked)}
          />
          <span>{t('share.serveOnNetwork')}</span>
        </label>
      )}
      {note ? <p className="share__reach-note">{note}</p> : null}
      {address.reach === 'network' && address.bases.length > 1 ? (
        <label className="share__base">
          <span>{t('share.networkAddress')}</span>
          <select
            className="field__control"
            value={base ?? ''}
            onChange={(event) => onPickBase(event.target.value)}
          >
            {address.bases.map((option) => (
              <option key={option} value={option}>
                {option}
              </option>
            ))}
          </select>
        </label>
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
  return (
    <NewLinkPanel
      label={t('share.newLink')}
      heading={t('share.once')}
      url={url}
      subject={subject}
      note={
        link.state === 'waiting'
          ? t('share.goesLive', { date: formatDate(link.expiresAt, i18n.language) })
          : t('share.expires', { date: formatDate(link.expiresAt, i18n.language) })
      }
    />
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
