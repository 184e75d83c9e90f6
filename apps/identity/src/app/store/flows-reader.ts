import { Inject, Injectable } from '@nestjs/common';
import type { KV, NatsConnection } from 'nats';
import { Buckets, FlowsKv } from '@certgate/contracts';
import { decodeJson, ensureKv, kvLiveEntries, MESSAGING_OPTIONS, NATS_CONNECTION, type MessagingOptions } from '@certgate/messaging';

export interface RawFlow {
  key: string;
  /** The stored JSON as is (undefined when it is not JSON): the caller decides how to read it. */
  value: unknown;
}

/**
 * Reads the runtime's flows bucket (a contract bucket, design §2): identity never
 * writes it, it only asks which flows depend on a role.
 */
@Injectable()
export class FlowsReader {
  private kv?: Promise<KV>;

  constructor(
    @Inject(NATS_CONNECTION) private readonly nc: NatsConnection,
    @Inject(MESSAGING_OPTIONS) private readonly options: MessagingOptions,
  ) {}

  async deployed(): Promise<RawFlow[]> {
    this.kv ??= ensureKv(this.nc, this.options.tenant, Buckets.flows).catch((err: unknown) => {
      this.kv = undefined;
      throw err;
    });
    const kv = await this.kv;
    return (await kvLiveEntries(this.nc, kv, `${FlowsKv.prefix}>`)).map((entry) => {
      let value: unknown;
      try {
        value = decodeJson(entry.value);
      } catch {
        value = undefined;
      }
      return { key: entry.key, value };
    });
  }
}
