import i18next from 'i18next';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  DtcBasket,
  DtcBoughtLine,
  DtcOrderAnswer,
} from '../../../preload/contract/buyer-api/index.ts';
import { Money } from '../../ui/Money.tsx';
import { useBrand } from '../BuyerApp.tsx';
import { OrderNumber, PlacedTotals, TotalsRow } from '../checkout-parts.tsx';
import { enDtc } from '../locales/en-dtc.ts';
import { jaDtc } from '../locales/ja-dtc.ts';
import { Problem } from '../PageStatus.tsx';
import { purchaseDtcBasket, type DtcOpening, type DtcPurchaseRequest } from './dtc-api.ts';
import { cardPurchaseOf, keepCardPurchase, type DtcLink } from './dtc-link.ts';
import { DtcCheckout } from './DtcCheckout.tsx';
import './dtc.css';

// This page's words travel with its script: the other buyer pages never load them.
i18next.addResourceBundle('en', 'translation', { dtc: enDtc }, true, true);
i18next.addResourceBundle('ja', 'translation', { dtc: jaDtc }, true, true);

/**
 * A DTC checkout link's page, `/dtc/<basket>/<hash>` (dtc-shareable-order-link.txt):
 * what this tab's claim found. A link that is not valid says so; one already used says
 * the basket is empty; a claimed basket is the checkout, then the order's confirmation.
 * A basket this tab bought before (a reload, the way back from Stripe's page) shows its
 * order, with how the card payment went.
 */
export function DtcPage({ link, opening }: { link: DtcLink | null; opening: DtcOpening | null }) {
  const { t } = useTranslation();
  const brand = useBrand();
  const [placed, setPlaced] = useState<{
    order: DtcOrderAnswer;
    email: string;
    bought: DtcBoughtLine[];
  } | null>(null);
  if (opening === null || opening.kind === 'notValid') {
    return (
      <Notice title={t('dtc.notValidTitle')}>
        <p>{t('dtc.notValidLead')}</p>
      </Notice>
    );
  }
  if (opening.kind === 'limited') return <Notice title={t('shared.limited')} />;
  if (opening.kind === 'failed') return <Problem />;
  if (opening.kind === 'used') {
    const who = opening.brand || brand;
    return (
      <Notice title={t('dtc.usedTitle')}>
        <p>{who ? t('dtc.usedLead', { brand: who }) : t('dtc.usedLeadNoBrand')}</p>
      </Notice>
    );
  }
  const { basket, claimToken } = opening;
  if (placed) return <Confirmation {...placed} />;
  if (basket.purchased) {
    return (
      <Bought
        basket={basket}
        number={basket.purchased.number}
        lines={basket.purchased.lines}
        payment={link?.payment ?? null}
        retry={link ? cardPurchaseOf<DtcPurchaseRequest>(link.basket) : null}
      />
    );
  }
  return (
    <article className="dtc" aria-labelledby="dtc-title">
      <h1 id="dtc-title" className="landing__title">
        {t('dtc.title')}
      </h1>
      <p className="dtc__from">
        {basket.name}
        {basket.brand ? ` · ${t('dtc.from', { brand: basket.brand })}` : null}
      </p>
      {basket.options.ignoreTax ? null : (
        <p className="dtc-lead">
          {basket.pricesIncludeTax ? t('dtc.pricesIncludeTax') : t('dtc.pricesExcludeTax')}
        </p>
      )}
      <DtcCheckout
        claimToken={claimToken}
        basket={basket}
        onPlaced={(order, email, bought) => {
          setPlaced({ order, email, bought });
          window.scrollTo(0, 0);
        }}
      />
    </article>
  );
}

function Notice({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <section className="expired" aria-labelledby="dtc-notice-title">
      <h1 id="dtc-notice-title" className="expired__title">
        {title}
      </h1>
      {children}
    </section>
  );
}

/** A heading that takes the focus when shown: keyboard and screen reader users land on the outcome. */
function useFocused() {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return heading;
}

