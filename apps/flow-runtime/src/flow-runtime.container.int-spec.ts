import { FlowsRpc, RuntimeRpc, type InvokeResponse } from '@certgate/contracts';
import { RpcClient } from '@certgate/messaging';
import { launchServices, startContainerSuiteNats, type LaunchedSystem, type NatsHarness } from '@certgate/testing';
import { KvFixtures } from './test-support/kv-fixtures';

// The service as its own process, authenticated to a NATS container of this suite's own
// (Testcontainers; the shared NATS_URL where no Docker engine runs).
describe('flow-runtime against a Testcontainers NATS', () => {
  let h: NatsHarness;
  let sys: LaunchedSystem;

  beforeAll(async () => {
    h = await startContainerSuiteNats('flow-runtime');
    sys = await launchServices({ services: ['flow-runtime'], env: h.env, nc: h.nc });
  }, 120_000);

  afterAll(async () => {
    await sys?.stop();
    await h?.stop();
  });

  it('deploys a role flow and refuses a request without credentials with 401, then stops with exit code 0', async () => {
    const rpc = new RpcClient(h.nc, h.tenant);
    const definition = {
      id: 'orders',
      sender: { address: '/orders', authorization: { type: 'role' as const, role: 'Role1' } },
      steps: [{ type: 'respond' as const, status: 200, body: 'ok' }],
    };
    // A role channel can only be deployed once its role exists (identity would have written it).
    await (await KvFixtures.open(h.nc, h.tenant)).putRole('Role1');
    await rpc.request(FlowsRpc.put, { id: 'orders', definition }, { timeoutMs: 10_000 });
    const invoke = (): Promise<InvokeResponse> =>
      rpc.request(RuntimeRpc.invoke, {
        requestId: 'container-suite-1',
        nodeId: 'container-suite',
        method: 'POST',
        address: '/orders',
        headers: {},
        clientAddress: '127.0.0.1',
        tls: { status: 'none' },
      });
    // The flow reaches the runtime's cache through a KV watch: 404 until it has.
    let res = await invoke();
    for (let i = 0; res.status === 404 && i < 100; i++) res = await new Promise((r) => setTimeout(r, 50)).then(invoke);
    expect(res.status).toBe(401);
    expect(res.denial?.description).toBe('no client certificate and no credentials were sent');
    expect(await sys.stop()).toEqual([{ service: 'flow-runtime', code: 0, signal: null }]);
  });
});
