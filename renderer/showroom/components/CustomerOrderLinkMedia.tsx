import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  BACKGROUND_MEDIA_TYPES,
  MAX_EMBED_ADDRESS,
  type LinkBackground,
  type LinkVideo,
} from '../../../main/domain/customer-order-links.ts';
import { ChoiceGroup, Field } from '../../ui/Field.tsx';
import { MediaPicker } from './MediaPicker.tsx';

/**
 * The link's "Video" and "Background Media Type": each a choice of kind, then what that
 * kind needs: an embed address typed here, or an uploaded file chosen (or uploaded) with
 * the media picker, a video file for the Video and a picture for the background.
 */

function EmbedAddress({
  label,
  value,
  onChange,
  error,
}: {
  label: string;
  value: string;
  onChange: (url: string) => void;
  error: string | undefined;
}) {
  const { t } = useTranslation();
  return (
    <Field label={label} hint={t('links.form.embedHint')} error={error}>
      {(control) => (
        <input
          {...control}
          type="url"
          className="field__control"
          value={value}
          maxLength={MAX_EMBED_ADDRESS * 2}
          placeholder="https://www.youtube.com/embed/M7lc1UVf-VE"
          onChange={(event) => onChange(event.target.value)}
        />
      )}
    </Field>
  );
}

type VideoKind = 'none' | LinkVideo['kind'];

export function LinkVideoField({
  value,
  onChange,
  error,
}: {
  value: LinkVideo | null;
  onChange: (video: LinkVideo | null) => void;
  error: string | undefined;
}) {
  const { t } = useTranslation();
  // The address typed stays while another kind is tried.
  const [url, setUrl] = useState(value?.kind === 'embed' ? value.url : '');
  const [fileId, setFileId] = useState(value?.kind === 'file' ? value.mediaId : '');
  const kind: VideoKind = value?.kind ?? 'none';
  const kinds: { value: VideoKind; label: string }[] = [
    { value: 'none', label: t('links.form.videoNone') },
    { value: 'embed', label: t('links.form.videoEmbed') },
    { value: 'file', label: t('links.form.videoFile') },
  ];
  return (
    <div className="link-form__media">
      <ChoiceGroup
        legend={t('links.form.video')}
        name="link-video"
        value={kind}
        options={kinds}
        onChange={(next) =>
          onChange(
            next === 'none'
              ? null
              : next === 'embed'
                ? { kind: 'embed', url: url.trim() }
                : { kind: 'file', mediaId: fileId },
          )
        }
        error={kind === 'embed' ? undefined : error}
      />
      <p className="field__hint">{t('links.form.videoHint')}</p>
      {kind === 'embed' ? (
        <EmbedAddress
          label={t('links.form.videoAddress')}
          value={url}
          error={error}
          onChange={(next) => {
            setUrl(next);
            onChange({ kind: 'embed', url: next.trim() });
          }}
        />
      ) : null}
      {kind === 'file' ? (
        <MediaPicker
          kind="video"
          label={t('links.form.videoFile')}
          value={fileId || null}
          error={error}
          onChange={(id) => {
            setFileId(id ?? '');
            onChange({ kind: 'file', mediaId: id ?? '' });
          }}
        />
      ) : null}
    </div>
  );
}

export function LinkBackgroundField({
  value,
  onChange,
  error,
}: {
  value: LinkBackground;
  onChange: (background: LinkBackground) => void;
  error: string | undefined;
}) {
  const { t } = useTranslation();
  const [url, setUrl] = useState(value.kind === 'video' ? value.url : '');
  const [imageId, setImageId] = useState(value.kind === 'image' ? value.mediaId : '');
  return (
    <div className="link-form__media">
      <ChoiceGroup
        legend={t('links.form.background')}
        name="link-background"
        value={value.kind}
        options={BACKGROUND_MEDIA_TYPES.map((kind) => ({
          value: kind,
          label: t(`links.form.backgroundKinds.${kind}`),
        }))}
        onChange={(kind) =>
          onChange(
            kind === 'video'
              ? { kind, url: url.trim() }
              : kind === 'image'
                ? { kind, mediaId: imageId }
                : { kind: 'empty' },
          )
        }
        error={value.kind === 'video' ? undefined : error}
      />
      <p className="field__hint">{t('links.form.backgroundHint')}</p>
      {value.kind === 'video' ? (
        <EmbedAddress
          label={t('links.form.backgroundAddress')}
          value={url}
          error={error}
          onChange={(next) => {
            setUrl(next);
            onChange({ kind: 'video', url: next.trim() });
          }}
        />
      ) : null}
      {value.kind === 'image' ? (
        <MediaPicker
          kind="image"
          label={t('links.form.backgroundImage')}
          value={imageId || null}
          error={error}
          onChange={(id) => {
            setImageId(id ?? '');
            onChange({ kind: 'image', mediaId: id ?? '' });
          }}
        />
      ) : null}
    </div>
  );
}
