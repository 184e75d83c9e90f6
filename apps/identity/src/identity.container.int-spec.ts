import { IdentityRpc } from '@certgate/contracts';
import { RpcClient } from '@certgate/messaging';
import { launchServices, startContainerSuiteNats, type LaunchedSystem, type NatsHarness } from '@certgate/testing';

// The service as its own process, authenticated to a NATS container of this suite's own
// (Testcontainers; the shared NATS_URL where no Docker engine runs).
describe('identity against a Testcontainers NATS', () => {
  let h: NatsHarness;
  let sys: LaunchedSystem;

  beforeAll(async () => {
    h = await startContainerSuiteNats('identity');
    sys = await launchServices({ services: ['identity'], env: h.env, nc: h.nc });
  }, 120_000);

  afterAll(async () => {
    await sys?.stop();
    await h?.stop();
  });

  it('creates a role and reads it back over NATS, then stops with exit code 0', async () => {
    const rpc = new RpcClient(h.nc, h.tenant);
    await rpc.request(IdentityRpc.createRole, { name: 'Role1', description: 'container suite' }, { timeoutMs: 10_000 });
    expect(await rpc.request(IdentityRpc.getRole, { name: 'Role1' })).toMatchObject({ name: 'Role1', description: 'container suite' });
    expect(await sys.stop()).toEqual([{ service: 'identity', code: 0, signal: null }]);
  });
});
