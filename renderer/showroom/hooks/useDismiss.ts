import { useEffect, type RefObject } from 'react';

/**
 * Closes a popover on Escape, a press outside it (and outside its button, which toggles
 * it by itself) or focus moving elsewhere. Escape gives focus back to the button.
 */
export function useDismiss(
  open: boolean,
  popover: RefObject<HTMLElement | null>,
  button: RefObject<HTMLElement | null>,
  close: () => void,
): void {
  useEffect(() => {
    if (!open) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || event.defaultPrevented) return;
      // A modal dialog opened from the popover handles its own Escape.
      if (document.querySelector('dialog[open]')) return;
      event.preventDefault();
      close();
      button.current?.focus();
    };
    const onPointerDown = (event: PointerEvent) => {
      const target = event.target as Node | null;
      if (!target) return;
      if (popover.current?.contains(target) || button.current?.contains(target)) return;
      if (document.querySelector('dialog[open]')) return;
      close();
    };
    // Tabbing past the popover's last control closes it, as a menu would.
    const onFocusIn = (event: FocusEvent) => {
      const target = event.target as Node | null;
      if (!target || target === document.body) return;
      if (popover.current?.contains(target) || button.current?.contains(target)) return;
      if (document.querySelector('dialog[open]')) return;
      close();
    };
    document.addEventListener('keydown', onKeyDown);
    document.addEventListener('pointerdown', onPointerDown);
    document.addEventListener('focusin', onFocusIn);
    return () => {
      document.removeEventListener('keydown', onKeyDown);
      document.removeEventListener('pointerdown', onPointerDown);
      document.removeEventListener('focusin', onFocusIn);
    };
  }, [open, popover, button, close]);
}
