import { X509Certificate, createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createTestPki, type TestLeaf, type TestPki, checkExchangesAndStop, startSystem, type RunningSystem } from '@certgate/testing';
import { consoleApi, eventually, ingressRequest, senderCall, type IngressResult } from './clients';

type Api = ReturnType<typeof consoleApi>;
type Send = ReturnType<typeof senderCall>;
interface TlsOpts {
  cert?: string;
  key?: string;
}

const tls = (leaf: TestLeaf) => ({ cert: leaf.chainPem, key: leaf.keyPem });
const bearer = (token: string) => ({ headers: { authorization: `Bearer ${token}` } });
const FORM = 'application/x-www-form-urlencoded';

/** `POST /oauth/token` on a fresh TLS connection, as an OAuth client library sends it. */
function tokenRequest(
  port: number,
  ca: string,
  form: Record<string, string>,
  opts: TlsOpts & { headers?: Record<string, string> } = {},
): Promise<IngressResult> {
  return ingressRequest(port, ca, {
    path: '/oauth/token',
    cert: opts.cert,
    key: opts.key,
    headers: { 'content-type': FORM, ...opts.headers },
    body: new URLSearchParams(form).toString(),
  });
}

async function ingressGet(port: number, ca: string, path: string): Promise<{ status: number; body: string }> {
  const res = await ingressRequest(port, ca, { path, method: 'GET' });
  return { status: res.status, body: res.text };
}

const part = (token: string, i: 0 | 1) => JSON.parse(Buffer.from(token.split('.')[i], 'base64url').toString('utf8')) as Record<string, unknown>;
/** RFC 8705 thumbprint, computed here independently of certgate: SHA-256 of the certificate's DER, base64url. */
const x5tS256 = (pem: string) => createHash('sha256').update(new X509Certificate(pem).raw).digest('base64url');

function roleFlow(id: string, role: string) {
  return { id, sender: { address: `/${id}`, authorization: { type: 'role', role } }, steps: [{ type: 'respond', status: 200, body: 'ok ${principal}' }] };
}

async function instance(api: Api, name: string, grant: 'client_x509' | 'client_credentials', roles: string[]): Promise<void> {
  expect((await api('POST', '/service-instances', { name, parameters: { roles, 'grant-types': [grant], 'redirect-uris': [] } })).status).toBe(201);
}

async function secretKey(api: Api, inst: string, key: string): Promise<{ clientid: string; clientsecret: string }> {
  const res = await api<{ clientid: string; clientsecret: string }>('POST', `/service-instances/${inst}/keys`, { name: key, type: 'client-secret' });
  expect(res.status).toBe(201);
  return res.body;
}

async function certificateKey(api: Api, inst: string, key: string, leaf: TestLeaf): Promise<void> {
  expect((await api('POST', `/service-instances/${inst}/keys`, { name: key, type: 'external-certificate', certificate: leaf.certPem })).status).toBe(201);
}

