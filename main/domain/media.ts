import type { Refusal } from './refusal.ts';

/**
 * What the brand may upload for lookbooks and customer order links: pictures (JPEG,
 * PNG, WebP) and video files (MP4, WebM). A file's type is read from its first bytes,
 * never from its name or the type its sender claims: a renamed document stays a
 * document. SVG is not taken, since it can carry script.
 */

export const MEDIA_KINDS = ['image', 'video'] as const;
export type MediaKind = (typeof MEDIA_KINDS)[number];

const MB = 1024 * 1024;

/** The largest file of each kind: a sharp full-screen picture; a short film a phone can play. */
export const MEDIA_MAX_BYTES: Readonly<Record<MediaKind, number>> = {
  image: 10 * MB,
  video: 50 * MB,
};

/** The longest file name kept with an upload; a longer one is cut there. */
export const MAX_MEDIA_NAME = 200;

export const MEDIA_REFUSALS = [
  'media_empty',
  'media_too_large',
  'media_type_not_accepted',
] as const;
export type MediaRefusal = (typeof MEDIA_REFUSALS)[number];

/** The content types taken, per kind, each with the bytes its files begin with. */
export const MEDIA_TYPES = {
  image: ['image/jpeg', 'image/png', 'image/webp'],
  video: ['video/mp4', 'video/webm'],
} as const satisfies Readonly<Record<MediaKind, readonly string[]>>;
export type MediaContentType = (typeof MEDIA_TYPES)[MediaKind][number];

/** What a file chooser may offer for a kind (the hub still reads the bytes). */
export function acceptedFileTypes(kind: MediaKind): string {
  return MEDIA_TYPES[kind].join(',');
}

const ascii = (bytes: Uint8Array, at: number, text: string) =>
  bytes.length >= at + text.length &&
  [...text].every((char, index) => bytes[at + index] === char.charCodeAt(0));

const startsWith = (bytes: Uint8Array, signature: readonly number[]) =>
  bytes.length >= signature.length && signature.every((byte, index) => bytes[index] === byte);

/** How many leading bytes sniffMediaType needs to decide. */
export const MEDIA_SIGNATURE_BYTES = 16;

/**
 * The type a file's first bytes say it is, among those taken; null for anything else.
 * MP4 is an ISO media file whose first box is `ftyp`; WebM is Matroska (EBML magic).
 */
export function sniffMediaType(bytes: Uint8Array): MediaContentType | null {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (ascii(bytes, 0, 'RIFF') && ascii(bytes, 8, 'WEBP')) return 'image/webp';
  if (ascii(bytes, 4, 'ftyp')) return 'video/mp4';
  if (startsWith(bytes, [0x1a, 0x45, 0xdf, 0xa3])) return 'video/webm';
  return null;
}

/** A refusal of a file, at the field it was chosen in. */
export type MediaProblem = Refusal<MediaRefusal>;

/** Whether a file of this many bytes is too large for its kind; judged before its bytes are read. */
export function mediaSizeProblem(kind: MediaKind, size: number): MediaProblem | null {
  if (size === 0) return { code: 'media_empty', params: {} };
  const max = MEDIA_MAX_BYTES[kind];
  return size > max ? { code: 'media_too_large', params: { max } } : null;
}

/**
 * What is wrong with a file uploaded as this kind, or its content type when nothing is:
 * it must hold something, fit the kind's size, and begin as a file of that kind does.
 */
export function judgeMedia(
  kind: MediaKind,
  bytes: Uint8Array,
): { ok: true; contentType: MediaContentType } | ({ ok: false } & MediaProblem) {
  const sizeProblem = mediaSizeProblem(kind, bytes.length);
  if (sizeProblem) return { ok: false, ...sizeProblem };
  const type = sniffMediaType(bytes.subarray(0, MEDIA_SIGNATURE_BYTES));
  const accepted: readonly string[] = MEDIA_TYPES[kind];
  if (type === null || !accepted.includes(type)) {
    return { ok: false, code: 'media_type_not_accepted', params: {} };
  }
  return { ok: true, contentType: type };
}

/** The file's name as kept: no folders, no control characters, trimmed, at most MAX_MEDIA_NAME. */
export function mediaName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  const clean = base.replace(/[\u0000-\u001f\u007f]/g, '').trim();
  return clean.slice(0, MAX_MEDIA_NAME) || 'untitled';
}

/** Parses an HTTP Range header for a file of `size` bytes: one range, or null for the whole file. */
export function byteRange(
  header: string | undefined,
  size: number,
): { start: number; end: number } | 'unsatisfiable' | null {
  if (header === undefined) return null;
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!match) return null;
  const [, from = '', to = ''] = match;
  if (from === '' && to === '') return null;
  if (from === '') {
    const suffix = Number(to);
    if (suffix === 0) return 'unsatisfiable';
    return { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(from);
  const end = to === '' ? size - 1 : Math.min(Number(to), size - 1);
  if (start >= size || end < start) return 'unsatisfiable';
  return { start, end };
}
