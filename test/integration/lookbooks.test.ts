import { describe, expect, it } from 'vitest';
import { MAX_LOOKBOOK_CAPTION } from '../../main/domain/lookbooks.ts';
import {
  lookbooksOverview,
  openLookbook,
  removeLookbookLocally,
  saveLookbookLocally,
} from '../../main/services/lookbooks.ts';
import { listRefusals } from '../../main/services/sync.ts';
import { SYNCS_ONLY_WHEN_ASKED, useDemoHub } from '../support/demo-hub.ts';
import { servicesOf } from '../support/desktop.ts';

/**
 * The Lookbooks section's operations through a real demo hub: an admin's lookbook is
 * saved on this computer at once (offline too), reaches the hub and another desktop,
 * and is removed everywhere with its pages; a rep sees lookbooks but does not change
 * them; every problem is said at its field with nothing saved.
 */

const MAJA = 'maja@nordlys-atelier.example';
const demo = useDemoHub('trunkshow-lookbooks-');

async function somePicturesAndStyles() {
  const db = demo.hub.store.db;
  const pictures = await db.selectFrom('media').select('id').orderBy('id').limit(2).execute();
  const styles = await db
    .selectFrom('products')
    .select(['id', 'style_number'])
    .orderBy('style_number')
    .limit(3)
    .execute();
  return { pictures: pictures.map((p) => p.id), styles };
}

