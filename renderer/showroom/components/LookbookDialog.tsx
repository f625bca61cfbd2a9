import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import {
  DEFAULT_LOOKBOOK_STATUS,
  LOOKBOOK_STATUSES,
  lookbookProblemPath,
  lookbookProblems,
  MAX_LOOKBOOK_CAPTION,
  MAX_LOOKBOOK_NAME,
  type LookbookStatus,
} from '../../../main/domain/lookbooks.ts';
import type { LookbookStyle, LookbookSummary, StyleCard } from '../../../preload/contract/index.ts';
import { ChoiceGroup, Field } from '../../ui/Field.tsx';
import { codedIssueWords, errorMessage, mediaUrl, trunkshow } from '../api.ts';
import { Dialog, FormDialogActions } from './Dialog.tsx';
import { MediaPicker } from './MediaPicker.tsx';
import { StyleEntry } from './StyleEntry.tsx';

/** A lookbook problem's code in the admin's words. */
export function lookbookProblemWords(t: TFunction, code: string, params: object): string {
  return t(`lookbooks.problems.${code}`, { defaultValue: t('unexpected'), ...params });
}

interface PageDraft {
  /** Stable while pages move, so React keeps each page's fields with it. */
  key: number;
  pictureId: string | null;
  caption: string;
  styles: LookbookStyle[];
}

/** Keys for pages, unique across dialogs: a page keeps its key wherever it moves. */
let pageKeys = 0;
const draft = (page: Omit<PageDraft, 'key'>): PageDraft => ({ ...page, key: pageKeys++ });

/** Problems by where they are said: `name`, `pages`, `pages.1.caption`, `pages.0.entry`. */
type Problems = Readonly<Record<string, string | undefined>>;

const styleOf = (card: StyleCard): LookbookStyle => ({
  id: card.id,
  styleNumber: card.styleNumber,
  name: card.name,
  pictureId: card.pictureId,
});

/**
 * Makes or edits a lookbook: its name, Public or Draft, and its pages in order, each a
 * picture (uploaded, or a linked style's), a caption and the styles it shows. Every
 * problem is said at its field and nothing is saved while one is wrong. A rep sees the
 * same dialog with nothing to change.
 */
