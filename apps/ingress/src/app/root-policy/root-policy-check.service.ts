import { Injectable, Logger } from '@nestjs/common';
import { checkRevocation, crlDistributionUrls, missingEkuProblem, type Certificate, type HandshakeReview } from '@certgate/x509';
import { IngressMetrics } from '../metrics/ingress-metrics';
import { CrlStore } from './crl-store.service';
import { OcspClient } from './ocsp-client.service';
import { RootPoliciesService } from '../trusted-roots/root-policies.service';

/**
 * What a chain's trusted root adds to the certificate policy: its EKU policy and its
 * revocation checking (docs/certificate-policy.md, "Per-root policy"). Runs on a chain
 * both engines accepted, once per distinct chain like the review before it; anything
 * that changes its answer (a root's policy, a CRL) empties those caches through
 * `onChange`.
 */
@Injectable()
export class RootPolicyCheck {
  private readonly logger = new Logger('root-policy');

  constructor(
    private readonly policies: RootPoliciesService,
    private readonly crls: CrlStore,
    private readonly ocsp: OcspClient,
    private readonly metrics: IngressMetrics,
  ) {}

  onChange(listener: () => void): void {
    this.policies.onChange(listener);
    this.crls.onChange(listener);
  }

  /** `chain`: a verified path, leaf first, trusted root last. */
  async check(chain: Certificate[]): Promise<HandshakeReview> {
    const leaf = chain[0];
    const root = chain[chain.length - 1];
    const policy = this.policies.policyOf(root.fingerprint);
    const missingEku = missingEkuProblem(leaf, 'clientAuth', policy.eku);
    if (missingEku) return { ok: false, reason: 'wrong_eku', message: missingEku, engine: 'policy' };
    if (leaf.extendedKeyUsage === undefined) this.metrics.admittedUnderRelaxedPolicy(root.fingerprint, 'allow-missing-eku');

    const revocation = policy.revocation;
    if (!revocation) return { ok: true, chain };
    // A CRL being fetched (a policy just set, a distribution point seen first) is waited for, at most one fetch timeout.
    const points = revocation.distributionPoints ? chain.slice(0, -1).flatMap(crlDistributionUrls) : [];
    await this.crls.ensure([...revocation.crlUrls, ...points]);
    const verdict = await checkRevocation({
      chain,
      crlsOf: (issuer) => this.crls.crlsOf(issuer),
      mode: revocation.onUnavailable,
      ...(revocation.ocsp && { ocsp: (cert: Certificate, issuer: Certificate) => this.ocsp.status(cert, issuer) }),
    });
    if (!verdict.ok) return { ok: false, reason: verdict.reason, message: verdict.message, engine: 'policy' };
    if (verdict.unknown.length > 0) {
      this.metrics.admittedUnderRelaxedPolicy(root.fingerprint, 'revocation-fail-open');
      this.logger.warn({
        msg: "a client chain was admitted without a current CRL: its root's revocation policy is fail-open",
        subjectDN: leaf.subjectDN,
        root: root.subjectDN,
        problems: verdict.unknown.map((u) => u.problem),
      });
    }
    return { ok: true, chain };
  }
}
