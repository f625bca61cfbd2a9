import { lazy, Suspense, useMemo, useState } from 'react';
import { paymentMethodsOffered, WITHOUT_CARD_FLOW } from '../../main/domain/order-states.ts';
import { useTranslation } from 'react-i18next';
import { checkout, orderableOf, shippingOptions, type ShareAnswer } from './api.ts';
import type { CheckoutDoor, ShortSize } from './CheckoutForm.tsx';
import { Problem } from './PageStatus.tsx';
import type { SharedSelection } from '../../preload/contract/index.ts';
import { SelectionSheet } from './SelectionSheet.tsx';

// The checkout (address fields, the ISO country list, shipping) loads after the sheet:
// a phone shows the selection first and the form a moment later, below the fold.
const CheckoutForm = lazy(() =>
  import('./CheckoutForm.tsx').then((module) => ({ default: module.CheckoutForm })),
);

/**
 * What a share link opens: the selection, read-only, in the selection's currency, with
 * Request Checkout. No way to share it onward is offered here. A link that does not
 * open (unknown, malformed, expired, revoked, switched off) shows the spec's message and
 * a way to log in.
 */
export function SharedSelectionPage({
  token,
  answer,
}: {
  token: string | null;
  /** The hub's answer to the token; null without a token. */
  answer: ShareAnswer | null;
}) {
  const { t } = useTranslation();
  const [short, setShort] = useState<ReadonlyMap<string, number>>(new Map());
  const open = answer?.kind === 'open' ? answer.selection : null;
  const door = useMemo(() => (token && open ? shareDoor(token, open) : null), [token, open]);
  if (token === null || answer === null || answer.kind === 'expired' || answer.kind === 'limited') {
    return (
      <section className="expired" aria-labelledby="expired-title">
        <h1 id="expired-title" className="expired__title">
          {answer?.kind === 'limited' ? t('shared.limited') : t('shared.expired')}
        </h1>
        <a className="button button--primary" href="/login">
          {t('shared.logIn')}
        </a>
      </section>
    );
  }
  if (answer.kind === 'failed' || door === null) return <Problem />;
  return (
    <SelectionSheet selection={answer.selection} token={token} shortSizes={short}>
      <Suspense fallback={null}>
        <CheckoutForm
          door={door}
          orderable={orderableOf(answer.selection).orderable}
          leftOut={orderableOf(answer.selection).leaveOut.length}
          styleOf={styleNames(answer.selection.lines)}
          totals={answer.selection.totals}
          onShortSizes={(sizes: readonly ShortSize[]) =>
            setShort(new Map(sizes.map((size) => [size.skuId, size.available])))
          }
        />
      </Suspense>
    </SelectionSheet>
  );
}

/**
 * A share link's checkout: Request Checkout for the brand to complete, or, with the
 * brand's prepayment checkout, complete it here; ordered without the styles the sheet
 * shows past their deadline.
 */
function shareDoor(token: string, selection: SharedSelection): CheckoutDoor {
  const { leaveOut } = orderableOf(selection);
  return {
    shippingOptions: (country, signal) => shippingOptions(token, country, signal),
    send: (form, complete) => checkout(token, form, complete, leaveOut),
    // A share link's checkout takes no card: that is a customer order link's.
    paymentMethods: paymentMethodsOffered(WITHOUT_CARD_FLOW),
    addressAsked: false,
    actions: selection.prepaymentCheckout ? 'either' : 'request',
    ordering: 'selection',
  };
}

/** Each SKU's style and colour as the sheet shows them, for a refusal to name the line. */
function styleNames(
  lines: readonly {
    name: string;
    colorway: { name: string };
    cells: readonly { skuId: string }[];
  }[],
): ReadonlyMap<string, string> {
  return new Map(
    lines.flatMap((line) =>
      line.cells.map((cell) => [cell.skuId, `${line.name}, ${line.colorway.name}`] as const),
    ),
  );
}
