import { z } from 'zod';
import { emptySchema } from '../common';
import { rpcContract } from '../rpc';

/**
 * What one runtime replica has applied: the newest revision of each bucket its caches
 * watch. Answered by every replica (not a queue group), so a caller can tell when a
 * change (whose `put` returned revision R) is in force on all of them.
 */
export const runtimeStateSchema = z.object({
  nodeId: z.string(),
  revisions: z.object({ identity: z.number().int(), flows: z.number().int(), keystore: z.number().int() }),
});
export type RuntimeState = z.infer<typeof runtimeStateSchema>;

export const runtimeStateContract = rpcContract('runtime.state.v1', emptySchema, runtimeStateSchema);
