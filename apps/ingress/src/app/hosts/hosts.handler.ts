import { Controller } from '@nestjs/common';
import { MessagePattern } from '@nestjs/microservices';
import { IngressRpc, type HostSettings, type HostView } from '@certgate/contracts';
import { HostSettingsService } from './host-settings.service';

@Controller()
export class HostsHandler {
  constructor(private readonly hosts: HostSettingsService) {}

  @MessagePattern(IngressRpc.listHosts)
  list(): { hosts: HostView[] } {
    return { hosts: this.hosts.list() };
  }

  @MessagePattern(IngressRpc.putHost)
  put(body: { hostName: string; settings: HostSettings }): Promise<HostView> {
    return this.hosts.put(body.hostName, body.settings);
  }

  @MessagePattern(IngressRpc.removeHost)
  async remove(body: { hostName: string }): Promise<Record<string, never>> {
    await this.hosts.remove(body.hostName);
    return {};
  }
}
