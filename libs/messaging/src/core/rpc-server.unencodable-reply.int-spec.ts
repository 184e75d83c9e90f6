import { z } from 'zod';
import { CertgateError, rpcContract } from '@certgate/contracts';
import { startNatsHarness, type NatsHarness } from '@certgate/testing';
import { RpcClient } from './rpc-client';
import { serveRpc } from './rpc-server';

/**
 * Kept in a file of its own: the bug it pins makes serveRpc leave an unhandled promise
 * rejection behind (encodeJson throws inside `.then(...)`; Jest reports it against
 * this test), which must not disturb the other RPC tests.
 */
describe('serveRpc: a handler result that cannot be encoded as JSON', () => {
  let h: NatsHarness;
  beforeAll(async () => {
    h = await startNatsHarness({ label: 'rpc-unencodable' });
  });

  afterAll(async () => {
    await h?.stop();
  });

  it('regression: is answered with internal_error (not left unanswered → timeout, with an unhandled rejection that would crash a service)', async () => {
    const contract = rpcContract('test.bigint.v1', z.object({}), z.object({ serial: z.bigint() }));
    const sub = serveRpc(h.nc, contract, () => ({ serial: 12345678901234567890n }), { tenant: h.tenant });
    try {
      const outcome = await new RpcClient(h.nc, h.tenant).request(contract, {}, { timeoutMs: 1500 }).then(
        () => undefined,
        (err: unknown) => err as CertgateError,
      );
      expect(outcome).toBeInstanceOf(CertgateError);
      expect(outcome?.code).toBe('internal_error');
    } finally {
      await sub.drain();
    }
  });
});
