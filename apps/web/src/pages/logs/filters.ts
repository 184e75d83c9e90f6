import type { paths } from '../../api/schema';

export type AccessRecord = paths['/api/v1/logs/access']['get']['responses'][200]['content']['application/json'][number];
export type TraceRecord = paths['/api/v1/logs/trace']['get']['responses'][200]['content']['application/json'][number];
export type MessageRecord = paths['/api/v1/message-logs']['get']['responses'][200]['content']['application/json'][number];

export type LogName = 'access' | 'trace' | 'messages';
export const LOG_NAMES: LogName[] = ['access', 'trace', 'messages'];

/** Every filter of the log API; each log takes some of them (a filter it does not take is a 400 there). */
export const FILTER_NAMES = ['since', 'until', 'requestId', 'status', 'who', 'address', 'flowId'] as const;
export type FilterName = (typeof FILTER_NAMES)[number];
export type Filters = Partial<Record<FilterName, string>>;

export interface LogInfo {
  label: string;
  path: '/api/v1/logs/access' | '/api/v1/logs/trace' | '/api/v1/message-logs';
  filters: readonly FilterName[];
  description: string;
}

export const LOGS: Record<LogName, LogInfo> = {
  access: {
    label: 'Access log',
    path: '/api/v1/logs/access',
    filters: ['since', 'until', 'requestId', 'status', 'who', 'address'],
    description: 'Every HTTP request the ingress replicas answered, with the client id of the sender (who) and the status.',
  },
  trace: {
    label: 'Trace log',
    path: '/api/v1/logs/trace',
    filters: ['since', 'until', 'requestId'],
    description: 'Every refusal with its reason: certificates that did not verify, unknown clients, missing roles.',
  },
  messages: {
    label: 'Message processing log',
    path: '/api/v1/message-logs',
    filters: ['since', 'until', 'requestId', 'status', 'who', 'address', 'flowId'],
    description: 'One record per message a flow handled: its flow, principal, outcome and status.',
  },
};

export const isLogName = (s: string | null): s is LogName => s !== null && (LOG_NAMES as string[]).includes(s);

/** The filters in the page's URL (`?status=4xx&who=…`): a link to the page shares them (never the token). */
export function filtersOf(params: URLSearchParams): Filters {
  const filters: Filters = {};
  for (const name of FILTER_NAMES) {
    const value = params.get(name)?.trim();
    if (value) filters[name] = value;
  }
  return filters;
}

/** The filters a log takes, as its query parameters. */
export function queryOf(log: LogName, filters: Filters): Filters {
  const query: Filters = {};
  for (const name of LOGS[log].filters) if (filters[name] !== undefined) query[name] = filters[name];
  return query;
}

/** The filters set that a log does not take (shown, not sent). */
export const notApplying = (log: LogName, filters: Filters) => FILTER_NAMES.filter((n) => filters[n] !== undefined && !LOGS[log].filters.includes(n));

export const FILTER_LABELS: Record<FilterName, string> = {
  since: 'Since',
  until: 'Until',
  requestId: 'Request id',
  status: 'Status',
  who: 'Who',
  address: 'Address',
  flowId: 'Flow id',
};

/** `2026-03-01T14:05:09.123Z` → `2026-03-01 14:05:09.123` (UTC, as the logs have it). */
export function logTime(iso: string): string {
  return iso.length >= 23 ? `${iso.slice(0, 10)} ${iso.slice(11, 23)}` : iso;
}
