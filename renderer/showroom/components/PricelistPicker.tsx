import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { PricelistSummary } from '../../../preload/contract/index.ts';
import { useBrandStore } from '../state/brand.ts';
import './PricelistPicker.css';

/** Which pricelist the cards price in; the choice outlives a restart. */
export function PricelistPicker({ pricelists }: { pricelists: readonly PricelistSummary[] }) {
  const { t } = useTranslation();
  const id = useId();
  const pricelistId = useBrandStore((state) => state.pricelistId);
  const choose = useBrandStore((state) => state.choosePricelist);
  const none = pricelists.length === 0;

  return (
    <div className="pricelist">
      <label className="pricelist__label" htmlFor={id}>
        {t('pricelist.label')}
      </label>
      <select
        id={id}
        className="pricelist__select"
        value={pricelistId ?? ''}
        disabled={none}
        onChange={(event) => choose(event.target.value)}
      >
        {none ? <option value="">{t('pricelist.none')}</option> : null}
        {pricelists.map((pricelist) => (
          <option key={pricelist.id} value={pricelist.id}>
            {t('pricelist.option', { name: pricelist.name, currency: pricelist.currency })}
          </option>
        ))}
      </select>
    </div>
  );
}