describe('OAuth: tokens from POST /oauth/token pass role flows as Bearer tokens (real NATS, real TLS)', () => {
  let sys: RunningSystem;
  let api: Api;
  let send: Send;
  let ca: string;
  let pki: TestPki;
  let alice: TestLeaf;
  let bob: TestLeaf;
  let cc: { clientid: string; clientsecret: string };
  const token = (form: Record<string, string>, opts?: TlsOpts & { headers?: Record<string, string> }) => tokenRequest(sys.ingressPort, ca, form, opts);
  const ccToken = async () =>
    String((await token({ grant_type: 'client_credentials', client_id: cc.clientid, client_secret: cc.clientsecret })).json.access_token);

  beforeAll(async () => {
    pki = await createTestPki();
    [alice, bob] = await Promise.all([pki.issueClient('alice'), pki.issueClient('bob')]);
    sys = await startSystem('oauth');
    api = consoleApi(sys.consoleUrl, sys.adminToken, sys.exchanges.fetch);
    ca = readFileSync(join(sys.dataDir, 'ingress', 'dev-root-ca.pem'), 'utf8');
    send = senderCall(sys.ingressPort, ca);
    expect((await api('PUT', '/ingress/trusted-roots', { certificates: pki.root.certPem })).status).toBe(200);
    expect((await api('POST', '/roles', { name: 'Role1' })).status).toBe(201);
    expect((await api('POST', '/roles', { name: 'Role2' })).status).toBe(201);
    await instance(api, 'cc', 'client_credentials', ['Role1', 'Role2']);
    cc = await secretKey(api, 'cc', 's1');
    await instance(api, 'x509', 'client_x509', ['Role1']);
    await certificateKey(api, 'x509', 'alice', alice);
    await instance(api, 'x509b', 'client_x509', ['Role1']);
    await certificateKey(api, 'x509b', 'bob', bob);
    expect((await api('PUT', '/flows/orders', roleFlow('orders', 'Role1'))).status).toBe(200);
  }, 120_000);

  afterAll(async () => {
    await checkExchangesAndStop(sys);
  });

  it('client_credentials (form fields) → an RFC 6749 token response with an ES256 JWT carrying the instance roles as scope', async () => {
    const res = await token({ grant_type: 'client_credentials', client_id: cc.clientid, client_secret: cc.clientsecret });
    expect(res.status).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.json).toEqual({ access_token: expect.any(String), token_type: 'Bearer', expires_in: 3600, scope: 'Role1 Role2' });
    const jwt = String(res.json.access_token);
    expect(part(jwt, 0)).toEqual({ alg: 'ES256', typ: 'at+jwt', kid: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/) });
    const claims = part(jwt, 1);
    expect(claims).toMatchObject({
      iss: `urn:certgate:${sys.harness.tenant}`,
      aud: `urn:certgate:${sys.harness.tenant}:flows`,
      sub: cc.clientid,
      client_id: cc.clientid,
      scope: 'Role1 Role2',
      jti: expect.any(String),
    });
    expect(Number(claims.exp) - Number(claims.iat)).toBe(3600);
    expect(claims).not.toHaveProperty('cnf');
  });

  it('the token as Bearer passes a role flow, as the client id; HTTP Basic at the token endpoint works the same', async () => {
    const viaForm = await send('/orders', {}, bearer(await ccToken()));
    expect(viaForm.status).toBe(200);
    expect(viaForm.text).toBe(`ok ${cc.clientid}`);
    const basic = Buffer.from(`${encodeURIComponent(cc.clientid)}:${cc.clientsecret}`).toString('base64');
    const res = await token({ grant_type: 'client_credentials' }, { headers: { authorization: `Basic ${basic}` } });
    expect(res.status).toBe(200);
    expect((await send('/orders', {}, bearer(String(res.json.access_token)))).status).toBe(200);
  });

  it('token endpoint errors in RFC 6749 shape: invalid_client 401, unsupported_grant_type 400, invalid_request 400', async () => {
    const wrong = await token({ grant_type: 'client_credentials', client_id: cc.clientid, client_secret: 'guess' });
    expect(wrong.status).toBe(401);
    expect(wrong.json).toEqual({ error: 'invalid_client', error_description: 'client id or client secret is wrong' });
    expect(wrong.headers['www-authenticate']).toMatch(/^Basic /);
    const grant = await token({ grant_type: 'password', username: 'a', password: 'b' });
    expect(grant.status).toBe(400);
    expect(grant.json).toEqual({
      error: 'unsupported_grant_type',
      error_description: "grant_type 'password' is not supported: use client_credentials or client_x509",
    });
    const missing = await token({ client_id: cc.clientid, client_secret: cc.clientsecret });
    expect(missing.status).toBe(400);
    expect(missing.json.error).toBe('invalid_request');
    const x509WithoutCert = await token({ grant_type: 'client_x509' });
    expect(x509WithoutCert.status).toBe(401);
    expect(x509WithoutCert.json.error_description).toMatch(/needs a client certificate/);
  });

  it('client_x509 over mutual TLS → a token bound to the certificate (cnf.x5t#S256); it passes over that certificate, and is 401 over another one naming the binding', async () => {
    const res = await token({ grant_type: 'client_x509' }, tls(alice));
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ token_type: 'Bearer', scope: 'Role1', expires_in: 3600 });
    const jwt = String(res.json.access_token);
    expect(part(jwt, 1)).toMatchObject({ sub: 'sb-x509!alice', cnf: { 'x5t#S256': x5tS256(alice.certPem) } });

    const same = await send('/orders', tls(alice), bearer(jwt));
    expect(same.status).toBe(200);
    expect(same.text).toBe('ok sb-x509!alice');
    // Bob's certificate would pass the flow on its own: the token still is not his.
    const other = await send('/orders', tls(bob), bearer(jwt));
    expect(other.status).toBe(401);
    expect(other.json).toEqual({ error: 'invalid_token', error_description: 'token is bound to another certificate' });
    expect(other.headers['www-authenticate']).toBe('Bearer error="invalid_token", error_description="token is bound to another certificate"');
    const none = await send('/orders', {}, bearer(jwt));
    expect(none.status).toBe(401);
    expect(none.json.error_description).toMatch(/bound to a client certificate/);
  });

  it('client_x509 with a certificate no client_x509 key holds → 401 invalid_client saying so', async () => {
    const stranger = await pki.issueClient('stranger');
    const res = await token({ grant_type: 'client_x509' }, tls(stranger));
    expect(res.status).toBe(401);
    expect(res.json).toEqual({
      error: 'invalid_client',
      error_description: 'client certificate is not configured in any service key of a client_x509 service instance',
    });
  });

  it('a tampered token → 401 "token signature is invalid"', async () => {
    const [header, payload, signature] = (await ccToken()).split('.');
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    const forged = `${header}.${Buffer.from(JSON.stringify({ ...claims, scope: 'Role1 Admin', exp: claims.exp + 86_400 })).toString('base64url')}.${signature}`;
    const res = await send('/orders', {}, bearer(forged));
    expect(res.status).toBe(401);
    expect(res.json).toEqual({ error: 'invalid_token', error_description: 'token signature is invalid' });
  });

  it('rotation: tokens of the previous key still pass, new tokens carry the new kid, the JWKS lists both', async () => {
    const before = await ccToken();
    const oldKid = String(part(before, 0).kid);
    const rotated = await api<{ active: string; keys: { kid: string; status: string; publishedUntil?: string }[] }>('POST', '/oauth/signing-keys/rotate');
    expect(rotated.status).toBe(200);
    expect(rotated.body.active).not.toBe(oldKid);
    expect(rotated.body.keys.find((k) => k.kid === oldKid)).toMatchObject({ status: 'previous', publishedUntil: expect.any(String) });

    const after = await ccToken();
    expect(part(after, 0).kid).toBe(rotated.body.active);
    const listed = await api<{ active: string; keys: { kid: string }[] }>('GET', '/oauth/signing-keys');
    expect(listed.body.keys.map((k) => k.kid).sort()).toEqual([oldKid, rotated.body.active].sort());
    await eventually(async () => {
      const jwks = JSON.parse((await ingressGet(sys.ingressPort, ca, '/oauth/jwks')).body) as { keys: { kid: string; alg: string; use: string }[] };
      return (
        jwks.keys
          .map((k) => k.kid)
          .sort()
          .join() === [oldKid, rotated.body.active].sort().join()
      );
    }, 2000);
    const jwks = JSON.parse((await ingressGet(sys.ingressPort, ca, '/oauth/jwks')).body) as { keys: Record<string, unknown>[] };
    for (const key of jwks.keys)
      expect(key).toEqual({ kty: 'EC', crv: 'P-256', x: expect.any(String), y: expect.any(String), kid: expect.any(String), alg: 'ES256', use: 'sig' });

    expect((await send('/orders', {}, bearer(before))).status).toBe(200);
    expect((await send('/orders', {}, bearer(after))).status).toBe(200);
  });

  it("deleting the client's service key stops its tokens within a second (a token lives no longer than its client)", async () => {
    await instance(api, 'gone', 'client_credentials', ['Role1']);
    const key = await secretKey(api, 'gone', 's1');
    const res = await token({ grant_type: 'client_credentials', client_id: key.clientid, client_secret: key.clientsecret });
    const jwt = String(res.json.access_token);
    expect((await send('/orders', {}, bearer(jwt))).status).toBe(200);
    expect((await api('DELETE', '/service-instances/gone/keys/s1')).status).toBe(204);
    await eventually(async () => (await send('/orders', {}, bearer(jwt))).status === 401, 1000);
    expect((await send('/orders', {}, bearer(jwt))).json).toEqual({
      error: 'invalid_token',
      error_description: `token was issued to client '${key.clientid}', which no longer exists (its service key or instance was deleted)`,
    });
  });
});

