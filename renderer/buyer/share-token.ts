/**
 * A share link's token leaves the address bar as soon as the page opens: it moves to
 * this tab's sessionStorage and the address becomes /shared. A reload in the tab keeps
 * working; the address copied elsewhere carries nothing.
 */
const KEY = 'trunkshow.shareToken';
const LINK = /^\/s\/([\w-]{43})\/?$/;
export const SHARED_PATH = '/shared';

export function takeShareToken(): string | null {
  const match = LINK.exec(window.location.pathname);
  if (match?.[1]) {
    window.sessionStorage.setItem(KEY, match[1]);
    window.history.replaceState(null, '', SHARED_PATH + window.location.search);
    return match[1];
  }
  if (window.location.pathname === SHARED_PATH || LINK.test(window.location.pathname)) {
    return window.sessionStorage.getItem(KEY);
  }
  return null;
}

/** True on a share link's page, with or without a token. */
export function isSharePage(): boolean {
  return window.location.pathname === SHARED_PATH || window.location.pathname.startsWith('/s/');
}
