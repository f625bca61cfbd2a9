import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
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
  // The frame (with the pages' styles), the brand's name and the page are fetched side
  // by side and drawn together, once: no style sheet holds up the first paint (there is
  // nothing to paint before the script has run), and nothing moves afterwards.
  Promise.all([
    import('./BuyerApp.tsx'),
    fetchBrand(),
    loadPage(window.location.pathname, shareToken, linkToken, dtcLink),
  ]).then(
    ([{ BuyerApp }, brand, page]) =>
      createRoot(root).render(
        <StrictMode>
          <BuyerApp brand={brand}>{page}</BuyerApp>
        </StrictMode>,
      ),
    () => {
      // A page's script could not be fetched (the hub went away, or was updated).
      root.textContent = i18n.t('unreachable');
      root.setAttribute('role', 'alert');
    },
  );
}
