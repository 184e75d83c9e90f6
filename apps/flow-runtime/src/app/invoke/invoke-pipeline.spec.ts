import { createHash } from 'node:crypto';
import { PrincipalDirectory, type SystemKeyState } from '@certgate/authz';
import { IdentityKv, clientIdOf, type DeployedFlow, type FlowDefinition, type InvokeRequest, type TlsClient } from '@certgate/contracts';
import { buildFlowIndex } from '../state/flow-index';
import { NormalizedDnCache } from './dn-cache';
import { testSigner, type TestSigner } from '../../test-support/token-signer';
import { thumbprintOf } from './credential';
import { handleInvoke, type InvokeDeps, type InvokeOutcome, type ReceiverCall, type ReceiverCaller, type ReceiverResult } from './invoke-pipeline';
import { TokenVerifier } from './token-verifier';

const FP = 'a'.repeat(64);
const OTHER_FP = 'b'.repeat(64);
const SECRET = 's3cret';
const at = '2025-01-01T00:00:00.000Z';

function directory(): PrincipalDirectory {
  const dir = new PrincipalDirectory();
  dir.apply(IdentityKv.instance('x509'), {
    name: 'x509',
    parameters: { roles: ['Role1'], 'grant-types': ['client_x509'], 'redirect-uris': [] },
    createdAt: at,
  });
  dir.apply(IdentityKv.instance('basic'), {
    name: 'basic',
    parameters: { roles: ['Role1'], 'grant-types': ['client_credentials'], 'redirect-uris': [] },
    createdAt: at,
  });
  dir.apply(IdentityKv.key('x509', 'k1'), {
    instance: 'x509',
    name: 'k1',
    type: 'external-certificate',
    clientid: clientIdOf('x509', 'k1'),
    certificate: { pem: 'x', fingerprint: FP, subjectDN: 'CN=alice,O=Acme', issuerDN: 'CN=CA,O=Acme', serialNumber: '1', notBefore: at, notAfter: at },
    createdAt: at,
  });
  dir.apply(IdentityKv.key('basic', 'k2'), {
    instance: 'basic',
    name: 'k2',
    type: 'client-secret',
    clientid: clientIdOf('basic', 'k2'),
    secretHash: createHash('sha256').update(SECRET).digest('hex'),
    createdAt: at,
  });
  return dir;
}

function deployed(definition: FlowDefinition, certificateMatchers: DeployedFlow['certificateMatchers'] = []): DeployedFlow {
  return { definition, certificateMatchers, deployedAt: at };
}

const flows = buildFlowIndex([
  deployed({
    id: 'orders',
    sender: { address: '/orders', authorization: { type: 'role', role: 'Role1' } },
    steps: [{ type: 'respond', status: 201, body: 'ok ${principal}' }],
  }),
  deployed({ id: 'admin', sender: { address: '/admin', authorization: { type: 'role', role: 'Admin' } }, steps: [] }),
  deployed(
    {
      id: 'dn',
      sender: { address: '/dn', authorization: { type: 'client-certificate', certificates: [{ subjectDN: 'cn=ALICE, o=acme', issuerDN: 'CN=ca,O=ACME' }] } },
      steps: [],
    },
    [{ normalizedSubjectDN: 'cn=alice,o=acme', normalizedIssuerDN: 'cn=ca,o=acme', subjectDN: 'cn=ALICE, o=acme', issuerDN: 'CN=ca,O=ACME' }],
  ),
  deployed({
    id: 'relay',
    sender: { address: '/relay', authorization: { type: 'role', role: 'Role1' } },
    steps: [
      { type: 'set-header', name: 'X-Order', value: 'for ${principal}' },
      { type: 'set-header', name: 'Authorization', value: '${header.authorization}' },
    ],
    receiver: { url: 'https://r.example/in', authentication: { type: 'client-certificate', privateKeyAlias: 'tenant' } },
  }),
  deployed({
    id: 'rewrite',
    sender: { address: '/rewrite', authorization: { type: 'role', role: 'Role1' } },
    steps: [{ type: 'respond', status: 200, body: 'from ${principal}: ${body}' }],
    receiver: { url: 'https://r.example/in', authentication: { type: 'none' } },
  }),
]);

