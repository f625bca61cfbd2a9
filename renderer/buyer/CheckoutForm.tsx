import { useEffect, useMemo, useRef, useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { v7 as uuidv7 } from 'uuid';
import { EMPTY_ADDRESS, type AddressFields as Address } from '../../main/domain/addresses.ts';
import { contactProblems, type ContactField } from '../../main/domain/checkout-contact.ts';
import { MAX_PO_NUMBER, poNumber } from '../../main/domain/delivery-window.ts';
import {
  addressRequired,
  missingForCheckout,
  PAYMENT_METHODS,
  type PaymentMethod,
} from '../../main/domain/order-states.ts';
import { shippingCharge } from '../../main/domain/shipping-rates.ts';
import type { SelectionTotalsView } from '../../preload/contract/index.ts';
import { countryOptions } from '../ui/countries.ts';
import { Field } from '../ui/Field.tsx';
import { Money } from '../ui/Money.tsx';
import type {
  CheckoutAnswer,
  CheckoutForm as Sent,
  PlacedCheckout,
  ShippingOptions,
} from './api.ts';
import {
  addressProblemsAt,
  addressTyped as typed,
  ContactInput,
  OrderNumber,
  PaymentChoice,
  contactFieldProblems,
  PlacedTotals,
  ShippingChoice,
  ShipToAndBillTo,
  TotalsRow,
  useAddressWords,
  useContactWords,
  type ContactProblems as FieldProblems,
} from './checkout-parts.tsx';
import { Problem } from './PageStatus.tsx';

/** Problems of the address, shipping, payment and PO, already in the page's words, by the hub's path. */
type DetailProblems = Partial<Record<string, string>>;

type FormState =
  | { kind: 'editing'; problem: string | null; fields: FieldProblems; details: DetailProblems }
  | { kind: 'sending' }
  | { kind: 'done'; order: PlacedCheckout };

const EMPTY: Record<ContactField, string> = { name: '', email: '', phone: '', note: '' };
const EDITING: Extract<FormState, { kind: 'editing' }> = {
  kind: 'editing',
  problem: null,
  fields: {},
  details: {},
};

/** A size short of stock, as the sheet shows it at the size. */
export interface ShortSize {
  skuId: string;
  size: string;
  available: number;
}

/**
 * Where a checkout goes: a share link's (Request Checkout, and with prepayment Complete
 * checkout) or a customer order link's (its own ways to pay and address field). The form
 * is the same; the door says what it offers and where it sends.
 */
export interface CheckoutDoor {
  /** Whether shipping applies, and the rates to a country in the order's currency. */
  shippingOptions(country: string, signal: AbortSignal): Promise<ShippingOptions | null>;
  /** Sends the checkout: `complete` places the order, otherwise it requests it. */
  send(form: Sent, complete: boolean): Promise<CheckoutAnswer>;
  /** The ways the buyer may pay, in the order offered. */
  paymentMethods: readonly PaymentMethod[];
  /** "Show address input field in checkout": the address is asked even without shipping. */
  addressAsked: boolean;
  /** What the buyer may do: request the checkout, complete it, or either. */
  actions: 'request' | 'complete' | 'either';
  /** What is ordered: a shared selection, or the cart of a customer order link. */
  ordering: 'selection' | 'cart';
}

/**
 * The checkout: the buyer's contact; the ship-to address whenever the brand's shipping
 * applies or the door asks it (the customer-order-links spec), optionally a separate
 * bill-to; the shipping rates the hub offers for the address's country in the order's
 * currency; the payment method; a PO number; and what the order comes to. The page
 * checks with the hub's own rules before sending, and the hub checks again and computes
 * every amount itself; whatever it still finds wrong comes back by field and code, and
 * each problem shows at its field in the page's language.
 */
export function CheckoutForm({
  door,
  orderable,
  leftOut = 0,
  styleOf,
  totals,
  onShortSizes,
}: {
  door: CheckoutDoor;
  /** Styles past their order deadline, shown so on the sheet: ordered without them. */
  leftOut?: number;
  /** Lines that can still be ordered; none, and there is nothing to send. */
  orderable: number;
  /** A SKU's style and colour, for a size short of stock to be named with its line. */
  styleOf: ReadonlyMap<string, string>;
  /** The selection's totals at the buyer's terms, as the sheet shows them. */
  totals: SelectionTotalsView;
  /** Sizes the hub found short, for the sheet to say so at each size. */
  onShortSizes: (sizes: readonly ShortSize[]) => void;
}) {
  const { t, i18n } = useTranslation();
  // Not crypto.randomUUID(): it exists only in secure contexts, and at a booth the hub
  // serves this page over plain HTTP on the local network.
  const [orderId] = useState(() => uuidv7());
  const [form, setForm] = useState(EMPTY);
  const [shipTo, setShipTo] = useState<Address>(EMPTY_ADDRESS);
  const [separateBillTo, setSeparateBillTo] = useState(false);
  const [billTo, setBillTo] = useState<Address>(EMPTY_ADDRESS);
  const [groupId, setGroupId] = useState<string | null>(null);
  const [payment, setPayment] = useState<PaymentMethod>(
    door.paymentMethods[0] ?? PAYMENT_METHODS[0],
  );
  const [po, setPo] = useState('');
  const [options, setOptions] = useState<ShippingOptions | null>(null);
  const [state, setState] = useState<FormState>(EDITING);
  const done = useRef<HTMLHeadingElement>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const countries = useMemo(() => countryOptions(i18n.language), [i18n.language]);

  // The rates follow the address's country; without one, whether shipping applies at all.
  useEffect(() => {
    const abort = new AbortController();
    void door.shippingOptions(shipTo.country, abort.signal).then((found) => {
      if (abort.signal.aborted) return;
      setOptions(found);
      setGroupId((current) =>
        found?.rates.some((rate) => rate.groupId === current)
          ? current
          : (found?.rates[0]?.groupId ?? null),
      );
    });
    return () => abort.abort();
  }, [door, shipTo.country]);

  useEffect(() => {
    // Keyboard and screen reader users land on the outcome, not on a vanished button.
    if (state.kind === 'done') done.current?.focus();
    // …and on the first field to correct, which names its problem.
    if (state.kind === 'editing') {
      formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
    }
  }, [state]);

  const shippingApplies = options?.shippingApplies ?? false;
  const asksAddress = addressRequired({
    shippingApplies,
    paymentMethod: payment,
    addressAsked: door.addressAsked,
  });
  const rate = options?.rates.find((found) => found.groupId === groupId) ?? null;
  const goods = totals.total;
  const shipping =
    rate && goods
      ? { amountMinor: shippingCharge(rate, goods.amountMinor), currency: goods.currency }
      : null;
  const total =
    goods && shipping ? { ...goods, amountMinor: goods.amountMinor + shipping.amountMinor } : goods;
  const countryName = (code: string) =>
    countries.find((country) => country.code === code)?.name ?? code;
  const addressWords = useAddressWords();
  const contactWords = useContactWords();

  if (state.kind === 'done') {
    return <Confirmation order={state.order} heading={done} />;
  }

  /** The page's own check, with the hub's rules: what the hub would refuse, said first. */
  const ownProblems = (complete: boolean): DetailProblems => {
    const found: DetailProblems = {};
    if (asksAddress && (complete || typed(shipTo))) {
      Object.assign(found, addressProblemsAt('shipTo', shipTo, addressWords));
    }
    if (separateBillTo && (complete || typed(billTo))) {
      Object.assign(found, addressProblemsAt('billTo', billTo, addressWords));
    }
    const checkedPo = poNumber(po);
    if (!checkedPo.ok) found.poNumber = poWords(checkedPo.code);
    if (complete) {
      const missing = missingForCheckout({
        hasAddress: asksAddress ? typed(shipTo) : true,
        hasShippingRate: groupId !== null,
        paymentMethod: payment,
        shippingApplies,
        addressAsked: door.addressAsked,
      });
      if (missing.includes('shipping') && !found['shipTo.country']) {
        found.shippingGroupId = noRateWords(shipTo.country);
      }
    }
    return found;
  };

  const noRateWords = (country: string) =>
    country === '' || !options
      ? t('checkout.problem_chooseCountryFirst')
      : t('checkout.problem_noRate', { country: countryName(country), currency: options.currency });
  const poWords = (code: string) =>
    code === 'too_big' || code === 'po_number_too_long'
      ? t('shared.tooLong', { max: MAX_PO_NUMBER })
      : t('checkout.problem_poInvalid');

  const send = async (complete: boolean) => {
    const fields = contactProblems(form);
    const details = ownProblems(complete);
    if (Object.keys(fields).length > 0 || Object.keys(details).length > 0) {
      setState({ kind: 'editing', problem: null, fields, details });
      return;
    }
    setState({ kind: 'sending' });
    onShortSizes([]);
    try {
      const answer = await door.send(
        {
          orderId,
          ...form,
          shipTo: asksAddress && typed(shipTo) ? shipTo : null,
          billTo: separateBillTo && typed(billTo) ? billTo : null,
          shippingGroupId: asksAddress && typed(shipTo) ? groupId : null,
          paymentMethod: payment,
          poNumber: po,
        },
        complete,
      );
      if (answer.ok) {
        setState({ kind: 'done', order: answer.order });
        return;
      }
      const fields = contactFieldProblems(answer.issues);
      const details: DetailProblems = {};
      for (const issue of answer.issues) {
        if (details[issue.path]) continue;
        if (issue.path === 'shippingGroupId') {
          details.shippingGroupId =
            issue.code === 'no_shipping_rate'
              ? noRateWords(String(answer.params.country ?? shipTo.country))
              : t('checkout.problem_chooseRate');
        } else if (issue.path === 'poNumber') details.poNumber = poWords(issue.code);
        else if (issue.path === 'shipTo' || issue.path === 'billTo') {
          details[`${issue.path}.line1`] = t('checkout.problem_addressRequired');
        } else if (/^(shipTo|billTo)\.\w+$/.test(issue.path)) {
          details[issue.path] = addressWords(issue);
        } else if (issue.path === 'paymentMethod') {
          details.paymentMethod = t('checkout.problem_choosePayment');
        }
      }
      if (answer.code === 'insufficient_stock') onShortSizes(answer.shortSizes);
      const problem =
        Object.keys(fields).length > 0 || Object.keys(details).length > 0
          ? null
          : answer.code === 'deadline_passed'
            ? t('shared.deadlineRefused', { styles: answer.params.styles })
            : answer.code === 'link_expired'
              ? t('shared.expired')
              : answer.code === 'rate_limited'
                ? t('shared.limited')
                : answer.code === 'insufficient_stock'
                  ? [
                      ...answer.shortSizes.map((short) =>
                        t('shared.onlyLeft', { ...short, style: styleOf.get(short.skuId) ?? '' }),
                      ),
                      t('shared.stockShort'),
                    ].join(' ')
                  : t('shared.checkoutFailed');
      setState({ kind: 'editing', problem, fields, details });
    } catch {
      setState({ ...EDITING, problem: t('unreachable') });
    }
  };
  const editing = state.kind === 'editing' ? state : null;
  const detail = (path: string) => editing?.details[path];
  /** A field typed again no longer shows the problem it had; the next send judges it anew. */
  const settle = (path: string, patch: Partial<Address>) => {
    if (!editing) return;
    const details = { ...editing.details };
    for (const field of Object.keys(patch)) delete details[`${path}.${field}`];
    if ('country' in patch) delete details.shippingGroupId;
    setState({ ...editing, details });
  };
  const field = (key: ContactField, label: string) => {
    const problem = editing?.fields[key];
    return (
      <ContactInput
        field={key}
        label={label}
        value={form[key]}
        problem={problem ? contactWords(key, problem) : null}
        onChange={(value) => setForm({ ...form, [key]: value })}
      />
    );
  };
  const busy = state.kind === 'sending';
  return (
    <form
      ref={formRef}
      className="checkout"
      aria-labelledby="checkout-title"
      // The page checks the contact itself, in the buyer's language, with the hub's rules.
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void send(door.actions === 'complete');
      }}
    >
      <h2 id="checkout-title">
        {door.ordering === 'cart' ? t('shared.checkoutCartTitle') : t('shared.checkoutTitle')}
      </h2>
      <p>
        {door.actions === 'either'
          ? t('shared.checkoutLeadPrepay')
          : door.actions === 'request'
            ? t('shared.checkoutLead')
            : t('shared.checkoutLeadComplete')}
      </p>
      {orderable === 0 ? (
        <p className="notice notice--error">{t('shared.nothingOrderable')}</p>
      ) : leftOut > 0 ? (
        <p className="notice">{t('shared.leftOut', { count: leftOut })}</p>
      ) : null}
      {field('name', t('shared.name'))}
      {field('email', t('shared.email'))}
      {field('phone', t('shared.phone'))}
      {asksAddress ? (
        <ShipToAndBillTo
          shipTo={shipTo}
          billTo={billTo}
          separateBillTo={separateBillTo}
          problems={editing?.details ?? {}}
          shipToCountries={countries}
          billToCountries={countries}
          onShipTo={(patch) => {
            setShipTo({ ...shipTo, ...patch });
            settle('shipTo', patch);
          }}
          onBillTo={(patch) => {
            setBillTo({ ...billTo, ...patch });
            settle('billTo', patch);
          }}
          onSeparateBillTo={setSeparateBillTo}
        />
      ) : null}
      {shippingApplies ? (
        <ShippingChoice
          rates={options?.rates ?? []}
          currency={options?.currency ?? ''}
          value={groupId}
          onChange={setGroupId}
          error={detail('shippingGroupId')}
          noRates={
            shipTo.country === ''
              ? t('checkout.problem_chooseCountryFirst')
              : noRateWords(shipTo.country)
          }
        />
      ) : null}
      <PaymentChoice
        methods={door.paymentMethods}
        value={payment}
        onChange={setPayment}
        error={detail('paymentMethod')}
      />
      <Field
        label={`${t('checkout.poNumber')} ${t('checkout.optional')}`}
        error={detail('poNumber')}
      >
        {(control) => (
          <input
            {...control}
            className="field__control"
            value={po}
            autoComplete="off"
            onChange={(event) => setPo(event.target.value)}
          />
        )}
      </Field>
      {field('note', t('shared.note'))}
      <dl className="checkout__totals" aria-label={t('checkout.summary')}>
        <div>
          <dt>{t('shared.subtotal')}</dt>
          <dd>
            <Money value={totals.subtotal} language={i18n.language} />
          </dd>
        </div>
        {totals.discountPercent > 0 ? (
          <TotalsRow label={t('shared.discount', { value: totals.discountPercent })}>
            <Money value={totals.discount} language={i18n.language} deduction />
          </TotalsRow>
        ) : null}
        {shippingApplies ? (
          <div>
            <dt>{t('checkout.shippingLine')}</dt>
            <dd>
              {shipping === null ? (
                '—'
              ) : shipping.amountMinor === 0 ? (
                t('checkout.free')
              ) : (
                <Money value={shipping} language={i18n.language} />
              )}
            </dd>
          </div>
        ) : null}
        <div className="checkout__total">
          <dt>{t('shared.total')}</dt>
          <dd>
            <Money value={total} language={i18n.language} />
          </dd>
        </div>
      </dl>
      {editing?.problem ? <Problem message={editing.problem} /> : null}
      <div className="checkout__actions">
        {door.actions === 'complete' ? (
          <button
            type="submit"
            className="button button--primary"
            disabled={busy || orderable === 0}
          >
            {t('shared.placeOrder')}
          </button>
        ) : (
          <button
            type="submit"
            className={door.actions === 'either' ? 'button' : 'button button--primary'}
            disabled={busy || orderable === 0}
          >
            Request Checkout
          </button>
        )}
        {door.actions === 'either' ? (
          <button
            type="button"
            className="button button--primary"
            disabled={busy || orderable === 0}
            onClick={() => void send(true)}
          >
            {t('shared.completeCheckout')}
          </button>
        ) : null}
      </div>
    </form>
  );
}

/** What the buyer sees once the order is placed or requested: its number and what it comes to. */
function Confirmation({
  order,
  heading,
}: {
  order: PlacedCheckout;
  heading: RefObject<HTMLHeadingElement | null>;
}) {
  const { t } = useTranslation();
  const placed = order.status === 'Order';
  return (
    <section className="checkout checkout--done" role="status" aria-labelledby="checkout-title">
      <h2 id="checkout-title" tabIndex={-1} ref={heading}>
        {placed ? t('checkout.confirmedTitle') : order.status}
      </h2>
      <p>{placed ? t('shared.ordered') : t('shared.requested')}</p>
      <OrderNumber number={order.number} />
      <dl className="checkout__totals">
        <TotalsRow label={t('checkout.status')}>{order.status}</TotalsRow>
        <PlacedTotals
          totals={order.totals}
          shippingRateName={order.shippingRateName}
          discountLabel={t('checkout.discount')}
        />
      </dl>
    </section>
  );
}
