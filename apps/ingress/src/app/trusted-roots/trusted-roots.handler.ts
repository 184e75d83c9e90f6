import { Controller } from '@nestjs/common';
import { MessagePattern } from '@nestjs/microservices';
import { IngressRpc } from '@certgate/contracts';
import type { RootView } from './effective-roots';
import { TrustedRootsService } from './trusted-roots.service';

@Controller()
export class TrustedRootsHandler {
  constructor(private readonly roots: TrustedRootsService) {}

  @MessagePattern(IngressRpc.getTrustedRoots)
  getTrustedRoots(): { roots: RootView[] } {
    return { roots: this.roots.view() };
  }

  @MessagePattern(IngressRpc.addTrustedRoots)
  addTrustedRoots(body: { certificates: string }): Promise<{ roots: RootView[]; added: string[] }> {
    return this.roots.addApiRoots(body.certificates);
  }

  @MessagePattern(IngressRpc.removeTrustedRoot)
  async removeTrustedRoot(body: { sha256: string }): Promise<{ roots: RootView[] }> {
    return { roots: await this.roots.removeApiRoot(body.sha256) };
  }

  @MessagePattern(IngressRpc.putTrustedRoots)
  async putTrustedRoots(body: { certificates: string }): Promise<{ roots: RootView[] }> {
    return { roots: await this.roots.replaceApiRoots(body.certificates) };
  }
}
