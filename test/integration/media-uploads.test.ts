import { describe, expect, it } from 'vitest';
import { MEDIA_MAX_BYTES } from '../../main/domain/media.ts';
import { listMedia, uploadMedia } from '../../main/services/media.ts';
import { hubDb } from '../../main/store/database.ts';
import { readChanges } from '../../main/sync/hub-feed.ts';
import { PROTOCOL_HEADER, SYNC_PROTOCOL } from '../../main/sync/protocol.ts';
import { useDemoHub } from '../support/demo-hub.ts';
import { servicesOf, type TestDesktop } from '../support/desktop.ts';
import { fileOf, MEDIA_FILES } from '../support/media-files.ts';

/**
 * Uploads over real HTTP to a demo hub: a picture lands in the synced media and reaches
 * desktops, a video stays on the hub with only its name and size synced, and whatever
 * is too large, empty, not of its kind or sent by someone not allowed is refused with
 * the rule's code, nothing kept.
 */

const MAJA = 'maja@nordlys-atelier.example';
const demo = useDemoHub('trunkshow-media-');

const tokenOf = (desktop: TestDesktop) => desktop.session.hub('testing').token;

function upload(
  token: string | null,
  query: Record<string, string>,
  body: Uint8Array,
  headers: Record<string, string> = {},
) {
  return fetch(`${demo.url}/api/media?${new URLSearchParams(query).toString()}`, {
    method: 'POST',
    headers: {
      [PROTOCOL_HEADER]: String(SYNC_PROTOCOL.max),
      'content-type': 'application/octet-stream',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...headers,
    },
    body,
  });
}

