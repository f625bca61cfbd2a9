import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { Session } from '../../preload/contract/index.ts';
import { CatalogsView } from './components/CatalogsView.tsx';
import { LookbooksView } from './components/LookbooksView.tsx';
import { SignOutDialog } from './components/AccountMenu.tsx';
import { AuditView } from './components/AuditView.tsx';
import { DialogBoundary, ViewBoundary } from './components/Boundaries.tsx';
import { BuyerDialog } from './components/BuyerDialog.tsx';
import { BuyersView } from './components/BuyersView.tsx';
import { CatalogView } from './components/CatalogView.tsx';
import { DevicesView, RevokeDialog } from './components/DevicesView.tsx';
import { Header } from './components/Header.tsx';
import { HubMovedBanner } from './components/HubMovedBanner.tsx';
import { DtcView } from './components/DtcView.tsx';
import { LinksView } from './components/LinksView.tsx';
import { NewSelectionDialog } from './components/NewSelectionDialog.tsx';
import { OrdersView } from './components/OrdersView.tsx';
import { SelectionsView } from './components/SelectionsView.tsx';
import { SettingsView } from './components/SettingsView.tsx';
import { ImportDialog } from './components/ImportDialog.tsx';
import { StyleDialog } from './components/StyleDialog.tsx';
import { SignInScreen } from './components/SignInScreen.tsx';
import { Splash } from './components/Splash.tsx';
import { StatePanel } from './components/StatePanel.tsx';
import { UpdateBanner } from './components/SyncIndicator.tsx';
import { useBrandStore } from './state/brand.ts';
import { useBuyerFormStore } from './state/buyerForm.ts';
import { useDevicesStore } from './state/devices.ts';
import { useImportStore } from './state/import.ts';
import { useNavigationStore, viewsFor } from './state/navigation.ts';
import { useNewSelectionStore } from './state/newSelection.ts';
import { useSessionStore } from './state/session.ts';
import { useStyleStore } from './state/style.ts';

/** Signed in or not decides everything: the sign-in flow, or the showroom. */
export function App() {
  const { t } = useTranslation();
  const state = useSessionStore((store) => store.state);
  const load = useSessionStore((store) => store.load);

  useEffect(() => {
    void load();
  }, [load]);

  if (state.status === 'loading') return <Splash />;
  if (state.status === 'failed') {
    return (
      <StatePanel
        tone="error"
        icon="error"
        title={t('sessionFailed')}
        lead={state.message || t('unexpected')}
        action={
          <button type="button" className="button button--primary" onClick={() => void load()}>
            {t('tryAgain')}
          </button>
        }
      />
    );
  }
  const { session } = state;
  if (session.state === 'signed_out') return <SignInScreen session={session} />;
  return <Showroom session={session} />;
}

function Showroom({ session }: { session: Extract<Session, { state: 'signed_in' }> }) {
  const { t } = useTranslation();
  const loadSummary = useBrandStore((state) => state.loadSummary);
  const summary = useBrandStore((state) => state.summary);
  const view = useNavigationStore((state) => state.view);
  const brand = summary.status === 'ready' ? summary.summary.name : session.brand;
  // A section the role may not see (left open by another account) shows the catalog.
  const shown = viewsFor(session.user.role).includes(view) ? view : 'catalog';

  useEffect(() => {
    void loadSummary();
  }, [loadSummary]);

  useEffect(() => {
    document.title = brand ? `${brand} — ${t('appName')}` : t('appName');
  }, [brand, t]);

  return (
    <div className="app">
      <Header user={session.user} />
      <UpdateBanner />
      <HubMovedBanner />
      <main className="app__main">
        {/* Keyed by view: another section starts with a boundary that has seen no failure. */}
        <ViewBoundary key={shown} view={shown}>
          {shown === 'buyers' ? (
            <BuyersView />
          ) : shown === 'selections' ? (
            <SelectionsView />
          ) : shown === 'orders' ? (
            <OrdersView />
          ) : shown === 'links' ? (
            <LinksView />
          ) : shown === 'dtc' ? (
            <DtcView />
          ) : shown === 'catalogs' ? (
            <CatalogsView />
          ) : shown === 'lookbooks' ? (
            <LookbooksView />
          ) : shown === 'devices' ? (
            <DevicesView />
          ) : shown === 'settings' ? (
            <SettingsView />
          ) : shown === 'audit' ? (
            <AuditView />
          ) : (
            <CatalogView />
          )}
        </ViewBoundary>
      </main>
      <DialogBoundary dialog="import" close={useImportStore.getState().dismiss}>
        <ImportDialog />
      </DialogBoundary>
      <DialogBoundary dialog="style" close={useStyleStore.getState().close}>
        <StyleDialog />
      </DialogBoundary>
      <DialogBoundary dialog="buyer" close={useBuyerFormStore.getState().close}>
        <BuyerDialog />
      </DialogBoundary>
      <DialogBoundary dialog="newSelection" close={useNewSelectionStore.getState().close}>
        <NewSelectionDialog />
      </DialogBoundary>
      <DialogBoundary dialog="revokeDevice" close={useDevicesStore.getState().cancelRevoke}>
        <RevokeDialog />
      </DialogBoundary>
      <DialogBoundary dialog="signOut" close={useSessionStore.getState().keepWorking}>
        <SignOutDialog />
      </DialogBoundary>
    </div>
  );
}
