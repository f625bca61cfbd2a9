import Store from 'electron-store';
import { z } from 'zod';
import type { WindowBounds } from './window-bounds.ts';

const HubUrl = z
  .url({ protocol: /^https?$/, error: 'The hub address starts with http:// or https://' })
  .nullable();

interface PreferencesShape {
  windowBounds?: WindowBounds;
  hubUrl?: string | null;
}

/**
 * The desktop's own settings, kept by electron-store beside the data folder: where the
 * window was, and which hub to sync with. Values are checked on the way in and out, so
 * a hand-edited file cannot put the app in a bad state.
 */
export class Preferences {
  readonly #store = new Store<PreferencesShape>({ name: 'preferences', clearInvalidConfig: true });

  get windowBounds(): unknown {
    return this.#store.get('windowBounds');
  }

  set windowBounds(bounds: WindowBounds) {
    this.#store.set('windowBounds', bounds);
  }

  get hubUrl(): string | null {
    const parsed = HubUrl.safeParse(this.#store.get('hubUrl') ?? null);
    return parsed.success ? parsed.data : null;
  }

  set hubUrl(url: string | null) {
    this.#store.set('hubUrl', HubUrl.parse(url));
  }
}
