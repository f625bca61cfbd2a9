import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { v7 as uuidv7 } from 'uuid';
import { EMPTY_ADDRESS, type AddressFields as Address } from '../../../main/domain/addresses.ts';
import { contactProblems, type ContactField } from '../../../main/domain/checkout-contact.ts';
import type { PaymentMethod } from '../../../main/domain/order-states.ts';
import type {
  DtcBasket,
  DtcBoughtLine,
  DtcOrderAnswer,
  DtcQuote,
} from '../../../preload/contract/buyer-api/index.ts';
import { countryOptions, someCountryOptions } from '../../ui/countries.ts';
import { Money } from '../../ui/Money.tsx';
import {
  addressProblemsAt,
  addressTyped,
  ContactInput,
  PaymentChoice,
  contactFieldProblems,
  ShippingChoice,
  ShipToAndBillTo,
  TotalsRow,
  useAddressWords,
  useContactWords,
  type ContactProblems,
} from '../checkout-parts.tsx';
import { Problem } from '../PageStatus.tsx';
import {
  purchaseDtcBasket,
  quoteDtcBasket,
  type DtcPurchaseRequest,
  type DtcRefusal,
} from './dtc-api.ts';
import { keepCardPurchase } from './dtc-link.ts';
import { basketProblems, type BasketProblems } from './dtc-problems.ts';
import { DtcBasketLines } from './DtcBasketLines.tsx';
import { taxRateText } from './tax-rate.ts';

const EMPTY_CONTACT: Record<ContactField, string> = { name: '', email: '', phone: '', note: '' };

/** What the customer sees wrong after a try: the page's own checks and the hub's answer. */
interface Refused {
  contact: ContactProblems;
  /** Address problems keyed `shipTo.city`, and `paymentMethod`, in the page's words. */
  details: Partial<Record<string, string>>;
  basket: BasketProblems;
}

const NONE: Refused = { contact: {}, details: {}, basket: { lines: {}, general: [] } };

/**
 * The claimed basket and its checkout on one page: the products, the customer's details
 * and the ship-to address (its country among the market's), shipping from the brand's
 * rates, the way to pay, and what it all comes to. Every change asks the hub for a quote,
 * which prices the basket and says each problem; the page shows them where they belong
 * and sends nothing the quote refuses. The purchase is priced again by the hub.
 */
