import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ColorwaySwatch, StyleCard as Style } from '../../../preload/contract/index.ts';
import type { Money as Amount } from '../../../main/domain/money.ts';
import { Money } from '../../ui/Money.tsx';
import { mediaUrl } from '../api.ts';
import { useStyleStore } from '../state/style.ts';
import { useBrandArriving } from '../state/sync.ts';
import './StyleCard.css';

/** One style in the grid: picture, identity, colourways and prices on the chosen pricelist. */
export const StyleCard = memo(function StyleCard({ style }: { style: Style }) {
  const { t } = useTranslation();
  const firstColorway = style.colorways[0];
  return (
    <article className="card" aria-label={`${style.styleNumber} ${style.name}`}>
      <div className="card__picture">
        {style.pictureId ? (
          <img
            src={mediaUrl(style.pictureId)}
            alt={
              firstColorway
                ? t('card.pictureAlt', { name: style.name, colorway: firstColorway.name })
                : style.name
            }
            width={300}
            height={400}
            loading="lazy"
            decoding="async"
            draggable={false}
          />
        ) : (
          <span className="card__no-picture">{t('card.noPicture')}</span>
        )}
        {style.matchedBarcode ? (
          <p className="card__scanned">{t('card.scanned', { barcode: style.matchedBarcode })}</p>
        ) : null}
      </div>
      <div className="card__body">
        <p className="card__number">{style.styleNumber}</p>
        <h3 className="card__name" title={style.name}>
          {/* The whole card opens the style; this button is what keyboards and readers reach. */}
          <button
            type="button"
            className="card__open"
            aria-label={t('style.open', { style: `${style.styleNumber} ${style.name}` })}
            onClick={() => void useStyleStore.getState().open(style.id)}
          >
            {style.name}
          </button>
        </h3>
        <p className="card__meta">
          {[style.category, style.season].filter((part) => part !== '').join(' · ')}
        </p>
        <Swatches colorways={style.colorways} count={style.colorwayCount} />
        <Prices wholesale={style.wholesale} retail={style.retail} />
      </div>
    </article>
  );
});

function Swatches({ colorways, count }: { colorways: readonly ColorwaySwatch[]; count: number }) {
  const { t } = useTranslation();
  // The main side sends as many swatches as a card has room for; count says how many exist.
  const more = count - colorways.length;
  if (colorways.length === 0) return <div className="swatches" />;
  return (
    <ul className="swatches" aria-label={t('card.colorways')}>
      {colorways.map((colorway) => (
        <li
          key={colorway.code}
          className="swatch"
          title={colorway.name}
          style={{ backgroundColor: colorway.colorHex }}
        >
          <span className="visually-hidden">{colorway.name}</span>
        </li>
      ))}
      {more > 0 ? (
        <li className="swatches__more" title={t('card.moreColorwaysLabel', { count: more })}>
          <span aria-hidden="true">{t('card.moreColorways', { count: more })}</span>
          <span className="visually-hidden">{t('card.moreColorwaysLabel', { count: more })}</span>
        </li>
      ) : null}
    </ul>
  );
}

function Prices({ wholesale, retail }: { wholesale: Amount | null; retail: Amount | null }) {
  const { t, i18n } = useTranslation();
  const arriving = useBrandArriving();
  if (!wholesale && !retail) {
    // During a first sync a style may come before its prices: they are on the way.
    return (
      <p className="prices prices--none">
        {arriving ? t('card.pricesArriving') : t('card.noPrice')}
      </p>
    );
  }
  return (
    <p className="prices">
      {wholesale ? (
        <span className="price price--wholesale">
          <span className="price__label">{t('card.wholesale')}</span>{' '}
          <span className="price__amount">
            <Money value={wholesale} language={i18n.language} />
          </span>
        </span>
      ) : null}
      {retail ? (
        <span className="price price--retail">
          <span className="price__label">{t('card.retail')}</span>{' '}
          <span className="price__amount">
            <Money value={retail} language={i18n.language} />
          </span>
        </span>
      ) : null}
    </p>
  );
}

/** A card's shape while its page is on the way; nothing shifts when it arrives. */
export function SkeletonCard() {
  return (
    <div className="card card--skeleton" aria-hidden="true">
      <div className="card__picture" />
      <div className="card__body">
        <span className="skeleton-line skeleton-line--short" />
        <span className="skeleton-line" />
        <span className="skeleton-line skeleton-line--mid" />
        <span className="skeleton-line skeleton-line--dots" />
        <span className="skeleton-line skeleton-line--mid" />
      </div>
    </div>
  );
}
