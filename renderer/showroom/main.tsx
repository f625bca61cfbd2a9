import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { initI18n, pickLanguage } from './i18n.ts';
import './styles.css';

initI18n(pickLanguage(navigator.languages ?? [navigator.language]));

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
