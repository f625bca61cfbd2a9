import { describe, expect, it } from 'vitest';
import {
  addressRequired,
  isCardPayment,
  paymentMethodRefusal,
  paymentMethodsOffered,
  WITHOUT_CARD_FLOW,
} from '../../../main/domain/order-states.ts';
import { stripeKeyMode, stripeSettingsProblems } from '../../../main/domain/stripe-card.ts';

describe('which payment methods a place offers', () => {
  it('offers the card only while the add-on is on, and only where a card payment can start', () => {
    expect(paymentMethodsOffered({ stripeCardEnabled: true, cardFlow: true })).toEqual([
      'outside_app',
      'stripe_card',
    ]);
    expect(paymentMethodsOffered({ stripeCardEnabled: false, cardFlow: true })).toEqual([
      'outside_app',
    ]);
    expect(paymentMethodsOffered({ stripeCardEnabled: true, cardFlow: false })).toEqual([
      'outside_app',
    ]);
    expect(paymentMethodsOffered(WITHOUT_CARD_FLOW)).toEqual(['outside_app']);
  });

  it('offers of what a link or catalog allows, in the usual order', () => {
    const on = { stripeCardEnabled: true, cardFlow: true };
    expect(paymentMethodsOffered(on, ['stripe_card'])).toEqual(['stripe_card']);
    expect(paymentMethodsOffered(on, ['stripe_card', 'outside_app'])).toEqual([
      'outside_app',
      'stripe_card',
    ]);
    // A link that allows only the card, with the add-on off since: nothing to offer.
    expect(paymentMethodsOffered({ ...on, stripeCardEnabled: false }, ['stripe_card'])).toEqual([]);
  });

  it('refuses a method not offered with a code naming it', () => {
    expect(paymentMethodRefusal('stripe_card', WITHOUT_CARD_FLOW)).toEqual({
      code: 'payment_method_not_offered',
      params: { method: 'stripe_card' },
    });
    expect(paymentMethodRefusal('outside_app', WITHOUT_CARD_FLOW)).toBeNull();
    expect(
      paymentMethodRefusal('outside_app', { stripeCardEnabled: true, cardFlow: true }, [
        'stripe_card',
      ]),
    ).toMatchObject({ code: 'payment_method_not_offered' });
  });

  it('asks the address when the card is chosen, whatever the link says', () => {
    const facts = { addressAsked: false, shippingApplies: false };
    expect(addressRequired({ ...facts, paymentMethod: 'stripe_card' })).toBe(true);
    expect(addressRequired({ ...facts, paymentMethod: 'outside_app' })).toBe(false);
    expect(isCardPayment('stripe_card')).toBe(true);
    expect(isCardPayment('outside_app')).toBe(false);
  });
});

describe("the Stripe add-on's settings", () => {
  const none = { secretKeySet: false, webhookSecretSet: false };
  const both = { secretKeySet: true, webhookSecretSet: true };

  it('reads the mode off a secret key and refuses other keys', () => {
    expect(stripeKeyMode('sk_test_51HxAbCdEfGh1234')).toBe('test');
    expect(stripeKeyMode('sk_live_51HxAbCdEfGh1234')).toBe('live');
    for (const key of [
      'pk_test_51HxAbCdEfGh1234',
      'sk_test_',
      'sk_prod_51HxAbCdEfGh',
      ' sk_test_51HxAbCdEfGh',
    ]) {
      expect(stripeKeyMode(key)).toBeNull();
    }
  });

  it('judges each key at its field', () => {
    expect(
      stripeSettingsProblems(
        { enabled: false, secretKey: 'pk_live_abcdefgh12', webhookSecret: 'secret_abcdefgh12' },
        none,
      ),
    ).toEqual({
      secretKey: { code: 'stripe_secret_key_invalid', params: {} },
      webhookSecret: { code: 'stripe_webhook_secret_invalid', params: {} },
    });
    expect(
      stripeSettingsProblems(
        { enabled: true, secretKey: 'sk_live_abcdefgh12', webhookSecret: 'whsec_abcdefgh12' },
        none,
      ),
    ).toEqual({});
  });

  it('switches on only with both secrets, given now or set before', () => {
    expect(stripeSettingsProblems({ enabled: true }, none)).toEqual({
      secretKey: { code: 'stripe_key_required', params: {} },
      webhookSecret: { code: 'stripe_key_required', params: {} },
    });
    expect(stripeSettingsProblems({ enabled: true }, both)).toEqual({});
    expect(stripeSettingsProblems({ enabled: false }, none)).toEqual({});
  });
});
