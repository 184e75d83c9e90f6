import { useEffect, useRef, useState } from 'react';
import { useApi } from '../../api/ApiProvider';
import { toApiError } from '../../api/errors';
import type { paths } from '../../api/schema';
import { readSse } from './sse';

export type Alert = paths['/api/v1/alerts']['get']['responses'][200]['content']['application/json'][number];

export type FeedState = 'connecting' | 'live' | 'reconnecting' | 'paused' | 'failed';

/** How long to wait before reconnecting after the n-th failure in a row: 1 s, 2 s, 4 s … 30 s. */
const backoff = (n: number) => Math.min(30_000, 1000 * 2 ** Math.max(0, n - 1));

/**
 * The live alert feed: `GET /alerts/watch` (Server-Sent Events) read through the API
 * client — fetch and a stream reader, like every call, so its refusals are ApiErrors
 * (a 401 signs out) and it goes with the session cookie as the others do. It resumes
 * after the last event seen (`?since=<id>`) when the stream ends or fails, with a
 * growing wait; a 4xx other than a lost connection stops it (a 401 signs out anyway).
 */
export function useAlertFeed({ paused, onAlert }: { paused: boolean; onAlert: (alert: Alert, seq: string | undefined) => void }) {
  const { api } = useApi();
  const [state, setState] = useState<FeedState>('connecting');
  const [error, setError] = useState<unknown>();
  const lastId = useRef<string | undefined>(undefined);
  const handler = useRef(onAlert);
  useEffect(() => {
    handler.current = onAlert;
  }, [onAlert]);

  useEffect(() => {
    if (paused) {
      setState('paused');
      return;
    }
    const abort = new AbortController();
    const { signal } = abort;
    let failures = 0;
    const sleep = (ms: number) =>
      new Promise<void>((resolve) => {
        const t = setTimeout(resolve, ms);
        signal.addEventListener('abort', () => {
          clearTimeout(t);
          resolve();
        });
      });

    void (async () => {
      while (!signal.aborted) {
        setState(failures === 0 ? 'connecting' : 'reconnecting');
        try {
          const since = lastId.current;
          const { data } = await api.GET('/api/v1/alerts/watch', {
            params: { query: since !== undefined && /^\d+$/.test(since) ? { since: Number(since) } : {} },
            parseAs: 'stream',
            signal,
          });
          if (!data) throw new Error('the console answered the alert stream without a body');
          for await (const event of readSse(data, signal)) {
            if (event.id !== undefined) lastId.current = event.id;
            if (event.event === 'ready') {
              failures = 0;
              setError(undefined);
              setState('live');
            } else if (event.event === 'alert') {
              try {
                handler.current(JSON.parse(event.data) as Alert, event.id);
              } catch {
                // A frame that is not an alert's JSON: skip it, the next one counts.
              }
            }
          }
          // The console ended the stream (a restart, a rolling update): resume after the last event.
          if (signal.aborted) return;
          failures = Math.max(failures, 1);
        } catch (err) {
          if (signal.aborted) return;
          const e = toApiError(err);
          setError(e);
          if (e.status >= 400 && e.status < 500) {
            setState('failed');
            return;
          }
          failures++;
        }
        setState('reconnecting');
        await sleep(backoff(failures));
      }
    })();
    return () => abort.abort();
  }, [api, paused]);

  return { state, error };
}