describe('lookbooks made in the desktop', () => {
  it('answer problems at their fields, work offline and reach the hub and others', async () => {
    const maja = await demo.desktop(MAJA);
    const services = servicesOf(maja);
    const { pictures, styles } = await somePicturesAndStyles();
    const [a, b, c] = styles.map((style) => style.id) as [string, string, string];
    const existing = (await lookbooksOverview(services))[0]!;

    await expect(
      saveLookbookLocally(services, {
        name: existing.name,
        status: 'Public',
        pages: [
          { pictureId: pictures[0]!, caption: 'ok', productIds: [a] },
          { pictureId: null, caption: 'x'.repeat(MAX_LOOKBOOK_CAPTION + 1), productIds: [b, b] },
        ],
      }),
    ).rejects.toMatchObject({
      code: 'invalid_input',
      issues: [
        { path: 'pages.1.picture', code: 'lookbook_picture_required' },
        {
          path: 'pages.1.caption',
          code: 'lookbook_caption_too_long',
          params: { max: MAX_LOOKBOOK_CAPTION },
        },
        { path: 'pages.1.styles', code: 'lookbook_style_repeated' },
        { path: 'name', code: 'lookbook_name_taken' },
      ],
    });
    expect((await maja.engine.status()).pending).toBe(0);

    // Made while the hub is away: kept on this computer, waiting to sync.
    await demo.stop();
    const { id, lookbooks } = await saveLookbookLocally(services, {
      name: ' Resort Stories ',
      status: 'Draft',
      pages: [
        { pictureId: pictures[0]!, caption: ' Morning ', productIds: [a, b] },
        { pictureId: pictures[1]!, caption: 'Evening', productIds: [c] },
      ],
    });
    expect(lookbooks.find((lookbook) => lookbook.id === id)).toMatchObject({
      name: 'Resort Stories',
      status: 'Draft',
      pages: 2,
      styles: 3,
      coverPictureId: pictures[0],
      waitingToSync: true,
    });
    await demo.start();
    await maja.engine.syncNow();
    expect((await maja.engine.status()).pending).toBe(0);

    const onHub = await demo.hub.store.db
      .selectFrom('lookbook_pages')
      .select(['position', 'picture_id', 'caption', 'product_ids'])
      .where('lookbook_id', '=', id)
      .orderBy('position')
      .execute();
    expect(onHub).toEqual([
      { position: 0, picture_id: pictures[0], caption: 'Morning', product_ids: `["${a}","${b}"]` },
      { position: 1, picture_id: pictures[1], caption: 'Evening', product_ids: `["${c}"]` },
    ]);

    // Reordered and cut to one page, made Public.
    await saveLookbookLocally(services, {
      id,
      name: 'Resort Stories',
      status: 'Public',
      pages: [{ pictureId: pictures[1]!, caption: 'Evening', productIds: [c, a] }],
    });
    await maja.engine.syncNow();

    const jonas = await demo.desktop();
    const seen = (await lookbooksOverview(servicesOf(jonas))).find((l) => l.id === id);
    expect(seen).toMatchObject({ status: 'Public', pages: 1, styles: 2, waitingToSync: false });
    const detail = await openLookbook(servicesOf(jonas), id);
    expect(detail.pages).toEqual([
      {
        pictureId: pictures[1],
        caption: 'Evening',
        styles: [
          expect.objectContaining({ id: c, styleNumber: styles[2]!.style_number }),
          expect.objectContaining({ id: a, styleNumber: styles[0]!.style_number }),
        ],
      },
    ]);

    // A rep looks at lookbooks but does not change them.
    await expect(
      saveLookbookLocally(servicesOf(jonas), {
        id,
        name: 'Mine',
        status: 'Draft',
        pages: [{ pictureId: pictures[0]!, caption: '', productIds: [] }],
      }),
    ).rejects.toMatchObject({ code: 'forbidden' });
    await expect(removeLookbookLocally(servicesOf(jonas), id)).rejects.toMatchObject({
      code: 'forbidden',
    });

    await removeLookbookLocally(services, id);
    await maja.engine.syncNow();
    const left = await demo.hub.store.db
      .selectFrom('lookbook_pages')
      .select('position')
      .where('lookbook_id', '=', id)
      .execute();
    expect(left).toEqual([]);
    await jonas.engine.syncNow();
    expect((await lookbooksOverview(servicesOf(jonas))).some((l) => l.id === id)).toBe(false);
    const pagesOnJonas = await jonas.store.db
      .selectFrom('lookbook_pages')
      .select('position')
      .where('lookbook_id', '=', id)
      .execute();
    expect(pagesOnJonas).toEqual([]);
  });

  it('is refused, nothing queued, when a picture or style is unknown', async () => {
    const maja = await demo.desktop(MAJA);
    const services = servicesOf(maja);
    await expect(
      saveLookbookLocally(services, {
        name: 'Nowhere',
        status: 'Draft',
        pages: [{ pictureId: 'no-such-picture', caption: '', productIds: [] }],
      }),
    ).rejects.toMatchObject({ code: 'not_found' });
    const picture = await maja.store.db.selectFrom('media').select('id').executeTakeFirstOrThrow();
    await expect(
      saveLookbookLocally(services, {
        name: 'Nowhere',
        status: 'Draft',
        pages: [{ pictureId: picture.id, caption: '', productIds: ['no-such-style'] }],
      }),
    ).rejects.toMatchObject({ code: 'not_found' });
    expect((await maja.engine.status()).pending).toBe(0);
  });

  it('is judged again by the hub: of two made offline under one name, the second is refused', async () => {
    const office = await demo.desktop(MAJA, SYNCS_ONLY_WHEN_ASKED);
    const laptop = await demo.desktop(MAJA, SYNCS_ONLY_WHEN_ASKED);
    const { pictures } = await somePicturesAndStyles();
    const lookbook = (pictureId: string) => ({
      name: 'Twice Named',
      status: 'Draft' as const,
      pages: [{ pictureId, caption: '', productIds: [] }],
    });
    const { first, second } = await demo.whileStopped(async () => ({
      first: await saveLookbookLocally(servicesOf(office), lookbook(pictures[0]!)),
      second: await saveLookbookLocally(servicesOf(laptop), lookbook(pictures[1]!)),
    }));
    await office.engine.syncNow();
    await laptop.engine.syncNow();

    const onHub = await demo.hub.store.db
      .selectFrom('lookbooks')
      .select('id')
      .where('name', '=', 'Twice Named')
      .execute();
    expect(onHub).toEqual([{ id: first.id }]);
    expect(await listRefusals(laptop.store.db, 'lookbook:')).toEqual([
      expect.objectContaining({ subject: `lookbook:${second.id}`, code: 'conflict' }),
    ]);
    const onLaptop = await lookbooksOverview(servicesOf(laptop));
    expect(onLaptop.filter((l) => l.name === 'Twice Named').map((l) => l.id)).toEqual([first.id]);
  });
});
