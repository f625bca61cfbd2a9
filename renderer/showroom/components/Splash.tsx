import { useTranslation } from 'react-i18next';
import './Auth.css';

/** What shows for the moment it takes to learn whether this computer is signed in. */
export function Splash() {
  const { t } = useTranslation();
  return (
    <div className="splash" role="status">
      <span className="splash__mark" aria-hidden="true">
        {t('appName')}
      </span>
      <span className="spinner" aria-hidden="true" />
      <span className="visually-hidden">{t('splash')}</span>
    </div>
  );
}
