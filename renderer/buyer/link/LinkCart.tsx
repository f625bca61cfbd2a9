import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { v7 as uuidv7 } from 'uuid';
import { selectionTotals } from '../../../main/domain/selections.ts';
import type { CustomerLinkView } from '../../../preload/contract/buyer-api/index.ts';
import type { SelectionTotalsView } from '../../../preload/contract/index.ts';
import { Money } from '../../ui/Money.tsx';
import { call } from '../call.ts';
import { checkoutAnswer, type CheckoutForm as Sent } from '../api.ts';
import { CheckoutForm, type CheckoutDoor } from '../CheckoutForm.tsx';
import { useCart, type CartLine } from './cart.ts';

type CatalogView = Extract<CustomerLinkView, { screen: 'catalog' }>;

/**
 * The cart: each style and colour with its sizes and quantities, changeable here, what
 * it comes to at the buyer's terms, and the checkout with the link's own settings (its
 * ways to pay, its address field, its rate groups before its catalogs'). Once placed,
 * the cart is emptied and the confirmation shows the order's number.
 */
export function LinkCart({
  token,
  view,
  onBack,
}: {
  token: string;
  view: CatalogView;
  onBack: () => void;
}) {
  const { t, i18n } = useTranslation();
  const cart = useCart(view.buyer.id);
  // Once placed, the cart is empty and the confirmation stays in sight.
  const [placed, setPlaced] = useState(false);
  const groups = useMemo(
    () =>
      [...Map.groupBy(cart.lines, (line) => `${line.styleNumber}\u0000${line.colour}`)].sort(
        ([a], [b]) => a.localeCompare(b),
      ),
    [cart.lines],
  );
  const totals = totalsView(cart.lines, view.buyer.discountBp, view.buyer.currency);
  const { lines, clear } = cart;
  // The door changes only with the cart: the checkout asks the rates again when it does.
  const door = useMemo(
    () =>
      linkDoor(token, view, lines, () => {
        clear();
        setPlaced(true);
      }),
    [token, view, lines, clear],
  );
  const money = (amountMinor: number | null) => (
    <Money
      value={amountMinor === null ? null : { amountMinor, currency: view.buyer.currency }}
      language={i18n.language}
    />
  );
  return (
    <article className="link-cart" aria-labelledby="cart-title">
      <button type="button" className="button link-back" onClick={onBack}>
        {t('link.backToCatalog')}
      </button>
      <h1 id="cart-title" className="landing__title">
        {t('link.cartTitle')}
      </h1>
      {placed ? null : cart.lines.length === 0 ? (
        <p className="notice">{t('link.cartEmpty')}</p>
      ) : (
        <ul className="shared__lines">
          {groups.map(([key, lines]) => (
            <li key={key} className="link-cart__line">
              <h2 className="shared__name">
                {lines[0]!.styleName}, {lines[0]!.colour}
              </h2>
              <p className="shared__number">{lines[0]!.styleNumber}</p>
              <table className="shared__sizes">
                <caption className="visually-hidden">
                  {t('link.sizesOf', { colour: lines[0]!.colour })}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">{t('link.size')}</th>
                    <th scope="col">{t('link.quantity')}</th>
                    <th scope="col">{t('link.price')}</th>
                  </tr>
                </thead>
                <tbody>
                  {lines.map((line) => (
                    <tr key={line.skuId}>
                      <th scope="row">{line.size}</th>
                      <td>
                        <input
                          className="link-quantity"
                          type="number"
                          inputMode="numeric"
                          min={0}
                          aria-label={t('link.quantityOf', {
                            colour: line.colour,
                            size: line.size,
                          })}
                          value={line.quantity}
                          onChange={(event) => cart.setQuantity(line, Number(event.target.value))}
                        />
                      </td>
                      <td>{money(line.listPriceMinor)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <button
                type="button"
                className="button"
                onClick={() => lines.forEach((line) => cart.setQuantity(line, 0))}
              >
                {t('link.removeFromCart', { style: lines[0]!.styleName, colour: lines[0]!.colour })}
              </button>
            </li>
          ))}
        </ul>
      )}
      {cart.lines.length > 0 || placed ? (
        <CheckoutForm
          door={door}
          orderable={cart.lines.length}
          totals={totals}
          styleOf={
            new Map(cart.lines.map((line) => [line.skuId, `${line.styleName}, ${line.colour}`]))
          }
          onShortSizes={() => {}}
        />
      ) : null}
    </article>
  );
}

/** The cart's totals as the checkout shows them: the buyer's discount once, on the subtotal. */
function totalsView(
  lines: readonly CartLine[],
  discountBp: number,
  currency: string,
): SelectionTotalsView {
  const totals = selectionTotals(
    lines.map((line) => ({ quantity: line.quantity, unitPriceMinor: line.listPriceMinor })),
    discountBp,
  );
  const money = (amountMinor: number) => ({ amountMinor, currency });
  return {
    units: totals.units,
    subtotal: money(totals.subtotalMinor),
    discountPercent: discountBp / 100,
    discount: money(totals.discountMinor),
    total: money(totals.totalMinor),
  };
}

/** The link's checkout: places the order at once with the link's settings; the cart empties once placed. */
function linkDoor(
  token: string,
  view: CatalogView,
  lines: readonly CartLine[],
  onPlaced: () => void,
): CheckoutDoor {
  return {
    shippingOptions: async (country, signal) => {
      try {
        const answer = await call(
          'customerLink.shippingOptions',
          { token, country, skuIds: lines.map((line) => line.skuId) },
          { signal },
        );
        return answer.ok ? answer.value : null;
      } catch {
        return null;
      }
    },
    send: async (form: Sent) => {
      const answer = checkoutAnswer(
        await call('customerLink.checkout', {
          token,
          ...form,
          orderId: form.orderId ?? uuidv7(),
          paymentMethod: form.paymentMethod ?? view.paymentMethods[0]!,
          lines: lines.map((line) => ({ skuId: line.skuId, quantity: line.quantity })),
        }),
      );
      if (answer.ok) {
        onPlaced();
        // Placed with its payment pending: the buyer pays on Stripe's page, then comes back.
        if (answer.order.cardPaymentUrl) window.location.assign(answer.order.cardPaymentUrl);
      }
      return answer;
    },
    paymentMethods: view.paymentMethods,
    addressAsked: view.addressField === 'show',
    actions: 'complete',
    ordering: 'cart',
  };
}
