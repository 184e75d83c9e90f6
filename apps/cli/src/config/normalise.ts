import { isDeepStrictEqual } from 'node:util';
import {
  DEFAULT_ROOT_POLICY,
  flowDefinitionSchema,
  rootPolicySchema,
  type FlowDefinition,
  type RootPolicy,
  type TenantConfigurationSpec,
} from '@certgate/contracts';
import type { RootPolicyInput } from '../api/certgate-api';
import { canonicalPem, fingerprintOf } from './certificates';
import type { NFlow, NHost, NInstance, NKeyPair, NMapping, NRole, NRoot, NSpec, NSubscription } from './model';

/*
 * One form for the file and for the tenant, so that comparing them is comparing
 * values and two exports of one tenant are byte-identical: lists sorted by natural key
 * (code-unit order, not the locale's), set-like lists (roles, users, grant types,
 * redirect URIs, sources, thresholds) sorted and without repeats, certificates
 * re-encoded, empty optional text left out, keys of objects in one order.
 */

export const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
export const sortBy = <T>(list: readonly T[], key: (item: T) => string): T[] => [...list].sort((a, b) => compareText(key(a), key(b)));
export const uniqueSorted = (list: readonly string[]): string[] => [...new Set(list)].sort(compareText);

/** The natural key of each kind of object: what the file and the tenant are matched by. */
export const naturalKey = {
  root: (r: NRoot) => fingerprintOf(r.pem),
  host: (h: NHost) => h.hostName,
  role: (r: NRole) => r.name,
  instance: (i: NInstance) => i.name,
  mapping: (m: NMapping) => fingerprintOf(m.certificate),
  keyPair: (k: NKeyPair) => k.alias,
  subscription: (s: NSubscription) => s.url,
};

/** `{ policy }` when the policy (defaults applied) is not the default one, else nothing. */
export function rootPolicyField(policy: RootPolicyInput | undefined): { policy?: RootPolicy } {
  const full = rootPolicySchema.parse(policy ?? {});
  return isDeepStrictEqual(full, DEFAULT_ROOT_POLICY) ? {} : { policy: full };
}

export function normaliseSpec(spec: TenantConfigurationSpec): NSpec {
  const out: NSpec = {};
  if (spec.trustedRoots)
    out.trustedRoots = sortBy(
      spec.trustedRoots.map((r) => ({ pem: canonicalPem(r.pem), ...rootPolicyField(r.policy) })),
      naturalKey.root,
    );
  if (spec.ingressHosts) out.ingressHosts = sortBy(spec.ingressHosts.map(normaliseHost), naturalKey.host);
  if (spec.roles) out.roles = sortBy(spec.roles.map(normaliseRole), naturalKey.role);
  if (spec.serviceInstances) out.serviceInstances = sortBy(spec.serviceInstances.map(normaliseInstance), naturalKey.instance);
  if (spec.flows) out.flows = sortBy(spec.flows.map(normaliseFlow), (f) => f.id);
  if (spec.classic) {
    const { users, groups, mappings } = spec.classic;
    out.classic = {};
    if (users)
      out.classic.users = sortBy(
        users.map((u) => ({ name: u.name, roles: uniqueSorted(u.roles) })),
        (u) => u.name,
      );
    if (groups)
      out.classic.groups = sortBy(
        groups.map((g) => ({ name: g.name, roles: uniqueSorted(g.roles), users: uniqueSorted(g.users) })),
        (g) => g.name,
      );
    if (mappings)
      out.classic.mappings = sortBy(
        mappings.map((m) => ({ user: m.user, certificate: canonicalPem(m.certificate) })),
        naturalKey.mapping,
      );
  }
  if (spec.keystore) {
    const { trustedCertificates, keyPairs } = spec.keystore;
    out.keystore = {};
    if (trustedCertificates)
      out.keystore.trustedCertificates = sortBy(
        trustedCertificates.map((t) => ({ alias: t.alias, certificate: canonicalPem(t.certificate) })),
        (t) => t.alias,
      );
    if (keyPairs) out.keystore.keyPairs = sortBy(keyPairs.map(normaliseKeyPair), naturalKey.keyPair);
  }
  if (spec.alerts) {
    const { mutes, subscriptions } = spec.alerts;
    out.alerts = {};
    if (mutes)
      out.alerts.mutes = sortBy(
        mutes.map((m) => ({ source: m.source, ...(m.reason && { reason: m.reason }) })),
        (m) => m.source,
      );
    if (subscriptions) out.alerts.subscriptions = sortBy(subscriptions.map(normaliseSubscription), naturalKey.subscription);
  }
  return out;
}

