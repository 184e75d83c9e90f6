import type { INestMicroservice } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { healthContract } from '@certgate/contracts';
import { HealthResponder, listenOnNats, NATS_CONNECTION, RpcClient } from '@certgate/messaging';
import { startNatsHarness, type NatsHarness } from '@certgate/testing';
import type { NatsConnection } from 'nats';
import { OpsServer } from './ops-server';
import { PlatformModule } from './platform.module';
import { SERVICE_ENV, SERVICE_NAME } from './tokens';
import type { BaseEnv } from './env';

/**
 * METRICS_PORT=0 lets the OS pick the port; OpsServer.port tells which one it bound.
 * Needs NATS (PlatformModule connects): uses the harness' unique tenant.
 */
describe('OpsServer via PlatformModule.forService("keystore")', () => {
  let h: NatsHarness;
  let app: INestMicroservice;
  let base: string;

  beforeAll(async () => {
    h = await startNatsHarness({ label: 'ops-server' });
    const env = { ...process.env, ...h.env, METRICS_PORT: '0', METRICS_HOST: '127.0.0.1', CERTGATE_NODE_ID: 'ops-n1', LOG_LEVEL: 'silent' };
    app = await listenOnNats(await Test.createTestingModule({ imports: [PlatformModule.forService('keystore', undefined, env)] }).compile());
    const port = app.get(OpsServer).port;
    if (!port) throw new Error('OpsServer did not report the port it bound');
    base = `http://127.0.0.1:${port}`;
  });

  afterAll(async () => {
    await app?.close();
    await h?.stop();
  });

  it('provides the parsed environment and the service name', () => {
    const env = app.get<BaseEnv>(SERVICE_ENV);
    expect(app.get(SERVICE_NAME)).toBe('keystore');
    expect(env.CERTGATE_TENANT).toBe(h.tenant);
    expect(env.METRICS_PORT).toBe(0);
    expect(app.get(OpsServer)).toBeInstanceOf(OpsServer);
    expect(app.get(OpsServer).port).toBeGreaterThan(0);
  });

  it('GET /health → 200 JSON with service keystore, the node id and nats up', async () => {
    const res = await fetch(`${base}/health`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/json');
    const body = (await res.json()) as Record<string, unknown>;
    expect(body).toMatchObject({ service: 'keystore', nodeId: 'ops-n1', status: 'up', checks: { nats: { status: 'up' } } });
  });

  it('GET /health with a query string still routes to /health', async () => {
    const res = await fetch(`${base}/health?probe=liveness`);
    expect(res.status).toBe(200);
    await res.arrayBuffer();
  });

  it('the same health is answered over NATS in the tenant (keystore.health.v1)', async () => {
    const reply = await new RpcClient(h.nc, h.tenant).request(healthContract('keystore'), {});
    expect(reply).toMatchObject({ service: 'keystore', nodeId: 'ops-n1' });
  });

  it('GET /metrics → Prometheus text with process_cpu_user_seconds_total labelled service="keystore"', async () => {
    const res = await fetch(`${base}/metrics`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
    const text = await res.text();
    expect(text).toContain('# TYPE process_cpu_user_seconds_total counter');
    expect(text).toMatch(/^process_cpu_user_seconds_total\{[^}]*service="keystore"[^}]*\} \d/m);
    expect(text).toMatch(/^process_cpu_user_seconds_total\{[^}]*node="ops-n1"[^}]*\} /m);
  });

  it('an unknown path → 404 JSON naming the path', async () => {
    const res = await fetch(`${base}/nope`);
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ error: 'not_found', message: 'no route /nope' });
  });

  it('a down check → GET /health 503 with status degraded', async () => {
    const responder = app.get(HealthResponder);
    responder.register('test-check', () => ({ status: 'down', message: 'broken on purpose' }));
    try {
      const res = await fetch(`${base}/health`);
      expect(res.status).toBe(503);
      expect(await res.json()).toMatchObject({ status: 'degraded', checks: { 'test-check': { status: 'down', message: 'broken on purpose' } } });
    } finally {
      responder.register('test-check', () => ({ status: 'up' }));
    }
  });

  it('a closed NATS connection shows as degraded (503) on /health', async () => {
    // last test of the file: it closes the service's connection
    const nc = app.get<NatsConnection>(NATS_CONNECTION);
    await nc.close();
    const res = await fetch(`${base}/health`);
    expect(res.status).toBe(503);
    expect(await res.json()).toMatchObject({ status: 'degraded', checks: { nats: { status: 'down', message: 'connection closed' } } });
  });
});

describe('OpsServer shutdown', () => {
  it('closing the app closes the ops port', async () => {
    const h = await startNatsHarness({ label: 'ops-server-close' });
    try {
      const env = { ...process.env, ...h.env, METRICS_PORT: '0', LOG_LEVEL: 'silent', CERTGATE_NODE_ID: 'ops-n2' };
      const app = await listenOnNats(await Test.createTestingModule({ imports: [PlatformModule.forService('keystore', undefined, env)] }).compile());
      const ops = app.get(OpsServer);
      const port = ops.port;
      expect(port).toBeGreaterThan(0);
      const res = await fetch(`http://127.0.0.1:${port}/health`);
      expect(res.status).toBe(200);
      await res.arrayBuffer();
      await app.close();
      expect(ops.port).toBeUndefined();
      await expect(fetch(`http://127.0.0.1:${port}/health`)).rejects.toThrow();
    } finally {
      await h.stop();
    }
  });
});
