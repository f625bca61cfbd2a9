/**
 * The contact a buyer leaves with Request Checkout (or a prepaid checkout) from a share
 * link. The buyer's page checks it before sending and the hub checks it again on
 * arrival, both with these rules, so a contact the page accepts is one the hub accepts.
 */

/**
 * An email address a message can be delivered to: a dot-atom local part (the characters
 * browsers accept in an email field, no leading, trailing or doubled dot) of at most 64
 * characters, and a domain of two or more labels (`shop.example`, not `shop`).
 */
export const EMAIL_PATTERN =
  /^(?=[^@]{1,64}@)[\w!#$%&'*+/=?^`{|}~-]+(?:\.[\w!#$%&'*+/=?^`{|}~-]+)*@(?:[a-z\d](?:[a-z\d-]{0,61}[a-z\d])?\.)+[a-z\d](?:[a-z\d-]{0,61}[a-z\d])?$/i;

export interface ContactRule {
  /** Surrounding spaces are dropped before checking and storing. */
  readonly trim: boolean;
  readonly required: boolean;
  readonly max: number;
  readonly pattern?: RegExp;
}

export const CHECKOUT_CONTACT = {
  name: { trim: true, required: true, max: 200 },
  // 254: the longest address mail servers carry (RFC 5321).
  email: { trim: true, required: true, max: 254, pattern: EMAIL_PATTERN },
  phone: { trim: true, required: false, max: 40 },
  note: { trim: false, required: false, max: 2000 },
} as const satisfies Record<string, ContactRule>;

export type ContactField = keyof typeof CHECKOUT_CONTACT;
export const CONTACT_FIELDS = Object.keys(CHECKOUT_CONTACT) as ContactField[];

/**
 * What is wrong with a field, named as the hub's invalid_input answer names each problem
 * (`issues[].code`): missing, too long, not in the expected form.
 */
export const CONTACT_PROBLEMS = ['too_small', 'too_big', 'invalid_format'] as const;
export type ContactProblem = (typeof CONTACT_PROBLEMS)[number];

/** The first problem of a field's value under its rule, or null when it is fine. */
export function contactProblem(rule: ContactRule, value: string): ContactProblem | null {
  const text = rule.trim ? value.trim() : value;
  if (rule.required && text.length === 0) return 'too_small';
  if (text.length > rule.max) return 'too_big';
  if (rule.pattern && text.length > 0 && !rule.pattern.test(text)) return 'invalid_format';
  return null;
}

/** Every field's problem, for a form that shows each at its field. */
export function contactProblems(
  contact: Readonly<Record<ContactField, string>>,
): Partial<Record<ContactField, ContactProblem>> {
  const problems: Partial<Record<ContactField, ContactProblem>> = {};
  for (const field of CONTACT_FIELDS) {
    const problem = contactProblem(CHECKOUT_CONTACT[field], contact[field]);
    if (problem) problems[field] = problem;
  }
  return problems;
}
