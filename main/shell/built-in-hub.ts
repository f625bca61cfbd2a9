import { startEmbeddedHub, type EmbeddedHub } from '../hub/embedded.ts';
import type { EmbeddedHubOptions } from '../hub/embedded-worker.ts';
import type { BuiltInHubNetwork } from './messages.ts';
import type { DesktopPreferences } from './preferences.ts';

/**
 * The desktop's built-in hub as both shells start it: on the port it kept in the
 * preferences, so links, QR codes and emails made before a restart still open, and
 * serving buyers on the local network if the rep left that on. When another program
 * holds the port, another is taken, kept, and said (`movedFrom`).
 */
export interface BuiltInHub {
  readonly hub: EmbeddedHub;
  /** What the services worker asks of it: how it serves buyers, and to serve them on the network or not. */
  network(serveOnNetwork?: boolean): Promise<BuiltInHubNetwork>;
}

export async function startBuiltInHub(
  options: Omit<EmbeddedHubOptions, 'port' | 'serveOnNetwork'> & {
    preferences: DesktopPreferences;
    workerFile: URL | string;
  },
): Promise<BuiltInHub> {
  const { preferences, ...rest } = options;
  const kept = preferences.hubPort;
  const hub = await startEmbeddedHub({
    ...rest,
    port: kept,
    serveOnNetwork: preferences.serveBuyersOnNetwork,
  });
  preferences.hubPort = hub.port;
  const movedFrom = kept !== null && kept !== hub.port ? kept : null;
  return {
    hub,
    async network(serveOnNetwork) {
      if (serveOnNetwork !== undefined) preferences.serveBuyersOnNetwork = serveOnNetwork;
      const state =
        serveOnNetwork === undefined
          ? await hub.network()
          : await hub.serveOnNetwork(serveOnNetwork);
      return { port: hub.port, movedFrom, ...state };
    },
  };
}
