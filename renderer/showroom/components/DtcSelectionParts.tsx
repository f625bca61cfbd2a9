import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { dtcSelectionTotals, parseSpecialPrice } from '../../../main/domain/dtc-selections.ts';
import type { DtcSelectionDetail } from '../../../preload/contract/index.ts';
import { Money } from '../../ui/Money.tsx';
import { useDtcSelectionStore, type DraftLine } from '../state/dtcSelection.ts';

/** Who the selection is for, and its market and pricelist, locked once chosen. */
export function SelectionHead({ detail }: { detail: DtcSelectionDetail }) {
  const { t } = useTranslation();
  return (
    <dl className="dtc-selection__terms">
      <div>
        <dt>{t('dtc.orders.customer')}</dt>
        <dd>
          {detail.customer.name} · {detail.customer.email}
        </dd>
      </div>
      <div title={t('dtc.editor.lockedHint')}>
        <dt>{t('dtc.editor.market')}</dt>
        <dd>
          {detail.market.name}{' '}
          <span className="dtc-locked" aria-label={t('dtc.editor.locked')}>
            <LockIcon /> {t('dtc.editor.locked')}
          </span>
        </dd>
      </div>
      <div title={t('dtc.editor.lockedHint')}>
        <dt>{t('dtc.editor.pricelist')}</dt>
        <dd>
          {detail.market.pricelistName} ({detail.market.currency})
        </dd>
      </div>
      <div>
        <dt>{t('dtc.editor.owner')}</dt>
        <dd>{detail.owner.name}</dd>
      </div>
    </dl>
  );
}

function LockIcon() {
  return (
    <svg className="dtc-locked__icon" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <rect x="3.5" y="7" width="9" height="6.5" rx="1.2" />
      <path d="M5.5 7V5a2.5 2.5 0 0 1 5 0v2" />
    </svg>
  );
}

