import type { ReactNode } from 'react';
import './StatePanel.css';

/** The calm middle of the page when there is no grid to show: a title, a line, one action. */
export function StatePanel({
  title,
  lead,
  action,
  tone = 'neutral',
  icon,
}: {
  title: string;
  lead?: string | undefined;
  action?: ReactNode;
  tone?: 'neutral' | 'error';
  icon: 'box' | 'search' | 'error';
}) {
  return (
    <div className="state-panel" role={tone === 'error' ? 'alert' : undefined}>
      <StateIcon kind={icon} />
      <h2 className="state-panel__title">{title}</h2>
      {lead ? <p className="state-panel__lead">{lead}</p> : null}
      {action ? <div className="state-panel__action">{action}</div> : null}
    </div>
  );
}

function StateIcon({ kind }: { kind: 'box' | 'search' | 'error' }) {
  return (
    <svg
      className={`state-panel__icon state-panel__icon--${kind}`}
      viewBox="0 0 48 48"
      aria-hidden="true"
      focusable="false"
    >
      {kind === 'box' ? (
        <path d="M8 16 24 8l16 8v16l-16 8-16-8zm0 0 16 8 16-8M24 24v16" />
      ) : kind === 'search' ? (
        <path d="M21 33a12 12 0 1 0 0-24 12 12 0 0 0 0 24zm8.5-3.5L39 39M17 21h8" />
      ) : (
        <path d="M24 8 42 39H6zm0 12v9m0 4.5v.5" />
      )}
    </svg>
  );
}
