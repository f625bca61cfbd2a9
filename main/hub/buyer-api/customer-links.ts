import { catalogAccess, styleAccess, type CatalogDates } from '../../domain/catalog-dates.ts';
import { activeFilters } from '../../domain/catalog-filters.ts';
import { parseCatalogQuery } from '../../domain/catalog-search.ts';
import {
  LINK_STYLES_PAGE,
  linkScreen,
  type LinkBackground,
} from '../../domain/customer-order-links.ts';
import { applyDiscount } from '../../domain/money.ts';
import { availableUnits } from '../../domain/stock.ts';
import type {
  CustomerLinkStyles,
  CustomerLinkView,
} from '../../../preload/contract/buyer-api/index.ts';
import {
  colorwaysOf,
  inSizeOrder,
  lowestPrices,
  searchStyles,
  styleRows,
} from '../../store/catalog-queries.ts';
import { hubDb, type StoreDb } from '../../store/database.ts';
import { shippingWarehouse, stockLevels } from '../../store/stock-queries.ts';
import {
  checkBrandCredentials,
  checkLinkPasscode,
  checkOfflineBuyerLogIn,
} from '../auth/credential-log-ins.ts';
import { checkSecret, type PasswordCheckDependencies } from '../auth/password-attempts.ts';
import { HubRefusal } from '../errors.ts';
import type { ShareOpenLog } from '../share-opens.ts';
import { recordVisit } from './customer-link-visits.ts';
import type { BuyerApiHandlers, LinkVisitor } from './handler-table.ts';
import { linkExpired } from './link-holders.ts';
import { pictureAnswer } from './pictures.ts';

export interface CustomerLinkDependencies {
  db: StoreDb;
  clock: () => Date;
  passwordChecks: PasswordCheckDependencies;
  /** Where a link's opens are counted, in batches (share-opens.ts). */
  opens: ShareOpenLog;
}

/** Swatches a style card shows; the rest is counted. */
const SWATCHES_PER_CARD = 6;

/** What every wrong password, passcode or code answers: only that it was wrong. */
const wrongSecret = () =>
  new HubRefusal(401, 'wrong_credentials', 'That is not right. Check it and try again.');

/** The visit's buyer, with the terms every price is shown at; a 401 before the log-in. */
export async function visitingBuyer(db: StoreDb, actor: LinkVisitor) {
  if (actor.state !== 'live') throw linkExpired();
  const visit = actor.visit;
  const passed = !actor.link.passcodeEnabled || visit?.passcodePassed;
  if (!visit?.buyerId || !passed) {
    throw new HubRefusal(401, 'unauthorized', 'Log in to see the catalogs of this link.');
  }
  const buyer = await hubDb(db)
    .selectFrom('buyers as b')
    .innerJoin('pricelists as p', 'p.id', 'b.pricelist_id')
    .select(['b.id', 'b.name', 'b.language', 'b.discount_bp', 'b.pricelist_id', 'p.currency'])
    .where('b.id', '=', visit.buyerId)
    .executeTakeFirst();
  if (!buyer) throw new HubRefusal(401, 'unauthorized', 'Log in to see the catalogs of this link.');
  return buyer;
}

/** The link's catalogs as they stand now: those a buyer browses, and those not shown with why. */
export async function linkCatalogs(db: StoreDb, actor: LinkVisitor) {
  const ids = actor.link.catalogIds;
  const rows =
    ids.length === 0
      ? []
      : await db
          .selectFrom('catalogs')
          .select([
            'id',
            'name',
            'status',
            'publication_at as publicationAt',
            'order_deadline_at as orderDeadlineAt',
          ])
          .where('id', 'in', ids)
          .execute();
  // In the order the link names them.
  const byId = new Map(rows.map((row) => [row.id, row]));
  const catalogs = ids.flatMap((id) => {
    const row = byId.get(id);
    return row ? [{ ...row, access: catalogAccess(row, actor.at) }] : [];
  });
  return {
    visible: catalogs.filter((catalog) => catalog.access.visible),
    hidden: catalogs.filter((catalog) => !catalog.access.visible),
  };
}

/** The link's background as a page shows it: an uploaded picture by its picture id. */
function pageBackground(background: LinkBackground) {
  return background.kind === 'image'
    ? { kind: 'image' as const, pictureId: background.mediaId }
    : background;
}

