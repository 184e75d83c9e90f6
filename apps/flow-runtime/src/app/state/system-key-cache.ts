import { Inject, Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import type { NatsConnection } from 'nats';
import type { SystemKeyState } from '@certgate/authz';
import { Buckets, KeystoreKv, storedKeystoreEntrySchema, type StoredKeystoreEntry } from '@certgate/contracts';
import { HealthResponder, KvCache, MESSAGING_OPTIONS, NATS_CONNECTION, ensureKv, type MessagingOptions } from '@certgate/messaging';
import { SERVICE_ENV } from '@certgate/platform';
import { messagingLogger } from '../common/messaging-logger';
import type { FlowRuntimeEnv } from '../flow-runtime-env';
import { NO_SYSTEM_KEY, systemKeyState, systemKeyWindow, type SystemKeyWindow } from './system-key-state';

/** Whether the tenant system key pair exists, watched in the keystore bucket; its validity is judged per request. */
@Injectable()
export class SystemKeyCache implements OnModuleInit, OnModuleDestroy {
  private cache?: KvCache<StoredKeystoreEntry>;
  private seen?: StoredKeystoreEntry;
  private window: SystemKeyWindow = NO_SYSTEM_KEY;

  constructor(
    @Inject(NATS_CONNECTION) private readonly nc: NatsConnection,
    @Inject(MESSAGING_OPTIONS) private readonly options: MessagingOptions,
    @Inject(SERVICE_ENV) private readonly env: FlowRuntimeEnv,
    private readonly health: HealthResponder,
  ) {}

  get alias(): string {
    return this.env.CERTGATE_SYSTEM_KEY_ALIAS;
  }

  async onModuleInit(): Promise<void> {
    const kv = await ensureKv(this.nc, this.options.tenant, Buckets.keystore);
    this.cache = await KvCache.start(kv, { key: KeystoreKv.entry(this.alias), schema: storedKeystoreEntrySchema, logger: messagingLogger('system-key-cache') });
    // Up either way: a missing key pair is a tenant state (trial plan), reported here, not a broken replica.
    this.health.register('cache.system-key', () => {
      const state = this.state(Date.now());
      return { status: 'up', message: `key pair '${state.alias}' ${state.valid ? 'valid' : state.present ? 'expired or not yet valid' : 'absent'}` };
    });
  }

  async onModuleDestroy(): Promise<void> {
    await this.cache?.stop();
  }

  /** Newest bucket revision applied to this replica's copy. */
  get revision(): number {
    return this.cache?.revision ?? 0;
  }

  state(now: number): SystemKeyState {
    const entry = this.cache?.get(KeystoreKv.entry(this.alias));
    if (entry !== this.seen) {
      this.seen = entry;
      this.window = systemKeyWindow(entry);
    }
    return systemKeyState(this.alias, this.window, now);
  }
}
