import { createServer } from 'node:net';

/**
 * A loopback port free at the moment of asking, for a program that must be told its port
 * up front (Chrome's debugging port, HAProxy's listener). Another process could take it
 * before that program binds it; on a test machine that is rare enough.
 */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address
          ? resolve(address.port)
          : reject(new Error('no port')),
      );
    });
  });
}
