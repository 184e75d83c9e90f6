import { useInfiniteQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useApi } from '../../api/ApiProvider';
import type { AuditFilters, AuditRecord } from './audit';

/** Records a page asks for (the API's default; at most 1000). */
export const PAGE_SIZE = 100;

interface AuditPage {
  /** Oldest first, as the API answers. */
  records: AuditRecord[];
  /** X-Next-Cursor: the page before this one, when older matching records exist. */
  cursor: string | undefined;
}

/** The audit records matching `filters`, newest first: the newest page, then older ones with the cursor of the page before. */
export function useAuditPages(filters: AuditFilters) {
  const { api } = useApi();
  const pages = useInfiniteQuery({
    // Under openapi-react-query's ['get', path] prefix, so anything that invalidates the route reaches it.
    queryKey: ['get', '/api/v1/audit', { params: { query: filters } }, 'pages'],
    queryFn: async ({ pageParam, signal }): Promise<AuditPage> => {
      const { data, response } = await api.GET('/api/v1/audit', {
        params: { query: { ...filters, limit: PAGE_SIZE, ...(pageParam !== undefined && { cursor: pageParam }) } },
        signal,
      });
      return { records: data ?? [], cursor: response.headers.get('X-Next-Cursor') ?? undefined };
    },
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.cursor,
  });
  const records = useMemo(() => (pages.data?.pages ?? []).flatMap((p) => [...p.records].reverse()), [pages.data]);
  return { pages, records, hasOlder: pages.hasNextPage, loadOlder: () => void pages.fetchNextPage(), loadingOlder: pages.isFetchingNextPage };
}
