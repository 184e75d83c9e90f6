import { PREDEFINED_ROLE, type TenantConfigurationSpec } from '@certgate/contracts';
import { certificateProblems, fingerprintOf, leafProblems, readCertificate, rootProblems } from './certificates';
import type { NSpec } from './model';
import type { Plan } from './plan';
import type { TenantSnapshot } from './tenant-snapshot';

/*
 * Everything apply checks before it changes anything, so that a file is applied whole
 * or not at all: each check returns every problem it finds, worded so that the object
 * and the field are named.
 */

/** The file on its own: certificates readable and of the right sort, no object listed twice. */
export function checkFile(spec: TenantConfigurationSpec, now = new Date()): string[] {
  const problems: string[] = [];
  const pem = (where: string, found: string[]) => problems.push(...found.map((p) => `${where}: ${p}`));
  const dup = duplicates(problems);

  (spec.trustedRoots ?? []).forEach((r, i) => pem(`trustedRoots[${i}].pem`, rootProblems(r.pem, now)));
  dup(
    'trustedRoots',
    (spec.trustedRoots ?? []).map((r) => readable(r.pem)),
    (fp) => `the same certificate (sha256:${fp.slice(0, 16)}…)`,
  );

  dup(
    'ingressHosts',
    (spec.ingressHosts ?? []).map((h) => h.hostName.toLowerCase()),
    (name) => `host name ${name}`,
  );

  (spec.roles ?? []).forEach((r, i) => {
    if (r.name === PREDEFINED_ROLE) problems.push(`roles[${i}]: ${PREDEFINED_ROLE} is the predefined role, which every tenant has; it is never listed`);
  });
  dup(
    'roles',
    (spec.roles ?? []).map((r) => r.name),
    (name) => `role ${name}`,
  );

  const instances = spec.serviceInstances ?? [];
  dup(
    'serviceInstances',
    instances.map((i) => i.name),
    (name) => `instance ${name}`,
  );
  const keyCerts: { where: string; fingerprint: string | undefined }[] = [];
  instances.forEach((instance, i) => {
    const keys = instance.keys ?? [];
    dup(
      `serviceInstances[${i}].keys`,
      keys.map((k) => k.name),
      (name) => `key ${instance.name}/${name}`,
    );
    keys.forEach((k, j) => {
      pem(`serviceInstances[${i}] (${instance.name}).keys[${j}] (${k.name}).certificate`, leafProblems(k.certificate, now));
      keyCerts.push({ where: `${instance.name}/${k.name}`, fingerprint: readable(k.certificate) });
    });
    if (keys.length && !instance.parameters['grant-types'].includes('client_x509')) {
      problems.push(`serviceInstances[${i}] (${instance.name}).keys: external-certificate keys need the grant type client_x509`);
    }
  });
  sameValueTwice(
    keyCerts,
    (k) => k.fingerprint,
    (a, b) => problems.push(`keys ${a.where} and ${b.where} hold the same certificate; a certificate belongs to one key only`),
  );

  const flows = spec.flows ?? [];
  dup(
    'flows',
    flows.map((f) => f.id),
    (id) => `flow ${id}`,
  );
  sameValueTwice(
    flows,
    (f) => f.sender.address,
    (a, b) => problems.push(`flows ${a.id} and ${b.id} both use address ${a.sender.address}; one flow per address`),
  );
  flows.forEach((f, i) => {
    const auth = f.sender.authorization;
    if (auth.type !== 'client-certificate') return;
    auth.certificates.forEach((c, j) => {
      if ('pem' in c) pem(`flows[${i}] (${f.id}).sender.authorization.certificates[${j}].pem`, certificateProblems(c.pem));
    });
  });

  const classic = spec.classic ?? {};
  dup(
    'classic.users',
    (classic.users ?? []).map((u) => u.name),
    (name) => `user ${name}`,
  );
  dup(
    'classic.groups',
    (classic.groups ?? []).map((g) => g.name),
    (name) => `group ${name}`,
  );
  (classic.mappings ?? []).forEach((m, i) => pem(`classic.mappings[${i}] (${m.user}).certificate`, leafProblems(m.certificate, now)));
  dup(
    'classic.mappings',
    (classic.mappings ?? []).map((m) => readable(m.certificate)),
    (fp) => `a mapping of the same certificate (sha256:${fp.slice(0, 16)}…); a certificate maps to one user only`,
  );

  const keystore = spec.keystore ?? {};
  (keystore.trustedCertificates ?? []).forEach((c, i) =>
    pem(`keystore.trustedCertificates[${i}] (${c.alias}).certificate`, certificateProblems(c.certificate)),
  );
  dup(
    'keystore',
    [...(keystore.trustedCertificates ?? []).map((c) => c.alias), ...(keystore.keyPairs ?? []).map((k) => k.alias)],
    (alias) => `alias ${alias} (an alias names one entry, trusted certificate or key pair)`,
  );

  const alerts = spec.alerts ?? {};
  dup(
    'alerts.mutes',
    (alerts.mutes ?? []).map((m) => m.source),
    (source) => `a mute of ${source}`,
  );
  dup(
    'alerts.subscriptions',
    (alerts.subscriptions ?? []).map((s) => s.url),
    (url) => `a subscription to ${url}`,
  );
  return problems;
}

