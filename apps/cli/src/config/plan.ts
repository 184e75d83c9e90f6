import { describeCertificate } from './certificates';
import type { NInstance, NSpec } from './model';
import { comparableDn, naturalKey } from './normalise';
import { orderFlows, refuseAliasClashes } from './plan-conflicts';
import { planKeys } from './plan-keys';
import { planList, type ListPlan, type Plan } from './plan-list';
import type { TenantSnapshot } from './tenant-snapshot';

export type { Action, Change, Kept, Plan } from './plan-list';

/**
 * What apply would do to make the tenant look like the file, object by object, matched
 * by natural key. A list absent from the file is not looked at; an object of the tenant
 * missing from a list of the file is removed with --prune, else kept and reported.
 */
export function planChanges(spec: NSpec, tenant: TenantSnapshot, opts: { prune: boolean }): Plan {
  const plan: Plan = { prune: opts.prune, changes: [], kept: [] };
  const t = tenant.config;
  const add = <T>(list: ListPlan<T>) => planList(plan, list);

  const managedRoots = new Set(t.trustedRoots.map(naturalKey.root));
  add({
    kind: 'trusted-root',
    // A root already in force from INGRESS_CLIENT_ROOTS or the client CA (and not managed as well) needs nothing.
    desired: spec.trustedRoots?.filter((r) => managedRoots.has(naturalKey.root(r)) || !tenant.unmanagedRoots.has(naturalKey.root(r))),
    actual: t.trustedRoots,
    key: naturalKey.root,
    label: (r) => describeCertificate(r.pem),
  });

  add({ kind: 'ingress-host', desired: spec.ingressHosts, actual: t.ingressHosts, key: naturalKey.host });

  const usage = roleUsage(t);
  add({
    kind: 'role',
    desired: spec.roles,
    actual: t.roles,
    key: naturalKey.role,
    classify: (d) => {
      const users = usage.get(d.name) ?? [];
      return users.length
        ? {
            action: 'replace',
            refused: `role ${d.name}: its description cannot change while it is in use (by ${users.join(', ')}); roles have no update route`,
          }
        : { action: 'replace', note: 'roles have no update route: deleted and created again (it is in use nowhere)' };
    },
  });

  add({
    kind: 'instance',
    desired: spec.serviceInstances?.map(withoutKeys),
    actual: t.serviceInstances.map(withoutKeys),
    key: naturalKey.instance,
    classify: (d, a) => {
      const [from, to] = [a.parameters['grant-types'].join(','), d.parameters['grant-types'].join(',')];
      return from === to
        ? { action: 'update' }
        : {
            action: 'update',
            refused: `instance ${d.name}: the grant type cannot change (${from} → ${to}); delete the instance first or give the new one another name`,
          };
    },
  });

  planKeys(plan, spec, tenant);

  const entries = spec.keystore;
  add({
    kind: 'trusted-certificate',
    desired: entries?.trustedCertificates,
    actual: t.keystore.trustedCertificates,
    key: (c) => c.alias,
    classify: () => ({ action: 'replace', note: 'a trusted certificate cannot be changed in place: deleted and added again under its alias' }),
  });
  add({
    kind: 'key-pair',
    desired: entries?.keyPairs,
    actual: t.keystore.keyPairs,
    key: naturalKey.keyPair,
    compared: (k) => ({ ...k, subjectDN: comparableDn(k.subjectDN) }),
    classify: (d, _a, fields) => ({
      action: 'replace',
      refused: `key pair ${d.alias} differs from the tenant's (${fields.map((f) => f.path).join(', ')}): a key pair is not changed in place; renew it or delete it first`,
    }),
  });
  refuseAliasClashes(plan, spec, tenant);

  add({ kind: 'flow', desired: spec.flows, actual: t.flows, key: (f) => f.id });
  orderFlows(plan, spec, tenant);

  add({ kind: 'user', desired: spec.classic?.users, actual: t.classic.users, key: (u) => u.name });
  add({ kind: 'group', desired: spec.classic?.groups, actual: t.classic.groups, key: (g) => g.name });
  add({
    kind: 'mapping',
    desired: spec.classic?.mappings,
    actual: t.classic.mappings,
    key: naturalKey.mapping,
    label: (m) => `${m.user} ← ${describeCertificate(m.certificate)}`,
    classify: () => ({ action: 'replace', note: 'a mapping cannot be changed: deleted and created again for the new user' }),
  });
  add({ kind: 'mute', desired: spec.alerts?.mutes, actual: t.alerts.mutes, key: (m) => m.source });
  add({
    kind: 'subscription',
    desired: spec.alerts?.subscriptions,
    actual: t.alerts.subscriptions,
    key: naturalKey.subscription,
    // The secret is not readable: the file's secretEnv is used only when the subscription is created.
    compared: (s) => ({ url: s.url, sources: s.sources, thresholds: s.thresholds }),
    classify: (d) => ({ action: 'replace', note: `subscriptions have no update route: deleted and created again with the secret from $${d.secretEnv}` }),
    ref: (s) => ({ id: tenant.subscriptionIds.get(s.url) ?? '' }),
  });
  if (spec.alerts?.subscriptions) {
    for (const dup of tenant.duplicateSubscriptions) {
      const key = `${dup.url} (another one, id ${dup.id})`;
      if (opts.prune) plan.changes.push({ kind: 'subscription', key, action: 'delete', fields: [], ref: { id: dup.id } });
      else plan.kept.push({ kind: 'subscription', key });
    }
  }
  return plan;
}

const withoutKeys = (i: NInstance): NInstance => ({ name: i.name, parameters: i.parameters });

/** Who uses each role in the tenant: a role in use cannot be deleted, so its description cannot be replaced. */
function roleUsage(t: TenantSnapshot['config']): Map<string, string[]> {
  const usage = new Map<string, string[]>();
  const use = (role: string, who: string) => usage.set(role, [...(usage.get(role) ?? []), who]);
  for (const i of t.serviceInstances) for (const r of i.parameters.roles) use(r, `instance ${i.name}`);
  for (const f of t.flows) if (f.sender.authorization.type === 'role') use(f.sender.authorization.role, `flow ${f.id}`);
  for (const u of t.classic.users) for (const r of u.roles) use(r, `user ${u.name}`);
  for (const g of t.classic.groups) for (const r of g.roles) use(r, `group ${g.name}`);
  return usage;
}

export const hasChanges = (plan: Plan): boolean => plan.changes.length > 0;
export const refusals = (plan: Plan): string[] => plan.changes.flatMap((c) => (c.refused ? [c.refused] : []));
