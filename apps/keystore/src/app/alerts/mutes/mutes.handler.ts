import { Inject, Injectable } from '@nestjs/common';
import { AlertsRpc, type AlertMute, type CertificateSource } from '@certgate/contracts';
import { RpcHandler } from '@certgate/messaging';
import { CLOCK, type Clock } from '../clock/clock';
import { AlertStateStore } from '../raising/alert-state.store';

/**
 * Mutes per source (e.g. short-lived certificates that renew themselves). A muted source
 * raises nothing and marks nothing; lifting the mute makes every replica scan, and what
 * is due by then is raised (the tightest threshold only, as for a new certificate).
 */
@Injectable()
export class MutesHandler {
  constructor(
    private readonly state: AlertStateStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @RpcHandler(AlertsRpc.listMutes)
  list(): { mutes: AlertMute[] } {
    return { mutes: this.state.listMutes() };
  }

  @RpcHandler(AlertsRpc.mute)
  async mute(body: { source: CertificateSource; reason?: string }): Promise<AlertMute> {
    const mute: AlertMute = { source: body.source, ...(body.reason === undefined ? {} : { reason: body.reason }), mutedAt: new Date(this.clock()).toISOString() };
    await this.state.putMute(mute);
    return mute;
  }

  /** Idempotent: lifting a mute that is not set is not an error. */
  @RpcHandler(AlertsRpc.unmute)
  async unmute(body: { source: CertificateSource }): Promise<void> {
    await this.state.deleteMute(body.source);
  }
}
