/**
 * Keyboard shortcuts, declared once: what the key is, how a menu shows it and how a
 * keydown is matched against it. "Mod" is ⌘ on a Mac and Ctrl elsewhere.
 */
export interface Shortcut {
  key: string;
  mod?: boolean;
  shift?: boolean;
  alt?: boolean;
  /** Other keys that do the same, e.g. Delete beside Backspace. */
  alternatives?: readonly string[];
}

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

const KEY_NAMES: Readonly<Record<string, [mac: string, other: string]>> = {
  Backspace: ['⌫', 'Backspace'],
  Delete: ['⌦', 'Delete'],
  Enter: ['↩', 'Enter'],
};

/** "Ctrl+Shift+E" or "⇧⌘E", as the menu shows it. */
export function shortcutLabel(shortcut: Shortcut): string {
  const key = KEY_NAMES[shortcut.key]?.[isMac ? 0 : 1] ?? shortcut.key.toUpperCase();
  if (isMac) {
    return `${shortcut.alt ? '⌥' : ''}${shortcut.shift ? '⇧' : ''}${shortcut.mod ? '⌘' : ''}${key}`;
  }
  return [
    shortcut.mod ? 'Ctrl' : null,
    shortcut.alt ? 'Alt' : null,
    shortcut.shift ? 'Shift' : null,
    key,
  ]
    .filter(Boolean)
    .join('+');
}

/** The same shortcut as aria-keyshortcuts spells it, for screen readers. */
export function ariaShortcut(shortcut: Shortcut): string {
  return [
    shortcut.mod ? (isMac ? 'Meta' : 'Control') : null,
    shortcut.alt ? 'Alt' : null,
    shortcut.shift ? 'Shift' : null,
    shortcut.key.length === 1 ? shortcut.key.toUpperCase() : shortcut.key,
  ]
    .filter(Boolean)
    .join('+');
}

export function matches(event: KeyboardEvent, shortcut: Shortcut): boolean {
  const mod = isMac ? event.metaKey : event.ctrlKey;
  if (Boolean(shortcut.mod) !== mod || Boolean(shortcut.shift) !== event.shiftKey) return false;
  if (Boolean(shortcut.alt) !== event.altKey) return false;
  // With Alt or Shift held, event.key changes ("Ø", "E"); the physical key does not.
  const pressed = event.code.startsWith('Key') ? event.code.slice(3).toLowerCase() : event.key;
  return [shortcut.key, ...(shortcut.alternatives ?? [])].some(
    (key) => key.toLowerCase() === pressed.toLowerCase(),
  );
}

export function isTypingInto(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return (
    target.isContentEditable ||
    target instanceof HTMLInputElement ||
    target instanceof HTMLTextAreaElement ||
    target instanceof HTMLSelectElement
  );
}
