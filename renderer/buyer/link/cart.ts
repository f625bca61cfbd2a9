import { useCallback, useEffect, useState } from 'react';
import { MAX_QUANTITY } from '../../../main/domain/selections.ts';

/**
 * The cart of a customer order link, per buyer, kept in this browser (localStorage)
 * until the order is placed: what a person picked survives a reload or a second tab.
 * It holds what the page showed (names, sizes, prices) only to draw the cart; the hub
 * prices every line again at checkout.
 */
export interface CartLine {
  skuId: string;
  quantity: number;
  styleId: string;
  styleNumber: string;
  styleName: string;
  colour: string;
  size: string;
  /** The pricelist's price (the discount applies once, to the subtotal); null: not sold. */
  listPriceMinor: number | null;
}

const keyOf = (buyerId: string) => `trunkshow.linkCart.${buyerId}`;

function read(buyerId: string): CartLine[] {
  try {
    const stored: unknown = JSON.parse(window.localStorage.getItem(keyOf(buyerId)) ?? '[]');
    return Array.isArray(stored) ? (stored as CartLine[]) : [];
  } catch {
    return [];
  }
}

const listeners = new Set<() => void>();

function write(buyerId: string, lines: readonly CartLine[]): void {
  if (lines.length === 0) window.localStorage.removeItem(keyOf(buyerId));
  else window.localStorage.setItem(keyOf(buyerId), JSON.stringify(lines));
  for (const listener of listeners) listener();
}

/** The buyer's cart, and ways to set a SKU's quantity (0 takes it out) or empty it. */
export function useCart(buyerId: string) {
  const [lines, setLines] = useState(() => read(buyerId));
  useEffect(() => {
    const reread = () => setLines(read(buyerId));
    listeners.add(reread);
    window.addEventListener('storage', reread);
    return () => {
      listeners.delete(reread);
      window.removeEventListener('storage', reread);
    };
  }, [buyerId]);
  const setQuantity = useCallback(
    (line: Omit<CartLine, 'quantity'>, quantity: number) => {
      const bounded = Math.max(0, Math.min(MAX_QUANTITY, Math.trunc(quantity) || 0));
      const others = read(buyerId).filter((found) => found.skuId !== line.skuId);
      write(buyerId, bounded === 0 ? others : [...others, { ...line, quantity: bounded }]);
    },
    [buyerId],
  );
  const clear = useCallback(() => write(buyerId, []), [buyerId]);
  return { lines, setQuantity, clear };
}
