import { describe, expect, it } from 'vitest';
import { TOKEN_GUESS_LIMIT } from '../../main/domain/rate-limit.ts';
import { newLinkSettings } from '../../main/domain/customer-order-links.ts';
import { ticketOfFragment } from '../../main/domain/link-sign-in-tickets.ts';
import {
  createCustomerOrderLinkLocally,
  openCustomerOrderLinkAsBuyer,
  setCustomerOrderLinkDisabledLocally,
} from '../../main/services/customer-order-links.ts';
import { hubDb } from '../../main/store/database.ts';
import { DEMO_REP, useDemoHub } from '../support/demo-hub.ts';
import { servicesOf, type TestDesktop } from '../support/desktop.ts';

/**
 * "Open as <buyer>": the brand checks out on a buyer's behalf. A staff member's desktop
 * gets a one-time, short-lived sign-in ticket from the hub (the link's maker or an admin,
 * for a buyer they may act for, on a live link) and an address carrying it in the
 * fragment; the buyer page trades it once for a visit logged in as that buyer, whose
 * catalog says on whose behalf. Both steps are audited with who and which device, and
 * neither the ticket nor the link's token is kept raw anywhere.
 */
const MAJA = 'maja@nordlys-atelier.example';
const demo = useDemoHub('trunkshow-link-sign-in-tickets-');

