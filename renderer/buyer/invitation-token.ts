/**
 * An invitation link's token rides in the address's fragment (/invite#<token>), which a
 * browser never sends to the hub; the page moves it to this tab's sessionStorage and
 * the address becomes plain /invite, so a copied address or a screenshot carries nothing.
 */
const KEY = 'trunkshow.invitationToken';
export const INVITE_PAGE = '/invite';

export function takeInvitationToken(): string | null {
  if (window.location.pathname !== INVITE_PAGE) return null;
  const fragment = window.location.hash.slice(1);
  if (fragment) {
    window.sessionStorage.setItem(KEY, fragment);
    window.history.replaceState(null, '', INVITE_PAGE);
    return fragment;
  }
  return window.sessionStorage.getItem(KEY);
}

/** Once the password is set the link is spent: the tab forgets it. */
export function forgetInvitationToken(): void {
  window.sessionStorage.removeItem(KEY);
}

/**
 * Another invitation's address opened in a tab already at /invite changes only the
 * fragment, which reloads nothing: the page starts again to take the new token.
 */
export function followNewInvitations(): void {
  window.addEventListener('hashchange', () => {
    if (window.location.pathname === INVITE_PAGE && window.location.hash.length > 1) {
      window.location.reload();
    }
  });
}
