import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SelectionStyleLine, SharedSelection } from '../../preload/contract/index.ts';
import { formatMoney, type Money } from '../../main/domain/money.ts';
import { checkout, openShare, sharedPicture, type ShareAnswer } from './api.ts';

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
    return (
      <p className="status" role="status">
        {t('loading')}
      </p>
    );
  }
  if (state.kind === 'failed') {
    return (
      <p className="notice notice--error" role="alert">
        {t('unreachable')}
      </p>
    );
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
  /** A share link's token: pictures come with it, and so does Request Checkout. */
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

/**
 * Request Checkout: the buyer's contact and a note; the brand completes the checkout.
 * With prepayment checkout the buyer may complete it here instead.
 */
function Checkout({ token, prepayment }: { token: string; prepayment: boolean }) {
  const { t } = useTranslation();
  const [orderId] = useState(() => crypto.randomUUID());
  const [form, setForm] = useState({ name: '', email: '', phone: '', note: '' });
  const [state, setState] = useState<
    | { kind: 'editing'; problem: string | null }
    | { kind: 'sending' }
    | { kind: 'done'; status: string }
  >({ kind: 'editing', problem: null });

  if (state.kind === 'done') {
    return (
      <section className="checkout checkout--done" role="status" aria-labelledby="checkout-title">
        <h2 id="checkout-title">{state.status}</h2>
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
          : { kind: 'editing', problem: answer.message || t('shared.checkoutFailed') },
      );
    } catch {
      setState({ kind: 'editing', problem: t('unreachable') });
    }
  };
  const field = (key: keyof typeof form, label: string, type = 'text', required = false) => (
    <label className="checkout__field">
      <span>{label}</span>
      <input
        type={type}
        required={required}
        value={form[key]}
        autoComplete={key === 'note' ? 'off' : key === 'phone' ? 'tel' : key}
        onChange={(event) => setForm({ ...form, [key]: event.target.value })}
      />
    </label>
  );
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
      {field('phone', t('shared.phone'), 'tel')}
      <label className="checkout__field">
        <span>{t('shared.note')}</span>
        <textarea
          rows={3}
          value={form.note}
          maxLength={2000}
          onChange={(event) => setForm({ ...form, note: event.target.value })}
        />
      </label>
      {state.kind === 'editing' && state.problem ? (
        <p className="notice notice--error" role="alert">
          {state.problem}
        </p>
      ) : null}
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
  return url ? (
    <img className="shared__picture" src={url} alt="" width={96} height={128} />
  ) : (
    <span
      className="shared__picture"
      style={{ backgroundColor: line.colorway.colorHex }}
      aria-hidden="true"
    />
  );
}