export function normaliseRole(role: { name: string; description?: string }): NRole {
  return { name: role.name, ...(role.description && { description: role.description }) };
}

export function normaliseInstance(instance: {
  name: string;
  parameters: { roles?: string[]; 'grant-types': string[]; 'redirect-uris'?: string[] };
  keys?: { name: string; certificate: string }[];
}): NInstance {
  const p = instance.parameters;
  return {
    name: instance.name,
    parameters: { roles: uniqueSorted(p.roles ?? []), 'grant-types': uniqueSorted(p['grant-types']), 'redirect-uris': uniqueSorted(p['redirect-uris'] ?? []) },
    ...(instance.keys && {
      keys: sortBy(
        instance.keys.map((k) => ({ name: k.name, type: 'external-certificate' as const, certificate: canonicalPem(k.certificate) })),
        (k) => k.name,
      ),
    }),
  };
}

/**
 * A flow definition in the order of its schema, with the defaults filled in, response
 * headers sorted by name and listed certificates re-encoded (the list keeps its order:
 * it is what the operator wrote).
 */
export function normaliseFlow(definition: FlowDefinition): NFlow {
  const parsed = flowDefinitionSchema.safeParse(definition);
  const flow = parsed.success ? parsed.data : definition;
  const auth = flow.sender.authorization;
  return {
    ...flow,
    sender: {
      ...flow.sender,
      authorization:
        auth.type === 'client-certificate' ? { ...auth, certificates: auth.certificates.map((c) => ('pem' in c ? { pem: canonicalPem(c.pem) } : c)) } : auth,
    },
    steps: flow.steps.map((step) =>
      step.type === 'respond' && step.headers
        ? { ...step, headers: Object.fromEntries(Object.entries(step.headers).sort(([a], [b]) => compareText(a, b))) }
        : step,
    ),
  };
}

export function normaliseHost(h: { hostName: string; clientCert?: 'optional' | 'required'; roots?: string[] }): NHost {
  return { hostName: h.hostName.toLowerCase(), ...(h.clientCert && { clientCert: h.clientCert }), ...(h.roots && { roots: uniqueSorted(h.roots) }) };
}

export function normaliseKeyPair(k: NKeyPair): NKeyPair {
  return k.keyType === 'EC'
    ? { alias: k.alias, keyType: 'EC', curve: k.curve, subjectDN: k.subjectDN }
    : { alias: k.alias, keyType: 'RSA', keySize: k.keySize, subjectDN: k.subjectDN };
}

export function normaliseSubscription(s: { url: string; sources?: string[]; thresholds?: number[]; secretEnv: string }): NSubscription {
  return {
    url: s.url,
    ...(s.sources && { sources: uniqueSorted(s.sources) }),
    ...(s.thresholds && { thresholds: [...new Set(s.thresholds)].sort((a, b) => a - b) }),
    secretEnv: s.secretEnv,
  };
}

/**
 * Subject DNs as people write them differ in spacing (`CN=a,O=b`, `CN=a, O=b`) and in
 * the case of attribute names; the values are compared as written.
 */
export function comparableDn(dn: string): string {
  return dn
    .split(/(?<!\\),/)
    .map((rdn) => rdn.trim().replace(/^([^=]+)=/, (_, type: string) => `${type.trim().toUpperCase()}=`))
    .join(',');
}
