import { sql, type Kysely } from 'kysely';

/**
 * What the brand uploaded (lookbooks' pictures, customer order links' videos and
 * backgrounds): a row per file with its name, kind, type, size, who uploaded it and
 * when, synced to every desktop so pickers list them offline. An image's bytes are the
 * `media` row of the same id (synced too: lookbooks show offline); a video's stay on
 * the hub (0022-hub-media-uploads), too large to copy into every rep's replica.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create table media_uploads (
    id text primary key,
    kind text not null check (kind in ('image', 'video')),
    name text not null,
    content_type text not null,
    byte_size integer not null check (byte_size > 0),
    sha256 text not null unique,
    uploaded_by text not null references staff_users (id),
    uploaded_at text not null
  )`.execute(db);
}
