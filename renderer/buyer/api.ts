import type {
  BuyerInputOf,
  BuyerOutputOf,
  DemoBuyerAccount,
  Invitation,
  RefusalOf,
} from '../../preload/contract/buyer-api/index.ts';
import type { HubErrorBody } from '../../preload/contract/hub-errors.ts';
import type { BuyerSelection, SharedSelection } from '../../preload/contract/index.ts';
import { addressOf, call, type Called } from './call.ts';

// What the buyer pages ask the hub, in the words the pages use: each answer and refusal
// of the buyer API (preload/contract/buyer-api/) turned into what a page shows.

/** The brand whose hub serves these pages, as /api/health names it; null when it cannot say. */
export async function fetchBrand(): Promise<string | null> {
  try {
    const answer = await call('hub.health', {});
    return answer.ok ? answer.value.brand : null;
  } catch {
    return null;
  }
}

export type ShareAnswer =
  | { kind: 'open'; selection: SharedSelection }
  | { kind: 'expired' }
  | { kind: 'limited' }
  | { kind: 'failed' };

/**
 * The selection a share link opens; every link that does not open answers "expired".
 * Never rejects: a hub that cannot be reached is the answer 'failed'.
 */
export async function openShare(token: string): Promise<ShareAnswer> {
  try {
    const answer = await call('shareLink.open', { token });
    if (answer.ok) return { kind: 'open', selection: answer.value };
    if (answer.refusal?.code === 'rate_limited') return { kind: 'limited' };
    if (answer.refusal?.code === 'link_expired') return { kind: 'expired' };
  } catch {
    // Unreachable: the same for the buyer as any answer the page cannot use.
  }
  return { kind: 'failed' };
}

/** A picture of the shared selection, fetched with the token (never in its address). */
export async function sharedPicture(
  token: string,
  id: string,
  priority: RequestPriority,
): Promise<Blob> {
  const answer = await call('shareLink.picture', { id, token }, { priority });
  if (!answer.ok) throw new Error(`The hub answered ${answer.status}`);
  return answer.value;
}

export type CheckoutForm = Omit<
  BuyerInputOf<'shareLink.checkout'>,
  'token' | 'leaveOut' | 'complete'
>;

/**
 * What a checkout of this selection orders, as the hub marked its lines: the styles it
 * said are past their deadline are left out (and named to the hub, which refuses any
 * other that has closed since), and how many lines remain to order.
 */
export function orderableOf(selection: Pick<SharedSelection, 'lines'>): {
  leaveOut: string[];
  orderable: number;
} {
  const closed = selection.lines.filter((line) => line.orderRefusal !== null);
  return {
    leaveOut: [...new Set(closed.map((line) => line.styleId))],
    orderable: selection.lines.filter((line) => line.orderRefusal === null && line.units > 0)
      .length,
  };
}

/** A problem the hub found, by field (`email`) and code (`invalid_format`). */
export type FieldIssue = NonNullable<HubErrorBody['error']['issues']>[number];

/** The order a checkout placed, as the hub charged it: its number, status and totals. */
export type PlacedCheckout = BuyerOutputOf<'shareLink.checkout'>;

export type CheckoutAnswer =
  | { ok: true; order: PlacedCheckout }
  | {
      ok: false;
      code: RefusalOf<'shareLink.checkout'> | RefusalOf<'customerLink.checkout'> | null;
      issues: FieldIssue[];
      /** What the page's words for the code need (deadline_passed: the styles). */
      params: NonNullable<HubErrorBody['error']['params']>;
      /** With insufficient_stock: each short size and how many are left. */
      shortSizes: { skuId: string; size: string; available: number }[];
    };

/** Request Checkout (or, with prepayment, complete it); a retry with the same order id places nothing twice. */
export async function checkout(
  token: string,
  form: CheckoutForm,
  complete: boolean,
  leaveOut: readonly string[],
): Promise<CheckoutAnswer> {
  const answer = await call('shareLink.checkout', {
    token,
    ...form,
    complete,
    leaveOut: [...leaveOut],
  });
  return checkoutAnswer(answer);
}

