import { useEffect, useId, useRef, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import './Dialog.css';

/**
 * A modal dialog on the native <dialog>: the page behind is inert, so Tab stays inside,
 * and Escape asks to close. It opens on the element marked data-autofocus, else on its
 * first control; when it closes, the browser gives focus back to where it was.
 */
export function Dialog({
  open,
  title,
  lead,
  onClose,
  onSubmit,
  children,
  actions,
  size = 'medium',
  busy = false,
}: {
  open: boolean;
  title: string;
  lead?: ReactNode;
  /** Escape or the close button; the owner decides whether the dialog closes. */
  onClose: () => void;
  /** Makes the body a form: Enter in a field submits. */
  onSubmit?: () => void;
  children?: ReactNode;
  actions: ReactNode;
  size?: 'small' | 'medium' | 'large';
  busy?: boolean;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const leadId = useId();

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) {
      element.showModal();
      element.querySelector<HTMLElement>('[data-autofocus]')?.focus();
    } else if (!open && element.open) {
      element.close();
    }
  }, [open]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit?.();
  };

  const frame = (
    <>
      <h2 id={titleId} className="dialog__title">
        {title}
      </h2>
      <div className="dialog__body">
        {lead ? (
          <div id={leadId} className="dialog__lead">
            {lead}
          </div>
        ) : null}
        {children}
      </div>
      <div className="dialog__actions">{actions}</div>
    </>
  );

  return (
    <dialog
      ref={dialog}
      className={`dialog dialog--${size}`}
      aria-labelledby={titleId}
      aria-describedby={lead ? leadId : undefined}
      aria-busy={busy}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
      onClose={() => {
        // The browser may close on Escape without asking (repeated presses): tell the owner.
        if (open) onClose();
      }}
    >
      {open ? (
        onSubmit ? (
          <form className="dialog__frame" onSubmit={submit} noValidate>
            {frame}
          </form>
        ) : (
          <div className="dialog__frame">{frame}</div>
        )
      ) : null}
    </dialog>
  );
}

/**
 * A question before something that cannot be undone (deleting, discarding): keeping
 * things as they are is the default, so Enter or Escape never destroys anything.
 */
export function ConfirmDialog({
  open,
  title,
  lead,
  keepLabel,
  confirmLabel,
  onKeep,
  onConfirm,
}: {
  open: boolean;
  title: string;
  lead: ReactNode;
  keepLabel: string;
  confirmLabel: string;
  onKeep: () => void;
  onConfirm: () => void;
}) {
  return (
    <Dialog
      open={open}
      size="small"
      title={title}
      lead={lead}
      onClose={onKeep}
      actions={
        <>
          <button type="button" className="button" onClick={onKeep} data-autofocus>
            {keepLabel}
          </button>
          <button type="button" className="button button--danger" onClick={onConfirm}>
            {confirmLabel}
          </button>
        </>
      }
    />
  );
}

/**
 * The footer of a dialog that is a form: Cancel closes it, the primary button submits it
 * (Enter too), and both wait while it is busy. The label names what submitting does.
 */
export function FormDialogActions({
  submitLabel,
  busy,
  onCancel,
}: {
  submitLabel: string;
  busy: boolean;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  return (
    <>
      <button type="button" className="button" onClick={onCancel}>
        {t('cancel')}
      </button>
      <button type="submit" className="button button--primary" disabled={busy}>
        {submitLabel}
      </button>
    </>
  );
}
