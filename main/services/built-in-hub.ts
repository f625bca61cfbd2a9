/**
 * The built-in hub as the desktop's services see it: run by the host (Electron's main
 * process or the browser shell), asked through it. Null in services that have none (a
 * desktop started for a standalone hub).
 */
export interface BuiltInHubControl {
  network(): Promise<BuiltInHubNetwork>;
  serveOnNetwork(on: boolean): Promise<BuiltInHubNetwork>;
}

/** How the built-in hub serves buyers. */
export interface BuiltInHubNetwork {
  /** The loopback port it keeps across restarts. */
  port: number;
  /** The port it had before, when another program took it at this start. */
  movedFrom: number | null;
  /** Whether the rep turned on serving buyers on this network. */
  serving: boolean;
  /** The local-network addresses it answers on now, e.g. `http://192.168.1.20:51234`. */
  addresses: string[];
}
