import { sql, type Kysely } from 'kysely';
import { createChangeLogTriggers } from './change-log-triggers.ts';
import { up as createMediaUploads } from './0022-media-uploads.ts';

/**
 * The hub's uploads: the synced list a replica has too, and the videos' bytes, which
 * only the hub keeps, in chunks so a range of a video is read without the whole file.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await createMediaUploads(db);
  await createChangeLogTriggers(db, 'media_uploads', 'id', null);
  await sql`create table media_video_chunks (
    media_id text not null references media_uploads (id) on delete cascade,
    n integer not null check (n >= 0),
    bytes blob not null,
    primary key (media_id, n)
  )`.execute(db);
}
