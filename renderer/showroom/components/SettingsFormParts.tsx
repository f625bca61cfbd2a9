import type { InputHTMLAttributes } from 'react';
import { Field } from '../../ui/Field.tsx';

/** A settings card's word after saving or failing: for the admin, as a status line. */
export interface SettingsNotice {
  readonly kind: 'info' | 'error';
  readonly text: string;
}

/**
 * The foot of a card that keeps something on the hub: the last notice, "remove" on the
 * left while there is something to remove, "save" on the right.
 */
export function SettingsFormFooter({
  notice,
  busy,
  saveLabel,
  clear,
}: {
  notice: SettingsNotice | null;
  busy: boolean;
  saveLabel: string;
  clear: { label: string; run: () => Promise<void> } | null;
}) {
  return (
    <>
      {notice ? (
        <p className={`notice notice--${notice.kind}`} role="status">
          {notice.text}
        </p>
      ) : null}
      <div className="settings__actions">
        {clear ? (
          <button
            type="button"
            className="button button--danger"
            disabled={busy}
            onClick={() => void clear.run()}
          >
            {clear.label}
          </button>
        ) : (
          <span />
        )}
        <button type="submit" className="button button--primary" disabled={busy}>
          {saveLabel}
        </button>
      </div>
    </>
  );
}

/** One text box of a settings card: what a server or account asks for is typed as it is, never corrected. */
export function TextField({
  label,
  error,
  hint,
  className,
  value,
  onChange,
  input = {},
}: {
  label: string;
  error?: string | undefined;
  hint?: string | undefined;
  className?: string;
  value: string;
  onChange: (value: string) => void;
  input?: InputHTMLAttributes<HTMLInputElement>;
}) {
  return (
    <Field label={label} error={error} hint={hint} {...(className ? { className } : {})}>
      {(control) => (
        <input
          autoComplete="off"
          spellCheck={false}
          {...input}
          {...control}
          className="field__control"
          value={value}
          onChange={(event) => onChange(event.target.value)}
        />
      )}
    </Field>
  );
}
