import { DEFAULT_ROOT_POLICY, type AlertSubscriptionBody, type CertificateSource, type FlowDefinition, type InstanceParameters } from '@certgate/contracts';
import { ApiError } from '../api/api-error';
import type { CertgateApi } from '../api/certgate-api';
import { fingerprintOf } from './certificates';
import {
  KINDS,
  type NGroup,
  type NHost,
  type NInstance,
  type NKey,
  type NKeyPair,
  type NMapping,
  type NMute,
  type NRole,
  type NRoot,
  type NSubscription,
  type NTrustedCertificate,
  type NUser,
} from './model';
import type { Change, Plan } from './plan';

/**
 * The order apply makes the changes in: kind by kind as KINDS lists them (what an
 * object refers to exists before it); within a kind, removals that free a certificate
 * or an address, then replacements, then creations and updates (flows in the order the
 * plan gave them); then the --prune removals, kind by kind in the reverse order.
 */
export function applyOrder(plan: Plan): Change[] {
  const rank = (c: Change): number => {
    const kind = KINDS.indexOf(c.kind);
    if (c.action === 'delete' && !c.early) return 1000 + (KINDS.length - kind) * 10;
    const within = c.action === 'delete' ? 0 : c.action === 'replace' ? 1 : 2;
    return kind * 10 + within;
  };
  return plan.changes
    .map((c, i) => ({ c, i }))
    .sort((a, b) => rank(a.c) - rank(b.c) || a.i - b.i)
    .map(({ c }) => c);
}

export interface ApplyReport {
  applied: Change[];
  failed?: { change: Change; error: unknown };
  notApplied: Change[];
}

/**
 * Makes the changes one after the other and stops at the first refusal: what was
 * applied stays applied (each change is one object, complete or not made), the report
 * says what was and what was not. `onApplied` is told of each change as it is made.
 */
export async function applyPlan(
  api: CertgateApi,
  plan: Plan,
  env: NodeJS.ProcessEnv,
  onApplied: (change: Change) => void = () => undefined,
): Promise<ApplyReport> {
  const ordered = applyOrder(plan);
  const applied: Change[] = [];
  for (const [i, change] of ordered.entries()) {
    try {
      await applyChange(api, change, env);
    } catch (error) {
      return { applied, failed: { change, error }, notApplied: ordered.slice(i + 1) };
    }
    applied.push(change);
    onApplied(change);
  }
  return { applied, notApplied: [] };
}

/** Removals are idempotent: an object already gone (404) is what was wanted. */
async function remove(request: () => Promise<void>): Promise<void> {
  try {
    await request();
  } catch (err) {
    if (err instanceof ApiError && err.status === 404) return;
    throw err;
  }
}

async function applyChange(api: CertgateApi, change: Change, env: NodeJS.ProcessEnv): Promise<void> {
  const replace = change.action === 'replace';
  const del = change.action === 'delete';
  switch (change.kind) {
    case 'trusted-root': {
      const root = (change.desired ?? change.actual) as NRoot;
      if (del) return remove(() => api.trust.remove(fingerprintOf(root.pem)));
      if (change.action === 'create') await api.trust.add(root.pem);
      // A new root with the default policy needs no policy; a changed one may return to the default.
      if (change.action !== 'create' || root.policy) await api.trust.setPolicy(fingerprintOf(root.pem), root.policy ?? DEFAULT_ROOT_POLICY);
      return;
    }
    case 'ingress-host': {
      const { hostName, ...settings } = (change.desired ?? change.actual) as NHost;
      if (del) return remove(() => api.ingress.removeHost(hostName));
      await api.ingress.setHost(hostName, settings);
      return;
    }
    case 'role': {
      const role = (change.desired ?? change.actual) as NRole;
      if (del || replace) await remove(() => api.roles.delete(role.name));
      if (!del) await api.roles.create({ name: role.name, ...(role.description && { description: role.description }) });
      return;
    }
    case 'instance': {
      const instance = (change.desired ?? change.actual) as NInstance;
      if (del) return remove(() => api.instances.delete(instance.name));
      if (change.action === 'create') await api.instances.create({ name: instance.name, parameters: instance.parameters as InstanceParameters });
      else await api.instances.update(instance.name, instance.parameters as InstanceParameters);
      return;
    }
    case 'key': {
      const { instance, name } = change.ref as { instance: string; name: string };
      if (del || replace) await remove(() => api.keys.delete(instance, name));
      if (!del) await api.keys.create(instance, { name, type: 'external-certificate', certificate: (change.desired as NKey).certificate });
      return;
    }
    case 'trusted-certificate': {
      const entry = (change.desired ?? change.actual) as NTrustedCertificate;
      if (del || replace) await remove(() => api.keystore.delete(entry.alias));
      if (!del) await api.keystore.addCertificate(entry.alias, entry.certificate);
      return;
    }
    case 'key-pair': {
      const pair = (change.desired ?? change.actual) as NKeyPair;
      // A key pair is never replaced: the plan refuses a changed one.
      if (del) return remove(() => api.keystore.delete(pair.alias));
      await api.keystore.generateKeyPair(
        pair.keyType === 'EC'
          ? { alias: pair.alias, keyType: 'EC', curve: pair.curve, subjectDN: pair.subjectDN }
          : { alias: pair.alias, keyType: 'RSA', keySize: pair.keySize, subjectDN: pair.subjectDN },
      );
      return;
    }
    case 'flow': {
      const flow = (change.desired ?? change.actual) as FlowDefinition;
      if (del) return remove(() => api.flows.undeploy(flow.id));
      await api.flows.deploy(flow.id, flow);
      return;
    }
    case 'user': {
      const user = (change.desired ?? change.actual) as NUser;
      // A user that only a mapping or a group named has no record: gone with them (404).
      if (del) return remove(() => api.users.delete(user.name));
      await api.users.setRoles(user.name, user.roles);
      return;
    }
    case 'group': {
      const group = (change.desired ?? change.actual) as NGroup;
      if (del) return remove(() => api.groups.delete(group.name));
      if (change.action === 'create') await api.groups.create({ name: group.name, roles: group.roles, users: group.users });
      else await api.groups.update(group.name, { roles: group.roles, users: group.users });
      return;
    }
    case 'mapping': {
      const mapping = (change.desired ?? change.actual) as NMapping;
      if (del || replace) await remove(() => api.mappings.delete(fingerprintOf(mapping.certificate)));
      if (!del) await api.mappings.create({ user: mapping.user, certificate: mapping.certificate });
      return;
    }
    case 'mute': {
      const mute = (change.desired ?? change.actual) as NMute;
      if (del) return remove(() => api.alerts.unmute(mute.source));
      await api.alerts.mute(mute.source, mute.reason);
      return;
    }
    case 'subscription': {
      const id = change.ref?.id;
      if ((del || replace) && id) await remove(() => api.subscriptions.delete(id));
      if (del) return;
      const s = change.desired as NSubscription;
      const body: AlertSubscriptionBody = {
        url: s.url,
        secret: env[s.secretEnv] ?? '',
        ...(s.sources && { sources: s.sources as CertificateSource[] }),
        ...(s.thresholds && { thresholds: s.thresholds }),
      };
      await api.subscriptions.create(body);
      return;
    }
  }
}
