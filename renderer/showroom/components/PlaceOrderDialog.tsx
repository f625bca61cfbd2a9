import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { ADDRESS_FIELD_NAMES } from '../../../main/domain/addresses.ts';
import { orderTotals } from '../../../main/domain/order-totals.ts';
import type {
  PlacementDraft,
  PlacementGroup,
  ShippingChoice,
} from '../../../preload/contract/index.ts';
import { AddressFields } from '../../ui/AddressFields.tsx';
import { countryOptions } from '../../ui/countries.ts';
import { deadlineWords } from '../../ui/dates.ts';
import { Field } from '../../ui/Field.tsx';
import { Money } from '../../ui/Money.tsx';
import { useNavigationStore } from '../state/navigation.ts';
import {
  chosenAddress,
  usePlaceOrderStore,
  type AddressChoice,
  type PlaceOrderForm,
  type PlaceOrderProblems,
} from '../state/placeOrder.ts';
import type { FieldProblem } from '../state/buyerAddresses.ts';
import { fieldsText, problemText } from './BuyerAddresses.tsx';
import { Dialog } from './Dialog.tsx';
import './PlaceOrderDialog.css';

/** A problem at a field of the order, in the person's words (keys under placeOrder.problem). */
function orderProblemText(t: TFunction, problem: FieldProblem | undefined): string | undefined {
  if (!problem) return undefined;
  return t(`placeOrder.problem.${problem.code}`, {
    ...problem.params,
    defaultValue: problemText(t, problem),
  });
}

/**
 * Place order: the selection's lines for its buyer at their trading terms, where they
 * ship and are billed, when, how they pay and ship, and who approved. Every field is
 * judged with the domain's rules before anything is written; the order then exists at
 * once on this desktop with its provisional number, hub or no hub.
 */
