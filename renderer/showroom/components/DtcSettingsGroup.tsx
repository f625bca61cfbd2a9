import { useTranslation } from 'react-i18next';
import { DtcLinkTemplateCard } from './DtcLinkTemplateCard.tsx';
import { MarketsTaxCard } from './MarketsTaxCard.tsx';
import { TaxRatesCard } from './TaxRatesCard.tsx';

/** "Direct to consumer" in Settings: what checkout links sent to DTC customers charge and where they lead. */
export function DtcSettingsGroup() {
  const { t } = useTranslation();
  return (
    <section className="settings__group" aria-labelledby="dtc-settings-title">
      <h3 id="dtc-settings-title">{t('dtcSettings.group')}</h3>
      <DtcLinkTemplateCard />
      <TaxRatesCard />
      <MarketsTaxCard />
    </section>
  );
}
