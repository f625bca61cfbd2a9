import { LINK_ADDRESS_PREFIX, LINK_PAGE_PATH } from '../../../main/domain/customer-order-links.ts';
import { ticketOfFragment } from '../../../main/domain/link-sign-in-tickets.ts';

/**
 * A customer order link's token leaves the address bar as soon as the page opens, as a
 * share link's does (share-token.ts): it moves to this tab's sessionStorage and the
 * address becomes /link. A reload keeps working; the address copied elsewhere carries
 * nothing. The hub alone judges a token.
 *
 * "Open as <buyer>" adds a one-time sign-in ticket in the fragment (`#ticket=…`): it
 * leaves the address bar with the token and is kept in memory only, for the page to
 * trade once (a reload, spent ticket or not, never tries it again).
 */

const KEY = 'trunkshow.linkToken';
let ticket: string | null = null;

export function takeLinkToken(): string | null {
  const path = window.location.pathname;
  ticket = isLinkPage(path) ? ticketOfFragment(window.location.hash) : null;
  if (path.startsWith(LINK_ADDRESS_PREFIX)) {
    const token = path.slice(LINK_ADDRESS_PREFIX.length).replace(/\/$/, '');
    window.sessionStorage.setItem(KEY, token);
    window.history.replaceState(null, '', LINK_PAGE_PATH + window.location.search);
    return token;
  }
  if (ticket !== null) window.history.replaceState(null, '', path + window.location.search);
  return path === LINK_PAGE_PATH ? window.sessionStorage.getItem(KEY) : null;
}

/** The sign-in ticket the address carried, once: the second call answers null. */
export function takeSignInTicket(): string | null {
  const taken = ticket;
  ticket = null;
  return taken;
}

/** True on a customer order link's page, with or without a token. */
export function isLinkPage(path: string): boolean {
  return path === LINK_PAGE_PATH || path.startsWith(LINK_ADDRESS_PREFIX);
}