/** The order just placed (paid outside the app): its number, what it holds and what the hub charged. */
function Confirmation({
  order,
  email,
  bought,
}: {
  order: DtcOrderAnswer;
  email: string;
  bought: DtcBoughtLine[];
}) {
  const { t, i18n } = useTranslation();
  const heading = useFocused();
  const { totals } = order;
  return (
    <section className="checkout checkout--done dtc-done" aria-labelledby="dtc-done-title">
      <h1 id="dtc-done-title" tabIndex={-1} ref={heading}>
        {t('dtc.confirmedTitle')}
      </h1>
      <p role="status">
        {email ? t('dtc.confirmedLead', { email }) : t('dtc.confirmedLeadNoEmail')}
      </p>
      <OrderNumber number={order.number} />
      <BoughtLines lines={bought} />
      <dl className="checkout__totals">
        <PlacedTotals
          totals={totals}
          shippingRateName={order.shippingRateName}
          discountLabel={t('dtc.discount')}
        >
          {totals.taxMinor > 0 ? (
            <TotalsRow label={totals.taxIncluded ? t('dtc.taxIncludedAmount') : t('dtc.taxNone')}>
              <Money
                value={{ amountMinor: totals.taxMinor, currency: totals.currency }}
                language={i18n.language}
              />
            </TotalsRow>
          ) : null}
        </PlacedTotals>
      </dl>
    </section>
  );
}

/**
 * A basket this tab bought before: its order's number and, back from Stripe's page, how
 * the card payment went. A payment not finished can be started again: the same
 * purchase (same order id) places nothing twice and answers Stripe's page anew.
 */
function Bought({
  basket,
  number,
  lines,
  payment,
  retry,
}: {
  basket: DtcBasket;
  number: string | null;
  lines: readonly DtcBoughtLine[];
  payment: DtcLink['payment'];
  retry: DtcPurchaseRequest | null;
}) {
  const { t } = useTranslation();
  const heading = useFocused();
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const payAgain = async (request: DtcPurchaseRequest) => {
    setBusy(true);
    setFailure(null);
    try {
      const answer = await purchaseDtcBasket(request);
      if (answer.ok && answer.order.cardPaymentUrl) {
        // Stripe's way back names no basket: this one is kept again for it.
        keepCardPurchase(basket.basket, request);
        window.location.assign(answer.order.cardPaymentUrl);
        return;
      }
      setFailure(
        !answer.ok && answer.refusal.code === 'payment_method_not_offered'
          ? t('dtc.problem_cardNotOffered')
          : t('dtc.problem_failed'),
      );
    } catch {
      setFailure(t('unreachable'));
    }
    setBusy(false);
  };
  return (
    <section className="checkout checkout--done dtc-done" aria-labelledby="dtc-done-title">
      <h1 id="dtc-done-title" tabIndex={-1} ref={heading}>
        {t('dtc.boughtTitle')}
      </h1>
      {payment === null ? <p>{t('dtc.boughtLead')}</p> : null}
      {payment !== null ? (
        <p className="notice" role="status">
          {payment === 'paid' ? t('dtc.cardPaid') : t('dtc.cardCancelled')}
        </p>
      ) : null}
      <OrderNumber number={number} />
      <p className="dtc__from">{basket.name}</p>
      <BoughtLines lines={lines} />
      {failure ? <Problem message={failure} /> : null}
      {payment === 'cancelled' && retry?.paymentMethod === 'stripe_card' ? (
        <div className="checkout__actions">
          <button
            type="button"
            className="button button--primary"
            disabled={busy}
            onClick={() => void payAgain(retry)}
          >
            {t('dtc.payByCard')}
          </button>
        </div>
      ) : null}
    </section>
  );
}

/** What an order holds, product by product with its quantity. */
function BoughtLines({ lines }: { lines: readonly DtcBoughtLine[] }) {
  const { t } = useTranslation();
  return (
    <ul className="dtc-done__lines" aria-label={t('dtc.boughtLines')}>
      {lines.map((line) => (
        <li key={line.skuId}>
          <span>
            {t('dtc.lineName', { style: line.styleName, colour: line.colorway, size: line.size })}
          </span>
          <span className="dtc-done__quantity">
            {t('dtc.boughtQuantity', { count: line.quantity })}
          </span>
        </li>
      ))}
    </ul>
  );
}
