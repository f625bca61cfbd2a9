import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CHECKOUT_CONTACT,
  CONTACT_FIELDS,
  contactProblem,
} from '../../../main/domain/checkout-contact.ts';
import { checkoutContactFields } from '../../../preload/contract/buyer-api/checkout-contact.ts';

/**
 * The buyer's page checks a contact with the domain's rule, the hub with its zod fields:
 * whatever is typed, both find the same first problem, or none.
 */
describe("the hub's checkout contact fields", () => {
  const typed = fc.oneof(
    fc.string({ maxLength: 300 }),
    fc.emailAddress(),
    fc.tuple(fc.emailAddress(), fc.constantFrom(' ', '.', '@', '..', '-')).map(([a, b]) => a + b),
    fc.string({ minLength: 1990, maxLength: 2010 }),
  );

  it.each(CONTACT_FIELDS)('agree with the page on %s', (field) => {
    fc.assert(
      fc.property(typed, (value) => {
        const parsed = checkoutContactFields[field].safeParse(value);
        const hub = parsed.success ? null : (parsed.error.issues[0]?.code ?? 'unknown');
        expect(hub).toBe(contactProblem(CHECKOUT_CONTACT[field], value));
      }),
      { numRuns: 500 },
    );
  });
});
