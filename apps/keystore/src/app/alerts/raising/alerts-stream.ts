import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import type { JetStreamClient, NatsConnection } from 'nats';
import { AlertSubjects, tenantSubject, type CertificateAlert } from '@certgate/contracts';
import { encodeJson, ensureStream, NATS_CONNECTION, type StreamLimits } from '@certgate/messaging';
import { SERVICE_ENV } from '@certgate/platform';
import type { KeystoreEnv } from '../../keystore-env';

const DAY_MS = 86_400_000;

/**
 * Stream ALERTS. Long retention, since a durable subscriber that was down must still get
 * everything. The duplicate window is the second guard of "raised once": JetStream drops
 * a re-publish of an alert id within it, which covers replicas racing each other and a
 * replica that published but stopped before writing the raised marker.
 * Whoever else ensures this stream must pass these limits (ensureStream updates them).
 */
export const ALERTS_STREAM_LIMITS: StreamLimits = { maxAgeMs: 365 * DAY_MS, maxBytes: 256 * 1024 * 1024, duplicateWindowMs: 3_600_000 };

@Injectable()
export class AlertsStream implements OnModuleInit {
  private js!: JetStreamClient;

  constructor(
    @Inject(NATS_CONNECTION) private readonly nc: NatsConnection,
    @Inject(SERVICE_ENV) private readonly env: KeystoreEnv,
  ) {}

  async onModuleInit(): Promise<void> {
    await ensureStream(this.nc, this.env.CERTGATE_TENANT, 'ALERTS', ALERTS_STREAM_LIMITS);
    this.js = this.nc.jetstream();
  }

  /** True when the stream stored it; false when it already held this alert id. */
  async publish(alert: CertificateAlert): Promise<boolean> {
    const subject = tenantSubject(this.env.CERTGATE_TENANT, AlertSubjects[alert.type]);
    const ack = await this.js.publish(subject, encodeJson(alert), { msgID: alert.id });
    return !ack.duplicate;
  }
}