/** A checkout's answer as the page shows it, whichever link it went through. */
export function checkoutAnswer(
  answer: Called<'shareLink.checkout'> | Called<'customerLink.checkout'>,
): CheckoutAnswer {
  if (answer.ok) return { ok: true, order: answer.value };
  const shortSizes = (answer.refusal?.refusals ?? []).map(({ params }) => ({
    skuId: String(params.skuId),
    size: String(params.size),
    available: Number(params.available),
  }));
  return {
    ok: false,
    code: answer.refusal?.code ?? null,
    issues: answer.refusal?.issues ?? [],
    params: answer.refusal?.params ?? {},
    shortSizes,
  };
}

export type ShippingOptions = BuyerOutputOf<'shareLink.shippingOptions'>;

/**
 * Whether the brand's shipping applies to this link's order and, for a country, the rates
 * in the order's currency (none: not shipped there). Null when the hub could not say.
 */
export async function shippingOptions(
  token: string,
  country: string,
  signal?: AbortSignal,
): Promise<ShippingOptions | null> {
  try {
    const answer = await call(
      'shareLink.shippingOptions',
      { token, country },
      signal ? { signal } : {},
    );
    return answer.ok ? answer.value : null;
  } catch {
    return null;
  }
}

/**
 * Logs a buyer in; the hub answers with an HttpOnly session cookie. Answers null, or the
 * code of the hub's refusal (`unauthorized`, `rate_limited`, …) for the page to put in
 * the buyer's words.
 */
export async function buyerSignIn(
  email: string,
  password: string,
): Promise<RefusalOf<'buyer.signIn'> | null> {
  const answer = await call('buyer.signIn', { email, password });
  return answer.ok ? null : (answer.refusal?.code ?? 'unavailable');
}

export type AccountSelection =
  { kind: 'open'; selection: BuyerSelection } | { kind: 'login' } | { kind: 'missing' };

export async function accountSelection(
  id: string,
  signal?: AbortSignal,
): Promise<AccountSelection> {
  const answer = await call('buyer.selection', { id }, signal ? { signal } : {});
  if (answer.ok) return { kind: 'open', selection: answer.value };
  if (answer.refusal?.code === 'unauthorized') return { kind: 'login' };
  return { kind: 'missing' };
}

export type AccountSelections =
  { kind: 'open'; list: BuyerOutputOf<'buyer.selections'> } | { kind: 'login' };

/** The selections of the logged-in buyer's stores. */
export async function accountSelections(signal?: AbortSignal): Promise<AccountSelections> {
  const answer = await call('buyer.selections', {}, signal ? { signal } : {});
  if (answer.ok) return { kind: 'open', list: answer.value };
  if (answer.refusal?.code === 'unauthorized') return { kind: 'login' };
  throw new Error(`The hub answered ${answer.status}`);
}

/** Logs the buyer out here and at the hub. */
export async function buyerSignOut(): Promise<void> {
  const answer = await call('buyer.signOut', {});
  if (!answer.ok) throw new Error(`The hub answered ${answer.status}`);
}

/** A picture of the logged-in buyer's selections: the session cookie authorises it. */
export function accountPictureUrl(id: string): string {
  return addressOf('buyer.picture', { id });
}

/** The demo brand's buyer logins; null on a real brand's hub, which never lists any (or when the hub cannot say). */
export async function demoBuyerAccounts(): Promise<DemoBuyerAccount[] | null> {
  try {
    const answer = await call('buyer.demoAccounts', {});
    return answer.ok ? answer.value.accounts : null;
  } catch {
    return null;
  }
}

export type InvitationAnswer = { kind: 'open'; invitation: Invitation } | { kind: 'dead' };

/** What an invitation link invites to; every link that does not work answers alike. */
export async function readInvitation(token: string | null): Promise<InvitationAnswer> {
  if (!token) return { kind: 'dead' };
  const answer = await call('buyer.invitation', { token });
  return answer.ok ? { kind: 'open', invitation: answer.value } : { kind: 'dead' };
}

/** Sets the password with the link, once, and logs in; null when done, else the refusal's code. */
export async function acceptInvitation(
  token: string,
  password: string,
): Promise<RefusalOf<'buyer.acceptInvitation'> | null> {
  const answer = await call('buyer.acceptInvitation', { token, password });
  return answer.ok ? null : (answer.refusal?.code ?? 'unavailable');
}
