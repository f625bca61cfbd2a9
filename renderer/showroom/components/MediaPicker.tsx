import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import {
  acceptedFileTypes,
  judgeMedia,
  MEDIA_MAX_BYTES,
  mediaSizeProblem,
  type MediaKind,
} from '../../../main/domain/media.ts';
import { isOperationErrorData, type MediaUpload } from '../../../preload/contract/index.ts';
import { errorMessage, mediaUrl, trunkshow } from '../api.ts';
import { useCan } from '../hooks/useCan.ts';
import { useOperation } from '../hooks/useOperation.ts';
import './MediaPicker.css';

/** A size as people read it, e.g. "10 MB" or "512 KB". */
export function fileSize(bytes: number, language: string): string {
  const [value, unit] =
    bytes >= 1024 * 1024 ? [bytes / (1024 * 1024), 'megabyte'] : [bytes / 1024, 'kilobyte'];
  return new Intl.NumberFormat(language, {
    style: 'unit',
    unit,
    maximumFractionDigits: 1,
  }).format(value);
}

/** A refused file in the admin's words: the rule's code, or why the hub could not be asked. */
function refusalWords(t: TFunction, language: string, kind: MediaKind, failure: unknown): string {
  if (!isOperationErrorData(failure)) return errorMessage(failure, t('unexpected'));
  const code = failure.issues?.[0]?.code;
  if (code) return problemWords(t, language, kind, code);
  if (failure.code === 'unavailable') return t('media.needsHub');
  return errorMessage(failure, t('unexpected'));
}

function problemWords(t: TFunction, language: string, kind: MediaKind, code: string): string {
  return t(`media.problems.${code}`, {
    defaultValue: t('unexpected'),
    context: kind,
    size: fileSize(MEDIA_MAX_BYTES[kind], language),
  });
}

/** The file's bytes as base64, as the upload operation carries them. */
function base64Of(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    // A data: address read from a Blob; what follows its comma is the base64.
    reader.onload = () => resolve((reader.result as string).replace(/^[^,]*,/, ''));
    reader.onerror = () => reject(reader.error ?? new Error('The file could not be read.'));
    reader.readAsDataURL(file);
  });
}

/**
 * A picture or video file for a form: the chosen one (a thumbnail, or a video's name
 * and size), one of those uploaded before, or a new file uploaded to the hub. A file
 * is judged here as the hub judges it (size, then its first bytes), so a wrong one is
 * said at the field at once; nothing is uploaded then.
 */
