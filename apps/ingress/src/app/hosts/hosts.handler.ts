import { Controller } from '@nestjs/common';
import { MessagePattern } from '@nestjs/microservices';
import { CertgateError, ErrorCode, IngressRpc, type HostSettings, type HostView } from '@certgate/contracts';
import { TrustedRootsService } from '../trusted-roots/trusted-roots.service';
import { HostSettingsService } from './host-settings.service';

@Controller()
export class HostsHandler {
  constructor(
    private readonly hosts: HostSettingsService,
    private readonly roots: TrustedRootsService,
  ) {}

  @MessagePattern(IngressRpc.listHosts)
  list(): { hosts: HostView[] } {
    return { hosts: this.hosts.list() };
  }

  @MessagePattern(IngressRpc.putHost)
  put(body: { hostName: string; settings: HostSettings }): Promise<HostView> {
    // A typo would lock every sender out of the host name: only roots in force can be named.
    const trusted = new Set(this.roots.current.anchors.map((c) => c.fingerprint));
    const unknown = (body.settings.roots ?? []).filter((f) => !trusted.has(f));
    if (unknown.length > 0) {
      throw new CertgateError(
        ErrorCode.validationFailed,
        `roots: ${unknown.join(', ')} ${unknown.length === 1 ? 'is' : 'are'} not a trusted root (see GET /ingress/trusted-roots)`,
        {
          field: 'roots',
        },
      );
    }
    return this.hosts.put(body.hostName, body.settings);
  }

  @MessagePattern(IngressRpc.removeHost)
  async remove(body: { hostName: string }): Promise<Record<string, never>> {
    await this.hosts.remove(body.hostName);
    return {};
  }
}