/** Records each call and answers with `result`. */
function fakeReceiver(result: ReceiverResult = { ok: true, status: 200, headers: {}, body: Buffer.alloc(0) }): ReceiverCaller & { calls: ReceiverCall[] } {
  const calls: ReceiverCall[] = [];
  return { calls, call: (c) => (calls.push(c), Promise.resolve(result)) };
}

function deps(overrides: Partial<InvokeDeps> = {}): InvokeDeps {
  return {
    flowAt: (address) => flows.get(address),
    principals: directory(),
    tokens: { check: () => Promise.reject(new Error('no token expected')) },
    systemKey: (): SystemKeyState => ({ alias: 'sys', present: true, valid: true }),
    mode: 'standard',
    dnCache: new NormalizedDnCache(),
    receiver: { call: () => Promise.reject(new Error('no receiver call expected')) },
    ...overrides,
  };
}

function request(address: string, tls: TlsClient, headers: InvokeRequest['headers'] = {}, body = ''): InvokeRequest {
  return {
    requestId: 'r1',
    nodeId: 'ingress-1',
    method: 'POST',
    address,
    query: '',
    headers,
    body: Buffer.from(body),
    clientAddress: '127.0.0.1',
    tls,
  };
}

const alice: TlsClient = { status: 'verified', fingerprint: FP, subjectDN: 'CN=alice,O=Acme', issuerDN: 'CN=CA,O=Acme' };
const json = (body: Buffer) => JSON.parse(body.toString('utf8'));

/** The synchronous answer, which every request without a first-seen Bearer token gets. */
function run(req: InvokeRequest, d: InvokeDeps): InvokeOutcome {
  const out = handleInvoke(req, d);
  if (out instanceof Promise) throw new Error('expected a synchronous answer');
  return out;
}

