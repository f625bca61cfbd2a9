import QRCode from 'qrcode';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import './LinkAddress.css';

/** Where copying an address ended: copied, or refused by the computer. */
export type CopyOutcome = 'copied' | 'failed';

/** Puts an address on the clipboard; a computer that refuses says so instead of throwing. */
export function copyAddress(url: string): Promise<CopyOutcome> {
  return navigator.clipboard.writeText(url).then(
    () => 'copied',
    () => 'failed',
  );
}

/** A `mailto:` draft carrying the address, for the rep's mail app. */
export function mailDraft(subject: string, url: string): string {
  return `mailto:?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(url)}`;
}

/**
 * A link's address, read-only, with Copy and Email (a draft in the rep's mail app).
 * Share links and customer order links use it alike; the copy button's words are the
 * link kind's own ("Copy link", "Copy this link").
 */
export function CopyableAddress({
  url,
  subject,
  copyLabel,
  autoFocus = false,
}: {
  url: string;
  subject: string;
  copyLabel?: string | undefined;
  /** Focused (so selected) when its dialog opens: ready for Ctrl+C where copying failed. */
  autoFocus?: boolean;
}) {
  const { t } = useTranslation();
  const [copy, setCopy] = useState<'idle' | CopyOutcome>('idle');
  const address = useRef<HTMLInputElement>(null);
  const failedId = useId();
  return (
    <div className="link-address">
      <input
        ref={address}
        className="field__control link-address__url"
        readOnly
        data-autofocus={autoFocus || undefined}
        value={url}
        aria-label={t('share.address')}
        aria-describedby={copy === 'failed' ? failedId : undefined}
        onFocus={(event) => event.target.select()}
      />
      <button
        type="button"
        className="button button--quiet"
        onClick={() =>
          void copyAddress(url).then((outcome) => {
            // Without clipboard access the address is selected, ready for the keyboard.
            if (outcome === 'failed') address.current?.select();
            setCopy(outcome);
          })
        }
      >
        {copy === 'copied' ? t('share.copied') : (copyLabel ?? t('share.copy'))}
      </button>
      <a className="button button--quiet" href={mailDraft(subject, url)}>
        {t('share.email')}
      </a>
      {copy === 'failed' ? (
        <p id={failedId} className="link-address__copy-failed" role="status">
          {t('share.copyFailed')}
        </p>
      ) : null}
    </div>
  );
}

/** The address as a QR code, for a buyer's phone at the booth to scan. */
export function LinkQrCode({ url }: { url: string }) {
  const { t } = useTranslation();
  const [qr, setQr] = useState<string | null>(null);
  useEffect(() => {
    let current = true;
    void QRCode.toString(url, { type: 'svg', margin: 1 }).then((svg) => {
      if (current) setQr(`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`);
    });
    return () => {
      current = false;
    };
  }, [url]);
  return qr ? (
    <img className="link-address__qr" src={qr} alt={t('share.qr')} width={160} height={160} />
  ) : null;
}

/**
 * A link just made: what to do with it now, its address to copy or mail, a note on
 * when it opens, and its QR code.
 */
export function NewLinkPanel({
  label,
  heading,
  url,
  subject,
  copyLabel,
  note,
}: {
  label: string;
  heading: string;
  url: string;
  subject: string;
  copyLabel?: string | undefined;
  note: string;
}) {
  return (
    <section className="link-new" aria-label={label}>
      <div className="link-new__text">
        <p className="link-new__heading">{heading}</p>
        <CopyableAddress url={url} subject={subject} copyLabel={copyLabel} />
        <p>{note}</p>
      </div>
      <LinkQrCode url={url} />
    </section>
  );
}
