import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AccessLogRecord } from '@certgate/contracts';
import { createTestPki, type TestLeaf, type TestPki, checkExchangesAndStop, startSystem, type RunningSystem } from '@certgate/testing';
import { consoleApi, eventually, senderCall, type IngressResult } from './clients';

type Api = ReturnType<typeof consoleApi>;
type Send = ReturnType<typeof senderCall>;
const tls = (leaf: TestLeaf) => ({ cert: leaf.chainPem, key: leaf.keyPem });
const ACCESS_LINE = (who: string, path: string, status: number) =>
  new RegExp(
    `^127\\.0\\.0\\.1 - ${who.replace(/[.@]/g, '\\$&')} \\[\\d{2}/[A-Z][a-z]{2}/\\d{4}:\\d{2}:\\d{2}:\\d{2} \\+0000\\] POST ${path} HTTP/1\\.1 ${status}$`,
  );

describe('classic mode: certificate-to-user mappings, users and groups (CERTGATE_MODE=classic, real NATS, real TLS)', () => {
  let sys: RunningSystem;
  let api: Api;
  let send: Send;
  let pki: TestPki;

  beforeAll(async () => {
    pki = await createTestPki();
    sys = await startSystem('classic', { CERTGATE_MODE: 'classic' });
    api = consoleApi(sys.consoleUrl, sys.adminToken, sys.exchanges.fetch);
    send = senderCall(sys.ingressPort, readFileSync(join(sys.dataDir, 'ingress', 'dev-root-ca.pem'), 'utf8'));
    expect((await api('PUT', '/ingress/trusted-roots', { certificates: pki.root.certPem })).status).toBe(200);
    expect((await api('POST', '/roles', { name: 'Role1' })).status).toBe(201);
    const orders = {
      id: 'orders',
      sender: { address: '/orders', authorization: { type: 'role', role: 'Role1' } },
      steps: [{ type: 'respond', status: 200, body: 'ok ${principal}' }],
    };
    expect((await api('PUT', '/flows/orders', orders)).status).toBe(200);
  }, 120_000);

  afterAll(async () => {
    await checkExchangesAndStop(sys);
  });

  const accessLine = async (res: IngressResult): Promise<string> => {
    const requestId = String(res.headers['x-request-id']);
    const find = async () => (await api<AccessLogRecord[]>('GET', '/logs/access?limit=1000')).body.find((r) => r.requestId === requestId)?.line;
    await eventually(async () => (await find()) !== undefined, 3000);
    return (await find()) ?? '';
  };

  async function mapTo(user: string, leaf: TestLeaf): Promise<string> {
    const res = await api<{ id: string; user: string; certificate: { fingerprint: string; subjectDN: string } }>('POST', '/certificate-user-mappings', {
      user,
      certificate: leaf.certPem,
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      id: leaf.certificate.fingerprint,
      user,
      certificate: { fingerprint: leaf.certificate.fingerprint, subjectDN: leaf.certificate.subjectDN },
    });
    return res.body.id;
  }

  it('mapping → user with the role directly → role flow 200, and the access log line shows the user name', async () => {
    const alice = await pki.issueClient('alice');
    await mapTo('alice', alice);
    const roles = await api('PUT', '/users/alice/roles', { roles: ['Role1'] });
    expect(roles).toMatchObject({ status: 200, body: { name: 'alice', roles: ['Role1'], effectiveRoles: ['Role1'] } });
    // No restart: the runtime's identity watch takes the mapping and the role within a second.
    await eventually(async () => (await send('/orders', tls(alice))).status === 200, 1000);
    const res = await send('/orders', tls(alice));
    expect(res.status).toBe(200);
    expect(res.text).toBe('ok alice');
    expect(await accessLine(res)).toMatch(ACCESS_LINE('alice', '/http/orders', 200));
  });

  it('a role through a group → 200 as the user; GET /users shows where the role comes from', async () => {
    const bob = await pki.issueClient('bob');
    await mapTo('bob@acme.com', bob);
    const group = await api('POST', '/groups', { name: 'buyers', roles: ['Role1'], users: ['bob@acme.com'] });
    expect(group).toMatchObject({ status: 201, body: { name: 'buyers', roles: ['Role1'], users: ['bob@acme.com'] } });
    await eventually(async () => (await send('/orders', tls(bob))).status === 200, 1000);
    const res = await send('/orders', tls(bob));
    expect(res.text).toBe('ok bob@acme.com');
    expect(await accessLine(res)).toMatch(ACCESS_LINE('bob@acme.com', '/http/orders', 200));

    const users = await api<{ name: string; roles: string[]; groups: string[]; effectiveRoles: string[] }[]>('GET', '/users');
    expect(users.status).toBe(200);
    expect(users.body.find((u) => u.name === 'bob@acme.com')).toMatchObject({ roles: [], groups: ['buyers'], effectiveRoles: ['Role1'] });
    expect(users.body.map((u) => u.name)).toEqual(expect.arrayContaining(['alice', 'bob@acme.com']));
  });

  it('a verified certificate without a mapping → 401 invalid_client "not mapped"', async () => {
    const carol = await pki.issueClient('carol');
    const res = await send('/orders', tls(carol));
    expect(res.status).toBe(401);
    expect(res.json).toEqual({ error: 'invalid_client', error_description: 'client certificate is not mapped to any user (no certificate-to-user mapping)' });
  });

  it('a flow listing subject DN + issuer DN works without any service key and without any mapping', async () => {
    const dave = await pki.issueClient('dave');
    const flow = {
      id: 'by-dn',
      sender: {
        address: '/by-dn',
        authorization: { type: 'client-certificate', certificates: [{ subjectDN: dave.certificate.subjectDN, issuerDN: dave.certificate.issuerDN }] },
      },
      steps: [{ type: 'respond', status: 200, body: 'dn ok' }],
    };
    expect((await api('PUT', '/flows/by-dn', flow)).status).toBe(200);
    expect((await api<unknown[]>('GET', '/service-instances')).body).toEqual([]);
    expect((await api<unknown[]>('GET', '/certificate-user-mappings?user=dave')).body).toEqual([]);
    await eventually(async () => (await send('/by-dn', tls(dave))).status === 200, 1000);
    const ok = await send('/by-dn', tls(dave));
    expect(ok.text).toBe('dn ok');
    // Unmapped, so the access log names the certificate as <CN>@<issuer CN> (design §3), not by its full DN.
    expect(await accessLine(ok)).toMatch(ACCESS_LINE(`dave@${dave.certificate.issuerCN}`, '/http/by-dn', 200));
    expect((await send('/by-dn', tls(await pki.issueClient('not-dave')))).status).toBe(403);
  });

  it('deleting the mapping makes the next request fail within one second; the user and its roles stay', async () => {
    const erin = await pki.issueClient('erin');
    const id = await mapTo('erin', erin);
    expect((await api('PUT', '/users/erin/roles', { roles: ['Role1'] })).status).toBe(200);
    await eventually(async () => (await send('/orders', tls(erin))).status === 200, 1000);

    expect((await api('DELETE', `/certificate-user-mappings/${id}`)).status).toBe(204);
    await eventually(async () => (await send('/orders', tls(erin))).status === 401, 1000);
    const res = await send('/orders', tls(erin));
    expect(res.json.error_description).toMatch(/not mapped to any user/);
    expect((await api('GET', `/certificate-user-mappings/${id}`)).status).toBe(404);
    expect((await api('GET', '/users/erin')).body).toMatchObject({ roles: ['Role1'], mappings: [] });
  });

  it('a second mapping of the same certificate → 409 naming the user it is mapped to', async () => {
    const frank = await pki.issueClient('frank');
    await mapTo('frank', frank);
    const res = await api<{ error: string; message: string; details: Record<string, unknown> }>('POST', '/certificate-user-mappings', {
      user: 'mallory',
      certificate: frank.certPem,
    });
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ error: 'certificate_in_use', details: { user: 'frank', id: frank.certificate.fingerprint } });
    expect(res.body.message).toContain("already mapped to user 'frank'");
  });

  it('the API refuses bad input in the design shape: a chain, unknown roles, a role in use', async () => {
    const chain = await api<{ error: string; message: string }>('POST', '/certificate-user-mappings', {
      user: 'x',
      certificate: (await pki.issueClient('chained')).chainPem,
    });
    expect(chain).toMatchObject({
      status: 400,
      body: { error: 'certificate_is_chain', message: expect.stringContaining('not a chain'), details: { field: 'certificate' } },
    });
    const noBody = await api<{ error: string }>('POST', '/groups', { name: 'g', roles: 'Role1' });
    expect(noBody).toMatchObject({ status: 400, body: { error: 'validation_failed' } });
    const ghost = await api<{ message: string; details: unknown }>('PUT', '/users/alice/roles', { roles: ['Role1', 'Ghost'] });
    expect(ghost).toMatchObject({ status: 400, body: { error: 'role_unknown', details: { field: 'roles[1]', role: 'Ghost', roles: ['Ghost'] } } });
    expect(ghost.body.message).toContain("'Ghost'");
    const inUse = await api<{ error: string; message: string }>('DELETE', '/roles/Role1');
    expect(inUse).toMatchObject({ status: 409, body: { error: 'role_in_use' } });
    expect(inUse.body.message).toContain("user(s) 'alice'");
    expect(inUse.body.message).toContain("group(s) 'buyers'");
  });

  it('the OpenAPI document describes the classic routes from their schemas', async () => {
    const doc = (await (await fetch(sys.consoleUrl.replace('/api/v1', '/api/docs-json'))).json()) as {
      paths: Record<string, Record<string, { requestBody?: { content: Record<string, { schema: { properties?: Record<string, unknown> } }> } }>>;
    };
    const body = (path: string, method: string) => Object.keys(doc.paths[path]?.[method]?.requestBody?.content['application/json']?.schema.properties ?? {});
    expect(body('/api/v1/certificate-user-mappings', 'post')).toEqual(['user', 'certificate']);
    expect(body('/api/v1/users/{user}/roles', 'put')).toEqual(['roles']);
    expect(body('/api/v1/groups', 'post')).toEqual(['name', 'roles', 'users']);
    expect(body('/api/v1/groups/{name}', 'put')).toEqual(['roles', 'users']);
    expect(doc.paths['/api/v1/certificate-user-mappings/{id}']).toHaveProperty('delete');
  });
});