/** The catalog's first page: every catalog the buyer may browse, no search. */
const FIRST_STYLES = { query: '', catalogId: null, offset: 0, limit: LINK_STYLES_PAGE };

/** What the visitor sees now, by linkScreen, with what that screen needs. */
export async function viewFor(db: StoreDb, actor: LinkVisitor): Promise<CustomerLinkView> {
  const visit = actor.visit;
  const screen = linkScreen({
    state: actor.state,
    passcodeEnabled: actor.link.passcodeEnabled,
    passcodePassed: Boolean(visit?.passcodePassed),
    loggedIn: Boolean(visit?.method),
    buyerChosen: Boolean(visit?.buyerId),
  });
  const brand = actor.brand;
  const background = pageBackground(actor.link.background);
  const contacts = actor.link.contacts;
  switch (screen) {
    case 'scheduled':
      return { screen, brand, opensAt: actor.link.releaseAt ?? '', background };
    case 'expired':
    case 'passcode':
      return { screen, brand, background };
    case 'logIn':
      return { screen, brand, contacts };
    case 'chooseBuyer':
      return { screen, brand, contacts, ...(await personsBuyers(db, visit!.buyerUserId!)) };
  }
  const buyer = await visitingBuyer(db, actor);
  const catalogs = await linkCatalogs(db, actor);
  const [firstStyles, lookbooks, person, buyerCount, staff] = await Promise.all([
    styleCards(db, buyer, catalogs.visible, FIRST_STYLES),
    publicLookbooks(db, actor.link.lookbookIds),
    visit!.buyerUserId
      ? hubDb(db)
          .selectFrom('buyer_users')
          .select('name')
          .where('id', '=', visit!.buyerUserId)
          .executeTakeFirst()
      : undefined,
    visit!.buyerUserId
      ? hubDb(db)
          .selectFrom('buyer_memberships')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('buyer_user_id', '=', visit!.buyerUserId)
          .executeTakeFirstOrThrow()
      : { n: 1 },
    visit!.onBehalfOf
      ? hubDb(db)
          .selectFrom('staff_users')
          .select('name')
          .where('id', '=', visit!.onBehalfOf)
          .executeTakeFirst()
      : undefined,
  ]);
  return {
    screen,
    brand,
    contacts,
    buyer: {
      id: buyer.id,
      name: buyer.name,
      currency: buyer.currency,
      language: buyer.language,
      discountBp: buyer.discount_bp,
    },
    loggedIn: {
      method: visit!.method!,
      person: person?.name ?? null,
      onBehalfOf: staff?.name ?? null,
      mayChooseBuyer: Number(buyerCount.n) > 1,
    },
    viewOnly: actor.link.viewOnly,
    addressField: actor.link.addressField,
    paymentMethods: actor.link.paymentMethods,
    catalogs: catalogs.visible.map((catalog) => ({
      id: catalog.id,
      name: catalog.name,
      orderDeadlineAt: catalog.orderDeadlineAt,
      orderRefusal: catalog.access.orderable ? null : catalog.access.reason,
    })),
    unavailable: catalogs.hidden.flatMap((catalog) =>
      catalog.access.orderable ? [] : [catalog.access.reason],
    ),
    video: actor.link.video,
    lookbooks,
    firstStyles,
  };
}

/** A page of the styles in the link's open catalogs (or one of them) at the buyer's prices. */
async function styleCards(
  db: StoreDb,
  buyer: Awaited<ReturnType<typeof visitingBuyer>>,
  visible: Awaited<ReturnType<typeof linkCatalogs>>['visible'],
  input: { query: string; catalogId: string | null; offset: number; limit: number },
): Promise<CustomerLinkStyles> {
  const within = visible
    .map((catalog) => catalog.id)
    .filter((id) => input.catalogId === null || id === input.catalogId);
  const query = parseCatalogQuery(input.query);
  const found = await searchStyles(db, query, activeFilters({}), input, within);
  const ids = found.rows.map((row) => row.id);
  const [colorways, prices] = await Promise.all([
    colorwaysOf(db, ids),
    lowestPrices(db, buyer.pricelist_id, ids),
  ]);
  const colorwaysByStyle = Map.groupBy(colorways, (colorway) => colorway.product_id);
  const priceByStyle = new Map(prices.map((price) => [price.product_id, price]));
  return {
    total: found.total,
    offset: input.offset,
    items: found.rows.map((row) => {
      const styleColorways = colorwaysByStyle.get(row.id) ?? [];
      const price = priceByStyle.get(row.id);
      return {
        id: row.id,
        styleNumber: row.style_number,
        name: row.name,
        category: row.category,
        pictureId: styleColorways.find((colorway) => colorway.picture_id)?.picture_id ?? null,
        colorways: styleColorways.slice(0, SWATCHES_PER_CARD).map((colorway) => ({
          code: colorway.code,
          name: colorway.name,
          colorHex: colorway.color_hex,
        })),
        colorwayCount: styleColorways.length,
        price: price
          ? {
              amountMinor: applyDiscount(price.wholesale_min, buyer.discount_bp),
              currency: buyer.currency,
            }
          : null,
      };
    }),
  };
}

