import type { paths } from '../../api/schema';

export type AuditRecord = paths['/api/v1/audit']['get']['responses'][200]['content']['application/json'][number];
export type ChainVerdict = paths['/api/v1/audit/verify']['get']['responses'][200]['content']['application/json'];

/** The filters of `GET /audit` (and of its export), kept in the page's URL so a link shares them. */
export const AUDIT_FILTERS = ['since', 'until', 'operator', 'object', 'outcome'] as const;
export type AuditFilterName = (typeof AUDIT_FILTERS)[number];
export type AuditFilters = Partial<Record<AuditFilterName, string>>;

export const FILTER_FIELDS: Record<AuditFilterName, { label: string; description: string; placeholder: string; suggestions?: string[] }> = {
  since: { label: 'Since', description: 'ISO 8601 or a duration ago', placeholder: '1h, 15m, 1d', suggestions: ['15m', '1h', '6h', '1d', '7d', '30d'] },
  until: { label: 'Until', description: 'ISO 8601 or a duration ago', placeholder: '2026-01-31T12:00:00Z' },
  operator: {
    label: 'Operator',
    description: 'Name, admin-token, anonymous',
    placeholder: 'mona',
    suggestions: ['admin-token', 'anonymous'],
  },
  object: { label: 'Object', description: 'Its path, or the start of it', placeholder: '/ingress/trusted-roots' },
  outcome: {
    label: 'Outcome',
    description: 'ok, refused, failed; or a status',
    placeholder: 'refused, 403, 4xx',
    suggestions: ['ok', 'refused', 'failed', '401', '403', '409', '4xx', '5xx'],
  },
};

/** The filters in the URL (`?operator=mona&outcome=refused`). */
export function auditFiltersOf(params: URLSearchParams): AuditFilters {
  const filters: AuditFilters = {};
  for (const name of AUDIT_FILTERS) {
    const value = params.get(name)?.trim();
    if (value) filters[name] = value;
  }
  return filters;
}

/**
 * The name the `operator` filter knows a record's caller by: its operator, `admin-token` or
 * `anonymous`. A web session made from the admin token has none (the console's filter
 * cannot select it): undefined.
 */
export function filterNameOf(who: AuditRecord['who']): string | undefined {
  return who.operator ?? (who.kind === 'admin-token' || who.kind === 'anonymous' ? who.kind : undefined);
}

/** Who, for people: the operator, or "admin token" (directly or through a web session made from it), or "anonymous". */
export function actorName(who: AuditRecord['who']): string {
  return who.operator ?? (who.kind === 'anonymous' ? 'anonymous' : 'admin token');
}

/** `GET /audit/export` with the filters: a plain link, as the session cookie goes with it (no token in a URL). */
export function exportUrl(filters: AuditFilters): string {
  const query = new URLSearchParams(filters as Record<string, string>).toString();
  return `/api/v1/audit/export${query ? `?${query}` : ''}`;
}
