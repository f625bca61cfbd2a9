import { describe, expect, it } from 'vitest';
import { newLinkSettings } from '../../main/domain/customer-order-links.ts';
import { tokenHash } from '../../main/hub/auth/tokens.ts';
import { verifyPassword } from '../../main/hub/auth/passwords.ts';
import {
  createCustomerOrderLinkLocally,
  customerOrderLinkAddress,
  customerOrderLinkDetail,
  customerOrderLinksOverview,
  saveCustomerOrderLinkLocally,
  setCustomerOrderLinkDisabledLocally,
} from '../../main/services/customer-order-links.ts';
import { hubDb } from '../../main/store/database.ts';
import { useDemoHub } from '../support/demo-hub.ts';
import { servicesOf } from '../support/desktop.ts';

/**
 * Customer order links made in the desktop, through a real demo hub: problems answered
 * at their fields with nothing queued; a link made offline waits to sync, then the hub
 * has it with its token hashed and sealed and its passcode hashed, none of them in the
 * audit log; another admin's desktop copies the same address from the hub; a rep sees
 * only the links they made.
 */

const MAJA = 'maja@nordlys-atelier.example';
const demo = useDemoHub('trunkshow-customer-order-links-');

async function demoCatalogIds(): Promise<string[]> {
  const rows = await demo.hub.store.db
    .selectFrom('catalogs')
    .select('id')
    .orderBy('name')
    .limit(2)
    .execute();
  return rows.map((row) => row.id);
}

