import { describe, expect, it } from 'vitest';
import { buyerPeople, invitePerson } from '../../main/services/buyer-people.ts';
import { hubDb } from '../../main/store/database.ts';
import { useDemoHub } from '../support/demo-hub.ts';

/**
 * The desktop asks the hub for a buyer's people, online only: the hub alone keeps
 * accounts and invitations, and without it the desktop says what needs the hub.
 */
const demo = useDemoHub('trunkshow-buyer-people-desktop-');

describe("a buyer's people from the desktop", () => {
  it('are listed and invited online, and said to need the hub offline', async () => {
    const desktop = await demo.desktop('maja@nordlys-atelier.example');
    const buyer = await hubDb(demo.hub.store.db)
      .selectFrom('buyer_memberships')
      .select('buyer_id')
      .executeTakeFirstOrThrow();
    const listed = await buyerPeople(desktop.session, buyer.buyer_id);
    expect(listed.members.length).toBeGreaterThan(0);

    const invited = await invitePerson(desktop.session, {
      buyerId: buyer.buyer_id,
      name: 'Lea Novak',
      email: 'lea@boutique.example',
    });
    expect(invited.outcome).toBe('invited');
    expect(invited.people.invitations.map((i) => i.email)).toEqual(['lea@boutique.example']);

    await demo.stop();
    try {
      await expect(buyerPeople(desktop.session, buyer.buyer_id)).rejects.toMatchObject({
        code: 'unavailable',
        message: expect.stringMatching(/^Seeing the buyer's people needs the hub/) as string,
      });
    } finally {
      await demo.start();
    }
  });
});
