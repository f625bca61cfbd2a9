import type { FastifyReply } from 'fastify';
import { HubRefusal } from './errors.ts';

/** Sends a picture a buyer may see, or the 404 that says nothing of pictures they may not. */
export function sendPicture(
  reply: FastifyReply,
  picture: { content_type: string; bytes: Uint8Array } | undefined,
  missing: string,
): FastifyReply {
  if (!picture) throw new HubRefusal(404, 'not_found', missing);
  return reply.type(picture.content_type).send(Buffer.from(picture.bytes));
}
