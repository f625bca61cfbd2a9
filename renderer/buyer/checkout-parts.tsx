import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import {
  ADDRESS_FIELD_NAMES,
  addressProblems,
  type AddressField,
  type AddressFields as Address,
  type AddressProblem,
} from '../../main/domain/addresses.ts';
import {
  CHECKOUT_CONTACT,
  CONTACT_FIELDS,
  CONTACT_PROBLEMS,
  type ContactField,
  type ContactProblem,
} from '../../main/domain/checkout-contact.ts';
import { formatMoney } from '../../main/domain/money.ts';
import type { PaymentMethod } from '../../main/domain/order-states.ts';
import { AddressFields, type AddressFieldsText } from '../ui/AddressFields.tsx';
import type { CountryOption } from '../ui/countries.ts';
import { ChoiceGroup } from '../ui/Field.tsx';
import { Money } from '../ui/Money.tsx';
import type { FieldIssue, PlacedCheckout } from './api.ts';

/**
 * The parts every buyer checkout is made of, whichever link it goes through (a share
 * link's, a customer order link's, a DTC checkout link's): the contact's fields and
 * their problems, the addresses, the shipping's choice, and what a placed order came to.
 */

export type ContactProblems = Partial<Record<ContactField, ContactProblem | 'other'>>;

/** The hub's problems that concern the contact fields, the first of each field. */
export function contactFieldProblems(issues: readonly FieldIssue[]): ContactProblems {
  const fields: ContactProblems = {};
  for (const issue of issues) {
    const field = CONTACT_FIELDS.find((name) => name === issue.path);
    if (!field || fields[field]) continue;
    fields[field] = CONTACT_PROBLEMS.find((code) => code === issue.code) ?? 'other';
  }
  return fields;
}

/** A contact field's problem in the page's words. */
export function useContactWords(): (
  field: ContactField,
  problem: ContactProblem | 'other',
) => string {
  const { t } = useTranslation();
  return (field, problem) => {
    if (problem === 'too_small') {
      return field === 'email' ? t('shared.emailMissing') : t('shared.nameMissing');
    }
    if (problem === 'too_big') return t('shared.tooLong', { max: CHECKOUT_CONTACT[field].max });
    if (problem === 'invalid_format') return t('shared.emailInvalid');
    return t('shared.fieldInvalid');
  };
}

/** One of the contact's fields (name, email, phone, note), its rule's bounds and its problem. */
export function ContactInput({
  field,
  label,
  value,
  problem,
  onChange,
}: {
  field: ContactField;
  label: string;
  value: string;
  problem: string | null;
  onChange: (value: string) => void;
}) {
  const control = {
    id: `checkout-${field}`,
    value,
    required: CHECKOUT_CONTACT[field].required,
    maxLength: CHECKOUT_CONTACT[field].max,
    'aria-invalid': problem ? true : undefined,
    'aria-describedby': problem ? `checkout-${field}-problem` : undefined,
    onChange: (event: { target: { value: string } }) => onChange(event.target.value),
  };
  const type = field === 'email' ? 'email' : field === 'phone' ? 'tel' : 'text';
  return (
    <div className="checkout__field">
      <label htmlFor={control.id}>{label}</label>
      {field === 'note' ? (
        <textarea {...control} rows={3} />
      ) : (
        <input {...control} type={type} autoComplete={field === 'phone' ? 'tel' : field} />
      )}
      {problem ? (
        <p id={`checkout-${field}-problem`} className="checkout__problem">
          {problem}
        </p>
      ) : null}
    </div>
  );
}

/** The address fields' labels in the page's language. */
export function useAddressText(): AddressFieldsText {
  const { t } = useTranslation();
  return {
    labels: {
      name: t('checkout.address_name'),
      line1: t('checkout.address_line1'),
      line2: t('checkout.address_line2'),
      postalCode: t('checkout.address_postalCode'),
      city: t('checkout.address_city'),
      region: t('checkout.address_region'),
      country: t('checkout.address_country'),
      phone: t('checkout.address_phone'),
    },
    chooseCountry: t('checkout.address_chooseCountry'),
    optional: t('checkout.optional'),
  };
}

