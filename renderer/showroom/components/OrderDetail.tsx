import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { addressLines, type AddressFields } from '../../../main/domain/addresses.ts';
import { MAX_CANCEL_REASON, orderParty } from '../../../main/domain/order-states.ts';
import type {
  MailHistoryEntry,
  OrderDetail,
  OrderStyleLines,
} from '../../../preload/contract/index.ts';
import { countryOptions } from '../../ui/countries.ts';
import { Field } from '../../ui/Field.tsx';
import { Money } from '../../ui/Money.tsx';
import { problemOf, trunkshow } from '../api.ts';
import { formatDate } from '../format.ts';
import { useCan } from '../hooks/useCan.ts';
import { useOperation } from '../hooks/useOperation.ts';
import { useOrdersStore } from '../state/orders.ts';
import { Dialog } from './Dialog.tsx';
import { OrderConfirmationActions } from './OrderConfirmationActions.tsx';
import { OrderStatusBadge } from './OrderStatusBadge.tsx';

/** One order whole, as the Orders view opens it: what was ordered, where it goes, what happened. */
export function OrderDetailView({
  orderId,
  onBack,
}: {
  orderId: string;
  /** Where "back" leads: the Orders section's list unless the order was opened elsewhere. */
  onBack?: () => void;
}) {
  const { t, i18n } = useTranslation();
  const open = useOrdersStore((state) => state.open);
  const refreshList = useOrdersStore((state) => state.refresh);
  const completeCheckout = useOrdersStore((state) => state.completeCheckout);
  const {
    data: order,
    problem,
    act,
  } = useOperation('orders.detail', { orderId }, { followSync: true });
  const [cancelling, setCancelling] = useState(false);
  const language = i18n.language;

  const change = (action: () => Promise<unknown>) =>
    act(async () => {
      await action();
      refreshList();
    });

  return (
    <article className="order-detail" aria-labelledby="order-detail-title">
      <button type="button" className="button button--quiet" onClick={onBack ?? (() => open(null))}>
        ← {t('orders.back')}
      </button>
      {problem ? (
        <p className="notice notice--error" role="alert">
          {problem}
        </p>
      ) : null}
      {!order ? (
        <p>{t('loading')}</p>
      ) : (
        <>
          <header className="order-detail__head">
            <div>
              <h2 id="order-detail-title">
                {t('orders.detailTitle', { number: order.number ?? t('orders.noNumber') })}
              </h2>
              <p className="order-detail__badges">
                <OrderStatusBadge status={order.status} />
                {order.waitingToSync ? (
                  <span className="badge badge--waiting">{t('sync.waiting')}</span>
                ) : null}
                {order.unitsShort > 0 ? (
                  <span className="badge badge--pending">
                    {t('orders.short', { count: order.unitsShort })}
                  </span>
                ) : null}
              </p>
            </div>
            <div className="order-detail__actions">
              <OrderConfirmationActions orderId={orderId} />
              {order.may.completeCheckout ? (
                <button
                  type="button"
                  className="button button--primary"
                  onClick={() => completeCheckout(orderId)}
                >
                  {t('orders.complete')}
                </button>
              ) : null}
              {order.may.confirm ? (
                <button
                  type="button"
                  className="button button--primary"
                  onClick={() =>
                    void change(() => trunkshow().invoke('orders.confirm', { orderId }))
                  }
                >
                  {t('orders.confirm')}
                </button>
              ) : null}
              {order.may.cancel ? (
                <button
                  type="button"
                  className="button button--danger"
                  onClick={() => setCancelling(true)}
                >
                  {t('orders.cancelOrder')}
                </button>
              ) : null}
            </div>
          </header>

          <OrderRefusals orderId={orderId} />
          <OrderFacts order={order} />

          <section aria-labelledby="order-lines-title">
            <h3 id="order-lines-title">{t('orders.lines')}</h3>
            {order.styles.map((style) => (
              <SizeGrid key={style.styleNumber} style={style} language={language} />
            ))}
            <dl className="order-detail__totals">
              <dt>{t('orders.subtotal')}</dt>
              <dd>
                <Money value={order.subtotal} language={language} />
              </dd>
              {order.discount.amountMinor > 0 ? (
                <>
                  <dt>{t('orders.discount')}</dt>
                  <dd>
                    <Money value={order.discount} language={language} deduction />
                  </dd>
                </>
              ) : null}
              <dt>{t('orders.shippingCharge')}</dt>
              <dd>
                <Money value={order.shipping} language={language} />
              </dd>
              <dt className="order-detail__grand">{t('orders.total')}</dt>
              <dd className="order-detail__grand">
                <Money value={order.total} language={language} />
              </dd>
            </dl>
          </section>

          <StatusHistory order={order} />
          <MailHistory orderId={orderId} />

          <CancelDialog
            open={cancelling}
            onClose={() => setCancelling(false)}
            onCancelled={() => {
              setCancelling(false);
              void change(() => Promise.resolve());
            }}
            orderId={orderId}
            number={order.number ?? t('orders.noNumber')}
          />
        </>
      )}
    </article>
  );
}