export function PlaceOrderDialog({
  selectionId,
  onClose,
}: {
  selectionId: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const open = usePlaceOrderStore((state) => state.open);
  const close = usePlaceOrderStore((state) => state.close);
  const draft = usePlaceOrderStore((state) => state.draft);
  const form = usePlaceOrderStore((state) => state.form);
  const loadProblem = usePlaceOrderStore((state) => state.loadProblem);
  const placed = usePlaceOrderStore((state) => state.placed);
  const placing = usePlaceOrderStore((state) => state.placing);
  const place = usePlaceOrderStore((state) => state.place);
  const go = useNavigationStore((state) => state.go);

  useEffect(() => {
    void open(selectionId);
    return close;
  }, [selectionId, open, close]);

  const leave = () => {
    close();
    onClose();
  };

  if (placed) {
    return (
      <Dialog
        open
        size="small"
        title={t('placeOrder.placedTitle', { number: placed.number })}
        onClose={leave}
        actions={
          <>
            <button type="button" className="button" onClick={leave}>
              {t('close')}
            </button>
            <button
              type="button"
              className="button button--primary"
              data-autofocus
              onClick={() => {
                leave();
                go('orders');
              }}
            >
              {t('placeOrder.goToOrders')}
            </button>
          </>
        }
      >
        <p className="place-order__placed">
          <span className="badge badge--waiting">{t('placeOrder.waiting')}</span>{' '}
          {t('placeOrder.placedLead', { number: placed.number })}
        </p>
      </Dialog>
    );
  }

  return (
    <Dialog
      open
      size="large"
      title={
        draft ? t('placeOrder.title', { buyer: draft.buyer.name }) : t('placeOrder.titleLoading')
      }
      lead={draft ? t('placeOrder.lead') : undefined}
      onClose={leave}
      onSubmit={() => void place()}
      busy={placing || (!draft && !loadProblem)}
      actions={
        <>
          <button type="button" className="button" onClick={leave}>
            {t('cancel')}
          </button>
          <button
            type="submit"
            className="button button--primary"
            disabled={!draft || !form || draft.groups.length === 0}
            aria-disabled={placing}
          >
            {placing ? t('placeOrder.placing') : t('placeOrder.confirm')}
          </button>
        </>
      }
    >
      {loadProblem !== null ? (
        <p className="notice notice--error" role="alert">
          {loadProblem || t('unexpected')}
        </p>
      ) : !draft || !form ? (
        <p>{t('loading')}</p>
      ) : (
        <OrderForm draft={draft} form={form} />
      )}
    </Dialog>
  );
}

function OrderForm({ draft, form }: { draft: PlacementDraft; form: PlaceOrderForm }) {
  const { t } = useTranslation();
  const change = usePlaceOrderStore((state) => state.change);
  const problems = usePlaceOrderStore((state) => state.problems);
  const failure = usePlaceOrderStore((state) => state.failure);
  const shipping = usePlaceOrderStore((state) => state.shipping);
  const problem = (path: string) => orderProblemText(t, problems[path]);

  return (
    <div className="place-order">
      {draft.pastDeadline.length > 0 ? (
        <PastDeadlineWarning draft={draft} form={form} problem={problem('acknowledgeDeadlines')} />
      ) : null}
      {draft.unitsShort > 0 ? (
        <div className="banner banner--warning place-order__short" role="status">
          <span>
            {t('placeOrder.shortLead', {
              count: draft.unitsShort,
              warehouse: draft.warehouse ?? '',
            })}
          </span>
        </div>
      ) : null}

      <section aria-labelledby="place-order-lines" className="place-order__section">
        <h3 id="place-order-lines" className="place-order__heading">
          {t('placeOrder.lines')}
        </h3>
        <Lines draft={draft} />
        <Totals draft={draft} form={form} shipping={shipping} />
      </section>

      <div className="place-order__columns">
        <AddressPicker which="shipTo" draft={draft} form={form} problems={problems} />
        <AddressPicker which="billTo" draft={draft} form={form} problems={problems} />
      </div>

      <section aria-labelledby="place-order-terms" className="place-order__section">
        <h3 id="place-order-terms" className="place-order__heading">
          {t('placeOrder.terms')}
        </h3>
        <div className="place-order__grid">
          <Field label={t('placeOrder.shipStart')} error={problem('shipStart')}>
            {(control) => (
              <input
                {...control}
                className="field__control"
                type="date"
                value={form.shipStart}
                onChange={(event) => change({ shipStart: event.target.value })}
              />
            )}
          </Field>
          <Field label={t('placeOrder.cancelDate')} error={problem('cancelDate')}>
            {(control) => (
              <input
                {...control}
                className="field__control"
                type="date"
                value={form.cancelDate}
                onChange={(event) => change({ cancelDate: event.target.value })}
              />
            )}
          </Field>
          <Field
            label={`${t('placeOrder.poNumber')} ${t('buyers.addresses.optional')}`}
            error={problem('poNumber')}
          >
            {(control) => (
              <input
                {...control}
                className="field__control"
                value={form.poNumber}
                autoComplete="off"
                onChange={(event) => change({ poNumber: event.target.value })}
              />
            )}
          </Field>
          <Field label={t('placeOrder.payment')}>
            {(control) => (
              <select
                {...control}
                className="field__control"
                value={form.paymentMethod}
                onChange={(event) =>
                  change({ paymentMethod: event.target.value as PlaceOrderForm['paymentMethod'] })
                }
              >
                {draft.paymentMethods.map((method) => (
                  <option key={method} value={method}>
                    {t(`placeOrder.paymentMethod.${method}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>

          <Field
            label={t('placeOrder.approvedBy')}
            hint={t('placeOrder.approvedByHint')}
            error={problem('approvedBy')}
          >
            {(control) => (
              <input
                {...control}
                className="field__control"
                value={form.approvedBy}
                autoComplete="name"
                onChange={(event) => change({ approvedBy: event.target.value })}
              />
            )}
          </Field>
          <ShippingField
            draft={draft}
            form={form}
            shipping={shipping}
            problem={problem('shipping')}
          />
        </div>
        <Field
          label={`${t('placeOrder.note')} ${t('buyers.addresses.optional')}`}
          error={problem('note')}
        >
          {(control) => (
            <textarea
              {...control}
              className="field__control"
              rows={2}
              value={form.note}
              onChange={(event) => change({ note: event.target.value })}
            />
          )}
        </Field>
      </section>
      {Object.keys(problems).length > 0 ? (
        <p className="notice notice--error" role="alert">
          {t('placeOrder.fix')}
        </p>
      ) : null}
      {failure !== null ? (
        <p className="notice notice--error" role="alert">
          {failure || t('unexpected')}
        </p>
      ) : null}
      <p className="place-order__offline">{t('placeOrder.offlineHint')}</p>
    </div>
  );
}

function PastDeadlineWarning({
  draft,
  form,
  problem,
}: {
  draft: PlacementDraft;
  form: PlaceOrderForm;
  problem: string | undefined;
}) {
  const { t, i18n } = useTranslation();
  const change = usePlaceOrderStore((state) => state.change);
  const list = new Intl.ListFormat(i18n.language, { type: 'conjunction' });
  return (
    <div
      className={`place-order__deadline banner banner--warning${problem ? ' place-order__deadline--invalid' : ''}`}
      role="group"
      aria-label={t('placeOrder.deadlineTitle')}
    >
      <p>
        {t('placeOrder.deadlineLead', {
          catalogs: list.format(
            draft.pastDeadline.map((entry) =>
              t('placeOrder.deadlineCatalog', {
                ...deadlineWords(
                  { catalog: entry.catalog, deadline: entry.deadline },
                  i18n.language,
                ),
                styles: list.format(entry.styles),
              }),
            ),
          ),
        })}
      </p>
      <label className="place-order__check">
        <input
          type="checkbox"
          checked={form.acknowledgeDeadlines}
          aria-invalid={Boolean(problem)}
          onChange={(event) => change({ acknowledgeDeadlines: event.target.checked })}
        />
        {t('placeOrder.deadlineAcknowledge')}
      </label>
      {problem ? <p className="field__error">{problem}</p> : null}
    </div>
  );
}

/** The lines by style and colour: each size with its quantity, and what is short. */
function Lines({ draft }: { draft: PlacementDraft }) {
  const { t, i18n } = useTranslation();
  return (
    <div className="place-order__lines" tabIndex={0} aria-label={t('placeOrder.lines')}>
      <table className="place-order__table">
        <thead>
          <tr>
            <th scope="col">{t('placeOrder.style')}</th>
            <th scope="col">{t('placeOrder.sizes')}</th>
            <th scope="col" className="place-order__number">
              {t('placeOrder.units')}
            </th>
            <th scope="col" className="place-order__number">
              {t('placeOrder.amount')}
            </th>
          </tr>
        </thead>
        <tbody>
          {draft.groups.map((group) => (
            <GroupRow
              key={`${group.styleId}:${group.colorway.code}`}
              group={group}
              language={i18n.language}
            />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function GroupRow({ group, language }: { group: PlacementGroup; language: string }) {
  const { t } = useTranslation();
  return (
    <tr>
      <th scope="row" className="place-order__style">
        <span className="place-order__style-number">{group.styleNumber}</span> {group.name}
        <span className="place-order__colour">
          <span
            className="swatch"
            style={{ backgroundColor: group.colorway.colorHex }}
            aria-hidden="true"
          />
          {group.colorway.name}
        </span>
        {group.orderRefusal?.code === 'deadline_passed' ? (
          <span className="place-order__late">{t('placeOrder.late')}</span>
        ) : null}
      </th>
      <td>
        <ul className="place-order__sizes">
          {group.sizes.map((size) => (
            <li
              key={size.skuId}
              className={size.short > 0 ? 'place-order__size--short' : undefined}
            >
              <span className="place-order__size">{size.size}</span> ×{size.quantity}
              {size.short > 0 ? (
                <span className="place-order__short">
                  {t('placeOrder.short', { count: size.short })}
                </span>
              ) : null}
            </li>
          ))}
        </ul>
      </td>
      <td className="place-order__number">{group.units}</td>
      <td className="place-order__number">
        <Money value={group.amount} language={language} />
      </td>
    </tr>
  );
}

/** The order's totals at the buyer's terms, with the chosen shipping: the domain's arithmetic. */
function Totals({
  draft,
  form,
  shipping,
}: {
  draft: PlacementDraft;
  form: PlaceOrderForm;
  shipping: ShippingChoice | null;
}) {
  const { t, i18n } = useTranslation();
  const rate =
    shipping?.ok === true
      ? (shipping.rates.find((r) => r.groupId === form.shippingGroupId) ?? null)
      : null;
  const totals = orderTotals({
    currency: draft.buyer.currency,
    lines: draft.groups.flatMap((group) =>
      group.sizes.map((size) => ({
        quantity: size.quantity,
        unitPriceMinor: size.unitPrice.amountMinor,
      })),
    ),
    discountBasisPoints: draft.buyer.discountBasisPoints,
    shipping: rate,
  });
  if (!totals.ok) return null;
  const money = (amountMinor: number) => ({ amountMinor, currency: draft.buyer.currency });
  const { totals: sum } = totals;
  return (
    <dl className="place-order__totals">
      <div>
        <dt>{t('placeOrder.totalUnits')}</dt>
        <dd>{sum.units}</dd>
      </div>
      <div>
        <dt>{t('placeOrder.subtotal')}</dt>
        <dd>
          <Money value={money(sum.subtotalMinor)} language={i18n.language} />
        </dd>
      </div>
      {sum.discountMinor > 0 ? (
        <div>
          <dt>{t('placeOrder.discount', { percent: draft.buyer.discountBasisPoints / 100 })}</dt>
          <dd>
            <Money value={money(sum.discountMinor)} language={i18n.language} deduction />
          </dd>
        </div>
      ) : null}
      <div>
        <dt>{t('placeOrder.shippingCharge')}</dt>
        <dd>{rate ? <Money value={money(sum.shippingMinor)} language={i18n.language} /> : '—'}</dd>
      </div>
      <div className="place-order__total">
        <dt>{t('placeOrder.total')}</dt>
        <dd>
          <Money value={money(sum.totalMinor)} language={i18n.language} />
        </dd>
      </div>
    </dl>
  );
}

function ShippingField({
  draft,
  form,
  shipping,
  problem,
}: {
  draft: PlacementDraft;
  form: PlaceOrderForm;
  shipping: ShippingChoice | null;
  problem: string | undefined;
}) {
  const { t, i18n } = useTranslation();
  const change = usePlaceOrderStore((state) => state.change);
  const country = chosenAddress(draft, form, 'shipTo').country;
  const countryName =
    countryOptions(i18n.language).find((c) => c.code === country)?.name ?? country;
  const none = shipping?.ok === false || shipping === null;
  const rateText = (rate: Extract<ShippingChoice, { ok: true }>['rates'][number]) => {
    const amount = new Intl.NumberFormat(i18n.language, {
      style: 'currency',
      currency: rate.currency,
    });
    const minor = 10 ** (amount.resolvedOptions().maximumFractionDigits ?? 2);
    const charge = amount.format(rate.amountMinor / minor);
    return rate.freeFromMinor === null
      ? t('placeOrder.rate', { name: rate.groupName, charge })
      : t('placeOrder.rateFree', {
          name: rate.groupName,
          charge,
          from: amount.format(rate.freeFromMinor / minor),
        });
  };
  // Without a country there is nothing to look rates up for; with one, what is missing is named.
  const error = !country
    ? problem || none
      ? t('placeOrder.shippingNeedsCountry')
      : undefined
    : problem || none
      ? t('placeOrder.noShippingRate', { country: countryName, currency: draft.buyer.currency })
      : undefined;
  return (
    <Field label={t('placeOrder.shipping')} error={error} className="place-order__shipping">
      {(control) =>
        shipping?.ok ? (
          <select
            {...control}
            className="field__control"
            value={form.shippingGroupId ?? ''}
            onChange={(event) => change({ shippingGroupId: event.target.value || null })}
          >
            {shipping.rates.map((rate) => (
              <option key={rate.groupId} value={rate.groupId}>
                {rateText(rate)}
              </option>
            ))}
          </select>
        ) : (
          <select {...control} className="field__control" disabled value="">
            <option value="">{t('placeOrder.noRateOption')}</option>
          </select>
        )
      }
    </Field>
  );
}

function AddressPicker({
  which,
  draft,
  form,
  problems,
}: {
  which: 'shipTo' | 'billTo';
  draft: PlacementDraft;
  form: PlaceOrderForm;
  problems: PlaceOrderProblems;
}) {
  const { t, i18n } = useTranslation();
  const change = usePlaceOrderStore((state) => state.change);
  const choice = which === 'shipTo' ? form.shipToChoice : form.billToChoice;
  const saved =
    which === 'shipTo'
      ? draft.addresses.shipTo
      : draft.addresses.billTo
        ? [draft.addresses.billTo]
        : [];
  const countries = countryOptions(i18n.language);
  const value = (c: AddressChoice) => (c.kind === 'saved' ? `saved:${c.id}` : c.kind);
  const setChoice = (text: string) => {
    const next: AddressChoice = text.startsWith('saved:')
      ? { kind: 'saved', id: text.slice('saved:'.length) }
      : { kind: text as 'same' | 'new' };
    change(which === 'shipTo' ? { shipToChoice: next } : { billToChoice: next });
  };
  const fieldProblems = Object.fromEntries(
    ADDRESS_FIELD_NAMES.flatMap((field) => {
      const text = orderProblemText(t, problems[`${which}.${field}`]);
      return text ? [[field, text]] : [];
    }),
  );
  const shown = chosenAddress(draft, form, which);
  const line = [
    shown.name,
    shown.line1,
    shown.line2,
    [shown.postalCode, shown.city].filter(Boolean).join(' '),
    shown.region,
    countries.find((c) => c.code === shown.country)?.name ?? shown.country,
  ]
    .filter(Boolean)
    .join(', ');
  const savedProblem = choice.kind !== 'new' ? Object.values(fieldProblems)[0] : undefined;
  return (
    <section className="place-order__section" aria-labelledby={`place-order-${which}`}>
      <h3 id={`place-order-${which}`} className="place-order__heading">
        {t(`placeOrder.${which}`)}
      </h3>
      <Field label={t(`placeOrder.${which}Choice`)} error={savedProblem}>
        {(control) => (
          <select
            {...control}
            className="field__control"
            value={value(choice)}
            onChange={(e) => setChoice(e.target.value)}
          >
            {saved.map((address) => (
              <option key={address.id} value={`saved:${address.id}`}>
                {[address.name, address.city, address.country].filter(Boolean).join(', ')}
              </option>
            ))}
            {which === 'billTo' ? (
              <option value="same">{t('placeOrder.sameAsShipTo')}</option>
            ) : null}
            <option value="new">{t('placeOrder.newAddress')}</option>
          </select>
        )}
      </Field>
      {choice.kind === 'new' ? (
        <div className="place-order__new-address">
          <AddressFields
            value={which === 'shipTo' ? form.shipToNew : form.billToNew}
            problems={fieldProblems}
            countries={countries}
            text={fieldsText(t)}
            onChange={(patch) =>
              change(
                which === 'shipTo'
                  ? { shipToNew: { ...form.shipToNew, ...patch } }
                  : { billToNew: { ...form.billToNew, ...patch } },
              )
            }
          />
          <label className="place-order__check">
            <input
              type="checkbox"
              checked={which === 'shipTo' ? form.saveShipTo : form.saveBillTo}
              onChange={(event) =>
                change(
                  which === 'shipTo'
                    ? { saveShipTo: event.target.checked }
                    : { saveBillTo: event.target.checked },
                )
              }
            />
            {t(
              which === 'billTo' && draft.addresses.billTo
                ? 'placeOrder.replaceBillTo'
                : 'placeOrder.saveAddress',
            )}
          </label>
        </div>
      ) : (
        <p className="place-order__address">{line}</p>
      )}
    </section>
  );
}
