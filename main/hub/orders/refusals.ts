import type { Refusal } from '../../domain/refusal.ts';
import type { HubErrorCode } from '../../../preload/contract/hub-errors.ts';
import { HubRefusal } from '../errors.ts';

/**
 * A domain rule's refusal as the hub answers it: the rule's code and params for pages to
 * translate, and an English message for logs and clients that do not translate. Every
 * order refusal is a rule's (409: the order cannot be placed or changed as asked), except
 * input a form should have caught (400).
 */
export function orderRefusal(
  refusal: Refusal<HubErrorCode>,
  message: string,
  status = 409,
): HubRefusal {
  return new HubRefusal(status, refusal.code, message, { params: refusal.params });
}

/** One `insufficient_stock` per short size, the first one's params at the top for a single-size page. */
export function stockRefusal(refusals: readonly Refusal<'insufficient_stock'>[]): HubRefusal {
  const sizes = refusals.map(({ params }) => `only ${params.available} left in ${params.size}`);
  return new HubRefusal(409, 'insufficient_stock', `Not enough stock: ${sizes.join('; ')}.`, {
    params: refusals[0]!.params,
    refusals: refusals.map(({ code, params }) => ({ code, params })),
  });
}
