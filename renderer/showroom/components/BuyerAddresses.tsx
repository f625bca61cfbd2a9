import { useEffect, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { ADDRESS_FIELD_NAMES, type AddressField } from '../../../main/domain/addresses.ts';
import type { BuyerAddress } from '../../../preload/contract/index.ts';
import { AddressFields, type AddressFieldsText } from '../../ui/AddressFields.tsx';
import { countryOptions } from '../../ui/countries.ts';
import { Field } from '../../ui/Field.tsx';
import { useBuyerAddressesStore, type FieldProblem } from '../state/buyerAddresses.ts';
import { useSyncStore } from '../state/sync.ts';
import './BuyerAddresses.css';
import { InlineEditorActions } from './InlineEditorActions.tsx';

/** A problem's code in the person's words (keys under buyers.addresses.problem). */
export function problemText(
  t: TFunction,
  problem: FieldProblem | null | undefined,
): string | undefined {
  if (!problem) return undefined;
  const key = `buyers.addresses.problem.${problem.code}`;
  return t(key, { ...problem.params, defaultValue: t('buyers.addresses.problem.unexpected') });
}

export function fieldsText(t: TFunction): AddressFieldsText {
  const labels = Object.fromEntries(
    ADDRESS_FIELD_NAMES.map((field) => [field, t(`buyers.addresses.fields.${field}`)]),
  ) as Record<AddressField, string>;
  return {
    labels,
    optional: t('buyers.addresses.optional'),
    chooseCountry: t('buyers.addresses.chooseCountry'),
  };
}

/**
 * The Addresses section of a buyer's dialog: the contact email, the bill-to address and
 * the ship-to addresses, each added, changed or removed here. It sits inside the
 * dialog's form, so its buttons are plain buttons and Enter saves the address (or the
 * email) being typed rather than the dialog.
 */
export function BuyerAddresses({ buyerId }: { buyerId: string }) {
  const { t, i18n } = useTranslation();
  const book = useBuyerAddressesStore((state) => (state.buyerId === buyerId ? state.book : null));
  const loadProblem = useBuyerAddressesStore((state) => state.loadProblem);
  const edit = useBuyerAddressesStore((state) => state.edit);
  const load = useBuyerAddressesStore((state) => state.load);
  const clear = useBuyerAddressesStore((state) => state.clear);
  const startAdd = useBuyerAddressesStore((state) => state.startAdd);
  const dataVersion = useSyncStore((state) => state.status?.dataVersion);

  useEffect(() => {
    void load(buyerId);
  }, [buyerId, dataVersion, load]);
  useEffect(() => clear, [clear]);

  const countries = countryOptions(i18n.language);
  const countryName = (code: string) =>
    countries.find((country) => country.code === code)?.name ?? code;

  return (
    <section className="addresses" aria-labelledby="addresses-title">
      <h3 id="addresses-title" className="buyer-form__section-title">
        {t('buyers.addresses.title')}
      </h3>
      {loadProblem ? (
        <p className="notice notice--error" role="alert">
          {t('buyers.addresses.failed')} {loadProblem}
        </p>
      ) : null}
      <ContactEmail />
      <div className="addresses__group">
        <h4 className="addresses__group-title">{t('buyers.addresses.billTo')}</h4>
        {book?.billTo ? (
          <AddressCard address={book.billTo} countryName={countryName} />
        ) : (
          <p className="buyer-form__note">{t('buyers.addresses.noBillTo')}</p>
        )}
        {book && !book.billTo && edit?.kind !== 'bill_to' ? (
          <button type="button" className="button" onClick={() => startAdd('bill_to')}>
            {t('buyers.addresses.addBillTo')}
          </button>
        ) : null}
      </div>
      <div className="addresses__group">
        <h4 className="addresses__group-title">{t('buyers.addresses.shipTo')}</h4>
        {book && book.shipTo.length === 0 ? (
          <p className="buyer-form__note">{t('buyers.addresses.noShipTo')}</p>
        ) : (
          <ul className="addresses__list">
            {book?.shipTo.map((address) => (
              <li key={address.id}>
                <AddressCard address={address} countryName={countryName} />
              </li>
            ))}
          </ul>
        )}
        {book && edit === null ? (
          <button type="button" className="button" onClick={() => startAdd('ship_to')}>
            {t('buyers.addresses.addShipTo')}
          </button>
        ) : null}
      </div>
      {edit ? <AddressEditor /> : null}
    </section>
  );
}

function AddressCard({
  address,
  countryName,
}: {
  address: BuyerAddress;
  countryName: (code: string) => string;
}) {
  const { t } = useTranslation();
  const startEdit = useBuyerAddressesStore((state) => state.startEdit);
  const remove = useBuyerAddressesStore((state) => state.remove);
  const removing = useBuyerAddressesStore((state) => state.removing === address.id);
  const lines = [
    address.line1,
    address.line2,
    [address.postalCode, address.city].filter(Boolean).join(' '),
    address.region,
    countryName(address.country),
    address.phone,
  ].filter(Boolean);
  return (
    <div className="address-card">
      <address className="address-card__text">
        <strong>{address.name}</strong>
        {lines.map((line, index) => (
          <span key={index}>{line}</span>
        ))}
      </address>
      <div className="address-card__actions">
        <button
          type="button"
          className="button button--quiet"
          aria-label={t('buyers.addresses.editLabel', { name: address.name })}
          onClick={() => startEdit(address)}
        >
          {t('buyers.addresses.edit')}
        </button>
        <button
          type="button"
          className="button button--quiet"
          aria-label={t('buyers.addresses.removeLabel', { name: address.name })}
          aria-disabled={removing}
          onClick={() => void remove(address)}
        >
          {t('buyers.addresses.remove')}
        </button>
      </div>
    </div>
  );
}

/** Enter in a field saves what the section is editing, not the dialog around it. */
function onEnter(action: () => void) {
  return (event: KeyboardEvent) => {
    if (event.key !== 'Enter' || !(event.target instanceof HTMLInputElement)) return;
    event.preventDefault();
    action();
  };
}

function AddressEditor() {
  const { t, i18n } = useTranslation();
  const edit = useBuyerAddressesStore((state) => state.edit);
  const change = useBuyerAddressesStore((state) => state.change);
  const save = useBuyerAddressesStore((state) => state.save);
  const cancel = useBuyerAddressesStore((state) => state.cancel);
  if (!edit) return null;
  const title =
    edit.kind === 'bill_to'
      ? t(edit.id ? 'buyers.addresses.editBillTo' : 'buyers.addresses.newBillTo')
      : t(edit.id ? 'buyers.addresses.editShipTo' : 'buyers.addresses.newShipTo');
  const problems = Object.fromEntries(
    ADDRESS_FIELD_NAMES.flatMap((field) => {
      const text = problemText(t, edit.problems[field]);
      return text ? [[field, text]] : [];
    }),
  );
  const other = edit.problems.kind ? problemText(t, edit.problems.kind) : edit.failure;
  return (
    <div
      className="addresses__editor"
      role="group"
      aria-labelledby="address-editor-title"
      onKeyDown={onEnter(() => void save())}
    >
      <h4 id="address-editor-title" className="addresses__group-title">
        {title}
      </h4>
      <AddressFields
        value={edit.draft}
        problems={problems}
        countries={countryOptions(i18n.language)}
        text={fieldsText(t)}
        onChange={change}
        autoFocus
      />
      {other ? (
        <p className="notice notice--error" role="alert">
          {t('buyers.addresses.notSaved')} {other}
        </p>
      ) : null}
      <InlineEditorActions
        saveLabel={t('buyers.addresses.save')}
        busy={edit.saving}
        onCancel={cancel}
        onSave={() => void save()}
      />
    </div>
  );
}

function ContactEmail() {
  const { t } = useTranslation();
  const email = useBuyerAddressesStore((state) => state.email);
  const changeEmail = useBuyerAddressesStore((state) => state.changeEmail);
  const saveEmail = useBuyerAddressesStore((state) => state.saveEmail);
  return (
    <div className="addresses__email" onKeyDown={onEnter(() => void saveEmail())}>
      <Field
        label={t('buyers.addresses.contactEmail')}
        hint={
          email.saved ? t('buyers.addresses.emailSaved') : t('buyers.addresses.contactEmailHint')
        }
        error={problemText(t, email.problem)}
      >
        {(control) => (
          <input
            {...control}
            className="field__control"
            type="email"
            autoComplete="email"
            value={email.draft}
            onChange={(event) => changeEmail(event.target.value)}
          />
        )}
      </Field>
      <button
        type="button"
        className="button"
        aria-disabled={email.saving}
        onClick={() => void saveEmail()}
      >
        {t('buyers.addresses.saveEmail')}
      </button>
    </div>
  );
}
