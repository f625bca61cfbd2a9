import { HubRefusal } from '../errors.ts';
import type { PictureAnswer } from './handler-table.ts';

/** A picture a buyer may see, or the 404 that says nothing of pictures they may not. */
export function pictureAnswer(
  picture: { content_type: string; bytes: Uint8Array } | undefined,
  missing: string,
): PictureAnswer {
  if (!picture) throw new HubRefusal(404, 'not_found', missing);
  return { contentType: picture.content_type, bytes: picture.bytes };
}
