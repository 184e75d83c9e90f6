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
}

export type AnyRpcContract = RpcContract<z.ZodType, z.ZodType>;

export function rpcContract<Req extends z.ZodType, Res extends z.ZodType>(subject: string, request: Req, response: Res): RpcContract<Req, Res> {
  return { subject, request, response };
}
