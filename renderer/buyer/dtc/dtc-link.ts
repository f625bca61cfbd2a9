import { DTC_CHECKOUT_PATH_PREFIX } from '../../../main/domain/dtc.ts';

/**
 * A DTC checkout link's address, `/dtc/<basket>/<hash>`: the hash (the link's secret)
 * leaves the address bar as soon as the page opens, as a share link's token does, and
 * waits in this tab's sessionStorage, keyed by the basket, until the claim trades it for
 * a claim token, which is kept the same way. The address becomes `/dtc/<basket>`: a
 * reload, or the way back from Stripe's page, finds this tab's copy of the basket and
 * claims nothing again; the address copied elsewhere carries no secret. The hub alone
 * judges a basket, a hash or a claim token.
 */

/** Where Stripe sends the customer back to (the hub's `dtc.purchase` says so). */
const PAYMENT_RETURN = `${DTC_CHECKOUT_PATH_PREFIX}payment`;

const hashKey = (basket: string) => `trunkshow.dtc.${basket}.hash`;
const claimKey = (basket: string) => `trunkshow.dtc.${basket}.claim`;
const purchaseKey = (basket: string) => `trunkshow.dtc.${basket}.purchase`;
/** The basket whose card payment is on Stripe's page: the way back names none. */
const PAYING_KEY = 'trunkshow.dtc.paying';

/** What this tab holds of a DTC link: the basket, and its claim token or else its hash. */
export interface DtcLink {
  readonly basket: string;
  readonly hash: string | null;
  readonly claimToken: string | null;
  /** Back from Stripe's page: how the card payment went, as the way back says (it proves nothing). */
  readonly payment: 'paid' | 'cancelled' | null;
}

/** True on a DTC checkout link's page. */
export function isDtcPage(path: string): boolean {
  return path.startsWith(DTC_CHECKOUT_PATH_PREFIX);
}

/**
 * The link this page is about, its hash moved out of the address bar; null when the
 * address names no basket (or the way back from Stripe finds no payment of this tab's).
 */
export function takeDtcLink(): DtcLink | null {
  const { pathname, search } = window.location;
  if (!isDtcPage(pathname)) return null;
  const storage = window.sessionStorage;
  let payment: DtcLink['payment'] = null;
  let rest = pathname.slice(DTC_CHECKOUT_PATH_PREFIX.length);
  const query = new URLSearchParams(search);
  if (pathname === PAYMENT_RETURN) {
    rest = storage.getItem(PAYING_KEY) ?? '';
    storage.removeItem(PAYING_KEY);
    payment = query.get('result') === 'paid' ? 'paid' : 'cancelled';
    query.delete('result');
  }
  const slash = rest.indexOf('/');
  const basket = slash === -1 ? rest : rest.slice(0, slash);
  if (basket === '') return null;
  if (slash !== -1) storage.setItem(hashKey(basket), rest.slice(slash + 1));
  const left = query.toString();
  window.history.replaceState(
    null,
    '',
    `${DTC_CHECKOUT_PATH_PREFIX}${encodeURIComponent(basket)}${left ? `?${left}` : ''}`,
  );
  return {
    basket,
    hash: storage.getItem(hashKey(basket)),
    claimToken: storage.getItem(claimKey(basket)),
    payment,
  };
}

/** The claim made: its token replaces the hash, for this tab to come back to. */
export function keepClaim(basket: string, claimToken: string): void {
  window.sessionStorage.setItem(claimKey(basket), claimToken);
  window.sessionStorage.removeItem(hashKey(basket));
}

/** A claim the hub no longer knows: forgotten, so the hash (if kept) claims anew. */
export function forgetClaim(basket: string): void {
  window.sessionStorage.removeItem(claimKey(basket));
}

/**
 * A purchase sent with a card payment, kept until Stripe sends the customer back: the
 * same request (same order id) starts the payment again, and places nothing twice.
 */
export function keepCardPurchase(basket: string, request: unknown): void {
  window.sessionStorage.setItem(purchaseKey(basket), JSON.stringify(request));
  window.sessionStorage.setItem(PAYING_KEY, basket);
}

export function cardPurchaseOf<Request>(basket: string): Request | null {
  const kept = window.sessionStorage.getItem(purchaseKey(basket));
  return kept === null ? null : (JSON.parse(kept) as Request);
}
