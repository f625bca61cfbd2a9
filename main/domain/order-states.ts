import { can, type StaffAction } from './permissions.ts';
import { refuse, type Decided, type Refusal } from './refusal.ts';
import type { Id, StaffRole } from './model.ts';

/**
 * Where an order stands, in the product's words. "Checkout Requested" is the share-link
 * spec's name for an order a link holder asked for and staff must complete; "Order" is
 * a placed order (a booth order, a completed or prepaid checkout); "Confirmed" is the
 * brand's commitment to ship it; "Cancelled" is final.
 */
export const ORDER_STATES = ['Checkout Requested', 'Order', 'Confirmed', 'Cancelled'] as const;
export type OrderState = (typeof ORDER_STATES)[number];

/**
 * States whose orders hold stock. A checkout request holds it too: the buyer was told
 * the sizes were there, and completing the checkout must not find them gone.
 */
export const STOCK_HOLDING_STATES: readonly OrderState[] = [
  'Checkout Requested',
  'Order',
  'Confirmed',
];

/** A reason is a sentence or two for the buyer and the audit, not a document. */
export const MAX_CANCEL_REASON = 500;

export interface OrderTransitionRule {
  readonly from: readonly OrderState[];
  readonly to: OrderState;
  /**
   * A rep makes the transition on their own buyers' orders; on another rep's buyer's
   * order it takes this action (admins have it), as a selection takes
   * changeAnySelection.
   */
  readonly anyOrderAction: StaffAction;
}

/** Every change of an order's state, the one table the service, the sync mutators and the UI read. */
export const ORDER_TRANSITIONS = {
  completeCheckout: { from: ['Checkout Requested'], to: 'Order', anyOrderAction: 'changeAnyOrder' },
  confirm: { from: ['Order'], to: 'Confirmed', anyOrderAction: 'changeAnyOrder' },
  // A confirmed order can still be cancelled (the buyer withdrew, the brand cannot ship):
  // a person decides, with a reason, and the stock comes back.
  cancel: {
    from: ['Checkout Requested', 'Order', 'Confirmed'],
    to: 'Cancelled',
    anyOrderAction: 'cancelAnyOrder',
  },
} as const satisfies Record<string, OrderTransitionRule>;

export type OrderTransition = keyof typeof ORDER_TRANSITIONS;
export const ORDER_TRANSITION_NAMES = Object.keys(ORDER_TRANSITIONS) as OrderTransition[];

export const ORDER_STATE_REFUSALS = [
  'order_not_in_state',
  'cancel_reason_required',
  'cancel_reason_too_long',
  'checkout_incomplete',
] as const;
export type OrderStateRefusal = (typeof ORDER_STATE_REFUSALS)[number];

/**
 * The state an order moves to, or why it cannot: `order_not_in_state` names the state it
 * is in and the transition asked (a second Confirm, a completed checkout completed
 * again), a cancel needs a reason of at most MAX_CANCEL_REASON characters (trimmed).
 */
export function nextOrderState(
  state: OrderState,
  transition: OrderTransition,
  reason?: string,
): Decided<{ state: OrderState }, OrderStateRefusal> {
  const rule: OrderTransitionRule = ORDER_TRANSITIONS[transition];
  if (!rule.from.includes(state)) return refuse('order_not_in_state', { state, transition });
  if (transition === 'cancel') {
    const text = (reason ?? '').trim();
    if (text === '') return refuse('cancel_reason_required');
    if (text.length > MAX_CANCEL_REASON) {
      return refuse('cancel_reason_too_long', { max: MAX_CANCEL_REASON });
    }
  }
  return { ok: true, state: rule.to };
}

/**
 * Where an order came from: a rep at the booth, a share link's checkout, a customer
 * order link's, a one-time DTC checkout link's (a consumer's, with no wholesale buyer).
 */
export const ORDER_SOURCES = ['booth', 'share_link', 'customer_order_link', 'dtc_link'] as const;
export type OrderSource = (typeof ORDER_SOURCES)[number];

/**
 * The sources of a wholesale buyer's orders, which the Orders section lists; a DTC
 * link's orders are a consumer's and are listed under Direct to consumer.
 */
export const WHOLESALE_ORDER_SOURCES = ORDER_SOURCES.filter(
  (source): source is Exclude<OrderSource, 'dtc_link'> => source !== 'dtc_link',
);

/**
 * What an order calls the person it is for: a wholesale order its buyer, a DTC link's
 * order its customer (a consumer, with no wholesale buyer).
 */
export function orderParty(source: OrderSource): 'buyer' | 'customer' {
  return source === 'dtc_link' ? 'customer' : 'buyer';
}

/** Who is acting, as permissions see staff. */
export interface StaffActor {
  readonly userId: Id;
  readonly role: StaffRole;
}

/**
 * Whether a staff member may make a transition on an order whose buyer is looked after
 * by `buyerRepId`: their own buyer's, or anyone's with the transition's action.
 */
