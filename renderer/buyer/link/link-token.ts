import { LINK_ADDRESS_PREFIX, LINK_PAGE_PATH } from '../../../main/domain/customer-order-links.ts';

/**
 * A customer order link's token leaves the address bar as soon as the page opens, as a
 * share link's does (share-token.ts): it moves to this tab's sessionStorage and the
 * address becomes /link. A reload keeps working; the address copied elsewhere carries
 * nothing. The hub alone judges a token.
 */

const KEY = 'trunkshow.linkToken';

export function takeLinkToken(): string | null {
  const path = window.location.pathname;
  if (path.startsWith(LINK_ADDRESS_PREFIX)) {
    const token = path.slice(LINK_ADDRESS_PREFIX.length).replace(/\/$/, '');
    window.sessionStorage.setItem(KEY, token);
    window.history.replaceState(null, '', LINK_PAGE_PATH + window.location.search);
    return token;
  }
  return path === LINK_PAGE_PATH ? window.sessionStorage.getItem(KEY) : null;
}

/** True on a customer order link's page, with or without a token. */
export function isLinkPage(path: string): boolean {
  return path === LINK_PAGE_PATH || path.startsWith(LINK_ADDRESS_PREFIX);
}
