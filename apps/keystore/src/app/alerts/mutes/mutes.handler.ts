import { Controller, Inject } from '@nestjs/common';
import { MessagePattern } from '@nestjs/microservices';
import { AlertsRpc, AlertStateKv, type AlertMute, type CertificateSource } from '@certgate/contracts';
import { CLOCK, type Clock } from '../clock/clock';
import { AlertStateRecords } from '../../store/alert-state-records';
import { AlertMutes } from '../raising/alert-mutes';

/**
 * Mutes per source (e.g. short-lived certificates that renew themselves). A muted source
 * raises nothing and marks nothing; lifting the mute makes every replica scan, and what
 * is due by then is raised (the tightest threshold only, as for a new certificate).
 */
@Controller()
export class MutesHandler {
  constructor(
    private readonly mutes: AlertMutes,
    private readonly records: AlertStateRecords,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @MessagePattern(AlertsRpc.listMutes)
  list(): { mutes: AlertMute[] } {
    return { mutes: this.mutes.list() };
  }

  @MessagePattern(AlertsRpc.mute)
  async mute(body: { source: CertificateSource; reason?: string }): Promise<AlertMute> {
    const mute: AlertMute = {
      source: body.source,
      ...(body.reason === undefined ? {} : { reason: body.reason }),
      mutedAt: new Date(this.clock()).toISOString(),
    };
    await this.records.mutes.put(AlertStateKv.mute(mute.source), mute);
    return mute;
  }

  /** Idempotent: lifting a mute that is not set is not an error. */
  @MessagePattern(AlertsRpc.unmute)
  async unmute(body: { source: CertificateSource }): Promise<void> {
    await this.records.mutes.delete(AlertStateKv.mute(body.source));
  }
}