/** The order's changes as the mutations name them, worded in the person's language. */
const CHANGE_NAMES: Readonly<Record<string, string>> = {
  'order.completeCheckout.v1': 'orders.complete',
  'order.completeCheckout.v2': 'orders.complete',
  'order.confirm.v1': 'orders.confirm',
  'order.cancel.v1': 'orders.cancelOrder',
};
const REFUSAL_CODES_WORDED: ReadonlySet<string> = new Set([
  'forbidden',
  'not_found',
  'conflict',
  'order_not_in_state',
  'cancel_reason_required',
  'cancel_reason_too_long',
]);

/**
 * Changes of this order the hub refused (another person changed it first, it was no
 * longer theirs to change): kept until the person has read them.
 */
function OrderRefusals({ orderId }: { orderId: string }) {
  const { t } = useTranslation();
  const { data: refusals, act } = useOperation(
    'sync.refusals',
    { subject: `order:${orderId}` },
    { followSync: true },
  );
  if (!refusals || refusals.length === 0) return null;
  return (
    <ul className="order-detail__refusals">
      {refusals.map((refusal) => (
        <li key={refusal.seq} className="notice notice--error" role="alert">
          {t('orders.refused', {
            change: CHANGE_NAMES[refusal.mutation]
              ? t(CHANGE_NAMES[refusal.mutation]!)
              : refusal.summary,
            reason: REFUSAL_CODES_WORDED.has(refusal.code)
              ? t(`orders.refusals.${refusal.code}`, { max: MAX_CANCEL_REASON })
              : refusal.reason,
          })}{' '}
          <button
            type="button"
            className="button button--quiet"
            onClick={() =>
              void act(() => trunkshow().invoke('sync.dismissRefusal', { seq: refusal.seq }))
            }
          >
            {t('sync.dismiss')}
          </button>
        </li>
      ))}
    </ul>
  );
}

function OrderFacts({ order }: { order: OrderDetail }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const day = (iso: string | null) => (iso ? formatDate(iso, language) : '—');
  return (
    <div className="order-detail__facts">
      <dl className="order-detail__list">
        <dt>
          {orderParty(order.source) === 'customer' ? t('dtc.orders.customer') : t('orders.buyer')}
        </dt>
        <dd>{order.buyer}</dd>
        <dt>{t('orders.rep')}</dt>
        <dd>{order.rep?.name ?? '—'}</dd>
        <dt>{t('orders.source')}</dt>
        <dd>{t(`orders.sources.${order.source}`)}</dd>
        <dt>{t('orders.created')}</dt>
        <dd>{formatDate(order.createdAt, language)}</dd>
        <dt>{t('orders.contact')}</dt>
        <dd>
          {[order.contact.name, order.contact.email, order.contact.phone]
            .filter(Boolean)
            .join(' · ') || '—'}
        </dd>
        {order.approvedBy ? (
          <>
            <dt>{t('orders.approvedBy')}</dt>
            <dd>{order.approvedBy}</dd>
          </>
        ) : null}
      </dl>
      <dl className="order-detail__list">
        <dt>{t('orders.po')}</dt>
        <dd>{order.poNumber || '—'}</dd>
        <dt>{t('orders.deliveryWindow')}</dt>
        <dd>
          {order.shipStart || order.cancelDate
            ? t('orders.window', { start: day(order.shipStart), cancel: day(order.cancelDate) })
            : '—'}
        </dd>
        <dt>{t('orders.paymentMethod')}</dt>
        <dd>{order.paymentMethod ? t(`orders.payments.${order.paymentMethod}`) : '—'}</dd>
        {order.payment.status !== 'none' ? (
          <>
            <dt>{t('orders.payment')}</dt>
            <dd>
              {t(`orders.paymentStatus.${order.payment.status}`, {
                day: day(order.payment.paidAt),
              })}
            </dd>
          </>
        ) : null}
        <dt>{t('orders.shippingRate')}</dt>
        <dd>{order.shippingRateName || '—'}</dd>
        {order.note ? (
          <>
            <dt>{t('orders.note')}</dt>
            <dd>{order.note}</dd>
          </>
        ) : null}
      </dl>
      <AddressBlock title={t('orders.shipTo')} address={order.shipTo} />
      <AddressBlock title={t('orders.billTo')} address={order.billTo} />
    </div>
  );
}

