import { useEffect, useId, useRef, useState, type KeyboardEvent, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { StyleCard, StyleColorway } from '../../../preload/contract/index.ts';
import { parseCatalogQuery, styleForEnter } from '../../../main/domain/catalog-search.ts';
import { Money } from '../../ui/Money.tsx';
import { errorMessage, trunkshow } from '../api.ts';
import { isTypingInto } from '../keyboard/shortcuts.ts';
import type { UseSizeRunEntry } from '../state/sizeRunEntry.ts';
import { ConfirmDialog } from './Dialog.tsx';

const SUGGESTIONS = 8;
const TYPING_PAUSE_MS = 80;

/**
 * Which price a size run shows and sells at: a wholesale selection's buyer pays
 * wholesale, a DTC customer retail. A size without it on the pricelist is not sold.
 */
export type RunPrice = 'wholesale' | 'retail';

/** The styles matching what the rep typed, priced on the open selection's pricelist. */
async function matchingStyles(query: string, pricelistId: string | undefined) {
  const page = await trunkshow().invoke('catalog.search', {
    query,
    limit: SUGGESTIONS,
    ...(pricelistId ? { pricelistId } : {}),
  });
  return page.items;
}

/**
 * One field for the keyboard and the scanner. A style number (or part of a name) lists
 * matching styles; Enter opens the one picked with the arrow keys, else the exact style
 * number, else the best match, as a size run to type quantities into. A barcode and Enter, as a scanner sends it, adds
 * one of that size at once. Typing anywhere outside a field lands here, so a scan is
 * never lost to a stray focus.
 */
export function QuickEntry({
  ref,
  store,
  pricelistId,
}: {
  ref: RefObject<HTMLInputElement | null>;
  store: UseSizeRunEntry;
  pricelistId: string | undefined;
}) {
  const { t } = useTranslation();
  const scan = store((state) => state.scan);
  const startEntry = store((state) => state.startEntry);
  const lastScan = store((state) => state.lastScan);
  const scanError = store((state) => state.scanError);
  const [text, setText] = useState('');
  const [found, setFound] = useState<{ query: string; items: StyleCard[] } | null>(null);
  const [active, setActive] = useState(0);
  const [problem, setProblem] = useState<string | null>(null);
  const listId = useId();
  const hintId = useId();
  const query = text.trim();
  const barcode = parseCatalogQuery(query).barcode;

  useEffect(() => {
    if (query === '' || barcode) return;
    let current = true;
    const timer = window.setTimeout(() => {
      matchingStyles(query, pricelistId)
        .then((items) => {
          if (!current) return;
          setFound({ query, items });
          setActive(0);
        })
        .catch((error: unknown) => {
          if (current) setProblem(errorMessage(error, ''));
        });
    }, TYPING_PAUSE_MS);
    return () => {
      current = false;
      window.clearTimeout(timer);
    };
  }, [query, barcode, pricelistId]);

  useEffect(() => {
    const onKeyDown = (event: globalThis.KeyboardEvent) => {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
      if (event.key.length !== 1 || isTypingInto(event.target)) return;
      if (document.querySelector('dialog[open]')) return;
      // Focus moves before the key is handled, so the character lands in the field.
      ref.current?.focus();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [ref]);

  const suggestions = found && found.query === query && !barcode ? found.items : [];
  const open = suggestions.length > 0;

  const choose = (style: StyleCard) => {
    setText('');
    setFound(null);
    void startEntry(style.id);
  };

  const onKeyDown = async (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.nativeEvent.isComposing) return;
    if (event.key === 'ArrowDown' && open) {
      event.preventDefault();
      setActive((index) => (index + 1) % suggestions.length);
    } else if (event.key === 'ArrowUp' && open) {
      event.preventDefault();
      setActive((index) => (index - 1 + suggestions.length) % suggestions.length);
    } else if (event.key === 'Escape') {
      setText('');
      setFound(null);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      setProblem(null);
      if (barcode) {
        setText('');
        await scan(barcode);
        return;
      }
      if (!query) return;
      // Suggestions for this very text show what Enter picks. Without them (not arrived
      // yet, or for an earlier text) Enter still means what was typed: look it up now.
      let picked: StyleCard | null;
      try {
        picked =
          found?.query === query
            ? styleForEnter(query, found.items, active)
            : styleForEnter(query, await matchingStyles(query, pricelistId));
      } catch (error) {
        setProblem(errorMessage(error, ''));
        return;
      }
      if (picked) choose(picked);
      else setProblem(t('entry.noStyle', { query }));
    }
  };

  return (
    <div className="quick-entry">
      <label className="quick-entry__label" htmlFor={`${listId}-input`}>
        {t('entry.label')}
      </label>
      <div className="quick-entry__box">
        <input
          ref={ref}
          id={`${listId}-input`}
          className="field__control quick-entry__input"
          role="combobox"
          aria-expanded={open}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={open ? `${listId}-${active}` : undefined}
          aria-describedby={hintId}
          placeholder={t('entry.placeholder')}
          value={text}
          onChange={(event) => {
            setText(event.target.value);
            setProblem(null);
          }}
          onKeyDown={(event) => void onKeyDown(event)}
          autoComplete="off"
          spellCheck={false}
          maxLength={64}
          autoFocus
        />
        {open ? (
          <ul
            id={listId}
            role="listbox"
            className="quick-entry__list"
            aria-label={t('entry.styles')}
          >
            {suggestions.map((style, index) => (
              <li
                key={style.id}
                id={`${listId}-${index}`}
                role="option"
                aria-selected={index === active}
                className="quick-entry__option"
                onMouseDown={(event) => {
                  event.preventDefault();
                  choose(style);
                }}
              >
                <span className="quick-entry__number">{style.styleNumber}</span>
                <span className="quick-entry__name">{style.name}</span>
                <span className="quick-entry__meta">
                  {style.colorwayCount === 1
                    ? t('entry.colourOne')
                    : t('entry.colours', { count: style.colorwayCount })}
                </span>
              </li>
            ))}
          </ul>
        ) : null}
      </div>
      <p id={hintId} className="quick-entry__hint" role="status" aria-live="polite">
        {(problem ?? scanError) ? (
          <span className="quick-entry__problem">{problem ?? scanError}</span>
        ) : lastScan ? (
          <span className="quick-entry__added">
            {t('entry.scanned', {
              style: `${lastScan.styleNumber} ${lastScan.name}`,
              colour: lastScan.colorway,
              size: lastScan.size,
              quantity: lastScan.quantity,
            })}
          </span>
        ) : (
          t('entry.hint')
        )}
      </p>
    </div>
  );
}

/**
 * A style's size run, a row per colourway: type a quantity per size, Tab across, Enter
 * to put them in the selection, Escape to leave it as it was. Enter adds wherever focus
 * is in the run, on Cancel too: Tab past the last size lands there, and what was typed
 * must not be lost to it. Leaving with quantities typed asks first (DiscardEntryDialog).
 */
export function SizeRunEntry({
  returnFocus,
  store,
  price,
  priceLabel,
}: {
  returnFocus: RefObject<HTMLInputElement | null>;
  store: UseSizeRunEntry;
  price: RunPrice;
  /** The price column's heading: "Wholesale", "Retail". */
  priceLabel: string;
}) {
  const { t, i18n } = useTranslation();
  const entry = store((state) => state.entry);
  const setDraft = store((state) => state.setDraft);
  const submitEntry = store((state) => state.submitEntry);
  const cancelEntry = store((state) => state.cancelEntry);
  const form = useRef<HTMLFormElement>(null);
  const styleId = entry.status === 'ready' ? entry.style.id : null;

  useEffect(() => {
    if (styleId) form.current?.querySelector<HTMLInputElement>('input:not(:disabled)')?.focus();
  }, [styleId]);

  if (entry.status === 'loading') {
    return <p className="size-run size-run--loading">{t('loading')}</p>;
  }
  if (entry.status !== 'ready') return null;
  const { style } = entry;

  const done = () => returnFocus.current?.focus();
  const cancel = () => {
    if (cancelEntry()) done();
  };
  const errors = Object.entries(entry.errors);
  return (
    <form
      ref={form}
      className="size-run"
      aria-label={t('entry.runLabel', { style: `${style.styleNumber} ${style.name}` })}
      onSubmit={(event) => {
        event.preventDefault();
        void submitEntry().then((ok) => {
          if (ok) done();
        });
      }}
      onKeyDown={(event) => {
        if (event.nativeEvent.isComposing) return;
        if (event.key === 'Enter') {
          event.preventDefault();
          event.currentTarget.requestSubmit();
        } else if (event.key === 'Escape') {
          event.preventDefault();
          cancel();
        }
      }}
    >
      <div className="size-run__head">
        <h3>
          <span className="size-run__number">{style.styleNumber}</span> {style.name}
        </h3>
        <p className="size-run__meta">
          {[
            style.category,
            style.season,
            ...(style.warehouse ? [t('entry.availableIn', { warehouse: style.warehouse })] : []),
          ].join(' · ')}
        </p>
      </div>
      <div className="size-run__scroll">
        <table className="size-run__grid">
          <thead>
            <tr>
              <th scope="col">{t('entry.colour')}</th>
              {style.sizes.map((size) => (
                <th key={size} scope="col">
                  {size}
                </th>
              ))}
              <th scope="col" className="size-run__price">
                {priceLabel}
              </th>
            </tr>
          </thead>
          <tbody>
            {style.colorways.map((colorway) => (
              <ColorwayRun
                key={colorway.code}
                colorway={colorway}
                sizes={style.sizes}
                price={price}
                drafts={entry.drafts}
                errors={entry.errors}
                onChange={setDraft}
                language={i18n.language}
              />
            ))}
          </tbody>
        </table>
      </div>
      {errors.length > 0 ? (
        <p className="notice notice--error" role="alert">
          {t('entry.fix')}
        </p>
      ) : null}
      {entry.error ? (
        <p className="notice notice--error" role="alert">
          {entry.error}
        </p>
      ) : null}
      <div className="size-run__actions">
        <button type="button" className="button" onClick={cancel}>
          {t('entry.cancel')} <kbd>Esc</kbd>
        </button>
        <button type="submit" className="button button--primary" disabled={entry.saving}>
          {t('entry.add')} <kbd>↩</kbd>
        </button>
      </div>
    </form>
  );
}

/**
 * Asks before quantities typed into the size run are thrown away (Cancel, Escape, another
 * style or selection); keeping them is the default. Outside the run's form, so Enter on
 * its buttons is theirs, not the run's.
 */
export function DiscardEntryDialog({
  returnFocus,
  store,
}: {
  returnFocus: RefObject<HTMLInputElement | null>;
  store: UseSizeRunEntry;
}) {
  const { t } = useTranslation();
  const leaving = store((state) => state.leaving);
  const discardEntry = store((state) => state.discardEntry);
  const keepEntry = store((state) => state.keepEntry);
  const discarded = useRef(false);

  // Once closed, the dialog gives focus back to the run's field it came from, which
  // discarding removed: quick entry takes it instead.
  useEffect(() => {
    if (leaving !== null || !discarded.current) return;
    discarded.current = false;
    returnFocus.current?.focus();
  }, [leaving, returnFocus]);

  return (
    <ConfirmDialog
      open={leaving !== null}
      title={t('entry.discardTitle')}
      lead={t('entry.discardLead')}
      keepLabel={t('entry.keep')}
      confirmLabel={t('entry.discard')}
      onKeep={keepEntry}
      onConfirm={() => {
        discarded.current = true;
        discardEntry();
      }}
    />
  );
}

/**
 * What a size has: opened for a buyer whose market ships from a warehouse, what is
 * available to them there ("12 left", "none left" in the warning colour); else stock
 * over all warehouses.
 */
function SizeStock({ sku, sold }: { sku: StyleColorway['skus'][number]; sold: boolean }) {
  const { t } = useTranslation();
  if (!sold) return <span className="size-run__stock">{t('entry.notSold')}</span>;
  if (sku.available !== undefined) {
    return (
      <span
        className={`size-run__stock${sku.available > 0 ? '' : ' size-run__stock--out'}`}
        data-available={sku.available}
      >
        {sku.available > 0 ? t('entry.left', { count: sku.available }) : t('entry.noneLeft')}
      </span>
    );
  }
  return (
    <span className={`size-run__stock${sku.stock > 0 ? '' : ' size-run__stock--out'}`}>
      {t('entry.stock', { count: sku.stock })}
    </span>
  );
}

function ColorwayRun({
  colorway,
  sizes,
  price: run,
  drafts,
  errors,
  onChange,
  language,
}: {
  colorway: StyleColorway;
  sizes: string[];
  price: RunPrice;
  drafts: Readonly<Record<string, string>>;
  errors: Readonly<Record<string, string>>;
  onChange: (skuId: string, text: string) => void;
  language: string;
}) {
  const { t } = useTranslation();
  const bySize = new Map(colorway.skus.map((sku) => [sku.size, sku]));
  const price = colorway.skus.find((sku) => sku[run])?.[run] ?? null;
  return (
    <tr>
      <th scope="row" className="size-run__colour">
        <span
          className="swatch"
          style={{ backgroundColor: colorway.colorHex }}
          aria-hidden="true"
        />
        {colorway.name}
        {/* Where a narrow run has no room for the price's own column (one is shown). */}
        <span className="size-run__colour-price">
          <Money value={price} language={language} />
        </span>
      </th>
      {sizes.map((size) => {
        const sku = bySize.get(size);
        if (!sku) {
          return (
            <td key={size} className="size-run__none">
              <span className="visually-hidden">{t('entry.notCut')}</span>
            </td>
          );
        }
        const error = errors[sku.id];
        const sold = sku[run] !== null;
        return (
          <td key={size}>
            <input
              className="size-cell__input"
              inputMode="numeric"
              aria-label={`${colorway.name} ${size}`}
              aria-invalid={Boolean(error)}
              title={error}
              value={drafts[sku.id] ?? ''}
              disabled={!sold}
              placeholder={sold ? '' : '×'}
              onChange={(event) => onChange(sku.id, event.target.value)}
              onFocus={(event) => event.target.select()}
              autoComplete="off"
              maxLength={6}
            />
            <SizeStock sku={sku} sold={sold} />
            {error ? <span className="size-run__error">{error}</span> : null}
          </td>
        );
      })}
      <td className="size-run__price">
        <Money value={price} language={language} />
      </td>
    </tr>
  );
}
