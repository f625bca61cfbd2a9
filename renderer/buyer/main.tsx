import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { initBuyerI18n, pickLanguage } from './i18n.ts';
import './styles.css';

initBuyerI18n(pickLanguage(window.location.search, navigator.languages ?? [navigator.language]));

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
