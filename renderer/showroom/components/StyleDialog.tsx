import { useTranslation } from 'react-i18next';
import type { StyleColorway, StyleDetail, StyleSku } from '../../../preload/contract/index.ts';
import type { Money as Amount } from '../../../main/domain/money.ts';
import { Money } from '../../ui/Money.tsx';
import { mediaUrl } from '../api.ts';
import { useNavigationStore } from '../state/navigation.ts';
import { useSelectionStore } from '../state/selection.ts';
import { useStyleStore } from '../state/style.ts';
import { useBrandArriving } from '../state/sync.ts';
import { Dialog } from './Dialog.tsx';
import './StyleDialog.css';

/** A style opened from the catalog: colourways, the size run with stock, and prices. */
export function StyleDialog() {
  const { t } = useTranslation();
  const opened = useStyleStore((state) => state.opened);
  const close = useStyleStore((state) => state.close);
  const detail = opened.status === 'ready' ? opened.detail : null;
  return (
    <Dialog
      open={opened.status !== 'closed'}
      title={detail ? `${detail.styleNumber} ${detail.name}` : t('style.loading')}
      size="large"
      onClose={close}
      busy={opened.status === 'loading'}
      actions={
        <>
          {detail ? <AddToSelection styleId={detail.id} /> : null}
          <button type="button" className="button" onClick={close} data-autofocus>
            {t('style.close')}
          </button>
        </>
      }
    >
      {opened.status === 'failed' ? (
        <p role="alert" className="notice notice--error">
          {opened.message || t('style.failed')}
        </p>
      ) : null}
      {detail ? <StyleBody detail={detail} /> : null}
    </Dialog>
  );
}

/** With a selection open, the style goes straight into its size-run entry. */
function AddToSelection({ styleId }: { styleId: string }) {
  const { t } = useTranslation();
  const selection = useSelectionStore((state) => state.detail);
  const startEntry = useSelectionStore((state) => state.startEntry);
  const go = useNavigationStore((state) => state.go);
  const close = useStyleStore((state) => state.close);
  if (!selection) return null;
  return (
    <button
      type="button"
      className="button button--primary"
      onClick={() => {
        close();
        go('selections');
        void startEntry(styleId);
      }}
    >
      {t('style.addTo', { name: selection.name })}
    </button>
  );
}

function StyleBody({ detail }: { detail: StyleDetail }) {
  const { t } = useTranslation();
  return (
    <div className="style-detail">
      <p className="style-detail__meta">
        {[detail.category, detail.season, ...detail.catalogs].filter(Boolean).join(' · ')}
      </p>
      {detail.description ? (
        <p className="style-detail__description">{detail.description}</p>
      ) : null}
      {detail.colorways.length === 0 ? <p>{t('style.noColorways')}</p> : null}
      {detail.colorways.map((colorway) => (
        <ColorwaySection key={colorway.code} colorway={colorway} sizes={detail.sizes} />
      ))}
    </div>
  );
}

function ColorwaySection({ colorway, sizes }: { colorway: StyleColorway; sizes: string[] }) {
  const { t } = useTranslation();
  const bySize = new Map(colorway.skus.map((sku) => [sku.size, sku]));
  const shown = sizes.filter((size) => bySize.has(size));
  const extra = colorway.skus.filter((sku) => !sizes.includes(sku.size)).map((sku) => sku.size);
  const columns = [...shown, ...extra];
  return (
    <section className="style-colorway" aria-label={colorway.name}>
      <div className="style-colorway__picture">
        {colorway.pictureId ? (
          <img src={mediaUrl(colorway.pictureId)} alt="" width={96} height={128} />
        ) : (
          <span className="style-colorway__swatch" style={{ backgroundColor: colorway.colorHex }} />
        )}
      </div>
      <div className="style-colorway__body">
        <h3 className="style-colorway__name">
          <span
            className="swatch"
            style={{ backgroundColor: colorway.colorHex }}
            aria-hidden="true"
          />
          {colorway.name} <span className="style-colorway__code">{colorway.code}</span>
        </h3>
        <PriceRange skus={colorway.skus} />
        <table className="stock-run">
          <caption className="visually-hidden">
            {t('style.sizeRun', { colorway: colorway.name })}
          </caption>
          <thead>
            <tr>
              <th scope="row">{t('style.size')}</th>
              {columns.map((size) => (
                <th key={size} scope="col">
                  {size}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            <tr>
              <th scope="row">{t('style.stock')}</th>
              {columns.map((size) => {
                const stock = bySize.get(size)?.stock ?? 0;
                return (
                  <td key={size} className={stock <= 0 ? 'stock-run__out' : undefined}>
                    {stock}
                  </td>
                );
              })}
            </tr>
          </tbody>
        </table>
      </div>
    </section>
  );
}

/** Wholesale and retail of the colourway's sizes: one price, or a range when sizes differ. */
function PriceRange({ skus }: { skus: StyleSku[] }) {
  const { t, i18n } = useTranslation();
  const arriving = useBrandArriving();
  const range = (prices: (Amount | null)[]) => {
    const known = prices.filter((price): price is Amount => price !== null);
    if (known.length === 0) return null;
    const amounts = known.map((price) => price.amountMinor);
    const currency = known[0]!.currency;
    const low = { amountMinor: Math.min(...amounts), currency };
    const high = { amountMinor: Math.max(...amounts), currency };
    return low.amountMinor === high.amountMinor ? (
      <Money value={low} language={i18n.language} />
    ) : (
      <>
        <Money value={low} language={i18n.language} /> –{' '}
        <Money value={high} language={i18n.language} />
      </>
    );
  };
  const wholesale = range(skus.map((sku) => sku.wholesale));
  const retail = range(skus.map((sku) => sku.retail));
  if (!wholesale && !retail) {
    return (
      <p className="prices prices--none">
        {arriving ? t('card.pricesArriving') : t('card.noPrice')}
      </p>
    );
  }
  return (
    <p className="prices style-colorway__prices">
      {wholesale ? (
        <span className="price price--wholesale">
          <span className="price__label">{t('card.wholesale')}</span>{' '}
          <span className="price__amount">{wholesale}</span>
        </span>
      ) : null}
      {retail ? (
        <span className="price price--retail">
          <span className="price__label">{t('card.retail')}</span>{' '}
          <span className="price__amount">{retail}</span>
        </span>
      ) : null}
    </p>
  );
}
