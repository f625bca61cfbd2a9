import {
  judgeMedia,
  MEDIA_MAX_BYTES,
  MEDIA_REFUSALS,
  mediaName,
  type MediaKind,
} from '../domain/media.ts';
import {
  OperationError,
  type MediaUpload,
  type MediaUploadInput,
} from '../../preload/contract/index.ts';
import { replicaDb, type StoreDb } from '../store/database.ts';
import { HubAnswered } from '../sync/hub-client.ts';
import type { SyncEngine } from '../sync/engine.ts';
import { hubError, type DesktopSession } from './session.ts';

const DOING = 'Uploading a file';

/** The uploads of a kind the replica holds, newest first: what a picker offers, offline too. */
export async function listMedia(db: StoreDb, kind: MediaKind): Promise<MediaUpload[]> {
  return replicaDb(db)
    .selectFrom('media_uploads')
    .select([
      'id',
      'kind',
      'name',
      'content_type as contentType',
      'byte_size as byteSize',
      'uploaded_at as uploadedAt',
    ])
    .where('kind', '=', kind)
    .orderBy('uploaded_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
}

/** A refused file as the field's issue, in the domain's code and params. */
function refusedFile(code: string, params: Record<string, string | number>): OperationError {
  return new OperationError('invalid_input', `This file is not taken (${code}).`, [
    { path: 'file', message: `This file is not taken (${code}).`, code, params },
  ]);
}

/**
 * Sends a file to the hub, which alone keeps uploads (a file is too big for a sync
 * push), after judging it here as the hub will, so a wrong file is said at once, offline
 * too. Then syncs, so the picture is in the replica when the picker shows it.
 */
export async function uploadMedia(
  services: { session: DesktopSession; engine: SyncEngine },
  input: MediaUploadInput,
): Promise<MediaUpload> {
  const bytes = Buffer.from(input.content, 'base64');
  const judged = judgeMedia(input.kind, bytes);
  if (!judged.ok) throw refusedFile(judged.code, judged.params);
  const hub = services.session.hub(DOING);
  let upload: MediaUpload;
  try {
    upload = await hub.client.uploadMedia(hub.token, {
      kind: input.kind,
      name: mediaName(input.name),
      bytes,
    });
  } catch (error) {
    if (
      error instanceof HubAnswered &&
      (MEDIA_REFUSALS as readonly string[]).includes(error.code)
    ) {
      throw refusedFile(
        error.code,
        error.code === 'media_too_large' ? { max: MEDIA_MAX_BYTES[input.kind] } : {},
      );
    }
    throw hubError(error, DOING);
  }
  await services.engine.syncNow();
  return upload;
}
