import { Agent, request } from 'node:https';

export interface TimedResponse {
  /** When the request was sent and its response ended (ms since the epoch). */
  start: number;
  end: number;
  /** HTTP status; -1 when the connection failed. */
  status: number;
  /** First characters of the body, to print what a failure said. */
  body: string;
}

/**
 * One sender calling one ingress address back to back over its own keep-alive
 * connection until stopped, keeping every response with its timing: the steady
 * traffic a fault test runs while it breaks NATS.
 */
export class RequestLoop {
  readonly responses: TimedResponse[] = [];
  private running = true;
  private readonly agent: Agent;
  private loop?: Promise<void>;

  constructor(
    readonly label: string,
    private readonly port: number,
    private readonly address: string,
    tls: { ca: string; cert?: string; key?: string },
  ) {
    this.agent = new Agent({ keepAlive: true, maxSockets: 1, ...tls });
  }

  start(): this {
    this.loop = (async () => {
      while (this.running) this.responses.push(await this.call());
    })();
    return this;
  }

  async stop(): Promise<void> {
    this.running = false;
    await this.loop;
    this.agent.destroy();
  }

  /** Responses to requests sent in [from, to). */
  sentBetween(from: number, to = Infinity): TimedResponse[] {
    return this.responses.filter((r) => r.start >= from && r.start < to);
  }

  private call(): Promise<TimedResponse> {
    const start = Date.now();
    return new Promise((resolve) => {
      const req = request({ host: '127.0.0.1', port: this.port, path: `/http${this.address}`, method: 'POST', agent: this.agent }, (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (body += c));
        res.on('end', () => resolve({ start, end: Date.now(), status: res.statusCode ?? 0, body: body.slice(0, 160) }));
      });
      req.on('error', (err) => resolve({ start, end: Date.now(), status: -1, body: err.message }));
      req.end();
    });
  }
}

/** `{ "200": 812, "503": 4 }`: how a list of responses ended. */
export function statusCounts(responses: { status: number }[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const r of responses) counts[r.status] = (counts[r.status] ?? 0) + 1;
  return counts;
}

/** One line per response, relative to `t0`, for a test's printout of failures. */
export function describeResponses(responses: TimedResponse[], t0: number, max = 20): string {
  const lines = responses.slice(0, max).map((r) => `  +${r.start - t0} ms → ${r.status} after ${r.end - r.start} ms ${r.body}`);
  if (responses.length > max) lines.push(`  … and ${responses.length - max} more`);
  return lines.join('\n');
}
