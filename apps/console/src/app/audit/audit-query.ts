import { z } from 'zod';
import type { AuditRecord } from '@certgate/contracts';
import { decodeCursor, parseTimeBound, timeBound, type Window } from '../logs/log-query';

const filters = {
  since: timeBound.optional(),
  until: timeBound.optional(),
  operator: z.string().min(1).max(200).optional(),
  object: z.string().min(1).max(1000).optional(),
  outcome: z
    .string()
    .regex(/^(ok|refused|failed|[1-5](\d\d|xx))$/i, 'ok, refused or failed; or an HTTP status such as 403, or a class such as 4xx')
    .optional(),
};

export const auditQuery = z.object({
  ...filters,
  limit: z.coerce.number().int().min(1).max(1000).default(100),
  cursor: z
    .string()
    .refine((c) => decodeCursor(c) !== undefined, 'not a cursor of this API: pass the X-Next-Cursor header of the previous page as it is')
    .optional(),
});
export const auditExportQuery = z.object(filters);
export type AuditQuery = z.output<typeof auditQuery>;
export type AuditFilters = z.output<typeof auditExportQuery>;

export const AUDIT_QUERY_DOCS: Record<string, string> = {
  since: 'records at or after this time: ISO 8601, or a duration ago such as 15m, 2h, 1d',
  until: 'records at or before this time: ISO 8601, or a duration ago',
  operator: 'the operator (or `admin-token` for the bootstrap token, `anonymous` for callers without valid credentials)',
  object: 'the object path or the start of it: `/ingress/trusted-roots` finds every change to a trusted root',
  outcome: '`ok`, `refused` (4xx) or `failed` (5xx); or an HTTP status such as 403, or a class such as 4xx',
  limit: '1-1000, default 100: the newest N matching records',
  cursor: 'the X-Next-Cursor header of the previous page: the page of older records before it',
};

/** Who a record names for the `operator` filter. */
const actorName = (r: AuditRecord): string | undefined => {
  if (r.who.operator) return r.who.operator;
  // The bootstrap token, as a bearer token or as the web console session it was traded for.
  if (r.who.kind === 'admin-token' || (r.who.kind === 'session' && !r.who.tokenId)) return 'admin-token';
  return r.who.kind === 'anonymous' ? 'anonymous' : undefined;
};

function outcomeMatches(wanted: string, r: AuditRecord): boolean {
  const w = wanted.toLowerCase();
  if (w === 'ok' || w === 'refused' || w === 'failed') return r.outcome.result === w;
  return w.endsWith('xx') ? Math.floor(r.outcome.status / 100) === Number(w[0]) : r.outcome.status === Number(w);
}

export function auditWindow(q: AuditFilters & { cursor?: string }, now = new Date()): Window {
  return {
    since: q.since === undefined ? undefined : parseTimeBound(q.since, now),
    until: q.until === undefined ? undefined : parseTimeBound(q.until, now),
    before: q.cursor === undefined ? undefined : decodeCursor(q.cursor),
  };
}

export function auditFilter(q: AuditFilters, w: Window): (r: AuditRecord) => boolean {
  return (r) => {
    const t = Date.parse(r.at);
    return (
      (!w.since || t >= w.since.getTime()) &&
      (!w.until || t <= w.until.getTime()) &&
      (q.operator === undefined || actorName(r) === q.operator) &&
      (q.object === undefined || r.what.object === q.object || r.what.object.startsWith(q.object.endsWith('/') ? q.object : `${q.object}/`)) &&
      (q.outcome === undefined || outcomeMatches(q.outcome, r))
    );
  };
}
