import { randomBytes } from 'node:crypto';
import { ExchangeRecorder, freePort, launchServices, startNatsHarness, type LaunchedSystem, type NatsHarness } from '@certgate/testing';

const ADMIN = randomBytes(24).toString('base64url');

interface Answer<T = { error?: string; message?: string; details?: Record<string, unknown> }> {
  status: number;
  headers: Headers;
  body: T;
}

interface Send {
  /** A body sent as it is (a string), with this Content-Type (none when left out). */
  raw?: string;
  type?: string;
  /** A route outside the API on purpose: the recorder checks the document has no operation for it. */
  undocumented?: boolean;
}

interface Operation {
  parameters?: { in: string; name: string }[];
}

/**
 * Issue 19: hostile requests to the admin API, each answered with the right 4xx in the
 * design's shape `{error, message, details?}` naming the problem, and nothing written
 * (each write is followed by a GET). Identity and console as processes on real NATS;
 * every answer is checked against the OpenAPI document the console serves.
 */
describe('strict request parsing on the admin API (identity and console as processes, real NATS)', () => {
  let h: NatsHarness;
  let system: LaunchedSystem;
  let api: string;
  const exchanges = new ExchangeRecorder('console-strict-requests');

  const send = async <T = Answer['body']>(method: string, path: string, opts: Send = {}): Promise<Answer<T>> => {
    const res = await exchanges.fetch(
      `${api}${path}`,
      { method, headers: { authorization: `Bearer ${ADMIN}`, ...(opts.type && { 'content-type': opts.type }) }, body: opts.raw },
      { undocumented: opts.undocumented },
    );
    const text = await res.text();
    return { status: res.status, headers: res.headers, body: (text ? JSON.parse(text) : {}) as T };
  };
  const json = (method: string, path: string, raw: string) => send(method, path, { raw, type: 'application/json' });

  const roleNames = async () => (await send<{ name: string }[]>('GET', '/roles')).body.map((r) => r.name);

  beforeAll(async () => {
    h = await startNatsHarness({ label: 'console-strict-requests' });
    const port = await freePort();
    api = `http://127.0.0.1:${port}/api/v1`;
    const env = { ...h.env, CERTGATE_MASTER_KEY: randomBytes(32).toString('base64url'), CERTGATE_ADMIN_TOKEN: ADMIN, LOG_LEVEL: 'warn' };
    system = await launchServices({
      services: ['identity', 'console'],
      nc: h.nc,
      env,
      envOf: { console: { CONSOLE_PORT: String(port) } },
      readyTimeoutMs: 60_000,
    });
    for (;;) {
      const up = await fetch(`${api}/health`, { headers: { authorization: `Bearer ${ADMIN}` } }).then(
        (r) => r.status === 200,
        () => false,
      );
      if (up) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    await exchanges.loadDocument(api);
  }, 120_000);

  afterAll(async () => {
    try {
      await system?.stop();
      await h?.stop();
    } finally {
      if (system) exchanges.verify(20);
    }
  });

  it('a well-formed JSON body still creates (the baseline)', async () => {
    expect(await json('POST', '/roles', '{"name":"Baseline"}')).toMatchObject({ status: 201, body: { name: 'Baseline' } });
    expect(await roleNames()).toContain('Baseline');
  });

  it('a form-urlencoded or text/plain body is 415 naming the type sent and the types accepted; nothing is created', async () => {
    const form = await send('POST', '/roles', { raw: 'name=FormRole', type: 'application/x-www-form-urlencoded' });
    expect(form).toMatchObject({
      status: 415,
      body: {
        error: 'unsupported_media_type',
        message: 'request body of type application/x-www-form-urlencoded: the admin API accepts application/json (or application/*+json) in UTF-8',
        details: { contentType: 'application/x-www-form-urlencoded', accepted: ['application/json', 'application/*+json'] },
      },
    });
    const text = await send('POST', '/roles', { raw: '{"name":"TextRole"}', type: 'text/plain;charset=UTF-8' });
    expect(text).toMatchObject({
      status: 415,
      body: {
        error: 'unsupported_media_type',
        message: 'request body of type text/plain: the admin API accepts application/json (or application/*+json) in UTF-8',
      },
    });
    expect(await roleNames()).not.toEqual(expect.arrayContaining(['FormRole']));
    expect(await roleNames()).not.toContain('TextRole');
    expect((await send('GET', '/roles/FormRole')).body.error).toBe('role_not_found');
  });

  it('a key given twice, at the top level or nested, is 400 invalid_json naming the key and its path; nothing is created', async () => {
    const top = await json('POST', '/roles', '{"name":"DupFirst","name":"DupSecond"}');
    expect(top).toEqual({
      status: 400,
      headers: expect.anything(),
      body: {
        error: 'invalid_json',
        message: 'request body: duplicate key "name" at $ (a key may appear once per object)',
        details: { key: 'name', path: '$' },
      },
    });
    const nested = await json(
      'POST',
      '/service-instances',
      '{"name":"dup-inst","parameters":{"roles":["Baseline"],"grant-types":["client_x509"],"roles":["ESBMessaging.send"],"redirect-uris":[]}}',
    );
    expect(nested).toMatchObject({
      status: 400,
      body: {
        error: 'invalid_json',
        message: 'request body: duplicate key "roles" at $.parameters (a key may appear once per object)',
        details: { key: 'roles', path: '$.parameters' },
      },
    });
    const proto = await json('POST', '/roles', '{"name":"ProtoRole","__proto__":{"predefined":true}}');
    expect(proto.body).toMatchObject({ error: 'invalid_json', details: { key: '__proto__', path: '$' } });
    const names = await roleNames();
    for (const name of ['DupFirst', 'DupSecond', 'ProtoRole']) expect(names).not.toContain(name);
    expect((await send('GET', '/service-instances/dup-inst')).body.error).toBe('instance_not_found');
  });

  it('?limit[]=1, ?format[]=pem and ?a[b]=c are 400 naming the parameter, on reads and on writes; nothing is created', async () => {
    expect(await send('GET', '/audit?limit[]=1')).toMatchObject({
      status: 400,
      body: {
        error: 'validation_failed',
        message: "invalid query: limit: give 'limit' once, as a single value (not a list)",
        details: { field: 'limit', parameter: 'limit[]' },
      },
    });
    expect(await send('GET', '/roles?limit[]=1')).toMatchObject({ status: 400, body: { error: 'unknown_parameter', details: { parameter: 'limit[]' } } });
    expect(await send('GET', '/keystore/entries/some-alias/certificate?format[]=pem')).toMatchObject({
      status: 400,
      body: { error: 'validation_failed', details: { field: 'format', parameter: 'format[]' } },
    });
    expect(await send('GET', '/keystore/entries/some-alias/certificate?format=pem&format=der')).toMatchObject({
      status: 400,
      body: { error: 'validation_failed', details: { field: 'format' } },
    });
    expect(await send('GET', '/roles?a[b]=c')).toMatchObject({
      status: 400,
      body: { error: 'unknown_parameter', message: "unknown query parameter 'a[b]': this route does not take it (it takes none)" },
    });
    expect((await json('POST', '/roles?a[b]=c', '{"name":"QueryRole"}')).body).toMatchObject({ error: 'unknown_parameter', details: { parameter: 'a[b]' } });
    expect((await json('POST', '/roles?limit[]=1', '{"name":"QueryRole"}')).status).toBe(400);
    expect(await send('DELETE', '/roles/Baseline?force[]=true')).toMatchObject({ status: 400, body: { error: 'unknown_parameter' } });
    expect(await roleNames()).toContain('Baseline');
    expect(await roleNames()).not.toContain('QueryRole');
    // The OpenAPI document's own routes take no parameter either.
    const doc = await fetch(`${new URL(api).origin}/api/docs-json?format[]=pem`);
    expect(doc.status).toBe(400);
    expect(await doc.json()).toMatchObject({ error: 'unknown_parameter', details: { parameter: 'format[]' } });
  });

  it('every operation of the document refuses a list or an object for a parameter it takes, and ?a[b]=c', async () => {
    const doc = (await (await fetch(`${new URL(api).origin}/api/docs-json`)).json()) as { paths: Record<string, Record<string, Operation>> };
    const seen: string[] = [];
    for (const [template, item] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(item)) {
        // The single sign-on callback takes whatever parameters the identity provider adds: only its own are checked.
        const path = template.replace('/api/v1', '').replace(/\{[^}]+\}/g, 'no-such-thing');
        const declared = (op.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name);
        const hostile = [...declared.map((p) => `${p}[]=1`), ...(template.endsWith('/oidc/callback') ? [] : ['a[b]=c'])];
        for (const query of hostile) {
          const answer = await send(method.toUpperCase(), `${path}?${query}`);
          seen.push(`${method.toUpperCase()} ${path}?${query} → ${answer.status} ${answer.body.error}`);
          // Sign-out takes the session cookie only: its guard refuses a bearer token before the query is read.
          const expected = template === '/api/v1/auth/session' && method === 'delete' ? { status: 403, error: 'forbidden' } : undefined;
          expect({ method, path, query, status: answer.status, error: answer.body.error }).toEqual({
            method,
            path,
            query,
            ...(expected ?? { status: 400, error: query === 'a[b]=c' ? 'unknown_parameter' : 'validation_failed' }),
          });
        }
      }
    }
    expect(seen.length).toBeGreaterThan(100);
    expect(await roleNames()).toEqual(expect.arrayContaining(['Baseline']));
  });

  it('PUT /flows/ says the flow id is missing; an unknown route is 404 naming method and path; another method 405 with Allow', async () => {
    const noId = await send('PUT', '/flows/', { raw: '{"id":"f1"}', type: 'application/json', undocumented: true });
    expect(noId).toMatchObject({
      status: 404,
      body: {
        error: 'not_found',
        message: 'no route PUT /api/v1/flows/: the path parameter {id} is missing (PUT /api/v1/flows/{id} needs it)',
        details: { method: 'PUT', path: '/api/v1/flows/', route: '/api/v1/flows/{id}', missing: ['id'] },
      },
    });
    expect(await send('GET', '/no-such-route', { undocumented: true })).toEqual({
      status: 404,
      headers: expect.anything(),
      body: {
        error: 'not_found',
        message: 'no route GET /api/v1/no-such-route: the admin API has no such path (its routes are listed at /api/docs)',
        details: { method: 'GET', path: '/api/v1/no-such-route' },
      },
    });
    const patch = await send('PATCH', '/roles/Baseline', { raw: '{"description":"x"}', type: 'application/json', undocumented: true });
    expect(patch).toMatchObject({ status: 405, body: { error: 'method_not_allowed', details: { method: 'PATCH', path: '/api/v1/roles/Baseline' } } });
    expect(patch.body.message).toMatch(/^no route PATCH \/api\/v1\/roles\/Baseline: this path takes .*DELETE.*GET/);
    expect(patch.headers.get('allow')).toMatch(/GET/);
    expect((await send<{ description: string }>('GET', '/roles/Baseline')).body.description).toBe('');
  });

  it('a body over 1 MiB is 413 naming the limit; nothing is created', async () => {
    const big = JSON.stringify({ name: 'BigRole', description: 'x'.repeat(1024 * 1024) });
    expect(await json('POST', '/roles', big)).toMatchObject({
      status: 413,
      body: { error: 'payload_too_large', message: 'request body exceeds 1 MiB (1048576 bytes)', details: { limit: 1048576 } },
    });
    expect(await roleNames()).not.toContain('BigRole');
  });
});