export function LookbookDialog({
  lookbook,
  readOnly,
  onClose,
  onSaved,
}: {
  lookbook: LookbookSummary | null;
  readOnly: boolean;
  onClose: () => void;
  onSaved: (lookbooks: LookbookSummary[], name: string) => void;
}) {
  const { t } = useTranslation();
  const [name, setName] = useState(lookbook?.name ?? '');
  const [status, setStatus] = useState<LookbookStatus>(lookbook?.status ?? DEFAULT_LOOKBOOK_STATUS);
  const [pages, setPages] = useState<PageDraft[] | null>(lookbook ? null : []);
  const [problems, setProblems] = useState<Problems>({});
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!lookbook) return;
    let current = true;
    trunkshow()
      .invoke('lookbooks.open', { id: lookbook.id })
      .then(
        (detail) => {
          if (!current) return;
          setName(detail.name);
          setStatus(detail.status);
          setPages(detail.pages.map(draft));
        },
        (failure: unknown) => current && setNotice(errorMessage(failure, t('unexpected'))),
      );
    return () => {
      current = false;
    };
  }, [lookbook, t]);

  const changePage = (index: number, change: Partial<PageDraft>) => {
    setPages((current) =>
      (current ?? []).map((page, at) => (at === index ? { ...page, ...change } : page)),
    );
    // A page's problems are judged again at Save; the one being fixed goes now.
    setProblems((current) => {
      const next = { ...current };
      for (const field of Object.keys(change)) {
        next[`pages.${index}.${field === 'pictureId' ? 'picture' : field}`] = undefined;
      }
      return next;
    });
  };

  const movePage = (index: number, by: -1 | 1) => {
    setPages((current) => {
      const list = [...(current ?? [])];
      const [page] = list.splice(index, 1);
      list.splice(index + by, 0, page!);
      return list;
    });
    // Problems name pages by place; after a move they are judged again at Save.
    setProblems({});
  };

  const removePage = (index: number) => {
    setPages((current) => (current ?? []).filter((_, at) => at !== index));
    setProblems({});
  };

  const input = () => ({
    name,
    status,
    pages: (pages ?? []).map((page) => ({
      pictureId: page.pictureId,
      caption: page.caption,
      productIds: page.styles.map((style) => style.id),
    })),
  });

  const save = async () => {
    const settings = input();
    const found: Record<string, string> = {};
    for (const problem of lookbookProblems(settings)) {
      found[lookbookProblemPath(problem)] ??= lookbookProblemWords(t, problem.code, problem.params);
    }
    setProblems(found);
    if (Object.keys(found).length > 0) {
      setNotice(null);
      return;
    }
    setBusy(true);
    try {
      const saved = await trunkshow().invoke('lookbooks.save', {
        ...(lookbook ? { id: lookbook.id } : {}),
        ...settings,
      });
      onSaved(saved.lookbooks, name.trim());
    } catch (failure) {
      const fromMain = codedIssueWords(failure, (code, params) =>
        lookbookProblemWords(t, code, params),
      );
      setProblems(fromMain);
      setNotice(Object.keys(fromMain).length > 0 ? null : errorMessage(failure, t('unexpected')));
    } finally {
      setBusy(false);
    }
  };

  const title = lookbook
    ? t(readOnly ? 'lookbooks.viewTitle' : 'lookbooks.editTitle', { name: lookbook.name })
    : t('lookbooks.addTitle');

  return (
    <Dialog
      open
      size="large"
      title={title}
      lead={t('lookbooks.dialogLead')}
      onClose={onClose}
      {...(readOnly ? {} : { onSubmit: () => void save() })}
      busy={busy}
      actions={
        readOnly ? (
          <button type="button" className="button" onClick={onClose}>
            {t('close')}
          </button>
        ) : (
          <FormDialogActions submitLabel={t('lookbooks.save')} busy={busy} onCancel={onClose} />
        )
      }
    >
      <fieldset className="lookbook-form" disabled={readOnly}>
        <div className="lookbook-form__row">
          <Field label={t('lookbooks.name')} error={problems.name}>
            {(control) => (
              <input
                {...control}
                className="field__control"
                value={name}
                maxLength={MAX_LOOKBOOK_NAME * 2}
                data-autofocus
                onChange={(event) => {
                  setName(event.target.value);
                  setProblems((current) => ({ ...current, name: undefined }));
                }}
              />
            )}
          </Field>
          <ChoiceGroup
            legend={t('lookbooks.status')}
            name="lookbook-status"
            value={status}
            options={LOOKBOOK_STATUSES.map((value) => ({
              value,
              label: t(`lookbooks.statuses.${value}`),
            }))}
            onChange={setStatus}
            error={problems.status}
          />
        </div>
        <p className="field__hint lookbook-form__status-hint">{t('lookbooks.statusHint')}</p>
        {pages === null ? (
          <span className="spinner" aria-hidden="true" />
        ) : (
          <ol className="lookbook-form__pages" aria-label={t('lookbooks.pagesLabel')}>
            {pages.map((page, index) => (
              <PageEditor
                key={page.key}
                index={index}
                count={pages.length}
                page={page}
                problems={problems}
                readOnly={readOnly}
                onChange={(change) => changePage(index, change)}
                onMove={(by) => movePage(index, by)}
                onRemove={() => removePage(index)}
              />
            ))}
          </ol>
        )}
        {problems.pages ? (
          <p className="field__error" role="alert">
            {problems.pages}
          </p>
        ) : null}
        {readOnly || pages === null ? null : (
          <button
            type="button"
            className="button"
            onClick={() => {
              setPages([...pages, draft({ pictureId: null, caption: '', styles: [] })]);
              setProblems((current) => ({ ...current, pages: undefined }));
            }}
          >
            {t('lookbooks.addPage')}
          </button>
        )}
      </fieldset>
      {notice ? (
        <p className="notice notice--error" role="alert">
          {notice}
        </p>
      ) : null}
    </Dialog>
  );
}

