import { BYTES_TAG } from '../../preload/contract/json-bytes.ts';

/** JSON of an answer, its bytes tagged as base64 for the bridge to restore. */
export function stringifyWithBytes(value: unknown): string {
  return JSON.stringify(value, function (this: Record<string, unknown>, key, encoded: unknown) {
    // `this[key]` is the value before toJSON, which turns a Buffer into a list of numbers.
    const raw = this[key];
    return raw instanceof Uint8Array
      ? { [BYTES_TAG]: Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength).toString('base64') }
      : encoded;
  });
}
