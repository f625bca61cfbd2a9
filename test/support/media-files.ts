/** Bytes from numbers and ASCII text, in order. */
export const bytes = (...values: (number | string)[]) =>
  Uint8Array.from(
    values.flatMap((value) =>
      typeof value === 'number' ? [value] : [...value].map((c) => c.charCodeAt(0)),
    ),
  );

/** The first bytes of files of each type, as uploads begin: enough for their signatures. */
export const MEDIA_FILES = {
  jpeg: bytes(0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 'JFIF', 0),
  png: bytes(0x89, 'PNG', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 'IHDR'),
  webp: bytes('RIFF', 0x24, 0, 0, 0, 'WEBPVP8 '),
  mp4: bytes(0, 0, 0, 0x20, 'ftypisom', 0, 0, 2, 0),
  webm: bytes(0x1a, 0x45, 0xdf, 0xa3, 0x9f, 0x42, 0x86, 0x81, 1),
  pdf: bytes('%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3'),
  svg: bytes('<svg xmlns="http://www.w3.org/2000/svg"/>'),
  gif: bytes('GIF89a', 1, 0, 1, 0),
};

/** A file of `size` bytes beginning as `head` does, the rest numbered so ranges can be checked. */
export function fileOf(head: Uint8Array, size: number): Uint8Array {
  const file = new Uint8Array(size);
  for (let at = 0; at < size; at++) file[at] = at % 251;
  file.set(head.subarray(0, size));
  return file;
}
