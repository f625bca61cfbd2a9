import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { v7 as uuidv7 } from 'uuid';
import type { SelectionStyleLine, SharedSelection } from '../../preload/contract/index.ts';
import { formatMoney, type Money } from '../../main/domain/money.ts';
import { accountPictureUrl, checkout, openShare, sharedPicture, type ShareAnswer } from './api.ts';
import { Loading, Problem } from './PageStatus.tsx';

type PageState = { kind: 'loading' } | ShareAnswer | { kind: 'failed' };

/**
 * What a share link opens: the selection, read-only, in the selection's currency. No
 * way to share it onward is offered here. A link that does not open (unknown, expired,
 * revoked, switched off) shows the one message the brand chose, and a way to log in.
 */
export function SharedSelectionPage({ token }: { token: string | null }) {
  const { t } = useTranslation();
  const [state, setState] = useState<PageState>(
    token ? { kind: 'loading' } : { kind: 'expired', message: '' },
  );

  useEffect(() => {
    if (!token) return;
    const controller = new AbortController();
    openShare(token, controller.signal).then(setState, () => {
      if (!controller.signal.aborted) setState({ kind: 'failed' });
    });
    return () => controller.abort();
  }, [token]);

  if (state.kind === 'loading') {
    return <Loading />;
  }
  if (state.kind === 'failed') {
    return <Problem />;
  }
  if (state.kind !== 'open') {
    return (
      <section className="expired" aria-labelledby="expired-title">
        <h1 id="expired-title" className="expired__title">
          {state.kind === 'limited' ? state.message : t('shared.expired')}
        </h1>
        <a className="button button--primary" href="/login">
          {t('shared.logIn')}
        </a>
      </section>
    );
  }
  return <Selection selection={state.selection} token={token} />;
}

export function Selection({
  selection,
  token,
}: {
  selection: Omit<SharedSelection, 'expiresAt' | 'prepaymentCheckout'> &
    Partial<Pick<SharedSelection, 'prepaymentCheckout'>>;
  /**
   * A share link's token: pictures come with it, and so does Request Checkout. Null for
   * a logged-in buyer, whose session cookie brings the pictures.
   */
  token: string | null;
}) {
  const { t, i18n } = useTranslation();
  const money = (value: Money | null) => (value ? formatMoney(value, i18n.language) : '—');
  return (
    <article className="shared" aria-labelledby="shared-title">
      <p className="landing__eyebrow">{t('shared.eyebrow', { buyer: selection.buyer })}</p>
      <h1 id="shared-title" className="landing__title">
        {selection.name}
      </h1>
      {selection.notes ? <p className="shared__notes">{selection.notes}</p> : null}
      <ul className="shared__lines" aria-label={t('shared.styles')}>
        {selection.lines.map((line) => (
          <li key={`${line.styleId}:${line.colorway.code}`} className="shared__line">
            <Picture line={line} token={token} />
            <div className="shared__body">
              <p className="shared__number">{line.styleNumber}</p>
              <h2 className="shared__name">{line.name}</h2>
              <p className="shared__colour">
                <span
                  className="shared__swatch"
                  style={{ backgroundColor: line.colorway.colorHex }}
                  aria-hidden="true"
                />
                {line.colorway.name}
              </p>
              <table className="shared__sizes">
                <caption className="visually-hidden">{t('shared.sizes')}</caption>
                <thead>
                  <tr>
                    {line.cells
                      .filter((cell) => cell.quantity > 0)
                      .map((cell) => (
                        <th key={cell.skuId} scope="col">
                          {cell.size}
                        </th>
                      ))}
                  </tr>
                </thead>
                <tbody>
                  <tr>
                    {line.cells
                      .filter((cell) => cell.quantity > 0)
                      .map((cell) => (
                        <td key={cell.skuId}>{cell.quantity}</td>
                      ))}
                  </tr>
                </tbody>
              </table>
              <p className="shared__prices">
                {t('shared.wholesale', { price: money(unitPrice(line)) })}
                {line.retail ? <> · {t('shared.retail', { price: money(line.retail) })}</> : null}
              </p>
              <p className="shared__amount">
                {t('shared.units', { count: line.units })} · {money(line.amount)}
              </p>
            </div>
          </li>
        ))}
      </ul>
      <dl className="shared__totals">
        <div>
          <dt>{t('shared.subtotal')}</dt>
          <dd>{money(selection.totals.subtotal)}</dd>
        </div>
        <div>
          <dt>{t('shared.discount', { value: selection.totals.discountPercent })}</dt>
          <dd>{money(selection.totals.discount)}</dd>
        </div>
        <div>
          <dt>{t('shared.total')}</dt>
          <dd>{money(selection.totals.total)}</dd>
        </div>
      </dl>
      {token ? <Checkout token={token} prepayment={selection.prepaymentCheckout ?? false} /> : null}
    </article>
  );
}

/** The line's wholesale price per unit; sizes of a colourway share it, the lowest shows otherwise. */
function unitPrice(line: SelectionStyleLine): Money | null {
  const prices = line.cells.flatMap((cell) => (cell.unitPrice ? [cell.unitPrice] : []));
  return prices.reduce<Money | null>(
    (lowest, price) => (lowest && lowest.amountMinor <= price.amountMinor ? lowest : price),
    null,
  );
}

