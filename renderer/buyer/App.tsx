import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { fetchHealth } from './api.ts';
import { LANGUAGES, type Language } from './i18n.ts';
import { isSharePage, takeShareToken } from './share-token.ts';
import {
  AccountSelectionPage,
  AccountSelectionsPage,
  LoginPage,
  SELECTIONS_PAGE,
} from './AccountPages.tsx';
import { SharedSelectionPage } from './SharedSelectionPage.tsx';
import { Loading, Problem } from './PageStatus.tsx';

type BrandState =
  { kind: 'loading' } | { kind: 'ready'; brand: string | null } | { kind: 'unreachable' };

const LANGUAGE_NAMES: Record<Language, string> = { en: 'English', ja: '日本語' };

/** The brand whose hub serves these pages, as /api/health names it. */
function useBrand(): BrandState {
  const [state, setState] = useState<BrandState>({ kind: 'loading' });
  useEffect(() => {
    const controller = new AbortController();
    fetchHealth(controller.signal).then(
      (health) => setState({ kind: 'ready', brand: health.brand }),
      () => {
        if (!controller.signal.aborted) setState({ kind: 'unreachable' });
      },
    );
    return () => controller.abort();
  }, []);
  return state;
}

// Read once, before anything renders: the token leaves the address bar at once.
const shareToken = takeShareToken();
const sharePage = isSharePage();
const accountSelectionId =
  /^\/selections\/([\w-]{1,64})$/.exec(window.location.pathname)?.[1] ?? null;

export function App() {
  const { t } = useTranslation();
  const state = useBrand();
  const brand = state.kind === 'ready' ? state.brand : null;

  useEffect(() => {
    document.title = brand ?? t('brandFallback');
  }, [brand, t]);

  return (
    <Layout brand={brand}>
      {state.kind === 'loading' ? (
        <Loading />
      ) : state.kind === 'unreachable' ? (
        <Problem />
      ) : sharePage ? (
        <SharedSelectionPage token={shareToken} />
      ) : window.location.pathname === '/login' ? (
        <LoginPage />
      ) : window.location.pathname === SELECTIONS_PAGE ? (
        <AccountSelectionsPage />
      ) : accountSelectionId ? (
        <AccountSelectionPage id={accountSelectionId} />
      ) : (
        <Landing brand={brand} />
      )}
    </Layout>
  );
}

/** The frame of every buyer page: brand, content, and who runs the pages. */
export function Layout({ brand, children }: { brand: string | null; children: ReactNode }) {
  const { t } = useTranslation();
  return (
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

function Landing({ brand }: { brand: string | null }) {
  const { t } = useTranslation();
  return (
    <article className="landing">
      <p className="landing__eyebrow">{t('landing.eyebrow')}</p>
      <h1 className="landing__title">
        {brand ? t('landing.titleWithBrand', { brand }) : t('landing.title')}
      </h1>
      <p className="landing__lead">
        {brand ? t('landing.lead', { brand }) : t('landing.leadNoBrand')}
      </p>
      <section className="landing__how" aria-labelledby="how-title">
        <h2 id="how-title">{t('landing.howTitle')}</h2>
        <ul>
          <li>{t('landing.howSelection')}</li>
          <li>{t('landing.howOrder')}</li>
          <li>{t('landing.howHelp')}</li>
        </ul>
      </section>
    </article>
  );
}
