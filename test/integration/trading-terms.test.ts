import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../main/hub/demo-brand.ts';
import {
  createBuyerLocally,
  decideTermsProposalLocally,
  listBuyers,
  listTermsProposals,
  proposeTermsLocally,
  updateBuyerTermsLocally,
} from '../../main/services/buyers.ts';
import type { StoreDb } from '../../main/store/database.ts';
import { createHubClient, type HubClient } from '../../main/sync/hub-client.ts';
import { BuyerListInput } from '../../preload/contract/index.ts';
import { useDemoHub } from '../support/demo-hub.ts';
import { servicesOf, type TestDesktop } from '../support/desktop.ts';

const JONAS = 'jonas@nordlys-atelier.example';
const AIKO = 'aiko@nordlys-atelier.example';
const MAJA = 'maja@nordlys-atelier.example';

const demo = useDemoHub('trunkshow-trading-terms-');
const services = servicesOf;

async function termsOf(db: StoreDb, buyerId: string) {
  return db
    .selectFrom('buyers')
    .select(['pricelist_id', 'discount_bp', 'language'])
    .where('id', '=', buyerId)
    .executeTakeFirstOrThrow();
}

const MADE_HERE = 'Booth find';

/** One of the demo brand's buyers (none this file made), as a desktop has it. */
async function someBuyer(d: TestDesktop, offset = 0) {
  return d.store.db
    .selectFrom('buyers')
    .select(['id', 'name', 'pricelist_id', 'language'])
    .where('name', 'not like', `${MADE_HERE}%`)
    .orderBy('name')
    .offset(offset)
    .limit(1)
    .executeTakeFirstOrThrow();
}

/** Another device of a demo person, pushing straight to the hub as a modified desktop could. */
async function pushAs(email: string, name: string, args: unknown) {
  const client = createHubClient(demo.url);
  const device = await client.signIn({ email, password: DEMO_PASSWORD, deviceName: 'Script' });
  const answer = await client.push(device.token, {
    clientId: device.deviceId,
    mutations: [{ seq: 1, name, args, at: new Date().toISOString() }],
  });
  return answer.results[0];
}

describe('trading terms', () => {
  it('are not a rep’s to change: a 100 % discount is refused on the desktop and at the hub', async () => {
    const rep = await demo.desktop(JONAS);
    const buyer = await someBuyer(rep);
    const before = await termsOf(demo.hub.store.db, buyer.id);

    await expect(
      updateBuyerTermsLocally(services(rep), {
        buyerId: buyer.id,
        terms: { pricelistId: buyer.pricelist_id, discountPercent: 100, language: 'en' },
      }),
    ).rejects.toMatchObject({
      code: 'forbidden',
      message: expect.stringMatching(/Only an admin can change trading terms/),
    });
    expect(await termsOf(rep.store.db, buyer.id)).toEqual(before);
    expect((await rep.engine.status()).pending).toBe(0);

    const result = await pushAs(JONAS, 'buyer.updateTerms.v1', {
      buyerId: buyer.id,
      terms: { pricelistId: buyer.pricelist_id, discountBp: 10_000, language: 'en' },
    });
    expect(result).toMatchObject({
      status: 'refused',
      code: 'forbidden',
      reason: expect.stringMatching(/Only an admin can change trading terms/),
    });
    expect(await termsOf(demo.hub.store.db, buyer.id)).toEqual(before);
    await rep.engine.syncNow();
    expect(await termsOf(rep.store.db, buyer.id)).toEqual(before);
  });

  it('are an admin’s to change, as before', async () => {
    const admin = await demo.desktop(MAJA);
    const buyer = await someBuyer(admin, 1);
    await updateBuyerTermsLocally(services(admin), {
      buyerId: buyer.id,
      terms: { pricelistId: buyer.pricelist_id, discountPercent: 15, language: 'ja' },
    });
    await admin.engine.syncNow();
    expect(await termsOf(demo.hub.store.db, buyer.id)).toEqual({
      pricelist_id: buyer.pricelist_id,
      discount_bp: 1500,
      language: 'ja',
    });
  });
});

describe('a new buyer made by a rep', () => {
  it('gets the pricelist and language the rep chose, and no discount', async () => {
    const rep = await demo.desktop(JONAS);
    const { pricelist_id: pricelistId } = await someBuyer(rep);
    const create = (discountPercent: number) =>
      createBuyerLocally(services(rep), {
        name: `${MADE_HERE} ${discountPercent}`,
        kind: 'offline',
        countryCode: 'JP',
        terms: { pricelistId, discountPercent, language: 'ja' },
      });
    await expect(create(10)).rejects.toMatchObject({
      code: 'forbidden',
      message: expect.stringMatching(/Only an admin can give a buyer a discount.*propose/),
    });
    const created = await create(0);
    expect(created).toMatchObject({ pricelistId, discountPercent: 0, language: 'ja' });
    expect(
      await pushAs(JONAS, 'buyer.create.v1', {
        id: '0193a7a0-0000-7000-8000-000000000001',
        name: 'Scripted discount',
        kind: 'offline',
        countryCode: 'SE',
        terms: { pricelistId, discountBp: 2500, language: 'en' },
      }),
    ).toMatchObject({ status: 'refused', code: 'forbidden' });
  });
});

