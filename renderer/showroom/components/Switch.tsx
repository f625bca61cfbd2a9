import { useId } from 'react';
import './Switch.css';

/**
 * An on/off setting drawn as a switch (a checkbox with the switch role): the link form's
 * options, a market's "Retail prices include tax". `labelHidden` keeps the label for
 * screen readers only, where a table's column already says what the switch is.
 */
export function Switch({
  label,
  labelHidden = false,
  hint,
  checked,
  onChange,
}: {
  label: string;
  labelHidden?: boolean;
  hint?: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
}) {
  const hintId = useId();
  return (
    <div className="switch">
      <label>
        <input
          type="checkbox"
          role="switch"
          checked={checked}
          aria-describedby={hint ? hintId : undefined}
          onChange={(event) => onChange(event.target.checked)}
        />
        <span className={labelHidden ? 'visually-hidden' : undefined}>{label}</span>
      </label>
      {hint ? (
        <p id={hintId} className="field__hint">
          {hint}
        </p>
      ) : null}
    </div>
  );
}
