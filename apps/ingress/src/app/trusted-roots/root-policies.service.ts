import { Injectable, type OnModuleInit } from '@nestjs/common';
import { Buckets, DEFAULT_ROOT_POLICY, IngressKv, rootPoliciesSchema, type RootPolicies, type RootPolicy } from '@certgate/contracts';
import { KvBuckets, nestMessagingLogger, type KvProjection } from '@certgate/messaging';
import { LocalApply } from '../common/local-apply';

export type PoliciesListener = (policies: RootPolicies | undefined) => void;

/** Racing writers on other replicas: each round has one winner. */
const CAS_ATTEMPTS = 32;

/**
 * The trusted roots' own policies (EKU, revocation), one object in the ingress bucket,
 * by root fingerprint. Every replica projects it; a change, or an operator's "refresh"
 * (which moves `refreshRequestedAt`), reaches every replica's listeners within
 * milliseconds.
 */
@Injectable()
export class RootPoliciesService implements OnModuleInit {
  private readonly stored = this.buckets.bucket(Buckets.ingress).repository(rootPoliciesSchema, 'root policies');
  private projection?: KvProjection<RootPolicies>;
  private readonly listeners: PoliciesListener[] = [];
  private readonly applied = new LocalApply();

  constructor(private readonly buckets: KvBuckets) {}

  async onModuleInit(): Promise<void> {
    this.projection = await this.buckets.project(Buckets.ingress, {
      key: IngressKv.rootPolicies,
      schema: rootPoliciesSchema,
      logger: nestMessagingLogger('root-policies'),
      onChange: () => {
        const current = this.current;
        for (const listener of [...this.listeners]) listener(current);
        // After the listeners: a refresh's answer comes once the CRL store has started on it.
        this.applied.changed();
      },
    });
  }

  get current(): RootPolicies | undefined {
    return this.projection?.get(IngressKv.rootPolicies);
  }

  policyOf(rootFingerprint: string): RootPolicy {
    return this.current?.policies[rootFingerprint] ?? DEFAULT_ROOT_POLICY;
  }

  /** Every root whose policy checks revocation. */
  revocationPolicies(): { fingerprint: string; policy: RootPolicy }[] {
    return Object.entries(this.current?.policies ?? {})
      .filter(([, policy]) => policy.revocation !== null)
      .map(([fingerprint, policy]) => ({ fingerprint, policy }));
  }

  onChange(listener: PoliciesListener): void {
    this.listeners.push(listener);
  }

  /** Sets one root's policy; answers once this replica applies it (or after a moment), so a sender can connect right after. */
  async put(rootFingerprint: string, policy: RootPolicy): Promise<void> {
    const written = await this.stored.modify(
      IngressKv.rootPolicies,
      (current) => ({ ...current, policies: { ...current?.policies, [rootFingerprint]: policy }, updatedAt: new Date().toISOString() }),
      { what: 'the trusted roots’ policies', attempts: CAS_ATTEMPTS },
    );
    await this.applied.until(() => this.current?.updatedAt === written?.updatedAt);
  }

  /** Asks every replica (this one too) to fetch its CRLs again; answers the request's mark once this replica sees it. */
  async requestRefresh(): Promise<string> {
    const now = new Date().toISOString();
    await this.stored.modify(
      IngressKv.rootPolicies,
      (current) => ({ policies: current?.policies ?? {}, refreshRequestedAt: now, updatedAt: current?.updatedAt ?? now }),
      {
        what: 'the trusted roots’ policies',
        attempts: CAS_ATTEMPTS,
      },
    );
    await this.applied.until(() => this.current?.refreshRequestedAt === now);
    return now;
  }
}