/**
 * Request Checkout: the buyer's contact and a note; the brand completes the checkout.
 * With prepayment checkout the buyer may complete it here instead.
 */
function Checkout({ token, prepayment }: { token: string; prepayment: boolean }) {
  const { t } = useTranslation();
  // Not crypto.randomUUID(): it exists only in secure contexts, and at a booth the hub
  // serves this page over plain HTTP on the local network.
  const [orderId] = useState(() => uuidv7());
  const [form, setForm] = useState<Record<CheckoutField, string>>({
    name: '',
    email: '',
    phone: '',
    note: '',
  });
  const [state, setState] = useState<
    | { kind: 'editing'; problem: string | null; fields: Record<string, string> }
    | { kind: 'sending' }
    | { kind: 'done'; status: string }
  >({ kind: 'editing', problem: null, fields: {} });
  const done = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    // Keyboard and screen reader users land on the outcome, not on a vanished button.
    if (state.kind === 'done') done.current?.focus();
  }, [state.kind]);

  if (state.kind === 'done') {
    return (
      <section className="checkout checkout--done" role="status" aria-labelledby="checkout-title">
        <h2 id="checkout-title" tabIndex={-1} ref={done}>
          {state.status}
        </h2>
        <p>{state.status === 'Order' ? t('shared.ordered') : t('shared.requested')}</p>
      </section>
    );
  }
  const send = async (complete: boolean) => {
    setState({ kind: 'sending' });
    try {
      const answer = await checkout(token, { orderId, ...form, complete });
      setState(
        answer.ok
          ? { kind: 'done', status: answer.status }
          : {
              kind: 'editing',
              problem: answer.message || t('shared.checkoutFailed'),
              fields: answer.fields,
            },
      );
    } catch {
      setState({ kind: 'editing', problem: t('unreachable'), fields: {} });
    }
  };
  const fieldProblems = state.kind === 'editing' ? state.fields : {};
  const field = (key: CheckoutField, label: string, type: string, required: boolean) => {
    const problem = fieldProblems[key];
    const control = {
      id: `checkout-${key}`,
      value: form[key],
      required,
      'aria-invalid': problem ? true : undefined,
      'aria-describedby': problem ? `checkout-${key}-problem` : undefined,
      onChange: (event: { target: { value: string } }) =>
        setForm({ ...form, [key]: event.target.value }),
    };
    return (
      <div className="checkout__field">
        <label htmlFor={control.id}>{label}</label>
        {key === 'note' ? (
          <textarea {...control} rows={3} maxLength={2000} />
        ) : (
          <input
            {...control}
            type={type}
            autoComplete={key === 'phone' ? 'tel' : key}
            maxLength={key === 'phone' ? 40 : 320}
          />
        )}
        {problem ? (
          <p id={`checkout-${key}-problem`} className="checkout__problem">
            {problem}
          </p>
        ) : null}
      </div>
    );
  };
  return (
    <form
      className="checkout"
      aria-labelledby="checkout-title"
      onSubmit={(event) => {
        event.preventDefault();
        void send(false);
      }}
    >
      <h2 id="checkout-title">{t('shared.checkoutTitle')}</h2>
      <p>{prepayment ? t('shared.checkoutLeadPrepay') : t('shared.checkoutLead')}</p>
      {field('name', t('shared.name'), 'text', true)}
      {field('email', t('shared.email'), 'email', true)}
      {field('phone', t('shared.phone'), 'tel', false)}
      {field('note', t('shared.note'), 'text', false)}
      {state.kind === 'editing' && state.problem ? <Problem message={state.problem} /> : null}
      <div className="checkout__actions">
        <button
          type="submit"
          className="button button--primary"
          disabled={state.kind === 'sending'}
        >
          Request Checkout
        </button>
        {prepayment ? (
          <button
            type="button"
            className="button"
            disabled={state.kind === 'sending'}
            onClick={(event) => {
              if (event.currentTarget.form?.reportValidity()) void send(true);
            }}
          >
            {t('shared.completeCheckout')}
          </button>
        ) : null}
      </div>
    </form>
  );
}

type CheckoutField = 'name' | 'email' | 'phone' | 'note';

function Picture({ line, token }: { line: SelectionStyleLine; token: string | null }) {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    if (!line.pictureId || !token) return;
    let current = true;
    let made: string | null = null;
    sharedPicture(token, line.pictureId).then(
      (blob) => {
        if (!current) return;
        made = URL.createObjectURL(blob);
        setUrl(made);
      },
      () => undefined,
    );
    return () => {
      current = false;
      if (made) URL.revokeObjectURL(made);
    };
  }, [line.pictureId, token]);
  // A logged-in buyer's cookie goes with a plain address: the browser loads it lazily.
  const src = token ? url : line.pictureId ? accountPictureUrl(line.pictureId) : null;
  return src ? (
    <img
      className="shared__picture"
      src={src}
      alt=""
      width={96}
      height={128}
      loading="lazy"
      style={{ backgroundColor: line.colorway.colorHex }}
    />
  ) : (
    <span
      className="shared__picture"
      style={{ backgroundColor: line.colorway.colorHex }}
      aria-hidden="true"
    />
  );
}
