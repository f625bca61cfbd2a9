import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { isOperationErrorData } from '../../../preload/contract/index.ts';
import { errorMessage, trunkshow } from '../api.ts';
import { useOperation } from '../hooks/useOperation.ts';
import { ChoiceGroup, Field } from '../../ui/Field.tsx';
import { Dialog } from './Dialog.tsx';
import './OpenAsBuyer.css';

/**
 * "Open as <buyer>" (main/domain/link-sign-in-tickets.ts): a staff member opens a live
 * customer order link in the browser logged in as a buyer, to fill the cart and place
 * the order for them. The desktop gets a one-time ticket from the hub and opens the
 * link's address with it in the fragment: in Electron a new window goes to the system
 * browser (main/electron/security.ts), in the browser shell it is a new tab. From a
 * link, pick the buyer; from a buyer, pick the link.
 */

interface Named {
  id: string;
  name: string;
}

/** Opens the link as the buyer; answers the problem in the staff member's words, or null. */
function useOpenAs() {
  const { t } = useTranslation();
  return async (link: Named, buyer: Named): Promise<string | null> => {
    try {
      const { url } = await trunkshow().invoke('customerOrderLinks.openAsBuyer', {
        linkId: link.id,
        buyerId: buyer.id,
      });
      window.open(url, '_blank', 'noopener,noreferrer');
      return null;
    } catch (failure) {
      // Offline there is no ticket: the order can still be placed in the showroom.
      if (isOperationErrorData(failure) && failure.code === 'unavailable')
        return t('openAs.needsHub');
      // A rep acts for their own buyers only; the hub decides which those are.
      if (isOperationErrorData(failure) && failure.code === 'forbidden')
        return t('openAs.notYourBuyer', { buyer: buyer.name });
      return errorMessage(failure, t('unexpected'));
    }
  };
}

/** Picks one of a list, opens, and closes on success; the problem stays in the dialog. */
function OpenAsDialog({
  title,
  lead,
  chosen,
  buyerName,
  onOpen,
  onClose,
  children,
}: {
  title: string;
  lead: string;
  chosen: boolean;
  buyerName: string | null;
  onOpen: () => Promise<string | null>;
  onClose: () => void;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const open = async () => {
    setBusy(true);
    setProblem(null);
    const refused = await onOpen();
    setBusy(false);
    if (refused === null) onClose();
    else setProblem(refused);
  };
  return (
    <Dialog
      open
      title={title}
      lead={lead}
      busy={busy}
      onClose={onClose}
      actions={
        <>
          <button type="button" className="button" onClick={onClose}>
            {t('openAs.cancel')}
          </button>
          <button
            type="button"
            className="button button--primary"
            disabled={!chosen || busy}
            onClick={() => void open()}
          >
            {buyerName ? t('openAs.open', { buyer: buyerName }) : t('openAs.openPlain')}
          </button>
        </>
      }
    >
      {children}
      {problem ? (
        <p className="notice notice--error" role="alert">
          {problem}
        </p>
      ) : null}
    </Dialog>
  );
}

/** From the Links list: which buyer to open the link as, found by name. */
export function OpenLinkAsBuyerDialog({
  link,
  onOpened,
  onClose,
}: {
  link: Named;
  onOpened: (buyer: Named) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const openAs = useOpenAs();
  const [query, setQuery] = useState('');
  const [buyer, setBuyer] = useState<Named | null>(null);
  const buyers = useOperation('buyers.list', { query, limit: 50 });
  const items = buyers.data?.items ?? [];
  return (
    <OpenAsDialog
      title={t('openAs.pickBuyerTitle', { link: link.name })}
      lead={t('openAs.pickBuyerLead')}
      chosen={buyer !== null}
      buyerName={buyer?.name ?? null}
      onOpen={async () => {
        const refused = await openAs(link, buyer!);
        if (refused === null) onOpened(buyer!);
        return refused;
      }}
      onClose={onClose}
    >
      <Field label={t('openAs.searchBuyers')}>
        {(control) => (
          <input
            {...control}
            type="search"
            className="field__control"
            data-autofocus
            value={query}
            onChange={(event) => setQuery(event.target.value)}
          />
        )}
      </Field>
      <Choices
        legend={t('openAs.buyers')}
        name="open-as-buyer"
        items={items}
        chosen={buyer}
        onChoose={setBuyer}
        empty={buyers.data ? t('openAs.noBuyers') : (buyers.problem ?? t('openAs.loading'))}
      />
    </OpenAsDialog>
  );
}

/** From a buyer's dialog: which live link to open as the buyer. */
export function OpenBuyerInLinkDialog({
  buyer,
  onOpened,
  onClose,
}: {
  buyer: Named;
  onOpened: (link: Named) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const openAs = useOpenAs();
  const [link, setLink] = useState<Named | null>(null);
  const overview = useOperation('customerOrderLinks.list', {});
  const live = (overview.data?.links ?? []).filter((each) => each.state === 'live');
  return (
    <OpenAsDialog
      title={t('openAs.pickLinkTitle', { buyer: buyer.name })}
      lead={t('openAs.pickLinkLead', { buyer: buyer.name })}
      chosen={link !== null}
      buyerName={buyer.name}
      onOpen={async () => {
        const refused = await openAs(link!, buyer);
        if (refused === null) onOpened(link!);
        return refused;
      }}
      onClose={onClose}
    >
      <Choices
        legend={t('openAs.links')}
        name="open-as-link"
        items={live}
        chosen={link}
        onChoose={setLink}
        empty={overview.data ? t('openAs.noLinks') : (overview.problem ?? t('openAs.loading'))}
      />
    </OpenAsDialog>
  );
}

/** A list of named things to choose one of, as radio buttons; what it is empty of, said. */
function Choices({
  legend,
  name,
  items,
  chosen,
  onChoose,
  empty,
}: {
  legend: string;
  name: string;
  items: readonly Named[];
  chosen: Named | null;
  onChoose: (item: Named) => void;
  empty: string;
}) {
  if (items.length === 0) {
    return (
      <p className="open-as__empty" role="status">
        {empty}
      </p>
    );
  }
  const byId = new Map(items.map((item) => [item.id, item]));
  return (
    <div className="open-as__choices">
      <ChoiceGroup
        legend={legend}
        name={name}
        value={chosen?.id ?? ''}
        options={items.map((item) => ({ value: item.id, label: item.name }))}
        onChange={(id) => onChoose(byId.get(id)!)}
      />
    </div>
  );
}

/** "Open as <buyer>": one of the live customer order links, in the browser, as this buyer. */
export function OpenAsBuyerButton({ buyer }: { buyer: { id: string; name: string } }) {
  const { t } = useTranslation();
  const [picking, setPicking] = useState(false);
  const [opened, setOpened] = useState<string | null>(null);
  return (
    <div className="open-as__buyer">
      <button type="button" className="button" onClick={() => setPicking(true)}>
        {t('openAs.open', { buyer: buyer.name })}
      </button>
      {opened ? (
        <p className="notice notice--success" role="status">
          {opened}
        </p>
      ) : null}
      {picking ? (
        <OpenBuyerInLinkDialog
          buyer={buyer}
          onOpened={(link) => setOpened(t('openAs.opened', { link: link.name, buyer: buyer.name }))}
          onClose={() => setPicking(false)}
        />
      ) : null}
    </div>
  );
}
