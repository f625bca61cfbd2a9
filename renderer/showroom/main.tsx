import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { AppBoundary } from './components/Boundaries.tsx';
import { firstSpoken } from '../ui/i18n.ts';
import { initShowroomI18n } from './i18n.ts';
import './styles.css';

// The showroom speaks the rep's system language, when it is one we have.
initShowroomI18n(firstSpoken(navigator.languages ?? [navigator.language]));

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <AppBoundary>
        <App />
      </AppBoundary>
    </StrictMode>,
  );
}