export function mayMakeTransition(
  actor: StaffActor,
  transition: OrderTransition,
  buyerRepId: Id | null,
): boolean {
  if (buyerRepId !== null && buyerRepId === actor.userId) return true;
  return can(actor.role, ORDER_TRANSITIONS[transition].anyOrderAction);
}

/**
 * How a buyer pays. "Pay outside the app" (bank transfer, cash on delivery, as agreed
 * with the brand) is always offered. "Stripe Credit Card Payment" is the brand's paid
 * add-on: offered only while it is on (brand settings) and only by a checkout that takes
 * the buyer to the card payment (a customer order link's).
 */
export const PAYMENT_METHODS = ['outside_app', 'stripe_card'] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];

/** Payment methods that need the buyer's address (the spec: "When Stripe Credit Card Payment is selected"). */
const PAYMENT_METHODS_NEEDING_ADDRESS: ReadonlySet<string> = new Set<PaymentMethod>([
  'stripe_card',
]);

/** Payment methods paid by card through the brand's Stripe account, not agreed outside. */
const CARD_PAYMENT_METHODS: ReadonlySet<PaymentMethod> = new Set<PaymentMethod>(['stripe_card']);

export function isCardPayment(method: PaymentMethod): boolean {
  return CARD_PAYMENT_METHODS.has(method);
}

/** Where a payment method is offered or chosen, as far as cards are concerned. */
export interface PaymentOffer {
  /** The brand's Stripe Credit Card Payment add-on is on. */
  readonly stripeCardEnabled: boolean;
  /** The place can take the buyer on to a card payment (a customer order link's checkout). */
  readonly cardFlow: boolean;
}

/**
 * A door with no card payment of its own: a share link's checkout, a booth order, a
 * checkout the brand completes. Whatever the brand's add-on says, no card is taken there.
 */
export const WITHOUT_CARD_FLOW: PaymentOffer = { stripeCardEnabled: false, cardFlow: false };

/**
 * The payment methods a place may offer (in PAYMENT_METHODS order), of those `allowed`
 * (a link's or catalog's choice): a card method only while the add-on is on and where
 * the card payment can be started.
 */
export function paymentMethodsOffered(
  offer: PaymentOffer,
  allowed: readonly PaymentMethod[] = PAYMENT_METHODS,
): PaymentMethod[] {
  const cards = offer.stripeCardEnabled && offer.cardFlow;
  return PAYMENT_METHODS.filter(
    (method) => allowed.includes(method) && (cards || !CARD_PAYMENT_METHODS.has(method)),
  );
}

export const PAYMENT_REFUSALS = ['payment_method_not_offered'] as const;
export type PaymentRefusal = (typeof PAYMENT_REFUSALS)[number];

/** Why a payment method may not be taken here, or null when it may. */
export function paymentMethodRefusal(
  method: PaymentMethod,
  offer: PaymentOffer,
  allowed: readonly PaymentMethod[] = PAYMENT_METHODS,
): Refusal<PaymentRefusal> | null {
  return paymentMethodsOffered(offer, allowed).includes(method)
    ? null
    : { code: 'payment_method_not_offered', params: { method } };
}

/** What "Complete checkout" asks for, in the order a form shows them. */
export const CHECKOUT_REQUIREMENTS = ['address', 'shipping', 'payment'] as const;
export type CheckoutRequirement = (typeof CHECKOUT_REQUIREMENTS)[number];

export interface CheckoutFacts {
  readonly hasAddress: boolean;
  readonly hasShippingRate: boolean;
  readonly paymentMethod: PaymentMethod | null;
  /** Shipping rate groups apply to this order (the brand, link or catalog has set them up). */
  readonly shippingApplies: boolean;
  /** The address field is shown at checkout ("Show address input field in checkout"). */
  readonly addressAsked: boolean;
}

/**
 * Whether the address is needed. The customer-order-links spec, "Forced Display of
 * Address Input Fields": required "When shipping settings are applied" and "When Stripe
 * Credit Card Payment is selected", whatever the link's Address setting says.
 */
export function addressRequired(
  facts: Omit<CheckoutFacts, 'hasAddress' | 'hasShippingRate'>,
): boolean {
  return (
    facts.addressAsked ||
    facts.shippingApplies ||
    (facts.paymentMethod !== null && PAYMENT_METHODS_NEEDING_ADDRESS.has(facts.paymentMethod))
  );
}

/** What a requested order still lacks before "Complete checkout" can place it; empty when nothing. */
export function missingForCheckout(facts: CheckoutFacts): CheckoutRequirement[] {
  const missing: CheckoutRequirement[] = [];
  if (!facts.hasAddress && addressRequired(facts)) missing.push('address');
  if (!facts.hasShippingRate && facts.shippingApplies) missing.push('shipping');
  if (facts.paymentMethod === null) missing.push('payment');
  return missing;
}

/** A refusal for a checkout that lacks something, naming what (comma-separated, in form order). */
export function checkoutIncomplete(
  missing: readonly CheckoutRequirement[],
): Refusal<OrderStateRefusal> {
  return { code: 'checkout_incomplete', params: { missing: missing.join(',') } };
}