async function personsBuyers(db: StoreDb, buyerUserId: string) {
  const hub = hubDb(db);
  const [person, buyers] = await Promise.all([
    hub.selectFrom('buyer_users').select('name').where('id', '=', buyerUserId).executeTakeFirst(),
    hub
      .selectFrom('buyer_memberships as m')
      .innerJoin('buyers as b', 'b.id', 'm.buyer_id')
      .select(['b.id', 'b.name'])
      .where('m.buyer_user_id', '=', buyerUserId)
      .orderBy('b.name')
      .execute(),
  ]);
  return { person: person?.name ?? '', buyers };
}

/** The link's lookbooks buyers may see: "Only lookbooks with a status of Public will be displayed". */
async function publicLookbooks(db: StoreDb, ids: readonly string[]) {
  if (ids.length === 0) return [];
  const [books, pages] = await Promise.all([
    db
      .selectFrom('lookbooks')
      .select(['id', 'name'])
      .where('id', 'in', ids)
      .where('status', '=', 'Public')
      .execute(),
    db
      .selectFrom('lookbook_pages')
      .select(['lookbook_id', 'picture_id', 'caption', 'product_ids'])
      .where('lookbook_id', 'in', ids)
      .orderBy('lookbook_id')
      .orderBy('position')
      .execute(),
  ]);
  const pagesByBook = Map.groupBy(pages, (page) => page.lookbook_id);
  const byId = new Map(books.map((book) => [book.id, book]));
  return ids.flatMap((id) => {
    const book = byId.get(id);
    if (!book) return [];
    return [
      {
        id: book.id,
        name: book.name,
        pages: (pagesByBook.get(id) ?? []).map((page) => ({
          pictureId: page.picture_id,
          caption: page.caption,
          styleIds: JSON.parse(page.product_ids) as string[],
        })),
      },
    ];
  });
}

/** The link's catalogs holding a style, with their dates; empty when none of them does. */
export async function styleCatalogs(
  db: StoreDb,
  actor: LinkVisitor,
  styleId: string,
): Promise<CatalogDates[]> {
  const { visible } = await linkCatalogs(db, actor);
  if (visible.length === 0) return [];
  const holding = await db
    .selectFrom('catalog_products')
    .select('catalog_id')
    .where('product_id', '=', styleId)
    .where(
      'catalog_id',
      'in',
      visible.map((catalog) => catalog.id),
    )
    .execute();
  const ids = new Set(holding.map((row) => row.catalog_id));
  return visible.filter((catalog) => ids.has(catalog.id));
}

export function customerLinkHandlers(
  deps: CustomerLinkDependencies,
): Pick<
  BuyerApiHandlers,
  | 'customerLink.open'
  | 'customerLink.passcode'
  | 'customerLink.logIn'
  | 'customerLink.chooseBuyer'
  | 'customerLink.logOut'
  | 'customerLink.styles'
  | 'customerLink.style'
  | 'customerLink.picture'
