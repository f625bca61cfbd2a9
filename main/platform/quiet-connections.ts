import type { Socket } from 'node:net';
import type { FastifyInstance } from 'fastify';

/**
 * Closing a server waits for the requests under way, not for connections that carry none.
 * Node's server.close() ends idle keep-alive connections, but not one that never sent a
 * request (browsers open those ahead of need): it would hold the close until its headers
 * timed out, a minute in which the app cannot quit and the port stays taken.
 */
export function endQuietConnectionsOnClose(app: FastifyInstance): void {
  const open = new Set<Socket>();
  const answering = new Map<Socket, number>();
  app.server.on('connection', (socket: Socket) => {
    open.add(socket);
    socket.once('close', () => {
      open.delete(socket);
      answering.delete(socket);
    });
  });
  app.server.on('request', (request, response) => {
    const { socket } = request;
    answering.set(socket, (answering.get(socket) ?? 0) + 1);
    response.once('close', () => {
      const left = (answering.get(socket) ?? 1) - 1;
      if (left > 0) answering.set(socket, left);
      else answering.delete(socket);
    });
  });
  app.addHook('preClose', (done) => {
    for (const socket of open) if (!answering.has(socket)) socket.destroy();
    done();
  });
}
