import { KINDS, type Kind, type NFlow, type NSpec } from './model';
import type { Change, Plan } from './plan-list';
import type { TenantSnapshot } from './tenant-snapshot';

/** An alias names one keystore entry: the file cannot turn a trusted certificate into a key pair or the other way, nor touch a system entry. */
export function refuseAliasClashes(plan: Plan, spec: NSpec, tenant: TenantSnapshot): void {
  const t = tenant.config.keystore;
  const tenantKind = new Map<string, string>([
    ...t.trustedCertificates.map((c) => [c.alias, 'trusted-certificate'] as const),
    ...t.keyPairs.map((k) => [k.alias, 'key-pair'] as const),
  ]);
  const wanted: [string, Kind][] = [
    ...(spec.keystore?.trustedCertificates ?? []).map((c) => [c.alias, 'trusted-certificate'] as [string, Kind]),
    ...(spec.keystore?.keyPairs ?? []).map((k) => [k.alias, 'key-pair'] as [string, Kind]),
  ];
  for (const [alias, kind] of wanted) {
    const unlisted = tenant.unlistedEntries.get(alias);
    const existing = tenantKind.get(alias);
    let refused: string | undefined;
    if (unlisted) refused = `alias ${alias} is ${unlisted.why}, which the file does not manage: choose another alias`;
    else if (existing && existing !== kind)
      refused = `alias ${alias} is a ${existing} in the tenant and a ${kind} in the file: delete the entry first (a key pair's private key cannot be recovered)`;
    if (!refused) continue;
    const change = plan.changes.find((c) => c.kind === kind && c.key === alias);
    if (change) change.refused = refused;
    else plan.changes.push({ kind, key: alias, action: 'replace', fields: [], refused });
  }
}

/**
 * One flow per address: a flow of the file may take the address of a tenant flow that
 * moves elsewhere (deployed after it), or of one that --prune removes (removed first);
 * otherwise the file is refused.
 */
export function orderFlows(plan: Plan, spec: NSpec, tenant: TenantSnapshot): void {
  if (!spec.flows) return;
  const desired = new Map(spec.flows.map((f) => [f.id, f]));
  const holderOf = new Map(tenant.config.flows.map((f) => [f.sender.address, f.id]));
  const puts = plan.changes.filter((c) => c.kind === 'flow' && (c.action === 'create' || c.action === 'update'));
  const after = new Map<string, string>(); // flow id → the flow that must be deployed before it
  for (const change of puts) {
    const flow = change.desired as NFlow;
    const holder = holderOf.get(flow.sender.address);
    if (!holder || holder === flow.id) continue;
    if (desired.has(holder)) {
      after.set(flow.id, holder);
      continue;
    }
    const removal = plan.changes.find((c) => c.kind === 'flow' && c.key === holder && c.action === 'delete');
    if (removal) removal.early = true;
    else
      change.refused = `flow ${flow.id}: address ${flow.sender.address} is used by flow ${holder}, which is not in the file and stays (apply --prune removes it)`;
  }
  // Deploy each flow after the one that frees its address; a cycle (two flows swapping addresses) cannot be applied in one go.
  const ordered: Change[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (change: Change, path: string[]): void => {
    if (state.get(change.key) === 'done') return;
    if (state.get(change.key) === 'visiting') {
      change.refused ??= `flows ${[...path, change.key].join(' → ')} take each other's addresses: apply a file with other addresses first`;
      return;
    }
    state.set(change.key, 'visiting');
    const before = after.get(change.key);
    const first = before && puts.find((c) => c.key === before);
    if (first) visit(first, [...path, change.key]);
    state.set(change.key, 'done');
    ordered.push(change);
  };
  for (const change of puts) visit(change, []);
  const rest = plan.changes.filter((c) => !puts.includes(c));
  const at = rest.findIndex((c) => KINDS.indexOf(c.kind) > KINDS.indexOf('flow'));
  plan.changes = at < 0 ? [...rest, ...ordered] : [...rest.slice(0, at), ...ordered, ...rest.slice(at)];
}
