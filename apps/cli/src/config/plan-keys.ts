import { describeCertificate, fingerprintOf } from './certificates';
import type { NKey, NSpec } from './model';
import { planList, type Change, type Plan } from './plan-list';
import type { TenantSnapshot } from './tenant-snapshot';

/**
 * The external-certificate keys of each instance that lists `keys`. A key whose
 * certificate changed is replaced (delete + create: keys have no update route). A
 * certificate is held by one key only, so a key that gives its certificate to another
 * one is removed first when it goes away anyway, and the file is refused when it stays.
 */
export function planKeys(plan: Plan, spec: NSpec, tenant: TenantSnapshot): void {
  if (!spec.serviceInstances) return;
  const tenantInstances = new Map(tenant.config.serviceInstances.map((i) => [i.name, i]));
  const fileInstances = new Set(spec.serviceInstances.map((i) => i.name));
  const keyChanges: Change[] = [];
  for (const instance of spec.serviceInstances) {
    if (!instance.keys) continue;
    planList(
      { prune: plan.prune, changes: keyChanges, kept: plan.kept },
      {
        kind: 'key',
        desired: instance.keys,
        actual: tenantInstances.get(instance.name)?.keys ?? [],
        key: (k) => `${instance.name}/${k.name}`,
        label: (k) => `${instance.name}/${k.name} (${describeCertificate(k.certificate)})`,
        classify: () => ({ action: 'replace', note: 'keys have no update route: deleted and created again with the new certificate' }),
        ref: (k) => ({ instance: instance.name, name: k.name }),
      },
    );
    for (const key of instance.keys) {
      const generated = tenant.unlistedKeys.find((u) => u.instance === instance.name && u.name === key.name);
      const change = generated && keyChanges.find((c) => c.key === `${instance.name}/${key.name}`);
      if (generated && change) {
        change.refused = `key ${change.key} is a ${generated.type} key in the tenant (generated, so not described by the file): delete it first or give the file's key another name`;
      }
    }
  }

  // Who holds each certificate now, and whether that holder goes away in this apply.
  const goingAway = (instance: string, name: string) =>
    keyChanges.some((c) => c.ref?.instance === instance && c.ref?.name === name && (c.action === 'delete' || c.action === 'replace')) ||
    (plan.prune && !fileInstances.has(instance));
  const holders = new Map<string, { instance: string; name: string; generated?: string }>();
  for (const i of tenant.config.serviceInstances) for (const k of i.keys) holders.set(fingerprintOf(k.certificate), { instance: i.name, name: k.name });
  for (const u of tenant.unlistedKeys) if (u.fingerprint) holders.set(u.fingerprint, { instance: u.instance, name: u.name, generated: u.type });

  for (const change of [...keyChanges]) {
    if (change.action !== 'create' && change.action !== 'replace') continue;
    const desired = change.desired as NKey | undefined;
    if (!desired) continue;
    const holder = holders.get(fingerprintOf(desired.certificate));
    if (!holder || `${holder.instance}/${holder.name}` === change.key) continue;
    const holderKey = `${holder.instance}/${holder.name}`;
    if (!holder.generated && goingAway(holder.instance, holder.name)) {
      const removal = keyChanges.find((c) => c.key === holderKey && c.action === 'delete');
      if (removal) removal.early = true;
      else if (!keyChanges.some((c) => c.key === holderKey && c.action === 'replace'))
        keyChanges.push({ kind: 'key', key: holderKey, action: 'delete', fields: [], early: true, ref: { instance: holder.instance, name: holder.name } });
    } else {
      change.refused = `key ${change.key}: its certificate is already held by key ${holderKey}${holder.generated ? ` (a ${holder.generated} key)` : ''}, which stays in the tenant; a certificate belongs to one key only`;
    }
  }
  plan.changes.push(...keyChanges);
}
