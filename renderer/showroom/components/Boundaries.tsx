import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorBoundary } from '../../ui/ErrorBoundary.tsx';
import { trunkshow } from '../api.ts';
import type { View } from '../state/navigation.ts';
import { forgetViewData } from '../state/session.ts';
import { Dialog } from './Dialog.tsx';
import { StatePanel } from './StatePanel.tsx';

/**
 * A view that fails says so in its place, under a header that still works, and offers
 * to load it again, from fresh data; the main side's log gets what failed.
 */
export function ViewBoundary({ view, children }: { view: View; children: ReactNode }) {
  return (
    <ErrorBoundary
      onError={(error, components) => report(`view:${view}`, error, components)}
      fallback={(reload) => (
        <ViewFailure
          view={view}
          reload={() => {
            forgetViewData();
            reload();
          }}
        />
      )}
    >
      {children}
    </ErrorBoundary>
  );
}

/**
 * The last resort around the whole window, for a failure outside any view (the header,
 * the sign-in screen): the window says so and reloads, never stays blank.
 */
export function AppBoundary({ children }: { children: ReactNode }) {
  return (
    <ErrorBoundary
      onError={(error, components) => report('app', error, components)}
      fallback={() => <AppFailure />}
    >
      {children}
    </ErrorBoundary>
  );
}

function AppFailure() {
  const { t } = useTranslation();
  return (
    <StatePanel
      tone="error"
      icon="error"
      title={t('failure.app')}
      lead={t('failure.appLead')}
      action={
        <button
          type="button"
          className="button button--primary"
          onClick={() => window.location.reload()}
        >
          {t('failure.reloadApp')}
        </button>
      }
    />
  );
}

/** A dialog that fails becomes a small one that says so, to reload or close. */
export function DialogBoundary({
  dialog,
  close,
  children,
}: {
  /** For the log: which dialog, e.g. `newSelection`. */
  dialog: string;
  /** Puts the dialog away, as its own Close does. */
  close: () => void;
  children: ReactNode;
}) {
  return (
    <ErrorBoundary
      onError={(error, components) => report(`dialog:${dialog}`, error, components)}
      fallback={(reload) => <DialogFailure close={close} reload={reload} />}
    >
      {children}
    </ErrorBoundary>
  );
}

function ViewFailure({ view, reload }: { view: View; reload: () => void }) {
  const { t } = useTranslation();
  return (
    <StatePanel
      tone="error"
      icon="error"
      title={t('failure.view', { name: t(`nav.${view}`) })}
      lead={t('failure.lead')}
      action={
        <button type="button" className="button button--primary" onClick={reload}>
          {t('failure.reloadView')}
        </button>
      }
    />
  );
}

function DialogFailure({ close, reload }: { close: () => void; reload: () => void }) {
  const { t } = useTranslation();
  // Mounted again after closing, the dialog starts afresh the next time it opens.
  const closeAndReset = () => {
    close();
    reload();
  };
  return (
    <Dialog
      open
      size="small"
      title={t('failure.dialog')}
      lead={t('failure.lead')}
      onClose={closeAndReset}
      actions={
        <>
          <button type="button" className="button button--quiet" onClick={closeAndReset}>
            {t('close')}
          </button>
          <button type="button" className="button button--primary" onClick={reload} data-autofocus>
            {t('failure.reloadDialog')}
          </button>
        </>
      }
    />
  );
}

function report(part: string, error: unknown, components: string): void {
  const message = error instanceof Error ? error.message : String(error);
  const stack = [error instanceof Error ? error.stack : '', components].join('\n');
  trunkshow()
    .invoke('app.reportError', { part, message, stack })
    // The page already says what failed; a report that cannot be written is lost.
    .catch(() => undefined);
}
