import { IdentityKv } from '@certgate/contracts';
import type { TestPki } from '@certgate/testing';
import type { consoleApi } from './clients';

type Api = ReturnType<typeof consoleApi>;

export interface AdminWrite {
  kind: 'role' | 'service-key';
  /** Where the write is read back: `/roles/<name>` or `/service-instances/<instance>/keys/<name>`. */
  path: string;
  /** The key it lands on in the identity bucket. */
  kvKey: string;
  start: number;
  end: number;
  /** HTTP status; -1 when the console could not be reached. */
  status: number;
  /** What a failed write said (empty on success). */
  error: string;
}

/**
 * An operator writing through the console back to back until stopped: a new role, then
 * a service key with a fresh certificate on one of `instances` (in turn, so no instance
 * reaches the limit of keys per instance), and so on. Every write keeps its
 * status, so a test can check that each acknowledged (2xx) one is still there later.
 */
export class AdminWriter {
  readonly writes: AdminWrite[] = [];
  private running = true;
  private loop?: Promise<void>;

  constructor(
    private readonly api: Api,
    private readonly pki: TestPki,
    private readonly instances: readonly string[],
    private readonly prefix: string,
  ) {}

  start(): this {
    this.loop = (async () => {
      for (let i = 0; this.running; i++) this.writes.push(i % 2 === 0 ? await this.role(i) : await this.key(i));
    })();
    return this;
  }

  async stop(): Promise<void> {
    this.running = false;
    await this.loop;
  }

  acknowledged(): AdminWrite[] {
    return this.writes.filter((w) => w.status >= 200 && w.status < 300);
  }

  /** Acknowledged writes the console cannot read back (status other than 200). */
  async lost(): Promise<{ write: AdminWrite; readStatus: number }[]> {
    const lost: { write: AdminWrite; readStatus: number }[] = [];
    for (const write of this.acknowledged()) {
      const read = await this.api('GET', write.path);
      if (read.status !== 200) lost.push({ write, readStatus: read.status });
    }
    return lost;
  }

  private async role(i: number): Promise<AdminWrite> {
    const name = `${this.prefix}-role-${i}`;
    return this.timed('role', `/roles/${name}`, IdentityKv.role(name), () => this.api('POST', '/roles', { name }));
  }

  private async key(i: number): Promise<AdminWrite> {
    const name = `${this.prefix}-key-${i}`;
    const instance = this.instances[(i >> 1) % this.instances.length];
    const leaf = await this.pki.issueClient(name);
    return this.timed('service-key', `/service-instances/${instance}/keys/${name}`, IdentityKv.key(instance, name), () =>
      this.api('POST', `/service-instances/${instance}/keys`, { name, type: 'external-certificate', certificate: leaf.certPem }),
    );
  }

  private async timed(kind: AdminWrite['kind'], path: string, kvKey: string, write: () => Promise<{ status: number; body: unknown }>): Promise<AdminWrite> {
    const start = Date.now();
    const { status, error } = await write().then(
      (r) => ({ status: r.status, error: r.status < 300 ? '' : JSON.stringify(r.body).slice(0, 200) }),
      (err: Error) => ({ status: -1, error: err.message }),
    );
    return { kind, path, kvKey, start, end: Date.now(), status, error };
  }
}
