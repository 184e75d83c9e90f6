import { Injectable, type OnModuleInit } from '@nestjs/common';
import { z } from 'zod';
import { AlertStateKv, Buckets } from '@certgate/contracts';
import { KvBuckets, nestMessagingLogger, type KvProjection } from '@certgate/messaging';
import { AlertStateRecords } from '../../store/alert-state-records';
import type { RaisedMarker } from './scan-certificates';

/** Only presence counts; the marker's fields are for an operator reading the bucket. */
const presentSchema = z.unknown().transform((): true => true);

/**
 * The `raised.<id>` markers of the alert-state bucket: written once an alert was
 * published, read from a projection so a scan asks NATS nothing for certificates
 * already alerted.
 */
@Injectable()
export class RaisedMarkers implements OnModuleInit {
  private raised!: KvProjection<true>;
  /** Markers this replica wrote that its projection may not have applied yet. */
  private readonly justRaised = new Set<string>();

  constructor(
    private readonly buckets: KvBuckets,
    private readonly records: AlertStateRecords,
  ) {}

  async onModuleInit(): Promise<void> {
    this.raised = await this.buckets.project(Buckets.alertState, {
      key: AlertStateKv.raised('>'),
      schema: presentSchema,
      logger: nestMessagingLogger('alerts.state'),
    });
  }

  isRaised(id: string): boolean {
    return this.justRaised.has(id) || this.raised.get(AlertStateKv.raised(id)) !== undefined;
  }

  /** Idempotent: another replica (or an earlier run) may have written it first. */
  async markRaised(id: string, marker: RaisedMarker): Promise<void> {
    await this.records.raised.create(AlertStateKv.raised(id), marker);
    this.justRaised.add(id);
  }
}
