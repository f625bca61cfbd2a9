import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { CatalogView } from './components/CatalogView.tsx';
import { Header } from './components/Header.tsx';
import { ImportDialog } from './components/ImportDialog.tsx';
import { useBrandStore } from './state/brand.ts';

export function App() {
  const { t } = useTranslation();
  const loadSummary = useBrandStore((state) => state.loadSummary);
  const summary = useBrandStore((state) => state.summary);
  const brand = summary.status === 'ready' ? summary.summary.name : null;

  useEffect(() => {
    void loadSummary();
  }, [loadSummary]);

  useEffect(() => {
    document.title = brand ? `${brand} — ${t('appName')}` : t('appName');
  }, [brand, t]);

  return (
    <div className="app">
      <Header />
      <main className="app__main">
        <CatalogView />
      </main>
      <ImportDialog />
    </div>
  );
}
