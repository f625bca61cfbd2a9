import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { judgeMedia, mediaName, type MediaKind } from '../domain/media.ts';
import type { MediaUpload } from '../../preload/contract/media.ts';
import { hubDb, type StoreDb } from '../store/database.ts';
import type { AuthenticatedDevice } from './auth/accounts.ts';
import { auditRow } from './audit.ts';
import { HubRefusal } from './errors.ts';
import { inTransaction } from '../store/transactions.ts';

/** A video is kept in chunks of this size, so a range of it is read without the rest. */
export const VIDEO_CHUNK_BYTES = 1024 * 1024;

/** The file's type when the domain takes it, else the hub's refusal with the rule's code and params. */
export function acceptedMedia(kind: MediaKind, bytes: Uint8Array) {
  const judged = judgeMedia(kind, bytes);
  if (judged.ok) return judged;
  const status =
    judged.code === 'media_too_large' ? 413 : judged.code === 'media_type_not_accepted' ? 415 : 400;
  const words = {
    media_empty: 'The file is empty.',
    media_too_large: `The file is larger than the ${kind === 'image' ? 'picture' : 'video'} limit.`,
    media_type_not_accepted:
      kind === 'image'
        ? 'Only JPEG, PNG and WebP pictures are taken.'
        : 'Only MP4 and WebM video files are taken.',
  }[judged.code];
  throw new HubRefusal(status, judged.code, words, { params: judged.params });
}

/**
 * Keeps an uploaded file, judged by its bytes, in one transaction with its audit row: a
 * picture into `media` (synced, so lookbooks show offline), a video into chunks only the
 * hub keeps; either way a synced `media_uploads` row names it. The same bytes uploaded
 * again answer the first upload.
 */
export async function storeUpload(
  db: StoreDb,
  uploader: AuthenticatedDevice,
  file: { kind: MediaKind; name: string; bytes: Uint8Array },
  now: Date,
): Promise<MediaUpload> {
  const { contentType } = acceptedMedia(file.kind, file.bytes);
  const sha256 = createHash('sha256').update(file.bytes).digest('hex');
  const at = now.toISOString();
  const name = mediaName(file.name);
  return inTransaction(db, async (trx) => {
    const hub = hubDb(trx);
    const known = await hub
      .selectFrom('media_uploads')
      .selectAll()
      .where('sha256', '=', sha256)
      .executeTakeFirst();
    if (known) return uploadOf(known);
    let id = uuidv7();
    if (file.kind === 'image') {
      // A picture the catalog already holds (the same bytes) is named, not stored twice.
      const picture = await hub
        .selectFrom('media')
        .select('id')
        .where('sha256', '=', sha256)
        .executeTakeFirst();
      if (picture) id = picture.id;
      else {
        await hub
          .insertInto('media')
          .values({ id, content_type: contentType, sha256, bytes: file.bytes, created_at: at })
          .execute();
      }
    }
    const row = {
      id,
      kind: file.kind,
      name,
      content_type: contentType,
      byte_size: file.bytes.length,
      sha256,
      uploaded_by: uploader.userId,
      uploaded_at: at,
    };
    await hub.insertInto('media_uploads').values(row).execute();
    if (file.kind === 'video') {
      for (let n = 0; n * VIDEO_CHUNK_BYTES < file.bytes.length; n++) {
        const bytes = file.bytes.subarray(n * VIDEO_CHUNK_BYTES, (n + 1) * VIDEO_CHUNK_BYTES);
        await hub.insertInto('media_video_chunks').values({ media_id: id, n, bytes }).execute();
      }
    }
    await hub
      .insertInto('audit_log')
      .values(
        auditRow({
          at,
          actor: { kind: 'staff', userId: uploader.userId, device: uploader.id },
          action: 'media.uploaded',
          subject: `media:${id}`,
          details: { kind: file.kind, name, contentType, bytes: file.bytes.length },
        }),
      )
      .execute();
    return uploadOf(row);
  });
}

function uploadOf(row: {
  id: string;
  kind: MediaKind;
  name: string;
  content_type: string;
  byte_size: number;
  uploaded_at: string;
}): MediaUpload {
  return {
    id: row.id,
    kind: row.kind,
    name: row.name,
    contentType: row.content_type,
    byteSize: row.byte_size,
    uploadedAt: row.uploaded_at,
  };
}

/** A video's type and size, or null when there is no such video. */
export async function videoInfo(
  db: StoreDb,
  id: string,
): Promise<{ contentType: string; size: number } | null> {
  const row = await hubDb(db)
    .selectFrom('media_uploads')
    .select(['content_type', 'byte_size'])
    .where('id', '=', id)
    .where('kind', '=', 'video')
    .executeTakeFirst();
  return row ? { contentType: row.content_type, size: row.byte_size } : null;
}

/** The bytes `start` to `end` (inclusive) of a video, reading only the chunks they fall in. */
export async function videoBytes(
  db: StoreDb,
  id: string,
  start: number,
  end: number,
): Promise<Buffer> {
  const first = Math.floor(start / VIDEO_CHUNK_BYTES);
  const last = Math.floor(end / VIDEO_CHUNK_BYTES);
  const chunks = await hubDb(db)
    .selectFrom('media_video_chunks')
    .select(['n', 'bytes'])
    .where('media_id', '=', id)
    .where(sql<boolean>`n between ${first} and ${last}`)
    .orderBy('n')
    .execute();
  const joined = Buffer.concat(chunks.map((chunk) => Buffer.from(chunk.bytes)));
  const offset = start - first * VIDEO_CHUNK_BYTES;
  return joined.subarray(offset, offset + (end - start + 1));
}
