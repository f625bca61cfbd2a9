import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { CATALOG_ADDRESS_FIELDS } from '../../../main/domain/catalogs.ts';
import {
  CUSTOMER_ORDER_LINK_REFUSALS,
  customerOrderLinkProblems,
  LINK_CONTACT_LIMITS,
  MAX_LINK_DESCRIPTION,
  MAX_LINK_NAME,
  MAX_LINK_PASSCODE,
  MIN_LINK_PASSCODE,
  newLinkSettings,
  type LinkContact,
  type LinkField,
} from '../../../main/domain/customer-order-links.ts';
import type {
  CustomerOrderLinkChoices,
  CustomerOrderLinkDetail,
  CustomerOrderLinkSummary,
  LinkSettingsInput,
} from '../../../preload/contract/index.ts';
import { ChoiceGroup, Field } from '../../ui/Field.tsx';
import { errorMessage, trunkshow } from '../api.ts';
import { usePaymentMethods } from '../hooks/usePaymentMethods.ts';
import { instantOf, localInput, localZoneWithOffset } from '../local-time.ts';
import { LinkBackgroundField, LinkVideoField } from './CustomerOrderLinkMedia.tsx';
import { LocalDateTimeField } from './LocalDateTimeField.tsx';
import { Switch } from './Switch.tsx';

type Settings = LinkSettingsInput;
type ContactField = keyof LinkContact;
const CONTACT_FIELDS = Object.keys(LINK_CONTACT_LIMITS) as ContactField[];

/** The form's problems: each at its field, a contact's at that contact's box. */
interface Problems {
  fields: Partial<Record<LinkField, string>>;
  contacts: Partial<Record<number, Partial<Record<ContactField, string>>>>;
}

const NO_PROBLEMS: Problems = { fields: {}, contacts: {} };

const isLinkRefusal = (code: string | undefined): boolean =>
  (CUSTOMER_ORDER_LINK_REFUSALS as readonly (string | undefined)[]).includes(code);

/**
 * Problems as the domain or the service names them (`{path, code, params}`), in the
 * admin's words at their fields; none when no problem is a link rule's (the caller
 * then says what went wrong in general).
 */
function problemsAt(
  t: TFunction,
  countryName: (code: string) => string,
  issues: readonly { path: string; code?: string; params?: Record<string, string | number> }[],
): Problems | null {
  const found: Problems = { fields: {}, contacts: {} };
  let any = false;
  for (const { path, code, params = {} } of issues) {
    if (!isLinkRefusal(code)) continue;
    any = true;
    const words = t(`links.problems.${code}`, {
      ...params,
      ...(typeof params.country === 'string' ? { country: countryName(params.country) } : {}),
      defaultValue: t('unexpected'),
    });
    const index = typeof params.index === 'number' ? params.index : null;
    const field = CONTACT_FIELDS.find((name) => name === params.field);
    if (path === 'contacts' && index !== null && field) {
      const contact = (found.contacts[index] ??= {});
      contact[field] ??= words;
    } else {
      found.fields[path as LinkField] ??= words;
    }
  }
  return any ? found : null;
}

/** The form's own state: what the settings hold, plus what is typed before it is an instant. */
interface Draft {
  settings: Settings;
  releaseOn: boolean;
  release: string;
  expiryOn: boolean;
  expiry: string;
  passcode: string;
}

function draftOf(detail: CustomerOrderLinkDetail | null): Draft {
  const settings: Settings = detail ? detail.settings : newLinkSettings();
  return {
    settings,
    releaseOn: settings.releaseAt !== null,
    release: localInput(settings.releaseAt),
    expiryOn: settings.expiresAt !== null,
    expiry: localInput(settings.expiresAt),
    passcode: '',
  };
}

