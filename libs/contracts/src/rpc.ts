import { z } from 'zod';
import { errorBodySchema } from './errors';

/** Every NATS reply is one of these two shapes, so a client never has to guess. */
export const rpcReplySchema = z.discriminatedUnion('ok', [
  // `data` may be absent: JSON drops an undefined value, as a void handler returns.
  z.object({ ok: z.literal(true), data: z.unknown().optional() }),
  z.object({ ok: z.literal(false), error: errorBodySchema }),
]);
export type RpcReply = z.infer<typeof rpcReplySchema>;

/** A request/reply contract: the subject plus runtime schemas for both directions. */
export interface RpcContract<Req extends z.ZodType, Res extends z.ZodType> {
  readonly subject: string;
  readonly request: Req;
  readonly response: Res;
  /**
   * A field of the request and of the response that holds bytes (a Buffer). The messages
   * are then framed: JSON of the other fields, a newline, the bytes as they are
   * (docs/messaging.md). Without it, messages are plain JSON.
   */
  readonly bytes?: string;
}

export type AnyRpcContract = RpcContract<z.ZodType, z.ZodType>;

export function rpcContract<Req extends z.ZodType, Res extends z.ZodType>(
  subject: string,
  request: Req,
  response: Res,
  wire: { bytes?: string } = {},
): RpcContract<Req, Res> {
  return { subject, request, response, ...wire };
}

/** A one-way event: the subject plus the runtime schema of its payload. Nobody answers it. */
export interface EventContract<P extends z.ZodType> {
  readonly subject: string;
  readonly payload: P;
}

export type AnyEventContract = EventContract<z.ZodType>;

export function eventContract<P extends z.ZodType>(subject: string, payload: P): EventContract<P> {
  return { subject, payload };
}

/** What a `@MessagePattern` / `@EventPattern` of the certgate transport names. */
export function isContract(pattern: unknown): pattern is AnyRpcContract | AnyEventContract {
  return typeof pattern === 'object' && pattern !== null && typeof (pattern as { subject?: unknown }).subject === 'string';
}
