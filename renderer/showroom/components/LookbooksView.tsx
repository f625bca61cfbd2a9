import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LookbookSummary } from '../../../preload/contract/index.ts';
import { errorMessage, mediaUrl, trunkshow } from '../api.ts';
import { useCan } from '../hooks/useCan.ts';
import { useOperation } from '../hooks/useOperation.ts';
import { ConfirmDialog } from './Dialog.tsx';
import { LookbookDialog } from './LookbookDialog.tsx';
import { ListSection, type ListNotice } from './ListSection.tsx';
import './LookbooksView.css';

/**
 * "Lookbooks": the brand's lookbooks with their status and how many pages and styles
 * each has. Admins make, change and remove them (saved on this computer at once and
 * synced); reps open them to look. Customer order links offer the Public ones.
 */
export function LookbooksView() {
  const { t, i18n } = useTranslation();
  const mayManage = useCan('manageLookbooks');
  const overview = useOperation('lookbooks.list', {}, { followSync: true });
  const [editing, setEditing] = useState<LookbookSummary | 'new' | null>(null);
  const [removing, setRemoving] = useState<LookbookSummary | null>(null);
  const [notice, setNotice] = useState<ListNotice | null>(null);
  const count = (value: number) => new Intl.NumberFormat(i18n.language).format(value);

  const remove = async (lookbook: LookbookSummary) => {
    try {
      overview.setData(await trunkshow().invoke('lookbooks.remove', { id: lookbook.id }));
      setNotice({ kind: 'info', text: t('lookbooks.removed', { name: lookbook.name }) });
    } catch (failure) {
      setNotice({ kind: 'error', text: errorMessage(failure, t('unexpected')) });
    }
  };

  const data = overview.data;
  return (
    <ListSection
      name="lookbooks"
      title={t('lookbooks.title')}
      lead={t('lookbooks.lead')}
      action={
        mayManage ? (
          <button
            type="button"
            className="button button--primary"
            onClick={() => setEditing('new')}
          >
            {t('lookbooks.add')}
          </button>
        ) : null
      }
      notice={notice}
      loaded={data !== null}
      problem={overview.problem}
      failedTitle={t('lookbooks.failed')}
      empty={data?.length === 0}
      emptyText={t('lookbooks.none')}
    >
      {data ? (
        <table className="data-table lookbooks-table">
          <caption className="visually-hidden">{t('lookbooks.title')}</caption>
          <thead>
            <tr>
              <th scope="col">
                <span className="visually-hidden">{t('lookbooks.cover')}</span>
              </th>
              <th scope="col">{t('lookbooks.name')}</th>
              <th scope="col">{t('lookbooks.status')}</th>
              <th scope="col" className="data-table__number">
                {t('lookbooks.pages')}
              </th>
              <th scope="col" className="data-table__number">
                {t('lookbooks.styles')}
              </th>
              <th scope="col">
                <span className="visually-hidden">{t('lookbooks.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {data.map((lookbook) => (
              <tr key={lookbook.id}>
                <td className="lookbooks-table__cover">
                  {lookbook.coverPictureId ? (
                    <img src={mediaUrl(lookbook.coverPictureId)} alt="" />
                  ) : null}
                </td>
                <th scope="row" className="data-table__name">
                  {lookbook.name}
                  {lookbook.waitingToSync ? (
                    <span className="badge badge--waiting">{t('lookbooks.waiting')}</span>
                  ) : null}
                </th>
                <td>
                  <span className={`lookbook-status lookbook-status--${lookbook.status}`}>
                    {t(`lookbooks.statuses.${lookbook.status}`)}
                  </span>
                </td>
                <td className="data-table__number">{count(lookbook.pages)}</td>
                <td className="data-table__number">{count(lookbook.styles)}</td>
                <td className="data-table__action">
                  <button
                    type="button"
                    className="button button--quiet"
                    aria-label={t(mayManage ? 'lookbooks.editLabel' : 'lookbooks.viewLabel', {
                      name: lookbook.name,
                    })}
                    onClick={() => setEditing(lookbook)}
                  >
                    {t(mayManage ? 'lookbooks.edit' : 'lookbooks.view')}
                  </button>
                  {mayManage ? (
                    <button
                      type="button"
                      className="button button--quiet button--danger"
                      aria-label={t('lookbooks.removeLabel', { name: lookbook.name })}
                      onClick={() => setRemoving(lookbook)}
                    >
                      {t('lookbooks.remove')}
                    </button>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {editing ? (
        <LookbookDialog
          lookbook={editing === 'new' ? null : editing}
          readOnly={!mayManage}
          onClose={() => setEditing(null)}
          onSaved={(next, name) => {
            overview.setData(next);
            setEditing(null);
            setNotice({ kind: 'info', text: t('lookbooks.saved', { name }) });
          }}
        />
      ) : null}
      <ConfirmDialog
        open={removing !== null}
        title={t('lookbooks.removeTitle', { name: removing?.name ?? '' })}
        lead={t('lookbooks.removeLead')}
        keepLabel={t('lookbooks.keep')}
        confirmLabel={t('lookbooks.remove')}
        onKeep={() => setRemoving(null)}
        onConfirm={() => {
          const lookbook = removing!;
          setRemoving(null);
          void remove(lookbook);
        }}
      />
    </ListSection>
  );
}
