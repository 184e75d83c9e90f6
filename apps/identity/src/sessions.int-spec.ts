import { createHash } from 'node:crypto';
import type { INestMicroservice } from '@nestjs/common';
import type { KV } from 'nats';
import { Buckets, OperatorsKv, OperatorsRpc, storedSessionSchema } from '@certgate/contracts';
import { ensureKv, RpcClient } from '@certgate/messaging';
import { startNatsHarness, type NatsHarness } from '@certgate/testing';
import { SessionsService } from './app/operators/sessions.service';
import { startIdentityReplica } from './test-support/identity-replica';

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

describe('identity, web console sessions (real NATS, two replicas)', () => {
  let h: NatsHarness;
  let rpc: RpcClient;
  let kv: KV;
  const replicas: INestMicroservice[] = [];

  beforeAll(async () => {
    h = await startNatsHarness({ label: 'identity-sessions' });
    rpc = new RpcClient(h.nc, h.tenant);
    replicas.push(...(await Promise.all([startIdentityReplica(h, 's1'), startIdentityReplica(h, 's2')])));
    kv = await ensureKv(h.nc, h.tenant, Buckets.operators);
  }, 60_000);

  afterAll(async () => {
    for (const app of replicas) await app.close().catch(() => undefined);
    await h?.stop();
  });

  const create = (expiresInSeconds: number, roles: ('admin' | 'developer')[] = ['developer']) =>
    rpc.request(OperatorsRpc.createSession, {
      via: 'oidc',
      operator: 'olga',
      roles,
      secretSha256: sha256('the secret'),
      csrfSha256: sha256('the csrf token'),
      expiresInSeconds,
    });
  const stored = async (id: string) => {
    const entry = await kv.get(OperatorsKv.session(id));
    return entry?.operation === 'PUT' ? storedSessionSchema.parse(entry.json()) : undefined;
  };

  it('keeps a session under session.<id> with hashes only, and answers it without them', async () => {
    const before = Date.now();
    const session = await create(3600);
    expect(session).toEqual({
      id: expect.stringMatching(/^[0-9a-f]{32}$/),
      via: 'oidc',
      operator: 'olga',
      roles: ['developer'],
      createdAt: expect.any(String),
      expiresAt: expect.any(String),
    });
    expect(Date.parse(session.expiresAt) - before).toBeGreaterThanOrEqual(3_600_000 - 1_000);
    expect(await stored(session.id)).toEqual({ ...session, secretSha256: sha256('the secret'), csrfSha256: sha256('the csrf token') });
    expect((await create(3600)).id).not.toBe(session.id);
  });

  it('deletes a session on sign-out; deleting it again is no error', async () => {
    const session = await create(3600);
    await rpc.request(OperatorsRpc.deleteSession, { id: session.id });
    expect(await stored(session.id)).toBeUndefined();
    await expect(rpc.request(OperatorsRpc.deleteSession, { id: session.id })).resolves.toBeUndefined();
  });

  it('refuses a session with hashes that are not SHA-256, or a lifetime over 30 days', async () => {
    await expect(
      rpc.request(OperatorsRpc.createSession, { via: 'token', roles: ['admin'], secretSha256: 'plain', csrfSha256: sha256('c'), expiresInSeconds: 60 }),
    ).rejects.toMatchObject({
      code: 'validation_failed',
    });
    await expect(create(31 * 86_400)).rejects.toMatchObject({ code: 'validation_failed' });
  });

  it('sweeps expired sessions away, on two replicas at once without harm, and leaves the others', async () => {
    const short = await create(0.2);
    const long = await create(3600);
    await new Promise((r) => setTimeout(r, 300));
    const removed = await Promise.all(replicas.map((app) => app.get(SessionsService).sweep()));
    expect(removed.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(1);
    expect(await stored(short.id)).toBeUndefined();
    expect(await stored(long.id)).toBeDefined();
  });
});
