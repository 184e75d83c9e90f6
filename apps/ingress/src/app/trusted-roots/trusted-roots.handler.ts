import { Controller } from '@nestjs/common';
import { MessagePattern } from '@nestjs/microservices';
import { CertgateError, ErrorCode, IngressRpc, type RootPolicy } from '@certgate/contracts';
import type { RootView } from './effective-roots';
import { RootPoliciesService } from './root-policies.service';
import { TrustedRootsService } from './trusted-roots.service';

type RootWithPolicy = RootView & { policy: RootPolicy };

@Controller()
export class TrustedRootsHandler {
  constructor(
    private readonly roots: TrustedRootsService,
    private readonly policies: RootPoliciesService,
  ) {}

  @MessagePattern(IngressRpc.getTrustedRoots)
  getTrustedRoots(): { roots: RootWithPolicy[] } {
    return { roots: this.withPolicies(this.roots.view()) };
  }

  @MessagePattern(IngressRpc.addTrustedRoots)
  async addTrustedRoots(body: { certificates: string }): Promise<{ roots: RootWithPolicy[]; added: string[] }> {
    const { roots, added } = await this.roots.addApiRoots(body.certificates);
    return { roots: this.withPolicies(roots), added };
  }

  @MessagePattern(IngressRpc.removeTrustedRoot)
  async removeTrustedRoot(body: { sha256: string }): Promise<{ roots: RootWithPolicy[] }> {
    return { roots: this.withPolicies(await this.roots.removeApiRoot(body.sha256)) };
  }

  @MessagePattern(IngressRpc.putTrustedRoots)
  async putTrustedRoots(body: { certificates: string }): Promise<{ roots: RootWithPolicy[] }> {
    return { roots: this.withPolicies(await this.roots.replaceApiRoots(body.certificates)) };
  }

  /** A policy belongs to a root in force, whatever its source; it stays stored when the root goes, and applies again if it comes back. */
  @MessagePattern(IngressRpc.putRootPolicy)
  async putRootPolicy(body: { sha256: string; policy: RootPolicy }): Promise<{ root: RootWithPolicy }> {
    const fingerprint = body.sha256.replace(/:/g, '').toLowerCase();
    const root = this.roots.view().find((r) => r.fingerprint === fingerprint);
    if (!root)
      throw new CertgateError(ErrorCode.trustedRootNotFound, `no trusted root has the SHA-256 fingerprint '${body.sha256.slice(0, 100)}'`, {
        sha256: fingerprint,
      });
    await this.policies.put(fingerprint, body.policy);
    return { root: { ...root, policy: this.policies.policyOf(fingerprint) } };
  }

  private withPolicies(roots: RootView[]): RootWithPolicy[] {
    return roots.map((r) => ({ ...r, policy: this.policies.policyOf(r.fingerprint) }));
  }
}
