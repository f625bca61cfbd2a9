import { useEffect, useRef } from 'react';
import { matches, type Shortcut } from './shortcuts.ts';

export interface Binding {
  shortcut: Shortcut;
  run: () => void;
  /** False leaves the key to the browser, e.g. while there is nothing to act on. */
  enabled?: boolean;
}

/**
 * Runs a binding's action when its shortcut is pressed anywhere on the page, unless a
 * modal has the page (its own keys come first).
 */
export function useShortcuts(bindings: readonly Binding[]): void {
  const current = useRef(bindings);
  useEffect(() => {
    current.current = bindings;
  });
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.isComposing) return;
      if (document.querySelector('dialog[open]')) return;
      const binding = current.current.find(
        (entry) => entry.enabled !== false && matches(event, entry.shortcut),
      );
      if (!binding) return;
      event.preventDefault();
      binding.run();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