> {
  const { db } = deps;
  return {
    'customerLink.open': (actor) => {
      // An open of a link that is open counts; a visit going through its steps does not.
      if (actor.state === 'live') {
        deps.opens.record({
          kind: 'customerOrder',
          linkId: actor.link.id,
          at: actor.at.toISOString(),
        });
      }
      return viewFor(db, actor);
    },

    async 'customerLink.passcode'(actor, { passcode }) {
      if (actor.state !== 'live') throw linkExpired();
      if (!actor.link.passcodeEnabled || actor.visit?.passcodePassed) {
        return { value: await viewFor(db, actor), session: null };
      }
      const secrets = await hubDb(db)
        .selectFrom('customer_order_link_secrets')
        .select('passcode_hash')
        .where('link_id', '=', actor.link.id)
        .executeTakeFirst();
      await checkLinkPasscode(deps.passwordChecks, {
        linkId: actor.link.id,
        passcode,
        storedHash: secrets?.passcode_hash ?? null,
        address: actor.address,
        now: actor.at,
      });
      const session = await recordVisit(db, actor, { passcodePassedAt: actor.at.toISOString() });
      const visit = actor.visit ?? emptyVisit();
      return {
        value: await viewFor(db, { ...actor, visit: { ...visit, passcodePassed: true } }),
        session,
      };
    },

    async 'customerLink.logIn'(actor, { method, identifier, secret }) {
      if (actor.state !== 'live') throw linkExpired();
      if (actor.link.passcodeEnabled && !actor.visit?.passcodePassed) {
        throw new HubRefusal(401, 'unauthorized', "Enter the link's passcode first.");
      }
      const attempt = { linkId: actor.link.id, address: actor.address, now: actor.at };
      let person: { buyerUserId: string | null; buyerId: string | null };
      if (method === 'userAccount') {
        person = await userAccountLogIn(deps, attempt, identifier, secret);
      } else {
        const buyerId =
          method === 'offlineBuyer'
            ? await checkOfflineBuyerLogIn(deps.passwordChecks, {
                ...attempt,
                email: identifier,
                password: secret,
              })
            : await checkBrandCredentials(deps.passwordChecks, {
                ...attempt,
                code: identifier,
                passcode: secret,
              });
        person = { buyerUserId: null, buyerId };
      }
      const { buyerUserId, buyerId } = person;
      const session = await recordVisit(
        db,
        actor,
        { method, buyerUserId, buyerId, onBehalfOf: null, onBehalfDevice: null },
        { fresh: true },
      );
      const visit = {
        ...(actor.visit ?? emptyVisit()),
        method,
        buyerUserId,
        buyerId,
        onBehalfOf: null,
        onBehalfDevice: null,
      };
      return { value: await viewFor(db, { ...actor, visit }), session };
    },

    async 'customerLink.chooseBuyer'(actor, { buyerId }) {
      if (actor.state !== 'live') throw linkExpired();
      const visit = actor.visit;
      if (!visit?.buyerUserId || visit.method !== 'userAccount') {
        throw new HubRefusal(401, 'unauthorized', 'Log in to choose a buyer.');
      }
      const member = await hubDb(db)
        .selectFrom('buyer_memberships')
        .select('buyer_id')
        .where('buyer_user_id', '=', visit.buyerUserId)
        .where('buyer_id', '=', buyerId)
        .executeTakeFirst();
      if (!member) throw new HubRefusal(404, 'not_found', 'You do not order for this buyer.');
      await recordVisit(db, actor, { buyerId });
      return viewFor(db, { ...actor, visit: { ...visit, buyerId } });
    },

    async 'customerLink.logOut'(actor) {
      if (!actor.visit) return;
      await hubDb(db)
        .deleteFrom('customer_link_sessions')
        .where('token_hash', '=', actor.visit.tokenHash)
        .execute();
    },

    async 'customerLink.styles'(actor, input) {
      const buyer = await visitingBuyer(db, actor);
      const { visible } = await linkCatalogs(db, actor);
      return styleCards(db, buyer, visible, input);
    },

    async 'customerLink.style'(actor, { styleId }) {
      const buyer = await visitingBuyer(db, actor);
      const catalogs = await styleCatalogs(db, actor, styleId);
      const rows = catalogs.length > 0 ? await styleRows(db, styleId, buyer.pricelist_id) : null;
      if (!rows)
        throw new HubRefusal(404, 'not_found', 'This style is not in the link’s catalogs.');
      const warehouse = await shippingWarehouse(db, buyer.id);
      const levels = warehouse
        ? await stockLevels(
            db,
            warehouse,
            rows.skus.map((sku) => sku.id),
          )
        : null;
      const access = styleAccess(catalogs, actor.at);
      const { sizes, colorways } = inSizeOrder(rows);
      return {
        id: rows.product.id,
        styleNumber: rows.product.style_number,
        name: rows.product.name,
        description: rows.product.description,
        sizes,
        catalogs: catalogs.map((catalog) => catalog.name),
        orderRefusal: access.orderable ? null : access.reason,
        colorways: colorways.map(({ colorway, skus }) => ({
          code: colorway.code,
          name: colorway.name,
          colorHex: colorway.color_hex,
          pictureId: colorway.picture_id,
          skus: skus.map((sku) => {
            const level = levels?.get(sku.id);
            return {
              id: sku.id,
              size: sku.size,
              listPriceMinor: sku.wholesale_minor,
              price:
                sku.wholesale_minor === null
                  ? null
                  : {
                      amountMinor: applyDiscount(sku.wholesale_minor, buyer.discount_bp),
                      currency: buyer.currency,
                    },
              available: levels ? (level ? availableUnits(level) : 0) : null,
            };
          }),
        })),
      };
    },

    async 'customerLink.picture'(actor, { id }) {
      const missing = 'This link has no such picture.';
      const background = actor.link.background;
      const isBackground = background.kind === 'image' && background.mediaId === id;
      if (!isBackground) {
        await visitingBuyer(db, actor);
        if (!(await pictureOfLink(db, actor, id))) {
          throw new HubRefusal(404, 'not_found', missing);
        }
      }
      const picture = await db
        .selectFrom('media')
        .select(['content_type', 'bytes'])
        .where('id', '=', id)
        .executeTakeFirst();
      return pictureAnswer(picture, missing);
    },
  };
}

