import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  ADDRESS_FIELD_NAMES,
  addressProblems,
  EMPTY_ADDRESS,
  type AddressField,
  type AddressFields as Address,
} from '../../../main/domain/addresses.ts';
import { formatMoney } from '../../../main/domain/money.ts';
import {
  paymentMethodsOffered,
  WITHOUT_CARD_FLOW,
  type PaymentMethod,
} from '../../../main/domain/order-states.ts';

import type {
  BuyerAddress,
  CheckoutShippingRate,
  OrderCheckoutNeeds,
} from '../../../preload/contract/index.ts';
import { AddressFields, type AddressFieldsText } from '../../ui/AddressFields.tsx';
import { countryOptions } from '../../ui/countries.ts';
import { ChoiceGroup } from '../../ui/Field.tsx';
import { errorMessage, trunkshow } from '../api.ts';
import { useOperation } from '../hooks/useOperation.ts';
import { Dialog, FormDialogActions } from './Dialog.tsx';
import './CompleteCheckoutDialog.css';

/** The brand completes a checkout without the buyer at hand: no card is taken here. */
const OFFERED_PAYMENT_METHODS = paymentMethodsOffered(WITHOUT_CARD_FLOW);

/** The ship-to choice: 'order' (the order's own address), a buyer's address id, or 'typed'. */
type ShipToChoice = string;

/**
 * "Complete checkout" of a "Checkout Requested" order: asks for what the order lacks
 * (main/domain/order-states.ts, missingForCheckout): the ship-to address, picked from
 * the buyer's addresses or typed, the shipping rate for its country in the order's
 * currency, and the payment method. Completes on this computer at once; the hub
 * resolves the rate and the total again on sync. Open while `orderId` is set.
 */
export function CompleteCheckoutDialog({
  orderId,
  onClose,
  onCompleted,
}: {
  orderId: string | null;
  onClose: () => void;
  /** Told once the order is completed here (it waits to sync). */
  onCompleted: (orderId: string) => void;
}) {
  if (orderId === null) return null;
  return (
    <NeedsLoader
      key={orderId}
      orderId={orderId}
      onClose={onClose}
      onCompleted={() => onCompleted(orderId)}
    />
  );
}

/** Reads what the order lacks, then asks for it. */
function NeedsLoader({
  orderId,
  onClose,
  onCompleted,
}: {
  orderId: string;
  onClose: () => void;
  onCompleted: () => void;
}) {
  const { t } = useTranslation();
  // Follows sync: what applies to the order may arrive while the dialog is open.
  const { data: needs, problem } = useOperation(
    'orderCheckout.needs',
    { orderId },
    { followSync: true },
  );
  if (!needs) {
    return (
      <Dialog
        open
        title={t('completeCheckout.title')}
        onClose={onClose}
        actions={
          <button type="button" className="button" onClick={onClose}>
            {t('cancel')}
          </button>
        }
      >
        <p role={problem ? 'alert' : 'status'}>{problem ?? t('loading')}</p>
      </Dialog>
    );
  }
  return <CompleteCheckoutForm needs={needs} onClose={onClose} onCompleted={onCompleted} />;
}

