import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, launchServices, startContainerSuiteNats, type LaunchedSystem, type NatsHarness } from '@certgate/testing';

function post(port: number, ca: string, path: string): Promise<{ status: number; body: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method: 'POST', agent: false, ca }, (res) => {
      let text = '';
      res.on('data', (c) => (text += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) }));
    });
    req.on('error', reject);
    req.end();
  });
}

// The ingress and a flow runtime as their own processes, authenticated to a NATS container
// of this suite's own (Testcontainers; the shared NATS_URL where no Docker engine runs).
describe('ingress against a Testcontainers NATS', () => {
  let h: NatsHarness;
  let sys: LaunchedSystem;
  let dir: string;
  let port: number;

  beforeAll(async () => {
    h = await startContainerSuiteNats('ingress');
    dir = mkdtempSync(join(tmpdir(), 'certgate-ingress-tc-'));
    port = await freePort();
    sys = await launchServices({
      services: ['ingress', 'flow-runtime'],
      nc: h.nc,
      env: h.env,
      envOf: {
        ingress: {
          INGRESS_PORT: String(port),
          CERTGATE_DATA_DIR: dir,
          CERTGATE_LOG_DIR: join(dir, 'logs'),
          CERTGATE_MASTER_KEY: randomBytes(32).toString('hex'),
          // The runtime's own 404, not the 401 a caller without credentials gets by default.
          INGRESS_UNAUTHENTICATED_NOT_FOUND: 'reveal',
        },
      },
    });
  }, 120_000);

  afterAll(async () => {
    await sys?.stop();
    await h?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('forwards a request over TLS through NATS to the runtime (no flow there: 404), then both stop with exit code 0', async () => {
    const ca = readFileSync(join(dir, 'ingress', 'dev-root-ca.pem'), 'utf8');
    expect(await post(port, ca, '/http/nowhere')).toMatchObject({ status: 404, body: { error: 'not_found' } });
    expect(await sys.stop()).toEqual([
      { service: 'ingress', code: 0, signal: null },
      { service: 'flow-runtime', code: 0, signal: null },
    ]);
  });
});
