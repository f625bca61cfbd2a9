import { z } from 'zod';
import { CHECKOUT_CONTACT, type ContactRule } from '../../../main/domain/checkout-contact.ts';

/**
 * The checkout contact as the hub reads it from a request body: the domain's rules as
 * zod checks, so each problem reaches the buyer's page with the code its own check
 * gives (too_small, too_big, invalid_format) and the page shows it at the field.
 */
function text(rule: ContactRule) {
  let field = rule.trim ? z.string().trim() : z.string();
  if (rule.required) field = field.min(1);
  field = field.max(rule.max);
  return rule.pattern ? field.regex(rule.pattern) : field;
}

export const checkoutContactFields = {
  name: text(CHECKOUT_CONTACT.name),
  email: text(CHECKOUT_CONTACT.email),
  phone: text(CHECKOUT_CONTACT.phone).default(''),
  note: text(CHECKOUT_CONTACT.note).default(''),
};