/** An address field's problem, the page's own or the hub's, in the page's words. */
export function useAddressWords(): (problem: AddressProblem | { code: string }) => string {
  const { t } = useTranslation();
  return (problem) => {
    switch (problem.code) {
      case 'required':
        return t('checkout.problem_required');
      case 'too_long':
        return t('shared.tooLong', (problem as { params: { max: number } }).params);
      case 'country_required':
        return t('checkout.problem_countryRequired');
      case 'country_unknown':
        return t('checkout.problem_countryUnknown');
      default:
        return t('shared.fieldInvalid');
    }
  };
}

/** Whether anything of an address is typed. */
export const addressTyped = (address: Address) =>
  ADDRESS_FIELD_NAMES.some((field) => address[field] !== '');

/** An address's problems under the domain's rules, keyed `<path>.<field>`, in the page's words. */
export function addressProblemsAt(
  path: string,
  address: Address,
  words: (problem: AddressProblem) => string,
): Partial<Record<string, string>> {
  const found: Partial<Record<string, string>> = {};
  for (const [field, problem] of Object.entries(addressProblems(address))) {
    found[`${path}.${field}`] = words(problem);
  }
  return found;
}

/** The problems keyed `<path>.<field>` of one address, by its field, for AddressFields. */
export function problemsOfAddress(
  path: string,
  problems: Partial<Record<string, string>>,
): Partial<Record<AddressField, string>> {
  const found: Partial<Record<AddressField, string>> = {};
  for (const field of ADDRESS_FIELD_NAMES) {
    const problem = problems[`${path}.${field}`];
    if (problem) found[field] = problem;
  }
  return found;
}

/** A shipping rate as a choice names it: "Standard · €9.00 · free from €200.00". */
export function useRateLabel(): (
  rate: { name: string; amountMinor: number; freeFromMinor: number | null },
  currency: string,
) => string {
  const { t, i18n } = useTranslation();
  return (rate, currency) => {
    const money = (amountMinor: number) => formatMoney({ amountMinor, currency }, i18n.language);
    const free =
      rate.freeFromMinor === null
        ? ''
        : ` · ${t('checkout.freeFrom', { amount: money(rate.freeFromMinor) })}`;
    return `${rate.name} · ${money(rate.amountMinor)}${free}`;
  };
}

/**
 * Where the goods go, and where the invoice goes when the buyer says it goes elsewhere:
 * the ship-to address, the choice of a separate bill-to, and that address.
 */
export function ShipToAndBillTo({
  shipTo,
  billTo,
  separateBillTo,
  problems,
  shipToCountries,
  billToCountries,
  onShipTo,
  onBillTo,
  onSeparateBillTo,
}: {
  shipTo: Address;
  billTo: Address;
  separateBillTo: boolean;
  /** Keyed `shipTo.<field>` and `billTo.<field>`, in the page's words. */
  problems: Partial<Record<string, string>>;
  /** The countries the goods may go to; the bill-to may be anywhere these say. */
  shipToCountries: readonly CountryOption[];
  billToCountries: readonly CountryOption[];
  onShipTo: (patch: Partial<Address>) => void;
  onBillTo: (patch: Partial<Address>) => void;
  onSeparateBillTo: (separate: boolean) => void;
}) {
  const { t } = useTranslation();
  const text = useAddressText();
  return (
    <>
      <fieldset className="checkout__group">
        <legend>{t('checkout.shipTo')}</legend>
        <AddressFields
          value={shipTo}
          problems={problemsOfAddress('shipTo', problems)}
          countries={shipToCountries}
          text={text}
          onChange={onShipTo}
        />
        <label className="checkout__check">
          <input
            type="checkbox"
            checked={separateBillTo}
            onChange={(event) => onSeparateBillTo(event.target.checked)}
          />
          {t('checkout.separateBillTo')}
        </label>
      </fieldset>
      {separateBillTo ? (
        <fieldset className="checkout__group">
          <legend>{t('checkout.billTo')}</legend>
          <AddressFields
            value={billTo}
            problems={problemsOfAddress('billTo', problems)}
            countries={billToCountries}
            text={text}
            onChange={onBillTo}
          />
        </fieldset>
      ) : null}
    </>
  );
}

