import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  checkDtcLinkTemplate,
  DTC_TEMPLATE_BASKET,
  DTC_TEMPLATE_HASH,
  dtcLinkAddress,
} from '../../../main/domain/dtc.ts';
import type { DtcLinkTemplateView } from '../../../preload/contract/index.ts';
import { codedIssueWords, problemOf, trunkshow } from '../api.ts';
import { useOperation } from '../hooks/useOperation.ts';
import {
  SettingsFormFooter,
  TextField,
  type SettingsNotice,
  SettingsCard,
} from './SettingsFormParts.tsx';
import './DtcSettings.css';

/** The spec's example of a storefront's template, shown as the field's example. */
const EXAMPLE_TEMPLATE = `https://nameofthestore/selection/${DTC_TEMPLATE_BASKET}/${DTC_TEMPLATE_HASH}`;
/** A link's id and token as a real link carries them (a UUIDv7, 43 base64url characters), for the preview only. */
const EXAMPLE_BASKET = '0193a7a0-5b1c-7d2e-9f30-4a5b6c7d8e9f';
const EXAMPLE_HASH = 'q3Vn8x2LrT0bWcYk5pZs7mQe1hJdA4fGiUoN6vKyB9E';

/**
 * "DTC checkout link" (admins): the spec's Static `payment_link`, the storefront address
 * a checkout link is sent as, with %basket% and %hash% filled in; blank, links lead to
 * Trunkshow's own checkout page on the hub. The preview follows what is typed.
 */
export function DtcLinkTemplateCard() {
  const { t } = useTranslation();
  const saved = useOperation('dtcSettings.linkTemplate', {}, { followSync: true });
  if (saved.problem) {
    return (
      <SettingsCard title={t('dtcSettings.template.title')} heading="h4" problem={saved.problem} />
    );
  }
  return saved.data ? <TemplateForm saved={saved.data} onSaved={saved.setData} /> : null;
}

function TemplateForm({
  saved,
  onSaved,
}: {
  saved: DtcLinkTemplateView;
  onSaved: (view: DtcLinkTemplateView) => void;
}) {
  const { t } = useTranslation();
  const [typed, setTyped] = useState(saved.template ?? '');
  const [error, setError] = useState<string | undefined>();
  // Once Save has said what is wrong, the field keeps saying it as the admin types.
  const [tried, setTried] = useState(false);
  const [notice, setNotice] = useState<SettingsNotice | null>(null);
  const [busy, setBusy] = useState(false);
  // A code this release does not know (a newer hub's) still reads as a refusal.
  const words = (code: string, params: object) =>
    t(`dtcSettings.template.problems.${code}`, { defaultValue: t('unexpected'), ...params });
  const checked = checkDtcLinkTemplate(typed);

  const save = async () => {
    setTried(true);
    if (!checked.ok) {
      setError(words(checked.code, checked.params));
      setNotice(null);
      return;
    }
    setError(undefined);
    setBusy(true);
    try {
      const next = await trunkshow().invoke('dtcSettings.setLinkTemplate', { template: typed });
      onSaved(next);
      setTyped(next.template ?? '');
      setNotice({
        kind: 'info',
        text: next.template ? t('settings.saved') : t('dtcSettings.template.savedOwnPage'),
      });
    } catch (failure) {
      const atField = codedIssueWords(failure, words).template;
      setError(atField);
      setNotice(
        atField ? null : { kind: 'error', text: problemOf(failure, t('unexpected')).message },
      );
    } finally {
      setBusy(false);
    }
  };

  return (
    <SettingsCard
      title={
        <>
          {t('dtcSettings.template.title')}
          {saved.waitingToSync ? (
            <span className="badge badge--waiting dtc-settings__title-badge">
              {t('dtcSettings.waiting')}
            </span>
          ) : null}
        </>
      }
      heading="h4"
      lead={t('dtcSettings.template.lead')}
      busy={busy}
      onSubmit={() => void save()}
    >
      <dl className="dtc-settings__placeholders">
        <dt>
          <code>{DTC_TEMPLATE_BASKET}</code>
        </dt>
        <dd>{t('dtcSettings.template.basket')}</dd>
        <dt>
          <code>{DTC_TEMPLATE_HASH}</code>
        </dt>
        <dd>{t('dtcSettings.template.hash')}</dd>
      </dl>
      <TextField
        label={t('dtcSettings.template.label')}
        error={error}
        hint={t('dtcSettings.template.hint', { example: EXAMPLE_TEMPLATE })}
        value={typed}
        onChange={(value) => {
          setTyped(value);
          const next = checkDtcLinkTemplate(value);
          setError(tried && !next.ok ? words(next.code, next.params) : undefined);
        }}
        input={{ type: 'url', inputMode: 'url', placeholder: EXAMPLE_TEMPLATE }}
      />
      <div className="dtc-settings__preview" aria-live="polite">
        {checked.ok ? (
          <>
            <p>
              {checked.template
                ? t('dtcSettings.template.preview')
                : t('dtcSettings.template.previewOwnPage')}
            </p>
            <code>
              {dtcLinkAddress(checked.template, saved.checkoutOrigin, EXAMPLE_BASKET, EXAMPLE_HASH)}
            </code>
          </>
        ) : (
          <p>{t('dtcSettings.template.previewUnreadable')}</p>
        )}
      </div>
      <SettingsFormFooter
        notice={notice}
        busy={busy}
        saveLabel={t('dtcSettings.template.save')}
        clear={null}
      />
    </SettingsCard>
  );
}
