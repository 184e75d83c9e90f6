import { Inject, Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import type { KV, NatsConnection } from 'nats';
import { z } from 'zod';
import { AlertStateKv, alertMuteSchema, Buckets, type AlertMute, type CertificateSource } from '@certgate/contracts';
import { encodeJson, ensureKv, kvCreateUnique, KvCache, NATS_CONNECTION, nestMessagingLogger } from '@certgate/messaging';
import { SERVICE_ENV } from '@certgate/platform';
import type { KeystoreEnv } from '../../keystore-env';
import type { RaisedMarker } from './scan-certificates';

/** Only presence counts; the marker's fields are for an operator reading the bucket. */
const presentSchema = z.unknown().transform((): true => true);

/**
 * The keystore's part of the alert-state bucket: `raised.<id>` markers (written once an
 * alert was published, read from a watched copy so a scan asks NATS nothing for
 * certificates already alerted) and `mute.<source>`.
 */
@Injectable()
export class AlertStateStore implements OnModuleInit, OnModuleDestroy {
  private kv!: KV;
  private raised!: KvCache<true>;
  private mutes!: KvCache<AlertMute>;
  /** Markers this replica wrote that its watch may not have delivered yet. */
  private readonly justRaised = new Set<string>();
  private readonly muteListeners: (() => void)[] = [];

  constructor(
    @Inject(NATS_CONNECTION) private readonly nc: NatsConnection,
    @Inject(SERVICE_ENV) private readonly env: KeystoreEnv,
  ) {}

  async onModuleInit(): Promise<void> {
    this.kv = await ensureKv(this.nc, this.env.CERTGATE_TENANT, Buckets.alertState);
    const logger = nestMessagingLogger('alerts.state');
    [this.raised, this.mutes] = await Promise.all([
      KvCache.start(this.kv, { key: AlertStateKv.raised('>'), schema: presentSchema, logger }),
      KvCache.start(this.kv, { key: AlertStateKv.mute('>' as CertificateSource), schema: alertMuteSchema, logger, onChange: () => this.muteListeners.forEach((l) => l()) }),
    ]);
  }

  async onModuleDestroy(): Promise<void> {
    await Promise.all([this.raised?.stop(), this.mutes?.stop()]);
  }

  isRaised(id: string): boolean {
    return this.justRaised.has(id) || this.raised.get(AlertStateKv.raised(id)) !== undefined;
  }

  /** Idempotent: another replica (or an earlier run) may have written it first. */
  async markRaised(id: string, marker: RaisedMarker): Promise<void> {
    await kvCreateUnique(this.kv, AlertStateKv.raised(id), encodeJson(marker));
    this.justRaised.add(id);
  }

  isMuted(source: CertificateSource): boolean {
    return this.mutes.get(AlertStateKv.mute(source)) !== undefined;
  }

  listMutes(): AlertMute[] {
    return [...this.mutes.values()].sort((a, b) => a.source.localeCompare(b.source));
  }

  async putMute(mute: AlertMute): Promise<void> {
    await this.kv.put(AlertStateKv.mute(mute.source), encodeJson(alertMuteSchema.parse(mute)));
  }

  async deleteMute(source: CertificateSource): Promise<void> {
    await this.kv.delete(AlertStateKv.mute(source));
  }

  /** Called on every replica when a mute is set or lifted. */
  onMutesChange(listener: () => void): void {
    this.muteListeners.push(listener);
  }
}
