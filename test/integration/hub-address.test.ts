import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, demoBuyerAccounts } from '../../main/hub/demo-brand.ts';
import type { RunningHub } from '../../main/hub/start.ts';
import {
  generateShareLinkLocally,
  listShareLinks,
  updatePublicAddressLocally,
  updateShareLinkSettingsLocally,
} from '../../main/services/share-links.ts';
import { createSelectionLocally } from '../../main/services/selections.ts';
import { hubDb } from '../../main/store/database.ts';
import { openDesktop, servicesOf, type TestDesktop } from '../support/desktop.ts';
import { startTestHub } from '../support/hub-engine.ts';

/**
 * Where buyers reach the hub: its public address (set by `--public-url` or by an admin)
 * in every link, and forwarded headers believed only from proxies it was told about.
 */
let root = '';
let direct: RunningHub;
let proxied: RunningHub;
const desktops: TestDesktop[] = [];

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'trunkshow-hub-address-'));
  direct = await startTestHub({
    dataDir: join(root, 'direct'),
    port: 0,
    demo: 5,
    buyerAppDir: null,
  });
  proxied = await startTestHub({
    dataDir: join(root, 'proxied'),
    port: 0,
    demo: 5,
    buyerAppDir: null,
    trustProxy: ['127.0.0.1'],
    publicUrl: 'https://showroom.nordlys.example',
  });
}, 60_000);

afterAll(async () => {
  for (const desktop of desktops) await desktop.close();
  await direct.close();
  await proxied.close();
  rmSync(root, { recursive: true, force: true });
});

async function desktopOf(hub: RunningHub, email: string) {
  const desktop = await openDesktop({ embeddedHubUrl: hub.url });
  desktops.push(desktop);
  await desktop.session.signIn({ hub: { kind: 'embedded' }, email, password: DEMO_PASSWORD });
  await desktop.engine.syncNow();
  return desktop;
}

async function buyerLogIn(hub: RunningHub, headers: Record<string, string>) {
  const [account] = (await demoBuyerAccounts(hub.store.db))!;
  return fetch(`${hub.url}/api/buyer/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ email: account!.email, password: DEMO_PASSWORD }),
  });
}

describe('behind a proxy the hub was told about', () => {
  it('takes HTTPS from the forwarded header and sets Secure __Host- cookies', async () => {
    const answer = await buyerLogIn(proxied, {
      'x-forwarded-proto': 'https',
      'x-forwarded-for': '198.51.100.20',
    });
    expect(answer.status).toBe(200);
    const cookie = answer.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^__Host-trunkshow-buyer=/);
    expect(cookie).toMatch(/; Secure/i);
    expect(cookie).toMatch(/; Path=\//);
    expect(cookie).toMatch(/; HttpOnly/i);
  });
});

describe('reached directly', () => {
  it('ignores forwarded headers, whoever sends them', async () => {
    const answer = await buyerLogIn(direct, {
      'x-forwarded-proto': 'https',
      'x-forwarded-for': '198.51.100.21',
    });
    expect(answer.status).toBe(200);
    const cookie = answer.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^trunkshow-buyer=/);
    expect(cookie).not.toMatch(/Secure/i);
    // Limits keep counting the socket's address, not the one a client claims.
    for (let i = 0; i < 11; i++) {
      await fetch(`${direct.url}/api/buyer/sign-in`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': `203.0.113.${i}` },
        body: JSON.stringify({ email: 'someone@shop.example', password: `guess-${i}` }),
      });
    }
    const hits = await hubDb(direct.store.db)
      .selectFrom('limit_hits')
      .select('key')
      .where('key', 'like', 'password%')
      .execute();
    expect(hits.every((hit) => hit.key.endsWith('@127.0.0.1'))).toBe(true);
  });
});

describe('the public address', () => {
  it('given with --public-url reaches desktops by sync, and every link carries it', async () => {
    const admin = await desktopOf(proxied, 'maja@nordlys-atelier.example');
    await updateShareLinkSettingsLocally(servicesOf(admin), {
      enabled: true,
      expiryDays: 14,
      prepaymentCheckout: false,
    });
    const buyer = await admin.store.db.selectFrom('buyers').select('id').executeTakeFirstOrThrow();
    const selection = await createSelectionLocally(servicesOf(admin), {
      buyerId: buyer.id,
      name: 'Booth',
      notes: '',
    });
    const generated = await generateShareLinkLocally(servicesOf(admin), selection.id);
    expect(generated.url).toMatch(/^https:\/\/showroom\.nordlys\.example\/s\/[\w-]{43}$/);
    const listed = await listShareLinks(servicesOf(admin), selection.id);
    expect(listed.address).toEqual({
      bases: ['https://showroom.nordlys.example'],
      reach: 'public',
      serveOnNetwork: null,
    });
    expect(listed.ordinaryUrl).toBe(
      `https://showroom.nordlys.example/selections/${encodeURIComponent(selection.id)}`,
    );
  });

  it('set by an admin reaches the reps, and a bad one is refused at the field', async () => {
    const admin = await desktopOf(direct, 'maja@nordlys-atelier.example');
    await expect(
      updatePublicAddressLocally(servicesOf(admin), { publicUrl: 'http://localhost:8787' }),
    ).rejects.toThrow();
    await updatePublicAddressLocally(servicesOf(admin), {
      publicUrl: 'https://links.nordlys.example/',
    });
    await admin.engine.syncNow();
    const rep = await desktopOf(direct, 'jonas@nordlys-atelier.example');
    const settings = await rep.store.db
      .selectFrom('brand_settings')
      .select('public_url')
      .executeTakeFirstOrThrow();
    expect(settings.public_url).toBe('https://links.nordlys.example');
  });
});
