import { z } from 'zod';
import { MAX_MEDIA_NAME, MEDIA_KINDS, MEDIA_MAX_BYTES } from '../../main/domain/media.ts';
import { operation } from './operation.ts';

/**
 * Files the brand uploaded (main/domain/media.ts decides what is taken). The same
 * shape travels from the hub's upload route to the desktop (checked by
 * main/sync/hub-client.ts) and from the replica to the renderer.
 */
export const MediaUpload = z.object({
  id: z.string(),
  kind: z.enum(MEDIA_KINDS),
  name: z.string(),
  contentType: z.string(),
  byteSize: z.number().int(),
  uploadedAt: z.string(),
});
export type MediaUpload = z.infer<typeof MediaUpload>;

/** The longest file the upload takes, as base64 (4 characters per 3 bytes). */
const MAX_BASE64 = Math.ceil(Math.max(...Object.values(MEDIA_MAX_BYTES)) / 3) * 4;

export const MediaUploadInput = z.strictObject({
  kind: z.enum(MEDIA_KINDS),
  name: z.string().max(MAX_MEDIA_NAME * 4),
  /** The file's bytes as base64: JSON, which the browser shell carries, has no bytes. */
  content: z.string().max(MAX_BASE64),
});
export type MediaUploadInput = z.infer<typeof MediaUploadInput>;

export const mediaOperations = {
  'media.list': operation<MediaUpload[]>()({
    input: z.strictObject({ kind: z.enum(MEDIA_KINDS) }),
    summary: 'The pictures or video files the brand uploaded, newest first',
  }),
  'media.upload': operation<MediaUpload>()({
    input: MediaUploadInput,
    summary: 'Upload a picture or video file to the hub (admins; online only)',
  }),
};
