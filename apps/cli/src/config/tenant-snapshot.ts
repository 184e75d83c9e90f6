import { X509Certificate } from 'node:crypto';
import { CLIENT_CA_ALIAS, DEFAULT_SYSTEM_KEY_ALIAS, PREDEFINED_ROLE, type KeystoreEntryView, type RootPolicy } from '@certgate/contracts';
import type { CertgateApi } from '../api/certgate-api';
import { canonicalPem, fingerprintOf } from './certificates';
import type { FullSpec, NKey, NKeyPair } from './model';
import {
  compareText,
  normaliseFlow,
  normaliseHost,
  normaliseInstance,
  normaliseKeyPair,
  normaliseRole,
  normaliseSubscription,
  rootPolicyField,
  sortBy,
  uniqueSorted,
} from './normalise';

/** A key of an instance that the file does not describe (a generated certificate or a client secret). */
export interface UnlistedKey {
  instance: string;
  name: string;
  type: string;
  fingerprint?: string;
}

/**
 * The tenant as the REST API shows it: `config` is what export writes (every list, in
 * the normalised form), the rest is what the plan and the checks need besides.
 */
export interface TenantSnapshot {
  config: FullSpec;
  /** Roots in force that the API does not manage (INGRESS_CLIENT_ROOTS, the tenant client CA), by fingerprint. */
  unmanagedRoots: Map<string, string>;
  /** Grant type of each instance. */
  grantTypes: Map<string, string>;
  /** Generated keys (never in the file, never pruned except with their instance). */
  unlistedKeys: UnlistedKey[];
  /** Keystore entries the file does not describe, by alias: the system ones and key pairs of an algorithm the file cannot express. */
  unlistedEntries: Map<string, { kind: 'key-pair' | 'certificate'; why: string }>;
  /** Subscription ids by url (the first one when the tenant has several for one url). */
  subscriptionIds: Map<string, string>;
  /** Subscriptions whose url another one has already: they cannot be matched to the file. */
  duplicateSubscriptions: { url: string; id: string }[];
}

interface TrustedRootView {
  pem: string;
  source: 'api' | 'env' | 'client-ca';
  subjectDN?: string;
  policy?: RootPolicy;
}

/** Reads everything the file covers, with GET requests only. */
export async function readTenant(api: CertgateApi): Promise<TenantSnapshot> {
  const [roots, hosts, roles, instances, flows, users, groups, mappings, entries, mutes, subscriptions] = await Promise.all([
    api.trust.list() as Promise<TrustedRootView[]>,
    api.ingress.hosts(),
    api.roles.list(),
    api.instances.list(),
    api.flows.list(),
    api.users.list(),
    api.groups.list(),
    api.mappings.list(),
    api.keystore.list(),
    api.alerts.mutes(),
    api.subscriptions.list(),
  ]);
  const keysOf = await mapLimited(instances, 8, (i) => api.keys.list(i.name));

  const unmanagedRoots = new Map(roots.filter((r) => r.source !== 'api').map((r) => [fingerprintOf(r.pem), r.source]));
  const unlistedKeys: UnlistedKey[] = [];
  const serviceInstances = instances.map((instance, i) => {
    const keys: NKey[] = [];
    for (const key of keysOf[i]) {
      if (key.type === 'external-certificate' && key.certificate) keys.push({ name: key.name, type: 'external-certificate', certificate: key.certificate.pem });
      else unlistedKeys.push({ instance: instance.name, name: key.name, type: key.type, ...(key.certificate && { fingerprint: key.certificate.fingerprint }) });
    }
    const normalised = normaliseInstance({ name: instance.name, parameters: instance.parameters, keys });
    return { ...normalised, keys: normalised.keys ?? [] };
  });

  const unlistedEntries = new Map<string, { kind: 'key-pair' | 'certificate'; why: string }>();
  const trustedCertificates: FullSpec['keystore']['trustedCertificates'] = [];
  const keyPairs: NKeyPair[] = [];
  for (const entry of entries) {
    if (entry.owner !== 'tenant') {
      unlistedEntries.set(entry.alias, { kind: entry.kind, why: 'a system entry of the keystore' });
    } else if (entry.kind === 'certificate') {
      trustedCertificates.push({ alias: entry.alias, certificate: canonicalPem(leafPem(entry.chainPem)) });
    } else {
      const spec = keySpecOf(entry);
      if (spec) keyPairs.push(normaliseKeyPair({ alias: entry.alias, subjectDN: entry.subjectDN, ...spec }));
      else
        unlistedEntries.set(entry.alias, { kind: 'key-pair', why: `a key pair of an algorithm the file cannot describe (${entry.keyAlgorithm ?? 'unknown'})` });
    }
  }

  const subscriptionIds = new Map<string, string>();
  const duplicateSubscriptions: { url: string; id: string }[] = [];
  for (const s of [...subscriptions].sort((a, b) => compareText(a.createdAt, b.createdAt))) {
    if (subscriptionIds.has(s.url)) duplicateSubscriptions.push({ url: s.url, id: s.id });
    else subscriptionIds.set(s.url, s.id);
  }
  const firstSubscriptions = subscriptions.filter((s) => subscriptionIds.get(s.url) === s.id);

  const config: FullSpec = {
    trustedRoots: sortBy(
      roots.filter((r) => r.source === 'api').map((r) => ({ pem: canonicalPem(r.pem), ...rootPolicyField(r.policy) })),
      (r) => fingerprintOf(r.pem),
    ),
    ingressHosts: sortBy(hosts.map(normaliseHost), (h) => h.hostName),
    roles: sortBy(roles.filter((r) => !r.predefined && r.name !== PREDEFINED_ROLE).map(normaliseRole), (r) => r.name),
    serviceInstances: sortBy(serviceInstances, (i) => i.name),
    flows: sortBy(
      flows.map((f) => normaliseFlow(f.definition)),
      (f) => f.id,
    ),
    classic: {
      users: sortBy(
        users.map((u) => ({ name: u.name, roles: uniqueSorted(u.roles) })),
        (u) => u.name,
      ),
      groups: sortBy(
        groups.map((g) => ({ name: g.name, roles: uniqueSorted(g.roles), users: uniqueSorted(g.users) })),
        (g) => g.name,
      ),
      mappings: sortBy(
        mappings.map((m) => ({ user: m.user, certificate: canonicalPem(m.certificate.pem) })),
        (m) => fingerprintOf(m.certificate),
      ),
    },
    keystore: { trustedCertificates: sortBy(trustedCertificates, (t) => t.alias), keyPairs: sortBy(keyPairs, (k) => k.alias) },
    alerts: {
      mutes: sortBy(
        mutes.map((m) => ({ source: m.source, ...(m.reason && { reason: m.reason }) })),
        (m) => m.source,
      ),
      subscriptions: sortBy(
        firstSubscriptions.map((s) => normaliseSubscription({ url: s.url, sources: s.sources, thresholds: s.thresholds, secretEnv: secretEnvFor(s.url) })),
        (s) => s.url,
      ),
    },
  };
  return {
    config,
    unmanagedRoots,
    grantTypes: new Map(instances.map((i) => [i.name, i.parameters['grant-types'][0] ?? ''])),
    unlistedKeys,
    unlistedEntries,
    subscriptionIds,
    duplicateSubscriptions,
  };
}

