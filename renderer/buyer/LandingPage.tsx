import { useTranslation } from 'react-i18next';
import { useBrand } from './BuyerApp.tsx';

/** The hub's own address: what these pages are, for someone without a link at hand. */
export function LandingPage() {
  const { t } = useTranslation();
  const brand = useBrand();
  return (
    <article className="landing">
      <p className="landing__eyebrow">{t('landing.eyebrow')}</p>
      <h1 className="landing__title">
        {brand ? t('landing.titleWithBrand', { brand }) : t('landing.title')}
      </h1>
      <p className="landing__lead">
        {brand ? t('landing.lead', { brand }) : t('landing.leadNoBrand')}
      </p>
      <section className="landing__how" aria-labelledby="how-title">
        <h2 id="how-title">{t('landing.howTitle')}</h2>
        <ul>
          <li>{t('landing.howSelection')}</li>
          <li>{t('landing.howOrder')}</li>
          <li>{t('landing.howHelp')}</li>
        </ul>
      </section>
    </article>
  );
}
