import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { collectDefaultMetrics, Registry } from 'prom-client';
import { DEFAULT_METRICS_PORTS, type ServiceName } from '@certgate/contracts';
import { HealthResponder } from '@certgate/messaging';
import { SERVICE_ENV, SERVICE_NAME } from './tokens';
import type { BaseEnv } from './env';

/**
 * The operator's side door of every service: Prometheus text at `/metrics` and a
 * probe at `/health` (200 up, 503 degraded) on METRICS_PORT. A plain http server,
 * so services without an HTTP API need no web framework.
 */
@Injectable()
export class OpsServer implements OnApplicationBootstrap, OnApplicationShutdown {
  readonly registry = new Registry();
  private server?: Server;
  private readonly logger = new Logger('ops');

  constructor(
    @Inject(SERVICE_NAME) private readonly service: ServiceName,
    @Inject(SERVICE_ENV) private readonly env: BaseEnv,
    private readonly health: HealthResponder,
  ) {
    this.registry.setDefaultLabels({ service, node: env.CERTGATE_NODE_ID });
    collectDefaultMetrics({ register: this.registry });
  }

  async onApplicationBootstrap(): Promise<void> {
    const port = this.env.METRICS_PORT ?? DEFAULT_METRICS_PORTS[this.service];
    const server = createServer((req, res) => {
      void this.route(req.url ?? '/').then(({ status, type, body }) => {
        res.writeHead(status, { 'content-type': type });
        res.end(body);
      });
    });
    this.server = server;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject).listen(port, this.env.METRICS_HOST, resolve);
    });
    this.logger.log({ msg: 'ops endpoint listening', port: this.port });
  }

  /** The bound port (METRICS_PORT=0 lets the OS choose, as tests do). */
  get port(): number | undefined {
    return (this.server?.address() as AddressInfo | null)?.port;
  }

  private async route(url: string): Promise<{ status: number; type: string; body: string }> {
    const path = url.split('?')[0];
    if (path === '/metrics') return { status: 200, type: this.registry.contentType, body: await this.registry.metrics() };
    if (path === '/health') {
      const report = await this.health.report();
      return { status: report.status === 'up' ? 200 : 503, type: 'application/json', body: JSON.stringify(report) };
    }
    return { status: 404, type: 'application/json', body: JSON.stringify({ error: 'not_found', message: `no route ${path}` }) };
  }

  async onApplicationShutdown(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
