import { Injectable } from '@nestjs/common';
import { alertMuteSchema, Buckets } from '@certgate/contracts';
import { KvBuckets } from '@certgate/messaging';
import { storedSubscriptionSchema } from '../alert-subscriptions/subscription-record';
import { raisedMarkerSchema } from '../alerts/raising/scan-certificates';

/**
 * The alert-state bucket, which only the keystore reads and writes (`AlertStateKv`
 * layout): webhook subscriptions (secrets only sealed), `raised.<id>` markers and
 * mutes per source.
 */
@Injectable()
export class AlertStateRecords {
  private readonly bucket = this.buckets.bucket(Buckets.alertState);
  readonly subscriptions = this.bucket.repository(storedSubscriptionSchema, 'alert subscription');
  readonly raised = this.bucket.repository(raisedMarkerSchema, 'raised alert marker');
  readonly mutes = this.bucket.repository(alertMuteSchema, 'alert mute');

  constructor(private readonly buckets: KvBuckets) {}
}
