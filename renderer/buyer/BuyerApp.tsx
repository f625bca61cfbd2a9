import {
  createContext,
  startTransition,
  StrictMode,
  useContext,
  useEffect,
  type ReactNode,
} from 'react';
import { createRoot } from 'react-dom/client';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, type Language } from './i18n.ts';
import './styles.css';

const LANGUAGE_NAMES: Record<Language, string> = { en: 'English', ja: '日本語' };

const BrandContext = createContext<string | null>(null);

/** The brand whose hub serves these pages; null when the hub could not say. */
export function useBrand(): string | null {
  return useContext(BrandContext);
}

/**
 * Draws a page in its frame into `root`, once. As a transition, React renders it in
 * slices, yielding between them, rather than in one long task (a catalog's first page of
 * styles takes a slow phone's main thread some 300 ms): taps and scrolls are answered
 * meanwhile, and the page still appears whole, in one paint.
 */
export function drawBuyerApp(root: HTMLElement, brand: string | null, page: ReactNode): void {
  startTransition(() =>
    createRoot(root).render(
      <StrictMode>
        <BuyerApp brand={brand}>{page}</BuyerApp>
      </StrictMode>,
    ),
  );
}

/** The frame of every buyer page: brand, language, content, and who runs the pages. */
export function BuyerApp({ brand, children }: { brand: string | null; children: ReactNode }) {
  const { t } = useTranslation();

  useEffect(() => {
    document.title = brand ?? t('brandFallback');
  }, [brand, t]);

  return (
    <BrandContext value={brand}>
      <div className="shell">
        <a className="skip-link" href="#content">
          {t('skipToContent')}
        </a>
        <header className="shell__header">
          <div className="shell__bar">
            <p className="shell__brand">{brand ?? t('brandFallback')}</p>
            <LanguagePicker />
          </div>
        </header>
        <main id="content" className="shell__main" tabIndex={-1}>
          {children}
        </main>
        <footer className="shell__footer">
          <p>{t('poweredBy')}</p>
        </footer>
      </div>
    </BrandContext>
  );
}

function LanguagePicker() {
  const { t, i18n } = useTranslation();
  const current = i18n.resolvedLanguage ?? 'en';
  const choose = (language: Language) => {
    void i18n.changeLanguage(language);
    const url = new URL(window.location.href);
    url.searchParams.set('lang', language);
    window.history.replaceState(window.history.state, '', url);
  };
  return (
    <nav className="language" aria-label={t('language')}>
      {LANGUAGES.map((language) => (
        <button
          key={language}
          type="button"
          lang={language}
          className="language__option"
          aria-pressed={current === language}
          onClick={() => choose(language)}
        >
          {LANGUAGE_NAMES[language]}
        </button>
      ))}
    </nav>
  );
}