describe('OAuth: an expired token is refused (token TTL 2 s, no clock leeway)', () => {
  let sys: RunningSystem;

  beforeAll(async () => {
    sys = await startSystem('oauth-ttl', { CERTGATE_OAUTH_TOKEN_TTL_SECONDS: '2', CERTGATE_OAUTH_CLOCK_LEEWAY_SECONDS: '0' });
  }, 120_000);

  afterAll(async () => {
    await checkExchangesAndStop(sys);
  });

  it('→ 401 invalid_token "token has expired" once its lifetime has passed', async () => {
    const api = consoleApi(sys.consoleUrl, sys.adminToken, sys.exchanges.fetch);
    const ca = readFileSync(join(sys.dataDir, 'ingress', 'dev-root-ca.pem'), 'utf8');
    expect((await api('POST', '/roles', { name: 'Role1' })).status).toBe(201);
    await instance(api, 'cc', 'client_credentials', ['Role1']);
    const key = await secretKey(api, 'cc', 's1');
    expect((await api('PUT', '/flows/orders', roleFlow('orders', 'Role1'))).status).toBe(200);
    const res = await tokenRequest(sys.ingressPort, ca, { grant_type: 'client_credentials', client_id: key.clientid, client_secret: key.clientsecret });
    expect(res.json.expires_in).toBe(2);
    const jwt = String(res.json.access_token);
    // Wait until the token's own exp has passed (a bounded wait, not a timed assertion).
    const expiresAtMs = Number(part(jwt, 1).exp) * 1000;
    await new Promise((r) => setTimeout(r, Math.max(0, expiresAtMs - Date.now()) + 1000));
    const expired = await senderCall(sys.ingressPort, ca)('/orders', {}, bearer(jwt));
    expect(expired.status).toBe(401);
    expect(expired.json).toEqual({ error: 'invalid_token', error_description: 'token has expired' });
  });
});
