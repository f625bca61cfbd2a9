/**
 * "Open as <buyer>": the brand checks out on a buyer's behalf. A staff member's device
 * asks the hub for a sign-in ticket (one link, one buyer), opens the link in the browser
 * with the ticket in the address's fragment, and the buyer page trades it once for a
 * visit logged in as that buyer with brand-specific credentials, on behalf of that
 * staff member. The ticket stands for the buyer's code and passcode, so no secret of
 * the buyer's travels in an address; a buyer without a code may be opened as too, since
 * it is the brand acting for its own buyer.
 */

/** How long a ticket may wait to be used: long enough for the browser to open, no longer. */
export const SIGN_IN_TICKET_LIFETIME_MS = 2 * 60_000;

/** The fragment's key the ticket travels under: `<link address>#ticket=<ticket>`. */
export const SIGN_IN_TICKET_KEY = 'ticket';

/** The address that opens a link as a buyer: the ticket in the fragment, never sent to a server. */
export function addressWithTicket(linkAddress: string, ticket: string): string {
  return `${linkAddress}#${SIGN_IN_TICKET_KEY}=${encodeURIComponent(ticket)}`;
}

/** The ticket an address's fragment (`location.hash`) carries, or null. */
export function ticketOfFragment(hash: string): string | null {
  const pair = hash
    .replace(/^#/, '')
    .split('&')
    .find((part) => part.startsWith(`${SIGN_IN_TICKET_KEY}=`));
  const ticket = pair?.slice(SIGN_IN_TICKET_KEY.length + 1);
  return ticket ? decodeURIComponent(ticket) : null;
}

/** A ticket unknown, used, expired or for another link: one refusal for all, changing nothing. */
export const SIGN_IN_TICKET_REFUSALS = ['ticket_invalid'] as const;
