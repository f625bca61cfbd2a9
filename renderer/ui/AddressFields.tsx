import type { AddressField, AddressFields as Address } from '../../main/domain/addresses.ts';
import type { CountryOption } from './countries.ts';
import { Field } from './Field.tsx';
import './AddressFields.css';

/** What the fields say, in the page's language: each app brings its own words. */
export interface AddressFieldsText {
  labels: Readonly<Record<AddressField, string>>;
  /** The country picker's first, empty choice. */
  chooseCountry: string;
  optional: string;
}

/** The `autocomplete` token of each field, so browsers fill addresses they know. */
const AUTOCOMPLETE: Readonly<Record<AddressField, string>> = {
  name: 'organization',
  line1: 'address-line1',
  line2: 'address-line2',
  postalCode: 'postal-code',
  city: 'address-level2',
  region: 'address-level1',
  country: 'country',
  phone: 'tel',
};

const TEXT_FIELDS = ['name', 'line1', 'line2'] as const;
const OPTIONAL: ReadonlySet<AddressField> = new Set(['line2', 'postalCode', 'region', 'phone']);

/**
 * An address's fields, each with its problem shown at the field. The form holds no
 * rule: what is wrong comes in `problems`, already in the page's words, from whoever
 * judged the address (the desktop's service, later the hub's checkout). The country
 * is a select of names in the page's language; typing a name's first letters jumps to it.
 */
export function AddressFields({
  value,
  problems,
  countries,
  text,
  onChange,
  autoFocus = false,
}: {
  value: Readonly<Address>;
  problems: Readonly<Partial<Record<AddressField, string>>>;
  countries: readonly CountryOption[];
  text: AddressFieldsText;
  onChange: (patch: Partial<Address>) => void;
  autoFocus?: boolean;
}) {
  const label = (field: AddressField) =>
    OPTIONAL.has(field) ? `${text.labels[field]} ${text.optional}` : text.labels[field];
  const input = (field: AddressField, extra: { autoFocus?: boolean; type?: string } = {}) => (
    <Field key={field} label={label(field)} error={problems[field]} className={`address__${field}`}>
      {(control) => (
        <input
          {...control}
          className="field__control"
          type={extra.type ?? 'text'}
          value={value[field]}
          autoComplete={AUTOCOMPLETE[field]}
          {...(extra.autoFocus ? { 'data-autofocus': true, autoFocus: true } : {})}
          onChange={(event) => onChange({ [field]: event.target.value })}
        />
      )}
    </Field>
  );
  const known = countries.some((country) => country.code === value.country);
  return (
    <div className="address">
      {TEXT_FIELDS.map((field) => input(field, { autoFocus: autoFocus && field === 'name' }))}
      <div className="address__row">
        {input('postalCode')}
        {input('city')}
      </div>
      <div className="address__row">
        {input('region')}
        <Field label={label('country')} error={problems.country} className="address__country">
          {(control) => (
            <select
              {...control}
              className="field__control"
              value={value.country}
              autoComplete={AUTOCOMPLETE.country}
              onChange={(event) => onChange({ country: event.target.value })}
            >
              <option value="">{text.chooseCountry}</option>
              {!known && value.country !== '' ? (
                <option value={value.country}>{value.country}</option>
              ) : null}
              {countries.map((country) => (
                <option key={country.code} value={country.code}>
                  {country.name}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      {input('phone', { type: 'tel' })}
    </div>
  );
}
