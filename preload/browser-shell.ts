import { OperationError } from './contract/errors.ts';
import type {
  ChosenFile,
  InputOf,
  OperationName,
  OutputOf,
  TrunkshowApi,
} from './contract/index.ts';
import { isTaggedBytes } from './contract/json-bytes.ts';
import { unwrapResult } from './contract/result.ts';

/**
 * The browser shell's stand-in for Electron's preload: the same `window.trunkshow`,
 * carried over loopback HTTP to the same main-side worker. The page may only reach the
 * address that served it, with the session cookie the printed link set.
 */
async function invoke<Name extends OperationName>(
  name: Name,
  input: InputOf<Name>,
): Promise<OutputOf<Name>> {
  let response: Response;
  try {
    response = await fetch(`/rpc/${encodeURIComponent(name)}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-trunkshow-shell': '1' },
      body: JSON.stringify(input ?? {}),
      credentials: 'same-origin',
    });
  } catch {
    throw new OperationError(
      'unavailable',
      'Trunkshow has stopped. Start it again with "npm run start:browser".',
    );
  }
  const text = await response.text().catch(() => '');
  let parsed: unknown = null;
  try {
    parsed = parseWithBytes(text);
  } catch {
    // Not JSON: unwrapResult says the answer was unreadable.
  }
  return unwrapResult<OutputOf<Name>>(parsed);
}

/** The answer's JSON, with the bytes the transport tagged as base64 restored. */
function parseWithBytes(text: string): unknown {
  return JSON.parse(text, (_key, value: unknown) => {
    if (!isTaggedBytes(value)) return value;
    const binary = atob(value.$bytes);
    const bytes = new Uint8Array(binary.length);
    for (let at = 0; at < binary.length; at++) bytes[at] = binary.charCodeAt(at);
    return bytes;
  });
}

function chooseCsvFiles(): Promise<ChosenFile[]> {
  return new Promise((resolve, reject) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = '.csv,text/csv';
    input.multiple = true;
    input.addEventListener('change', () => {
      const files = [...(input.files ?? [])];
      Promise.all(
        files.map(async (file) => ({ name: file.name, content: await file.text() })),
      ).then(resolve, reject);
    });
    input.addEventListener('cancel', () => resolve([]));
    input.click();
  });
}

const api: TrunkshowApi = { invoke, chooseCsvFiles, shell: 'browser' };
Object.defineProperty(window, 'trunkshow', { value: Object.freeze(api), writable: false });
