import type { ContactField } from '../../main/domain/checkout-contact.ts';
import type { BuyerSelectionList, SharedSelection } from '../../preload/contract/index.ts';

// What the buyer pages ask the hub. Same origin: the hub serves these pages.

/** The brand whose hub serves these pages, as /api/health names it; null when it cannot say. */
export async function fetchBrand(): Promise<string | null> {
  try {
    const response = await fetch('/api/health', {
      headers: { accept: 'application/json' },
      cache: 'no-store',
    });
    return response.ok ? ((await response.json()) as { brand: string | null }).brand : null;
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
    const response = await fetch('/api/share/open', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ token }),
      cache: 'no-store',
    });
    if (response.ok) return { kind: 'open', selection: (await response.json()) as SharedSelection };
    if (response.status === 429) return { kind: 'limited' };
    if (response.status === 404) return { kind: 'expired' };
  } catch {
    // Unreachable, or an answer that is not JSON: the same for the buyer.
  }
  return { kind: 'failed' };
}

/** A picture of the shared selection, fetched with the token (never in its address). */
export async function sharedPicture(
  token: string,
  id: string,
  priority: RequestPriority,
): Promise<Blob> {
  const response = await fetch(`/api/share/pictures/${encodeURIComponent(id)}`, {
    headers: { 'x-share-token': token },
    cache: 'no-store',
    priority,
  });
  if (!response.ok) throw new Error(`The hub answered ${response.status}`);
  return response.blob();
}

export interface CheckoutForm extends Record<ContactField, string> {
  orderId: string;
  complete: boolean;
}

/** A problem the hub found, by field (`email`) and code (`invalid_format`). */
export interface FieldIssue {
  path: string;
  code: string;
}

export type CheckoutAnswer =
  | { ok: true; status: 'Checkout Requested' | 'Order' }
  | { ok: false; code: string | null; issues: FieldIssue[] };

/** Request Checkout (or, with prepayment, complete it); a retry with the same order id places nothing twice. */
export async function checkout(token: string, form: CheckoutForm): Promise<CheckoutAnswer> {
  const response = await fetch('/api/share/checkout', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ token, ...form }),
    cache: 'no-store',
  });
  const body = (await response.json().catch(() => null)) as {
    status?: 'Checkout Requested' | 'Order';
    error?: { code: string; issues?: FieldIssue[] };
  } | null;
  if (response.ok && body?.status) return { ok: true, status: body.status };
  return { ok: false, code: body?.error?.code ?? null, issues: body?.error?.issues ?? [] };
}

/**
 * Logs a buyer in; the hub answers with an HttpOnly session cookie. Answers null, or the
 * code of the hub's refusal (`unauthorized`, `rate_limited`, …) for the page to put in
 * the buyer's words.
 */
export async function buyerSignIn(email: string, password: string): Promise<string | null> {
  const response = await fetch('/api/buyer/sign-in', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ email, password }),
    credentials: 'same-origin',
  });
  if (response.ok) return null;
  const body = (await response.json().catch(() => null)) as { error?: { code: string } } | null;
  return body?.error?.code ?? 'unavailable';
}

export type AccountSelection =
  | { kind: 'open'; selection: Omit<SharedSelection, 'expiresAt' | 'prepaymentCheckout'> }
  | { kind: 'login' }
  | { kind: 'missing' };

export async function accountSelection(
  id: string,
  signal?: AbortSignal,
): Promise<AccountSelection> {
  const response = await fetch(`/api/buyer/selections/${encodeURIComponent(id)}`, {
    credentials: 'same-origin',
    cache: 'no-store',
    ...(signal ? { signal } : {}),
  });
  if (response.status === 401) return { kind: 'login' };
  const body = (await response.json().catch(() => null)) as
    | (Omit<SharedSelection, 'expiresAt' | 'prepaymentCheckout'> & { error?: undefined })
    | { error: { message: string } }
    | null;
  if (response.ok && body && !body.error) return { kind: 'open', selection: body };
  return { kind: 'missing' };
}

export type AccountSelections = { kind: 'open'; list: BuyerSelectionList } | { kind: 'login' };

/** The selections of the logged-in buyer's stores. */
export async function accountSelections(signal?: AbortSignal): Promise<AccountSelections> {
  const response = await fetch('/api/buyer/selections', {
    credentials: 'same-origin',
    cache: 'no-store',
    ...(signal ? { signal } : {}),
  });
  if (response.status === 401) return { kind: 'login' };
  if (!response.ok) throw new Error(`The hub answered ${response.status}`);
  return { kind: 'open', list: (await response.json()) as BuyerSelectionList };
}

/** Logs the buyer out here and at the hub. */
export async function buyerSignOut(): Promise<void> {
  const response = await fetch('/api/buyer/sign-out', {
    method: 'POST',
    credentials: 'same-origin',
  });
  if (!response.ok) throw new Error(`The hub answered ${response.status}`);
}

/** A picture of the logged-in buyer's selections: the session cookie authorises it. */
export function accountPictureUrl(id: string): string {
  return `/api/buyer/pictures/${encodeURIComponent(id)}`;
}

export interface DemoBuyerAccount {
  email: string;
  password: string;
  name: string;
  store: string;
}

/** The demo brand's buyer logins; null on a real brand's hub, which never lists any (or when the hub cannot say). */
export async function demoBuyerAccounts(): Promise<DemoBuyerAccount[] | null> {
  try {
    const response = await fetch('/api/buyer/demo-accounts', { cache: 'no-store' });
    if (!response.ok) return null;
    return ((await response.json()) as { accounts: DemoBuyerAccount[] | null }).accounts;
  } catch {
    return null;
  }
}
