import { z } from 'zod';
import { CertgateError, ErrorCode, type AccessLogRecord, type MplRecord, type TraceLogRecord } from '@certgate/contracts';

const DURATION = /^(\d{1,9})(s|m|h|d)$/;
const UNIT_MS = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 } as const;

/** An ISO 8601 timestamp, or a duration (`15m`, `2h`, `1d`, `30s`) meaning that long before `now`. */
export function parseTimeBound(text: string, now = new Date()): Date | undefined {
  const rel = DURATION.exec(text);
  if (rel) return new Date(now.getTime() - Number(rel[1]) * UNIT_MS[rel[2] as keyof typeof UNIT_MS]);
  if (!/^\d{4}-\d{2}-\d{2}/.test(text)) return undefined;
  const t = Date.parse(text);
  return Number.isNaN(t) ? undefined : new Date(t);
}

/** A time bound of a log or audit query. */
export const timeBound = z.string().refine((t) => parseTimeBound(t) !== undefined, {
  message: 'an ISO 8601 timestamp (2025-01-31T12:00:00Z) or a duration ago (30s, 15m, 2h, 1d)',
});

/** `401`, or a class such as `4xx`. */
const statusFilter = z.string().regex(/^[1-5](\d\d|xx)$/i, 'a status such as 401, or a class such as 4xx or 5xx');

/** The opaque X-Next-Cursor: the stream sequence the next (older) page ends before. */
export function encodeCursor(seq: number): string {
  return Buffer.from(`v1:${seq}`, 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string): number | undefined {
  const m = /^v1:(\d{1,15})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  return m ? Number(m[1]) : undefined;
}

const common = {
  limit: z.coerce.number().int().min(1).max(1000).default(100),
  since: timeBound.optional(),
  until: timeBound.optional(),
  requestId: z.string().min(1).max(200).optional(),
  cursor: z
    .string()
    .refine((c) => decodeCursor(c) !== undefined, 'not a cursor of this API: pass the X-Next-Cursor header of the previous page as it is')
    .optional(),
  after: z.coerce.number().int().min(0).optional(),
};

/** What each log takes; anything else is `unknown_parameter` (a filter that does not apply to that log included). */
export const traceQuery = z.object(common);
export const accessQuery = z.object({
  ...common,
  status: statusFilter.optional(),
  who: z.string().min(1).optional(),
  principal: z.string().min(1).optional(),
  address: z.string().min(1).optional(),
});
export const mplQuery = accessQuery.extend({ flowId: z.string().min(1).optional() });

export type TraceQuery = z.output<typeof traceQuery>;
export type AccessQuery = z.output<typeof accessQuery>;
export type MplQuery = z.output<typeof mplQuery>;

export const QUERY_DOCS: Record<string, string> = {
  limit: '1-1000, default 100: the newest N matching records (with `after`: the oldest N newer than it)',
  since: 'records at or after this time: ISO 8601, or a duration ago such as 15m, 2h, 1d',
  until: 'records at or before this time: ISO 8601, or a duration ago',
  requestId: 'the records of one request (its x-request-id)',
  cursor: 'the X-Next-Cursor header of the previous page: the page of older records before it',
  after: 'a record `seq`: the matching records newer than it, oldest first (for following a log)',
  status: 'an HTTP status such as 401, or a class such as 4xx or 5xx',
  who: 'access log: the `who` field; message log: the principal',
  principal: 'a synonym of who',
  address: 'the flow address (/orders); access log: requests to /http/orders',
  flowId: 'the flow id',
};

/** Bounds and paging of a query, checked together: `cursor` and `after` page in opposite directions. */
export interface Window {
  since?: Date;
  until?: Date;
  before?: number;
  after?: number;
}

export function windowOf(q: { since?: string; until?: string; cursor?: string; after?: number }, now = new Date()): Window {
  if (q.cursor !== undefined && q.after !== undefined) {
    throw new CertgateError(ErrorCode.validationFailed, 'invalid query: after: give either cursor (older records) or after (newer records), not both', {
      field: 'after',
    });
  }
  const since = q.since === undefined ? undefined : parseTimeBound(q.since, now);
  const until = q.until === undefined ? undefined : parseTimeBound(q.until, now);
  if (since && until && since.getTime() > until.getTime()) {
    throw new CertgateError(ErrorCode.validationFailed, 'invalid query: until: until is before since', { field: 'until' });
  }
  return { since, until, before: q.cursor === undefined ? undefined : decodeCursor(q.cursor), after: q.after };
}

function statusMatches(wanted: string, status: number): boolean {
  return /xx$/i.test(wanted) ? Math.floor(status / 100) === Number(wanted[0]) : status === Number(wanted);
}

function whoOf(q: AccessQuery): string | undefined {
  if (q.who !== undefined && q.principal !== undefined && q.who !== q.principal) {
    throw new CertgateError(ErrorCode.validationFailed, 'invalid query: principal: principal is a synonym of who; give one of them', { field: 'principal' });
  }
  return q.who ?? q.principal;
}

function inTime(time: string, w: Window): boolean {
  const t = Date.parse(time);
  return (!w.since || t >= w.since.getTime()) && (!w.until || t <= w.until.getTime());
}

export function traceFilter(q: TraceQuery, w: Window): (r: TraceLogRecord) => boolean {
  return (r) => inTime(r.time, w) && (q.requestId === undefined || r.requestId === q.requestId);
}

export function accessFilter(q: AccessQuery, w: Window): (r: AccessLogRecord) => boolean {
  const who = whoOf(q);
  const path = q.address === undefined ? undefined : `/http${q.address.startsWith('/') ? '' : '/'}${q.address}`;
  return (r) =>
    inTime(r.time, w) &&
    (q.requestId === undefined || r.requestId === q.requestId) &&
    (q.status === undefined || statusMatches(q.status, r.status)) &&
    (who === undefined || r.who === who) &&
    (path === undefined || r.path.split('?')[0] === path);
}

export function mplFilter(q: MplQuery, w: Window): (r: MplRecord) => boolean {
  const who = whoOf(q);
  const address = q.address === undefined ? undefined : q.address.startsWith('/') ? q.address : `/${q.address}`;
  return (r) =>
    inTime(r.time, w) &&
    (q.requestId === undefined || (r.requestId ?? r.messageId) === q.requestId) &&
    (q.status === undefined || statusMatches(q.status, r.status)) &&
    (who === undefined || r.principal === who) &&
    (q.flowId === undefined || r.flowId === q.flowId) &&
    (address === undefined || r.address === address);
}
