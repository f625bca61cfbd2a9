import { useCallback, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useDismiss } from '../hooks/useDismiss.ts';
import { ariaShortcut, shortcutLabel, type Shortcut } from '../keyboard/shortcuts.ts';
import './Menu.css';

export interface MenuItem {
  label: string;
  run: () => void;
  shortcut?: Shortcut;
  disabled?: boolean;
  tone?: 'danger';
}

/**
 * A menu button: its items name their keyboard shortcut, so the rep learns the keys
 * while using the mouse. Arrow keys move, Enter runs, Escape closes.
 */
export function Menu({ label, items }: { label: string; items: readonly MenuItem[] }) {
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLDivElement>(null);
  const menuId = useId();
  const close = useCallback(() => setOpen(false), []);
  useDismiss(open, menu, button, close);

  const focusItem = (step: 1 | -1 | 'first' | 'last') => {
    const entries = [
      ...(menu.current?.querySelectorAll<HTMLButtonElement>(
        '[role="menuitem"]:not([aria-disabled="true"])',
      ) ?? []),
    ];
    if (entries.length === 0) return;
    const at = entries.indexOf(document.activeElement as HTMLButtonElement);
    const next =
      step === 'first'
        ? 0
        : step === 'last'
          ? entries.length - 1
          : (at + step + entries.length) % entries.length;
    entries[next]?.focus();
  };

  const onKeyDown = (event: KeyboardEvent) => {
    const moves: Record<string, 1 | -1 | 'first' | 'last'> = {
      ArrowDown: 1,
      ArrowUp: -1,
      Home: 'first',
      End: 'last',
    };
    const move = moves[event.key];
    if (move === undefined) return;
    event.preventDefault();
    focusItem(move);
  };

  return (
    <div className="menu">
      <button
        ref={button}
        type="button"
        className="button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        onClick={() => {
          setOpen((was) => !was);
          requestAnimationFrame(() => focusItem('first'));
        }}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown') {
            event.preventDefault();
            setOpen(true);
            requestAnimationFrame(() => focusItem('first'));
          }
        }}
      >
        {label}
        <svg className="menu__chevron" viewBox="0 0 12 12" aria-hidden="true" focusable="false">
          <path d="m3 4.5 3 3 3-3" />
        </svg>
      </button>
      {open ? (
        <div
          id={menuId}
          ref={menu}
          className="menu__list"
          role="menu"
          aria-label={label}
          onKeyDown={onKeyDown}
        >
          {items.map((item) => (
            <button
              key={item.label}
              type="button"
              role="menuitem"
              className={`menu__item${item.tone === 'danger' ? ' menu__item--danger' : ''}`}
              aria-disabled={item.disabled ? true : undefined}
              aria-keyshortcuts={item.shortcut ? ariaShortcut(item.shortcut) : undefined}
              onClick={() => {
                if (item.disabled) return;
                close();
                button.current?.focus();
                item.run();
              }}
            >
              <span>{item.label}</span>
              {item.shortcut ? (
                <kbd className="menu__shortcut">{shortcutLabel(item.shortcut)}</kbd>
              ) : null}
            </button>
          ))}
        </div>
      ) : null}
    </div>
  );
}
