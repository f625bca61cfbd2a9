import type { BuyerSelectionList, SharedSelection } from '../../preload/contract/index.ts';

/** What the buyer pages ask the hub. Same origin: the hub serves these pages. */
export interface HubHealth {
  status: 'ok';
  version: string;
  schemaVersion: string;
  brand: string | null;
  uptimeSeconds: number;
}

export async function fetchHealth(signal?: AbortSignal): Promise<HubHealth> {
  const response = await fetch('/api/health', {
    headers: { accept: 'application/json' },
    cache: 'no-store',
    ...(signal ? { signal } : {}),
  });
  if (!response.ok) throw new Error(`The hub answered ${response.status}`);
  return (await response.json()) as HubHealth;
}

export type ShareAnswer =
  | { kind: 'open'; selection: SharedSelection }
  | { kind: 'expired'; message: string }
  | { kind: 'limited'; message: string };

/** The selection a share link opens; every link that does not open answers "expired". */
export async function openShare(token: string, signal?: AbortSignal): Promise<ShareAnswer> {
  const response = await fetch('/api/share/open', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ token }),
    cache: 'no-store',
    ...(signal ? { signal } : {}),
  });
  const body = (await response.json().catch(() => null)) as
    SharedSelection | { error: { message: string } } | null;
  if (response.ok && body && !('error' in body)) return { kind: 'open', selection: body };
  const message = body && 'error' in body ? body.error.message : '';
  if (response.status === 429) return { kind: 'limited', message };
  if (response.status === 404) return { kind: 'expired', message };
  throw new Error(`The hub answered ${response.status}`);
}

/** A picture of the shared selection, fetched with the token (never in its address). */
export async function sharedPicture(token: string, id: string): Promise<Blob> {
  const response = await fetch(`/api/share/pictures/${encodeURIComponent(id)}`, {
    headers: { 'x-share-token': token },
    cache: 'no-store',
  });
  if (!response.ok) throw new Error(`The hub answered ${response.status}`);
  return response.blob();
}

export interface CheckoutForm {
  orderId: string;
  name: string;
  email: string;
  phone: string;
  note: string;
  complete: boolean;
}

export type CheckoutAnswer =
  | { ok: true; status: 'Checkout Requested' | 'Order' }
  | { ok: false; message: string; fields: Record<string, string> };

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
    error?: { message: string; issues?: { path: string; message: string }[] };
  } | null;
  if (response.ok && body?.status) return { ok: true, status: body.status };
  const fields: Record<string, string> = {};
  for (const issue of body?.error?.issues ?? []) fields[issue.path] ??= issue.message;
  return { ok: false, message: body?.error?.message ?? '', fields };
}

/** Logs a buyer in; the hub answers with an HttpOnly session cookie. */
export async function buyerSignIn(email: string, password: string): Promise<string | null> {
  const response = await fetch('/api/buyer/sign-in', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ email, password }),
    credentials: 'same-origin',
  });
  if (response.ok) return null;
  const body = (await response.json().catch(() => null)) as { error?: { message: string } } | null;
  return body?.error?.message ?? `The hub answered ${response.status}`;
}

export type AccountSelection =
  | { kind: 'open'; selection: Omit<SharedSelection, 'expiresAt' | 'prepaymentCheckout'> }
  | { kind: 'login' }
  | { kind: 'missing'; message: string };

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
  return { kind: 'missing', message: body?.error?.message ?? '' };
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

/** The demo brand's buyer logins; null on a real brand's hub, which never lists any. */
export async function demoBuyerAccounts(signal?: AbortSignal): Promise<DemoBuyerAccount[] | null> {
  const response = await fetch('/api/buyer/demo-accounts', {
    cache: 'no-store',
    ...(signal ? { signal } : {}),
  });
  if (!response.ok) return null;
  return ((await response.json()) as { accounts: DemoBuyerAccount[] | null }).accounts;
}
