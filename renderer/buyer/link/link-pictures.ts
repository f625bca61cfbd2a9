import { pictureUrls } from '../pictures.ts';
import { linkPicture } from './link-api.ts';

let urls: ReturnType<typeof pictureUrls> | null = null;

/** A picture of the link (its background, its styles, its lookbooks); null when it could not be had. */
export function linkPictureUrl(token: string, id: string, first = false): Promise<string | null> {
  urls ??= pictureUrls((picture, priority) => linkPicture(token, picture, priority));
  return urls(id, first);
}