function CompleteCheckoutForm({
  needs,
  onClose,
  onCompleted,
}: {
  needs: OrderCheckoutNeeds;
  onClose: () => void;
  onCompleted: () => void;
}) {
  const { t, i18n } = useTranslation();
  const countries = useMemo(() => countryOptions(i18n.language), [i18n.language]);
  const countryName = (code: string) =>
    countries.find((country) => country.code === code)?.name ?? code;
  const asksAddress = needs.missing.includes('address') || needs.shippingApplies;
  const [shipToChoice, setShipToChoice] = useState<ShipToChoice>(
    needs.shipTo ? 'order' : (needs.addresses.shipTo[0]?.id ?? 'typed'),
  );
  const [typed, setTyped] = useState<Address>(EMPTY_ADDRESS);
  const [useBillTo, setUseBillTo] = useState(
    needs.billTo === null && needs.addresses.billTo !== null,
  );
  const [ratesTo, setRatesTo] = useState<{
    country: string;
    rates: CheckoutShippingRate[];
  } | null>(null);
  const [chosenGroupId, setGroupId] = useState<string | null>(null);
  const [payment, setPayment] = useState<PaymentMethod>(
    needs.paymentMethod ?? OFFERED_PAYMENT_METHODS[0]!,
  );
  const [problems, setProblems] = useState<Partial<Record<AddressField, string>>>({});
  const [shippingProblem, setShippingProblem] = useState<string | undefined>();
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const picked: BuyerAddress | undefined = needs.addresses.shipTo.find(
    (address) => address.id === shipToChoice,
  );
  const shipTo: Address | null =
    shipToChoice === 'order' ? needs.shipTo : shipToChoice === 'typed' ? typed : (picked ?? null);
  const country = shipTo?.country ?? '';

  // The rates follow the address's country, in the order's currency.
  const asksRates = needs.shippingApplies && country !== '';
  useEffect(() => {
    if (!asksRates) return;
    let current = true;
    void trunkshow()
      .invoke('orderCheckout.shippingRates', { orderId: needs.orderId, country })
      .catch(() => [])
      .then((rates) => current && setRatesTo({ country, rates }));
    return () => {
      current = false;
    };
  }, [needs.orderId, asksRates, country]);
  const rates = asksRates && ratesTo?.country === country ? ratesTo.rates : null;
  const groupId = rates?.some((found) => found.groupId === chosenGroupId)
    ? chosenGroupId
    : (rates?.[0]?.groupId ?? null);

  const addressText: AddressFieldsText = {
    labels: Object.fromEntries(
      ADDRESS_FIELD_NAMES.map((field) => [field, t(`buyers.addresses.fields.${field}`)]),
    ) as Record<AddressField, string>,
    optional: t('buyers.addresses.optional'),
    chooseCountry: t('buyers.addresses.chooseCountry'),
  };
  const oneLine = (address: Address) =>
    [address.name, address.line1, address.postalCode, address.city, countryName(address.country)]
      .filter((part) => part !== '')
      .join(', ');
  const rate = rates?.find((found) => found.groupId === groupId) ?? null;
  const money = (amountMinor: number) =>
    formatMoney({ amountMinor, currency: needs.goods.currency }, i18n.language);

  const complete = async () => {
    const found: Partial<Record<AddressField, string>> = {};
    if (asksAddress && shipToChoice === 'typed') {
      for (const [field, problem] of Object.entries(addressProblems(typed))) {
        found[field as AddressField] = t(
          `buyers.addresses.problem.${problem.code}`,
          'params' in problem ? problem.params : {},
        );
      }
    }
    setProblems(found);
    const lacksShipping = needs.shippingApplies && needs.missing.includes('shipping') && !rate;
    setShippingProblem(
      lacksShipping
        ? country === ''
          ? t('completeCheckout.chooseAddressFirst')
          : t('completeCheckout.noRate', {
              country: countryName(country),
              currency: needs.goods.currency,
            })
        : undefined,
    );
    if (Object.keys(found).length > 0 || lacksShipping) return;
    setBusy(true);
    try {
      await trunkshow().invoke('orderCheckout.complete', {
        orderId: needs.orderId,
        shipTo: asksAddress && shipToChoice !== 'order' ? shipTo : null,
        billTo: useBillTo && needs.addresses.billTo ? needs.addresses.billTo : null,
        shippingGroupId: rate?.groupId ?? null,
        paymentMethod: payment,
      });
      onCompleted();
    } catch (failure) {
      setNotice(errorMessage(failure, t('unexpected')));
    } finally {
      setBusy(false);
    }
  };

  const shipToOptions = [
    ...(needs.shipTo ? [{ value: 'order', label: oneLine(needs.shipTo) }] : []),
    ...needs.addresses.shipTo.map((address) => ({ value: address.id, label: oneLine(address) })),
    { value: 'typed', label: t('completeCheckout.typeAddress') },
  ];

  return (
    <Dialog
      open
      size="large"
      title={t('completeCheckout.title')}
      lead={
        needs.missing.length > 0
          ? t('completeCheckout.lead', {
              buyer: needs.buyer,
              missing: needs.missing.map((need) => t(`completeCheckout.needs.${need}`)).join(', '),
            })
          : t('completeCheckout.leadComplete', { buyer: needs.buyer })
      }
      onClose={onClose}
      onSubmit={() => void complete()}
      busy={busy}
      actions={
        <FormDialogActions
          submitLabel={t('completeCheckout.submit')}
          busy={busy}
          onCancel={onClose}
        />
      }
    >
      {asksAddress ? (
        <div className="complete-checkout__section">
          <ChoiceGroup
            legend={t('completeCheckout.shipTo')}
            name="complete-checkout-ship-to"
            value={shipToChoice}
            options={shipToOptions}
            onChange={setShipToChoice}
          />
          {shipToChoice === 'typed' ? (
            <AddressFields
              value={typed}
              problems={problems}
              countries={countries}
              text={addressText}
              onChange={(patch) => {
                setTyped({ ...typed, ...patch });
                setProblems((current) =>
                  Object.fromEntries(
                    Object.entries(current).filter(([field]) => !(field in patch)),
                  ),
                );
              }}
            />
          ) : null}
          {needs.addresses.billTo ? (
            <label className="complete-checkout__check">
              <input
                type="checkbox"
                checked={useBillTo}
                onChange={(event) => setUseBillTo(event.target.checked)}
              />
              {t('completeCheckout.billTo', { address: oneLine(needs.addresses.billTo) })}
            </label>
          ) : null}
        </div>
      ) : null}
      {needs.shippingApplies ? (
        rates && rates.length > 0 ? (
          <ChoiceGroup
            legend={t('completeCheckout.shipping')}
            name="complete-checkout-shipping"
            value={groupId ?? ''}
            options={rates.map((found) => ({
              value: found.groupId,
              label: t('completeCheckout.rate', {
                name: found.name,
                charge:
                  found.charge.amountMinor === 0
                    ? t('completeCheckout.free')
                    : money(found.charge.amountMinor),
              }),
            }))}
            onChange={setGroupId}
            error={shippingProblem}
          />
        ) : (
          <div className="complete-checkout__section">
            <p className="field__label">{t('completeCheckout.shipping')}</p>
            <p className={shippingProblem ? 'field__error' : 'complete-checkout__hint'}>
              {country === ''
                ? t('completeCheckout.chooseAddressFirst')
                : t('completeCheckout.noRate', {
                    country: countryName(country),
                    currency: needs.goods.currency,
                  })}
            </p>
          </div>
        )
      ) : null}
      <ChoiceGroup
        legend={t('completeCheckout.payment')}
        name="complete-checkout-payment"
        value={payment}
        options={OFFERED_PAYMENT_METHODS.map((method) => ({
          value: method,
          label: t(`completeCheckout.paymentMethods.${method}`),
        }))}
        onChange={setPayment}
      />
      <dl className="complete-checkout__totals">
        <div>
          <dt>{t('completeCheckout.goods')}</dt>
          <dd>{money(needs.goods.amountMinor)}</dd>
        </div>
        {needs.shippingApplies ? (
          <div>
            <dt>{t('completeCheckout.shipping')}</dt>
            <dd>
              {rate
                ? rate.charge.amountMinor === 0
                  ? t('completeCheckout.free')
                  : money(rate.charge.amountMinor)
                : '—'}
            </dd>
          </div>
        ) : null}
        <div className="complete-checkout__total">
          <dt>{t('completeCheckout.total')}</dt>
          <dd>{money(needs.goods.amountMinor + (rate?.charge.amountMinor ?? 0))}</dd>
        </div>
      </dl>
      {notice ? (
        <p className="notice notice--error" role="alert">
          {notice}
        </p>
      ) : null}
    </Dialog>
  );
}
