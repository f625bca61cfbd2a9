import { useEffect, type RefObject } from 'react';
import { isTypingInto } from '../keyboard/shortcuts.ts';

/**
 * "/" (when not typing elsewhere) and Ctrl/Cmd+F jump to the search box: at a booth the
 * rep's hands are on the keyboard or a scanner, not the mouse.
 */
export function useSearchShortcuts(input: RefObject<HTMLInputElement | null>): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.isComposing) return;
      // A modal (the import results) has the page; the search box behind it is inert.
      if (document.querySelector('dialog[open]')) return;
      const slash = event.key === '/' && !event.ctrlKey && !event.metaKey && !event.altKey;
      const find =
        (event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 'f';
      if (!(find || (slash && !isTypingInto(event.target)))) return;
      event.preventDefault();
      input.current?.focus();
      input.current?.select();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [input]);
}
