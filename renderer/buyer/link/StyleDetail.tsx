import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomerLinkStyle } from '../../../preload/contract/buyer-api/index.ts';
import { deadlineWords } from '../../ui/dates.ts';
import { Money } from '../../ui/Money.tsx';
import { Loading, Problem } from '../PageStatus.tsx';
import { LinkPicture } from './LinkPicture.tsx';
import { MAX_QUANTITY } from '../../../main/domain/selections.ts';
import { useCart } from './cart.ts';
import { linkStyle } from './link-api.ts';

/**
 * A style of the link: each colour with its picture and, per size, the buyer's price and
 * what is left to order. Past its catalog's order deadline the page says so.
 */
export function StyleDetail({
  token,
  styleId,
  buyerId,
  viewOnly,
  onBack,
}: {
  token: string;
  styleId: string;
  /** Whose cart the quantities go in. */
  buyerId: string;
  viewOnly: boolean;
  onBack: () => void;
}) {
  const { t, i18n } = useTranslation();
  const cart = useCart(buyerId);
  const inCart = new Map(cart.lines.map((line) => [line.skuId, line.quantity]));
  const [style, setStyle] = useState<CustomerLinkStyle | null | 'failed'>(null);
  useEffect(() => {
    let current = true;
    linkStyle(token, styleId).then(
      (found) => current && setStyle(found ?? 'failed'),
      () => current && setStyle('failed'),
    );
    return () => {
      current = false;
    };
  }, [token, styleId]);

  const back = (
    <button type="button" className="button link-back" onClick={onBack}>
      {t('link.backToCatalog')}
    </button>
  );
  if (style === null) return <Loading />;
  if (style === 'failed') {
    return (
      <>
        {back}
        <Problem />
      </>
    );
  }
  // A view-only link has no cart; a style past its deadline is not ordered.
  const ordering = !viewOnly && style.orderRefusal === null;
  const units = style.colorways
    .flatMap((colorway) => colorway.skus)
    .reduce((sum, sku) => sum + (inCart.get(sku.id) ?? 0), 0);
  return (
    <article className="link-style-detail" aria-labelledby="style-title">
      {back}
      <p className="shared__number">{style.styleNumber}</p>
      <h1 id="style-title" className="landing__title">
        {style.name}
      </h1>
      {style.description ? <p>{style.description}</p> : null}
      <p className="link-style-detail__catalogs">{style.catalogs.join(' · ')}</p>
      {style.orderRefusal ? (
        <p className="notice">
          {t('link.styleClosed', deadlineWords(style.orderRefusal.params, i18n.language))}
        </p>
      ) : null}
      {viewOnly ? <p className="notice">{t('link.viewOnly')}</p> : null}
      <ul className="shared__lines">
        {style.colorways.map((colorway, index) => (
          <li key={colorway.code} className="shared__line">
            <LinkPicture
              token={token}
              id={colorway.pictureId}
              alt={`${style.name}, ${colorway.name}`}
              className="shared__picture"
              first={index === 0}
            />
            <div className="shared__heading">
              <h2 className="shared__name">{colorway.name}</h2>
              <p className="shared__colour">
                <span
                  className="shared__swatch"
                  style={{ backgroundColor: colorway.colorHex }}
                  aria-hidden="true"
                />
                {colorway.code}
              </p>
            </div>
            <div className="shared__order">
              <div className="shared__sizes-frame">
                <table className="shared__sizes">
                  <caption className="visually-hidden">
                    {t('link.sizesOf', { colour: colorway.name })}
                  </caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('link.size')}</th>
                      <th scope="col">{t('link.price')}</th>
                      <th scope="col">{t('link.available')}</th>
                      {ordering ? <th scope="col">{t('link.quantity')}</th> : null}
                    </tr>
                  </thead>
                  <tbody>
                    {colorway.skus.map((sku) => (
                      <tr key={sku.id}>
                        <th scope="row">{sku.size}</th>
                        <td>
                          <Money value={sku.price} language={i18n.language} />
                        </td>
                        <td>
                          {sku.available === null
                            ? t('link.availableUnknown')
                            : sku.available === 0
                              ? t('link.noneLeft')
                              : t('link.left', { count: sku.available })}
                        </td>
                        {ordering ? (
                          <td>
                            <input
                              className="link-quantity"
                              type="number"
                              inputMode="numeric"
                              min={0}
                              max={sku.available ?? MAX_QUANTITY}
                              disabled={sku.price === null || sku.available === 0}
                              aria-label={t('link.quantityOf', {
                                colour: colorway.name,
                                size: sku.size,
                              })}
                              value={inCart.get(sku.id) ?? ''}
                              onChange={(event) =>
                                cart.setQuantity(
                                  {
                                    skuId: sku.id,
                                    styleId: style.id,
                                    styleNumber: style.styleNumber,
                                    styleName: style.name,
                                    colour: colorway.name,
                                    size: sku.size,
                                    listPriceMinor: sku.listPriceMinor,
                                  },
                                  Number(event.target.value),
                                )
                              }
                            />
                          </td>
                        ) : null}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </div>
          </li>
        ))}
      </ul>
      {ordering ? (
        <p className="link-in-cart" role="status">
          {t('link.inCart', { count: units })}
        </p>
      ) : null}
    </article>
  );
}
