import { addressProblems, type AddressFields } from '../../domain/addresses.ts';
import type { CheckoutRequirement } from '../../domain/order-states.ts';
import { minutesToWait, type FailureLimit } from '../../domain/rate-limit.ts';
import type { StoreDb } from '../../store/database.ts';
import { reserve } from '../auth/limits.ts';
import { HubRefusal } from '../errors.ts';

/**
 * What every buyer checkout (a share link's, a customer order link's) answers when its
 * details are wrong or it comes too often: problems by the field the page has them at,
 * with the domain's codes, and nothing ordered.
 */

/** Where each thing a checkout may lack is asked on the page. */
export const REQUIREMENT_PATHS: Readonly<Record<CheckoutRequirement, string>> = {
  address: 'shipTo',
  shipping: 'shippingGroupId',
  payment: 'paymentMethod',
};

export type Issue = { path: string; code: string };

export function invalid(issues: Issue[], params?: Record<string, string>): HubRefusal {
  const paths = issues.map((issue) => issue.path).join(', ');
  return new HubRefusal(400, 'invalid_input', `Check ${paths}. Nothing was ordered.`, {
    issues,
    ...(params ? { params } : {}),
  });
}

export function addressIssues(path: string, address: AddressFields | null): Issue[] {
  if (address === null) return [];
  return Object.entries(addressProblems(address)).map(([field, problem]) => ({
    path: `${path}.${field}`,
    code: problem.code,
  }));
}

/**
 * Reserves one order against its limits in the placing transaction (so concurrent
 * checkouts cannot all slip under them), or refuses with when to try again.
 */
export async function reserveOrder(
  trx: StoreDb,
  limits: readonly { key: string; limit: FailureLimit }[],
  at: Date,
): Promise<void> {
  const wait = await reserve(trx, limits, at);
  if (wait > 0) {
    const minutes = minutesToWait(wait);
    throw new HubRefusal(
      429,
      'rate_limited',
      `Too many orders were placed through this link or from here. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`,
      { retryAfterSeconds: Math.ceil(wait / 1000) },
    );
  }
}
