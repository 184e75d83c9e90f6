import { useInfiniteQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState } from 'react';
import { LOGS, queryOf, type Filters, type LogName } from './filters';

/** Records a page asks for (the API's default is 100, at most 1000). */
export const PAGE_SIZE = 100;
/** How often a followed log asks for what came after its newest record. */
export const FOLLOW_INTERVAL_MS = 1000;

export interface LogQuery extends Filters {
  limit?: number;
  cursor?: string;
  after?: number;
}

/** One call of a log's route (openapi-fetch: `data` is there on success, the middleware throws otherwise). */
export type FetchLog<T> = (query: LogQuery, signal?: AbortSignal) => Promise<{ data?: T[] | undefined; response: Response }>;

interface LogPage<T> {
  /** Oldest first, as the API answers. */
  records: T[];
  /** X-Next-Cursor: the page before this one, when older matching records exist. */
  cursor: string | undefined;
}

/** Whether the browser tab is shown (document.visibilityState): following pauses while it is hidden. */
function usePageVisible(): boolean {
  const [visible, setVisible] = useState(() => document.visibilityState !== 'hidden');
  useEffect(() => {
    const onChange = () => setVisible(document.visibilityState !== 'hidden');
    document.addEventListener('visibilitychange', onChange);
    return () => document.removeEventListener('visibilitychange', onChange);
  }, []);
  return visible;
}

/**
 * A log with the filters it takes: the newest page first, older pages with the
 * X-Next-Cursor of the page before (`loadOlder`), and, while `follow` is on and the
 * browser tab is shown, the records after the newest one (`?after=<seq>`) every second.
 * `records` are newest first.
 */
export function useLog<T extends { seq: number }>(log: LogName, filters: Filters, fetchLog: FetchLog<T>, { enabled = true, follow = false } = {}) {
  const query = queryOf(log, filters);
  const key = JSON.stringify(query);
  const pages = useInfiniteQuery({
    // The openapi-react-query key of the route with its query, and 'pages': the prefix ['get', path] is what a change invalidates.
    queryKey: ['get', LOGS[log].path, { params: { query } }, 'pages'],
    queryFn: async ({ pageParam, signal }): Promise<LogPage<T>> => {
      const { data, response } = await fetchLog({ ...query, limit: PAGE_SIZE, ...(pageParam !== undefined && { cursor: pageParam }) }, signal);
      return { records: data ?? [], cursor: response.headers.get('X-Next-Cursor') ?? undefined };
    },
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.cursor,
    enabled,
  });

  // What following brought, oldest first; it belongs to the filters it was fetched with.
  const [live, setLive] = useState<{ key: string; records: T[] }>({ key, records: [] });
  const liveRecords = useMemo(() => (live.key === key ? live.records : []), [live, key]);
  const [followError, setFollowError] = useState<unknown>();

  const records = useMemo(() => {
    const paged = (pages.data?.pages ?? []).flatMap((p) => [...p.records].reverse());
    return [...[...liveRecords].reverse(), ...paged];
  }, [pages.data, liveRecords]);

  const newest = useRef<number | undefined>(undefined);
  newest.current = records.reduce<number | undefined>((max, r) => (max === undefined || r.seq > max ? r.seq : max), undefined);

  const visible = usePageVisible();
  const ready = pages.isSuccess;
  const { refetch } = pages;
  useEffect(() => {
    if (!follow || !visible || !enabled || !ready) return;
    const aborted = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      try {
        const after = newest.current;
        if (after === undefined) {
          // Nothing matched yet: the newest page again.
          await refetch();
        } else {
          const { data } = await fetchLog({ ...(JSON.parse(key) as Filters), after, limit: 1000 }, aborted.signal);
          const fresh = data ?? [];
          if (fresh.length > 0 && !aborted.signal.aborted) {
            setLive((prev) => {
              const kept = prev.key === key ? prev.records : [];
              const known = new Set(kept.map((r) => r.seq));
              return { key, records: [...kept, ...fresh.filter((r) => !known.has(r.seq))] };
            });
          }
        }
        if (!aborted.signal.aborted) setFollowError(undefined);
      } catch (err) {
        if (!aborted.signal.aborted) setFollowError(err);
      }
      if (!aborted.signal.aborted) timer = setTimeout(() => void poll(), FOLLOW_INTERVAL_MS);
    };
    void poll();
    return () => {
      aborted.abort();
      clearTimeout(timer);
    };
  }, [follow, visible, enabled, ready, key, fetchLog, refetch]);

  return {
    records,
    pages,
    hasOlder: pages.hasNextPage,
    loadOlder: () => void pages.fetchNextPage(),
    loadingOlder: pages.isFetchingNextPage,
    following: follow && visible && enabled,
    followError: follow ? followError : undefined,
  };
}
