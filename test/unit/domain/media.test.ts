import { describe, expect, it } from 'vitest';
import {
  acceptedFileTypes,
  byteRange,
  judgeMedia,
  MAX_MEDIA_NAME,
  MEDIA_MAX_BYTES,
  mediaName,
  mediaSizeProblem,
  sniffMediaType,
} from '../../../main/domain/media.ts';
import { bytes, MEDIA_FILES as FILES } from '../../support/media-files.ts';

describe('what a file is, by its first bytes', () => {
  it.each([
    ['jpeg', 'image/jpeg'],
    ['png', 'image/png'],
    ['webp', 'image/webp'],
    ['mp4', 'video/mp4'],
    ['webm', 'video/webm'],
    ['pdf', null],
    ['svg', null],
    ['gif', null],
  ] as const)('%s is %s', (file, type) => {
    expect(sniffMediaType(FILES[file])).toBe(type);
  });

  it('is nothing when too short to tell', () => {
    expect(sniffMediaType(bytes(0xff, 0xd8))).toBeNull();
    expect(sniffMediaType(bytes('RIFF'))).toBeNull();
  });
});

describe('a file uploaded as a kind', () => {
  it('is taken when its bytes are of that kind', () => {
    expect(judgeMedia('image', FILES.png)).toEqual({ ok: true, contentType: 'image/png' });
    expect(judgeMedia('video', FILES.webm)).toEqual({ ok: true, contentType: 'video/webm' });
  });

  it('is refused when its bytes are of the other kind or of none', () => {
    const refused = { ok: false, code: 'media_type_not_accepted', params: {} };
    expect(judgeMedia('video', FILES.jpeg)).toEqual(refused);
    expect(judgeMedia('image', FILES.mp4)).toEqual(refused);
    expect(judgeMedia('image', FILES.pdf)).toEqual(refused);
    expect(judgeMedia('image', FILES.svg)).toEqual(refused);
  });

  it('is refused empty, and past the limit of its kind with the limit', () => {
    expect(judgeMedia('image', new Uint8Array())).toEqual({
      ok: false,
      code: 'media_empty',
      params: {},
    });
    const big = new Uint8Array(MEDIA_MAX_BYTES.image + 1);
    big.set(FILES.jpeg);
    expect(judgeMedia('image', big)).toEqual({
      ok: false,
      code: 'media_too_large',
      params: { max: MEDIA_MAX_BYTES.image },
    });
    expect(judgeMedia('video', big.with(0, 0))).toMatchObject({ code: 'media_type_not_accepted' });
  });

  it('judges a size before any byte is read', () => {
    expect(mediaSizeProblem('video', MEDIA_MAX_BYTES.video)).toBeNull();
    expect(mediaSizeProblem('video', MEDIA_MAX_BYTES.video + 1)).toEqual({
      code: 'media_too_large',
      params: { max: MEDIA_MAX_BYTES.video },
    });
  });

  it('offers a chooser the types of its kind', () => {
    expect(acceptedFileTypes('image')).toBe('image/jpeg,image/png,image/webp');
    expect(acceptedFileTypes('video')).toBe('video/mp4,video/webm');
  });
});

describe("a file's name as kept", () => {
  it('drops folders and control characters, and is cut at the limit', () => {
    expect(mediaName('C:\\Users\\ann\\look\u0007 01.jpg ')).toBe('look 01.jpg');
    expect(mediaName('../../etc/passwd')).toBe('passwd');
    expect(mediaName('  ')).toBe('untitled');
    expect(mediaName('a'.repeat(MAX_MEDIA_NAME + 5))).toHaveLength(MAX_MEDIA_NAME);
  });
});

describe('a byte range a video player asks for', () => {
  it('reads one range, open-ended or from the end', () => {
    expect(byteRange(undefined, 100)).toBeNull();
    expect(byteRange('bytes=0-9', 100)).toEqual({ start: 0, end: 9 });
    expect(byteRange('bytes=90-', 100)).toEqual({ start: 90, end: 99 });
    expect(byteRange('bytes=95-200', 100)).toEqual({ start: 95, end: 99 });
    expect(byteRange('bytes=-10', 100)).toEqual({ start: 90, end: 99 });
  });

  it('answers the whole file for what it cannot read, and no range outside the file', () => {
    expect(byteRange('bytes=0-1,5-6', 100)).toBeNull();
    expect(byteRange('items=0-1', 100)).toBeNull();
    expect(byteRange('bytes=100-', 100)).toBe('unsatisfiable');
    expect(byteRange('bytes=9-2', 100)).toBe('unsatisfiable');
    expect(byteRange('bytes=-0', 100)).toBe('unsatisfiable');
  });
});