/** One page: its picture, caption and linked styles, and where it stands among the pages. */
function PageEditor({
  index,
  count,
  page,
  problems,
  readOnly,
  onChange,
  onMove,
  onRemove,
}: {
  index: number;
  count: number;
  page: PageDraft;
  problems: Problems;
  readOnly: boolean;
  onChange: (change: Partial<PageDraft>) => void;
  onMove: (by: -1 | 1) => void;
  onRemove: () => void;
}) {
  const { t } = useTranslation();
  const [entryProblem, setEntryProblem] = useState<string | undefined>(undefined);
  const at = (field: string) => problems[`pages.${index}.${field}`];
  const number = index + 1;
  const stylePictures = page.styles.filter(
    (style): style is LookbookStyle & { pictureId: string } => style.pictureId !== null,
  );

  return (
    <li className="lookbook-page">
      <div className="lookbook-page__head">
        <h3 className="lookbook-page__title">{t('lookbooks.page', { number })}</h3>
        {readOnly ? null : (
          <div className="lookbook-page__tools">
            <button
              type="button"
              className="button button--quiet"
              disabled={index === 0}
              aria-label={t('lookbooks.moveUp', { number })}
              onClick={() => onMove(-1)}
            >
              ↑
            </button>
            <button
              type="button"
              className="button button--quiet"
              disabled={index === count - 1}
              aria-label={t('lookbooks.moveDown', { number })}
              onClick={() => onMove(1)}
            >
              ↓
            </button>
            <button
              type="button"
              className="button button--quiet button--danger"
              aria-label={t('lookbooks.removePage', { number })}
              onClick={onRemove}
            >
              {t('lookbooks.removePageShort')}
            </button>
          </div>
        )}
      </div>
      <div className="lookbook-page__body">
        <div className="lookbook-page__picture">
          <MediaPicker
            kind="image"
            value={page.pictureId}
            onChange={(pictureId) => onChange({ pictureId })}
            label={t('lookbooks.picture', { number })}
            error={at('picture')}
            readOnly={readOnly}
          />
          {readOnly || stylePictures.length === 0 ? null : (
            <div className="lookbook-page__style-pictures">
              <p className="field__hint">{t('lookbooks.useStylePicture')}</p>
              <ul>
                {stylePictures.map((style) => (
                  <li key={style.id}>
                    <button
                      type="button"
                      className={`lookbook-page__style-picture${
                        page.pictureId === style.pictureId ? ' is-chosen' : ''
                      }`}
                      aria-pressed={page.pictureId === style.pictureId}
                      aria-label={t('lookbooks.useStylePictureOf', { style: style.styleNumber })}
                      onClick={() => onChange({ pictureId: style.pictureId })}
                    >
                      <img src={mediaUrl(style.pictureId)} alt="" />
                    </button>
                  </li>
                ))}
              </ul>
            </div>
          )}
        </div>
        <div className="lookbook-page__words">
          <Field label={t('lookbooks.caption', { number })} error={at('caption')}>
            {(control) => (
              <textarea
                {...control}
                className="field__control lookbook-page__caption"
                value={page.caption}
                rows={3}
                maxLength={MAX_LOOKBOOK_CAPTION * 2}
                onChange={(event) => onChange({ caption: event.target.value })}
              />
            )}
          </Field>
          {readOnly ? null : (
            <StyleEntry
              label={t('lookbooks.styleEntry', { number })}
              words={(code, params) => lookbookProblemWords(t, code, params)}
              have={page.styles}
              onAdd={(style) => onChange({ styles: [...page.styles, styleOf(style)] })}
              problem={entryProblem}
              setProblem={setEntryProblem}
            />
          )}
          {at('styles') ? (
            <p className="field__error" role="alert">
              {at('styles')}
            </p>
          ) : null}
          {page.styles.length === 0 ? (
            <p className="field__hint">{t('lookbooks.noStyles')}</p>
          ) : (
            <ul
              className="catalog-form__style-list"
              aria-label={t('lookbooks.stylesOf', { number })}
            >
              {page.styles.map((style) => (
                <li key={style.id}>
                  <span className="catalog-form__style-number">{style.styleNumber}</span>
                  <span className="catalog-form__style-name">{style.name}</span>
                  {readOnly ? null : (
                    <button
                      type="button"
                      className="button button--quiet"
                      aria-label={t('lookbooks.removeStyle', { style: style.styleNumber, number })}
                      onClick={() =>
                        onChange({ styles: page.styles.filter((s) => s.id !== style.id) })
                      }
                    >
                      ×
                    </button>
                  )}
                </li>
              ))}
            </ul>
          )}
        </div>
      </div>
    </li>
  );
}
