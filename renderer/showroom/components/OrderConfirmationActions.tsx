import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage, trunkshow } from '../api.ts';
import { useOperation } from '../hooks/useOperation.ts';
import { saveFile } from '../save-file.ts';
import './OrderConfirmationActions.css';

/**
 * An order's confirmation, in its detail: the PDF to download (drawn on this device, so it
 * works offline) and, when the hub will not email it (no mail server set, or no hub now),
 * the email prepared in the rep's mail app with the PDF saved to attach.
 */
export function OrderConfirmationActions({ orderId }: { orderId: string }) {
  const { t } = useTranslation();
  const draft = useOperation('orders.mailDraft', { orderId }, { followSync: true });
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<{ kind: 'info' | 'error'; text: string } | null>(null);

  async function savePdf(): Promise<boolean> {
    setBusy(true);
    try {
      saveFile(await trunkshow().invoke('orders.confirmationPdf', { orderId }));
      return true;
    } catch (error) {
      setNotice({ kind: 'error', text: errorMessage(error, t('unexpected')) });
      return false;
    } finally {
      setBusy(false);
    }
  }

  const data = draft.data;
  const mail = data?.mail ?? null;
  const prepares = mail !== null && data?.hubSends !== 'sends';
  return (
    <section className="order-confirmation" aria-label={t('orderConfirmation.download')}>
      <div className="order-confirmation__actions">
        <button
          type="button"
          className="button button--quiet"
          disabled={busy}
          onClick={() => {
            setNotice(null);
            void savePdf();
          }}
        >
          {busy ? t('orderConfirmation.downloading') : t('orderConfirmation.download')}
        </button>
        {prepares ? (
          // A link, so the mail app opens from the click itself; the PDF is saved beside it.
          <a
            className="button button--quiet"
            href={mail.mailto}
            onClick={() => {
              void savePdf().then((saved) => {
                if (saved) setNotice({ kind: 'info', text: t('orderConfirmation.prepared') });
              });
            }}
          >
            {t('orderConfirmation.prepare')}
          </a>
        ) : null}
      </div>
      {data && mail ? (
        <p className="order-confirmation__hint">
          {data.hubSends === 'sends'
            ? mail.to.length > 0
              ? t('orderConfirmation.hubSends', { to: mail.to.join(', ') })
              : t('orderConfirmation.hubSendsNobody')
            : data.hubSends === 'no_smtp'
              ? t('orderConfirmation.noSmtp')
              : t('orderConfirmation.offline')}
        </p>
      ) : null}
      {draft.problem ? (
        <p className="notice notice--error" role="alert">
          {draft.problem}
        </p>
      ) : null}
      {notice ? (
        <p
          className={`notice ${notice.kind === 'error' ? 'notice--error' : 'notice--info'}`}
          role={notice.kind === 'error' ? 'alert' : 'status'}
        >
          {notice.text}
        </p>
      ) : null}
    </section>
  );
}
