import type {
  ChosenFile,
  InputOf,
  OperationErrorData,
  OperationName,
  OutputOf,
  TrunkshowApi,
} from './contract/index.ts';

/**
 * The browser shell's stand-in for Electron's preload: the same `window.trunkshow`,
 * carried over loopback HTTP to the same main-side worker. The page may only reach the
 * address that served it, with the session cookie the printed link set.
 */
type Result = { ok: true; value: unknown } | { ok: false; error: OperationErrorData };

class ShellOperationError extends Error {
  readonly code: string;
  readonly issues: OperationErrorData['issues'];
  constructor(data: OperationErrorData) {
    super(data.message);
    this.name = 'OperationError';
    this.code = data.code;
    this.issues = data.issues;
  }
}

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
    throw new ShellOperationError({
      code: 'unavailable',
      message: 'Trunkshow has stopped. Start it again with "npm run start:browser".',
    });
  }
  const result = (await response.json().catch(() => null)) as Result | null;
  if (!result) {
    throw new ShellOperationError({
      code: 'internal',
      message: `Trunkshow answered ${response.status} without a readable result.`,
    });
  }
  if (!result.ok) throw new ShellOperationError(result.error);
  return result.value as OutputOf<Name>;
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
