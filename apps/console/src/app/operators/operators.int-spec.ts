import { randomBytes } from 'node:crypto';
import {
  ExchangeRecorder,
  freePort,
  launchServices,
  operatorWithToken,
  startNatsHarness,
  untilConsoleUp,
  type LaunchedSystem,
  type NatsHarness,
} from '@certgate/testing';

const ADMIN = randomBytes(24).toString('base64url');

interface Answer<T = Record<string, unknown>> {
  status: number;
  body: T;
}

describe('operators, API tokens and roles (identity and two console replicas as processes, real NATS)', () => {
  let h: NatsHarness;
  const systems: LaunchedSystem[] = [];
  let apiA: string;
  let apiB: string;
  const exchanges = new ExchangeRecorder('console-operators');

  const call = async <T = Record<string, unknown>>(api: string, method: string, path: string, token: string, body?: unknown): Promise<Answer<T>> => {
    const res = await exchanges.fetch(`${api}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body !== undefined && { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, body: (text ? JSON.parse(text) : {}) as T };
  };
  const admin = <T = Record<string, unknown>>(method: string, path: string, body?: unknown) => call<T>(apiA, method, path, ADMIN, body);

  const withToken = (name: string, roles: string[], tokenBody: Record<string, unknown> = {}) => operatorWithToken(admin, name, roles, tokenBody);

  beforeAll(async () => {
    h = await startNatsHarness({ label: 'console-operators' });
    const [portA, portB] = [await freePort(), await freePort()];
    apiA = `http://127.0.0.1:${portA}/api/v1`;
    apiB = `http://127.0.0.1:${portB}/api/v1`;
    const env = { ...h.env, CERTGATE_MASTER_KEY: randomBytes(32).toString('base64url'), CERTGATE_ADMIN_TOKEN: ADMIN, LOG_LEVEL: 'warn' };
    systems.push(
      await launchServices({ services: ['identity', 'console'], nc: h.nc, env, envOf: { console: { CONSOLE_PORT: String(portA) } }, readyTimeoutMs: 60_000 }),
    );
    systems.push(await launchServices({ services: ['console'], nc: h.nc, env, envOf: { console: { CONSOLE_PORT: String(portB) } }, readyTimeoutMs: 60_000 }));
    await untilConsoleUp(apiA, ADMIN);
    await untilConsoleUp(apiB, ADMIN);
    await exchanges.loadDocument(apiA);
  }, 120_000);

  afterAll(async () => {
    try {
      for (const s of systems) await s.stop();
      await h?.stop();
    } finally {
      if (systems.length) exchanges.verify();
    }
  });

  it('a monitor reads what its role grants and gets 403 on a write, naming the permission and the roles that grant it', async () => {
    const { token } = await withToken('mona', ['monitor']);
    expect(token).toMatch(new RegExp(`^cgt\\.${h.tenant}\\.[0-9a-f]{16}\\.`));
    expect((await call(apiA, 'GET', '/health', token)).status).toBe(200);
    expect((await call(apiB, 'GET', '/me', token)).body).toMatchObject({ kind: 'operator', operator: 'mona', roles: ['monitor'] });

    const refused = await call(apiB, 'POST', '/roles', token, { name: 'MonaRole' });
    expect(refused).toEqual({
      status: 403,
      body: {
        error: 'forbidden',
        message: 'this operation needs the permission roles:write, which the roles admin, security grant; this token has monitor',
        details: { permission: 'roles:write', roles: ['admin', 'security'] },
      },
    });
    expect((await call(apiA, 'GET', '/operators', token)).status).toBe(403);
    expect((await call(apiA, 'POST', '/operators/mona/tokens', token, {})).status).toBe(403);
  });

  it('a developer reads roles but cannot trust a root or change roles; its token shows when it was last used', async () => {
    const { token, id } = await withToken('dev', ['developer'], { description: 'ci pipeline', expiresInDays: 7 });
    expect((await call(apiA, 'GET', '/roles', token)).status).toBe(200);
    const root = await call(apiB, 'POST', '/ingress/trusted-roots', token, { certificates: '-----BEGIN CERTIFICATE-----' });
    expect(root.status).toBe(403);
    expect(root.body.message).toMatch(/needs the permission trusted-roots:write, which the roles admin, security grant; this token has developer/);
    expect((await call(apiB, 'POST', '/roles', token, { name: 'DevRole' })).status).toBe(403);

    let tokens: Answer<{ id: string; lastUsedAt?: string; description?: string }[]>;
    do {
      tokens = await admin('GET', '/operators/dev/tokens');
    } while (!tokens.body[0]?.lastUsedAt && (await new Promise((r) => setTimeout(r, 50))) === undefined);
    expect(tokens.body).toEqual([expect.objectContaining({ id, operator: 'dev', description: 'ci pipeline', lastUsedAt: expect.any(String) })]);
    expect(JSON.stringify(tokens.body)).not.toContain(token.split('.')[3]);
  });

  it('a revoked token is refused by both replicas within a second, saying it was revoked', async () => {
    const { token, id } = await withToken('rev', ['developer']);
    for (const api of [apiA, apiB]) expect((await call(api, 'GET', '/roles', token)).status).toBe(200);
    const revokedAt = Date.now();
    const revoked = await admin<{ revokedAt?: string }>('POST', `/api-tokens/${id}/revoke`);
    expect(revoked.status).toBe(200);
    expect(revoked.body.revokedAt).toEqual(expect.any(String));
    const inForce: number[] = [];
    for (const api of [apiA, apiB]) {
      let answer: Answer;
      do answer = await call(api, 'GET', '/roles', token);
      while (answer.status === 200 && Date.now() - revokedAt < 5_000);
      inForce.push(Date.now() - revokedAt);
      expect(answer.status).toBe(401);
      expect(answer.body.message).toMatch(new RegExp(`the API token ${id} was revoked at`));
    }
    process.stdout.write(`revocation in force on both replicas after ${Math.max(...inForce)} ms\n`);
    expect(Math.max(...inForce)).toBeLessThan(5_000);
  });

  it('refuses a token of another tenant, an unknown one, an expired one and one of a disabled or deleted operator, each saying which', async () => {
    const { token } = await withToken('erin', ['monitor']);
    const [, , id, secret] = token.split('.');
    const other = await call(apiA, 'GET', '/health', `cgt.other-tenant.${id}.${secret}`);
    expect(other).toMatchObject({
      status: 401,
      body: { error: 'unauthorized', message: `the API token is for tenant 'other-tenant'; this console serves tenant '${h.tenant}'` },
    });
    expect((await call(apiA, 'GET', '/health', `cgt.${h.tenant}.0000000000000000.${secret}`)).body.message).toBe('the API token is not known to this tenant');

    const short = await withToken('sam', ['monitor'], { expiresAt: new Date(Date.now() + 1500).toISOString() });
    expect((await call(apiA, 'GET', '/health', short.token)).status).toBe(200);
    await new Promise((r) => setTimeout(r, 1600));
    expect((await call(apiA, 'GET', '/health', short.token)).body.message).toMatch(/expired at/);

    expect((await admin('PATCH', '/operators/erin', { enabled: false })).status).toBe(200);
    let answer: Answer;
    do answer = await call(apiB, 'GET', '/health', token);
    while (answer.status === 200);
    expect(answer.body.message).toMatch(/belongs to a disabled operator/);

    expect((await admin('DELETE', '/operators/erin')).status).toBe(204);
    expect((await admin('GET', '/operators/erin')).status).toBe(404);
    do answer = await call(apiA, 'GET', '/health', token);
    while (!/revoked/.test(String(answer.body.message)));
    expect(answer.status).toBe(401);
  });

  it('refuses bad input with a 400 naming the field, and a second operator of the same name with 409', async () => {
    expect((await admin('POST', '/operators', { name: 'bad name', roles: ['monitor'] })).status).toBe(400);
    expect((await admin('POST', '/operators', { name: 'norole', roles: ['root'] })).status).toBe(400);
    expect((await admin('POST', '/operators', { name: 'empty', roles: [] })).body.message).toMatch(/at least one role/);
    expect((await admin('POST', '/operators', { name: 'mona', roles: ['monitor'] })).body).toMatchObject({ error: 'operator_exists' });
    expect((await admin('POST', '/operators/mona/tokens', { expiresAt: '2020-01-01T00:00:00Z' })).body.message).toMatch(/must be in the future/);
    expect((await admin('POST', '/api-tokens/0123456789abcdef/revoke')).body).toMatchObject({ error: 'token_not_found' });
  });
});
