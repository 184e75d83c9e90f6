import type { KV } from 'nats';
import { z } from 'zod';
import { CertgateError, ErrorCode } from '@certgate/contracts';
import { decodeJson, encodeJson, jetStreamErrorCode, kvCreateUnique, JS_WRONG_LAST_SEQUENCE } from '@certgate/messaging';

/** JetStream's "wrong last sequence": another writer changed the key first. */
const MAX_ATTEMPTS = 5;

const claimSchema = z.object({ flowId: z.string() });

/**
 * Which flow owns an address, as `address.<base64url(address)>` keys in the flows
 * bucket written with `kv.create`: two replicas deploying two flows at one address
 * at the same moment cannot both succeed. Only the runtime reads these keys; they sit
 * beside the `flow.` keys of the contract and are not part of it.
 */
export class AddressClaims {
  constructor(
    private readonly kv: KV,
    /** The flow currently deployed at `address` with id `flowId`, if any (a claim whose flow moved or went is stale). */
    private readonly holds: (flowId: string, address: string) => Promise<boolean>,
  ) {}

  static keyOf(address: string): string {
    return `address.${Buffer.from(address, 'utf8').toString('base64url')}`;
  }

  /** Takes `address` for `flowId`; 409 naming the flow that holds it. A stale claim is taken over atomically. */
  async claim(address: string, flowId: string): Promise<void> {
    const key = AddressClaims.keyOf(address);
    const value = encodeJson({ flowId });
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      if (await kvCreateUnique(this.kv, key, value)) return;
      const entry = await this.kv.get(key);
      if (!entry || entry.operation !== 'PUT') continue; // deleted meanwhile: create again
      const owner = readClaim(entry.value);
      if (owner === flowId) return;
      if (owner !== undefined && (await this.holds(owner, address))) {
        throw addressConflict(address, owner);
      }
      if (await this.swap(key, value, entry.revision)) return;
    }
    throw new CertgateError(ErrorCode.conflict, `address '${address}' is being deployed by someone else right now; try again`, { address });
  }

  /** Gives `address` up if `flowId` holds it (never another flow's claim). */
  async release(address: string, flowId: string): Promise<void> {
    const key = AddressClaims.keyOf(address);
    const entry = await this.kv.get(key);
    if (!entry || entry.operation !== 'PUT' || readClaim(entry.value) !== flowId) return;
    try {
      await this.kv.delete(key, { previousSeq: entry.revision });
    } catch (err) {
      // Taken over meanwhile: it is no longer ours to release.
      if (jetStreamErrorCode(err) !== JS_WRONG_LAST_SEQUENCE) throw err;
    }
  }

  private async swap(key: string, value: Uint8Array, revision: number): Promise<boolean> {
    try {
      await this.kv.update(key, value, revision);
      return true;
    } catch (err) {
      if (jetStreamErrorCode(err) === JS_WRONG_LAST_SEQUENCE) return false;
      throw err;
    }
  }
}

function readClaim(data: Uint8Array): string | undefined {
  try {
    const parsed = claimSchema.safeParse(decodeJson(data));
    return parsed.success ? parsed.data.flowId : undefined;
  } catch {
    return undefined;
  }
}

export function addressConflict(address: string, flowId: string): CertgateError {
  return new CertgateError(ErrorCode.conflict, `address '${address}' is already used by flow '${flowId}'`, { address, flow: flowId });
}