/** A rep's desktop with a proposal for a buyer, synced to the hub. */
async function proposed(offset: number, discountPercent: number, note = '') {
  const rep = await demo.desktop(JONAS);
  const buyer = await someBuyer(rep, offset);
  const proposal = await proposeTermsLocally(services(rep), {
    buyerId: buyer.id,
    terms: { pricelistId: buyer.pricelist_id, discountPercent, language: 'ja' },
    note,
  });
  return { rep, buyer, proposal };
}

/** A hub client whose change stream never says anything: a network that drops it. */
function deafToNotices(url: string): HubClient {
  return {
    ...createHubClient(url),
    listen: (_token, _onChanged, signal) =>
      new Promise((resolve) => signal.addEventListener('abort', () => resolve())),
  };
}

describe('proposed trading terms', () => {
  it('travel from the rep to the admins, and once approved are the buyer’s for everyone', async () => {
    const { rep, buyer, proposal } = await proposed(2, 12.5, 'Opening two stores in spring');
    const before = await termsOf(demo.hub.store.db, buyer.id);
    expect(proposal).toMatchObject({
      buyerId: buyer.id,
      proposedBy: { name: 'Jonas Berg' },
      terms: { discountPercent: 12.5, language: 'ja' },
      note: 'Opening two stores in spring',
      status: 'pending',
      waitingToSync: true,
    });
    // Proposing changes nothing of the buyer's terms, here or anywhere.
    expect(await termsOf(rep.store.db, buyer.id)).toEqual(before);
    await rep.engine.syncNow();
    expect(await listTermsProposals(services(rep), buyer.id)).toMatchObject([
      { id: proposal.id, status: 'pending', waitingToSync: false },
    ]);

    const admin = await demo.desktop(MAJA);
    const waiting = await listBuyers(services(admin), BuyerListInput.parse({ proposals: true }));
    expect(waiting.pendingProposals).toBe(waiting.total);
    expect(waiting.items).toEqual(
      expect.arrayContaining([expect.objectContaining({ id: buyer.id, pendingProposals: 1 })]),
    );
    const approved = await decideTermsProposalLocally(services(admin), {
      proposalId: proposal.id,
      decision: 'approve',
    });
    expect(approved).toMatchObject({
      status: 'approved',
      decidedBy: { name: 'Maja Lindqvist' },
      waitingToSync: true,
    });
    expect(await termsOf(admin.store.db, buyer.id)).toEqual({
      pricelist_id: buyer.pricelist_id,
      discount_bp: 1250,
      language: 'ja',
    });
    await admin.engine.syncNow();

    const decided = { pricelist_id: buyer.pricelist_id, discount_bp: 1250, language: 'ja' };
    expect(await termsOf(demo.hub.store.db, buyer.id)).toEqual(decided);
    await rep.engine.syncNow();
    expect(await termsOf(rep.store.db, buyer.id)).toEqual(decided);
    expect(await listTermsProposals(services(rep), buyer.id)).toMatchObject([
      { id: proposal.id, status: 'approved', decidedBy: { name: 'Maja Lindqvist' } },
    ]);
    // Another rep gets the buyer's new terms, not the conversation that led to them.
    const other = await demo.desktop(AIKO);
    expect(await termsOf(other.store.db, buyer.id)).toEqual(decided);
    expect(await listTermsProposals(services(other), buyer.id)).toEqual([]);

    const audit = await demo.hub.store.db
      .selectFrom('audit_log')
      .select('action')
      .where('subject', '=', `buyer:${buyer.id}`)
      .orderBy('at')
      .execute();
    expect(audit.map((entry) => entry.action)).toEqual([
      'buyer.proposeTerms.v1',
      'buyer.decideTermsProposal.v1',
    ]);
  });

  it('declined keep the buyer’s terms, and the rep reads why', async () => {
    const { rep, buyer, proposal } = await proposed(3, 40);
    await rep.engine.syncNow();
    const before = await termsOf(demo.hub.store.db, buyer.id);
    const admin = await demo.desktop(MAJA);
    await decideTermsProposalLocally(services(admin), {
      proposalId: proposal.id,
      decision: 'decline',
      reason: '  40 % is beyond what we give a first season.  ',
    });
    await admin.engine.syncNow();
    expect(await termsOf(demo.hub.store.db, buyer.id)).toEqual(before);
    await rep.engine.syncNow();
    expect(await listTermsProposals(services(rep), buyer.id)).toMatchObject([
      {
        status: 'declined',
        decidedBy: { name: 'Maja Lindqvist' },
        declineReason: '40 % is beyond what we give a first season.',
      },
    ]);
    expect(await termsOf(rep.store.db, buyer.id)).toEqual(before);
  });

  it('are decided once: a second decision is refused on the desktop and at the hub', async () => {
    const { rep, proposal } = await proposed(4, 5);
    await rep.engine.syncNow();
    const first = await demo.desktop(MAJA);
    // The other admin's desktop does not hear the hub's change notices, so it learns of
    // the first decision only when it syncs, after deciding itself.
    const second = await demo.desktop(MAJA, { clientFor: deafToNotices });
    await decideTermsProposalLocally(services(first), {
      proposalId: proposal.id,
      decision: 'approve',
    });
    await expect(
      decideTermsProposalLocally(services(first), {
        proposalId: proposal.id,
        decision: 'decline',
        reason: '',
      }),
    ).rejects.toMatchObject({ code: 'invalid_input', message: /already approved/ });
    await first.engine.syncNow();

    // The other admin's desktop has not heard of the approval yet: its decline goes out.
    await decideTermsProposalLocally(services(second), {
      proposalId: proposal.id,
      decision: 'decline',
      reason: 'Too generous',
    });
    await second.engine.syncNow();
    expect(await second.engine.status()).toMatchObject({ pending: 0, refused: 1 });
    const { refusals } = await listBuyers(services(second), BuyerListInput.parse({ limit: 1 }));
    expect(refusals).toEqual([
      expect.objectContaining({
        mutation: 'buyer.decideTermsProposal.v1',
        summary: 'Decline proposed trading terms',
        code: 'conflict',
        reason: expect.stringMatching(/already approved/),
      }),
    ]);
    expect(await listTermsProposals(services(second), proposal.buyerId)).toMatchObject([
      { id: proposal.id, status: 'approved', declineReason: '' },
    ]);
  });

  it('are decided by admins only, and one at a time per rep and buyer', async () => {
    const { rep, buyer, proposal } = await proposed(5, 8);
    await expect(
      decideTermsProposalLocally(services(rep), { proposalId: proposal.id, decision: 'approve' }),
    ).rejects.toMatchObject({ code: 'forbidden' });
    await expect(
      proposeTermsLocally(services(rep), {
        buyerId: buyer.id,
        terms: { pricelistId: buyer.pricelist_id, discountPercent: 9, language: 'en' },
        note: '',
      }),
    ).rejects.toMatchObject({ message: /already proposed new terms for this buyer/ });
    await rep.engine.syncNow();
    expect(
      await pushAs(JONAS, 'buyer.decideTermsProposal.v1', {
        proposalId: proposal.id,
        buyerId: buyer.id,
        decision: 'approve',
      }),
    ).toMatchObject({
      status: 'refused',
      code: 'forbidden',
      reason: 'Only an admin can approve or decline proposed trading terms.',
    });
    expect(
      (
        await demo.hub.store.db
          .selectFrom('trading_terms_proposals')
          .select('status')
          .where('id', '=', proposal.id)
          .executeTakeFirstOrThrow()
      ).status,
    ).toBe('pending');
  });

  it('cannot be approved once their pricelist is gone', async () => {
    await demo.hub.store.db
      .insertInto('pricelists')
      .values({ id: 'fair-special', name: 'Fair special EUR', currency: 'EUR' })
      .execute();
    const rep = await demo.desktop(JONAS);
    const buyer = await someBuyer(rep, 6);
    const proposal = await proposeTermsLocally(services(rep), {
      buyerId: buyer.id,
      terms: { pricelistId: 'fair-special', discountPercent: 0, language: 'en' },
      note: 'Fair pricing',
    });
    await rep.engine.syncNow();
    await demo.hub.store.db.deleteFrom('pricelists').where('id', '=', 'fair-special').execute();
    expect(
      await pushAs(MAJA, 'buyer.decideTermsProposal.v1', {
        proposalId: proposal.id,
        buyerId: buyer.id,
        decision: 'approve',
      }),
    ).toMatchObject({
      status: 'refused',
      code: 'not_found',
      reason: expect.stringMatching(/proposed pricelist no longer exists/),
    });
    expect((await termsOf(demo.hub.store.db, buyer.id)).pricelist_id).toBe(buyer.pricelist_id);
  });
});
