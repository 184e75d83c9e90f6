import { Controller } from '@nestjs/common';
import { MessagePattern } from '@nestjs/microservices';
import { IngressRpc, type CrlStatus } from '@certgate/contracts';
import { RootPoliciesService } from '../trusted-roots/root-policies.service';
import { CrlStore } from './crl-store.service';

@Controller()
export class RevocationHandler {
  constructor(
    private readonly crls: CrlStore,
    private readonly policies: RootPoliciesService,
  ) {}

  @MessagePattern(IngressRpc.getRevocation)
  get(): { crls: CrlStatus[] } {
    return { crls: this.crls.status() };
  }

  /** The request reaches every replica through the KV; this one answers once it has fetched everything again. */
  @MessagePattern(IngressRpc.refreshRevocation)
  async refresh(): Promise<{ crls: CrlStatus[] }> {
    await this.crls.refreshFor(await this.policies.requestRefresh());
    return { crls: this.crls.status() };
  }
}