describe('handleInvoke', () => {
  it('unknown address: 404 in the OAuth error shape, outcome not_found, no flow', () => {
    const out = run(request('/nope', alice), deps());
    expect(out).toMatchObject({ outcome: 'not_found', error: "no flow is deployed at address '/nope'" });
    expect(out.flowId).toBeUndefined();
    expect(out.response.status).toBe(404);
    expect(json(out.response.body)).toEqual({ error: 'not_found', error_description: "no flow is deployed at address '/nope'" });
  });

  it('unknown address, a credential that does not authenticate: the same 401 a deployed flow gives (no enumeration)', () => {
    const auth = (secret: string) => ({ Authorization: `Basic ${Buffer.from(`sb-basic!k2:${secret}`).toString('base64')}` });
    const atFlow = run(request('/orders', { status: 'none' }, auth('guess')), deps());
    const atNothing = run(request('/nope', { status: 'none' }, auth('guess')), deps());
    expect(atNothing.response).toEqual(atFlow.response);
    expect(atNothing).toMatchObject({
      outcome: 'not_found',
      error: expect.stringMatching(/^no flow is deployed at address '\/nope'; answered 401, as every flow would/),
    });
    // Whoever authenticates learns the address is free; no credential at all is the ingress' to answer.
    expect(run(request('/nope', { status: 'none' }, auth(SECRET)), deps()).response.status).toBe(404);
    expect(run(request('/nope', { status: 'none' }), deps()).response.status).toBe(404);
  });

  it('an allowed certificate runs the steps and names the principal', () => {
    const out = run(request('/orders', alice), deps());
    expect(out).toMatchObject({ outcome: 'completed', flowId: 'orders', principal: 'sb-x509!k1' });
    expect(out.response).toMatchObject({ status: 201, principal: 'sb-x509!k1', headers: { 'content-type': 'text/plain; charset=utf-8' } });
    expect(out.response.body.toString()).toBe('ok sb-x509!k1');
  });

  it('a missing role: 403 naming it, with the denial and the (authenticated) principal', () => {
    const out = run(request('/admin', alice), deps());
    expect(out.response).toMatchObject({
      status: 403,
      principal: 'sb-x509!k1',
      denial: { reason: 'missing_role', description: "'sb-x509!k1' does not have role 'Admin'" },
    });
    expect(json(out.response.body)).toEqual({ error: 'forbidden', error_description: "'sb-x509!k1' does not have role 'Admin'" });
    expect(out).toMatchObject({ outcome: 'denied', flowId: 'admin', error: "'sb-x509!k1' does not have role 'Admin'" });
  });

  it('an unknown certificate: 401 invalid_client and no principal', () => {
    const out = run(request('/orders', { ...alice, fingerprint: OTHER_FP }), deps());
    expect(out.response.status).toBe(401);
    expect(out.response.principal).toBeUndefined();
    expect(json(out.response.body)).toEqual({
      error: 'invalid_client',
      error_description: 'client certificate is not configured in any service key of a client_x509 service instance',
    });
  });

  it('basic credentials: the right secret passes, a wrong one is 401 without a principal', () => {
    const auth = (secret: string) => ({ Authorization: `Basic ${Buffer.from(`sb-basic!k2:${secret}`).toString('base64')}` });
    expect(run(request('/orders', { status: 'none' }, auth(SECRET)), deps()).response).toMatchObject({ status: 201, principal: 'sb-basic!k2' });
    const wrong = run(request('/orders', { status: 'none' }, auth('guess')), deps());
    expect(wrong.response).toMatchObject({ status: 401, denial: { reason: 'wrong_secret' } });
    expect(wrong.response.principal).toBeUndefined();
  });

  it('DN entries are compared in normalized form, and only flows with DN entries normalize at all', () => {
    const dnCache = new NormalizedDnCache();
    expect(run(request('/orders', alice), deps({ dnCache })).response.status).toBe(201);
    expect(dnCache.size).toBe(0);
    expect(run(request('/dn', alice), deps({ dnCache })).response).toMatchObject({ status: 200, principal: 'sb-x509!k1' });
    expect(dnCache.size).toBe(1);
  });

  it('the system key state is read per request', () => {
    let valid = true;
    const d = deps({ systemKey: () => ({ alias: 'sys', present: true, valid }) });
    expect(run(request('/orders', alice), d).response.status).toBe(201);
    valid = false;
    expect(run(request('/orders', alice), d).response).toMatchObject({ status: 401, denial: { reason: 'certificate_auth_disabled' } });
  });

  describe('flows with a receiver', () => {
    it("the steps run on the sender's message, which then goes to the receiver; its answer comes back", async () => {
      const receiver = fakeReceiver({ ok: true, status: 202, headers: { 'content-type': 'text/plain', 'x-receiver': 'r1' }, body: Buffer.from('accepted') });
      const pending = handleInvoke(
        request('/relay', alice, { 'content-type': 'application/json', 'x-other': 'not forwarded' }, '{"order":7}'),
        deps({ receiver }),
      );
      expect(pending).toBeInstanceOf(Promise);
      const out = await pending;
      expect(receiver.calls).toHaveLength(1);
      const [call] = receiver.calls;
      expect(call).toMatchObject({
        requestId: 'r1',
        method: 'POST',
        receiver: { url: 'https://r.example/in', authentication: { type: 'client-certificate', privateKeyAlias: 'tenant' } },
      });
      expect(call.message.body.toString()).toBe('{"order":7}');
      // The sender's content type and what the steps set; the sender's other headers stay behind.
      expect(call.message.headers).toEqual({ 'content-type': 'application/json', 'x-order': 'for sb-x509!k1', authorization: '' });
      expect(out).toMatchObject({ outcome: 'completed', flowId: 'relay', principal: 'sb-x509!k1' });
      expect(out.error).toBeUndefined();
      expect(out.response).toMatchObject({ status: 202, principal: 'sb-x509!k1', headers: { 'content-type': 'text/plain', 'x-receiver': 'r1' } });
      expect(out.response.body.toString()).toBe('accepted');
    });

    it('respond replaces the body sent on, as text unless a step chose a content type', async () => {
      const receiver = fakeReceiver();
      await handleInvoke(request('/rewrite', alice, { 'content-type': 'application/json' }, '{"a":1}'), deps({ receiver }));
      expect(receiver.calls[0].message.body.toString()).toBe('from sb-x509!k1: {"a":1}');
      expect(receiver.calls[0].message.headers).toEqual({ 'content-type': 'text/plain; charset=utf-8' });
    });

    it('a failed call: 502 receiver_failed naming the cause, also in the MPL error', async () => {
      const reason = "no key pair with alias 'tenant' in the keystore";
      const out = await handleInvoke(request('/relay', alice), deps({ receiver: fakeReceiver({ ok: false, error: reason }) }));
      expect(out).toMatchObject({ outcome: 'failed', flowId: 'relay', principal: 'sb-x509!k1', error: reason });
      expect(out.response).toMatchObject({ status: 502, principal: 'sb-x509!k1' });
      expect(json(out.response.body)).toEqual({ error: 'receiver_failed', error_description: reason });
    });

    it("the receiver's error status is relayed as it came and marks the message failed", async () => {
      const out = await handleInvoke(
        request('/relay', alice),
        deps({ receiver: fakeReceiver({ ok: true, status: 503, headers: {}, body: Buffer.from('busy') }) }),
      );
      expect(out).toMatchObject({ outcome: 'failed', error: 'the receiver answered with status 503' });
      expect(out.response.status).toBe(503);
      expect(out.response.body.toString()).toBe('busy');
    });

    it('a sender that is not allowed never reaches the receiver', () => {
      const receiver = fakeReceiver();
      expect(run(request('/relay', { status: 'none' }), deps({ receiver })).response.status).toBe(401);
      expect(receiver.calls).toHaveLength(0);
    });
  });

  it('mixed-case header names are read, and a duplicated authorization header is refused', () => {
    const auth = `Basic ${Buffer.from(`sb-basic!k2:${SECRET}`).toString('base64')}`;
    expect(run(request('/orders', { status: 'none' }, { AUTHORIZATION: auth }), deps()).response.status).toBe(201);
    const twice = run(request('/orders', { status: 'none' }, { authorization: auth, Authorization: auth }), deps());
    expect(twice.response).toMatchObject({ status: 401, denial: { reason: 'malformed_credential' } });
  });

  describe('Bearer tokens', () => {
    let signer: TestSigner;
    let d: InvokeDeps;
    const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

    beforeAll(async () => {
      signer = await testSigner('t1');
    });

    beforeEach(() => {
      const tokens = new TokenVerifier(
        { keyFor: (kid) => (kid === signer.kid ? signer.publicKey : undefined) },
        { issuer: 'urn:certgate:t1', audience: 'urn:certgate:t1:flows', leewaySeconds: 0 },
      );
      d = deps({ tokens });
    });

    it('a valid token passes a role flow as its subject: verified once, then answered synchronously', async () => {
      const token = await signer.sign();
      const first = handleInvoke(request('/orders', { status: 'none' }, bearer(token)), d);
      expect(first).toBeInstanceOf(Promise);
      expect((await first).response).toMatchObject({ status: 201, principal: 'sb-basic!k2' });
      expect(run(request('/orders', { status: 'none' }, bearer(token)), d)).toMatchObject({ outcome: 'completed', principal: 'sb-basic!k2' });
    });

    it('a refused token: 401 invalid_token saying which, also in WWW-Authenticate (RFC 6750)', async () => {
      const out = await handleInvoke(request('/orders', { status: 'none' }, bearer(await signer.sign({ exp: Math.floor(Date.now() / 1000) - 5 }))), d);
      expect(out.response).toMatchObject({
        status: 401,
        headers: { 'www-authenticate': 'Bearer error="invalid_token", error_description="token has expired"' },
        denial: { reason: 'token_expired', description: 'token has expired' },
      });
      expect(json(out.response.body)).toEqual({ error: 'invalid_token', error_description: 'token has expired' });
      expect(out.response.principal).toBeUndefined();
    });

    it('a certificate-bound token passes over its certificate, and is 401 over another one', async () => {
      const token = await signer.sign({ sub: 'sb-x509!k1', cnf: { 'x5t#S256': thumbprintOf(FP) } });
      expect((await handleInvoke(request('/orders', alice, bearer(token)), d)).response).toMatchObject({ status: 201, principal: 'sb-x509!k1' });
      const other = run(request('/orders', { ...alice, fingerprint: OTHER_FP }, bearer(token)), d);
      expect(other.response).toMatchObject({ status: 401, denial: { reason: 'token_binding_mismatch', description: 'token is bound to another certificate' } });
    });

    it('an unexpected failure while verifying is a 500 refusal, never a pass', async () => {
      const broken = deps({ tokens: { check: () => Promise.reject(new Error('boom')) } });
      await expect(handleInvoke(request('/orders', { status: 'none' }, bearer('a.b.c')), broken)).rejects.toThrow('boom');
    });
  });
});
