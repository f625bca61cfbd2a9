import { useTranslation } from 'react-i18next';
import './InlineEditorActions.css';

/**
 * Cancel and save under an editor that opens inside a dialog's section (an address, a
 * person to invite, a buyer's sign-in), right-aligned as a form's actions are. Save is
 * a plain button: the editor is not a form of its own, the dialog around it is.
 */
export function InlineEditorActions({
  saveLabel,
  busy,
  onCancel,
  onSave,
}: {
  saveLabel: string;
  busy: boolean;
  onCancel: () => void;
  onSave: () => void;
}) {
  const { t } = useTranslation();
  return (
    <div className="inline-editor-actions">
      <button type="button" className="button button--quiet" onClick={onCancel}>
        {t('cancel')}
      </button>
      <button
        type="button"
        className="button button--primary"
        aria-disabled={busy}
        onClick={onSave}
      >
        {saveLabel}
      </button>
    </div>
  );
}
