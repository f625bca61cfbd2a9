import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useOperation } from '../hooks/useOperation.ts';

/**
 * Said once per start when the built-in hub could not have its usual port (another
 * program held it): links, QR codes and emails made before carry the old port.
 */
export function HubMovedBanner() {
  const { t } = useTranslation();
  const { data } = useOperation('hub.network', {});
  const [dismissed, setDismissed] = useState(false);
  const moved = data?.builtIn?.movedFrom ?? null;
  if (dismissed || moved === null || !data?.builtIn) return null;
  return (
    <div className="banner banner--warning banner--flush" role="alert">
      <span>{t('hubMoved.message', { from: moved, to: data.builtIn.port })}</span>
      <button type="button" className="button button--quiet" onClick={() => setDismissed(true)}>
        {t('hubMoved.dismiss')}
      </button>
    </div>
  );
}
