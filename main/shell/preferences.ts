import Conf from 'conf';
import { z } from 'zod';
import { PRIVATE_FILE_MODE } from '../platform/private-files.ts';

/**
 * The desktop's own settings, one file in its data folder that both shells (Electron and
 * the browser shell) read: where the window was, the port the built-in hub keeps so
 * links made today still open after a restart, and whether it serves buyers on the
 * local network. Values are checked on the way out, so a hand-edited file cannot put
 * the app in a bad state; a bad value reads as unset.
 */
const Port = z.number().int().min(1).max(65_535);

interface PreferencesShape {
  windowBounds?: unknown;
  hubPort?: number;
  serveBuyersOnNetwork?: boolean;
}

export class DesktopPreferences {
  readonly #store: Conf<PreferencesShape>;

  constructor(dataDir: string) {
    this.#store = new Conf<PreferencesShape>({
      cwd: dataDir,
      configName: 'preferences',
      projectName: 'trunkshow',
      configFileMode: PRIVATE_FILE_MODE,
      clearInvalidConfig: true,
    });
  }

  /** As saved; the window checks it is still somewhere a person can see. */
  get windowBounds(): unknown {
    return this.#store.get('windowBounds');
  }

  set windowBounds(bounds: unknown) {
    this.#store.set('windowBounds', bounds);
  }

  /** The port the built-in hub listens on, chosen at its first start; null before. */
  get hubPort(): number | null {
    const parsed = Port.safeParse(this.#store.get('hubPort'));
    return parsed.success ? parsed.data : null;
  }

  set hubPort(port: number) {
    this.#store.set('hubPort', Port.parse(port));
  }

  /** Off until the rep turns it on at the booth. */
  get serveBuyersOnNetwork(): boolean {
    return this.#store.get('serveBuyersOnNetwork') === true;
  }

  set serveBuyersOnNetwork(on: boolean) {
    this.#store.set('serveBuyersOnNetwork', on);
  }
}
