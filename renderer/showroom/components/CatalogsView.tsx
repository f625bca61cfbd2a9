import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CatalogSummary, CatalogsOverview } from '../../../preload/contract/index.ts';
import { errorMessage, trunkshow } from '../api.ts';
import { useOperation } from '../hooks/useOperation.ts';
import { formatDateTime } from '../local-time.ts';
import { CatalogDialog, catalogProblemWords } from './CatalogDialog.tsx';
import { ConfirmDialog } from './Dialog.tsx';
import { ListSection, type ListNotice } from './ListSection.tsx';
import './CatalogsView.css';

/**
 * "Catalogs" (admins): every catalog with its season, status, dates and number of
 * styles; a new one or a change is saved on this computer at once and synced.
 */
export function CatalogsView() {
  const { t, i18n } = useTranslation();
  const overview = useOperation('catalogs.list', {}, { followSync: true });
  const [editing, setEditing] = useState<CatalogSummary | 'new' | null>(null);
  const [removing, setRemoving] = useState<CatalogSummary | null>(null);
  const [notice, setNotice] = useState<ListNotice | null>(null);

  const remove = async (catalog: CatalogSummary) => {
    try {
      overview.setData(await trunkshow().invoke('catalogs.remove', { id: catalog.id }));
      setNotice({ kind: 'info', text: t('catalogs.removed', { name: catalog.name }) });
    } catch (failure) {
      const issue = (failure as { issues?: { code?: string; params?: object }[] }).issues?.[0];
      setNotice({
        kind: 'error',
        text: issue?.code
          ? catalogProblemWords(t, issue.code, issue.params ?? {})
          : errorMessage(failure, t('unexpected')),
      });
    }
  };

  const data = overview.data;
  return (
    <ListSection
      name="catalogs"
      title={t('catalogs.title')}
      lead={t('catalogs.lead')}
      action={
        <button type="button" className="button button--primary" onClick={() => setEditing('new')}>
          {t('catalogs.add')}
        </button>
      }
      notice={notice}
      loaded={data !== null}
      problem={overview.problem}
      failedTitle={t('catalogs.failed')}
      empty={data?.catalogs.length === 0}
      emptyText={t('catalogs.none')}
    >
      {data ? (
        <table className="data-table catalogs-table">
          <caption className="visually-hidden">{t('catalogs.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('catalogs.name')}</th>
              <th scope="col">{t('catalogs.season')}</th>
              <th scope="col">{t('catalogs.status')}</th>
              <th scope="col">{t('catalogs.publicationAt')}</th>
              <th scope="col">{t('catalogs.orderDeadlineAt')}</th>
              <th scope="col" className="data-table__number">
                {t('catalogs.styles')}
              </th>
              <th scope="col">
                <span className="visually-hidden">{t('catalogs.edit')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {data.catalogs.map((catalog) => (
              <tr key={catalog.id}>
                <th scope="row" className="data-table__name">
                  {catalog.name}
                  {catalog.waitingToSync ? (
                    <span className="badge badge--waiting">{t('catalogs.waiting')}</span>
                  ) : null}
                </th>
                <td>{catalog.season || t('catalogs.noDate')}</td>
                <td>
                  <span className={`catalog-status catalog-status--${catalog.status}`}>
                    {t(`filters.status.${catalog.status}`)}
                  </span>
                </td>
                <td>
                  {formatDateTime(catalog.publicationAt, i18n.language) ?? t('catalogs.noDate')}
                </td>
                <td>
                  {formatDateTime(catalog.orderDeadlineAt, i18n.language) ?? t('catalogs.noDate')}
                </td>
                <td className="data-table__number">
                  {new Intl.NumberFormat(i18n.language).format(catalog.styleCount)}
                </td>
                <td className="data-table__action">
                  <button
                    type="button"
                    className="button button--quiet"
                    aria-label={t('catalogs.editLabel', { name: catalog.name })}
                    onClick={() => setEditing(catalog)}
                  >
                    {t('catalogs.edit')}
                  </button>
                  {/* A catalog holding styles cannot be removed (its styles would
                        reopen to every buyer): Remove is offered once it is empty. */}
                  {catalog.styleCount === 0 ? (
                    <button
                      type="button"
                      className="button button--quiet button--danger"
                      aria-label={t('catalogs.removeLabel', { name: catalog.name })}
                      onClick={() => setRemoving(catalog)}
                    >
                      {t('catalogs.remove')}
                    </button>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {editing && data ? (
        <CatalogDialog
          catalog={editing === 'new' ? null : editing}
          rateGroups={data.rateGroups}
          onClose={() => setEditing(null)}
          onSaved={(next: CatalogsOverview, name: string) => {
            overview.setData(next);
            setEditing(null);
            setNotice({ kind: 'info', text: t('catalogs.saved', { name }) });
          }}
        />
      ) : null}
      <ConfirmDialog
        open={removing !== null}
        title={t('catalogs.removeTitle', { name: removing?.name ?? '' })}
        lead={t('catalogs.removeLead')}
        keepLabel={t('catalogs.keep')}
        confirmLabel={t('catalogs.remove')}
        onKeep={() => setRemoving(null)}
        onConfirm={() => {
          const catalog = removing!;
          setRemoving(null);
          void remove(catalog);
        }}
      />
    </ListSection>
  );
}
