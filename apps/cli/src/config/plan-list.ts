import { fieldChanges, type FieldChange } from './field-diff';
import type { Kind } from './model';

export type Action = 'create' | 'update' | 'replace' | 'delete';

/** One object apply creates, changes or removes. */
export interface Change {
  kind: Kind;
  /** The natural key: name, id, alias, url, `<instance>/<key>`, or the certificate's fingerprint. */
  key: string;
  /** How a person recognises the object when the key is a fingerprint. */
  label?: string;
  action: Action;
  fields: FieldChange[];
  /** Why the object is deleted and created again rather than updated. */
  note?: string;
  /** Why apply cannot make this change safely: the whole file is refused with it. */
  refused?: string;
  /** A removal made before the creations of its kind: it frees a certificate or an address the file gives to another object. */
  early?: boolean;
  /** The file's object (create, update, replace). */
  desired?: unknown;
  /** The tenant's object (update, replace, delete). */
  actual?: unknown;
  /** What a request needs besides the object: the instance of a key, the id of a subscription. */
  ref?: Record<string, string>;
}

/** An object of the tenant that is not in the file and stays (no --prune), or that the file cannot describe. */
export interface Kept {
  kind: Kind;
  key: string;
  label?: string;
}

export interface Plan {
  prune: boolean;
  changes: Change[];
  kept: Kept[];
}

/** One list of the file against the tenant's list of that kind. */
export interface ListPlan<T> {
  kind: Kind;
  desired: T[] | undefined;
  actual: T[];
  key: (item: T) => string;
  label?: (item: T) => string;
  /** The fields compared (the natural key and what the server never stores, such as secretEnv, left out). */
  compared?: (item: T) => unknown;
  /** How a difference is made: `update` by default. */
  classify?: (desired: T, actual: T, fields: FieldChange[]) => Pick<Change, 'action' | 'note' | 'refused'>;
  ref?: (item: T) => Record<string, string>;
}

/** Plans one list: create what the tenant lacks, update or replace what differs, remove (--prune) or keep the rest. */
export function planList<T>(plan: Plan, list: ListPlan<T>): void {
  if (!list.desired) return;
  const compared = list.compared ?? ((x: T) => x);
  const actual = new Map(list.actual.map((a) => [list.key(a), a]));
  const wanted = new Set<string>();
  for (const d of list.desired) {
    const key = list.key(d);
    wanted.add(key);
    const a = actual.get(key);
    const label = list.label?.(d);
    if (a === undefined) {
      plan.changes.push({ kind: list.kind, key, ...(label && { label }), action: 'create', fields: [], desired: d, ...(list.ref && { ref: list.ref(d) }) });
      continue;
    }
    const fields = fieldChanges(compared(a), compared(d));
    if (fields.length === 0) continue;
    const how = list.classify?.(d, a, fields) ?? { action: 'update' as const };
    plan.changes.push({ kind: list.kind, key, ...(label && { label }), fields, desired: d, actual: a, ...(list.ref && { ref: list.ref(a) }), ...how });
  }
  for (const a of list.actual) {
    const key = list.key(a);
    if (wanted.has(key)) continue;
    const label = list.label?.(a);
    if (plan.prune)
      plan.changes.push({ kind: list.kind, key, ...(label && { label }), action: 'delete', fields: [], actual: a, ...(list.ref && { ref: list.ref(a) }) });
    else plan.kept.push({ kind: list.kind, key, ...(label && { label }) });
  }
}
