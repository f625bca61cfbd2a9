import { describe, expect, it } from 'vitest';
import { buyerCredentials, setBrandCode } from '../../main/services/buyer-credentials.ts';
import { hubDb } from '../../main/store/database.ts';
import { useDemoHub } from '../support/demo-hub.ts';

/**
 * The desktop asks the hub for a buyer's customer order link sign-in, online only: the
 * hub alone keeps and judges the credentials. What it finds wrong reaches the desktop at
 * its field with the rule's code; without the hub the desktop says what needs it.
 */
const demo = useDemoHub('trunkshow-buyer-credentials-desktop-');

describe("a buyer's sign-in from the desktop", () => {
  it('is set online, refused at its field, and said to need the hub offline', async () => {
    const desktop = await demo.desktop('maja@nordlys-atelier.example');
    const buyer = await hubDb(demo.hub.store.db)
      .selectFrom('buyers')
      .select('id')
      .executeTakeFirstOrThrow();
    const set = await setBrandCode(desktop.session, {
      buyerId: buyer.id,
      code: 'desk-1',
      passcode: 'harbour-lights-42',
    });
    expect(set.brandCode).toMatchObject({ code: 'DESK-1', locked: false });

    await expect(
      setBrandCode(desktop.session, { buyerId: buyer.id, code: 'desk-1', passcode: 'short' }),
    ).rejects.toMatchObject({
      code: 'invalid_input',
      issues: [{ path: 'passcode', code: 'credential_passcode_too_short', params: { min: 8 } }],
    });

    await demo.stop();
    try {
      await expect(buyerCredentials(desktop.session, buyer.id)).rejects.toMatchObject({
        code: 'unavailable',
        message: expect.stringMatching(/^Seeing the buyer's sign-in needs the hub/) as string,
      });
    } finally {
      await demo.start();
    }
  });
});
