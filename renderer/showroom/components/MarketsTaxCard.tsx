import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MarketTaxView } from '../../../preload/contract/index.ts';
import { errorMessage, trunkshow } from '../api.ts';
import { useCountryNames } from '../hooks/useCountryNames.ts';
import { useOperation } from '../hooks/useOperation.ts';
import { SettingsCard, type SettingsNotice } from './SettingsFormParts.tsx';
import { Switch } from './Switch.tsx';
import './DtcSettings.css';

/**
 * "Markets" (admins): each market with its pricelist's currency and its countries, and
 * a switch saying whether its retail prices already include tax. Saved on this computer
 * at once and synced like every setting.
 */
export function MarketsTaxCard() {
  const { t, i18n } = useTranslation();
  const markets = useOperation('dtcSettings.markets', {}, { followSync: true });
  const [notice, setNotice] = useState<SettingsNotice | null>(null);
  const countryName = useCountryNames();
  const listFormat = useMemo(
    () => new Intl.ListFormat(i18n.language, { style: 'long', type: 'conjunction' }),
    [i18n.language],
  );

  const change = async (market: MarketTaxView, pricesIncludeTax: boolean) => {
    try {
      markets.setData(
        await trunkshow().invoke('dtcSettings.setPricesIncludeTax', {
          marketId: market.id,
          pricesIncludeTax,
        }),
      );
      setNotice({
        kind: 'info',
        text: t(`dtcSettings.markets.${pricesIncludeTax ? 'included' : 'excluded'}`, {
          market: market.name,
        }),
      });
    } catch (failure) {
      setNotice({ kind: 'error', text: errorMessage(failure, t('unexpected')) });
    }
  };

  return (
    <SettingsCard
      title={t('dtcSettings.markets.title')}
      heading="h4"
      lead={t('dtcSettings.markets.lead')}
      problem={markets.problem}
    >
      {markets.data && markets.data.markets.length === 0 ? (
        <p className="settings__hint-line">{t('dtcSettings.markets.none')}</p>
      ) : null}
      {markets.data && markets.data.markets.length > 0 ? (
        <table className="dtc-settings__table">
          <caption className="visually-hidden">{t('dtcSettings.markets.list')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('dtcSettings.markets.market')}</th>
              <th scope="col">{t('dtcSettings.markets.currency')}</th>
              <th scope="col">{t('dtcSettings.markets.countries')}</th>
              <th scope="col">{t('dtcSettings.markets.pricesIncludeTax')}</th>
            </tr>
          </thead>
          <tbody>
            {markets.data.markets.map((market) => (
              <tr key={market.id}>
                <th scope="row">{market.name}</th>
                <td className="dtc-settings__code">
                  <span title={market.pricelistName}>{market.currency}</span>
                </td>
                <td className="dtc-settings__countries">
                  {market.countryCodes.length === 0
                    ? t('dtcSettings.markets.noCountries')
                    : listFormat.format(market.countryCodes.map(countryName))}
                </td>
                <td>
                  <span className="dtc-settings__switch">
                    <Switch
                      label={t('dtcSettings.markets.switchLabel', { market: market.name })}
                      labelHidden
                      checked={market.pricesIncludeTax}
                      onChange={(checked) => void change(market, checked)}
                    />
                    {market.waitingToSync ? (
                      <span className="badge badge--waiting">{t('dtcSettings.waiting')}</span>
                    ) : null}
                  </span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {notice ? (
        <p className={`notice notice--${notice.kind}`} role="status">
          {notice.text}
        </p>
      ) : null}
    </SettingsCard>
  );
}
