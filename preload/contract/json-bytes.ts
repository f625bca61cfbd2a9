/**
 * Bytes inside an answer (an exported PDF) over the browser shell's JSON transport:
 * JSON has no binary type, so the transport sends `{ "$bytes": "<base64>" }` and the
 * bridge restores a Uint8Array. Electron's IPC clones bytes as they are.
 */
export const BYTES_TAG = '$bytes';

export function isTaggedBytes(value: unknown): value is { [BYTES_TAG]: string } {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as Record<string, unknown>)[BYTES_TAG] === 'string'
  );
}
