import i18n from 'i18next';
import type { ReactNode } from 'react';
import { formatMoney } from '../../main/domain/money.ts';
import { formatLongDate } from '../ui/dates.ts';
import { accountSelectionId, LOGIN_PAGE, SELECTIONS_PAGE } from './addresses.ts';
import { demoBuyerAccounts, openShare, readInvitation, type ShareAnswer } from './api.ts';
import { speakTermsLanguage } from './i18n.ts';
import { INVITE_PAGE, takeInvitationToken } from './invitation-token.ts';
import { sharedPictureUrl } from './pictures.ts';
import { isSharePage } from './share-token.ts';
import { openLink, openLinkWithTicket, type LinkAnswer } from './link/link-api.ts';
import { isLinkPage, takeSignInTicket } from './link/link-token.ts';
import { openDtcLink } from './dtc/dtc-api.ts';
import { isDtcPage, type DtcLink } from './dtc/dtc-link.ts';

/**
 * The page at an address, ready to draw. Each page's script is its own file, fetched
 * only where it is shown, and at the same moment as what the page shows (a share link's
 * selection, the demo logins): the page is drawn once, whole, and nothing on it moves
 * when an answer comes in late.
 */
export async function loadPage(
  path: string,
  shareToken: string | null,
  linkToken: string | null,
  dtcLink: DtcLink | null,
): Promise<ReactNode> {
  if (isDtcPage(path)) {
    // The page came with a GET, which claims nothing; this tab's claim is the POST here.
    const asked = dtcLink === null ? null : openDtcLink(dtcLink);
    if (asked) setTimeout(() => loadLocaleData(i18n.language));
    const [{ DtcPage }, opening] = await Promise.all([import('./dtc/DtcPage.tsx'), asked]);
    return <DtcPage link={dtcLink} opening={opening} />;
  }
  if (isLinkPage(path)) {
    const asked = linkToken === null ? null : openCustomerLink(linkToken);
    if (asked) setTimeout(() => loadLocaleData(i18n.language));
    const [{ LinkPage }, answer] = await Promise.all([import('./link/LinkPage.tsx'), asked]);
    return <LinkPage token={linkToken} answer={answer} />;
  }
  if (isSharePage(path)) {
    const asked = shareToken === null ? null : openSelection(shareToken);
    if (asked) setTimeout(() => loadLocaleData(i18n.language));
    const [{ SharedSelectionPage }, answer] = await Promise.all([
      import('./SharedSelectionPage.tsx'),
      asked,
    ]);
    return <SharedSelectionPage token={shareToken} answer={answer} />;
  }
  if (path === LOGIN_PAGE) {
    const [{ LoginPage }, demoAccounts] = await Promise.all([
      import('./LoginPage.tsx'),
      demoBuyerAccounts(),
    ]);
    return <LoginPage demoAccounts={demoAccounts} />;
  }
  if (path === INVITE_PAGE) {
    const token = takeInvitationToken();
    const [{ InvitePage }, answer] = await Promise.all([
      import('./InvitePage.tsx'),
      readInvitation(token),
    ]);
    return <InvitePage token={token} answer={answer} />;
  }
  if (path === SELECTIONS_PAGE) {
    const { AccountSelectionsPage } = await import('./AccountPages.tsx');
    return <AccountSelectionsPage />;
  }
  const selectionId = accountSelectionId(path);
  if (selectionId) {
    const { AccountSelectionPage } = await import('./AccountPages.tsx');
    return <AccountSelectionPage id={selectionId} />;
  }
  const { LandingPage } = await import('./LandingPage.tsx');
  return <LandingPage />;
}

/**
 * A browser's first number, date and plural formats load their locale data, which takes
 * a phone a good while (~130 ms of a slow phone's main thread for the first price): done
 * while a link's page is on its way rather than when its prices, dates and counts are
 * drawn. Called in a task of its own, so it holds up no request.
 */
function loadLocaleData(language: string): void {
  formatMoney({ amountMinor: 0, currency: 'EUR' }, language);
  formatLongDate(new Date().toISOString(), language);
  new Intl.PluralRules(language).select(2);
}

/**
 * Opens a share link. Once the selection is in, the page speaks the buyer's language
 * and its first picture, the largest thing on a phone's first screen, is on its way.
 */
async function openSelection(token: string): Promise<ShareAnswer> {
  const answer = await openShare(token);
  if (answer.kind === 'open') {
    speakTermsLanguage(answer.selection.language);
    const first = answer.selection.lines.find((line) => line.pictureId)?.pictureId;
    if (first) void sharedPictureUrl(token, first, true);
  }
  return answer;
}

/**
 * Opens a customer order link, with the "Open as <buyer>" ticket the address carried if
 * any. On its catalogs, the page speaks the buyer's language. The catalogs come with
 * their first page of styles, drawn with the page; the styles' pictures are asked as the
 * grid is drawn (asked sooner, a slow network would share itself between them and the
 * page's script).
 */
async function openCustomerLink(token: string): Promise<LinkAnswer> {
  const ticket = takeSignInTicket();
  const answer = await (ticket === null ? openLink(token) : openLinkWithTicket(token, ticket));
  if (answer.kind === 'view' && answer.view.screen === 'catalog') {
    speakTermsLanguage(answer.view.buyer.language);
  }
  return answer;
}
