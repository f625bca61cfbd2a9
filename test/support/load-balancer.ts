import { createServer, request, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface LoadBalancer {
  url: string;
  /** How many requests each upstream has answered (in the order given). */
  answered(): number[];
  close(): Promise<void>;
}

/**
 * A load balancer on loopback in front of several hub instances, as a brand with many
 * reps runs them: each request goes to the next instance in turn, to another when one
 * refuses the connection (it is gone), and is answered 502 when the instance it reached
 * dies before answering, as a proxy does (the desktop takes that as "hub unreachable"
 * and tries again). Bodies are read whole first, so a refused request can go elsewhere.
 */
export async function startLoadBalancer(upstreams: string[]): Promise<LoadBalancer> {
  let next = 0;
  const answered = upstreams.map(() => 0);
  const forward = (
    incoming: IncomingMessage,
    body: Buffer,
    target: string,
  ): Promise<IncomingMessage | 'refused'> =>
    new Promise((resolve, reject) => {
      const outgoing = request(
        new URL(incoming.url ?? '/', target),
        { method: incoming.method, headers: incoming.headers },
        resolve,
      );
      outgoing.on('error', (error: NodeJS.ErrnoException) =>
        error.code === 'ECONNREFUSED' ? resolve('refused') : reject(error),
      );
      outgoing.end(body);
    });

  const server = createServer((incoming, answer) => {
    const chunks: Buffer[] = [];
    incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
    incoming.on('end', () => {
      void (async () => {
        const first = next++ % upstreams.length;
        for (let i = 0; i < upstreams.length; i++) {
          const index = (first + i) % upstreams.length;
          const target = upstreams[index]!;
          let response: IncomingMessage | 'refused';
          try {
            response = await forward(incoming, Buffer.concat(chunks), target);
          } catch {
            break;
          }
          if (response === 'refused') continue;
          answered[index]!++;
          answer.writeHead(response.statusCode ?? 502, response.headers);
          // An instance that dies while streaming (the change notices) cuts this answer too.
          response.on('error', () => answer.destroy());
          response.on('aborted', () => answer.destroy());
          response.pipe(answer);
          return;
        }
        answer.writeHead(502).end();
      })();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    answered: () => [...answered],
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
