import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Money as Amount } from '../../main/domain/money.ts';
import type { SelectionStyleLine, SharedSelection } from '../../preload/contract/index.ts';
import { deadlineWords } from '../ui/dates.ts';
import { Money } from '../ui/Money.tsx';
import { accountPictureUrl } from './api.ts';
import { TotalsRow } from './checkout-parts.tsx';
import { sharedPictureUrl } from './pictures.ts';

/**
 * A selection as a buyer reads it: its styles with quantities per size and prices, and
 * the totals in the selection's currency. Read-only; `children` follow the totals.
 */
export function SelectionSheet({
  selection,
  token,
  shortSizes = new Map(),
  children,
}: {
  selection: Pick<SharedSelection, 'name' | 'notes' | 'buyer' | 'lines' | 'totals'>;
  /**
   * A share link's token, which pictures are fetched with. Null for a logged-in buyer,
   * whose session cookie brings the pictures.
   */
  token: string | null;
  /** Sizes a checkout found short of stock, by SKU: how many are left, said at the size. */
  shortSizes?: ReadonlyMap<string, number>;
  children?: ReactNode;
}) {
  const { t, i18n } = useTranslation();
  const money = (value: Amount | null) => <Money value={value} language={i18n.language} />;
  const firstPicture = selection.lines.find((line) => line.pictureId)?.pictureId ?? null;
  const { subtotal, discount, discountPercent, total } = selection.totals;
  return (
    <article className="shared" aria-labelledby="shared-title">
      <p className="landing__eyebrow">{t('shared.eyebrow', { buyer: selection.buyer })}</p>
      <h1 id="shared-title" className="landing__title">
        {selection.name}
      </h1>
      {selection.notes ? <p className="shared__notes">{selection.notes}</p> : null}
      <ul className="shared__lines" aria-label={t('shared.styles')}>
        {selection.lines.map((line) => (
          <li
            key={`${line.styleId}:${line.colorway.code}`}
            className={line.orderRefusal ? 'shared__line shared__line--closed' : 'shared__line'}
          >
            <Picture
              line={line}
              token={token}
              first={line.pictureId !== null && line.pictureId === firstPicture}
            />
            <div className="shared__heading">
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
            </div>
            <div className="shared__order">
              <div className="shared__sizes-frame">
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
                          <td
                            key={cell.skuId}
                            className={shortSizes.has(cell.skuId) ? 'shared__short' : undefined}
                          >
                            {cell.quantity}
                            {shortSizes.has(cell.skuId) ? (
                              <span className="shared__short-note">
                                {t('shared.onlyLeftAtSize', {
                                  available: shortSizes.get(cell.skuId),
                                  size: cell.size,
                                })}
                              </span>
                            ) : null}
                          </td>
                        ))}
                    </tr>
                  </tbody>
                </table>
              </div>
              <p className="shared__prices">
                {/* Label, then the amount as its own element: an amount never wraps. */}
                {t('shared.wholesale')} {money(unitPrice(line))}
                {line.retail ? (
                  <>
                    {' · '}
                    {t('shared.retail')} {money(line.retail)}
                  </>
                ) : null}
              </p>
              <p className="shared__amount">
                {t('shared.units', { count: line.units })} · {money(line.amount)}
              </p>
              {line.orderRefusal?.code === 'deadline_passed' ? (
                <p className="shared__closed">
                  {t(
                    'shared.deadlinePassed',
                    deadlineWords(line.orderRefusal.params, i18n.language),
                  )}
                </p>
              ) : null}
            </div>
          </li>
        ))}
      </ul>
      <dl className="shared__totals">
        <div>
          <dt>{t('shared.subtotal')}</dt>
          <dd>{money(subtotal)}</dd>
        </div>
        {/* Buyers without a discount read no 0 % line, as at a customer order link. */}
        {discountPercent > 0 ? (
          <TotalsRow label={t('shared.discount', { value: discountPercent })}>
            <Money value={discount} language={i18n.language} deduction />
          </TotalsRow>
        ) : null}
        <div>
          <dt>{t('shared.total')}</dt>
          <dd>{money(total)}</dd>
        </div>
      </dl>
      {children}
    </article>
  );
}

/** The line's wholesale price per unit; sizes of a colourway share it, the lowest shows otherwise. */
function unitPrice(line: SelectionStyleLine): Amount | null {
  const prices = line.cells.flatMap((cell) => (cell.unitPrice ? [cell.unitPrice] : []));
  return prices.reduce<Amount | null>(
    (lowest, price) => (lowest && lowest.amountMinor <= price.amountMinor ? lowest : price),
    null,
  );
}

/**
 * A colourway's picture, or its colour while there is none. The first picture of the
 * sheet is on a phone's first screen: it loads at once and ahead of the others. The
 * others are fetched when their card comes near the screen, as a lazy image would be
 * (a share link's pictures need the token in a header, which an <img> cannot send).
 */
function Picture({
  line,
  token,
  first,
}: {
  line: SelectionStyleLine;
  token: string | null;
  first: boolean;
}) {
  const placeholder = useRef<HTMLSpanElement>(null);
  const [near, setNear] = useState(first);
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    const element = placeholder.current;
    if (near || !token || !element) return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) setNear(true);
      },
      { rootMargin: '50% 0px' },
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, [near, token]);
  useEffect(() => {
    if (!near || !line.pictureId || !token) return;
    let current = true;
    void sharedPictureUrl(token, line.pictureId, first).then((made) => {
      if (current) setUrl(made);
    });
    return () => {
      current = false;
    };
  }, [near, line.pictureId, token, first]);
  // A logged-in buyer's cookie goes with a plain address.
  const src = token ? url : line.pictureId ? accountPictureUrl(line.pictureId) : null;
  return src ? (
    <img
      className="shared__picture"
      src={src}
      alt=""
      width={96}
      height={128}
      loading={first ? 'eager' : 'lazy'}
      fetchPriority={first ? 'high' : 'auto'}
      style={{ backgroundColor: line.colorway.colorHex }}
    />
  ) : (
    <span
      ref={placeholder}
      className="shared__picture"
      style={{ backgroundColor: line.colorway.colorHex }}
      aria-hidden="true"
    />
  );
}
