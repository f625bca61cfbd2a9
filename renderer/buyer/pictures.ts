import { sharedPicture } from './api.ts';

/**
 * Pictures asked with a link's token in a header (which an <img> cannot send), as blob:
 * addresses. Each is fetched once, however often it shows, and kept while the page
 * lives. The first picture is the largest thing on a phone's first screen: it is asked
 * for as soon as the page's data arrives, ahead of the page's script, and at high
 * priority; the others wait their turn.
 */
export function pictureUrls(
  fetchPicture: (id: string, priority: RequestPriority) => Promise<Blob>,
): (id: string, first: boolean) => Promise<string | null> {
  const urls = new Map<string, Promise<string | null>>();
  return (id, first) => {
    let url = urls.get(id);
    if (!url) {
      url = fetchPicture(id, first ? 'high' : 'low').then(
        (blob) => URL.createObjectURL(blob),
        () => null,
      );
      urls.set(id, url);
    }
    return url;
  };
}

let shared: ReturnType<typeof pictureUrls> | null = null;

/** A shared selection's picture; null when it could not be had (the colourway's swatch shows instead). */
export function sharedPictureUrl(
  token: string,
  id: string,
  first: boolean,
): Promise<string | null> {
  shared ??= pictureUrls((picture, priority) => sharedPicture(token, picture, priority));
  return shared(id, first);
}
