import type { MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../hooks/useCan.ts';
import { useImportStore } from '../state/import.ts';
import './ImportButton.css';

/**
 * Starts an import, offered only to those who may import (not to a rep, who would learn
 * it after picking files). While one runs the button stays focusable (aria-disabled, not
 * disabled) so focus is not lost to the page.
 */
export function ImportButton({ variant }: { variant: 'header' | 'primary' }) {
  const { t } = useTranslation();
  const mayImport = useCan('importCatalog');
  const status = useImportStore((state) => state.state.status);
  const start = useImportStore((state) => state.start);
  const busy = status === 'importing';
  if (!mayImport) return null;

  const onClick = (event: MouseEvent<HTMLButtonElement>) => {
    if (!busy) void start(event.currentTarget);
  };

  return (
    <button
      type="button"
      className={`button button--${variant === 'primary' ? 'primary' : 'quiet'} import-button`}
      aria-disabled={busy}
      onClick={onClick}
      {...(variant === 'header' ? { 'data-import-button': '' } : {})}
    >
      <svg viewBox="0 0 20 20" aria-hidden="true" focusable="false">
        <path d="M10 3.5v9m0 0-3.5-3.5M10 12.5l3.5-3.5M4 14.5v1.25c0 .4.35.75.75.75h10.5c.4 0 .75-.35.75-.75V14.5" />
      </svg>
      {t('import.button')}
    </button>
  );
}

/** Says that an import is under way; the results open in a dialog when it ends. */
export function ImportProgress() {
  const { t } = useTranslation();
  const state = useImportStore((store) => store.state);
  return (
    <p className="import-progress" role="status">
      {state.status === 'importing' ? (
        <>
          <span className="spinner" aria-hidden="true" />
          {t('import.progress', { count: state.fileCount })}
        </>
      ) : null}
    </p>
  );
}
