import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SIGN_IN_TICKET_LIFETIME_MS } from '../../../main/domain/link-sign-in-tickets.ts';
import type { CustomerLinkView } from '../../../preload/contract/buyer-api/index.ts';
import { formatLongDateTime } from '../../ui/dates.ts';
import { speakTermsLanguage } from '../i18n.ts';
import { Problem } from '../PageStatus.tsx';
import { LinkBackdrop } from './LinkBackdrop.tsx';
import { LinkCatalog } from './LinkCatalog.tsx';
import type { LinkAnswer } from './link-api.ts';
import { ChooseBuyer, LogInForm, PasscodeForm } from './LinkLogIn.tsx';

/**
 * What a customer order link opens, screen by screen as the hub says
 * (main/domain/customer-order-links.ts, linkScreen): when it opens, that it expired, its
 * passcode, the log-in, the choice of a buyer, then the catalogs. Each step answers the
 * next screen, so the page never guesses where the visitor stands.
 */
export function LinkPage({ token, answer }: { token: string | null; answer: LinkAnswer | null }) {
  const { t } = useTranslation();
  const [view, setView] = useState<CustomerLinkView | null>(
    answer?.kind === 'view' ? answer.view : null,
  );
  if (token === null || answer === null || answer.kind === 'gone' || answer.kind === 'limited') {
    return (
      <section className="expired" aria-labelledby="link-gone-title">
        <h1 id="link-gone-title" className="expired__title">
          {answer?.kind === 'limited' ? t('shared.limited') : t('link.gone')}
        </h1>
      </section>
    );
  }
  if (answer.kind === 'failed' || view === null) return <Problem />;
  const screen = <LinkScreen token={token} view={view} onView={setView} />;
  // An "Open as" ticket that did not work: said above the log-in the link shows instead.
  if (!answer.ticketRefused || view.screen === 'catalog') return screen;
  return (
    <>
      <p className="notice link-ticket-refused" role="status">
        {t('link.ticketRefused', { minutes: SIGN_IN_TICKET_LIFETIME_MS / 60_000 })}
      </p>
      {screen}
    </>
  );
}

function LinkScreen({
  token,
  view,
  onView,
}: {
  token: string;
  view: CustomerLinkView;
  onView: (view: CustomerLinkView) => void;
}) {
  const { t, i18n } = useTranslation();
  const next = (view: CustomerLinkView) => {
    if (view.screen === 'catalog') speakTermsLanguage(view.buyer.language);
    onView(view);
    document.getElementById('content')?.focus();
  };
  switch (view.screen) {
    case 'scheduled':
      return (
        <LinkBackdrop token={token} background={view.background} titleId="link-title">
          <h1 id="link-title">{t('link.scheduledTitle')}</h1>
          <p>{t('link.opensOn', { date: formatLongDateTime(view.opensAt, i18n.language) })}</p>
        </LinkBackdrop>
      );
    case 'expired':
      return (
        <LinkBackdrop token={token} background={view.background} titleId="link-title">
          <h1 id="link-title">{t('link.expiredTitle')}</h1>
          <p>{t('link.expiredLead')}</p>
        </LinkBackdrop>
      );
    case 'passcode':
      return (
        <LinkBackdrop token={token} background={view.background} titleId="passcode-title">
          <PasscodeForm token={token} titleId="passcode-title" onPassed={next} />
        </LinkBackdrop>
      );
    case 'logIn':
      return <LogInForm token={token} contacts={view.contacts} onLoggedIn={next} />;
    case 'chooseBuyer':
      return (
        <ChooseBuyer token={token} person={view.person} buyers={view.buyers} onChosen={next} />
      );
    case 'catalog':
      return <LinkCatalog token={token} view={view} onLoggedOut={next} />;
  }
}
