import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  CustomerLinkStyles,
  CustomerLinkView,
} from '../../../preload/contract/buyer-api/index.ts';
import { deadlineWords, formatLongDate } from '../../ui/dates.ts';
import { Money } from '../../ui/Money.tsx';
import { Loading, Problem } from '../PageStatus.tsx';
import { LinkContacts } from './LinkContacts.tsx';
import { LinkPicture } from './LinkPicture.tsx';
import { StyleDetail } from './StyleDetail.tsx';
import { useCart } from './cart.ts';
import { LINK_STYLES_PAGE as PAGE } from '../../../main/domain/customer-order-links.ts';
import { linkStyles, logOutOfLink, openLink } from './link-api.ts';

type CatalogView = Extract<CustomerLinkView, { screen: 'catalog' }>;

// The cart and its checkout (address fields, the ISO country list, shipping) load when
// the cart is opened: the catalog a phone opens on is drawn without their script.
const LinkCart = lazy(() =>
  import('./LinkCart.tsx').then((module) => ({ default: module.LinkCart })),
);

/**
 * The link's catalogs under the logged-in buyer's trading terms: which catalogs are
 * open and until when, those not shown and why, a search across them, the styles at the
 * buyer's prices, a style's sizes with availability, the link's video, its Public
 * lookbooks and its contacts.
 */
export function LinkCatalog({
  token,
  view,
  onLoggedOut,
}: {
  token: string;
  view: CatalogView;
  onLoggedOut: (view: CustomerLinkView) => void;
}) {
  const { t, i18n } = useTranslation();
  const [catalogId, setCatalogId] = useState<string | null>(null);
  const [query, setQuery] = useState('');
  const [styleId, setStyleId] = useState<string | null>(null);
  const [inCart, setInCart] = useState(false);
  const cart = useCart(view.buyer.id);
  const units = cart.lines.reduce((sum, line) => sum + line.quantity, 0);
  const [failed, setFailed] = useState(false);

  const logOut = () => {
    void logOutOfLink(token)
      .then(() => openLink(token))
      .then(
        (answer) => (answer.kind === 'view' ? onLoggedOut(answer.view) : setFailed(true)),
        () => setFailed(true),
      );
  };

  if (inCart) {
    return (
      <Suspense fallback={<Loading />}>
        <LinkCart token={token} view={view} onBack={() => setInCart(false)} />
      </Suspense>
    );
  }
  if (styleId) {
    return (
      <StyleDetail
        token={token}
        styleId={styleId}
        buyerId={view.buyer.id}
        viewOnly={view.viewOnly}
        onBack={() => setStyleId(null)}
      />
    );
  }
  return (
    <article className="link-catalog" aria-labelledby="link-catalog-title">
      <div className="account-bar">
        <p>
          {view.loggedIn.onBehalfOf
            ? t('link.onBehalf', {
                staff: view.loggedIn.onBehalfOf,
                brand: view.brand,
                buyer: view.buyer.name,
              })
            : view.loggedIn.person
              ? t('link.loggedInAs', { person: view.loggedIn.person, buyer: view.buyer.name })
              : t('link.orderingFor', { buyer: view.buyer.name })}
        </p>
        <div className="account-bar__actions">
          {view.viewOnly ? null : (
            <button
              type="button"
              className="button button--primary"
              onClick={() => setInCart(true)}
            >
              {t('link.cart', { count: units })}
            </button>
          )}
          <button type="button" className="button" onClick={logOut}>
            {t('account.logOut')}
          </button>
        </div>
      </div>
      {failed ? <Problem /> : null}
      <h1 id="link-catalog-title" className="landing__title">
        {t('link.catalogTitle', { buyer: view.buyer.name })}
      </h1>
      <p className="link-catalog__terms">
        {view.buyer.discountBp > 0
          ? t('link.termsWithDiscount', {
              currency: view.buyer.currency,
              discount: (view.buyer.discountBp / 100).toLocaleString(i18n.language),
            })
          : t('link.terms', { currency: view.buyer.currency })}
      </p>
      {view.viewOnly ? <p className="notice">{t('link.viewOnly')}</p> : null}
      <CardPaymentNotice />
      {view.unavailable.map((refusal) => (
        <p key={String(refusal.params.catalog)} className="notice">
          {refusal.code === 'not_published'
            ? t('link.catalogNotYet', {
                catalog: refusal.params.catalog,
                date: formatLongDate(String(refusal.params.publishAt), i18n.language),
              })
            : t('link.catalogClosed', { catalog: refusal.params.catalog })}
        </p>
      ))}
      {view.catalogs.length === 0 ? (
        <p className="notice">{t('link.noCatalogs')}</p>
      ) : (
        <>
          <nav className="link-catalogs" aria-label={t('link.catalogs')}>
            <button
              type="button"
              className="link-catalogs__choice"
              aria-pressed={catalogId === null}
              onClick={() => setCatalogId(null)}
            >
              {t('link.allCatalogs')}
            </button>
            {view.catalogs.map((catalog) => (
              <button
                key={catalog.id}
                type="button"
                className="link-catalogs__choice"
                aria-pressed={catalogId === catalog.id}
                onClick={() => setCatalogId(catalog.id)}
              >
                <span>{catalog.name}</span>
                <span className="link-catalogs__deadline">
                  {catalog.orderRefusal
                    ? t(
                        'link.orderingClosed',
                        deadlineWords(catalog.orderRefusal.params, i18n.language),
                      )
                    : catalog.orderDeadlineAt
                      ? t('link.orderBy', {
                          date: formatLongDate(catalog.orderDeadlineAt, i18n.language),
                        })
                      : null}
                </span>
              </button>
            ))}
          </nav>
          <label className="checkout__field link-search">
            <span>{t('link.search')}</span>
            <input
              type="search"
              value={query}
              placeholder={t('link.searchHint')}
              onChange={(event) => setQuery(event.target.value)}
            />
          </label>
          <StyleGrid
            token={token}
            query={query}
            catalogId={catalogId}
            first={view.firstStyles}
            onOpen={setStyleId}
          />
        </>
      )}
      {view.video?.kind === 'embed' ? (
        <section className="link-video" aria-labelledby="link-video-title">
          <h2 id="link-video-title">{t('link.video')}</h2>
          <iframe
            src={view.video.url}
            title={t('link.video')}
            allow="encrypted-media; picture-in-picture; fullscreen"
            referrerPolicy="strict-origin-when-cross-origin"
            sandbox="allow-scripts allow-same-origin allow-presentation"
          />
        </section>
      ) : null}
      {view.video?.kind === 'file' ? (
        <section className="link-video" aria-labelledby="link-video-title">
          <h2 id="link-video-title">{t('link.video')}</h2>
          <video
            controls
            preload="metadata"
            playsInline
            src={`/api/link/videos/${encodeURIComponent(view.video.mediaId)}`}
          />
        </section>
      ) : null}
      {view.lookbooks.map((lookbook) => (
        <section
          key={lookbook.id}
          className="link-lookbook"
          aria-labelledby={`lookbook-${lookbook.id}`}
        >
          <h2 id={`lookbook-${lookbook.id}`}>{lookbook.name}</h2>
          <ul>
            {lookbook.pages.map((page, index) => (
              <li key={index}>
                <figure>
                  <LinkPicture token={token} id={page.pictureId} alt={page.caption} />
                  {page.caption ? <figcaption>{page.caption}</figcaption> : null}
                </figure>
              </li>
            ))}
          </ul>
        </section>
      ))}
      <LinkContacts contacts={view.contacts} />
    </article>
  );
}

