import { useCallback, useEffect, useId, useRef, useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { SyncConnection, SyncRefusal } from '../../../preload/contract/index.ts';
import { relativeTime } from '../format.ts';
import { useArrivalWords } from '../hooks/useArrivalWords.ts';
import { useDismiss } from '../hooks/useDismiss.ts';
import { useNow } from '../hooks/useNow.ts';
import { refusalReason, refusalSummary } from '../state/buyerRefusals.ts';
import { useSyncStore } from '../state/sync.ts';
import './SyncIndicator.css';

type Tone = 'ok' | 'busy' | 'off' | 'bad' | 'unknown';

const TONES: Record<SyncConnection, Tone> = {
  online: 'ok',
  syncing: 'busy',
  offline: 'off',
  revoked: 'bad',
  update_required: 'bad',
  signed_out: 'off',
};

/** The header's word on syncing: a dot, a word, what waits and what was refused. */
export function SyncIndicator() {
  const { t } = useTranslation();
  const status = useSyncStore((state) => state.status);
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const popover = useRef<HTMLDivElement>(null);
  const popoverId = useId();
  const close = useCallback(() => setOpen(false), []);
  useDismiss(open, popover, button, close);

  const connection = status?.connection ?? null;
  const tone: Tone = connection ? TONES[connection] : 'unknown';
  const word = connection ? t(`sync.connection.${connection}`) : t('sync.unknown');
  const pending = status?.pending ?? 0;
  const refused = status?.refused ?? 0;
  const parts = [word];
  if (pending > 0) parts.push(t('sync.pending', { count: pending }));
  if (refused > 0) parts.push(t('sync.refusedBadge', { count: refused }));

  return (
    <div className="sync">
      <button
        ref={button}
        type="button"
        className={`sync__button sync__button--${tone}`}
        aria-label={t('sync.label', { state: parts.join(', ') })}
        aria-expanded={open}
        aria-controls={open ? popoverId : undefined}
        aria-haspopup="dialog"
        onClick={() => setOpen((was) => !was)}
      >
        <span className={`sync__dot sync__dot--${tone}`} aria-hidden="true" />
        <span className="sync__word">{word}</span>
        {pending > 0 ? (
          <span className="badge badge--waiting">{t('sync.pending', { count: pending })}</span>
        ) : null}
        {refused > 0 ? (
          <span className="badge badge--refused">
            <WarningIcon />
            {t('sync.refusedBadge', { count: refused })}
          </span>
        ) : null}
      </button>
      {open ? <SyncPopover id={popoverId} ref={popover} /> : null}
    </div>
  );
}

function SyncPopover({ id, ref }: { id: string; ref: RefObject<HTMLDivElement | null> }) {
  const { t, i18n } = useTranslation();
  const status = useSyncStore((state) => state.status);
  const failure = useSyncStore((state) => state.failure);
  const syncingNow = useSyncStore((state) => state.syncingNow);
  const actionError = useSyncStore((state) => state.actionError);
  const syncNow = useSyncStore((state) => state.syncNow);
  const watch = useSyncStore((state) => state.watchRefusals);
  const unwatch = useSyncStore((state) => state.unwatchRefusals);
  const now = useNow(5000);
  const arrival = useArrivalWords();
  const titleId = useId();
  const first = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    watch();
    first.current?.focus();
    return unwatch;
  }, [watch, unwatch]);

  const connection = status?.connection ?? null;
  const tone: Tone = connection ? TONES[connection] : 'unknown';
  const lastSynced = relativeTime(status?.lastSyncAt ?? null, now, i18n.language);
  const busy = syncingNow || connection === 'syncing';

  return (
    <div id={id} ref={ref} className="sync-popover" role="dialog" aria-labelledby={titleId}>
      <h2 id={titleId} className="sync-popover__title">
        {t('sync.title')}
      </h2>

      {arrival ? (
        <div className="sync-popover__progress" role="status">
          <span className="spinner" aria-hidden="true" />
          {arrival.rows}
        </div>
      ) : null}

      <dl className="sync-facts">
        <div>
          <dt>{t('sync.connectionLabel')}</dt>
          <dd>
            <span className={`sync__dot sync__dot--${tone}`} aria-hidden="true" />
            {connection ? t(`sync.connection.${connection}`) : t('sync.unknown')}
          </dd>
        </div>
        <div>
          <dt>{t('sync.waiting')}</dt>
          <dd>
            {status && status.pending > 0
              ? t('sync.changes', { count: status.pending })
              : t('sync.nothingWaiting')}
          </dd>
        </div>
        <div>
          <dt>{t('sync.lastSynced')}</dt>
          <dd>
            {status?.lastSyncAt && lastSynced ? (
              <time dateTime={status.lastSyncAt}>{lastSynced}</time>
            ) : (
              t('sync.never')
            )}
          </dd>
        </div>
        {status?.lastProblem ? (
          <div>
            <dt>{t('sync.lastError')}</dt>
            <dd className="sync-facts__error">{t(`sync.problem.${status.lastProblem.code}`)}</dd>
          </div>
        ) : null}
      </dl>

      {failure !== null ? (
        <p className="notice notice--error sync-popover__notice" role="alert">
          {t('sync.statusFailed', { message: failure || t('unexpected') })}
        </p>
      ) : null}
      {actionError !== null ? (
        <p className="notice notice--error sync-popover__notice" role="alert">
          {actionError || t('unexpected')}
        </p>
      ) : null}

      <button
        ref={first}
        type="button"
        className="button button--primary sync-popover__now"
        aria-disabled={syncingNow}
        onClick={() => {
          if (!syncingNow) void syncNow();
        }}
      >
        {busy ? <span className="spinner" aria-hidden="true" /> : null}
        {t('sync.now')}
      </button>

      <RefusalList />
    </div>
  );
}