/**
 * "Login with User Account": a buyer person's email and password, limited per link too;
 * the person then orders for their one buyer, or chooses among several.
 */
async function userAccountLogIn(
  deps: CustomerLinkDependencies,
  attempt: { linkId: string; address: string; now: Date },
  identifier: string,
  secret: string,
): Promise<{ buyerUserId: string; buyerId: string | null }> {
  const email = identifier.toLowerCase();
  const user = await hubDb(deps.db)
    .selectFrom('buyer_users')
    .select(['id', 'password_hash'])
    .where('email', '=', email)
    .executeTakeFirst();
  const right = await checkSecret(deps.passwordChecks, {
    kind: 'buyer',
    identifier: email,
    secret,
    storedHash: user?.password_hash ?? null,
    ...attempt,
  });
  if (!user || !right) throw wrongSecret();
  const { buyers } = await personsBuyers(deps.db, user.id);
  if (buyers.length === 0) {
    throw new HubRefusal(401, 'unauthorized', 'This account orders for no buyer of the brand.');
  }
  return { buyerUserId: user.id, buyerId: buyers.length === 1 ? buyers[0]!.id : null };
}

function emptyVisit() {
  return {
    tokenHash: '',
    passcodePassed: false,
    method: null,
    buyerUserId: null,
    buyerId: null,
    onBehalfOf: null,
    onBehalfDevice: null,
  };
}

/** Whether a picture is of a style in the link's open catalogs or a page of its public lookbooks. */
async function pictureOfLink(db: StoreDb, actor: LinkVisitor, id: string): Promise<boolean> {
  const { visible } = await linkCatalogs(db, actor);
  const catalogIds = visible.map((catalog) => catalog.id);
  const ofStyle =
    catalogIds.length > 0 &&
    (await db
      .selectFrom('colorways as c')
      .innerJoin('catalog_products as cp', 'cp.product_id', 'c.product_id')
      .select('c.id')
      .where('c.picture_id', '=', id)
      .where('cp.catalog_id', 'in', catalogIds)
      .limit(1)
      .executeTakeFirst());
  if (ofStyle) return true;
  const lookbookIds = actor.link.lookbookIds;
  if (lookbookIds.length === 0) return false;
  const ofLookbook = await db
    .selectFrom('lookbook_pages as p')
    .innerJoin('lookbooks as l', 'l.id', 'p.lookbook_id')
    .select('p.lookbook_id')
    .where('p.picture_id', '=', id)
    .where('l.status', '=', 'Public')
    .where('p.lookbook_id', 'in', lookbookIds)
    .limit(1)
    .executeTakeFirst();
  return Boolean(ofLookbook);
}
