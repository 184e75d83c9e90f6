import { Injectable, type OnModuleInit } from '@nestjs/common';
import { Buckets, DEFAULT_ROOT_POLICY, IngressKv, rootPoliciesSchema, type RootPolicies, type RootPolicy } from '@certgate/contracts';
import { KvBuckets, nestMessagingLogger, type KvProjection } from '@certgate/messaging';

export type PoliciesListener = (policies: RootPolicies | undefined) => void;

/** Racing writers on other replicas: each round has one winner. */
const CAS_ATTEMPTS = 32;
/** How long a write waits for this replica's own projection to show it before answering anyway. */
const APPLY_WAIT_MS = 2_000;

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

  constructor(private readonly buckets: KvBuckets) {}

  async onModuleInit(): Promise<void> {
    this.projection = await this.buckets.project(Buckets.ingress, {
      key: IngressKv.rootPolicies,
      schema: rootPoliciesSchema,
      logger: nestMessagingLogger('root-policies'),
      onChange: () => {
        const current = this.current;
        for (const listener of [...this.listeners]) listener(current);
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

  /** Sets one root's policy; answers once this replica applies it (or after APPLY_WAIT_MS), so a sender can connect right after. */
  async put(rootFingerprint: string, policy: RootPolicy): Promise<void> {
    const written = await this.stored.modify(
      IngressKv.rootPolicies,
      (current) => ({ ...current, policies: { ...current?.policies, [rootFingerprint]: policy }, updatedAt: new Date().toISOString() }),
      { what: 'the trusted roots’ policies', attempts: CAS_ATTEMPTS },
    );
    await this.untilApplied((current) => current?.updatedAt === written?.updatedAt);
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
    await this.untilApplied((current) => current?.refreshRequestedAt === now);
    return now;
  }

  private untilApplied(applied: (current: RootPolicies | undefined) => boolean): Promise<void> {
    if (applied(this.current)) return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.listeners.splice(this.listeners.indexOf(check), 1);
        resolve();
      };
      const check: PoliciesListener = (current) => {
        if (applied(current)) done();
      };
      const timer = setTimeout(done, APPLY_WAIT_MS);
      this.listeners.push(check);
    });
  }
}
