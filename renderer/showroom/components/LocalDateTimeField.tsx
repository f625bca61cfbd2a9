import { Field } from '../../ui/Field.tsx';

/**
 * A date and time typed on this computer's wall clock (`datetime-local`), described by
 * its error, its hint and the form's note naming the time zone (`zoneId`).
 */
export function LocalDateTimeField({
  label,
  hint,
  error,
  zoneId,
  value,
  onChange,
}: {
  label: string;
  hint?: string | undefined;
  error: string | undefined;
  zoneId: string;
  value: string;
  onChange: (value: string) => void;
}) {
  return (
    <Field label={label} hint={hint} error={error}>
      {(control) => (
        <input
          {...control}
          aria-describedby={[control['aria-describedby'], zoneId].filter(Boolean).join(' ')}
          type="datetime-local"
          className="field__control"
          value={value}
          onChange={(event) => onChange(event.target.value)}
        />
      )}
    </Field>
  );
}