const readable = (pem: string): string | undefined => {
  const reading = readCertificate(pem);
  return reading.ok ? reading.facts.fingerprint : undefined;
};

/** Reports each value listed more than once in a list (undefined values are someone else's problem). */
function duplicates(problems: string[]) {
  return (list: string, values: (string | undefined)[], what: (value: string) => string) => {
    const counts = new Map<string, number>();
    for (const v of values) if (v !== undefined) counts.set(v, (counts.get(v) ?? 0) + 1);
    for (const [value, n] of counts) if (n > 1) problems.push(`${list}: ${what(value)} is listed ${n} times`);
  };
}

function sameValueTwice<T>(items: T[], value: (item: T) => string | undefined, report: (first: T, second: T) => void): void {
  const seen = new Map<string, T>();
  for (const item of items) {
    const v = value(item);
    if (v === undefined) continue;
    const first = seen.get(v);
    if (first) report(first, item);
    else seen.set(v, item);
  }
}

/**
 * What the file refers to must exist once it is applied, in the file or in the tenant
 * (with --prune only in the file, for the kinds the file lists).
 */
export function checkReferences(spec: NSpec, tenant: TenantSnapshot, opts: { prune: boolean }): string[] {
  const t = tenant.config;
  const after = <T>(desired: T[] | undefined, actual: T[], key: (item: T) => string): Set<string> => {
    const names = new Set((desired ?? []).map(key));
    if (desired === undefined || !opts.prune) for (const a of actual) names.add(key(a));
    return names;
  };
  const problems: string[] = [];
  const roles = after(spec.roles, t.roles, (r) => r.name).add(PREDEFINED_ROLE);
  const users = after(spec.classic?.users, t.classic.users, (u) => u.name);
  const rolesIn = where(spec.roles === undefined || !opts.prune);
  const usersIn = where(spec.classic?.users === undefined || !opts.prune);
  const needRole = (owner: string, role: string) => {
    if (!roles.has(role)) problems.push(`${owner}: role ${role} is not in the file${rolesIn}`);
  };

  for (const i of spec.serviceInstances ?? []) for (const r of i.parameters.roles) needRole(`instance ${i.name}: parameters.roles`, r);
  for (const u of spec.classic?.users ?? []) for (const r of u.roles) needRole(`user ${u.name}: roles`, r);
  for (const g of spec.classic?.groups ?? []) {
    for (const r of g.roles) needRole(`group ${g.name}: roles`, r);
    for (const u of g.users) if (!users.has(u)) problems.push(`group ${g.name}: users: user ${u} is not in the file${usersIn}`);
  }
  for (const m of spec.classic?.mappings ?? []) {
    if (!users.has(m.user)) problems.push(`mapping of ${m.user}: user ${m.user} is not in the file${usersIn}`);
  }

  const roots = after(spec.trustedRoots, t.trustedRoots, (r) => fingerprintOf(r.pem));
  for (const fingerprint of tenant.unmanagedRoots.keys()) roots.add(fingerprint);
  for (const h of spec.ingressHosts ?? []) {
    for (const r of h.roots ?? []) {
      if (!roots.has(r))
        problems.push(`ingress host ${h.hostName}: roots: ${r} is not a trusted root in the file${where(spec.trustedRoots === undefined || !opts.prune)}`);
    }
  }

  const keyPairs = after(spec.keystore?.keyPairs, t.keystore.keyPairs, (k) => k.alias);
  for (const [alias, entry] of tenant.unlistedEntries) if (entry.kind === 'key-pair') keyPairs.add(alias);
  const trusted = after(spec.keystore?.trustedCertificates, t.keystore.trustedCertificates, (c) => c.alias);
  const known = knownCertificates(spec, tenant, opts.prune);
  for (const f of spec.flows ?? []) {
    const auth = f.sender.authorization;
    if (auth.type === 'role') needRole(`flow ${f.id}: sender.authorization.role`, auth.role);
    else
      auth.certificates.forEach((c, j) => {
        if ('pem' in c && readCertificate(c.pem).ok && !known.has(fingerprintOf(c.pem)))
          problems.push(
            `flow ${f.id}: sender.authorization.certificates[${j}]: the certificate is in no key of a client_x509 instance and in no mapping, in the file${where(!opts.prune)}`,
          );
      });
    const alias = f.receiver?.authentication.type === 'client-certificate' ? f.receiver.authentication.privateKeyAlias : undefined;
    if (alias !== undefined && !keyPairs.has(alias)) {
      problems.push(
        trusted.has(alias)
          ? `flow ${f.id}: receiver.authentication.privateKeyAlias: ${alias} is a trusted certificate, not a key pair`
          : `flow ${f.id}: receiver.authentication.privateKeyAlias: key pair ${alias} is not in the file${where(spec.keystore?.keyPairs === undefined || !opts.prune)}`,
      );
    }
  }
  return problems;
}

