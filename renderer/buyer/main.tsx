import { fetchBrand } from './api.ts';
import { initBuyerI18n } from './i18n.ts';
import { loadPage } from './pages.tsx';
import { followNewInvitations, takeInvitationToken } from './invitation-token.ts';
import { takeShareToken } from './share-token.ts';
import { takeLinkToken } from './link/link-token.ts';
import { takeDtcLink } from './dtc/dtc-link.ts';

// Before anything else: a share link's or an invitation's token, or a DTC link's hash,
// leaves the address bar.
const shareToken = takeShareToken();
const linkToken = takeLinkToken();
const dtcLink = takeDtcLink();
takeInvitationToken();
followNewInvitations();
const i18n = initBuyerI18n();

const root = document.getElementById('root');
if (root) {
  // The frame (with the pages' styles and React's renderer, the largest script), the
  // brand's name and the page are fetched side by side and drawn together, once: no style
  // sheet holds up the first paint (there is nothing to paint before the script has run),
  // nothing moves afterwards, and the page's questions to the hub go out while the
  // renderer is still on its way rather than after it.
  Promise.all([
    import('./BuyerApp.tsx'),
    fetchBrand(),
    loadPage(window.location.pathname, shareToken, linkToken, dtcLink),
  ]).then(
    ([{ drawBuyerApp }, brand, page]) => drawBuyerApp(root, brand, page),
    () => {
      // A page's script could not be fetched (the hub went away, or was updated).
      root.textContent = i18n.t('unreachable');
      root.setAttribute('role', 'alert');
    },
  );
}