async function call(path: string, body: object) {
  const response = await fetch(`${demo.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return {
    status: response.status,
    body: (await response.json()) as Record<string, unknown>,
    cookie: response.headers.get('set-cookie'),
  };
}

/** A live link with a passcode, made on the desktop and synced to the hub. */
async function liveLink(maker: TestDesktop, name: string) {
  const catalog = await demo.hub.store.db
    .selectFrom('catalogs')
    .select('id')
    .where('status', '=', 'Open')
    .orderBy('name')
    .executeTakeFirstOrThrow();
  const { link, url } = await createCustomerOrderLinkLocally(servicesOf(maker), {
    settings: { ...newLinkSettings(), name, passcodeEnabled: true, catalogIds: [catalog.id] },
    passcode: 'harbour-2027',
  });
  await maker.engine.syncNow();
  return { id: link.id, token: /\/c\/([\w-]{43})$/.exec(url)![1]!, url };
}

/** Two buyers: the rep's own, and another rep's or nobody's. */
async function repsBuyers() {
  const hub = hubDb(demo.hub.store.db);
  const rep = await hub
    .selectFrom('staff_users')
    .select(['id', 'name'])
    .where('email', '=', DEMO_REP)
    .executeTakeFirstOrThrow();
  const [own, other] = await hub
    .selectFrom('buyers')
    .select(['id', 'name'])
    .orderBy('name')
    .limit(2)
    .execute();
  // The rep's own buyer is one the rep keeps a selection for.
  await hub
    .insertInto('selections')
    .values({
      id: 'selection-of-rep',
      buyer_id: own!.id,
      owner_id: rep.id,
      name: 'Rep’s selection',
      created_at: new Date().toISOString(),
      updated_at: new Date().toISOString(),
    })
    .onConflict((oc) => oc.doNothing())
    .execute();
  return { rep, own: own!, other: other! };
}

const auditOf = (action: string) =>
  hubDb(demo.hub.store.db)
    .selectFrom('audit_log')
    .selectAll()
    .where('action', '=', action)
    .orderBy('at', 'desc')
    .orderBy('id', 'desc')
    .execute();

describe('opening a customer order link as a buyer', () => {
  it('is for the link’s maker or an admin, for a buyer they act for, on a live link', async () => {
    const maja = await demo.desktop(MAJA);
    const jonas = await demo.desktop(DEMO_REP);
    const { own, other } = await repsBuyers();
    const repsLink = await liveLink(jonas, 'Jonas’s spring link');
    const adminsLink = await liveLink(maja, 'Maja’s spring link');

    const opened = await openCustomerOrderLinkAsBuyer(servicesOf(jonas), {
      linkId: repsLink.id,
      buyerId: own.id,
    });
    expect(opened.url.startsWith(`${repsLink.url}#ticket=`)).toBe(true);
    // An admin acts for any buyer, on any link.
    await openCustomerOrderLinkAsBuyer(servicesOf(maja), {
      linkId: repsLink.id,
      buyerId: other.id,
    });
    await openCustomerOrderLinkAsBuyer(servicesOf(maja), {
      linkId: adminsLink.id,
      buyerId: own.id,
    });
    // A rep: not another rep's buyer, not another's link.
    await expect(
      openCustomerOrderLinkAsBuyer(servicesOf(jonas), { linkId: repsLink.id, buyerId: other.id }),
    ).rejects.toMatchObject({ code: 'forbidden' });
    await expect(
      openCustomerOrderLinkAsBuyer(servicesOf(jonas), { linkId: adminsLink.id, buyerId: own.id }),
    ).rejects.toMatchObject({ code: 'not_found' });

    await setCustomerOrderLinkDisabledLocally(servicesOf(jonas), {
      id: repsLink.id,
      disabled: true,
    });
    await jonas.engine.syncNow();
    await expect(
      openCustomerOrderLinkAsBuyer(servicesOf(jonas), { linkId: repsLink.id, buyerId: own.id }),
    ).rejects.toMatchObject({ code: 'conflict' });

    // Three tickets issued, each audited with who and from which device.
    const issued = await auditOf('customerLink.sign_in_ticket');
    const jonasDevice = jonas.session.hub('test').deviceId;
    expect(
      issued.find((row) => row.subject === `customer-order-link:${repsLink.id}`),
    ).toMatchObject({ actor_kind: 'staff', device: expect.any(String) });
    expect(issued.some((row) => row.device === jonasDevice)).toBe(true);
    expect(
      issued.filter((row) => [repsLink.id, adminsLink.id].some((id) => row.subject?.endsWith(id))),
    ).toHaveLength(3);

    // Offline there is no ticket: the rep places the order in the desktop instead.
    await demo.stop();
    try {
      await expect(
        openCustomerOrderLinkAsBuyer(servicesOf(maja), {
          linkId: adminsLink.id,
          buyerId: own.id,
        }),
      ).rejects.toMatchObject({ code: 'unavailable' });
    } finally {
      await demo.start();
    }
  });

  it('logs in once as the buyer on the staff member’s behalf, audited, and never again', async () => {
    const jonas = await demo.desktop(DEMO_REP);
    const { rep, own } = await repsBuyers();
    const link = await liveLink(jonas, 'Jonas’s trade fair link');
    const otherLink = await liveLink(jonas, 'Jonas’s other link');
    const { url } = await openCustomerOrderLinkAsBuyer(servicesOf(jonas), {
      linkId: link.id,
      buyerId: own.id,
    });
    const ticket = ticketOfFragment(new URL(url).hash)!;

    // Another link's ticket opens nothing and is not spent by trying.
    const elsewhere = await call('/api/link/ticket', { token: otherLink.token, ticket });
    expect(elsewhere).toMatchObject({ status: 401, body: { error: { code: 'ticket_invalid' } } });
    expect(elsewhere.cookie).toBeNull();

    const redeemed = await call('/api/link/ticket', { token: link.token, ticket });
    expect(redeemed.status).toBe(200);
    expect(redeemed.cookie).toMatch(/^trunkshow-link=/);
    // Past the passcode and the log-in, at the buyer's terms, on the rep's behalf.
    expect(redeemed.body).toMatchObject({
      screen: 'catalog',
      buyer: { name: own.name },
      loggedIn: { method: 'brandCredentials', person: null, onBehalfOf: rep.name },
    });
    const visit = redeemed.cookie!.split(';')[0]!;
    const reopened = await fetch(`${demo.url}/api/link/open`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: visit },
      body: JSON.stringify({ token: link.token }),
    });
    expect(await reopened.json()).toMatchObject({ loggedIn: { onBehalfOf: rep.name } });

    const again = await call('/api/link/ticket', { token: link.token, ticket });
    expect(again).toMatchObject({ status: 401, body: { error: { code: 'ticket_invalid' } } });
    expect(again.cookie).toBeNull();

    const [logIn] = await auditOf('customerLink.logged_in_on_behalf');
    expect(logIn).toMatchObject({
      actor_kind: 'staff',
      actor_id: rep.id,
      device: jonas.session.hub('test').deviceId,
      subject: `customer-order-link:${link.id}`,
    });
    expect(JSON.parse(logIn!.details)).toEqual({
      linkId: link.id,
      linkName: 'Jonas’s trade fair link',
      buyerId: own.id,
      buyerName: own.name,
      address: expect.any(String),
    });

    // Nothing raw at rest: neither the ticket nor the link's token in any audit row or ticket row.
    const audit = JSON.stringify(
      await hubDb(demo.hub.store.db).selectFrom('audit_log').selectAll().execute(),
    );
    const tickets = JSON.stringify(
      await hubDb(demo.hub.store.db)
        .selectFrom('customer_link_sign_in_tickets')
        .selectAll()
        .execute(),
    );
    for (const secret of [ticket, link.token]) {
      expect(audit).not.toContain(secret);
      expect(tickets).not.toContain(secret);
    }
  });

  it('expires after a short while', async () => {
    const jonas = await demo.desktop(DEMO_REP);
    const { own } = await repsBuyers();
    const link = await liveLink(jonas, 'Jonas’s slow link');
    const { url } = await openCustomerOrderLinkAsBuyer(servicesOf(jonas), {
      linkId: link.id,
      buyerId: own.id,
    });
    demo.travel(1);
    const late = await call('/api/link/ticket', {
      token: link.token,
      ticket: ticketOfFragment(new URL(url).hash)!,
    });
    expect(late).toMatchObject({ status: 401, body: { error: { code: 'ticket_invalid' } } });
    expect(late.cookie).toBeNull();
  });

  // Last: it spends this address's tries for the rest of the file.
  it('counts every ticket tried from an address before looking at it', async () => {
    const jonas = await demo.desktop(DEMO_REP);
    const { own } = await repsBuyers();
    const link = await liveLink(jonas, 'Jonas’s guessed link');
    for (let i = 0; i < TOKEN_GUESS_LIMIT.max; i++) {
      // The tests before counted too: every ticket tried counts, a good one as well.
      const guess = await call('/api/link/ticket', { token: link.token, ticket: `guess-${i}` });
      expect([401, 429]).toContain(guess.status);
    }
    const { url } = await openCustomerOrderLinkAsBuyer(servicesOf(jonas), {
      linkId: link.id,
      buyerId: own.id,
    });
    const ticket = ticketOfFragment(new URL(url).hash)!;
    const limited = await call('/api/link/ticket', { token: link.token, ticket });
    expect(limited).toMatchObject({ status: 429, body: { error: { code: 'rate_limited' } } });
    // Refused before the ticket was looked at: it is still unused.
    const row = await hubDb(demo.hub.store.db)
      .selectFrom('customer_link_sign_in_tickets')
      .select('used_at')
      .where('link_id', '=', link.id)
      .executeTakeFirstOrThrow();
    expect(row.used_at).toBeNull();
  });
});
