import { PAYMENT_METHODS, type PaymentMethod } from '../../../main/domain/order-states.ts';
import { useOperation } from './useOperation.ts';

/**
 * The payment methods a catalog or link form shows: "Stripe Credit Card Payment" while
 * the brand's add-on is on (as last synced), and any method already `chosen`, so one
 * chosen before the add-on went off can still be unticked.
 */
export function usePaymentMethods(chosen: readonly PaymentMethod[]): PaymentMethod[] {
  const choosable = useOperation('payments.choosable', {}, { followSync: true }).data;
  return PAYMENT_METHODS.filter(
    (method) => (choosable ?? ['outside_app']).includes(method) || chosen.includes(method),
  );
}
