import type { ReactNode } from 'react';
import { StatePanel } from './StatePanel.tsx';
import './ListSection.css';

export interface ListNotice {
  kind: 'info' | 'error';
  text: string;
}

interface ListSectionProps {
  /** The section's name: its heading's id and its own class, for what only it styles. */
  name: string;
  title: string;
  lead: string;
  /** What the head offers beside the title ("New catalog"), when the person may. */
  action?: ReactNode;
  notice: ListNotice | null;
  /** The list's state: loading (no data, no problem), failed (a problem) or here. */
  loaded: boolean;
  problem: string | null;
  failedTitle: string;
  empty: boolean;
  emptyText: string;
  /** The list itself, shown once loaded and not empty. */
  children: ReactNode;
}

/**
 * A section that lists what the brand keeps (catalogs, lookbooks): title, lead and
 * action, the last notice, and the list with its loading, failed and empty states, so
 * each list says these the same way and only its rows are its own.
 */
export function ListSection(props: ListSectionProps) {
  const headingId = `${props.name}-title`;
  return (
    <section className={`list-section ${props.name}`} aria-labelledby={headingId}>
      <div className="view-head list-section__head">
        <div className="view-head__title">
          <h2 id={headingId}>{props.title}</h2>
          <p className="list-section__lead">{props.lead}</p>
        </div>
        {props.action}
      </div>
      <div className="list-section__scroller">
        {props.notice ? (
          <p className={`notice notice--${props.notice.kind} list-section__notice`} role="status">
            {props.notice.text}
          </p>
        ) : null}
        {!props.loaded ? (
          props.problem ? (
            <StatePanel tone="error" icon="error" title={props.failedTitle} lead={props.problem} />
          ) : (
            <div className="list-section__loading" role="status">
              <span className="spinner" aria-hidden="true" />
            </div>
          )
        ) : props.empty ? (
          <p className="list-section__none">{props.emptyText}</p>
        ) : (
          props.children
        )}
      </div>
    </section>
  );
}
