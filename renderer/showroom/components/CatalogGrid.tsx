import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useRef, type CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { useElementWidth } from '../hooks/useElementWidth.ts';
import { PAGE_SIZE, useCatalogStore, type ResultSet } from '../state/catalog.ts';
import { SkeletonCard, StyleCard } from './StyleCard.tsx';
import './CatalogGrid.css';

interface GridLayout {
  columns: number;
  gap: number;
  rowHeight: number;
}

const MAX_COLUMNS = 8;
/** Below this width cards get narrower so a small window still shows two across. */
const COMPACT_WIDTH = 640;
/** Card body under the picture: number, name, meta, swatches, prices. */
const CARD_BODY_HEIGHT = 202;

function gridLayout(width: number): GridLayout {
  const compact = width < COMPACT_WIDTH;
  const gap = compact ? 12 : 20;
  const minCard = compact ? 150 : 210;
  const columns = Math.max(1, Math.min(MAX_COLUMNS, Math.floor((width + gap) / (minCard + gap))));
  const cardWidth = (width - gap * (columns - 1)) / columns;
  return { columns, gap, rowHeight: Math.round((cardWidth * 4) / 3 + CARD_BODY_HEIGHT + gap) };
}

/**
 * The styles of one search, in rows as wide as the window allows. Only the rows on
 * screen (and a couple either side) are in the DOM; their pages are fetched as they
 * come into view, and a row whose page is on the way shows skeleton cards.
 */
export function CatalogGrid({ result, busy }: { result: ResultSet; busy: boolean }) {
  const { t } = useTranslation();
  const scroller = useRef<HTMLDivElement>(null);
  const track = useRef<HTMLDivElement>(null);
  const width = useElementWidth(track);
  const ensureRange = useCatalogStore((state) => state.ensureRange);
  const total = result.total ?? 0;
  const layout = gridLayout(width || 1024);
  const rowCount = Math.ceil(total / layout.columns);
  // Stable while the layout is: the virtualizer recomputes every row's position (2,000 at
  // 10,000 styles) whenever these change, which on every scroll frame cost ~0.7 ms.
  const { columns, rowHeight } = layout;
  const estimateSize = useCallback(() => rowHeight, [rowHeight]);
  const getItemKey = useCallback((row: number) => `${columns}:${row}`, [columns]);

  // The virtualizer is a mutable object read afresh on every render, as TanStack intends;
  // this component is therefore not one for the React Compiler to memoize.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rowCount,
    getScrollElement: () => scroller.current,
    estimateSize,
    overscan: 2,
    getItemKey,
  });
  const rows = virtualizer.getVirtualItems();
  const firstRow = rows[0]?.index ?? 0;
  const lastRow = rows[rows.length - 1]?.index ?? 0;

  useEffect(() => {
    virtualizer.measure();
  }, [virtualizer, layout.columns, layout.rowHeight]);

  const { key, error } = result;
  useEffect(() => {
    if (error !== null) return;
    // One row of look-ahead beyond the overscan so the next page is usually there first.
    const first = firstRow * layout.columns;
    const last = (lastRow + 2) * layout.columns - 1;
    ensureRange(key, first, Math.min(last, first + PAGE_SIZE * 3));
  }, [ensureRange, key, error, firstRow, lastRow, layout.columns]);

  return (
    <section
      ref={scroller}
      className="grid-scroller"
      aria-labelledby="catalog-grid-title"
      aria-busy={busy}
    >
      <h2 id="catalog-grid-title" className="visually-hidden">
        {t('catalog.label')}
      </h2>
      <div ref={track} className="grid-track">
        <div
          className="grid"
          style={
            { height: virtualizer.getTotalSize(), '--grid-gap': `${layout.gap}px` } as CSSProperties
          }
        >
          {rows.map((row) => {
            const start = row.index * layout.columns;
            const end = Math.min(start + layout.columns, total);
            return (
              <div
                key={row.key}
                ref={virtualizer.measureElement}
                data-index={row.index}
                className="grid__row"
                style={
                  {
                    '--columns': layout.columns,
                    transform: `translateY(${row.start}px)`,
                  } as CSSProperties
                }
              >
                {Array.from({ length: end - start }, (_, offset) => {
                  const index = start + offset;
                  const style = result.pages[Math.floor(index / PAGE_SIZE)]?.[index % PAGE_SIZE];
                  return style ? (
                    <StyleCard key={style.id} style={style} />
                  ) : (
                    <SkeletonCard key={`skeleton-${index}`} />
                  );
                })}
              </div>
            );
          })}
        </div>
      </div>
    </section>
  );
}

/** The grid's shape before the first page of the catalog arrives. */
export function SkeletonGrid() {
  return (
    <div className="grid-scroller grid-scroller--static" aria-hidden="true">
      <div className="grid-track">
        <div className="skeleton-grid">
          {Array.from({ length: 10 }, (_, index) => (
            <SkeletonCard key={index} />
          ))}
        </div>
      </div>
    </div>
  );
}
