import { randomBytes } from 'node:crypto';
import { KeystoreRpc } from '@certgate/contracts';
import { RpcClient } from '@certgate/messaging';
import { launchServices, startContainerSuiteNats, type LaunchedSystem, type NatsHarness } from '@certgate/testing';

// The service as its own process, authenticated to a NATS container of this suite's own
// (Testcontainers; the shared NATS_URL where no Docker engine runs).
describe('keystore against a Testcontainers NATS', () => {
  let h: NatsHarness;
  let sys: LaunchedSystem;

  beforeAll(async () => {
    h = await startContainerSuiteNats('keystore');
    sys = await launchServices({ services: ['keystore'], env: { ...h.env, CERTGATE_MASTER_KEY: randomBytes(32).toString('base64url') }, nc: h.nc });
  }, 120_000);

  afterAll(async () => {
    await sys?.stop();
    await h?.stop();
  });

  it('made the tenant system key pair at first start and reports it, then stops with exit code 0', async () => {
    const rpc = new RpcClient(h.nc, h.tenant);
    expect(await rpc.request(KeystoreRpc.systemKeyStatus, {}, { timeoutMs: 10_000 })).toMatchObject({ present: true });
    expect(await sys.stop()).toEqual([{ service: 'keystore', code: 0, signal: null }]);
  });
});