/** Back from Stripe's page: whether the card payment went through, said once. */
function CardPaymentNotice() {
  const { t } = useTranslation();
  const [outcome] = useState(() => {
    const url = new URL(window.location.href);
    const payment = url.searchParams.get('payment');
    if (payment === null) return null;
    url.searchParams.delete('payment');
    window.history.replaceState(null, '', url);
    return payment === 'paid' ? 'paid' : 'cancelled';
  });
  if (outcome === null) return null;
  return (
    <p className="notice" role="status">
      {outcome === 'paid' ? t('link.cardPaid') : t('link.cardCancelled')}
    </p>
  );
}

/**
 * A page of styles as the search and catalog choice ask, then "Show more" for the next.
 * `first`, the page of every catalog without a search that came with the catalogs, is
 * drawn at once (back from a style too) rather than asked again: nothing below the grid
 * moves when it arrives, and a phone renders the page once.
 */
function StyleGrid({
  token,
  query,
  catalogId,
  first,
  onOpen,
}: {
  token: string;
  query: string;
  catalogId: string | null;
  first: CustomerLinkStyles;
  onOpen: (styleId: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const [found, setFound] = useState<CustomerLinkStyles | null>(
    query === '' && catalogId === null ? first : null,
  );
  const [failed, setFailed] = useState(false);
  const [more, setMore] = useState(false);
  const firstShown = useRef(found !== null);

  useEffect(() => {
    if (firstShown.current) {
      firstShown.current = false;
      return;
    }
    const controller = new AbortController();
    // Typing waits for a pause; a new choice of catalog asks at once.
    const timer = setTimeout(
      () => {
        linkStyles({ token, query, catalogId, offset: 0, limit: PAGE }, controller.signal).then(
          (page) => {
            setFailed(page === null);
            if (page) setFound(page);
          },
          () => !controller.signal.aborted && setFailed(true),
        );
      },
      query === '' ? 0 : 200,
    );
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [token, query, catalogId]);

  const showMore = (shown: CustomerLinkStyles) => {
    setMore(true);
    const offset = shown.items.length;
    linkStyles({ token, query, catalogId, offset, limit: PAGE })
      .then(
        (page) => {
          if (page) setFound({ ...page, offset: 0, items: [...shown.items, ...page.items] });
          else setFailed(true);
        },
        () => setFailed(true),
      )
      .finally(() => setMore(false));
  };

  if (failed) return <Problem />;
  if (!found) return <Loading />;
  return (
    <section aria-labelledby="link-styles-title">
      <h2 id="link-styles-title" className="link-styles__count" aria-live="polite">
        {t('link.stylesFound', { count: found.total })}
      </h2>
      <ul className="link-styles">
        {found.items.map((style, index) => (
          <li key={style.id}>
            <button type="button" className="link-style" onClick={() => onOpen(style.id)}>
              <LinkPicture
                token={token}
                id={style.pictureId}
                alt=""
                className="link-style__picture"
                first={index === 0}
              />
              <span className="link-style__number">{style.styleNumber}</span>
              <span className="link-style__name">{style.name}</span>
              <span className="link-style__price">
                <Money value={style.price} language={i18n.language} />
              </span>
              <span className="link-style__colours">
                {t('link.colours', { count: style.colorwayCount })}
              </span>
            </button>
          </li>
        ))}
      </ul>
      {found.items.length < found.total ? (
        <button type="button" className="button" disabled={more} onClick={() => showMore(found)}>
          {t('link.showMore')}
        </button>
      ) : null}
    </section>
  );
}