const where = (tenantToo: boolean) => (tenantToo ? ' nor in the tenant' : ' (with --prune, only what the file lists is left)');

/** Fingerprints of the certificates a flow may list after the apply: those of the keys of client_x509 instances and of the mappings. */
function knownCertificates(spec: NSpec, tenant: TenantSnapshot, prune: boolean): Set<string> {
  const known = new Set<string>();
  const fileInstances = new Map((spec.serviceInstances ?? []).map((i) => [i.name, i]));
  const instancesStay = spec.serviceInstances === undefined || !prune;
  for (const i of tenant.config.serviceInstances) {
    const file = fileInstances.get(i.name);
    if (!file && !instancesStay) continue;
    const grant = file ? file.parameters['grant-types'][0] : tenant.grantTypes.get(i.name);
    if (grant !== 'client_x509') continue;
    for (const u of tenant.unlistedKeys) if (u.instance === i.name && u.fingerprint) known.add(u.fingerprint);
    if (!file?.keys || !prune) for (const k of i.keys) known.add(fingerprintOf(k.certificate));
  }
  for (const i of spec.serviceInstances ?? []) {
    if (i.parameters['grant-types'][0] === 'client_x509') for (const k of i.keys ?? []) known.add(fingerprintOf(k.certificate));
  }
  const mappings = spec.classic?.mappings;
  for (const m of mappings ?? []) known.add(fingerprintOf(m.certificate));
  if (mappings === undefined || !prune) for (const m of tenant.config.classic.mappings) known.add(fingerprintOf(m.certificate));
  return known;
}

/** A subscription apply creates needs its secret now: from the environment variable the file names. */
export function checkSecrets(plan: Plan, env: NodeJS.ProcessEnv): string[] {
  const problems: string[] = [];
  for (const c of plan.changes) {
    if (c.kind !== 'subscription' || (c.action !== 'create' && c.action !== 'replace')) continue;
    const name = (c.desired as { secretEnv: string }).secretEnv;
    const secret = env[name];
    if (!secret) problems.push(`subscription ${c.key}: secretEnv ${name}: the environment variable is not set (apply reads the webhook secret from it)`);
    else if (secret.length < 16 || secret.length > 256)
      problems.push(`subscription ${c.key}: secretEnv ${name}: the secret must be 16 to 256 characters (it has ${secret.length})`);
  }
  return problems;
}
