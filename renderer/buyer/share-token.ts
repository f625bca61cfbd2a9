/**
 * A share link's token leaves the address bar as soon as the page opens: it moves to
 * this tab's sessionStorage and the address becomes /shared. A reload in the tab keeps
 * working; the address copied elsewhere carries nothing. Whatever follows /s/ is
 * treated so, well-formed or not: the hub alone judges a token, and answers every link
 * that does not open alike.
 */
const KEY = 'trunkshow.shareToken';
const LINK_PREFIX = '/s/';
export const SHARED_PATH = '/shared';

export function takeShareToken(): string | null {
  const path = window.location.pathname;
  if (path.startsWith(LINK_PREFIX)) {
    const token = path.slice(LINK_PREFIX.length).replace(/\/$/, '');
    window.sessionStorage.setItem(KEY, token);
    window.history.replaceState(null, '', SHARED_PATH + window.location.search);
    return token;
  }
  return path === SHARED_PATH ? window.sessionStorage.getItem(KEY) : null;
}

/** True on a share link's page, with or without a token. */
export function isSharePage(path: string): boolean {
  return path === SHARED_PATH || path.startsWith(LINK_PREFIX);
}