function AddressBlock({ title, address }: { title: string; address: AddressFields | null }) {
  const { t, i18n } = useTranslation();
  const country = address
    ? (countryOptions(i18n.language).find((option) => option.code === address.country)?.name ??
      address.country)
    : '';
  return (
    <div className="order-detail__address">
      <h3>{title}</h3>
      {address ? (
        <address>
          {addressLines(address, country).map((line, index) => (
            <span key={index}>{line}</span>
          ))}
        </address>
      ) : (
        <p className="order-detail__none">{t('orders.noAddress')}</p>
      )}
    </div>
  );
}

/** A style's lines as buyers read an order: a row per colourway, a column per size. */
function SizeGrid({ style, language }: { style: OrderStyleLines; language: string }) {
  const { t } = useTranslation();
  return (
    <table className="order-detail__grid">
      <caption>
        <span className="order-detail__style">{style.styleNumber}</span> {style.name}
        {style.unitPrice ? (
          <span className="order-detail__price">
            {' · '}
            {t('orders.unitPrice')} <Money value={style.unitPrice} language={language} />
          </span>
        ) : null}
      </caption>
      <thead>
        <tr>
          <th scope="col">{t('orders.colour')}</th>
          {style.sizes.map((size) => (
            <th scope="col" key={size} className="orders__amount">
              {size}
            </th>
          ))}
          <th scope="col" className="orders__amount">
            {t('orders.units')}
          </th>
          <th scope="col" className="orders__amount">
            {t('orders.amount')}
          </th>
        </tr>
      </thead>
      <tbody>
        {style.colourways.map((row) => (
          <tr key={row.code || row.name}>
            <th scope="row">
              {row.colorHex ? (
                <span
                  className="order-detail__swatch"
                  style={{ background: row.colorHex }}
                  aria-hidden="true"
                />
              ) : null}
              {row.name} <span className="orders__code">{row.code}</span>
            </th>
            {style.sizes.map((size) => (
              <td key={size} className="orders__amount">
                {row.quantities[size] ?? ''}
              </td>
            ))}
            <td className="orders__amount">{row.units}</td>
            <td className="orders__amount">
              <Money value={row.amount} language={language} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function StatusHistory({ order }: { order: OrderDetail }) {
  const { t, i18n } = useTranslation();
  const when = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });
  const who = (event: OrderDetail['events'][number]) =>
    event.actorName ?? t(`orders.actors.${event.actorKind}`, { defaultValue: event.actorKind });
  return (
    <section aria-labelledby="order-history-title">
      <h3 id="order-history-title">{t('orders.history')}</h3>
      <table className="orders__table order-detail__history">
        <thead>
          <tr>
            <th scope="col">{t('orders.when')}</th>
            <th scope="col">{t('orders.who')}</th>
            <th scope="col">{t('orders.change')}</th>
            <th scope="col">{t('orders.reason')}</th>
          </tr>
        </thead>
        <tbody>
          {order.events.map((event, index) => (
            <tr key={index}>
              <td>{when.format(new Date(event.at))}</td>
              <td>{who(event)}</td>
              <td>
                {event.from
                  ? t('orders.fromTo', {
                      from: t(`orders.statuses.${event.from}`),
                      to: t(`orders.statuses.${event.to}`),
                    })
                  : t(`orders.statuses.${event.to}`)}
              </td>
              <td>{event.reason}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

type MailState =
  | { kind: 'loading' }
  | { kind: 'shown'; mails: MailHistoryEntry[] }
  | { kind: 'offline' }
  | { kind: 'failed'; message: string };

/** The mails the hub sent or is sending about the order: asked of the hub, so online only. */
function MailHistory({ orderId }: { orderId: string }) {
  const { t, i18n } = useTranslation();
  const mayRead = useCan('configureMail');
  const [state, setState] = useState<MailState>({ kind: 'loading' });

  useEffect(() => {
    if (!mayRead) return;
    let current = true;
    trunkshow()
      .invoke('mail.history', { entity: `order:${orderId}` })
      .then(
        (mails) => current && setState({ kind: 'shown', mails }),
        (error: unknown) => {
          if (!current) return;
          const problem = problemOf(error, t('unexpected'));
          setState(
            problem.code === 'unavailable'
              ? { kind: 'offline' }
              : { kind: 'failed', message: problem.message },
          );
        },
      );
    return () => {
      current = false;
    };
  }, [mayRead, orderId, t]);

  const when = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });
  return (
    <section aria-labelledby="order-mail-title">
      <h3 id="order-mail-title">{t('orders.mail')}</h3>
      {!mayRead ? (
        <p className="order-detail__none">{t('orders.mailAdminsOnly')}</p>
      ) : state.kind === 'loading' ? (
        <p>{t('loading')}</p>
      ) : state.kind === 'offline' ? (
        <p className="notice notice--info">{t('orders.mailOffline')}</p>
      ) : state.kind === 'failed' ? (
        <p className="notice notice--error">{state.message}</p>
      ) : state.mails.length === 0 ? (
        <p className="order-detail__none">{t('orders.noMail')}</p>
      ) : (
        <ul className="order-detail__mails">
          {state.mails.map((mail) => (
            <li key={mail.id}>
              <strong>{mail.subject}</strong> · {mail.to.join(', ')} ·{' '}
              {t(`orders.mailStatus.${mail.status}`)} ·{' '}
              {when.format(new Date(mail.sentAt ?? mail.createdAt))}
              {mail.lastError ? (
                <span className="orders__sub">{mail.lastError.message}</span>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** Cancelling asks why: the reason goes to the history, the audit and the buyer. */
function CancelDialog({
  open,
  onClose,
  onCancelled,
  orderId,
  number,
}: {
  open: boolean;
  onClose: () => void;
  onCancelled: () => void;
  orderId: string;
  number: string;
}) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);

  const problemWith = (text: string) =>
    text.trim() === ''
      ? t('orders.reasonRequired')
      : text.trim().length > MAX_CANCEL_REASON
        ? t('orders.reasonTooLong', { max: MAX_CANCEL_REASON })
        : undefined;

  const submit = async () => {
    const problem = problemWith(reason);
    setError(problem);
    if (problem) return;
    setBusy(true);
    try {
      await trunkshow().invoke('orders.cancel', { orderId, reason: reason.trim() });
      setReason('');
      onCancelled();
    } catch (failure) {
      const refused = problemOf(failure, t('unexpected'));
      setError(refused.fields.reason ?? refused.message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog
      open={open}
      size="small"
      title={t('orders.cancelTitle', { number })}
      lead={t('orders.cancelLead')}
      onClose={onClose}
      onSubmit={() => void submit()}
      busy={busy}
      actions={
        <>
          <button type="button" className="button" onClick={onClose}>
            {t('orders.keepOrder')}
          </button>
          <button type="submit" className="button button--danger" disabled={busy}>
            {t('orders.cancelOrder')}
          </button>
        </>
      }
    >
      <Field
        label={t('orders.reason')}
        hint={t('orders.reasonHint', { count: reason.trim().length, max: MAX_CANCEL_REASON })}
        error={error}
      >
        {(control) => (
          <textarea
            {...control}
            className="field__control field__control--area"
            rows={4}
            value={reason}
            data-autofocus
            onChange={(event) => {
              setReason(event.target.value);
              if (error) setError(problemWith(event.target.value));
            }}
          />
        )}
      </Field>
    </Dialog>
  );
}