export function DtcCheckout({
  claimToken,
  basket,
  onPlaced,
}: {
  claimToken: string;
  basket: DtcBasket;
  onPlaced: (order: DtcOrderAnswer, email: string, bought: DtcBoughtLine[]) => void;
}) {
  const { t, i18n } = useTranslation();
  // Made once per page: a retry of the same purchase places nothing twice. Not
  // crypto.randomUUID(): it exists only in secure contexts, and a booth hub is plain HTTP.
  const [orderId] = useState(() => uuidv7());
  const [quantities, setQuantities] = useState(() =>
    basket.lines.map((line) => line.savedQuantity),
  );
  const [contact, setContact] = useState(EMPTY_CONTACT);
  const [shipTo, setShipTo] = useState<Address>(() => ({
    ...EMPTY_ADDRESS,
    country: basket.countries.length === 1 ? basket.countries[0]! : '',
  }));
  const [separateBillTo, setSeparateBillTo] = useState(false);
  const [billTo, setBillTo] = useState<Address>(EMPTY_ADDRESS);
  const [groupId, setGroupId] = useState<string | null>(null);
  const [payment, setPayment] = useState<PaymentMethod>(basket.paymentMethods[0]!);
  const [quote, setQuote] = useState<DtcQuote | null>(null);
  const [refused, setRefused] = useState<Refused>(NONE);
  const [sending, setSending] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const formRef = useRef<HTMLFormElement>(null);

  // The market's countries only, named once; every country only for a bill-to elsewhere.
  const countries = useMemo(
    () =>
      basket.countries.length === 0
        ? countryOptions(i18n.language)
        : someCountryOptions(basket.countries, i18n.language),
    [basket.countries, i18n.language],
  );
  const countryName = (code: string) =>
    countries.find((country) => country.code === code)?.name ?? code;
  const lines = useMemo(
    () => basket.lines.map((line, index) => ({ skuId: line.skuId, quantity: quantities[index]! })),
    [basket.lines, quantities],
  );
  const country = shipTo.country === '' ? null : shipTo.country;

  // The quote follows the basket, the country and the rate chosen; typing waits for a pause.
  const quoted = useRef(false);
  useEffect(() => {
    const abort = new AbortController();
    const timer = setTimeout(
      () => {
        quoteDtcBasket({ claimToken, lines, country, shippingGroupId: groupId }, abort.signal).then(
          (answer) => {
            if (answer && !abort.signal.aborted) setQuote(answer);
          },
          () => {},
        );
      },
      quoted.current ? 250 : 0,
    );
    quoted.current = true;
    return () => {
      clearTimeout(timer);
      abort.abort();
    };
  }, [claimToken, lines, country, groupId]);

  useEffect(() => {
    // Keyboard and screen reader users land on the first field to correct.
    if (refused !== NONE) {
      formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
    }
  }, [refused]);

  const problemContext = {
    countryName,
    lineOf: (skuId: string) => basket.lines.findIndex((line) => line.skuId === skuId),
    savedQuantity: (index: number) => basket.lines[index]?.savedQuantity ?? 0,
  };
  // What the quote finds wrong shows as the customer goes; what a try found, until fixed.
  const live = basketProblems(quote?.problems ?? [], t, problemContext);
  const shown: BasketProblems = {
    lines: { ...refused.basket.lines, ...live.lines },
    country: live.country ?? refused.basket.country,
    shipping: live.shipping ?? refused.basket.shipping,
    general: [...new Set([...live.general, ...refused.basket.general])],
  };

  const addressWords = useAddressWords();
  const contactWords = useContactWords();

  const setQuantity = (index: number, quantity: number) => {
    setQuantities(quantities.map((found, at) => (at === index ? quantity : found)));
    const rest = { ...refused.basket.lines };
    delete rest[index];
    setRefused({ ...refused, basket: { ...refused.basket, lines: rest, general: [] } });
  };
  const settle = (path: string, patch: Partial<Address>) => {
    const details = { ...refused.details };
    for (const field of Object.keys(patch)) delete details[`${path}.${field}`];
    const basketNow =
      'country' in patch
        ? { ...refused.basket, country: undefined, shipping: undefined }
        : refused.basket;
    setRefused({ ...refused, details, basket: basketNow });
  };

  const send = async () => {
    setFailure(null);
    const own: Refused = {
      contact: contactProblems(contact),
      details: {
        ...addressProblemsAt('shipTo', shipTo, addressWords),
        ...(separateBillTo ? addressProblemsAt('billTo', billTo, addressWords) : {}),
      },
      basket: { lines: {}, general: [] },
    };
    const blocked = (quote?.problems.length ?? 0) > 0;
    if (Object.keys(own.contact).length > 0 || Object.keys(own.details).length > 0 || blocked) {
      setRefused(own);
      return;
    }
    const request: DtcPurchaseRequest = {
      claimToken,
      orderId,
      lines,
      ...contact,
      shipTo,
      billTo: separateBillTo && addressTyped(billTo) ? billTo : null,
      shippingGroupId: quote?.shippingGroupId ?? null,
      paymentMethod: payment,
    };
    setSending(true);
    let answer: Awaited<ReturnType<typeof purchaseDtcBasket>>;
    try {
      answer = await purchaseDtcBasket(request);
    } catch {
      setFailure(t('unreachable'));
      setSending(false);
      return;
    }
    if (answer.ok) {
      if (answer.order.cardPaymentUrl) {
        // Placed with its payment pending: the customer pays on Stripe's page, then comes back.
        keepCardPurchase(basket.basket, request);
        window.location.assign(answer.order.cardPaymentUrl);
        return;
      }
      // What the hub placed is exactly the lines sent: the confirmation names them.
      const bought = basket.lines.flatMap((line, index) => {
        const quantity = quantities[index]!;
        if (quantity === 0) return [];
        const { skuId, styleName, colorway, size } = line;
        return [{ skuId, styleName, colorway, size, quantity }];
      });
      onPlaced(answer.order, contact.email.trim(), bought);
      return;
    }
    const words = refusalWords(answer.refusal);
    setRefused(words.refused);
    setFailure(words.failure);
    setSending(false);
  };

  const refusalWords = (refusal: DtcRefusal): { refused: Refused; failure: string | null } => {
    const found: Refused = {
      contact: contactFieldProblems(refusal.issues),
      details: {},
      basket: { lines: {}, general: [] },
    };
    for (const issue of refusal.issues) {
      if (/^(shipTo|billTo)\.\w+$/.test(issue.path))
        found.details[issue.path] ??= addressWords(issue);
      else if (issue.path === 'paymentMethod') {
        found.details.paymentMethod =
          issue.code === 'payment_method_not_offered'
            ? t('dtc.problem_cardNotOffered')
            : t('checkout.problem_choosePayment');
      } else if (/^lines\.\d+/.test(issue.path)) {
        const index = Number(issue.path.split('.')[1]);
        found.basket.lines[index] ??= t('dtc.problem_quantity', {
          max: basket.lines[index]?.maxQuantity ?? 0,
        });
      }
    }
    const code = refusal.code;
    if (code === 'invalid_input') return { refused: found, failure: t('dtc.problem_check') };
    if (code === 'payment_method_not_offered') {
      found.details.paymentMethod = t('dtc.problem_cardNotOffered');
      return { refused: found, failure: null };
    }
    if (code === 'insufficient_stock' || code?.startsWith('dtc_')) {
      const problems =
        refusal.refusals.length > 0 ? refusal.refusals : [{ code, params: refusal.params }];
      if (code === 'dtc_claim_purchased') {
        return { refused: found, failure: t('dtc.problem_claimPurchased') };
      }
      found.basket = basketProblems(problems, t, problemContext);
      return { refused: found, failure: null };
    }
    if (code === 'link_expired') return { refused: found, failure: t('dtc.problem_linkStopped') };
    if (code === 'rate_limited') return { refused: found, failure: t('shared.limited') };
    return { refused: found, failure: t('dtc.problem_failed') };
  };

  const money = (amountMinor: number | null, deduction = false) => (
    <Money
      value={amountMinor === null ? null : { amountMinor, currency: basket.currency }}
      language={i18n.language}
      deduction={deduction}
    />
  );
  return (
    <div className="dtc-layout">
      <DtcBasketLines
        basket={basket}
        quantities={quantities}
        quote={quote}
        problems={shown.lines}
        onQuantity={setQuantity}
      />
      <form
        ref={formRef}
        className="checkout dtc-checkout"
        aria-labelledby="dtc-checkout-title"
        // The page checks the details itself, in the customer's language, with the hub's rules.
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void send();
        }}
      >
        <h2 id="dtc-checkout-title">{t('dtc.checkoutTitle')}</h2>
        {(['name', 'email', 'phone'] as const).map((field) => {
          const problem = refused.contact[field];
          return (
            <ContactInput
              key={field}
              field={field}
              label={t(`shared.${field}`)}
              value={contact[field]}
              problem={problem ? contactWords(field, problem) : null}
              onChange={(value) => setContact({ ...contact, [field]: value })}
            />
          );
        })}
        <ShipToAndBillTo
          shipTo={shipTo}
          billTo={billTo}
          separateBillTo={separateBillTo}
          problems={{
            ...refused.details,
            ...(shown.country ? { 'shipTo.country': shown.country } : {}),
          }}
          shipToCountries={countries}
          billToCountries={separateBillTo ? countryOptions(i18n.language) : []}
          onShipTo={(patch) => {
            setShipTo({ ...shipTo, ...patch });
            if ('country' in patch) setGroupId(null);
            settle('shipTo', patch);
          }}
          onBillTo={(patch) => {
            setBillTo({ ...billTo, ...patch });
            settle('billTo', patch);
          }}
          onSeparateBillTo={setSeparateBillTo}
        />
        {basket.options.ignoreShipping ? null : (
          <ShippingChoice
            rates={quote?.shippingRates ?? []}
            currency={basket.currency}
            value={quote?.shippingGroupId ?? null}
            onChange={setGroupId}
            error={shown.shipping}
            noRates={shown.shipping ?? t('checkout.problem_chooseCountryFirst')}
          />
        )}
        <PaymentChoice
          methods={basket.paymentMethods}
          value={payment}
          onChange={setPayment}
          error={refused.details.paymentMethod}
        />
        <ContactInput
          field="note"
          label={t('shared.note')}
          value={contact.note}
          problem={refused.contact.note ? contactWords('note', refused.contact.note) : null}
          onChange={(value) => setContact({ ...contact, note: value })}
        />
        <dl className="checkout__totals" aria-label={t('checkout.summary')}>
          <TotalsRow label={t('shared.subtotal')}>{money(quote?.subtotalMinor ?? null)}</TotalsRow>
          {quote && quote.discountMinor > 0 ? (
            <TotalsRow label={t('dtc.discount')}>{money(quote.discountMinor, true)}</TotalsRow>
          ) : null}
          {basket.options.ignoreTax ? null : (
            <TotalsRow
              label={
                country === null || !quote
                  ? t('dtc.taxNone')
                  : t(quote.taxIncluded ? 'dtc.taxIncluded' : 'dtc.tax', {
                      rate: taxRateText(quote.lines[0]?.taxRateBp ?? 0, i18n.language),
                    })
              }
            >
              {country === null ? '—' : money(quote?.taxMinor ?? null)}
            </TotalsRow>
          )}
          {basket.options.ignoreShipping ? null : (
            <TotalsRow label={t('checkout.shippingLine')}>
              {!quote?.shippingGroupId
                ? '—'
                : quote.shippingMinor === 0
                  ? t('checkout.free')
                  : money(quote.shippingMinor)}
            </TotalsRow>
          )}
          <div className="checkout__total">
            <dt>{t('shared.total')}</dt>
            <dd>{money(quote?.totalMinor ?? null)}</dd>
          </div>
        </dl>
        {country === null && !(basket.options.ignoreTax && basket.options.ignoreShipping) ? (
          <p className="checkout__hint">{t('dtc.countryFirst')}</p>
        ) : null}
        {shown.general.map((words) => (
          <p key={words} className="notice notice--error">
            {words}
          </p>
        ))}
        {failure ? <Problem message={failure} /> : null}
        <div className="checkout__actions">
          <button type="submit" className="button button--primary" disabled={sending}>
            {sending
              ? t('dtc.sending')
              : payment === 'stripe_card'
                ? t('dtc.payByCard')
                : t('dtc.placeOrder')}
          </button>
        </div>
      </form>
    </div>
  );
}
