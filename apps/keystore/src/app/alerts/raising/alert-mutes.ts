import { Injectable, type OnModuleInit } from '@nestjs/common';
import { AlertStateKv, alertMuteSchema, Buckets, type AlertMute, type CertificateSource } from '@certgate/contracts';
import { KvBuckets, nestMessagingLogger, type KvProjection } from '@certgate/messaging';

/**
 * The mutes per source (`mute.<source>` in the alert-state bucket) as this replica
 * sees them: a projection, so every scan and inventory view reads them from memory
 * and a mute set on any replica counts here within milliseconds. They are written
 * through `AlertStateRecords.mutes`.
 */
@Injectable()
export class AlertMutes implements OnModuleInit {
  private mutes!: KvProjection<AlertMute>;
  private readonly listeners: (() => void)[] = [];

  constructor(private readonly buckets: KvBuckets) {}

  async onModuleInit(): Promise<void> {
    this.mutes = await this.buckets.project(Buckets.alertState, {
      key: AlertStateKv.mute('>' as CertificateSource),
      schema: alertMuteSchema,
      logger: nestMessagingLogger('alerts.state'),
      onChange: () => this.listeners.forEach((l) => l()),
    });
  }

  isMuted(source: CertificateSource): boolean {
    return this.mutes.get(AlertStateKv.mute(source)) !== undefined;
  }

  list(): AlertMute[] {
    return [...this.mutes.values()].sort((a, b) => a.source.localeCompare(b.source));
  }

  /** Called on every replica when a mute is set or lifted. */
  onChange(listener: () => void): void {
    this.listeners.push(listener);
  }
}
