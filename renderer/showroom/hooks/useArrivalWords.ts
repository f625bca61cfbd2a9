import { useTranslation } from 'react-i18next';
import { formatShare } from '../format.ts';
import { useArrival } from '../state/sync.ts';

/**
 * While a first sync brings the brand in, how far it has come in words: the share of the
 * hub's changes read when the hub says it, and what has arrived so far. Null once it is
 * all here.
 */
export function useArrivalWords(): {
  /** "Catalog arriving… 35%, 1,200 styles so far", from the count of styles here. */
  styles: (count: number) => string;
  /** "Catalog arriving… 35%, 52,000 rows so far" */
  rows: string;
} | null {
  const { t, i18n } = useTranslation();
  const progress = useArrival();
  if (!progress) return null;
  const share = progress.fraction === null ? null : formatShare(progress.fraction, i18n.language);
  return {
    styles: (count) =>
      share === null ? t('count.arriving', { count }) : t('count.arrivingShare', { count, share }),
    rows:
      share === null
        ? t('sync.arriving', { count: progress.rows })
        : t('sync.arrivingShare', { count: progress.rows, share }),
  };
}