function RefusalList() {
  const { t } = useTranslation();
  const refusals = useSyncStore((state) => state.refusals);
  const dismiss = useSyncStore((state) => state.dismissRefusal);
  const titleId = useId();
  if (refusals.status === 'idle') return null;

  return (
    <section className="sync-refusals" aria-labelledby={titleId}>
      <h3 id={titleId} className="sync-refusals__title">
        {t('sync.refusals')}
      </h3>
      {refusals.status === 'failed' ? (
        <p className="notice notice--error" role="alert">
          {t('sync.refusalsFailed')} {refusals.message}
        </p>
      ) : null}
      {refusals.items.length === 0 ? (
        refusals.status === 'loading' ? (
          <p className="sync-refusals__none">
            <span className="spinner" aria-hidden="true" />
          </p>
        ) : (
          <p className="sync-refusals__none">{t('sync.noRefusals')}</p>
        )
      ) : (
        <ul className="sync-refusals__list">
          {refusals.items.map((refusal) => (
            <RefusalItem
              key={refusal.seq}
              refusal={refusal}
              onDismiss={() => void dismiss(refusal.seq)}
            />
          ))}
        </ul>
      )}
    </section>
  );
}

function RefusalItem({ refusal, onDismiss }: { refusal: SyncRefusal; onDismiss: () => void }) {
  const { t } = useTranslation();
  return (
    <li className="sync-refusal">
      <div className="sync-refusal__text">
        <p className="sync-refusal__summary">{refusalSummary(t, refusal)}</p>
        <p className="sync-refusal__reason">
          {t('sync.reason', { reason: refusalReason(t, refusal) })}
        </p>
      </div>
      <button
        type="button"
        className="button button--quiet sync-refusal__dismiss"
        onClick={onDismiss}
      >
        {t('sync.dismiss')}
      </button>
    </li>
  );
}

export function WarningIcon() {
  return (
    <svg className="warning-icon" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <path d="M8 2.5 14 13H2zm0 4v3m0 1.75v.25" />
    </svg>
  );
}

/** Under the header while the hub needs a newer app: nothing syncs until it is updated. */
export function UpdateBanner() {
  const { t } = useTranslation();
  const connection = useSyncStore((state) => state.status?.connection);
  if (connection !== 'update_required') return null;
  return (
    <div className="banner banner--warning banner--flush" role="alert">
      <WarningIcon />
      <span>{t('sync.updateBanner')}</span>
    </div>
  );
}