type Rate = { groupId: string; name: string; amountMinor: number; freeFromMinor: number | null };

/**
 * The shipping: a choice among the rates to the country, or, with none, why (no country
 * yet, or none of the brand's rates goes there).
 */
export function ShippingChoice({
  rates,
  currency,
  value,
  onChange,
  error,
  noRates,
}: {
  rates: readonly Rate[];
  currency: string;
  value: string | null;
  onChange: (groupId: string) => void;
  error: string | undefined;
  /** Said when there is no rate to choose. */
  noRates: string;
}) {
  const { t } = useTranslation();
  const rateLabel = useRateLabel();
  if (rates.length > 0) {
    return (
      <ChoiceGroup
        legend={t('checkout.shipping')}
        name="shipping-rate"
        value={value ?? ''}
        options={rates.map((found) => ({
          value: found.groupId,
          label: rateLabel(found, currency),
        }))}
        onChange={onChange}
        error={error}
      />
    );
  }
  return (
    <div className="checkout__field" role="group" aria-labelledby="checkout-shipping">
      <p id="checkout-shipping" className="field__label">
        {t('checkout.shipping')}
      </p>
      <p className={error ? 'field__error' : 'checkout__hint'}>{noRates}</p>
    </div>
  );
}

/** One line of what an order comes to: "Subtotal … €390.00". */
export function TotalsRow({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

/**
 * What a placed order came to, as the hub charged it: subtotal, discount, any rows a
 * checkout adds (a DTC order's tax), shipping by its rate's name, and the total.
 */
export function PlacedTotals({
  totals,
  shippingRateName,
  discountLabel,
  children,
}: {
  totals: PlacedCheckout['totals'];
  shippingRateName: string;
  discountLabel: string;
  children?: ReactNode;
}) {
  const { t, i18n } = useTranslation();
  const money = (amountMinor: number, deduction = false) => (
    <Money
      value={{ amountMinor, currency: totals.currency }}
      language={i18n.language}
      deduction={deduction}
    />
  );
  return (
    <>
      <TotalsRow label={t('shared.subtotal')}>{money(totals.subtotalMinor)}</TotalsRow>
      {totals.discountMinor > 0 ? (
        <TotalsRow label={discountLabel}>{money(totals.discountMinor, true)}</TotalsRow>
      ) : null}
      {children}
      {shippingRateName ? (
        <TotalsRow label={`${t('checkout.shippingLine')} (${shippingRateName})`}>
          {totals.shippingMinor === 0 ? t('checkout.free') : money(totals.shippingMinor)}
        </TotalsRow>
      ) : null}
      <div className="checkout__total">
        <dt>{t('shared.total')}</dt>
        <dd>{money(totals.totalMinor)}</dd>
      </div>
    </>
  );
}

/** The ways to pay the page offers, in its words. */
export function PaymentChoice({
  methods,
  value,
  onChange,
  error,
}: {
  methods: readonly PaymentMethod[];
  value: PaymentMethod;
  onChange: (method: PaymentMethod) => void;
  error: string | undefined;
}) {
  const { t } = useTranslation();
  return (
    <ChoiceGroup
      legend={t('checkout.payment')}
      name="payment-method"
      value={value}
      options={methods.map((method) => ({
        value: method,
        label: t(`checkout.paymentMethods_${method}`),
      }))}
      onChange={onChange}
      error={error}
    />
  );
}

/** "Order number SO-2027-00042", once the hub has numbered the order. */
export function OrderNumber({ number }: { number: string | null }) {
  const { t } = useTranslation();
  if (!number) return null;
  return (
    <p className="checkout__number">
      {t('checkout.orderNumber')} <strong>{number}</strong>
    </p>
  );
}
