import { Injectable } from '@nestjs/common';
import { IngressRpc } from '@certgate/contracts';
import { RpcHandler } from '@certgate/messaging';
import type { RootView } from './effective-roots';
import { TrustedRootsService } from './trusted-roots.service';

@Injectable()
export class TrustedRootsHandler {
  constructor(private readonly roots: TrustedRootsService) {}

  @RpcHandler(IngressRpc.getTrustedRoots)
  getTrustedRoots(): { roots: RootView[] } {
    return { roots: this.roots.view() };
  }

  @RpcHandler(IngressRpc.putTrustedRoots)
  async putTrustedRoots(body: { certificates: string }): Promise<{ roots: RootView[] }> {
    return { roots: await this.roots.replaceApiRoots(body.certificates) };
  }
}
