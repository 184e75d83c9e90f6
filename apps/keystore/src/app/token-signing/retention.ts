import type { StoredSigningKey } from '@certgate/contracts';

/** How long a key stays published after it stopped signing. */
export interface RetentionPolicy {
  /** The longest lifetime of a token the keystore signs. */
  tokenTtlSeconds: number;
  /** Clock skew between replicas and verifiers, and the moment a replica still signs with a key another one just replaced. */
  marginSeconds: number;
}

export type RetentionStep =
  /** A key that stopped signing: published until the last token it may have signed has expired. */
  | { kind: 'supersede'; kid: string; supersededAt: string; publishedUntil: string }
  /** Every token the key signed has expired: unpublish it. */
  | { kind: 'drop'; kid: string };

/** When a key that stopped signing at `supersededAt` may be dropped. */
export function publishedUntil(supersededAt: Date, policy: RetentionPolicy): Date {
  return new Date(supersededAt.getTime() + (policy.tokenTtlSeconds + policy.marginSeconds) * 1000);
}

/**
 * What a sweep of the signing keys does, judged by the clock given. The active key is
 * never touched. A key that is not active and was never marked (a rotation cut short,
 * a replica that lost a race) is marked now, which keeps it at least as long as any
 * token it can have signed. A marked key goes once `publishedUntil` has passed. With
 * no active key nothing is dropped: provisioning comes first.
 */
export function retentionPlan(keys: readonly StoredSigningKey[], activeKid: string | undefined, now: Date, policy: RetentionPolicy): RetentionStep[] {
  if (activeKid === undefined) return [];
  const steps: RetentionStep[] = [];
  for (const key of keys) {
    if (key.kid === activeKid) continue;
    const until = key.supersededAt && key.publishedUntil ? Date.parse(key.publishedUntil) : NaN;
    if (Number.isNaN(until)) {
      steps.push(supersede(key.kid, now, policy));
    } else if (until <= now.getTime()) {
      steps.push({ kind: 'drop', kid: key.kid });
    }
  }
  return steps;
}

/** The step that takes a key out of signing at `now`. */
export function supersede(kid: string, now: Date, policy: RetentionPolicy): Extract<RetentionStep, { kind: 'supersede' }> {
  return { kind: 'supersede', kid, supersededAt: now.toISOString(), publishedUntil: publishedUntil(now, policy).toISOString() };
}
