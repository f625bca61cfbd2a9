import { createServer, request, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * Stands between a desktop and its hub and holds the desktop's pulls, each made to ask
 * for a small page, until the test lets them through: a first sync that stops wherever
 * the test wants to look at it. Everything else passes as it is, server-sent events too.
 */
export interface PullGate {
  /** The address to give the desktop as its hub. */
  url: string;
  /** Resolves when a pull is held at the gate (at once if one is). */
  held(): Promise<void>;
  /** Lets the held pull through. */
  release(): void;
  /** Lets every pull through from now on. */
  open(): void;
  close(): Promise<void>;
}

export async function startPullGate(hubPort: number, pageRows: number): Promise<PullGate> {
  const waiting: (() => void)[] = [];
  const onHeld: (() => void)[] = [];
  let opened = false;

  const forward = (
    incoming: IncomingMessage,
    body: Buffer | null,
    reply: (up: IncomingMessage) => void,
  ) => {
    const headers = { ...incoming.headers };
    if (body) headers['content-length'] = String(body.length);
    const upstream = request(
      { host: '127.0.0.1', port: hubPort, method: incoming.method, path: incoming.url, headers },
      reply,
    );
    if (body) upstream.end(body);
    else incoming.pipe(upstream);
    return upstream;
  };

  const server: Server = createServer((incoming, outgoing) => {
    const pass = (up: IncomingMessage) => {
      outgoing.writeHead(up.statusCode ?? 502, up.headers);
      up.pipe(outgoing);
    };
    if (incoming.url !== '/api/sync/pull') {
      forward(incoming, null, pass).on('error', () => outgoing.destroy());
      return;
    }
    const chunks: Buffer[] = [];
    incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
    incoming.on('end', () => {
      const asked = JSON.parse(Buffer.concat(chunks).toString()) as Record<string, unknown>;
      const body = Buffer.from(JSON.stringify({ ...asked, limit: pageRows }));
      const go = () => forward(incoming, body, pass).on('error', () => outgoing.destroy());
      if (opened) {
        go();
        return;
      }
      waiting.push(go);
      for (const tell of onHeld.splice(0)) tell();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    held: () =>
      new Promise((resolve) => {
        if (waiting.length > 0) resolve();
        else onHeld.push(resolve);
      }),
    release() {
      waiting.shift()?.();
    },
    open() {
      opened = true;
      for (const go of waiting.splice(0)) go();
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
