import { describeCertificate, isPem } from './certificates';
import type { FieldChange } from './field-diff';
import { KIND_LABEL } from './model';
import type { Change, Kept, Plan } from './plan';

const SIGN: Record<Change['action'], string> = { create: '+', update: '~', replace: '±', delete: '-' };

/** `+ role Role2`, `~ flow orders`, `- instance old`: the object a change is about. */
export function changeTitle(change: Change): string {
  const name = change.label ?? change.key;
  const notes = [change.action === 'replace' && change.note, change.early && 'removed first: the file gives its certificate or address to another object']
    .filter(Boolean)
    .join('; ');
  return `${SIGN[change.action]} ${KIND_LABEL[change.kind]} ${name}${notes ? ` (${notes})` : ''}`;
}

/** A value as one short piece of text: certificates by fingerprint and subject, lists and objects as compact JSON. */
export function showValue(value: unknown): string {
  if (value === undefined) return '(none)';
  if (isPem(value)) return describeCertificate(value);
  if (typeof value === 'string') return value === '' ? '""' : value;
  const text = JSON.stringify(value, (_k, v: unknown) => (isPem(v) ? describeCertificate(v) : v));
  return text.length > 200 ? `${text.slice(0, 199)}…` : text;
}

export function fieldLine(f: FieldChange): string {
  return `${f.path || '(value)'}: ${showValue(f.from)} → ${showValue(f.to)}`;
}

/**
 * The plan for people: one line per object (`+` create, `~` update, `±` replace, `-`
 * remove), the fields that change indented below it, then the objects kept, then a
 * count. "No changes." when the tenant already matches the file.
 */
export function renderPlan(plan: Plan): string[] {
  const lines: string[] = [];
  for (const change of plan.changes) {
    lines.push(changeTitle(change));
    for (const f of change.fields) lines.push(`    ${fieldLine(f)}`);
  }
  for (const kept of plan.kept) lines.push(keptLine(kept));
  lines.push(summaryLine(plan));
  return lines;
}

export function keptLine(kept: Kept): string {
  return `= ${KIND_LABEL[kept.kind]} ${kept.label ?? kept.key} (not in the file, kept; --prune removes it)`;
}

export function summaryLine(plan: Plan): string {
  const count = (action: Change['action']) => plan.changes.filter((c) => c.action === action).length;
  const kept = plan.kept.length ? ` ${plan.kept.length} not in the file, kept.` : '';
  if (plan.changes.length === 0) return `No changes.${kept}`;
  return `Plan: ${count('create')} to create, ${count('update')} to update, ${count('replace')} to replace, ${count('delete')} to delete.${kept}`;
}

/** The plan for scripts (`--output json`): every change with its fields, certificates shown by fingerprint. */
export function planJson(plan: Plan): unknown {
  const count = (action: Change['action']) => plan.changes.filter((c) => c.action === action).length;
  return {
    changed: plan.changes.length > 0,
    prune: plan.prune,
    summary: { create: count('create'), update: count('update'), replace: count('replace'), delete: count('delete'), kept: plan.kept.length },
    changes: plan.changes.map((c) => ({
      action: c.action,
      kind: c.kind,
      key: c.key,
      ...(c.label && { label: c.label }),
      ...(c.note && { note: c.note }),
      ...(c.early && { early: true }),
      fields: c.fields.map((f) => ({
        path: f.path,
        ...(f.from !== undefined && { from: jsonValue(f.from) }),
        ...(f.to !== undefined && { to: jsonValue(f.to) }),
      })),
    })),
    kept: plan.kept.map((k) => ({ kind: k.kind, key: k.key, ...(k.label && { label: k.label }) })),
  };
}

function jsonValue(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value, (_k, v: unknown) => (isPem(v) ? describeCertificate(v) : v))) as unknown;
}
