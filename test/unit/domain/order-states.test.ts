import { describe, expect, it } from 'vitest';
import {
  MAX_CANCEL_REASON,
  ORDER_STATES,
  ORDER_TRANSITION_NAMES,
  ORDER_TRANSITIONS,
  checkoutIncomplete,
  mayMakeTransition,
  missingForCheckout,
  nextOrderState,
  type CheckoutFacts,
} from '../../../main/domain/order-states.ts';

describe('order states', () => {
  it('moves a requested checkout to Order, an order to Confirmed', () => {
    expect(nextOrderState('Checkout Requested', 'completeCheckout')).toEqual({
      ok: true,
      state: 'Order',
    });
    expect(nextOrderState('Order', 'confirm')).toEqual({ ok: true, state: 'Confirmed' });
  });

  it('cancels any order that is not cancelled yet, with a reason', () => {
    for (const state of ['Checkout Requested', 'Order', 'Confirmed'] as const) {
      expect(nextOrderState(state, 'cancel', 'Buyer withdrew')).toEqual({
        ok: true,
        state: 'Cancelled',
      });
    }
  });

  it('refuses a transition from a state it does not start from, naming both', () => {
    expect(nextOrderState('Order', 'completeCheckout')).toEqual({
      ok: false,
      code: 'order_not_in_state',
      params: { state: 'Order', transition: 'completeCheckout' },
    });
    expect(nextOrderState('Confirmed', 'confirm')).toMatchObject({ code: 'order_not_in_state' });
    expect(nextOrderState('Cancelled', 'cancel', 'again')).toMatchObject({
      code: 'order_not_in_state',
    });
    expect(nextOrderState('Checkout Requested', 'confirm')).toMatchObject({
      code: 'order_not_in_state',
    });
  });

  it('Cancelled is final: no transition leaves it', () => {
    for (const transition of ORDER_TRANSITION_NAMES) {
      expect(nextOrderState('Cancelled', transition, 'x').ok).toBe(false);
    }
  });

  it('every state but the first is reached by some transition', () => {
    const reached = new Set<string>(Object.values(ORDER_TRANSITIONS).map((rule) => rule.to));
    expect(ORDER_STATES.filter((state) => !reached.has(state))).toEqual(['Checkout Requested']);
  });

  it('a cancel needs a reason, bounded in length', () => {
    expect(nextOrderState('Order', 'cancel')).toEqual({
      ok: false,
      code: 'cancel_reason_required',
      params: {},
    });
    expect(nextOrderState('Order', 'cancel', '   ')).toMatchObject({
      code: 'cancel_reason_required',
    });
    expect(nextOrderState('Order', 'cancel', 'x'.repeat(MAX_CANCEL_REASON)).ok).toBe(true);
    expect(nextOrderState('Order', 'cancel', 'x'.repeat(MAX_CANCEL_REASON + 1))).toEqual({
      ok: false,
      code: 'cancel_reason_too_long',
      params: { max: MAX_CANCEL_REASON },
    });
    // A state refusal comes first: a cancelled order is not asked for a reason again.
    expect(nextOrderState('Cancelled', 'cancel')).toMatchObject({ code: 'order_not_in_state' });
  });
});

describe('who may change an order', () => {
  const rep = { userId: 'rep-1', role: 'rep' } as const;
  const admin = { userId: 'admin-1', role: 'admin' } as const;

  it.each(ORDER_TRANSITION_NAMES)('%s: a rep on their own buyers, an admin on all', (t) => {
    expect(mayMakeTransition(rep, t, 'rep-1')).toBe(true);
    expect(mayMakeTransition(rep, t, 'rep-2')).toBe(false);
    expect(mayMakeTransition(rep, t, null)).toBe(false);
    expect(mayMakeTransition(admin, t, 'rep-2')).toBe(true);
    expect(mayMakeTransition(admin, t, null)).toBe(true);
  });
});

describe('what Complete checkout asks for', () => {
  const complete: CheckoutFacts = {
    hasAddress: true,
    hasShippingRate: true,
    paymentMethod: 'outside_app',
    shippingApplies: true,
    addressAsked: true,
  };

  it('nothing once address, shipping and payment are there', () => {
    expect(missingForCheckout(complete)).toEqual([]);
  });

  it('names everything missing, in form order', () => {
    expect(
      missingForCheckout({
        ...complete,
        hasAddress: false,
        hasShippingRate: false,
        paymentMethod: null,
      }),
    ).toEqual(['address', 'shipping', 'payment']);
    expect(checkoutIncomplete(['address', 'payment'])).toEqual({
      code: 'checkout_incomplete',
      params: { missing: 'address,payment' },
    });
  });

  it('asks for an address when shipping applies, even if the address field is hidden', () => {
    expect(missingForCheckout({ ...complete, hasAddress: false, addressAsked: false })).toEqual([
      'address',
    ]);
  });

  it('without shipping and with the address field hidden, only payment is needed', () => {
    const bare = {
      hasAddress: false,
      hasShippingRate: false,
      shippingApplies: false,
      addressAsked: false,
    };
    expect(missingForCheckout({ ...bare, paymentMethod: 'outside_app' })).toEqual([]);
    expect(missingForCheckout({ ...bare, paymentMethod: null })).toEqual(['payment']);
  });
});
