import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { CsvFileReport } from '../../../preload/contract/index.ts';
import { useImportStore } from '../state/import.ts';
import './ImportDialog.css';

/** Enough to fix a file from; a file with thousands of bad lines is the same mistake repeated. */
const PROBLEMS_SHOWN = 50;

/** The counts importers report, in the order a person reads them. */
const WRITTEN_KINDS = [
  'styles',
  'colorways',
  'skus',
  'prices',
  'pricelists',
  'stockLevels',
  'warehouses',
] as const;

/** What each file did, or why none of it was written, after an import ends. */
export function ImportDialog() {
  const { t } = useTranslation();
  const state = useImportStore((store) => store.state);
  const dismiss = useImportStore((store) => store.dismiss);
  const dialog = useRef<HTMLDialogElement>(null);
  const close = useRef<HTMLButtonElement>(null);
  const open = state.status === 'done' || state.status === 'failed';

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) {
      element.showModal();
      close.current?.focus();
    } else if (!open && element.open) {
      element.close();
    }
  }, [open]);

  return (
    <dialog
      ref={dialog}
      className="import-dialog"
      aria-labelledby="import-dialog-title"
      // Escape and the Close button both end here, after the dialog has left the top
      // layer, so focus can go back to the page.
      onClose={dismiss}
    >
      {open ? (
        <div className="import-dialog__frame">
          <h2 id="import-dialog-title" className="import-dialog__title">
            {t('import.title')}
          </h2>
          <div className="import-dialog__body">
            {state.status === 'failed' ? (
              <p className="notice notice--error" role="alert">
                {t('import.failed')} {state.message}
              </p>
            ) : (
              <ul className="import-files">
                {state.report.files.map((file, index) => (
                  <FileResult key={`${index}:${file.name}`} file={file} />
                ))}
              </ul>
            )}
          </div>
          <div className="import-dialog__actions">
            <button
              ref={close}
              type="button"
              className="button button--primary"
              onClick={() => dialog.current?.close()}
            >
              {t('import.close')}
            </button>
          </div>
        </div>
      ) : null}
    </dialog>
  );
}

function FileResult({ file }: { file: CsvFileReport }) {
  const { t } = useTranslation();
  const written = WRITTEN_KINDS.flatMap((kind) => {
    const count = file.written[kind] ?? 0;
    return count > 0 ? [t(`import.written.${kind}`, { count })] : [];
  });
  const shown = file.problems.slice(0, PROBLEMS_SHOWN);
  const hidden = file.problems.length - shown.length;

  return (
    <li className={`import-file ${file.imported ? 'import-file--ok' : 'import-file--refused'}`}>
      <div className="import-file__head">
        <span className="import-file__name">{file.name}</span>
        {file.kind ? <span className="tag">{t(`import.kind.${file.kind}`)}</span> : null}
        <span className="import-file__status">
          {file.imported ? t('import.imported') : t('import.notImported')}
        </span>
      </div>
      <p className="import-file__summary">
        {file.imported
          ? written.length > 0
            ? written.join(' · ')
            : t('import.nothingNew')
          : t('import.nothingWritten')}
        {file.rows > 0 ? (
          <span className="import-file__rows"> — {t('import.rows', { count: file.rows })}</span>
        ) : null}
      </p>
      {shown.length > 0 ? (
        <ul className="import-problems">
          {shown.map((problem, index) => (
            <li key={index}>
              {problem.column === null
                ? t('import.problemLine', { line: problem.line, message: problem.message })
                : t('import.problemAt', {
                    line: problem.line,
                    column: problem.column,
                    message: problem.message,
                  })}
            </li>
          ))}
          {hidden > 0 ? (
            <li className="import-problems__more">{t('import.moreProblems', { count: hidden })}</li>
          ) : null}
        </ul>
      ) : null}
    </li>
  );
}