/** What is sent: dates as instants (a toggle on with no date is no date, said at its field). */
function inputOf(draft: Draft): { settings: LinkSettingsInput; passcode: string | null } {
  const { settings } = draft;
  return {
    settings: {
      ...settings,
      releaseAt: draft.releaseOn ? (instantOf(draft.release) ?? '') : null,
      expiresAt: draft.expiryOn ? (instantOf(draft.expiry) ?? '') : null,
    },
    passcode: settings.passcodeEnabled && draft.passcode !== '' ? draft.passcode : null,
  };
}

const toggled = <Value,>(list: readonly Value[], value: Value, on: boolean): Value[] =>
  on ? [...list.filter((item) => item !== value), value] : list.filter((item) => item !== value);

/**
 * "Create a New Customer Link", or the same page to edit one: every field of the spec in
 * its order, each problem said at its field (a contact's at that contact's box), and
 * nothing saved while one is wrong. The domain's rules are checked here first; the
 * service's answer decides.
 */
export function CustomerOrderLinkForm({
  detail,
  choices,
  onCancel,
  onCreated,
  onSaved,
}: {
  /** The link to edit, as `customerOrderLinks.get` answered; null for a new one. */
  detail: CustomerOrderLinkDetail | null;
  choices: CustomerOrderLinkChoices;
  onCancel: () => void;
  onCreated: (created: { link: CustomerOrderLinkSummary; url: string }) => void;
  onSaved: (link: CustomerOrderLinkSummary) => void;
}) {
  const { t, i18n } = useTranslation();
  const [draft, setDraft] = useState<Draft>(() => draftOf(detail));
  const [problems, setProblems] = useState<Problems>(NO_PROBLEMS);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [attempts, setAttempts] = useState(0);
  const form = useRef<HTMLFormElement>(null);
  const zoneId = useId();
  const titleId = useId();
  const hasPasscode = detail?.hasPasscode ?? false;
  const { settings } = draft;
  const paymentMethods = usePaymentMethods(detail?.settings.paymentMethods ?? []);
  const regions = new Intl.DisplayNames([i18n.language], { type: 'region', fallback: 'code' });
  const countryName = (code: string) => regions.of(code) ?? code;

  // After a refused attempt, the first field marked takes the focus.
  useEffect(() => {
    if (attempts === 0) return;
    form.current
      ?.querySelector<HTMLElement>('[aria-invalid="true"], .link-form__invalid input')
      ?.focus();
  }, [attempts]);

  const set = (change: Partial<Settings>) =>
    setDraft((current) => ({ ...current, settings: { ...current.settings, ...change } }));
  const setContact = (index: number, field: ContactField, value: string) =>
    set({
      contacts: settings.contacts.map((contact, at) =>
        at === index ? { ...contact, [field]: value } : contact,
      ),
    });

  const refuse = (found: Problems) => {
    setProblems(found);
    setNotice(t('links.form.fix'));
    setAttempts((count) => count + 1);
  };

  const submit = async () => {
    const input = inputOf(draft);
    const found = problemsAt(
      t,
      countryName,
      customerOrderLinkProblems(input.settings, { passcode: input.passcode, hasPasscode }).map(
        ({ field, code, params }) => ({ path: field, code, params }),
      ),
    );
    if (found) {
      refuse(found);
      return;
    }
    setBusy(true);
    try {
      if (detail) {
        onSaved(await trunkshow().invoke('customerOrderLinks.save', { id: detail.id, ...input }));
      } else {
        onCreated(await trunkshow().invoke('customerOrderLinks.create', input));
      }
    } catch (failure) {
      const issues = (failure as { issues?: Parameters<typeof problemsAt>[2] }).issues ?? [];
      const fromMain = problemsAt(t, countryName, issues);
      if (fromMain) {
        refuse(fromMain);
      } else {
        setProblems(NO_PROBLEMS);
        setNotice(errorMessage(failure, t('unexpected')));
      }
    } finally {
      setBusy(false);
    }
  };

  const error = (field: LinkField) => problems.fields[field];
  const zone = localZoneWithOffset(i18n.language);

  const dateField = (which: 'release' | 'expiry') => {
    const on = which === 'release' ? draft.releaseOn : draft.expiryOn;
    const field = which === 'release' ? 'releaseAt' : 'expiresAt';
    return (
      <div className="link-form__date">
        <Switch
          label={t(`links.form.${which}`)}
          checked={on}
          onChange={(checked) =>
            setDraft((current) => ({
              ...current,
              [which === 'release' ? 'releaseOn' : 'expiryOn']: checked,
            }))
          }
        />
        {on ? (
          <LocalDateTimeField
            label={t(`links.form.${field}`)}
            error={error(field)}
            zoneId={zoneId}
            value={which === 'release' ? draft.release : draft.expiry}
            onChange={(value) => setDraft((current) => ({ ...current, [which]: value }))}
          />
        ) : null}
      </div>
    );
  };

  return (
    <form
      ref={form}
      className="link-form"
      aria-labelledby={titleId}
      aria-busy={busy}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <div className="link-form__head">
        <button type="button" className="button button--quiet" onClick={onCancel}>
          <span aria-hidden="true">←</span> {t('links.form.back')}
        </button>
        <h3 id={titleId} className="link-form__title">
          {detail
            ? t('links.form.editTitle', { name: detail.settings.name })
            : t('links.form.createTitle')}
        </h3>
      </div>

      <section className="link-form__section" aria-labelledby={`${titleId}-basics`}>
        <h4 id={`${titleId}-basics`}>{t('links.form.basics')}</h4>
        <Field label={t('links.form.name')} hint={t('links.form.nameHint')} error={error('name')}>
          {(control) => (
            <input
              {...control}
              className="field__control"
              value={settings.name}
              maxLength={MAX_LINK_NAME * 2}
              autoFocus
              onChange={(event) => set({ name: event.target.value })}
            />
          )}
        </Field>
        <Switch
          label={t('links.form.viewOnly')}
          hint={t('links.form.viewOnlyHint')}
          checked={settings.viewOnly}
          onChange={(viewOnly) => set({ viewOnly })}
        />
        <Switch
          label={t('links.form.transition')}
          hint={t('links.form.transitionHint')}
          checked={settings.offlineBuyerTransition}
          onChange={(offlineBuyerTransition) => set({ offlineBuyerTransition })}
        />
        <div className="link-form__choice">
          <ChoiceGroup
            legend={t('links.form.address')}
            name="link-address-field"
            value={settings.addressField}
            options={CATALOG_ADDRESS_FIELDS.map((value) => ({
              value,
              label: t(value === 'show' ? 'links.form.addressShow' : 'links.form.addressHide'),
            }))}
            onChange={(addressField) => set({ addressField })}
            error={error('addressField')}
          />
          <p className="field__hint">{t('links.form.addressForced')}</p>
        </div>
        <div className="link-form__dates">
          {dateField('release')}
          {dateField('expiry')}
        </div>
        <p id={zoneId} className="link-form__zone">
          {t('links.form.zone', { zone })}
        </p>
        <Switch
          label={t('links.form.passcode')}
          checked={settings.passcodeEnabled}
          onChange={(passcodeEnabled) => set({ passcodeEnabled })}
        />
        {settings.passcodeEnabled ? (
          <Field
            className="link-form__passcode"
            label={t('links.form.passcodeField')}
            hint={
              hasPasscode
                ? t('links.form.passcodeKeep')
                : t('links.form.passcodeHint', { min: MIN_LINK_PASSCODE })
            }
            error={error('passcode')}
          >
            {(control) => (
              <input
                {...control}
                type="password"
                autoComplete="new-password"
                className="field__control"
                value={draft.passcode}
                maxLength={MAX_LINK_PASSCODE * 2}
                onChange={(event) => {
                  const passcode = event.target.value;
                  setDraft((current) => ({ ...current, passcode }));
                }}
              />
            )}
          </Field>
        ) : null}
        <CheckGroup
          legend={t('links.form.catalogs')}
          hint={t('links.form.catalogsHint')}
          empty={t('links.form.noCatalogs')}
          error={error('catalogIds')}
          options={choices.catalogs.map((catalog) => ({
            id: catalog.id,
            label: catalog.name,
            detail: (
              <span className={`catalog-status catalog-status--${catalog.status}`}>
                {t(`filters.status.${catalog.status}`)}
              </span>
            ),
          }))}
          chosen={settings.catalogIds}
          onChange={(id, on) => set({ catalogIds: toggled(settings.catalogIds, id, on) })}
        />
        <Field
          label={t('links.form.description')}
          hint={t('links.form.descriptionHint')}
          error={error('description')}
        >
          {(control) => (
            <textarea
              {...control}
              className="field__control link-form__textarea"
              rows={3}
              value={settings.description}
              maxLength={MAX_LINK_DESCRIPTION * 2}
              onChange={(event) => set({ description: event.target.value })}
            />
          )}
        </Field>
      </section>

      <section className="link-form__section" aria-labelledby={`${titleId}-payment`}>
        <h4 id={`${titleId}-payment`}>{t('links.form.paymentShipping')}</h4>
        <CheckGroup
          legend={t('links.form.payment')}
          error={error('paymentMethods')}
          options={paymentMethods.map((method) => ({
            id: method,
            label: t(`placeOrder.paymentMethod.${method}`),
          }))}
          chosen={settings.paymentMethods}
          onChange={(method, on) =>
            set({ paymentMethods: toggled(settings.paymentMethods, method, on) })
          }
        />
        <CheckGroup
          legend={t('links.form.shipping')}
          hint={t('links.form.shippingHint')}
          empty={t('links.form.noRateGroups')}
          error={error('shippingRateGroupIds')}
          options={choices.rateGroups.map((group) => ({
            id: group.id,
            label: group.name,
            detail: (
              <span className="link-form__covers">
                {coverage(group.rates, countryName, i18n.language, t)}
              </span>
            ),
          }))}
          chosen={settings.shippingRateGroupIds}
          onChange={(id, on) =>
            set({ shippingRateGroupIds: toggled(settings.shippingRateGroupIds, id, on) })
          }
        />
      </section>

      <section className="link-form__section" aria-labelledby={`${titleId}-media`}>
        <h4 id={`${titleId}-media`}>{t('links.form.media')}</h4>
        <LinkVideoField
          value={settings.video}
          onChange={(video) => set({ video })}
          error={error('video')}
        />
        <LinkBackgroundField
          value={settings.background}
          onChange={(background) => set({ background })}
          error={error('background')}
        />
        <CheckGroup
          legend={t('links.form.lookbooks')}
          hint={t('links.form.lookbooksHint')}
          empty={t('links.form.noLookbooks')}
          error={error('lookbookIds')}
          options={choices.lookbooks.map((lookbook) => ({
            id: lookbook.id,
            label: lookbook.name,
            detail:
              lookbook.status === 'Draft' ? (
                <span className="tag">{t('links.form.draft')}</span>
              ) : null,
          }))}
          chosen={settings.lookbookIds}
          onChange={(id, on) => set({ lookbookIds: toggled(settings.lookbookIds, id, on) })}
        />
      </section>

      <section className="link-form__section" aria-labelledby={`${titleId}-contacts`}>
        <h4 id={`${titleId}-contacts`}>{t('links.form.contactInformation')}</h4>
        <p className="field__hint">{t('links.form.contactsHint')}</p>
        {settings.contacts.map((contact, index) => (
          <fieldset key={index} className="link-form__contact">
            <legend className="field__label">
              {t('links.form.contact', { number: index + 1 })}
            </legend>
            <button
              type="button"
              className="button button--quiet link-form__remove"
              aria-label={t('links.form.removeContact', { number: index + 1 })}
              title={t('links.form.removeContact', { number: index + 1 })}
              onClick={() => set({ contacts: settings.contacts.filter((_, at) => at !== index) })}
            >
              <TrashIcon />
            </button>
            <div className="link-form__contact-fields">
              {CONTACT_FIELDS.map((field) => (
                <Field
                  key={field}
                  className={`link-form__contact-${field}`}
                  label={t(`links.form.${field}`)}
                  hint={field === 'note' ? t('links.form.noteHint') : undefined}
                  error={problems.contacts[index]?.[field]}
                >
                  {(control) => (
                    <input
                      {...control}
                      type={field === 'email' ? 'email' : field === 'phone' ? 'tel' : 'text'}
                      className="field__control"
                      value={contact[field]}
                      maxLength={LINK_CONTACT_LIMITS[field] * 2}
                      onChange={(event) => setContact(index, field, event.target.value)}
                    />
                  )}
                </Field>
              ))}
            </div>
          </fieldset>
        ))}
        {error('contacts') ? (
          <p className="field__error" role="alert">
            {error('contacts')}
          </p>
        ) : null}
        <button
          type="button"
          className="button button--quiet"
          onClick={() =>
            set({
              contacts: [
                ...settings.contacts,
                { firstName: '', lastName: '', email: '', phone: '', note: '' },
              ],
            })
          }
        >
          {t('links.form.addContact')}
        </button>
      </section>

      {notice ? (
        <p className="notice notice--error" role="alert">
          {notice}
        </p>
      ) : null}
      <div className="link-form__actions">
        <button type="button" className="button" onClick={onCancel}>
          {t('cancel')}
        </button>
        <button type="submit" className="button button--primary" disabled={busy}>
          {detail ? t('links.form.save') : t('links.form.create')}
        </button>
      </div>
    </form>
  );
}

