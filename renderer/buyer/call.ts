import type {
  AnswerKindOf,
  BuyerInputOf,
  BuyerOutputOf,
  BuyerRefusal,
} from '../../preload/contract/buyer-api/index.ts';
import {
  buyerRoutes,
  type BuyerOperationName,
  type BuyerRoute,
} from '../../preload/contract/buyer-api/routes.ts';
import type { HubErrorBody } from '../../preload/contract/hub-errors.ts';

/** What a page gets for each kind of answer the contract declares. */
export type AnswerOf<Name extends BuyerOperationName> = {
  json: BuyerOutputOf<Name>;
  created: BuyerOutputOf<Name>;
  prepared: BuyerOutputOf<Name>;
  picture: Blob;
  none: undefined;
}[AnswerKindOf<Name>];

export type Called<Name extends BuyerOperationName> =
  | { ok: true; value: AnswerOf<Name> }
  /** `refusal` is null when the answer is not the hub's (a proxy's error page, say). */
  | { ok: false; status: number; refusal: BuyerRefusal<Name> | null };

export interface CallOptions {
  signal?: AbortSignal;
  priority?: RequestPriority;
}

const JSON_ANSWERS: readonly BuyerRoute['answer'][] = ['json', 'created', 'prepared'];

/**
 * Asks the hub that serves these pages (same origin) for one operation of the buyer API,
 * as the contract says it travels: path fields in the path, header fields in headers
 * (the share token), the rest as a JSON body. Answers and refusals are typed from the
 * contract but not parsed at run time: the pages load no zod (see routes.ts), and the hub
 * already sent them through the output schemas. Rejects only when the hub cannot be
 * reached or the call is aborted.
 */
export async function call<Name extends BuyerOperationName>(
  name: Name,
  input: BuyerInputOf<Name>,
  options: CallOptions = {},
): Promise<Called<Name>> {
  const route: BuyerRoute = buyerRoutes[name];
  const fields: Record<string, unknown> = { ...input };
  const path = takePath(route.path, fields);
  const headers: Record<string, string> = {};
  for (const [field, header] of Object.entries(route.headers ?? {})) {
    headers[header] = String(fields[field]);
    delete fields[field];
  }
  const json = JSON_ANSWERS.includes(route.answer);
  if (json) headers.accept = 'application/json';
  if (route.method === 'POST') headers['content-type'] = 'application/json';
  const response = await fetch(path, {
    method: route.method,
    headers,
    ...(route.method === 'POST' ? { body: JSON.stringify(fields) } : {}),
    cache: 'no-store',
    credentials: 'same-origin',
    ...(options.signal ? { signal: options.signal } : {}),
    ...(options.priority ? { priority: options.priority } : {}),
  });
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as HubErrorBody | null;
    const refusal = (body?.error ?? null) as BuyerRefusal<Name> | null;
    return { ok: false, status: response.status, refusal };
  }
  try {
    const value: unknown = json
      ? await response.json()
      : route.answer === 'picture'
        ? await response.blob()
        : undefined;
    return { ok: true, value: value as AnswerOf<Name> };
  } catch (error) {
    if (options.signal?.aborted) throw error;
    // A success whose body cannot be read is no answer the pages can use.
    return { ok: false, status: response.status, refusal: null };
  }
}

/** The address of a GET whose input travels in its path alone, for an <img src>. */
export function addressOf<Name extends BuyerOperationName>(
  name: Name,
  input: BuyerInputOf<Name>,
): string {
  return takePath(buyerRoutes[name].path, { ...input });
}

/** A route's path with its `:name`s filled in from `fields`, which it takes them out of. */
function takePath(path: string, fields: Record<string, unknown>): string {
  return path.replaceAll(/:(\w+)/g, (_match, field: string) => {
    const value = String(fields[field]);
    delete fields[field];
    return encodeURIComponent(value);
  });
}
