import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { v7 as uuidv7 } from 'uuid';
import {
  CHECKOUT_CONTACT,
  CONTACT_FIELDS,
  CONTACT_PROBLEMS,
  contactProblems,
  type ContactField,
  type ContactProblem,
} from '../../main/domain/checkout-contact.ts';
import type { OrderStatus } from '../../preload/contract/orders.ts';
import { checkout, type FieldIssue } from './api.ts';
import { Problem } from './PageStatus.tsx';

type FieldProblems = Partial<Record<ContactField, ContactProblem | 'other'>>;

type FormState =
  | { kind: 'editing'; problem: string | null; fields: FieldProblems }
  | { kind: 'sending' }
  | { kind: 'done'; status: OrderStatus };

const EMPTY: Record<ContactField, string> = { name: '', email: '', phone: '', note: '' };

/**
 * Request Checkout: the buyer's contact and a note; the brand completes the checkout.
 * With prepayment checkout the buyer may complete it here instead. The page checks the
 * contact with the hub's own rules before sending; whatever the hub still finds wrong
 * comes back by field and code, and each problem shows at its field in the page's
 * language.
 */
export function CheckoutForm({
  token,
  prepayment,
  leaveOut,
  orderable,
  styleOf,
}: {
  token: string;
  prepayment: boolean;
  /** Styles past their order deadline, shown so on the sheet: ordered without them. */
  leaveOut: readonly string[];
  /** Lines that can still be ordered; none, and there is nothing to send. */
  orderable: number;
  /** A SKU's style and colour, for a size short of stock to be named with its line. */
  styleOf: ReadonlyMap<string, string>;
}) {
  const { t } = useTranslation();
  // Not crypto.randomUUID(): it exists only in secure contexts, and at a booth the hub
  // serves this page over plain HTTP on the local network.
  const [orderId] = useState(() => uuidv7());
  const [form, setForm] = useState(EMPTY);
  const [state, setState] = useState<FormState>({ kind: 'editing', problem: null, fields: {} });
  const done = useRef<HTMLHeadingElement>(null);
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    // Keyboard and screen reader users land on the outcome, not on a vanished button.
    if (state.kind === 'done') done.current?.focus();
    // …and on the first field to correct, which names its problem.
    if (state.kind === 'editing') {
      formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
    }
  }, [state]);

  if (state.kind === 'done') {
    return (
      <section className="checkout checkout--done" role="status" aria-labelledby="checkout-title">
        <h2 id="checkout-title" tabIndex={-1} ref={done}>
          {state.status}
        </h2>
        <p>{state.status === 'Order' ? t('shared.ordered') : t('shared.requested')}</p>
      </section>
    );
  }
  const send = async (complete: boolean) => {
    const found = contactProblems(form);
    if (Object.keys(found).length > 0) {
      setState({ kind: 'editing', problem: null, fields: found });
      return;
    }
    setState({ kind: 'sending' });
    try {
      const answer = await checkout(token, { orderId, ...form, complete }, leaveOut);
      if (answer.ok) {
        setState({ kind: 'done', status: answer.status });
        return;
      }
      const fields = fieldProblems(answer.issues);
      const problem =
        Object.keys(fields).length > 0
          ? null
          : answer.code === 'deadline_passed'
            ? t('shared.deadlineRefused', { styles: answer.params.styles })
            : answer.code === 'link_expired'
              ? t('shared.expired')
              : answer.code === 'rate_limited'
                ? t('shared.limited')
                : answer.code === 'insufficient_stock'
                  ? [
                      ...answer.shortSizes.map((short) =>
                        t('shared.onlyLeft', { ...short, style: styleOf.get(short.skuId) ?? '' }),
                      ),
                      t('shared.stockShort'),
                    ].join(' ')
                  : t('shared.checkoutFailed');
      setState({ kind: 'editing', problem, fields });
    } catch {
      setState({ kind: 'editing', problem: t('unreachable'), fields: {} });
    }
  };
  const problemOf = (field: ContactField): string | null => {
    const problem = state.kind === 'editing' ? state.fields[field] : undefined;
    if (!problem) return null;
    if (problem === 'too_small') {
      return field === 'email' ? t('shared.emailMissing') : t('shared.nameMissing');
    }
    if (problem === 'too_big') return t('shared.tooLong', { max: CHECKOUT_CONTACT[field].max });
    if (problem === 'invalid_format') return t('shared.emailInvalid');
    return t('shared.fieldInvalid');
  };
  const field = (key: ContactField, label: string, type: string) => {
    const problem = problemOf(key);
    const control = {
      id: `checkout-${key}`,
      value: form[key],
      required: CHECKOUT_CONTACT[key].required,
      maxLength: CHECKOUT_CONTACT[key].max,
      'aria-invalid': problem ? true : undefined,
      'aria-describedby': problem ? `checkout-${key}-problem` : undefined,
      onChange: (event: { target: { value: string } }) =>
        setForm({ ...form, [key]: event.target.value }),
    };
    return (
      <div className="checkout__field">
        <label htmlFor={control.id}>{label}</label>
        {key === 'note' ? (
          <textarea {...control} rows={3} />
        ) : (
          <input {...control} type={type} autoComplete={key === 'phone' ? 'tel' : key} />
        )}
        {problem ? (
          <p id={`checkout-${key}-problem`} className="checkout__problem">
            {problem}
          </p>
        ) : null}
      </div>
    );
  };
  return (
    <form
      ref={formRef}
      className="checkout"
      aria-labelledby="checkout-title"
      // The page checks the contact itself, in the buyer's language, with the hub's rules.
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void send(false);
      }}
    >
      <h2 id="checkout-title">{t('shared.checkoutTitle')}</h2>
      <p>{prepayment ? t('shared.checkoutLeadPrepay') : t('shared.checkoutLead')}</p>
      {orderable === 0 ? (
        <p className="notice notice--error">{t('shared.nothingOrderable')}</p>
      ) : leaveOut.length > 0 ? (
        <p className="notice">{t('shared.leftOut', { count: leaveOut.length })}</p>
      ) : null}
      {field('name', t('shared.name'), 'text')}
      {field('email', t('shared.email'), 'email')}
      {field('phone', t('shared.phone'), 'tel')}
      {field('note', t('shared.note'), 'text')}
      {state.kind === 'editing' && state.problem ? <Problem message={state.problem} /> : null}
      <div className="checkout__actions">
        <button
          type="submit"
          className="button button--primary"
          disabled={state.kind === 'sending' || orderable === 0}
        >
          Request Checkout
        </button>
        {prepayment ? (
          <button
            type="button"
            className="button"
            disabled={state.kind === 'sending' || orderable === 0}
            onClick={() => void send(true)}
          >
            {t('shared.completeCheckout')}
          </button>
        ) : null}
      </div>
    </form>
  );
}

/** The hub's problems that concern the contact fields, the first of each field. */
function fieldProblems(issues: readonly FieldIssue[]): FieldProblems {
  const fields: FieldProblems = {};
  for (const issue of issues) {
    const field = CONTACT_FIELDS.find((name) => name === issue.path);
    if (!field || fields[field]) continue;
    fields[field] = CONTACT_PROBLEMS.find((code) => code === issue.code) ?? 'other';
  }
  return fields;
}
