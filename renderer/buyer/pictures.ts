import { sharedPicture } from './api.ts';

/**
 * The shared selection's pictures as blob: addresses (each asks the hub with the token
 * in a header, which an <img> cannot send). Each is fetched once, however many
 * colourways show it, and kept while the page lives. The first picture is the largest
 * thing on a phone's first screen: it is asked for as soon as the selection arrives,
 * ahead of the page's script, and at high priority; the others wait their turn.
 */
const urls = new Map<string, Promise<string | null>>();

/** Null when the picture could not be had: the colourway's swatch shows instead. */
export function sharedPictureUrl(
  token: string,
  id: string,
  first: boolean,
): Promise<string | null> {
  let url = urls.get(id);
  if (!url) {
    url = sharedPicture(token, id, first ? 'high' : 'low').then(
      (blob) => URL.createObjectURL(blob),
      () => null,
    );
    urls.set(id, url);
  }
  return url;
}