export function MediaPicker({
  kind,
  value,
  onChange,
  label,
  error,
  readOnly = false,
}: {
  kind: MediaKind;
  value: string | null;
  onChange: (id: string | null) => void;
  label: string;
  error?: string | undefined;
  /** Shows the chosen file only, for someone who may look but not change. */
  readOnly?: boolean;
}) {
  const { t, i18n } = useTranslation();
  const mayUpload = useCan('uploadMedia');
  const uploads = useOperation('media.list', { kind }, { followSync: true });
  const [choosing, setChoosing] = useState(false);
  const [uploading, setUploading] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [justUploaded, setJustUploaded] = useState<MediaUpload | null>(null);
  const errorId = useId();
  const listId = useId();
  const shownError = refusal ?? error;

  const list = uploads.data ?? [];
  const chosen =
    list.find((upload) => upload.id === value) ??
    (justUploaded?.id === value ? justUploaded : null);

  const upload = async (file: File) => {
    setRefusal(null);
    const tooLarge = mediaSizeProblem(kind, file.size);
    if (tooLarge) {
      setRefusal(problemWords(t, i18n.language, kind, tooLarge.code));
      return;
    }
    setUploading(true);
    try {
      const judged = judgeMedia(kind, new Uint8Array(await file.arrayBuffer()));
      if (!judged.ok) {
        setRefusal(problemWords(t, i18n.language, kind, judged.code));
        return;
      }
      const uploaded = await trunkshow().invoke('media.upload', {
        kind,
        name: file.name,
        content: await base64Of(file),
      });
      setJustUploaded(uploaded);
      setChoosing(false);
      onChange(uploaded.id);
    } catch (failure) {
      setRefusal(refusalWords(t, i18n.language, kind, failure));
    } finally {
      setUploading(false);
    }
  };

  return (
    <fieldset
      className={`media-picker${shownError ? ' media-picker--invalid' : ''}`}
      aria-describedby={shownError ? errorId : undefined}
    >
      <legend className="field__label">{label}</legend>
      <div className="media-picker__chosen">
        {value === null ? (
          <p className="media-picker__none">{t(`media.none_${kind}`)}</p>
        ) : kind === 'image' ? (
          <img
            className="media-picker__thumb"
            src={mediaUrl(value)}
            alt={chosen ? t('media.chosenImage', { name: chosen.name }) : t('media.chosenPicture')}
          />
        ) : (
          <p className="media-picker__video">
            <span className="media-picker__name">{chosen?.name ?? t('media.videoFile')}</span>
            {chosen ? (
              <span className="media-picker__size">{fileSize(chosen.byteSize, i18n.language)}</span>
            ) : null}
          </p>
        )}
        {readOnly ? null : (
          <div className="media-picker__actions">
            <button
              type="button"
              className="button button--quiet"
              aria-expanded={choosing}
              aria-controls={listId}
              onClick={() => setChoosing((open) => !open)}
            >
              {t(`media.choose_${kind}`)}
            </button>
            {mayUpload ? (
              <label
                className={`button button--quiet media-picker__upload${uploading ? ' is-busy' : ''}`}
              >
                {uploading ? <span className="spinner" aria-hidden="true" /> : null}
                {uploading ? t('media.uploading') : t(`media.upload_${kind}`)}
                <input
                  type="file"
                  className="visually-hidden"
                  accept={acceptedFileTypes(kind)}
                  disabled={uploading}
                  onChange={(event) => {
                    const file = event.target.files?.[0];
                    event.target.value = '';
                    if (file) void upload(file);
                  }}
                />
              </label>
            ) : null}
            {value !== null ? (
              <button
                type="button"
                className="button button--quiet"
                onClick={() => {
                  setRefusal(null);
                  onChange(null);
                }}
              >
                {t('media.clear')}
              </button>
            ) : null}
          </div>
        )}
      </div>
      {readOnly ? null : (
        <p className="field__hint">
          {t(`media.hint_${kind}`, { size: fileSize(MEDIA_MAX_BYTES[kind], i18n.language) })}
        </p>
      )}
      {shownError ? (
        <p id={errorId} className="field__error" role="alert">
          {shownError}
        </p>
      ) : null}
      {choosing ? (
        <div id={listId} className="media-picker__library">
          {uploads.problem ? (
            <p className="field__error">{uploads.problem}</p>
          ) : list.length === 0 ? (
            <p className="field__hint">{t(`media.noUploads_${kind}`)}</p>
          ) : (
            <ul className={`media-picker__list media-picker__list--${kind}`}>
              {list.map((item) => (
                <li key={item.id}>
                  <button
                    type="button"
                    className={`media-picker__item${item.id === value ? ' is-chosen' : ''}`}
                    aria-pressed={item.id === value}
                    onClick={() => {
                      setRefusal(null);
                      setChoosing(false);
                      onChange(item.id);
                    }}
                  >
                    {kind === 'image' ? <img src={mediaUrl(item.id)} alt="" /> : null}
                    <span className="media-picker__name">{item.name}</span>
                    <span className="media-picker__size">
                      {fileSize(item.byteSize, i18n.language)}
                    </span>
                  </button>
                </li>
              ))}
            </ul>
          )}
        </div>
      ) : null}
    </fieldset>
  );
}