/** What a rate group prices: its countries per currency, e.g. "Sweden and Norway in SEK". */
function coverage(
  rates: readonly { country: string; currency: string }[],
  countryName: (code: string) => string,
  language: string,
  t: TFunction,
): string {
  const list = new Intl.ListFormat(language, { type: 'conjunction' });
  const byCurrency = new Map<string, string[]>();
  for (const { country, currency } of rates) {
    byCurrency.set(currency, [...(byCurrency.get(currency) ?? []), countryName(country)]);
  }
  return [...byCurrency]
    .map(([currency, countries]) =>
      t('links.form.covers', { countries: list.format(countries), currency }),
    )
    .join('; ');
}

/** Several of a list may be chosen (catalogs, rate groups, lookbooks), each with a detail beside its name. */
function CheckGroup<Id extends string>({
  legend,
  hint,
  empty,
  error,
  options,
  chosen,
  onChange,
}: {
  legend: string;
  hint?: string;
  empty?: string;
  error: string | undefined;
  options: readonly { id: Id; label: string; detail?: ReactNode }[];
  chosen: readonly string[];
  onChange: (id: Id, on: boolean) => void;
}) {
  const hintId = useId();
  const errorId = useId();
  const describedBy = [error ? errorId : null, hint ? hintId : null].filter(Boolean).join(' ');
  return (
    <fieldset
      className={`link-form__checks${error ? ' link-form__invalid' : ''}`}
      aria-describedby={describedBy || undefined}
    >
      <legend className="field__label">{legend}</legend>
      {hint ? (
        <p id={hintId} className="field__hint">
          {hint}
        </p>
      ) : null}
      {options.length === 0 && empty ? <p className="field__hint">{empty}</p> : null}
      {options.map((option) => (
        <label key={option.id} className="link-form__check">
          <input
            type="checkbox"
            checked={chosen.includes(option.id)}
            onChange={(event) => onChange(option.id, event.target.checked)}
          />
          <span className="link-form__check-name">{option.label}</span>
          {option.detail}
        </label>
      ))}
      {error ? (
        <p id={errorId} className="field__error">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}

function TrashIcon() {
  return (
    <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
      <path
        d="M2.5 4h11M6 4V2.5h4V4m-6 0 .7 9.5h6.6L12 4M6.8 6.5v5m2.4-5v5"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.3"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}
