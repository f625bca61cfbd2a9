import { useEffect, useRef, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchShortcuts } from '../hooks/useSearchShortcuts.ts';
import { useCatalogStore } from '../state/catalog.ts';
import './SearchBar.css';

/** Long enough to skip the keystrokes of a word, short enough to feel instant. */
const TYPING_PAUSE_MS = 120;

/**
 * Search as you type. A scanner types digits faster than the pause and ends with Enter,
 * which searches at once and selects the text so the next scan replaces it.
 */
export function SearchBar({ offerClear }: { offerClear: boolean }) {
  const { t } = useTranslation();
  const draft = useCatalogStore((state) => state.draft);
  const setDraft = useCatalogStore((state) => state.setDraft);
  const submit = useCatalogStore((state) => state.submit);
  const clear = useCatalogStore((state) => state.clear);
  const input = useRef<HTMLInputElement>(null);
  useSearchShortcuts(input);

  useEffect(() => {
    const timer = window.setTimeout(submit, TYPING_PAUSE_MS);
    return () => window.clearTimeout(timer);
  }, [draft, submit]);

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.nativeEvent.isComposing) return;
    if (event.key === 'Enter') {
      event.preventDefault();
      submit();
      event.currentTarget.select();
    } else if (event.key === 'Escape' && draft !== '') {
      event.preventDefault();
      clear();
    }
  };

  const clearAndFocus = () => {
    clear();
    input.current?.focus();
  };

  return (
    <div className="search" role="search">
      <svg className="search__icon" viewBox="0 0 20 20" aria-hidden="true" focusable="false">
        <circle cx="8.5" cy="8.5" r="5.75" />
        <path d="m13 13 4.25 4.25" />
      </svg>
      <input
        ref={input}
        className="search__input"
        type="search"
        aria-label={t('search.label')}
        placeholder={t('search.hint')}
        value={draft}
        onChange={(event) => setDraft(event.target.value)}
        onKeyDown={onKeyDown}
        autoFocus
        autoComplete="off"
        autoCorrect="off"
        autoCapitalize="off"
        spellCheck={false}
        enterKeyHint="search"
        aria-keyshortcuts="/ Control+F Meta+F"
        maxLength={200}
      />
      {draft !== '' && offerClear ? (
        <button type="button" className="search__clear" onClick={clearAndFocus}>
          <svg viewBox="0 0 16 16" aria-hidden="true" focusable="false">
            <path d="m4.5 4.5 7 7m0-7-7 7" />
          </svg>
          <span className="visually-hidden">{t('search.clear')}</span>
        </button>
      ) : (
        <kbd className="search__kbd" aria-hidden="true">
          /
        </kbd>
      )}
    </div>
  );
}
