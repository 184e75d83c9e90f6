import { SetMetadata } from '@nestjs/common';
import type { AnyRpcContract } from '@certgate/contracts';

export const RPC_HANDLER = Symbol('RPC_HANDLER');

export interface RpcHandlerMetadata {
  contract: AnyRpcContract;
  /** true: every replica answers (cache invalidation, discovery); default: one replica (queue group). */
  perReplica: boolean;
}

/** Marks a provider method as the handler of a NATS request/reply contract. */
export const RpcHandler = (contract: AnyRpcContract, opts: { perReplica?: boolean } = {}) =>
  SetMetadata<symbol, RpcHandlerMetadata>(RPC_HANDLER, { contract, perReplica: opts.perReplica ?? false });
