import type { ConnectionFacts } from '../tls/connection';

/** One request on its way through the ingress; the access log line is written from it. */
export interface RequestContext {
  requestId: string;
  /** When the request arrived (the access log's timestamp). */
  time: Date;
  /** `performance.now()` at arrival, for durations. */
  startedAt: number;
  connection: ConnectionFacts;
  method: string;
  /** Path with query string, as received. */
  target: string;
  /** Set from the runtime's reply: who the request ran as. */
  principal?: string;
}
