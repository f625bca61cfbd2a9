import { useId, type ReactNode } from 'react';
import './Field.css';

interface ControlProps {
  id: string;
  'aria-describedby': string | undefined;
  'aria-invalid': boolean;
}

/**
 * A label, its control, a hint and the error the main side reported for it. The
 * control is wired to the hint and the error so a screen reader reads both.
 */
export function Field({
  label,
  hint,
  error,
  children,
  className,
}: {
  label: string;
  hint?: string | undefined;
  error?: string | undefined;
  children: (control: ControlProps) => ReactNode;
  className?: string;
}) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [error ? errorId : null, hint ? hintId : null].filter(Boolean).join(' ');
  return (
    <div className={`field${error ? ' field--invalid' : ''}${className ? ` ${className}` : ''}`}>
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      {children({ id, 'aria-describedby': describedBy || undefined, 'aria-invalid': !!error })}
      {error ? (
        <p id={errorId} className="field__error">
          <svg viewBox="0 0 16 16" aria-hidden="true" focusable="false">
            <path d="M8 2.5 14 13H2zm0 4v3m0 1.75v.25" />
          </svg>
          {error}
        </p>
      ) : null}
      {hint ? (
        <p id={hintId} className="field__hint">
          {hint}
        </p>
      ) : null}
    </div>
  );
}

/** A fieldset of large radio choices, e.g. which hub or which kind of buyer. */
export function ChoiceGroup<Value extends string>({
  legend,
  name,
  value,
  options,
  onChange,
  error,
  disabled = false,
}: {
  legend: string;
  name: string;
  value: Value;
  /** An option not offered yet stays listed, disabled, so its absence is explained. */
  options: readonly { value: Value; label: string; disabled?: boolean }[];
  onChange: (value: Value) => void;
  error?: string | undefined;
  disabled?: boolean;
}) {
  const errorId = useId();
  return (
    <fieldset
      className={`choices${error ? ' choices--invalid' : ''}`}
      aria-describedby={error ? errorId : undefined}
      disabled={disabled}
    >
      <legend className="field__label">{legend}</legend>
      <div className="choices__options">
        {options.map((option) => (
          <label key={option.value} className="choice">
            <input
              type="radio"
              name={name}
              value={option.value}
              checked={value === option.value}
              disabled={option.disabled}
              onChange={() => onChange(option.value)}
            />
            <span>{option.label}</span>
          </label>
        ))}
      </div>
      {error ? (
        <p id={errorId} className="field__error">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
