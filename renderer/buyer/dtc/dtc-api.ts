import type {
  BuyerInputOf,
  DtcBasket,
  DtcOrderAnswer,
  DtcQuote,
} from '../../../preload/contract/buyer-api/index.ts';
import type { HubErrorBody } from '../../../preload/contract/hub-errors.ts';
import { call } from '../call.ts';
import { forgetClaim, keepClaim, type DtcLink } from './dtc-link.ts';

/**
 * What a DTC checkout link's page asks the hub (preload/contract/buyer-api/dtc-routes.ts),
 * in the words the page uses. Every refusal comes back as its code and params for the
 * page to word; nothing here is judged by the page.
 */

export type DtcOpening =
  /** This tab's own copy of the basket. */
  | { kind: 'claimed'; claimToken: string; basket: DtcBasket }
  /** Bought already (or stopped by the brand): the basket is empty. */
  | { kind: 'used'; brand: string }
  /** Tampered, truncated, unknown: every link that is not valid, alike. */
  | { kind: 'notValid' }
  | { kind: 'limited' }
  | { kind: 'failed' };

/**
 * The link's basket for this tab: the copy it claimed before (a reload, the way back
 * from Stripe), else a claim with the link's hash. Opening the page claimed nothing: this
 * POST does, once per tab. Never rejects.
 */
export async function openDtcLink(link: DtcLink): Promise<DtcOpening> {
  try {
    if (link.claimToken !== null) {
      const kept = await call('dtc.basket', { claimToken: link.claimToken });
      if (kept.ok) return { kind: 'claimed', claimToken: link.claimToken, basket: kept.value };
      if (kept.refusal?.code !== 'link_expired') return failure(kept.refusal?.code);
      forgetClaim(link.basket);
    }
    if (link.hash === null) return { kind: 'notValid' };
    const claimed = await call('dtc.claim', { basket: link.basket, hash: link.hash });
    if (!claimed.ok) return failure(claimed.refusal?.code);
    if (claimed.value.outcome === 'used') return { kind: 'used', brand: claimed.value.brand };
    keepClaim(link.basket, claimed.value.claimToken);
    return { kind: 'claimed', claimToken: claimed.value.claimToken, basket: claimed.value.basket };
  } catch {
    return { kind: 'failed' };
  }
}

function failure(code: string | undefined): DtcOpening {
  if (code === 'link_expired') return { kind: 'notValid' };
  if (code === 'rate_limited') return { kind: 'limited' };
  return { kind: 'failed' };
}

export type DtcQuoteRequest = BuyerInputOf<'dtc.quote'>;

/** The basket priced as the customer wants it; null when the hub could not say. */
export async function quoteDtcBasket(
  request: DtcQuoteRequest,
  signal: AbortSignal,
): Promise<DtcQuote | null> {
  const answer = await call('dtc.quote', request, { signal });
  return answer.ok ? answer.value : null;
}

export type DtcPurchaseRequest = BuyerInputOf<'dtc.purchase'>;

/** A refusal of the purchase: its code and params, each problem of the basket, each field's. */
export interface DtcRefusal {
  code: string | null;
  params: NonNullable<HubErrorBody['error']['params']>;
  /** The basket's problems (codes of main/domain/dtc-checkout.ts), or the sizes short of stock. */
  refusals: { code: string; params: Record<string, string | number> }[];
  issues: NonNullable<HubErrorBody['error']['issues']>;
}

export type DtcPurchaseAnswer =
  { ok: true; order: DtcOrderAnswer } | { ok: false; refusal: DtcRefusal };

/** Buys the basket; a retry with the same order id places nothing twice. Rejects when the hub cannot be reached. */
export async function purchaseDtcBasket(request: DtcPurchaseRequest): Promise<DtcPurchaseAnswer> {
  const answer = await call('dtc.purchase', request);
  if (answer.ok) return { ok: true, order: answer.value };
  const refusal = answer.refusal;
  return {
    ok: false,
    refusal: {
      code: refusal?.code ?? null,
      params: refusal?.params ?? {},
      refusals: (refusal?.refusals ?? []).map(({ code, params }) => ({ code, params })),
      issues: refusal?.issues ?? [],
    },
  };
}