/** The lines with retail and special prices, and what they come to. */
export function DtcLines({
  lines,
  currency,
  readOnly,
}: {
  lines: readonly DraftLine[];
  currency: string;
  readOnly: boolean;
}) {
  const { t, i18n } = useTranslation();
  const priced = lines.map((line) => {
    const special = parseSpecialPrice(line.specialPrice, currency);
    return {
      line,
      specialPriceMinor: special.ok ? special.specialPriceMinor : null,
    };
  });
  const totals = dtcSelectionTotals(
    priced.map(({ line, specialPriceMinor }) => ({
      quantity: line.quantity,
      retailMinor: line.retailMinor,
      specialPriceMinor,
    })),
  );
  const money = (amountMinor: number | null) =>
    amountMinor === null ? null : { amountMinor, currency };
  return (
    <>
      <table className="data-table dtc-lines" aria-label={t('dtc.editor.lines')}>
        <thead>
          <tr>
            <th scope="col">{t('dtc.editor.product')}</th>
            <th scope="col">{t('dtc.editor.size')}</th>
            <th scope="col" className="data-table__number">
              {t('dtc.editor.quantity')}
            </th>
            <th scope="col" className="data-table__number">
              {t('dtc.editor.retail')}
            </th>
            <th scope="col" className="data-table__number">
              {t('dtc.editor.specialPrice')}
            </th>
            <th scope="col" className="data-table__number">
              {t('dtc.editor.amount')}
            </th>
            {readOnly ? null : (
              <th scope="col">
                <span className="visually-hidden">{t('dtc.editor.remove', { label: '' })}</span>
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {priced.map(({ line, specialPriceMinor }) => (
            <LineRow
              key={line.skuId}
              line={line}
              currency={currency}
              readOnly={readOnly}
              specialPrice={money(specialPriceMinor)}
              amount={money((specialPriceMinor ?? line.retailMinor ?? 0) * line.quantity)}
              language={i18n.language}
            />
          ))}
        </tbody>
      </table>
      <dl className="selection-totals dtc-totals" aria-label={t('selection.totals')}>
        <div>
          <dt>{t('dtc.editor.units')}</dt>
          <dd>{totals.units.toLocaleString(i18n.language)}</dd>
        </div>
        <div>
          <dt>{t('dtc.editor.retailValue')}</dt>
          <dd>
            <Money value={money(totals.retailMinor)} language={i18n.language} />
          </dd>
        </div>
        <div className="selection-totals__total">
          <dt>{t('dtc.editor.total')}</dt>
          <dd>
            <Money value={money(totals.totalMinor)} language={i18n.language} />
          </dd>
        </div>
      </dl>
    </>
  );
}

function LineRow({
  line,
  currency,
  readOnly,
  specialPrice,
  amount,
  language,
}: {
  line: DraftLine;
  currency: string;
  readOnly: boolean;
  specialPrice: { amountMinor: number; currency: string } | null;
  amount: { amountMinor: number; currency: string } | null;
  language: string;
}) {
  const { t } = useTranslation();
  const problems = useDtcSelectionStore((state) => state.problems);
  const setQuantity = useDtcSelectionStore((state) => state.setQuantity);
  const setSpecialPrice = useDtcSelectionStore((state) => state.setSpecialPrice);
  const removeLine = useDtcSelectionStore((state) => state.removeLine);
  const [quantity, setQuantityText] = useState(String(line.quantity));
  const [was, setWas] = useState(line.quantity);
  if (was !== line.quantity) {
    // The draft changed under the cell (the size run, a scan): show what it holds now.
    setWas(line.quantity);
    setQuantityText(String(line.quantity));
  }
  const label = `${line.styleNumber} ${line.colour} ${line.size}`;
  const quantityProblem = problems[`${line.skuId}.quantity`];
  const priceProblem = problems[`${line.skuId}.specialPrice`];
  return (
    <tr aria-label={label}>
      <th scope="row" className="dtc-lines__product">
        <span className="swatch" style={{ backgroundColor: line.colorHex }} aria-hidden="true" />
        <span>
          <span className="dtc-lines__number">{line.styleNumber}</span> {line.name}
          <span className="dtc-lines__colour">{line.colour}</span>
          {line.retailMinor === null ? (
            <span className="field__error">{t('dtc.editor.notSold')}</span>
          ) : null}
        </span>
      </th>
      <td>{line.size}</td>
      <td className="data-table__number">
        {readOnly ? (
          line.quantity
        ) : (
          <>
            <input
              className="field__control dtc-lines__input"
              inputMode="numeric"
              aria-label={t('dtc.editor.quantityOf', { label })}
              aria-invalid={Boolean(quantityProblem)}
              value={quantity}
              maxLength={6}
              onChange={(event) => setQuantityText(event.target.value)}
              onBlur={() => setQuantity(line.skuId, quantity)}
              onKeyDown={(event) => {
                if (event.key === 'Enter') setQuantity(line.skuId, quantity);
              }}
            />
            {quantityProblem ? <span className="field__error">{quantityProblem}</span> : null}
          </>
        )}
      </td>
      <td className="data-table__number">
        <Money
          value={line.retailMinor === null ? null : { amountMinor: line.retailMinor, currency }}
          language={language}
        />
      </td>
      <td className="data-table__number">
        {readOnly ? (
          line.specialPrice === '' ? (
            '—'
          ) : (
            <Money value={specialPrice} language={language} />
          )
        ) : (
          <>
            <input
              className="field__control dtc-lines__input dtc-lines__price"
              inputMode="decimal"
              aria-label={t('dtc.editor.specialPriceOf', { label })}
              aria-invalid={Boolean(priceProblem)}
              placeholder={t('dtc.editor.specialPriceHint')}
              value={line.specialPrice}
              maxLength={16}
              onChange={(event) => setSpecialPrice(line.skuId, event.target.value)}
            />
            {priceProblem ? <span className="field__error">{priceProblem}</span> : null}
          </>
        )}
      </td>
      <td className="data-table__number">
        <Money value={amount} language={language} />
      </td>
      {readOnly ? null : (
        <td>
          <button
            type="button"
            className="icon-button"
            aria-label={t('dtc.editor.remove', { label })}
            title={t('dtc.editor.remove', { label })}
            onClick={() => removeLine(line.skuId)}
          >
            <svg viewBox="0 0 20 20" aria-hidden="true" focusable="false">
              <path d="M5 6h10M8 6V4.5h4V6m-6 0 .7 9.5h6.6L14 6" />
            </svg>
          </button>
        </td>
      )}
    </tr>
  );
}
