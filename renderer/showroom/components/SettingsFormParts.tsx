import { useId, type InputHTMLAttributes, type ReactNode } from 'react';
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

/**
 * One card of Settings: its heading (h3 in the page's own groups, h4 inside a group),
 * the lead under it and a problem loading what it shows. With `onSubmit` the card is a
 * form whose problems are said at each field in the showroom's words, not the browser's.
 */
export function SettingsCard({
  title,
  heading = 'h3',
  lead,
  problem,
  busy,
  onSubmit,
  children,
}: {
  title: ReactNode;
  heading?: 'h3' | 'h4';
  lead?: string;
  problem?: string | null;
  busy?: boolean;
  onSubmit?: () => void;
  children?: ReactNode;
}) {
  const titleId = useId();
  const Heading = heading;
  const body = (
    <>
      <Heading id={titleId}>{title}</Heading>
      {lead ? <p className="settings__lead">{lead}</p> : null}
      {problem ? (
        <p className="notice notice--error" role="alert">
          {problem}
        </p>
      ) : null}
      {children}
    </>
  );
  if (!onSubmit) {
    return (
      <section className="settings__card" aria-labelledby={titleId}>
        {body}
      </section>
    );
  }
  return (
    <form
      className="settings__card"
      aria-labelledby={titleId}
      aria-busy={busy}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit();
      }}
    >
      {body}
    </form>
  );
}