describe('customer order links made in the desktop', () => {
  it('refuse bad settings at their fields and write nothing', async () => {
    const maja = await demo.desktop(MAJA);
    const services = servicesOf(maja);
    await expect(
      createCustomerOrderLinkLocally(services, {
        settings: {
          ...newLinkSettings(),
          name: ' ',
          releaseAt: '2027-03-01T09:00:00.000Z',
          expiresAt: '2027-02-01T09:00:00.000Z',
          passcodeEnabled: true,
          video: { kind: 'embed', url: 'https://example.com/watch?v=abc' },
          shippingRateGroupIds: ['demo-shipping-standard', 'demo-shipping-express'],
          contacts: [{ firstName: '', lastName: ' ', email: 'nope', phone: '', note: '' }],
        },
        passcode: '123',
      }),
    ).rejects.toMatchObject({
      code: 'invalid_input',
      issues: expect.arrayContaining([
        expect.objectContaining({ path: 'name', code: 'link_name_required' }),
        expect.objectContaining({ path: 'expiresAt', code: 'link_expiry_before_release' }),
        expect.objectContaining({ path: 'passcode', code: 'link_passcode_too_short' }),
        expect.objectContaining({ path: 'catalogIds', code: 'link_catalog_required' }),
        expect.objectContaining({ path: 'video', code: 'link_video_not_embed' }),
        expect.objectContaining({ path: 'contacts', code: 'link_contact_name_required' }),
        expect.objectContaining({ path: 'contacts', code: 'link_contact_email_invalid' }),
        expect.objectContaining({
          path: 'shippingRateGroupIds',
          code: 'link_rate_groups_overlap',
        }),
      ]),
    });
    expect((await maja.engine.status()).pending).toBe(0);
  });

  it('go live on sync, keep their secrets hashed or sealed, and copy from any admin desktop', async () => {
    const maja = await demo.desktop(MAJA);
    const services = servicesOf(maja);
    const catalogIds = await demoCatalogIds();
    await demo.stop();
    const { link, url } = await createCustomerOrderLinkLocally(services, {
      settings: {
        ...newLinkSettings(),
        name: ' Spring buyers ',
        description: 'For the follow-up mail after Paris',
        passcodeEnabled: true,
        catalogIds,
        shippingRateGroupIds: ['demo-shipping-express'],
        video: { kind: 'embed', url: 'https://www.youtube.com/embed/dQw4w9WgXcQ' },
        contacts: [
          {
            firstName: 'Maja',
            lastName: 'Lind',
            email: 'maja@nordlys-atelier.example',
            phone: '+46 8 123 45',
            note: 'Wholesale\nquestions',
          },
        ],
      },
      passcode: 'paris-2027',
    });
    expect(link).toMatchObject({ name: 'Spring buyers', state: 'waiting', passcodeEnabled: true });
    expect(link.catalogs.map((catalog) => catalog.id)).toEqual(catalogIds);
    const token = /\/c\/([\w-]{43})$/.exec(url)?.[1];
    expect(token).toBeDefined();
    // Copied offline, from the token this computer kept.
    expect((await customerOrderLinkAddress(services, link.id)).url).toBe(url);

    await demo.start();
    await maja.engine.syncNow();
    const hub = hubDb(demo.hub.store.db);
    const row = await hub
      .selectFrom('customer_order_links')
      .selectAll()
      .where('id', '=', link.id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      name: 'Spring buyers',
      token_hash: tokenHash(token!),
      passcode_enabled: 1,
      contacts: JSON.stringify([
        {
          firstName: 'Maja',
          lastName: 'Lind',
          email: 'maja@nordlys-atelier.example',
          phone: '+46 8 123 45',
          note: 'Wholesale questions',
        },
      ]),
    });
    const secrets = await hub
      .selectFrom('customer_order_link_secrets')
      .selectAll()
      .where('link_id', '=', link.id)
      .executeTakeFirstOrThrow();
    expect(secrets.token_sealed).not.toContain(token!);
    expect(await verifyPassword('paris-2027', secrets.passcode_hash!)).toBe(true);
    const audit = await hub
      .selectFrom('audit_log')
      .select('details')
      .where('action', '=', 'customerOrderLink.create.v1')
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]!.details).not.toContain(token!);
    expect(audit[0]!.details).not.toContain('argon2');

    const listed = await customerOrderLinksOverview(services);
    expect(listed.links.find((l) => l.id === link.id)).toMatchObject({
      state: 'live',
      waitingToSync: false,
    });

    // Another admin desktop has no token of its own: the hub opens the sealed one.
    const other = await demo.desktop(MAJA);
    expect((await customerOrderLinkAddress(servicesOf(other), link.id)).url).toBe(url);

    // Saving without a new passcode keeps the one set; switching it off forgets it.
    const detail = await customerOrderLinkDetail(services, link.id);
    await saveCustomerOrderLinkLocally(services, {
      id: link.id,
      settings: { ...detail.settings, viewOnly: true },
      passcode: null,
    });
    await maja.engine.syncNow();
    const kept = await hub
      .selectFrom('customer_order_link_secrets')
      .select('passcode_hash')
      .where('link_id', '=', link.id)
      .executeTakeFirstOrThrow();
    expect(kept.passcode_hash).toBe(secrets.passcode_hash);
    await saveCustomerOrderLinkLocally(services, {
      id: link.id,
      settings: { ...detail.settings, passcodeEnabled: false },
      passcode: null,
    });
    await maja.engine.syncNow();
    const forgotten = await hub
      .selectFrom('customer_order_link_secrets')
      .select('passcode_hash')
      .where('link_id', '=', link.id)
      .executeTakeFirstOrThrow();
    expect(forgotten.passcode_hash).toBeNull();

    // A rep neither sees nor changes another's link, nor copies it from the hub.
    const jonas = await demo.desktop();
    const repServices = servicesOf(jonas);
    expect((await customerOrderLinksOverview(repServices)).links.map((l) => l.id)).not.toContain(
      link.id,
    );
    await expect(customerOrderLinkAddress(repServices, link.id)).rejects.toMatchObject({
      code: 'not_found',
    });

    const disabled = await setCustomerOrderLinkDisabledLocally(services, {
      id: link.id,
      disabled: true,
    });
    expect(disabled).toMatchObject({ state: 'disabled', waitingToSync: true });
    await maja.engine.syncNow();
    const off = await hub
      .selectFrom('customer_order_links')
      .select('disabled_at')
      .where('id', '=', link.id)
      .executeTakeFirstOrThrow();
    expect(off.disabled_at).not.toBeNull();
  });
});
