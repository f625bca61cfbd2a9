import { useCallback, useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useDismiss } from '../hooks/useDismiss.ts';

export interface MenuOption {
  value: string;
  label: string;
  /** A second, quieter word beside the label, e.g. a catalog's status. */
  detail?: string;
  /** A colour's swatch. */
  swatch?: string;
}

/** How long typed letters add up to one search in the list, as native selects do. */
const TYPE_AHEAD_MS = 700;

/**
 * One filter as a button that opens a list to pick from (a listbox, so screen readers
 * announce the choice and its state). The first entry, "All …", removes the filter.
 * Keys: arrows, Home/End and typed letters move; Enter or Space chooses; Escape and Tab
 * close without choosing. Rows are tall enough to hit with a thumb at a booth.
 */
export function FilterMenu({
  buttonId,
  label,
  allLabel,
  emptyText,
  options,
  problem,
  onRetry,
  selected,
  onChoose,
}: {
  buttonId: string;
  label: string;
  allLabel: string;
  /** Said in the open list when the brand has nothing to offer for this filter. */
  emptyText: string;
  /** Null while the choices are loading. */
  options: readonly MenuOption[] | null;
  problem: string | null;
  onRetry: () => void;
  selected: string | undefined;
  onChoose: (value: string | undefined) => void;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const button = useRef<HTMLButtonElement>(null);
  const popover = useRef<HTMLDivElement>(null);
  const list = useRef<HTMLUListElement>(null);
  const typed = useRef({ text: '', at: 0 });
  const listId = useId();
  const close = useCallback(() => setOpen(false), []);
  useDismiss(open, popover, button, close);

  // "All …" first, then the brand's choices: index 0 is "no filter".
  const entries: { value: string | undefined; label: string; detail?: string; swatch?: string }[] =
    [{ value: undefined, label: allLabel }, ...(options ?? [])];
  const optionId = (index: number) => `${listId}-${index}`;

  const openList = () => {
    const index = entries.findIndex((entry) => entry.value === selected);
    setActive(Math.max(0, index));
    setOpen(true);
  };

  useEffect(() => {
    if (!open) return;
    list.current?.focus();
  }, [open]);

  useEffect(() => {
    if (!open) return;
    document.getElementById(`${listId}-${active}`)?.scrollIntoView({ block: 'nearest' });
  }, [open, active, listId]);

  const choose = (value: string | undefined) => {
    onChoose(value);
    setOpen(false);
    button.current?.focus();
  };

  const onListKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    const last = entries.length - 1;
    const moves: Record<string, number> = {
      ArrowDown: Math.min(last, active + 1),
      ArrowUp: Math.max(0, active - 1),
      Home: 0,
      End: last,
      PageDown: Math.min(last, active + 8),
      PageUp: Math.max(0, active - 8),
    };
    const move = moves[event.key];
    if (move !== undefined) {
      event.preventDefault();
      setActive(move);
    } else if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      const entry = entries[active];
      if (entry) choose(entry.value);
    } else if (event.key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey) {
      const now = event.timeStamp;
      const text = (now - typed.current.at < TYPE_AHEAD_MS ? typed.current.text : '') + event.key;
      typed.current = { text, at: now };
      const wanted = text.toLocaleLowerCase();
      const found = entries.findIndex(
        (entry, index) => index > 0 && entry.label.toLocaleLowerCase().startsWith(wanted),
      );
      if (found >= 0) setActive(found);
    }
  };

  return (
    <div className="filter-menu">
      <button
        ref={button}
        id={buttonId}
        type="button"
        className="filter-menu__button"
        data-active={selected !== undefined || undefined}
        aria-haspopup="listbox"
        aria-expanded={open}
        aria-controls={open ? listId : undefined}
        onClick={() => (open ? setOpen(false) : openList())}
        onKeyDown={(event) => {
          if (!open && (event.key === 'ArrowDown' || event.key === 'ArrowUp')) {
            event.preventDefault();
            openList();
          }
        }}
      >
        <span>{label}</span>
        <svg
          className="filter-menu__chevron"
          viewBox="0 0 12 12"
          aria-hidden="true"
          focusable="false"
        >
          <path d="m3 4.5 3 3 3-3" />
        </svg>
      </button>
      {open ? (
        <div ref={popover} className="filter-menu__popover">
          {problem !== null && options === null ? (
            <div className="filter-menu__note" role="alert">
              <p>
                {t('filters.failed')} {problem}
              </p>
              <button type="button" className="button button--quiet" onClick={onRetry}>
                {t('tryAgain')}
              </button>
            </div>
          ) : null}
          <ul
            ref={list}
            id={listId}
            className="filter-menu__list"
            role="listbox"
            aria-label={label}
            aria-activedescendant={optionId(active)}
            aria-busy={options === null}
            tabIndex={-1}
            onKeyDown={onListKeyDown}
          >
            {entries.map((entry, index) => (
              // The listbox holds focus and names the active option for readers; options
              // themselves are never focused, keys reach them through the list.
              <li
                key={entry.value ?? ''}
                id={optionId(index)}
                role="option"
                aria-selected={entry.value === selected}
                aria-describedby={entry.detail ? `${optionId(index)}-detail` : undefined}
                className="filter-menu__option"
                data-focused={index === active || undefined}
                onPointerMove={() => setActive(index)}
                onClick={() => choose(entry.value)}
              >
                {entry.swatch ? (
                  <span className="filter-menu__swatch" style={{ backgroundColor: entry.swatch }} />
                ) : null}
                <span className="filter-menu__label">{entry.label}</span>
                {entry.detail ? (
                  // Named by the label alone, described by the detail (a catalog's status).
                  <span
                    id={`${optionId(index)}-detail`}
                    className="filter-menu__detail"
                    aria-hidden
                  >
                    {entry.detail}
                  </span>
                ) : null}
                <svg
                  className="filter-menu__check"
                  viewBox="0 0 16 16"
                  aria-hidden="true"
                  focusable="false"
                >
                  <path d="m3.5 8.5 3 3 6-7" />
                </svg>
              </li>
            ))}
          </ul>
          {options === null && problem === null ? (
            <p className="filter-menu__note">{t('loading')}</p>
          ) : null}
          {options?.length === 0 ? <p className="filter-menu__note">{emptyText}</p> : null}
        </div>
      ) : null}
    </div>
  );
}
