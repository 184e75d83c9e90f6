import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CLIENT_CA_ALIAS, ErrorCode, HTTP_STATUS_OF, type AccessLogRecord, type MplRecord } from '@certgate/contracts';
import { createTestPki, type TestLeaf, type TestPki, checkExchangesAndStop, startSystem, type RunningSystem } from '@certgate/testing';
import { eventually, ingressRequest, senderCall } from './clients';

const tls = (leaf: TestLeaf) => ({ cert: leaf.chainPem, key: leaf.keyPem });
const PUBLIC_URL = 'https://certgate.example.com:9443/';

interface Answer<T = unknown> {
  status: number;
  body: T;
  headers: Headers;
}

type ErrorAnswer = { error: string; message: string; details?: Record<string, unknown> };
type RootView = { fingerprint: string; subjectDN: string; notBefore: string; notAfter: string; source: string };

/**
 * The admin API of issue 16 end to end (the five services as processes, real NATS, real
 * TLS senders): domain error codes, trusted roots as entries, flows refused up front, log
 * queries, unknown query parameters, service-key endpoints.
 */
describe('admin API: error codes, trusted roots as entries, flow references, log queries, query parameters', () => {
  let sys: RunningSystem;
  let ca: string;
  let pkiA: TestPki;
  let pkiB: TestPki;
  let envPki: TestPki;

  /** `outsideApi`: a path that is no route of the API on purpose (checked to have no operation in the OpenAPI document). */
  const call = async <T = unknown>(method: string, path: string, body?: unknown, raw?: string, outsideApi = false): Promise<Answer<T>> => {
    const init = {
      method,
      headers: { authorization: `Bearer ${sys.adminToken}`, ...(body !== undefined || raw !== undefined ? { 'content-type': 'application/json' } : {}) },
      body: raw ?? (body === undefined ? undefined : JSON.stringify(body)),
    };
    const res = await sys.exchanges.fetch(`${sys.consoleUrl}${path}`, init, { undocumented: outsideApi });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      // text bodies stay text
    }
    return { status: res.status, body: parsed as T, headers: res.headers };
  };
  const ok = async <T = unknown>(method: string, path: string, body?: unknown): Promise<T> => {
    const res = await call<T>(method, path, body);
    if (res.status >= 300) throw new Error(`${method} ${path} → ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };
  /** What the ingress made of a sender's certificate, on a new TLS connection. */
  const verdict = async (leaf: TestLeaf): Promise<string> =>
    String(((await ingressRequest(sys.ingressPort, ca, { path: '/health', method: 'GET', ...tls(leaf) })).json.clientCertificate as { status: string }).status);

  beforeAll(async () => {
    [pkiA, pkiB, envPki] = await Promise.all([createTestPki({ name: 'Root A' }), createTestPki({ name: 'Root B' }), createTestPki({ name: 'Env Root' })]);
    sys = await startSystem('admin-api', { INGRESS_CLIENT_ROOTS: envPki.root.certPem, CERTGATE_PUBLIC_URL: PUBLIC_URL });
    ca = readFileSync(join(sys.dataDir, 'ingress', 'dev-root-ca.pem'), 'utf8');
  }, 120_000);

  afterAll(async () => {
    await checkExchangesAndStop(sys);
  });

  describe('trusted roots as entries', () => {
    it('two roots added one at a time both work for real TLS senders; removing one leaves the other', async () => {
      const [alice, bob] = await Promise.all([pkiA.issueClient('alice'), pkiB.issueClient('bob')]);
      expect(await verdict(alice)).toBe('rejected');

      const first = await call<RootView[]>('POST', '/ingress/trusted-roots', { certificates: pkiA.root.certPem });
      expect(first.status).toBe(201);
      expect(first.body.filter((r) => r.source === 'api').map((r) => r.fingerprint)).toEqual([pkiA.root.certificate.fingerprint]);
      expect(first.body.find((r) => r.source === 'api')).toMatchObject({
        subjectDN: pkiA.root.certificate.subjectDN,
        notBefore: pkiA.root.certificate.notBefore.toISOString(),
        notAfter: pkiA.root.certificate.notAfter.toISOString(),
      });
      expect(await verdict(alice)).toBe('verified');

      const second = await call<RootView[]>('POST', '/ingress/trusted-roots', { certificates: pkiB.root.certPem });
      expect(second.status).toBe(201);
      expect(second.body.filter((r) => r.source === 'api').map((r) => r.fingerprint)).toEqual([
        pkiA.root.certificate.fingerprint,
        pkiB.root.certificate.fingerprint,
      ]);
      expect(await verdict(alice)).toBe('verified');
      expect(await verdict(bob)).toBe('verified');

      // Adding a root that is there already changes nothing: 200, not 201.
      const again = await call<RootView[]>('POST', '/ingress/trusted-roots', { certificates: pkiA.root.certPem });
      expect(again.status).toBe(200);
      expect(again.body.filter((r) => r.source === 'api')).toHaveLength(2);

      const removed = await call('DELETE', `/ingress/trusted-roots/${pkiA.root.certificate.fingerprint}`);
      expect(removed).toMatchObject({ status: 204, body: undefined });
      expect(await verdict(alice)).toBe('rejected');
      expect(await verdict(bob)).toBe('verified');
      const roots = await ok<RootView[]>('GET', '/ingress/trusted-roots');
      expect(roots.filter((r) => r.source === 'api').map((r) => r.fingerprint)).toEqual([pkiB.root.certificate.fingerprint]);
    });

    it('concurrent adds from several requests lose none (compare-and-set on the bucket value)', async () => {
      const pkis = await Promise.all(Array.from({ length: 6 }, (_, i) => createTestPki({ name: `Concurrent ${i}` })));
      const answers = await Promise.all(pkis.map((p) => call('POST', '/ingress/trusted-roots', { certificates: p.root.certPem })));
      for (const a of answers) expect(a.status).toBe(201);
      const api = (await ok<RootView[]>('GET', '/ingress/trusted-roots')).filter((r) => r.source === 'api').map((r) => r.fingerprint);
      for (const p of pkis) expect(api).toContain(p.root.certificate.fingerprint);
      const sender = await pkis[5].issueClient('concurrent-sender');
      expect(await verdict(sender)).toBe('verified');
    });

    it('DELETE: an unknown fingerprint → 404 trusted_root_not_found; an INGRESS_CLIENT_ROOTS root or the client CA → 409 trusted_root_not_managed', async () => {
      const unknown = await call<ErrorAnswer>('DELETE', `/ingress/trusted-roots/${'0'.repeat(64)}`);
      expect(unknown).toMatchObject({ status: 404, body: { error: 'trusted_root_not_found', details: { sha256: '0'.repeat(64) } } });
      const env = await call<ErrorAnswer>('DELETE', `/ingress/trusted-roots/${envPki.root.certificate.fingerprint.toUpperCase()}`);
      expect(env).toMatchObject({ status: 409, body: { error: 'trusted_root_not_managed', details: { source: 'env' } } });
      expect(env.body.message).toContain('INGRESS_CLIENT_ROOTS');
      const clientCa = (await ok<RootView[]>('GET', '/ingress/trusted-roots')).find((r) => r.source === 'client-ca');
      expect(clientCa).toBeDefined();
      const caAnswer = await call<ErrorAnswer>('DELETE', `/ingress/trusted-roots/${clientCa?.fingerprint}`);
      expect(caAnswer).toMatchObject({ status: 409, body: { error: 'trusted_root_not_managed', details: { source: 'client-ca' } } });
      expect(caAnswer.body.message).toContain(CLIENT_CA_ALIAS);
      expect(await verdict(await envPki.issueClient('env-sender'))).toBe('verified');
    });

    it('a bundle with a root that cannot be one is refused with the reason as its code, and nothing is added', async () => {
      const before = await ok<RootView[]>('GET', '/ingress/trusted-roots');
      const fresh = await createTestPki({ name: 'Refused' });
      const refused = await call<ErrorAnswer>('POST', '/ingress/trusted-roots', { certificates: fresh.root.certPem + fresh.intermediate.certPem });
      expect(refused).toMatchObject({ status: 400, body: { error: 'invalid_anchor', details: { field: 'certificates' } } });
      const garbage = await call<ErrorAnswer>('POST', '/ingress/trusted-roots', { certificates: 'not a certificate' });
      expect(garbage).toMatchObject({ status: 400, body: { error: 'certificate_invalid' } });
      expect(await ok<RootView[]>('GET', '/ingress/trusted-roots')).toEqual(before);
    });
  });

  describe('flows refused up front, naming the field', () => {
    beforeAll(async () => {
      await ok('POST', '/roles', { name: 'Known' });
    });

    const flow = (id: string, authorization: unknown, receiver?: unknown) => ({
      id,
      sender: { address: `/${id}`, authorization },
      steps: [{ type: 'respond', status: 200, body: 'ok' }],
      ...(receiver ? { receiver } : {}),
    });

    it('a role that does not exist → 400 role_unknown', async () => {
      const res = await call<ErrorAnswer>('PUT', '/flows/ghost-role', flow('ghost-role', { type: 'role', role: 'Ghost' }));
      expect(res).toMatchObject({ status: 400, body: { error: 'role_unknown', details: { field: 'sender.authorization.role', role: 'Ghost' } } });
      expect((await call('GET', '/flows/ghost-role')).status).toBe(404);
    });

    it('a role created just before is seen at once (certgate apply creates the role, then the flow)', async () => {
      await ok('POST', '/roles', { name: 'JustMade' });
      expect((await call('PUT', '/flows/just-made', flow('just-made', { type: 'role', role: 'JustMade' }))).status).toBe(200);
    });

    it('a receiver key alias that names no key pair → 400 key_alias_unknown; a trusted certificate is no key pair either', async () => {
      const receiver = (alias: string) => ({ url: 'https://127.0.0.1:1/in', authentication: { type: 'client-certificate', privateKeyAlias: alias } });
      const none = await call<ErrorAnswer>('PUT', '/flows/no-pair', flow('no-pair', { type: 'role', role: 'Known' }, receiver('nope')));
      expect(none).toMatchObject({
        status: 400,
        body: { error: 'key_alias_unknown', details: { field: 'receiver.authentication.privateKeyAlias', alias: 'nope' } },
      });
      await ok('POST', '/keystore/certificates', { alias: 'a-trusted-root', certificate: pkiB.root.certPem });
      const trusted = await call<ErrorAnswer>('PUT', '/flows/no-pair', flow('no-pair', { type: 'role', role: 'Known' }, receiver('a-trusted-root')));
      expect(trusted).toMatchObject({ status: 400, body: { error: 'key_alias_unknown' } });
      expect(trusted.body.message).toContain('trusted certificate');
    });

    it('a listed certificate in no service key → 400 certificate_unknown naming the entry', async () => {
      const [known, stranger] = await Promise.all([pkiB.issueClient('known'), pkiB.issueClient('stranger')]);
      await ok('POST', '/service-instances', { name: 'listed', parameters: { roles: [], 'grant-types': ['client_x509'], 'redirect-uris': [] } });
      await ok('POST', '/service-instances/listed/keys', { name: 'k1', type: 'external-certificate', certificate: known.certPem });
      const auth = { type: 'client-certificate', certificates: [{ pem: known.certPem }, { pem: stranger.certPem }] };
      const res = await call<ErrorAnswer>('PUT', '/flows/listing', flow('listing', auth));
      expect(res).toMatchObject({
        status: 400,
        body: { error: 'certificate_unknown', details: { field: 'sender.authorization.certificates[1]', fingerprint: stranger.certificate.fingerprint } },
      });
      await ok('POST', '/service-instances/listed/keys', { name: 'k2', type: 'external-certificate', certificate: stranger.certPem });
      expect((await call('PUT', '/flows/listing', flow('listing', auth))).status).toBe(200);
    });
  });

  describe('error codes over HTTP', () => {
    it('framework errors: no such route, a body that is not JSON, a missing body', async () => {
      expect(await call('GET', '/no-such-route', undefined, undefined, true)).toMatchObject({ status: 404, body: { error: 'not_found' } });
      expect(await call('POST', '/roles', undefined, '{"name": ')).toMatchObject({ status: 400, body: { error: 'invalid_json' } });
      expect(await call('POST', '/roles')).toMatchObject({ status: 400, body: { error: 'body_missing' } });
    });

    it('objects: each kind of "not found" and "exists" has its code, details naming the object', async () => {
      expect(await call('GET', '/roles/Nobody')).toMatchObject({ status: 404, body: { error: 'role_not_found', details: { role: 'Nobody' } } });
      expect(await call('GET', '/service-instances/nobody')).toMatchObject({ status: 404, body: { error: 'instance_not_found' } });
      expect(await call('GET', '/service-instances/listed/keys/nokey')).toMatchObject({ status: 404, body: { error: 'key_not_found' } });
      expect(await call('GET', '/flows/nowhere')).toMatchObject({ status: 404, body: { error: 'flow_not_found' } });
      expect(await call('GET', '/keystore/entries/nothing')).toMatchObject({ status: 404, body: { error: 'entry_not_found', details: { alias: 'nothing' } } });
      expect(await call('POST', '/roles', { name: 'Known' })).toMatchObject({ status: 409, body: { error: 'role_exists' } });
      expect(await call('DELETE', '/roles/ESBMessaging.send')).toMatchObject({ status: 409, body: { error: 'role_predefined' } });
    });

    it('validation: details.field names the first bad field as a dotted path', async () => {
      const res = await call<ErrorAnswer>('POST', '/service-instances', { name: 'x', parameters: { roles: ['ok', 'a..b'], 'grant-types': ['client_x509'] } });
      expect(res).toMatchObject({ status: 400, body: { error: 'validation_failed', details: { field: 'parameters.roles[1]' } } });
      const roles = await call<ErrorAnswer>('POST', '/service-instances', {
        name: 'x',
        parameters: { roles: ['Known', 'Ghost'], 'grant-types': ['client_x509'] },
      });
      expect(roles).toMatchObject({ status: 400, body: { error: 'role_unknown', details: { field: 'parameters.roles[1]', role: 'Ghost' } } });
    });

    it('every code the API answers has the status of HTTP_STATUS_OF', () => {
      for (const code of Object.values(ErrorCode)) expect([400, 401, 403, 404, 405, 409, 413, 415, 500, 502, 503]).toContain(HTTP_STATUS_OF[code]);
    });
  });

  describe('unknown query parameters, on every route', () => {
    it.each([
      ['GET', '/roles?bogus=1', 'bogus'],
      ['GET', '/health?verbose=true', 'verbose'],
      ['GET', '/flows?id=x', 'id'],
      ['GET', '/logs/trace?status=200', 'status'],
      ['GET', '/logs/access?flowId=x', 'flowId'],
      ['GET', '/certificates?limit=5', 'limit'],
      ['POST', '/roles?dryRun=true', 'dryRun'],
    ])('%s %s → 400 unknown_parameter naming it', async (method, path, parameter) => {
      const res = await call<ErrorAnswer>(method, path, method === 'POST' ? { name: 'NeverMade' } : undefined);
      expect(res).toMatchObject({ status: 400, body: { error: 'unknown_parameter', details: { parameter } } });
    });

    it('a list where one value is expected → 400 validation_failed naming it', async () => {
      await ok('POST', '/keystore/certificates', { alias: 'format-probe', certificate: pkiA.root.certPem });
      for (const query of ['format[]=pem', 'format=pem&format=der']) {
        const res = await call<ErrorAnswer>('GET', `/keystore/entries/format-probe/certificate?${query}`);
        expect(res).toMatchObject({ status: 400, body: { error: 'validation_failed', details: { field: 'format' } } });
      }
      expect(await call('GET', '/logs/access?limit[]=1')).toMatchObject({ status: 400, body: { error: 'validation_failed', details: { field: 'limit' } } });
      expect((await call('GET', '/keystore/entries/format-probe/certificate?format=der')).status).toBe(200);
    });

    it('a declared parameter with a bad value → 400 validation_failed naming it', async () => {
      expect(await call('GET', '/logs/access?limit=5000')).toMatchObject({ status: 400, body: { error: 'validation_failed', details: { field: 'limit' } } });
      expect(await call('GET', '/logs/access?since=yesterday')).toMatchObject({
        status: 400,
        body: { error: 'validation_failed', details: { field: 'since' } },
      });
    });
  });

  describe('log queries', () => {
    let senders: TestLeaf[];
    const requestIds: string[] = [];
    const address = '/logged';

    beforeAll(async () => {
      await ok('POST', '/roles', { name: 'Logged' });
      senders = await Promise.all(['log-a', 'log-b'].map((cn) => pkiB.issueClient(cn)));
      await ok('POST', '/service-instances', { name: 'loggers', parameters: { roles: ['Logged'], 'grant-types': ['client_x509'], 'redirect-uris': [] } });
      await ok('POST', '/service-instances/loggers/keys', { name: 'a', type: 'external-certificate', certificate: senders[0].certPem });
      await ok('POST', '/service-instances', { name: 'outsiders', parameters: { roles: [], 'grant-types': ['client_x509'], 'redirect-uris': [] } });
      await ok('POST', '/service-instances/outsiders/keys', { name: 'b', type: 'external-certificate', certificate: senders[1].certPem });
      await ok('PUT', '/flows/logged', {
        id: 'logged',
        sender: { address, authorization: { type: 'role', role: 'Logged' } },
        steps: [{ type: 'respond', status: 200, body: 'ok' }],
      });
      const send = senderCall(sys.ingressPort, ca);
      // 7 allowed (200, sb-loggers!a), 5 refused (403, sb-outsiders!b), 3 without credentials (401).
      const plan: [TestLeaf | undefined, number][] = [
        ...Array.from({ length: 7 }, (): [TestLeaf, number] => [senders[0], 200]),
        ...Array.from({ length: 5 }, (): [TestLeaf, number] => [senders[1], 403]),
        ...Array.from({ length: 3 }, (): [undefined, number] => [undefined, 401]),
      ];
      for (const [leaf, status] of plan) {
        const res = await send(address, leaf ? tls(leaf) : {});
        expect(res.status).toBe(status);
        requestIds.push(String(res.headers['x-request-id']));
      }
      // Log records are published in batches without waiting: wait until all are stored.
      await eventually(async () => (await ok<AccessLogRecord[]>('GET', `/logs/access?address=${address}&limit=1000`)).length === plan.length, 10_000, 100);
      await eventually(async () => (await ok<MplRecord[]>('GET', '/message-logs?flowId=logged&limit=1000')).length === plan.length, 10_000, 100);
    });

    it('status and who filters return only matching records, each with its seq', async () => {
      const refused = await ok<(AccessLogRecord & { seq: number })[]>('GET', `/logs/access?status=4xx&address=${address}`);
      expect(refused).toHaveLength(8);
      for (const r of refused) expect([401, 403]).toContain(r.status);
      const forbidden = await ok<AccessLogRecord[]>('GET', `/logs/access?status=403&address=${address}`);
      expect(forbidden).toHaveLength(5);
      const who = await ok<(AccessLogRecord & { seq: number })[]>('GET', `/logs/access?who=${encodeURIComponent('sb-loggers!a')}`);
      expect(who).toHaveLength(7);
      for (const r of who) expect(r).toMatchObject({ who: 'sb-loggers!a', status: 200, seq: expect.any(Number) });
      const seqs = who.map((r) => r.seq);
      expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
      const byPrincipal = await ok<MplRecord[]>('GET', `/message-logs?principal=${encodeURIComponent('sb-outsiders!b')}&status=403`);
      expect(byPrincipal).toHaveLength(5);
      for (const r of byPrincipal) expect(r).toMatchObject({ principal: 'sb-outsiders!b', status: 403, outcome: 'denied' });
    });

    it('the message log carries the request id, so access, trace and message records of one request link up', async () => {
      const id = requestIds[8]; // a refused one: it has a trace record too
      const [accessRecs, mplRecs, traceRecs] = await Promise.all([
        ok<AccessLogRecord[]>('GET', `/logs/access?requestId=${id}`),
        ok<MplRecord[]>('GET', `/message-logs?requestId=${id}`),
        ok<{ requestId?: string }[]>('GET', `/logs/trace?requestId=${id}`),
      ]);
      expect(accessRecs).toHaveLength(1);
      expect(mplRecs).toEqual([expect.objectContaining({ requestId: id, messageId: id, flowId: 'logged', status: 403 })]);
      for (const t of traceRecs) expect(t.requestId).toBe(id);
    });

    it('paging with the cursor returns every matching record once, newest page first, and no cursor after the last page', async () => {
      const seen: number[] = [];
      let path = `/logs/access?address=${address}&limit=4`;
      let pages = 0;
      for (;;) {
        const page = await call<(AccessLogRecord & { seq: number })[]>('GET', path);
        expect(page.status).toBe(200);
        pages++;
        const seqs = page.body.map((r) => r.seq);
        if (seen.length) expect(Math.max(...seqs)).toBeLessThan(Math.min(...seen));
        seen.push(...seqs);
        const cursor = page.headers.get('x-next-cursor');
        if (!cursor) break;
        path = `/logs/access?address=${address}&limit=4&cursor=${encodeURIComponent(cursor)}`;
      }
      expect(pages).toBe(4);
      expect(seen).toHaveLength(15);
      expect(new Set(seen).size).toBe(15);
      const all = await ok<(AccessLogRecord & { seq: number })[]>('GET', `/logs/access?address=${address}&limit=1000`);
      expect([...seen].sort((a, b) => a - b)).toEqual(all.map((r) => r.seq));
      expect((await call('GET', '/logs/access?cursor=not-a-cursor')).status).toBe(400);
    });

    it('after: the matching records newer than a seq, oldest first (following a log); since/until narrow by time', async () => {
      const all = await ok<(MplRecord & { seq: number })[]>('GET', '/message-logs?flowId=logged&limit=1000');
      const after = await ok<(MplRecord & { seq: number })[]>('GET', `/message-logs?flowId=logged&after=${all[9].seq}&limit=3`);
      expect(after.map((r) => r.seq)).toEqual(all.slice(10, 13).map((r) => r.seq));
      expect(await ok('GET', `/message-logs?flowId=logged&after=${all[14].seq}`)).toEqual([]);
      expect(await ok<unknown[]>('GET', '/message-logs?flowId=logged&since=1h&limit=1000')).toHaveLength(15);
      expect(await ok('GET', `/message-logs?flowId=logged&until=${encodeURIComponent(new Date(Date.parse(all[0].time) - 60_000).toISOString())}`)).toEqual([]);
      const future = new Date(Date.now() + 3_600_000).toISOString();
      expect(await ok('GET', `/logs/access?address=${address}&since=${encodeURIComponent(future)}`)).toEqual([]);
      expect(await call('GET', '/message-logs?cursor=djE6NQ&after=3')).toMatchObject({ status: 400, body: { details: { field: 'after' } } });
    });
  });

  describe('service keys carry url and tokenurl', () => {
    it('from CERTGATE_PUBLIC_URL, on create, list, get and the instance view', async () => {
      const expected = { url: 'https://certgate.example.com:9443/http', tokenurl: 'https://certgate.example.com:9443/oauth/token' };
      await ok('POST', '/service-instances', { name: 'endpoints', parameters: { roles: [], 'grant-types': ['client_credentials'], 'redirect-uris': [] } });
      expect(await ok('POST', '/service-instances/endpoints/keys', { name: 's1', type: 'client-secret' })).toMatchObject({
        ...expected,
        clientsecret: expect.any(String),
      });
      expect(await ok('GET', '/service-instances/endpoints/keys')).toEqual([expect.objectContaining(expected)]);
      expect(await ok('GET', '/service-instances/endpoints/keys/s1')).toMatchObject(expected);
      expect(await ok('GET', '/service-instances/endpoints')).toMatchObject({ keys: [expect.objectContaining(expected)] });
    });
  });
});
