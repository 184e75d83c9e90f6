import { z } from 'zod';
import { CertgateError, ErrorCode } from '@certgate/contracts';
import type { KvBucket, KvRepository } from '@certgate/messaging';

const claimSchema = z.object({ flowId: z.string() });
type AddressClaim = z.infer<typeof claimSchema>;

/**
 * Which flow owns an address, as `address.<base64url(address)>` keys in the flows
 * bucket, taken with `claimUnique`: two replicas deploying two flows at one address
 * at the same moment cannot both succeed. Only the runtime reads these keys; they sit
 * beside the `flow.` keys of the contract and are not part of it.
 */
export class AddressClaims {
  private readonly claims: KvRepository<AddressClaim>;

  constructor(
    flows: KvBucket,
    /** The flow currently deployed at `address` with id `flowId`, if any (a claim whose flow moved or went is stale). */
    private readonly holds: (flowId: string, address: string) => Promise<boolean>,
  ) {
    this.claims = flows.repository(claimSchema, 'address claim');
  }

  static keyOf(address: string): string {
    return `address.${Buffer.from(address, 'utf8').toString('base64url')}`;
  }

  /** Takes `address` for `flowId`; 409 naming the flow that holds it. A stale or unreadable claim is taken over atomically. */
  async claim(address: string, flowId: string): Promise<void> {
    const claim = await this.claims.claimUnique(
      AddressClaims.keyOf(address),
      { flowId },
      {
        mine: (holder) => holder.flowId === flowId,
        stale: async (holder) => !(await this.holds(holder.value.flowId, address)),
      },
    );
    if (claim.won) return;
    if (claim.holder) throw addressConflict(address, claim.holder.value.flowId);
    throw new CertgateError(ErrorCode.concurrentChange, `address '${address}' is being deployed by someone else right now; try again`, { address });
  }

  /** Gives `address` up if `flowId` holds it (never another flow's claim). */
  async release(address: string, flowId: string): Promise<void> {
    const key = AddressClaims.keyOf(address);
    const held = await this.claims.get(key);
    if (held?.value.flowId !== flowId) return;
    // At the revision read: a claim taken over meanwhile is no longer ours to release.
    await this.claims.delete(key, held.revision);
  }
}

export function addressConflict(address: string, flowId: string): CertgateError {
  return new CertgateError(ErrorCode.addressInUse, `address '${address}' is already used by flow '${flowId}'`, {
    field: 'sender.address',
    address,
    flow: flowId,
  });
}