async function uploadCount(): Promise<number> {
  const row = await demo.hub.store.db
    .selectFrom('media_uploads')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

describe('uploading media to the hub', () => {
  it("keeps an admin's picture in the synced media and a video on the hub only", async () => {
    const maja = await demo.desktop(MAJA);
    const picture = fileOf(MEDIA_FILES.png, 5000);
    const answer = await upload(tokenOf(maja), { kind: 'image', name: 'look-01.png' }, picture);
    expect(answer.status).toBe(201);
    const image = (await answer.json()) as { id: string };
    expect(image).toMatchObject({
      kind: 'image',
      name: 'look-01.png',
      contentType: 'image/png',
      byteSize: 5000,
    });

    const film = fileOf(MEDIA_FILES.mp4, 2 * 1024 * 1024 + 10);
    const videoAnswer = await upload(
      tokenOf(maja),
      { kind: 'video', name: 'runway.mp4' },
      film,
      // A claimed type is not believed either way; the bytes decide.
      { 'content-type': 'image/gif' },
    );
    expect(videoAnswer.status).toBe(201);
    const video = (await videoAnswer.json()) as { id: string };

    // The same bytes again answer the first upload.
    const again = await upload(tokenOf(maja), { kind: 'image', name: 'copy.png' }, picture);
    expect(await again.json()).toMatchObject({ id: image.id, name: 'look-01.png' });

    const jonas = await demo.desktop();
    expect((await listMedia(jonas.store.db, 'image')).map((m) => m.id)).toContain(image.id);
    expect(await listMedia(jonas.store.db, 'video')).toEqual([
      expect.objectContaining({ id: video.id, name: 'runway.mp4', byteSize: film.length }),
    ]);
    const pictureRow = await jonas.store.db
      .selectFrom('media')
      .select('bytes')
      .where('id', '=', image.id)
      .executeTakeFirstOrThrow();
    expect(new Uint8Array(pictureRow.bytes)).toEqual(picture);
    const videoInReplica = await jonas.store.db
      .selectFrom('media')
      .select('id')
      .where('id', '=', video.id)
      .executeTakeFirst();
    expect(videoInReplica).toBeUndefined();

    // Streamed in ranges as a player asks, whole or in part.
    const headers = {
      authorization: `Bearer ${tokenOf(jonas)}`,
      [PROTOCOL_HEADER]: String(SYNC_PROTOCOL.max),
    };
    const range = await fetch(`${demo.url}/api/media/${video.id}/video`, {
      headers: { ...headers, range: 'bytes=1048570-1048585' },
    });
    expect(range.status).toBe(206);
    expect(range.headers.get('content-range')).toBe(`bytes 1048570-1048585/${film.length}`);
    expect(new Uint8Array(await range.arrayBuffer())).toEqual(film.subarray(1048570, 1048586));
    const whole = await fetch(`${demo.url}/api/media/${video.id}/video`, { headers });
    expect(whole.status).toBe(200);
    expect(whole.headers.get('content-type')).toBe('video/mp4');
    expect(new Uint8Array(await whole.arrayBuffer())).toEqual(film);
    const outside = await fetch(`${demo.url}/api/media/${video.id}/video`, {
      headers: { ...headers, range: `bytes=${film.length}-` },
    });
    expect(outside.status).toBe(416);
    const anonymous = await fetch(`${demo.url}/api/media/${video.id}/video`, {
      headers: { [PROTOCOL_HEADER]: String(SYNC_PROTOCOL.max) },
    });
    expect(anonymous.status).toBe(401);
  });

  it('refuses what is too large, empty, not of its kind, or not allowed, keeping nothing', async () => {
    const maja = await demo.desktop(MAJA);
    const jonas = await demo.desktop();
    const before = await uploadCount();
    const refusal = async (response: Response) => ({
      status: response.status,
      error: ((await response.json()) as { error: { code: string; params?: object } }).error,
    });

    const big = fileOf(MEDIA_FILES.jpeg, MEDIA_MAX_BYTES.image + 1);
    expect(
      await refusal(await upload(tokenOf(maja), { kind: 'image', name: 'big.jpg' }, big)),
    ).toMatchObject({
      status: 413,
      error: { code: 'media_too_large', params: { max: MEDIA_MAX_BYTES.image } },
    });

    // Sent without a length, it is counted as it arrives.
    const streamed = await fetch(`${demo.url}/api/media?kind=image&name=big.jpg`, {
      method: 'POST',
      headers: {
        [PROTOCOL_HEADER]: String(SYNC_PROTOCOL.max),
        authorization: `Bearer ${tokenOf(maja)}`,
      },
      body: new ReadableStream({
        start(controller) {
          controller.enqueue(big);
          controller.close();
        },
      }),
      duplex: 'half',
    });
    expect(await refusal(streamed)).toMatchObject({
      status: 413,
      error: { code: 'media_too_large' },
    });

    // A PDF named as a picture and claimed to be one is still a PDF.
    const pdf = fileOf(MEDIA_FILES.pdf, 2000);
    expect(
      await refusal(
        await upload(tokenOf(maja), { kind: 'image', name: 'look.jpg' }, pdf, {
          'content-type': 'image/jpeg',
        }),
      ),
    ).toMatchObject({ status: 415, error: { code: 'media_type_not_accepted' } });
    // A picture is no video.
    expect(
      await refusal(
        await upload(tokenOf(maja), { kind: 'video', name: 'clip.mp4' }, MEDIA_FILES.png),
      ),
    ).toMatchObject({ status: 415, error: { code: 'media_type_not_accepted' } });
    expect(
      await refusal(
        await upload(tokenOf(maja), { kind: 'image', name: 'e.png' }, new Uint8Array()),
      ),
    ).toMatchObject({ status: 400, error: { code: 'media_empty' } });
    expect(
      await refusal(await upload(tokenOf(maja), { kind: 'audio', name: 'a.mp3' }, MEDIA_FILES.png)),
    ).toMatchObject({ status: 400, error: { code: 'invalid_input' } });

    const png = fileOf(MEDIA_FILES.png, 300);
    expect(
      await refusal(await upload(tokenOf(jonas), { kind: 'image', name: 'rep.png' }, png)),
    ).toMatchObject({ status: 403, error: { code: 'forbidden' } });
    expect(
      await refusal(await upload(null, { kind: 'image', name: 'anon.png' }, png)),
    ).toMatchObject({ status: 401, error: { code: 'unauthorized' } });
    expect(await uploadCount()).toBe(before);
  });

  it("goes through the desktop's media.upload, judged there first and said at the file", async () => {
    const maja = await demo.desktop(MAJA);
    const services = servicesOf(maja);
    const content = Buffer.from(fileOf(MEDIA_FILES.webp, 700)).toString('base64');
    const uploaded = await uploadMedia(services, { kind: 'image', name: 'dusk.webp', content });
    expect(uploaded).toMatchObject({ name: 'dusk.webp', contentType: 'image/webp' });
    // Synced before it answers: the picker shows the picture from the replica.
    const row = await maja.store.db
      .selectFrom('media')
      .select('content_type')
      .where('id', '=', uploaded.id)
      .executeTakeFirst();
    expect(row).toEqual({ content_type: 'image/webp' });

    await expect(
      uploadMedia(services, {
        kind: 'video',
        name: 'notes.mp4',
        content: Buffer.from(MEDIA_FILES.pdf).toString('base64'),
      }),
    ).rejects.toMatchObject({
      code: 'invalid_input',
      issues: [{ path: 'file', code: 'media_type_not_accepted' }],
    });

    await demo.stop();
    try {
      await expect(
        uploadMedia(services, {
          kind: 'image',
          name: 'offline.png',
          content: Buffer.from(fileOf(MEDIA_FILES.png, 64)).toString('base64'),
        }),
      ).rejects.toMatchObject({ code: 'unavailable' });
    } finally {
      await demo.start();
    }
  });

  it('sends large pictures to desktops a few megabytes a page, not all at once', async () => {
    const maja = await demo.desktop(MAJA);
    const head = await hubDb(demo.hub.store.db)
      .selectFrom('change_log')
      .select((eb) => eb.fn.max('version').as('version'))
      .executeTakeFirstOrThrow();
    for (const [index, name] of ['wide-1.jpg', 'wide-2.jpg'].entries()) {
      const picture = fileOf(MEDIA_FILES.jpeg, 6 * 1024 * 1024);
      picture[100] = index; // two different pictures
      expect((await upload(tokenOf(maja), { kind: 'image', name }, picture)).status).toBe(201);
    }
    const admin = { userId: maja.session.account()!.userId, role: 'admin' as const };
    const first = await readChanges(demo.hub.store.db, admin, Number(head.version), 20_000);
    expect(first.changes.filter((change) => change.entity === 'media')).toHaveLength(1);
    expect(first.more).toBe(true);
    const second = await readChanges(demo.hub.store.db, admin, first.cursor, 20_000);
    expect(second.changes.filter((change) => change.entity === 'media')).toHaveLength(1);

    // A desktop still gets both, page after page.
    const jonas = await demo.desktop();
    expect(await listMedia(jonas.store.db, 'image')).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: 'wide-1.jpg' }),
        expect.objectContaining({ name: 'wide-2.jpg' }),
      ]),
    );
  });

  it('takes a few uploads at once and asks the next to try again', async () => {
    const maja = await demo.desktop(MAJA);
    const hold = (index: number) => {
      let controller!: ReadableStreamDefaultController<Uint8Array>;
      const stop = new AbortController();
      const body = new ReadableStream<Uint8Array>({
        start(opened) {
          controller = opened;
          opened.enqueue(fileOf(MEDIA_FILES.png, 100 + index));
        },
      });
      const answer = fetch(`${demo.url}/api/media?kind=image&name=slow-${index}.png`, {
        method: 'POST',
        headers: {
          [PROTOCOL_HEADER]: String(SYNC_PROTOCOL.max),
          authorization: `Bearer ${tokenOf(maja)}`,
        },
        body,
        duplex: 'half',
        signal: stop.signal,
      }).then(
        (response) => response.status,
        () => 'lost',
      );
      return { controller, answer, stop };
    };
    const held = Array.from({ length: 4 }, (_, index) => hold(index));
    // Once four are being read, the next is asked to wait. A probe can take a slot just
    // before a held upload arrives, which is then refused: one more is held each time,
    // until a probe is refused.
    let busy: Response | null = null;
    for (let attempt = 0; attempt < 100 && !busy; attempt++) {
      const next = await upload(
        tokenOf(maja),
        { kind: 'image', name: 'next.png' },
        MEDIA_FILES.png,
      );
      if (next.status === 429) busy = next;
      else {
        held.push(hold(held.length));
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    }
    expect(busy?.headers.get('retry-after')).toBe('5');
    expect(((await busy!.json()) as { error: { code: string } }).error.code).toBe('rate_limited');

    for (const { controller } of held) {
      try {
        controller.close();
      } catch {
        // Refused, its connection closed and its body cancelled.
      }
    }
    // A refused upload's answer can go with the connection the hub closed on it (fetch
    // then never settles while its body is open): it is given up on after a while.
    const statuses = await Promise.all(
      held.map(({ answer, stop }) =>
        Promise.race([
          answer,
          new Promise<string>((resolve) =>
            setTimeout(() => {
              stop.abort();
              resolve('lost');
            }, 3_000),
          ),
        ]),
      ),
    );
    expect(statuses.filter((status) => status === 201)).toHaveLength(4);
    expect(
      statuses.filter((status) => status !== 201 && status !== 429 && status !== 'lost'),
    ).toEqual([]);
    // Their slots are free again.
    expect(
      (await upload(tokenOf(maja), { kind: 'image', name: 'after.png' }, MEDIA_FILES.webp)).status,
    ).toBe(201);
  });
});
