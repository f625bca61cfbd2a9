import { createServer, type Server } from 'node:http';
import { networkInterfaces } from 'node:os';
import type { FastifyInstance } from 'fastify';

/**
 * "Serve buyers on this network": the built-in hub answers on this computer's
 * local-network addresses too, beside loopback, on the same port, so a buyer's phone on
 * the booth's Wi-Fi opens a link with no internet at all. Off by default: the rep turns
 * it on at the booth.
 *
 * Each address gets a plain HTTP server handing requests to the same Fastify app
 * (`app.routing`), so every route, limit and header is the hub's own. Addresses come and
 * go (another Wi-Fi, a cable unplugged): while serving, they are looked at again every
 * few seconds and the servers follow.
 */
export interface NetworkServing {
  /** Whether the rep asked for it. */
  readonly serving: boolean;
  /** The local-network addresses answering now, e.g. `http://192.168.1.20:51234`. */
  readonly addresses: string[];
}

export interface NetworkListeners {
  serve(on: boolean): Promise<NetworkServing>;
  state(): NetworkServing;
  /** Stops serving on the network; call before the hub closes. */
  close(): Promise<void>;
}

const RESCAN_MS = 5_000;

/** This computer's IPv4 addresses on its local networks (not loopback), in interface order. */
export function localNetworkAddresses(): string[] {
  return Object.values(networkInterfaces()).flatMap((entries) =>
    (entries ?? []).flatMap((entry) =>
      entry.family === 'IPv4' && !entry.internal ? [entry.address] : [],
    ),
  );
}

export function networkListeners(
  app: FastifyInstance,
  port: number,
  addressesNow: () => string[] = localNetworkAddresses,
): NetworkListeners {
  const servers = new Map<string, Server>();
  let serving = false;
  let rescan: NodeJS.Timeout | null = null;

  function listenOn(address: string): Promise<void> {
    const server = createServer((request, response) => app.routing(request, response));
    server.requestTimeout = 30_000;
    server.headersTimeout = 20_000;
    server.keepAliveTimeout = 5_000;
    return new Promise((resolve) => {
      server.once('error', () => resolve());
      server.listen({ host: address, port }, () => {
        servers.set(address, server);
        resolve();
      });
    });
  }

  function closeOn(address: string): Promise<void> {
    const server = servers.get(address);
    servers.delete(address);
    if (!server) return Promise.resolve();
    return new Promise((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  }

  async function follow(): Promise<void> {
    const wanted = serving ? new Set(addressesNow()) : new Set<string>();
    await Promise.all([
      ...[...servers.keys()].filter((address) => !wanted.has(address)).map(closeOn),
      ...[...wanted].filter((address) => !servers.has(address)).map(listenOn),
    ]);
  }

  function state(): NetworkServing {
    return {
      serving,
      addresses: [...servers.keys()].map((address) => `http://${address}:${port}`),
    };
  }

  return {
    async close() {
      serving = false;
      if (rescan) clearInterval(rescan);
      rescan = null;
      await follow();
    },
    async serve(on) {
      serving = on;
      if (rescan) clearInterval(rescan);
      rescan = null;
      if (on) {
        rescan = setInterval(() => void follow(), RESCAN_MS);
        rescan.unref();
      }
      await follow();
      return state();
    },
    state,
  };
}
