/** One field that differs between the tenant and the file: `sender.authorization.role: Role1 → Role2`. */
export interface FieldChange {
  path: string;
  /** The tenant's value; absent when the field is new. */
  from?: unknown;
  /** The file's value; absent when the field goes away. */
  to?: unknown;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Deep equality of JSON values; the order of object keys does not matter, the order of list items does. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => sameValue(v, b[i]));
  if (isObject(a) && isObject(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    return [...keys].every((k) => sameValue(a[k], b[k]));
  }
  return false;
}

/**
 * The fields that differ, as dotted paths: objects are followed key by key, lists of
 * objects item by item when both have as many items, anything else is one change.
 */
export function fieldChanges(from: unknown, to: unknown, path = ''): FieldChange[] {
  if (sameValue(from, to)) return [];
  if (isObject(from) && isObject(to)) {
    const keys = [...new Set([...Object.keys(from), ...Object.keys(to)])];
    return keys.flatMap((k) => fieldChanges(from[k], to[k], path ? `${path}.${k}` : k));
  }
  if (Array.isArray(from) && Array.isArray(to) && from.length === to.length && from.some(isObject)) {
    return from.flatMap((item, i) => fieldChanges(item, to[i], `${path}[${i}]`));
  }
  return [{ path, ...(from !== undefined && { from }), ...(to !== undefined && { to }) }];
}