/** `Promise.all` of `work` over `items`, at most `limit` at a time (a tenant may have hundreds of instances). */
async function mapLimited<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await work(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/**
 * The environment variable an exported subscription names for its secret: derived from
 * the url, so that two exports agree and two subscriptions get different names.
 * `https://ops.example/hooks/certgate` → `CERTGATE_WEBHOOK_SECRET_OPS_EXAMPLE_HOOKS_CERTGATE`.
 */
export function secretEnvFor(url: string): string {
  let rest = url;
  try {
    const u = new URL(url);
    rest = `${u.hostname}${u.port ? `_${u.port}` : ''}${u.pathname}${u.search}`;
  } catch {
    // not a URL: the whole text
  }
  const token = rest
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 100);
  return `CERTGATE_WEBHOOK_SECRET${token ? `_${token}` : ''}`;
}

const FIRST_CERT = /-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----/;

function leafPem(chainPem: string): string {
  return (FIRST_CERT.exec(chainPem)?.[0] ?? chainPem) + '\n';
}

type KeySpec = { keyType: 'EC'; curve: 'P-256' | 'P-384' } | { keyType: 'RSA'; keySize: 2048 | 3072 | 4096 };

/** `EC P-256`, `RSA 3072`, ... as the keystore records it; entries stored before it was recorded: read from the certificate. */
export function keySpecOf(entry: Pick<KeystoreEntryView, 'keyAlgorithm' | 'chainPem'>): KeySpec | undefined {
  const algorithm = entry.keyAlgorithm ?? algorithmOfCertificate(leafPem(entry.chainPem));
  const ec = /^EC (P-256|P-384)$/.exec(algorithm ?? '');
  if (ec) return { keyType: 'EC', curve: ec[1] as 'P-256' | 'P-384' };
  const rsa = /^RSA (2048|3072|4096)$/.exec(algorithm ?? '');
  if (rsa) return { keyType: 'RSA', keySize: Number(rsa[1]) as 2048 | 3072 | 4096 };
  return undefined;
}

function algorithmOfCertificate(pem: string): string | undefined {
  try {
    const key = new X509Certificate(pem).publicKey;
    const details = key.asymmetricKeyDetails ?? {};
    if (key.asymmetricKeyType === 'rsa') return `RSA ${details.modulusLength}`;
    if (key.asymmetricKeyType === 'ec') return `EC ${{ prime256v1: 'P-256', secp384r1: 'P-384' }[details.namedCurve ?? ''] ?? details.namedCurve}`;
    return key.asymmetricKeyType;
  } catch {
    return undefined;
  }
}

/** A tenant with nothing configured (only what every tenant has): what a new tenant's snapshot looks like, and a base for specs. */
export function emptySnapshot(): TenantSnapshot {
  return {
    config: {
      trustedRoots: [],
      ingressHosts: [],
      roles: [],
      serviceInstances: [],
      flows: [],
      classic: { users: [], groups: [], mappings: [] },
      keystore: { trustedCertificates: [], keyPairs: [] },
      alerts: { mutes: [], subscriptions: [] },
    },
    unmanagedRoots: new Map(),
    grantTypes: new Map(),
    unlistedKeys: [],
    unlistedEntries: new Map([
      [DEFAULT_SYSTEM_KEY_ALIAS, { kind: 'key-pair', why: 'a system entry of the keystore' }],
      [CLIENT_CA_ALIAS, { kind: 'key-pair', why: 'a system entry of the keystore' }],
    ]),
    subscriptionIds: new Map(),
    duplicateSubscriptions: [],
  };
}
