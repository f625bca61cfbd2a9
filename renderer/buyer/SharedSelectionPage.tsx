import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SelectionStyleLine, SharedSelection } from '../../preload/contract/index.ts';
import { formatMoney, type Money } from '../../main/domain/money.ts';
import { openShare, sharedPicture, type ShareAnswer } from './api.ts';

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
  return <Selection selection={state.selection} token={token!} />;
}

function Selection({ selection, token }: { selection: SharedSelection; token: string }) {
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
    </article>
  );
}

function Picture({ line, token }: { line: SelectionStyleLine; token: string }) {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    if (!line.pictureId) return;
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
