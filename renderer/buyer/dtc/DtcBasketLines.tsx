import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatMoney } from '../../../main/domain/money.ts';
import type { DtcBasket, DtcQuote } from '../../../preload/contract/buyer-api/index.ts';
import { Money } from '../../ui/Money.tsx';

type Line = DtcBasket['lines'][number];

/**
 * The basket's products: style, colour, size, the price each unit is sold at (a special
 * price said as such, beside the regular price), the quantity and what the line comes
 * to. Locked quantities are shown and can be lowered, never raised; open ones can be
 * typed up to what the link allows. A removed product stays listed, to be put back.
 * Each line's problem, already in the page's words, shows at its quantity.
 */
export function DtcBasketLines({
  basket,
  quantities,
  quote,
  problems,
  onQuantity,
}: {
  basket: DtcBasket;
  quantities: readonly number[];
  quote: DtcQuote | null;
  /** By the line's index in the basket. */
  problems: Readonly<Record<number, string>>;
  onQuantity: (index: number, quantity: number) => void;
}) {
  const { t, i18n } = useTranslation();
  const money = (amountMinor: number | null) => (
    <Money
      value={amountMinor === null ? null : { amountMinor, currency: basket.currency }}
      language={i18n.language}
    />
  );
  const locked = basket.options.lockQuantities;
  return (
    <section className="dtc-lines" aria-labelledby="dtc-products-title">
      <h2 id="dtc-products-title" className="visually-hidden">
        {t('dtc.products')}
      </h2>
      <p className="dtc-lead">{locked ? t('dtc.locked') : t('dtc.open')}</p>
      <ul className="dtc-lines__list">
        {basket.lines.map((line, index) => {
          const quantity = quantities[index] ?? 0;
          const priced = quote?.lines.find((found) => found.skuId === line.skuId);
          const what = { style: line.styleName, colour: line.colorway, size: line.size };
          const problem = problems[index];
          const problemId = `dtc-line-${index}-problem`;
          return (
            <li
              key={line.skuId}
              className={`dtc-line${quantity === 0 ? ' dtc-line--removed' : ''}`}
              aria-labelledby={`dtc-line-${index}`}
            >
              <div className="dtc-line__what">
                <h3 id={`dtc-line-${index}`} className="dtc-line__name">
                  {line.styleName}
                </h3>
                <p>
                  {line.colorway} · {t('dtc.size', { size: line.size })}
                </p>
                <p className="dtc-line__number">
                  {t('dtc.styleNumber', { number: line.styleNumber })}
                </p>
              </div>
              <LinePrice line={line} currency={basket.currency} money={money} />
              <div className="dtc-line__quantity">
                {quantity === 0 ? (
                  <p className="dtc-line__removed">{t('dtc.removed')}</p>
                ) : locked && line.maxQuantity === 1 ? (
                  <p>{t('dtc.quantityLocked', { count: quantity })}</p>
                ) : (
                  <QuantityControl
                    line={line}
                    locked={locked}
                    quantity={quantity}
                    label={t('dtc.quantityOf', what)}
                    problemId={problem ? problemId : undefined}
                    onQuantity={(value) => onQuantity(index, value)}
                  />
                )}
                {quantity === 0 ? (
                  <button
                    type="button"
                    className="button"
                    onClick={() =>
                      onQuantity(index, Math.min(line.savedQuantity, line.maxQuantity))
                    }
                  >
                    {t('dtc.putBack')}
                    <span className="visually-hidden"> {t('dtc.lineName', what)}</span>
                  </button>
                ) : (
                  <button type="button" className="button" onClick={() => onQuantity(index, 0)}>
                    {t('dtc.remove')}
                    <span className="visually-hidden"> {t('dtc.lineName', what)}</span>
                  </button>
                )}
              </div>
              <p className="dtc-line__amount">
                {quantity === 0 ? null : money(priced?.amountMinor ?? null)}
              </p>
              {line.specialPriceMinor !== null && !locked ? (
                <p className="dtc-line__note">
                  {t('dtc.specialFor', { count: line.savedQuantity })}
                </p>
              ) : null}
              {problem ? (
                <p id={problemId} className="field__error dtc-line__problem">
                  {problem}
                </p>
              ) : null}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

/** The unit price: the special price, named so, with the regular one beside it; else the regular. */
function LinePrice({
  line,
  currency,
  money,
}: {
  line: Line;
  currency: string;
  money: (amountMinor: number | null) => ReactNode;
}) {
  const { t, i18n } = useTranslation();
  if (line.specialPriceMinor === null) {
    return <p className="dtc-line__price">{money(line.retailMinor)}</p>;
  }
  const regular =
    line.retailMinor !== null && line.retailMinor > line.specialPriceMinor
      ? line.retailMinor
      : null;
  return (
    <p className="dtc-line__price">
      <span className="dtc-line__special">{t('dtc.specialPrice')}</span>{' '}
      {money(line.specialPriceMinor)}
      {regular === null ? null : (
        <span className="dtc-line__regular">
          {t('dtc.regularPrice', {
            amount: formatMoney({ amountMinor: regular, currency }, i18n.language),
          })}
        </span>
      )}
    </p>
  );
}

/**
 * The units wanted: with locked quantities a choice from 1 up to the saved quantity (it
 * can be lowered, not raised); otherwise typed, up to what the link allows.
 */
function QuantityControl({
  line,
  locked,
  quantity,
  label,
  problemId,
  onQuantity,
}: {
  line: Line;
  locked: boolean;
  quantity: number;
  label: string;
  problemId: string | undefined;
  onQuantity: (quantity: number) => void;
}) {
  const shared = {
    className: 'dtc-quantity',
    'aria-label': label,
    'aria-invalid': problemId ? true : undefined,
    'aria-describedby': problemId,
  };
  const [draft, setDraft] = useState<string | null>(null);
  if (locked) {
    return (
      <select
        {...shared}
        value={quantity}
        onChange={(event) => onQuantity(Number(event.target.value))}
      >
        {Array.from({ length: line.maxQuantity }, (_, index) => index + 1).map((units) => (
          <option key={units} value={units}>
            {units}
          </option>
        ))}
      </select>
    );
  }
  // What is typed stays as typed (an emptied field while typing anew removes nothing);
  // a whole number of units from 1 counts at once, up to what the link allows.
  return (
    <input
      {...shared}
      type="number"
      inputMode="numeric"
      min={1}
      max={line.maxQuantity}
      value={draft ?? quantity}
      onChange={(event) => {
        setDraft(event.target.value);
        const units = Number(event.target.value);
        if (Number.isInteger(units) && units >= 1) onQuantity(Math.min(units, line.maxQuantity));
      }}
      onBlur={() => setDraft(null)}
    />
  );
}
