import { useTranslation } from 'react-i18next';

/** "Loading…", announced politely while a page asks the hub. */
export function Loading() {
  const { t } = useTranslation();
  return (
    <p className="status" role="status">
      {t('loading')}
    </p>
  );
}

/** A problem the buyer should know about at once; by default, the hub could not be reached. */
export function Problem({ message }: { message?: string }) {
  const { t } = useTranslation();
  return (
    <p className="notice notice--error" role="alert">
      {message ?? t('unreachable')}
    </p>
  );
}
