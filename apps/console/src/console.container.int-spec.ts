import { randomBytes } from 'node:crypto';
import { freePort, launchServices, startContainerSuiteNats, type LaunchedSystem, type NatsHarness } from '@certgate/testing';

// The service as its own process, authenticated to a NATS container of this suite's own
// (Testcontainers; the shared NATS_URL where no Docker engine runs).
describe('console against a Testcontainers NATS', () => {
  let h: NatsHarness;
  let sys: LaunchedSystem;
  let port: number;
  const token = randomBytes(24).toString('base64url');

  beforeAll(async () => {
    h = await startContainerSuiteNats('console');
    port = await freePort();
    sys = await launchServices({ services: ['console'], nc: h.nc, env: { ...h.env, CONSOLE_PORT: String(port), CERTGATE_ADMIN_TOKEN: token } });
  }, 120_000);

  afterAll(async () => {
    await sys?.stop();
    await h?.stop();
  });

  it('answers GET /api/v1/health with the replicas it found over NATS, then stops with exit code 0', async () => {
    const res = await fetch(`http://127.0.0.1:${port}/api/v1/health`, { headers: { authorization: `Bearer ${token}` } });
    const body = (await res.json()) as { services: Record<string, { replicas: { nodeId: string }[] }> };
    expect(body.services.console.replicas.map((r) => r.nodeId)).toEqual([sys.services[0].nodeId]);
    expect(await sys.stop()).toEqual([{ service: 'console', code: 0, signal: null }]);
  });
});
